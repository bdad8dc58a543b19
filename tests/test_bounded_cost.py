"""Bounded cost: no input costs much more than ordinary prose of the same length.

Each adversarial input (a form word repeated, a long list of company names,
Latin text full of alias look-alikes, body suffixes repeated) is run next to
prose of the same length in the same test, and only the ratio is asserted, with
generous margins (CPU time, so other processes do not count).  The inputs are
sized to run in seconds; before the fix ``"公司" * 50000`` took 34 s.
"""
from __future__ import annotations

import random
import time
import tracemalloc

import pytest

from conftest import CORPUS

N = 30_000


def _prose(n: int) -> str:
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((CORPUS / "raw").glob("*.txt")))
    return (text * (n // len(text) + 1))[:n]


def _names(n: int) -> str:
    """A list of distinct company names separated by 、 (as a signing list is written)."""
    rnd = random.Random(7)
    syll = "华宇镁砖荣信汇科恒泰洁能庞大星海远航振兴金鼎瑞丰宏达鑫源永盛天成博远嘉禾"
    items = (rnd.choice(["鞍山", "海城", "辽宁", ""]) + "".join(rnd.sample(syll, rnd.choice([2, 3])))
             + rnd.choice(["电气", "新材料", "耐火", "科技", ""]) + rnd.choice(["有限公司", "股份有限公司", "集团", ""])
             for _ in range(n // 4))
    return "、".join(items)[:n]


def _cpu(extractor, text: str) -> float:
    best = float("inf")
    for _ in range(2):
        t0 = time.process_time()
        extractor(text)
        best = min(best, time.process_time() - t0)
    return best


def _peak(extractor, text: str) -> int:
    tracemalloc.start()
    try:
        extractor(text)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# input, allowed CPU ratio to prose (a list of names is mostly mentions, each linked: more work per character)
INPUTS = {
    "公司 repeated": (("公司" * N)[:N], 3.0),
    "有限公司 repeated": (("有限公司" * N)[:N], 3.0),
    "集团 repeated": (("集团" * N)[:N], 3.0),
    "body suffixes repeated": (("委员会办公室局" * N)[:N], 4.0),
    "Latin look-alikes": (("DOCTYPE OCTOBER GENERAL GMT+8 SAPPHIRE " * N)[:N], 3.0),
    "list of company names": (_names(N), 8.0),
    # every number is a metric record read back over its sentence: no stop, no end to the sentence
    "amounts with no punctuation": (("总投资5亿元华为" * N)[:N], 8.0),
    "heads with no punctuation": (("甲乙项目、" * N)[:N], 3.0),
}


@pytest.mark.parametrize("name", list(INPUTS))
def test_cost_is_bounded_by_prose_of_the_same_length(extractor, name):
    text, ratio = INPUTS[name]
    extractor("预热。")
    prose = _cpu(extractor, _prose(len(text)))
    cost = _cpu(extractor, text)
    assert cost <= ratio * prose + 0.05, f"{name}: {cost:.2f}s vs prose {prose:.2f}s"


@pytest.mark.parametrize("name", ["公司 repeated", "list of company names"])
def test_memory_is_bounded_by_prose_of_the_same_length(extractor, name):
    text, _ = INPUTS[name]
    prose = _peak(extractor, _prose(len(text)))
    assert _peak(extractor, text) <= 6 * prose, name


def test_cost_grows_linearly(extractor):
    """Twice the input costs about twice as much (a quadratic step would cost four times)."""
    small, large = _cpu(extractor, _names(N // 2)), _cpu(extractor, _names(N))
    assert large <= 3.0 * small + 0.05, (small, large)
    small, large = _cpu(extractor, ("公司" * N)[:N // 2]), _cpu(extractor, ("公司" * N)[:N])
    assert large <= 3.0 * small + 0.05, (small, large)
