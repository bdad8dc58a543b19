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


def test_numbered_research_units(ex):
    got = _ents(ex, "中电科55所、中船702所、航天科技八院签约。")
    assert [(t, c) for t, _, c in got] == [("中电科55所", "central_soe_unit"), ("中船702所", "central_soe_unit"),
                                          ("航天科技八院", "central_soe_unit")]
    # a numbered unit that is a listed name of its own keeps that name's link
    assert _ents(ex, "中国电科14所签约。")[0][1] == "中国电子科技集团公司第十四研究所"


def test_group_and_its_unit_written_as_one_name(ex):
    assert _ents(ex, "中石油长庆油田推进项目。") == [
        ("中石油长庆油田", "中国石油天然气股份有限公司长庆油田分公司", "central_soe_unit")]


def test_curated_anchored_short_names_in_lists(ex):
    # 大唐, 航天科技 are the groups in a list of enterprises, not on their own (大唐不夜城)
    got = _ents(ex, "华能、大唐、航天科技、航天科工等央企在本省布局。")
    assert [c for _, c, _ in got] == ["中国华能集团有限公司", "中国大唐集团有限公司", "中国航天科技集团有限公司",
                                      "中国航天科工集团有限公司"]
    assert _ents(ex, "游览大唐不夜城。") == []


def test_former_anchored_name_is_not_a_list_item_link(ex):
    # 强生 was once a listed firm's short name; in a list of foreign firms it is not that firm
    got = {t: c for t, c, _ in _ents(ex, "辉瑞、强生、默沙东等外企。")}
    assert got.get("强生") != "上海外服控股集团股份有限公司"


def test_central_unit_named_by_group_place_and_trade(ex):
    got = {t: (c, cat) for t, c, cat in _ents(ex, "推动中海油惠州石化、埃克森美孚惠州乙烯等重大项目建成。")}
    assert got["中海油惠州石化"][1] == "central_soe_unit"
    # a group (found by its form) and its own known unit written as one name
    assert _ents(ex, "国家能源集团宁夏煤业投产。") == [
        ("国家能源集团宁夏煤业", "国家能源集团宁夏煤业有限责任公司", "central_soe_unit")]


def test_railway_bureau_groups_and_curated_brand(ex):
    got = {t: (c, cat) for t, c, cat in _ents(ex, "中国铁路南昌局集团加快建设，支持吉利、阿里巴巴等企业做大做强。")}
    assert got["中国铁路南昌局集团"] == ("中国铁路南昌局集团有限公司", "central_soe_unit")
    assert got["吉利"] == ("浙江吉利控股集团有限公司", "private")
    assert _ents(ex, "祝大家新年吉利。") == []
