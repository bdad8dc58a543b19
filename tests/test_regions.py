"""Regions need evidence: a short name inside everyday words is no region (issue 14)."""
from __future__ import annotations

import pytest

NOT_REGIONS = [
    "统筹发展和安全，守住底线",       # 和安 (和安县)
    "建设一批创新平台",               # 新平 (新平县)
    "支持中小金融机构改革",           # 小金 (小金县)
    "推进超大城市治理",               # 大城 (大城县)
    "对工作提出更高要求",             # 高要 (高要区)
    "确保社会长治久安",               # 长治 (长治市)
    "面对复杂多变的形势",             # 杂多 (杂多县)
    "提升中心城区功能品质",           # 城区 (a district's full name, an everyday word)
]


@pytest.mark.parametrize("text", NOT_REGIONS, ids=[t[:8] for t in NOT_REGIONS])
def test_no_region_inside_everyday_words(extractor, text):
    assert [m.text for m in extractor(text).mentions if m.type == "region"] == []


REGIONS = [
    ("长治市、晋城市加快转型", {"长治市": ("140400", "prefecture"), "晋城市": ("140500", "prefecture")}),
    ("和安县、杂多县通过验收", {"和安县": ("653229", "county"), "杂多县": ("632722", "county")}),
    ("在长治调研时指出", {"长治": ("140400", "prefecture")}),              # a short name as a word of its own
    ("山西省长治市召开会议", {"山西省": ("140000", "province"), "长治市": ("140400", "prefecture")}),
    ("大同市、晋城市城区", {"大同市": ("140200", "prefecture"), "晋城市": ("140500", "prefecture"),
                         "城区": ("140502", "county")}),             # 城区 right after its city
]


@pytest.mark.parametrize("text,expected", REGIONS, ids=[t[0][:8] for t in REGIONS])
def test_regions_with_evidence(extractor, text, expected):
    got = {m.text: (m.norm.code, m.norm.level) for m in extractor(text).mentions if m.type == "region"}
    assert got == expected


def test_a_region_inside_a_name_is_no_mention_but_still_the_records_region(extractor):
    """ANNOTATION: 鞍山市委 is one organisation; a place inside a project or enterprise name is part
    of that name.  The project's record still takes its region from it."""
    text = "乐山机场建成通航，乐山市人民政府与四川宜宾纸业有限公司签约。乐山市经济增长6%。"
    r = extractor(text)
    assert [(m.start, m.text) for m in r.mentions if m.type == "region"] == [(text.index("。乐山市") + 1, "乐山市")]
    project = next(x for x in r.records if x.kind == "project" and x.anchor.text == "乐山机场")
    assert project.region is not None and project.region.code == "511100"
