"""The shortcuts that make records cheaper (issue 13) give what the long way gives."""
from __future__ import annotations

import pytest

from zhgov_extract.records.metric_rules import MetricRules


@pytest.fixture(scope="module")
def rules() -> MetricRules:
    return MetricRules.load()


def _strip_loop(r: MetricRules, text: str, lo: int, hi: int) -> int:
    """The loop predicate_start replaces: strip predicate words off the end until none is left."""
    p = r.predicate_re.search(text, lo, hi)
    while p is not None and lo < p.start() < hi:
        hi = p.start()
        p = r.predicate_re.search(text, lo, hi)
    if p is not None and p.start() == lo:
        hi = lo
    return hi


CLAUSES = [
    "全市地区生产总值比上年同期增长",    # a basis and a verb after the indicator
    "规模以上工业增加值同比增长了",      # 了 after the verb
    "一般公共预算收入达到",
    "居民人均可支配收入",               # no predicate at all: ends in a noun
    "固定资产投资，、 ",                 # separators and spaces only after the noun
    "增长",                            # nothing but the predicate
    "社会消费品零售总额[2]为",           # a footnote mark inside the predicate
    "新签约项目\n共计",                  # a line break inside
    "粮食总产量稳定在",
]


@pytest.mark.parametrize("clause", CLAUSES)
def test_predicate_start_is_the_strip_loop(rules, clause):
    text = "前文。" + clause + "100亿元"
    lo, hi = 3, 3 + len(clause)
    assert rules.predicate_start(text, lo, hi) == _strip_loop(rules, text, lo, hi)


def test_predicate_start_finds_the_predicate_and_leaves_the_noun(rules):
    text = "规模以上工业增加值同比增长"
    assert text[:rules.predicate_start(text, 0, len(text))] == "规模以上工业增加值"
    text = "居民人均可支配收入"
    assert rules.predicate_start(text, 0, len(text)) == len(text)


def test_sentence_memo_is_per_document():
    """The period a paragraph states before a sentence is read once for all its numbers, and
    never carried to another document with the same offsets."""
    from zhgov_extract import Extractor

    ex = Extractor()
    for year in ("2023", "2024"):
        r = ex(f"{year}年全市经济平稳。地区生产总值增长5%，工业增加值增长6%。")
        periods = [x.period for x in r.records if x.kind == "metric"]
        assert periods == [year, year]


def test_predicate_start_is_the_regex_on_random_clauses(rules):
    """Clauses made of predicate words, separators, footnote marks and other characters, at random."""
    import random

    rng = random.Random(13)
    pieces = list(rules.predicate_words) + ["，", "、", " ", "\n", "[2]", "[12]", "[", "]", "1", "收入", "增", "长", "值"]
    for _ in range(3000):
        clause = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        text = "前文" + clause
        lo, hi = 2, len(text)
        p = rules.predicate_re.search(text, lo, hi)
        assert rules.predicate_start(text, lo, hi) == (p.start() if p else hi), clause


@pytest.mark.parametrize("name", ["change_re", "compare_re", "share_re", "share_of_re", "of_plan_re"])
def test_an_end_anchored_search_from_its_longest_match_finds_the_same(rules, name):
    import random

    rng = random.Random(name)
    words = (rules.increase_words + rules.decrease_words + rules.to_words + rules.share_words + rules.plan_nouns
             + rules.compare_words[0] + rules.compare_short[0] + ["比", "占", "的", "比重", "了", "约", "全省", "收入", "，", "\n", "5"])
    pattern = getattr(rules, name)
    for _ in range(3000):
        text = "".join(rng.choice(words) for _ in range(rng.randint(1, 30)))
        lo, hi = 0, len(text) - rng.randint(0, 2)
        want, got = pattern.search(text, lo, hi), rules.ends(name, text, lo, hi)
        assert (want and (want.span(), want.groupdict())) == (got and (got.span(), got.groupdict())), text
