"""Metric records: indicator, role, direction, basis, period and region, one invented sentence per case."""
from __future__ import annotations


def _metrics(extractor, text):
    r = extractor(text)
    return {x.anchor.text: x for x in r.records if x.kind == "metric"}


def test_value_then_change_share_one_indicator(extractor):
    m = _metrics(extractor, "2024年，全市地区生产总值完成1880亿元，同比增长5.2%。")
    assert m["1880亿元"].indicator.text == "地区生产总值" and m["1880亿元"].role == "value"
    g = m["5.2%"]
    assert (g.role, g.direction, g.basis) == ("change", "increase", "yoy")
    assert g.indicator.text == "地区生产总值"
    assert g.period == "2024" and m["1880亿元"].period == "2024"


def test_decrease(extractor):
    m = _metrics(extractor, "单位能耗比上年下降3.1%。")
    assert (m["3.1%"].role, m["3.1%"].direction, m["3.1%"].basis) == ("change", "decrease", "yoy")
    assert m["3.1%"].indicator.text == "单位能耗"


def test_from_and_value(extractor):
    m = _metrics(extractor, "高端产品占比由9.6%提升到16.3%。")
    assert (m["9.6%"].role, m["9.6%"].direction) == ("from", "increase")
    assert (m["16.3%"].role, m["16.3%"].direction) == ("value", "increase")
    assert m["16.3%"].indicator.text == "高端产品占比"


def test_target(extractor):
    m = _metrics(extractor, "力争规模以上工业增加值增长6%。")
    assert (m["6%"].role, m["6%"].direction) == ("target", "increase")


def test_base_period(extractor):
    m = _metrics(extractor, "碳排放强度比2020年下降12%。")
    assert m["12%"].basis == "base_period"


def test_a_count_names_its_thing_after_it(extractor):
    m = _metrics(extractor, "全年新引进29家科技型企业。")
    assert m["29家"].indicator.text == "科技型企业"


def test_whole_city_is_the_documents_city(extractor):
    text = "鞍山市统计局发布。鞍山市经济平稳。全市粮食产量达到120万吨。"
    m = _metrics(extractor, text)
    assert m["120万吨"].region is not None and m["120万吨"].region.code == "210300"


def test_threshold_inside_a_noun_is_no_metric(extractor):
    m = _metrics(extractor, "新开工5000万元以上项目120个。")
    assert "5000万元" not in m and "120个" in m


def test_project_fields_are_not_metrics(extractor):
    m = _metrics(extractor, "总投资12亿元的江岸物流港项目开工建设。")
    assert "12亿元" not in m
