"""Offsets are sacred: every mention's text is source[start:end], on every
corpus document and on random input; extract never raises on a str."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import corpus_files
from zhgov_extract import extract
from zhgov_extract.read.encoding import read_text


def _check(report, text):
    last = -1
    for m in report.mentions:
        assert text[m.start:m.end] == m.text, m
        assert m.start < m.end
        assert m.text == m.text.strip(), f"mention starts or ends with whitespace: {m.text!r}"
        assert m.start >= last
        last = m.start
        if m.sentence >= 0:
            s = report.sentences[m.sentence]
            assert s.start <= m.start < s.end


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.stem)
def test_corpus_offsets(extractor, path):
    src = read_text(path)
    report = extractor(src.text, doc_id=path.stem, source=src)
    assert report.mentions, "a real report has mentions"
    _check(report, src.text)


# Text built from the pieces that make extraction hard: digits, Chinese numerals,
# units, qualifiers, line breaks, full-width forms, brackets and names.
PIECES = st.sampled_from(list("0123456789.,%-+／／０１２３４５６７８９．％－一二三十百千万亿余多元吨个家年月日第《》（）()、，。；\n \t\u3000")
                         + ["亿元", "万吨/年", "个百分点", "倍", "增长", "超过", "以上", "左右", "近", "约", "2024年",
                            "有限公司", "集团", "项目", "中国", "鞍钢", "华能", "\n\n", "海城市", "◆ ", "- ", "# "])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=60).map("".join))
def test_random_pieces(numeric_only, text):
    _check(numeric_only(text), text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_random_unicode_never_raises(text):
    report = extract(text)
    _check(report, text)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=80).map("".join))
def test_random_full_pipeline(text):
    _check(extract(text), text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(PIECES, st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF,
                                                  categories=("Cs",))), max_size=40).map("".join))
def test_lone_surrogates_never_raise(text):
    """Text decoded with surrogateescape keeps lone surrogates; extraction still works on it."""
    _check(extract(text), text)


@pytest.mark.parametrize("text", [
    "一" * 50000,                               # long numeral runs (the look-ahead must stay bounded)
    "、".join(["华能"] * 20000),                 # one enterprise list of 20,000 items, walked once
    "有限公司" * 10000,
    "2024年" * 10000,
])
def test_pathological_inputs_are_linear(numeric_only, text):
    """These took minutes when a pattern or a list walk was quadratic; now they are well under a second."""
    report = extract(text)
    _check(report, text)
