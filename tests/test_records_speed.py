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


def test_predicate_start_is_the_strip_loop_on_random_clauses(rules):
    """Clauses made of predicate words, separators, footnote marks and other characters, at random."""
    import random

    rng = random.Random(13)
    pieces = list(rules.predicate_words) + ["，", "、", " ", "\n", "[2]", "[12]", "[", "]", "1", "收入", "增", "长", "值"]
    for _ in range(3000):
        text = "前文" + "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert rules.predicate_start(text, 2, len(text)) == _strip_loop(rules, text, 2, len(text)), text


SENTENCES = [
    # metric records: a level, a change with its basis, a share, a goal, a region of a zone, a period
    "2024年，全市地区生产总值完成3200亿元，比上年增长5.2%；高新区规模以上工业增加值占全市比重达35%。",
    "力争到2025年，县域一般公共预算收入达到18亿元。前三季度社会消费品零售总额同比下降1.5%。",
    # project records: owner, investment, capacity, region, status, year, a repeated name (same_as)
    "鞍钢集团投资50亿元建设年产200万吨冷轧板项目，目前已开工。\n\n冷轧板项目计划2026年投产。",
    "总投资12亿元的宁波舟山港梅山港区二期工程项目建成投产，冷轧板项目进展顺利。",
    # regions that point at their mention, one from the heading above a list item, a repeated name
    "鞍山市2024年地区生产总值完成3200亿元，比上年增长5.2%；海城市规模以上工业增加值增长8%。",
    "鞍山市鞍钢集团投资50亿元建设鞍钢冷轧板项目，目前已开工。\n\n鞍钢冷轧板项目计划2026年投产。",
    "一、海城市\n\n1.海城菱镁新材料产业园项目，总投资20亿元，2025年开工。",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_linked_records_are_built_as_validation_would_make_them(text):
    """The records component's records skip validation: what is built equals what validation makes of
    the same record (every field, in the order the model dumps them)."""
    from zhgov_extract import Extractor
    from zhgov_extract.pipeline import _map_record
    from zhgov_extract.records.build import LinkedRecord

    ex = Extractor()
    doc = ex.make_doc(text)
    for _, run in ex._components:
        run(doc)
    assert doc.records and all(type(r) is LinkedRecord for r in doc.records)
    kinds = set()
    for rec in doc.records:
        built = _map_record(rec, doc.norm.to_source, text)
        validated = _map_record(dict(rec), doc.norm.to_source, text)
        assert built == validated and built.model_dump_json() == validated.model_dump_json()
        kinds.add(rec["kind"])
    assert kinds <= {"metric", "project"}


def test_a_record_another_component_adds_is_validated():
    from pydantic import ValidationError

    from zhgov_extract import Extractor, register_component

    @register_component("test_bad_record")
    def bad_record(extractor):
        def run(doc):
            doc.records.append({"kind": "metric", "anchor": {"start": 0, "end": 2}, "type": "money", "role": "level"})
        return run

    ex = Extractor(components=["documents", "dates", "numeric", "test_bad_record"], tokenizer=None)
    with pytest.raises(ValidationError, match="role"):
        ex("投资3亿元。")
