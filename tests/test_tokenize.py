"""Tokenizer stage: own dictionary per instance; rjieba gives jieba's tokens."""
from __future__ import annotations

import pytest

from conftest import corpus_files
from zhgov_extract.text.normalize import normalize
from zhgov_extract.text.tokenize import JiebaTokenizer, make_tokenizer, rjieba_available


def test_tokens_have_offsets():
    tok = JiebaTokenizer()
    text = "鞍钢集团矿业东烧厂辽宁首条400万吨/年带式球团项目"
    toks = tok.tokenize(text)
    assert "".join(w for w, _, _ in toks) == text
    assert all(text[a:b] == w for w, a, b in toks)


def test_added_words_stay_whole_and_are_private():
    a, b = JiebaTokenizer(), JiebaTokenizer()
    a.add_words(["鞍钢集团矿业东烧厂"])
    text = "鞍钢集团矿业东烧厂辽宁首条"
    assert ("鞍钢集团矿业东烧厂", 0, 9) in a.tokenize(text)
    assert ("鞍钢集团矿业东烧厂", 0, 9) not in b.tokenize(text)


@pytest.mark.skipif(not rjieba_available(), reason="rjieba not installed")
def test_rjieba_matches_jieba_on_corpus():
    j, r = make_tokenizer("jieba"), make_tokenizer("rjieba")
    for path in corpus_files():
        text = normalize(path.read_text(encoding="utf-8-sig")).text
        assert j.tokenize(text) == r.tokenize(text), path.name


def test_unknown_backend():
    with pytest.raises(ValueError):
        make_tokenizer("nope")
