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
    assert (m["6%"].role, m["6%"].direction) == ("target", None)  # the spec: direction for change and from/value


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


def _ind(m, anchor):
    return m[anchor].indicator.text if m[anchor].indicator else None


def test_indicator_head_tagged_as_verb_keeps_its_modifiers(extractor):
    """收入/支出 are verbs to jieba; the indicator still runs left over 一般公共预算."""
    m = _metrics(extractor, "全县一般公共预算收入完成3.2亿元，同比增长4.1%。")
    assert _ind(m, "3.2亿元") == "一般公共预算收入" and _ind(m, "4.1%") == "一般公共预算收入"


def test_indicator_keeps_a_class_threshold(extractor):
    m = _metrics(extractor, "规模以上工业增加值增长6.5%，全区引进亿元以上项目12个。")
    assert _ind(m, "6.5%") == "规模以上工业增加值"
    assert _ind(m, "12个") == "亿元以上项目"  # 引进 is the action, not the measure


def test_indicator_keeps_a_quoted_part_and_drops_an_alias(extractor):
    m = _metrics(extractor, "推出“一网通办”事项120项。全市地区生产总值(GDP)为356.2亿元。")
    assert _ind(m, "120项") == "“一网通办”事项"
    assert _ind(m, "356.2亿元") == "地区生产总值"


def test_separately_each_number_takes_its_item(extractor):
    m = _metrics(extractor, "蔬菜、水果、肉类价格分别上涨2.1%、1.5%和0.8%。")
    assert [_ind(m, a) for a in ("2.1%", "1.5%", "0.8%")] == ["蔬菜", "水果", "肉类"]
    assert {(m[a].role, m[a].direction) for a in ("2.1%", "1.5%", "0.8%")} == {("change", "increase")}


def test_coordinated_nouns_are_one_indicator(extractor):
    m = _metrics(extractor, "电力、燃气及水生产和供应业增加值增长9.1%。")
    assert _ind(m, "9.1%") == "电力、燃气及水生产和供应业增加值"


def test_share_names_the_part(extractor):
    m = _metrics(extractor, "第三产业增加值占地区生产总值的比重为48.2%。")
    assert m["48.2%"].role == "share" and _ind(m, "48.2%") == "第三产业增加值"


def test_a_total_counts_what_the_number_before_counts(extractor):
    m = _metrics(extractor, "新增高新技术企业15家、总数达120家。")
    assert _ind(m, "15家") == "新增高新技术企业" and _ind(m, "120家") == "高新技术企业"


def test_goal_word_inside_the_indicator_is_no_goal(extractor):
    m = _metrics(extractor, "一般公共预算收入增长5%，规划面积达到12平方公里。")
    assert m["5%"].role == "change" and m["12平方公里"].role == "value"


def test_action_verb_is_not_part_of_the_indicator(extractor):
    m = _metrics(extractor, "全年招引高层次人才320名。")
    assert _ind(m, "320名") == "高层次人才"


def test_money_change_verbs(extractor):
    m = _metrics(extractor, "税收收入同比减收1.2亿元。")
    assert (m["1.2亿元"].role, m["1.2亿元"].direction) == ("change", "decrease")


def test_period_of_a_part_of_the_year(extractor):
    m = _metrics(extractor, "2023年前三季度，全县地区生产总值增长5.1%。上半年，社会消费品零售总额增长4.2%。")
    assert m["5.1%"].period == "2023-01/2023-09"
    m = _metrics(extractor, "2022年1-11月，全市规模以上工业增加值增长3.3%。")
    assert m["3.3%"].period == "2022-01/2022-11"


def test_period_since_a_year_runs_to_the_documents_date(extractor):
    text = "发布日期：2023年5月8日\n\n2021年以来，全市累计引进项目86个。"
    assert _metrics(extractor, text)["86个"].period == "2021-01/2023-05"


def test_period_as_of_year_end(extractor):
    assert _metrics(extractor, "截至2022年底，全省共有国家级开发区18家。")["18家"].period == "2022-12"


def test_base_year_is_not_the_period(extractor):
    m = _metrics(extractor, "2023年，全市经济平稳。\n\n粮食产量较2020年增长12%。")
    assert m["12%"].period is None and m["12%"].basis == "base_period"


def test_whole_year_is_the_year_the_passage_is_about(extractor):
    text = "发文日期：2024-02-20\n\n一、2023年工作回顾\n\n过去的2023年，我们迎难而上。全年地区生产总值增长5.3%。"
    assert _metrics(extractor, text)["5.3%"].period == "2023"


