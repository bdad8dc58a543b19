"""Offsets are sacred for records too: every field that points into the text slices to its own text."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import corpus_files
from zhgov_extract.read.encoding import read_text


def _pointers(x):
    if isinstance(x, dict):
        if isinstance(x.get("start"), int) and isinstance(x.get("end"), int):
            yield x
        for v in x.values():
            yield from _pointers(v)
    elif isinstance(x, list):
        for v in x:
            yield from _pointers(v)


def check_records(report, text: str) -> int:
    n = 0
    for rec in report.records:
        for p in _pointers(rec.model_dump()):
            assert 0 <= p["start"] <= p["end"] <= len(text), p
            assert text[p["start"]:p["end"]] == p["text"], p
            n += 1
    return n


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.stem)
def test_corpus_record_offsets(extractor, path):
    src = read_text(path)
    report = extractor(src.text, doc_id=path.stem, source=src)
    check_records(report, src.text)


PIECES = st.sampled_from(
    list("0123456789.%一二三十百万亿元吨个家年月、，。；\n （）“”") +
    ["亿元", "万吨", "项目", "工程", "基地", "产业园", "一期", "有限公司", "集团", "年产", "总投资", "同比增长",
     "下降", "占比", "由", "提升到", "全市", "海城市", "鞍山", "开工", "建成", "签约", "等", "个重点项目",
     "\n\n", "- ◆ ", "2024年", "力争", "比上年"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, min_size=1, max_size=60).map("".join))
def test_random_record_offsets(extractor, text):
    report = extractor(text)
    check_records(report, text)
