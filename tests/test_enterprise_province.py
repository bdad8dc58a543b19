"""A province's own groups named by their short form (issue 14): 省 + short form, the province's
name + short form, and the short form alone in that province's report, linked through the
document's region (link/province.py).  Sentences are invented; the groups are real."""
from __future__ import annotations

import pytest

from zhgov_extract.pipeline import Extractor


@pytest.fixture(scope="module")
def ex():
    return Extractor(components=["documents", "dates", "numeric", "enterprise"])


def _canon(ex, text):
    return {m.text: m.norm.canonical for m in ex(text).mentions if m.type == "enterprise"}


def test_own_prefix_means_the_province_of_the_report(ex):
    got = _canon(ex, "浙江省杭州市举行签约仪式，省交投集团、省能源集团、省机场集团分别签约。")
    assert got == {"省交投集团": "浙江省交通投资集团有限公司", "省能源集团": "浙江省能源集团有限公司",
                   "省机场集团": "浙江省机场集团有限公司"}


def test_province_name_and_characters_kept_in_order(ex):
    # 交通 ← 交通投资, 国资运营 ← 国有资本运营: the short form keeps characters of the trade words in order
    got = _canon(ex, "浙江省交通集团与山西国资运营公司座谈。")
    assert got == {"浙江省交通集团": "浙江省交通投资集团有限公司", "山西国资运营公司": "山西省国有资本运营有限公司"}


def test_bare_short_form_in_the_province_report(ex):
    got = _canon(ex, "四川省成都市召开会议，华西集团与机场集团签约。")
    assert got == {"华西集团": "四川华西集团有限公司", "机场集团": "四川省机场集团有限公司"}


def test_guards(ex):
    # 省 means the province's own group, not a city's (成都交通投资集团 is Chengdu's)
    assert _canon(ex, "四川省成都市召开会议，省交投集团参加。") == {"省交投集团": "省交投集团"}
    # a core far longer than the short form is another firm (贵州省交通规划勘察设计研究院)
    assert _canon(ex, "贵州省贵阳市召开会议，省交通集团参加。") == {"省交通集团": "省交通集团"}
    # without a report's province a bare short form links nothing
    assert _canon(ex, "机场集团开通新航线。") == {"机场集团": "机场集团"}


def test_province_groups_unit(ex):
    pg = ex.enterprise_tagger.linker.provinces
    assert pg.link("国资运营公司", "14").canonical == "山西省国有资本运营有限公司"
    assert pg.link("交通", "33") is None  # no form word: the sector
    assert pg.document_province([(0, 3, "浙江省"), (5, 7, "杭州"), (9, 11, "成都")]) == "33"


@pytest.mark.parametrize("text,expected", [
    # an anchored-only group name that opens a clause and signs an agreement is the group
    ("今年6月份,四川发展与绵阳市签订战略合作协议。", {"四川发展": "四川发展（控股）有限责任公司"}),
    # an item of a list of enterprises links to an anchored-only name too
    ("由四川发展和中国五冶投资建设的项目开工。", {"四川发展": "四川发展（控股）有限责任公司", "中国五冶": "中国五冶集团有限公司"}),
    # elsewhere the words are the province developing
    ("推动四川发展与重庆发展协同。", {}),
    ("美的与丑的。", {}),
])
def test_anchored_group_names_in_context(ex, text, expected):
    assert _canon(ex, text) == expected


def test_province_group_is_not_the_central_soe_of_the_same_short_name(ex):
    # 国投集团 alone is the central SOE (国家开发投资集团); after 省 or the province's name it is the
    # province's own group of that short form
    assert _canon(ex, "山东省济南市召开会议，省国投集团签约。") == {"省国投集团": "山东省国有资产投资控股有限公司"}
    assert _canon(ex, "山东省国投集团签约。") == {"山东省国投集团": "山东省国有资产投资控股有限公司"}
    assert _canon(ex, "山东省济南市召开会议，国投集团签约。") == {"国投集团": "国家开发投资集团有限公司"}
    # a province with no group of that short form keeps the SOE (华能 after 四川)
    assert _canon(ex, "四川省成都市，四川华能签约。") == {"华能": "中国华能集团有限公司"}


def test_city_prefix_means_the_report_city(ex):
    # a city's report (its districts named): 市… is that city's own group
    got = _canon(ex, "成都市2025年统计公报。成都市锦江区、成都市武侯区：市交投集团完成投资。")
    assert got == {"市交投集团": "成都交通投资集团有限公司"}
    # a province's report does not say which city 市 is
    assert _canon(ex, "四川省：市城投集团完成投资。") == {"市城投集团": "市城投集团"}
    # in a municipality 市 is the municipality
    assert _canon(ex, "北京市：市国资公司、首钢集团签约。")["市国资公司"] == "北京市国有资产经营有限责任公司"


def test_document_home(ex):
    pg = ex.enterprise_tagger.linker.provinces
    assert pg.document_home([(0, 3, "成都市"), (4, 7, "锦江区"), (9, 12, "四川省")]) == "510100"
    assert pg.document_home([(0, 3, "四川省"), (4, 7, "成都市")]) == "510000"