def test_plan_period_end_and_span(extractor):
    m = _metrics(extractor, "力争到“十五五”末，数字经济核心产业增加值突破800亿元。")
    assert m["800亿元"].period == "2030"
    m = _metrics(extractor, "“十四五”期间，全市累计完成造林面积12万亩。")
    assert m["12万亩"].period == "2021/2025"


def test_plan_year_statement_dates_this_year(extractor):
    text = "2024年全市经济回升。今年是“十四五”规划收官之年，今年全市计划新建5G基站900个。"
    assert _metrics(extractor, text)["900个"].period == "2025"


def test_last_year_after_a_comparison_word_is_a_basis(extractor):
    text = "发布时间：2024年3月1日\n\n今年1月，全市工业用电量比上年增长6.1%。"
    assert _metrics(extractor, text)["6.1%"].period == "2024-01"


def test_goal_words_naming_a_programme_and_plans_with_jiang(extractor):
    m = _metrics(extractor, "实施学生营养改善计划，惠及学生2.1万人。明年全区将新建幼儿园6所。")
    assert m["2.1万人"].role == "value"
    assert m["6所"].role == "target"


def test_forward_count_needs_a_name_of_two_characters(extractor):
    m = _metrics(extractor, "全市9个县及以上城市空气质量达标，达标天数增加12天。")
    assert _ind(m, "9个") != "县" and _ind(m, "12天") == "达标天数"


def test_goal_before_a_semicolon_list_covers_it(extractor):
    m = _metrics(extractor, "今年主要预期目标是：地区生产总值增长6%左右；粮食产量稳定在50万吨以上。")
    assert (m["6%"].role, m["6%"].direction) == ("target", None) and m["50万吨"].role == "target"


def test_zhengqu_before_a_noun_obtains(extractor):
    m = _metrics(extractor, "全年争取上级专项资金3.2亿元，同比增长12%。")
    assert m["3.2亿元"].role == "value" and m["12%"].role == "change"


def test_whole_city_in_a_county_report_names_no_division(extractor):
    text = "台安县2024年经济运行情况。台安县工业平稳。全市规模以上工业增加值增长3%，全县粮食产量12万吨。"
    m = _metrics(extractor, text)
    assert m["3%"].region is None
    assert m["12万吨"].region is not None and m["12万吨"].region.code == "210321"


def test_an_area_that_is_not_a_division_keeps_its_name(extractor):
    m = _metrics(extractor, "鞍山市财政局发布。鞍山市财政平稳。中心城区一般公共预算收入12.5亿元。")
    assert m["12.5亿元"].region is not None and m["12.5亿元"].region.code is None
    assert m["12.5亿元"].region.name == "中心城区"


def test_an_enterprise_elsewhere_in_the_sentence_does_not_take_the_city(extractor):
    text = "鞍山市统计局发布。鞍山市经济平稳。鞍钢集团带动明显，全市新增配套企业66家。"
    m = _metrics(extractor, text)
    assert m["66家"].region is not None and m["66家"].region.code == "210300"


def test_numbers_that_are_no_metric(extractor):
    m = _metrics(extractor, "税收收入连续5年居全省第1。建成30兆瓦级光伏电站。主要做了以下4方面工作。")
    assert "5年" not in m and "30兆瓦" not in m


def test_a_count_of_the_items_just_listed_is_no_metric(extractor):
    m = _metrics(extractor, "推进城东水厂、城西污水处理厂、南湖公园3个重点工程。推进北湖公园等5个项目。")
    assert "3个" not in m and "5个" in m


def test_above_before_a_verb_is_a_value_not_a_class(extractor):
    m = _metrics(extractor, "原材料80%以上从本地采购，固定资产投资增长7%以上……")
    assert "80%" in m and "7%" in m and m["7%"].role == "change"


def test_whole_year_after_this_year_is_this_year(extractor):
    text = "发布时间：2025年1月20日\n\n2024年，全市经济增长5%。\n\n今年，全市将继续扩大开放。全年新签约项目努力突破100个。"
    assert _metrics(extractor, text)["100个"].period == "2025"


def test_same_year_takes_the_year_of_the_heading(extractor):
    text = "发布时间：2025年1月20日\n\n## 2023年城市建设亮点\n\n### 城市更新篇\n\n老旧小区改造项目当年开工，新增公共停车位1200个。"
    assert _metrics(extractor, text)["1200个"].period == "2023"


def test_enterprises_listed_before_a_count_do_not_own_it(extractor):
    text = "鞍山市统计局发布。鞍山市经济平稳。中铁集团等6家央企在鞍山设立分支机构。"
    m = _metrics(extractor, text)
    assert m["6家"].region is not None and m["6家"].region.code == "210300"


