"""Linking: the alias test set (tests/data/alias_pairs.tsv) behind FUZZY_THRESHOLD.

Each row is a name as written and the canonical it must link to, or nothing
(hard negatives: 国家电投 is not 国家电网, 鞍山银行 is not 中国银行, …).  The local
Anshan enterprises come from a user list, as a user would add theirs.
"""
from __future__ import annotations

import pytest

from conftest import ROOT
from zhgov_extract import Extractor
from zhgov_extract.link.linker import FUZZY_THRESHOLD
from zhgov_extract.link.gazetteer import read_tsv

PAIRS = read_tsv(ROOT / "tests" / "data" / "alias_pairs.tsv")


@pytest.fixture(scope="module")
def tagger():
    ex = Extractor(tokenizer=None, gazetteers=[ROOT / "gazetteers" / "examples" / "anshan_local.tsv"])
    return ex.enterprise_tagger


def _accuracy(tagger, threshold):
    wrong = []
    for row in PAIRS:
        ent, _ = tagger.link_name(row["mention"], threshold)
        got = ent.canonical if ent else ""
        if got != row["expected_canonical"]:
            wrong.append((row["mention"], row["expected_canonical"], got))
    return 1 - len(wrong) / len(PAIRS), wrong


def test_alias_set_size():
    assert len(PAIRS) >= 150
    assert sum(1 for r in PAIRS if not r["expected_canonical"]) >= 30


def test_alias_set_accuracy(tagger):
    acc, wrong = _accuracy(tagger, FUZZY_THRESHOLD)
    assert acc >= 0.98, wrong


def test_threshold_is_where_negatives_stop_linking(tagger):
    """A lower threshold links hard negatives: the chosen one is the lowest that does not."""
    low, wrong_low = _accuracy(tagger, FUZZY_THRESHOLD - 5)
    chosen, _ = _accuracy(tagger, FUZZY_THRESHOLD)
    assert chosen > low, wrong_low


def test_hard_negatives_do_not_link(tagger):
    for row in PAIRS:
        if row["kind"] == "negative":
            ent, _ = tagger.link_name(row["mention"])
            assert ent is None or ent.canonical == row["expected_canonical"], row
