"""Precision guards of the enterprise stage (issue 14), one invented sentence per kind of error."""
from __future__ import annotations

import pytest

from zhgov_extract.pipeline import Extractor

CASES = [
    # a known name ending in 局 after a region or 市/县 is that place's bureau (招商局 is also a group)
    ("(宾川县招商局 供稿)", []),
    ("市招商局与华为公司座谈。", ["华为公司"]),
    # a known name followed by 报/网讯/新闻网 is a newspaper or news site
    ("来源:中国电力报", []),
    ("据中国石化报报道,中国石化启动项目。", ["中国石化"]),
    ("中国建筑新闻网消息,项目开工。", []),
    # a branch named only by its place: whose branch is not said, unless its bank was just named
    ("成都分行发放贷款10亿元。", []),
    ("工商银行召开会议。成都分行发放贷款10亿元。", ["工商银行", "成都分行"]),
    # a policy verb before a name is not part of it
    ("扶持华宇镁业有限公司扩大生产。", ["华宇镁业有限公司"]),
    ("督促远大建设集团整改。", ["远大建设集团"]),
    ("落地宏图智能装备有限公司项目。", ["宏图智能装备有限公司"]),
    # a rank before an institution kind is a count, not a trade name (and so no short name either)
    ("组建五大产业集团,五大产业集团资产过千亿。", []),
    ("评选全省十强企业集团。", []),
    # the report's own place words before a form are no trade name (全省城投公司: all of them)
    ("推动全省城投公司转型,我市平台公司整合。", []),
    # kinds of institution named by who they serve are no names (农村信用社, 农民专业合作社) …
    ("推进农村信用社改革,规范农民专业合作社发展。", []),
    # … while a named one is
    ("海城市兴农种植专业合作社成立。", ["海城市兴农种植专业合作社"]),
    # a transliterated word after a foreign area is a foreign city, not a firm (美国恒力 is one)
    ("市长见证本市与意大利帕多瓦签署友好城市协议。", []),
    ("签约德国杜伊斯堡物流项目。", []),
    ("台湾青烽与本市签约。", ["台湾青烽"]),
    # a port or airport whose traffic the clause gives is the facility, not its company …
    ("宁波舟山港完成货物吞吐量13.2亿吨,深圳机场旅客吞吐量5000万人次。", []),
    # … which it is where it acts
    ("宁波舟山港与本市签约。", ["宁波舟山港"]),
    # a branch of a public body (the central bank) is no enterprise; a commercial bank's is
    ("数据来源于市统计局、人民银行株洲中心支行、国网株洲供电公司。", ["国网株洲供电公司"]),
    ("工商银行株洲分行发放贷款。", ["工商银行株洲分行"]),
]


def test_foreign_area_and_a_known_foreign_firm(ex):
    got = {m.text: (m.norm.canonical, m.norm.category) for m in ex("与美国霍尼韦尔合作，美国恒力签约。").mentions
           if m.type == "enterprise"}
    assert got["美国霍尼韦尔"] == ("霍尼韦尔国际公司", "foreign")
    assert got["美国恒力"] == ("美国恒力", "foreign")  # not the Chinese 恒力集团


@pytest.fixture(scope="module")
def ex():
    return Extractor(components=["documents", "dates", "numeric", "enterprise"])


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:12] for c in CASES])
def test_guard(ex, text, expected):
    assert [m.text for m in ex(text).mentions if m.type == "enterprise"] == expected