def test_a_figure_of_one_project_has_no_region(extractor):
    text = "鞍山市统计局发布。鞍山市经济平稳。鞍山华美新材料有限公司年产5万吨新材料项目审批用时缩短45天。"
    m = _metrics(extractor, text)
    assert m["45天"].region is None


def test_basis_holds_over_the_sentence_and_only_for_changes(extractor):
    m = _metrics(extractor, "其中，第一产业增加值12.1亿元，比上年增长3.1%；第二产业增加值30.4亿元，增长2.2%。全年工业增长4%。")
    assert m["3.1%"].basis == "yoy" and m["2.2%"].basis == "yoy"
    assert m["12.1亿元"].basis is None and m["4%"].basis is None


def test_last_years_level_after_a_comparison_word_has_no_basis(extractor):
    m = _metrics(extractor, "全年税收收入5.2亿元，较上年4.8亿元增长8.3%。")
    assert m["4.8亿元"].basis is None and m["8.3%"].basis == "yoy"


def test_revenue_of_the_budget_is_no_goal(extractor):
    m = _metrics(extractor, "全年县级一般公共预算收入3.1亿元，加上上划收入2.9亿元，财政总收入6.0亿元。")
    assert {m[a].role for a in ("3.1亿元", "2.9亿元", "6.0亿元")} == {"value"}


def test_the_doer_before_a_verb_of_doing_is_not_the_indicator(extractor):
    m = _metrics(extractor, "市农商银行向小微企业投放贷款6.2亿元。12345热线平台受理群众诉求8.1万件。")
    assert _ind(m, "6.2亿元") == "投放贷款"
    assert _ind(m, "8.1万件") == "群众诉求"


def test_a_statistical_term_that_starts_with_a_verb(extractor):
    m = _metrics(extractor, "全县重点项目完成投资56.3亿元，增长9.2%。")
    assert _ind(m, "56.3亿元") == "完成投资" and _ind(m, "9.2%") == "完成投资"


def test_a_count_names_a_bracketed_or_sized_class_after_it(extractor):
    m = _metrics(extractor, "产品销往12个省(区、市)。全省建成3个千亿级产业集群。")
    assert _ind(m, "12个") == "省(区、市)"
    assert _ind(m, "3个") == "千亿级产业集群"


def test_a_level_reached_by_a_change_keeps_its_direction(extractor):
    m = _metrics(extractor, "企业开办时间压缩至3个工作日，绿色产品占比提升到31%。")
    assert (m["3个工作日"].role, m["3个工作日"].direction) == ("value", "decrease")
    assert (m["31%"].role, m["31%"].direction) == ("value", "increase")


def test_a_word_that_only_looks_like_a_goal(extractor):
    m = _metrics(extractor, "全力争资金，争取专项债券资金15.2亿元。")
    assert m["15.2亿元"].role == "value"


def test_a_plan_covers_its_semicolon_list_unless_a_part_is_done(extractor):
    m = _metrics(extractor, "今年，全市将推动120个项目开工；盘活闲置厂房8万平方米。")
    assert m["8万平方米"].role == "target"
    m = _metrics(extractor, "力争解决企业难题；组建了服务团队35个。")
    assert m["35个"].role == "value"


def test_class_words_footnotes_and_split_terms(extractor):
    m = _metrics(extractor, "其中，烟酒类上涨1.2%、衣着类下降0.6%。全年实现地区生产总值[1]88.5亿元。自然增长率为-1.2‰。")
    assert _ind(m, "1.2%") == "烟酒类" and _ind(m, "0.6%") == "衣着类"
    assert _ind(m, "88.5亿元") == "地区生产总值"
    assert _ind(m, "-1.2‰") == "自然增长率"


def test_a_place_inside_the_counted_whole_ends_the_name(extractor):
    m = _metrics(extractor, "全县41个工业行业中有25个行业实现增长。")
    assert _ind(m, "41个") == "工业行业"


def test_a_gap_to_another_figure_is_a_change_without_basis(extractor):
    m = _metrics(extractor, "全县地区生产总值比上年增长6.1%，增速分别高于全国、全省1.1、0.5个百分点。")
    assert m["6.1%"].basis == "yoy"
    for a in ("1.1", "0.5个百分点"):
        assert (m[a].role, m[a].direction, m[a].basis) == ("change", "increase", None)
        assert _ind(m, a) == "增速"


def test_a_contribution_is_a_level(extractor):
    m = _metrics(extractor, "第三产业拉动经济增长2.4个百分点。")
    assert (m["2.4个百分点"].role, m["2.4个百分点"].direction) == ("value", None)
    assert _ind(m, "2.4个百分点") == "拉动经济增长"


