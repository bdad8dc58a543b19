"""How far a known short name reaches (issue 14): an industry word after it belongs to it where the two
start the company's own registered name; a unit of a private firm is private.  Invented sentences."""
from __future__ import annotations

import pytest

from zhgov_extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex():
    return Extractor(components=["documents", "dates", "numeric", "enterprise"])


def _ents(ex, text):
    return [(m.text, m.norm.canonical, m.norm.category) for m in ex(text).mentions if m.type == "enterprise"]


def test_short_name_plus_industry_word_of_its_registered_name(ex):
    # 宁德时代 + 新能源 starts 宁德时代新能源科技股份有限公司: the longer short form of the same company
    assert _ents(ex, "宁德时代新能源福鼎基地项目开工。") == [
        ("宁德时代新能源", "宁德时代新能源科技股份有限公司", "private")]


def test_industry_word_that_the_project_makes_stays_out(ex):
    # 光伏 is what the project makes, not part of 中国华能集团有限公司's name
    assert [t for t, _, _ in _ents(ex, "中国华能光伏发电项目并网。")] == ["中国华能"]


def test_unit_of_a_private_firm_is_private(ex):
    got = _ents(ex, "比亚迪半导体与华为公司合作。")
    assert got[0][:1] == ("比亚迪半导体",) and got[0][2] == "private"
