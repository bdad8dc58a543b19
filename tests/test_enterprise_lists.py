"""Enterprise lists (issue 14): count-less kind tails, items beside known enterprises, and the
guards that keep sectors, counts, persons and phrases out.  Every sentence is invented."""
from __future__ import annotations

import pytest

from zhgov_extract.pipeline import Extractor

CASES = [
    # a count-less kind tail: an item made of everyday words (光明+生物) is a name beside a real one
    ("支持光明生物、蓝晶微材等创新型企业上市。", ["光明生物", "蓝晶微材"]),
    # ... but everyday words alone are no names
    ("推动数字经济、清洁能源等企业发展。", []),
    # a tail that names sectors lists sectors (领域, 产业), with or without a count
    ("覆盖煤化工、新材料、燃气等12个领域国有企业的改革。", []),
    ("推动新材料、生物医药等产业企业集聚。", []),
    # a short unknown item between known enterprises is one
    ("先后引进中国宝武、上汽、蓝拓、中铜等龙头项目。", ["中国宝武", "上汽", "蓝拓", "中铜"]),
    # an anchored-only listed name next to a known one, ending where a name can end
    ("支持福耀、张裕拓展海外市场。", ["福耀", "张裕"]),
    # guards: a count, a person after a title, a stop word, a bracketed place before the item
    ("审批时间缩短15个月、中国五矿项目开工。", ["中国五矿"]),
    ("会见了中国华能总经理张三丰、中国华电总经理李四海。", ["中国华能", "中国华电"]),
    ("通过与中科院、中国中车合作。", ["中国中车"]),
    ("推进华夏(沈阳)康养城、中国中车合作。", ["中国中车"]),
    # a former listed short name made of dictionary words (商业+网点) is ordinary text
    ("推动特色街区、商业网点综合发展。", []),
    # items that are public bodies, parks or kinds of enterprise are no names
    ("省发改委、省经信厅、华为等单位和企业参加。", ["华为"]),
    ("推动高新区、经开区等园区企业发展。", []),
    ("支持专精特新、小巨人等企业发展。", []),
    ("培育瞪羚、独角兽等企业。", []),
    # an everyday listed name holding a stop character (美的) is an item of a list of enterprises …
    ("海尔、格力、美的等家电企业。", ["海尔", "格力", "美的"]),
    ("格力、美的参加。", ["格力", "美的"]),
    # … and ordinary words elsewhere
    ("美的生活。", []),
    # an item ending in a group form next to known ones is a name even with verb-like trade words
    ("鞍钢集团、本钢集团公司、攀钢集团等企业。", ["鞍钢集团", "本钢集团公司", "攀钢集团"]),
    ("中国华能、上述公司、有关集团参加。", ["中国华能"]),
]


def test_form_item_links_to_the_report_province(ex):
    got = {m.text: m.norm.canonical for m in ex("安徽省。支持省能源集团、省国资运营公司做强做优。").mentions
           if m.type == "enterprise"}
    assert got == {"省能源集团": "安徽省能源集团有限公司", "省国资运营公司": "安徽省国有资本运营控股集团有限公司"}


@pytest.fixture(scope="module")
def ex():
    return Extractor(components=["documents", "dates", "numeric", "enterprise"])


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:14] for c in CASES])
def test_list_items(ex, text, expected):
    assert [m.text for m in ex(text).mentions if m.type == "enterprise"] == expected