def test_bi_x_gao_is_a_gap(extractor):
    m = _metrics(extractor, "规模以上工业增加值增速7.3%，比全省高2.1个百分点；年末企业128户，比上年多9户。")
    assert (m["2.1个百分点"].role, m["2.1个百分点"].direction, m["2.1个百分点"].basis) == ("change", "increase", None)
    assert (m["9户"].role, m["9户"].direction, m["9户"].basis) == ("change", "increase", "yoy")


def test_a_count_opened_by_a_class_threshold(extractor):
    m = _metrics(extractor, "全年新开工56个5000万元以上项目。")
    assert _ind(m, "56个") == "5000万元以上项目"


def test_whole_city_in_a_county_level_citys_report_is_that_city(extractor):
    text = "宁乡市财政局发布。宁乡市财政平稳。全市一般公共预算收入完成42.6亿元，为预算的101.2%。"
    m = _metrics(extractor, text)
    assert m["42.6亿元"].region is not None and m["42.6亿元"].region.code == "430182"
    assert _ind(m, "101.2%") == "一般公共预算收入"  # the completion of the number before


def test_a_planned_amount_is_named_before_its_verb(extractor):
    m = _metrics(extractor, "2025年，全县一般公共预算支出预计安排31.5亿元。")
    assert _ind(m, "31.5亿元") == "一般公共预算支出" and m["31.5亿元"].role == "target"


def test_budget_and_its_completion(extractor):
    m = _metrics(extractor, "全年县级一般公共预算收入3.2亿元，完成预算数3.0亿元的106.7%，较上年增长5.1%。")
    assert m["3.0亿元"].role == "target" and _ind(m, "3.0亿元") == "县级一般公共预算收入"
    assert m["106.7%"].role == "share" and _ind(m, "106.7%") == "县级一般公共预算收入"
    assert m["5.1%"].role == "change"


def test_a_misspelt_key_in_metrics_yaml_fails_at_load(tmp_path):
    import pytest
    import yaml
    from pydantic import ValidationError

    from zhgov_extract.records.metric_rules import MetricRules
    from zhgov_extract.resources import rules_path

    data = yaml.safe_load(open(rules_path("metrics.yaml"), encoding="utf-8"))
    assert MetricRules.model_validate(data).plan_periods["十四五"] == (2021, 2025)
    data["agent_verb"] = data.pop("agent_verbs")
    bad = tmp_path / "metrics.yaml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValidationError):
        MetricRules.load(bad)


def test_a_goal_share_is_a_target_and_national_classes_keep_their_name(extractor):
    m = _metrics(extractor, "力争民间投资占全部投资比重达45%以上。新增全国重点实验室3家，新增现代物流企业12家。")
    assert m["45%"].role == "target"
    assert _ind(m, "3家") == "新增全国重点实验室"
    assert _ind(m, "12家") == "新增现代物流企业"


def test_plan_period_of_the_paragraph(extractor):
    text = "“十五五”时期是全市转型的关键期。报告提出，力争期间地区生产总值年均增长6%左右。"
    assert _metrics(extractor, text)["6%"].period == "2026/2030"


def test_a_label_before_a_counted_list_is_no_number(extractor):
    m = _metrics(extractor, "紧扣产业方向（“3”即发展钢铁、化工、新材料3个优势产业集群），全年新增企业2家、项目1个。")
    assert "3个" not in m and "2家" in m and "1个" in m


def test_half_width_punctuation_bounds_clauses_too(extractor):
    m = _metrics(extractor, "全年,烟酒、衣着价格分别上涨0.9%、1.0%;交通价格下降0.5%。方向(“2”即培育钢铁、化工2个集群),新增企业8家。")
    assert [_ind(m, a) for a in ("0.9%", "1.0%", "0.5%")] == ["烟酒", "衣着", "交通价格"]
    assert m["0.5%"].direction == "decrease" and "2个" not in m and "8家" in m


def test_a_sentence_about_the_enterprise_just_named_has_no_region(extractor):
    text = "鞍山市统计局发布。鞍山市经济平稳。鞍山华美新材料有限公司去年投产。该公司年销售收入12亿元。全市工业增长5%。"
    m = _metrics(extractor, text)
    assert m["12亿元"].region is None
    assert m["5%"].region is not None and m["5%"].region.code == "210300"


def test_a_region_inside_a_venue_name_is_not_the_figures_region(extractor):
    r = extractor("曲靖市2024年文旅发展情况。\n昆明会堂接待游客12万人次。")
    rec = next(x for x in r.records if x.kind == "metric" and x.anchor.text == "12万人次")
    assert rec.region is not None and rec.region.name == "曲靖市"   # the document's, not the venue's
