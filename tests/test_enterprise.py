"""Enterprise recognition, sentence by sentence (spans as the spec gives them)."""
from __future__ import annotations

import pytest

CASES = [
    # structure: region + trade name + industry + form, with the right left boundary
    ("2月29日,走进海城华宇镁砖有限公司年产12.5万吨无碳低镁质不烧砖建设项目施工现场", ["海城华宇镁砖有限公司"]),
    ("辽宁奥亿达新材料股份有限公司通过引入中国石化等央企战略投资人", ["辽宁奥亿达新材料股份有限公司", "中国石化"]),
    ("记者走进位于鞍山立山经济开发区鞍钢废钢资源有限公司的大型废钢加工处理基地", ["鞍钢废钢资源有限公司"]),
    ("在气体产业方面,空气化工产品(中国)投资有限公司与鞍钢加氢站项目已在鞍山注册", ["空气化工产品(中国)投资有限公司", "鞍钢"]),
    ("推荐鞍钢科技发展有限公司等企业申报", ["鞍钢科技发展有限公司"]),
    ("成都市与四川蜀道投资集团有限责任公司签署战略合作协议", ["四川蜀道投资集团有限责任公司"]),
    ("浙江省杭州市临平区人民政府与杭州余杭纺织有限公司座谈", ["杭州余杭纺织有限公司"]),
    # coordination, known names
    ("中核集团、中国华能选派博士到鞍山挂职交流", ["中核集团", "中国华能"]),
    ("2024 年与华润集团、中国船舶等多家央企签订金额 428 万", ["华润集团", "中国船舶"]),
    ("国家电投与国家电网、中国电建、中国能建在陕投资", ["国家电投", "国家电网", "中国电建", "中国能建"]),
    # group + unit written as one name
    ("总投资 14.8 亿元鞍钢集团矿业东烧厂辽宁首条 400 万吨/年带式球团项目", ["鞍钢集团矿业东烧厂"]),
    ("后英集团海城市胜辉耐火材料制造有限公司玻璃窑用耐火制品生产线", ["后英集团海城市胜辉耐火材料制造有限公司"]),
    ("协调解决中国船舶集团鞍山公司土地证照办理", ["中国船舶集团鞍山公司"]),
    # 总部 outside the span
    ("包含鞍钢集团总部在内的 29家央企", ["鞍钢集团"]),
    # lists of enterprises without forms
    ("鞍钢耐火与海城镁耐火、峰驰集团、和丰耐火合作正在有序推进", ["鞍钢耐火", "海城镁耐火", "峰驰集团", "和丰耐火"]),
    # short names introduced by the document
    ("荣信汇科电气股份有限公司研发的产品。荣信汇科获得支持。", ["荣信汇科电气股份有限公司", "荣信汇科"]),
    # not enterprises
    ("鞍山市发展改革委党组书记介绍", []),
    ("辽宁科技大学研发的聚酰亚胺膜", []),
    ("打造东北耐材产业龙头企业,驻鞍央企提供服务,该公司表示", []),
    ("充分发挥“央企之家”平台作用,用好8890综合服务平台", []),
    ("全面提升鞍山钢铁产业在国际国内的竞争力", []),
    ("推动城市更新改造、数字经济、清洁能源等项目", []),
    ("《鞍山市人民政府鞍钢集团有限公司“双鞍”融合框架协议》的签署", []),
    ("辽科大与鞍钢矿业集团联办的千山湾矿业实验室揭牌运行", ["鞍钢矿业集团"]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:16] for c in CASES])
def test_enterprise_spans(extractor, text, expected):
    got = [m.text for m in extractor(text).mentions if m.type == "enterprise"]
    assert got == expected


def test_china_prefix_links_to_the_central_soe(extractor):
    r = extractor("与中国兵装集团签约，陕汽控股生产汽车")
    assert {m.text: m.norm.canonical for m in r.mentions if m.type == "enterprise"} == {
        "中国兵装集团": "中国兵器装备集团有限公司", "陕汽控股": "陕西汽车控股集团有限公司"}


def test_provincial_soes_link(extractor):
    r = extractor("陕旅集团、蜀道投资、北京国资公司签约")
    assert {m.text: (m.norm.canonical, m.norm.category) for m in r.mentions if m.type == "enterprise"} == {
        "陕旅集团": ("陕西旅游集团有限公司", "local_soe"),
        "蜀道投资": ("蜀道投资集团有限责任公司", "local_soe"),
        "北京国资公司": ("北京市国有资产经营有限责任公司", "local_soe")}


def test_two_character_cores_do_not_link_other_firms(extractor):
    tagger = extractor.enterprise_tagger
    ent, _ = tagger.link_name("中新控股有限公司")
    assert ent is None  # same trade name as 中新集团, another firm


def test_canonical_and_category(extractor):
    r = extractor("中核集团、中国华能、鞍钢股份与鞍钢矿业合作，鞍钢集团矿业东烧厂投产")
    got = {m.text: (m.norm.canonical, m.norm.category, m.norm.group) for m in r.mentions if m.type == "enterprise"}
    assert got["中核集团"] == ("中国核工业集团有限公司", "central_soe", None)
    assert got["中国华能"][0] == "中国华能集团有限公司"
    assert got["鞍钢股份"][1] == "central_soe_unit" and got["鞍钢股份"][2] == "鞍钢集团有限公司"
    assert got["鞍钢集团矿业东烧厂"][1:] == ("central_soe_unit", "鞍钢集团有限公司")


def test_user_gazetteer(tmp_path):
    from zhgov_extract import Extractor

    lst = tmp_path / "mine.tsv"
    lst.write_text("id\tcanonical\taliases\tcategory\tnotes\nx:1\t星河湾数智科技有限公司\t星河湾数智\tprivate\t\n", encoding="utf-8")
    r = Extractor(tokenizer=None, gazetteers=[lst])("星河湾数智参与建设")
    (m,) = [m for m in r.mentions if m.type == "enterprise"]
    assert (m.text, m.norm.canonical, m.norm.category) == ("星河湾数智", "星河湾数智科技有限公司", "private")


def test_regions_and_organizations(extractor):
    r = extractor("鞍山市发展改革委与海城市、岫岩县有关部门座谈")
    regions = {m.text: m.norm.code for m in r.mentions if m.type == "region"}
    assert regions.get("海城市") == "210381"
    assert regions.get("岫岩县") == "210323"
    assert any(m.type == "organization" and m.text == "鞍山市发展改革委" for m in r.mentions)


MORE_CASES = [
    ("组织星海集团参与建设", ["星海集团"]),                              # a leading everyday verb is cut
    ("远航健康产业集团食品(淮安)有限公司投资建设", ["远航健康产业集团食品(淮安)有限公司"]),  # a rarer verb is a trade name
    ("浙江明同电子科技有限公司签约落户", ["浙江明同电子科技有限公司"]),   # 同 inside a trade name
    ("德国恩科、日本青木等外资企业参展", ["德国恩科", "日本青木"]),        # foreign area + trade name
    ("华电新疆发电有限公司承建", ["华电新疆发电有限公司"]),               # group short name before a region
    ("永农生物公司投资建设", ["永农生物公司"]),                          # bare 公司 after a clause start
    ("大渡口区城市运营公司与", ["大渡口区城市运营公司"]),
    ("海事处局长率队察看船闸建设工程苏州绕城公司现场", ["苏州绕城公司"]),  # 城区 is not an anchor
    ("参照印尼同类工程", []),
    ("衷心感谢您公司对我省的支持", []),
    ("迫切需要国有大企业大集团参与", []),
    ("就落实集团公司与山西省战略协议工作进行安排部署", []),  # jieba tags 落实 a: everyday word + form, no name
    ("积极推动华晋集团发展", ["华晋集团"]),
    ("新能源类项目有庞大集团", ["庞大集团"]),                    # a standalone common one-character verb ends the lead
    ("三是航空配套,如机场集团的空铁联运", ["机场集团"]),
    ("山东如意集团投资", ["山东如意集团"]),                        # 如 inside a word does not
    ("北京再担保公司全年承保", ["北京再担保公司"]),                # nor one after a region (jieba: 北京|再|担保)
    ("场。”恒泰洁能公司相关负责人说", ["恒泰洁能公司"]),            # nor one with no trade name after it
    ("同比增长38.2%。陕汽控股生产汽车10.3万辆", ["陕汽控股"]),      # a group form after a known short name
    ("与中国新兴际华集团、中国兵装集团签约", ["中国新兴际华集团", "中国兵装集团"]),  # 中国 before a central SOE
    ("华电内蒙古(巴彦淖尔)磴口20万吨光伏支架项目", ["华电内蒙古"]),  # a central SOE + a province: its provincial company
    ("华能在山东投资", ["华能"]),
    ("湖南银行业保持稳健，四川航空产业发展迅速", []),               # the sector, not the bank or the airline
    ("湖南银行发放贷款，北京银行业务增长", ["湖南银行", "北京银行"]),
]


@pytest.mark.parametrize("text,expected", MORE_CASES, ids=[c[0][:16] for c in MORE_CASES])
def test_more_enterprise_spans(extractor, text, expected):
    assert [m.text for m in extractor(text).mentions if m.type == "enterprise"] == expected


LIST_CASES = [
    # an item that runs into 等 in jieba's words (江南|信安等) is still a name
    ("与中国融通、中建市政、庞大集团、伊藤忠纤维、恩力动力、江南信安等14家企业进行了签约",
     ["中国融通", "中建市政", "庞大集团", "伊藤忠纤维", "恩力动力", "江南信安"]),
    # a count without 等 after two or more items (…5家企业); the first item starts after 有
    ("科技创新类项目有伊藤忠纤维、佰达天昇、凯普顿医药3家企业", ["伊藤忠纤维", "佰达天昇", "凯普顿医药"]),
    ("全市共有120家企业参加", []),
    ("国家开发投资集团有限公司党组书记、董事长白涛等13家央企负责人出席", ["国家开发投资集团有限公司"]),  # a person after a title
    ("聚集了中远、中集、中外运、中石油、中化等23个央企项目", ["中远", "中集", "中外运", "中石油", "中化"]),
    ("推动数字经济、清洁能源等5家企业入驻", []),
    ("成功签约了美国恒力等项目", ["美国恒力"]),
]


@pytest.mark.parametrize("text,expected", LIST_CASES, ids=[c[0][:12] for c in LIST_CASES])
def test_named_lists(extractor, text, expected):
    assert [m.text for m in extractor(text).mentions if m.type == "enterprise"] == expected


def test_short_aliases_not_inside_words(extractor):
    r = extractor("坚持集中化解风险，制定近中远期目标。中化、中远与中外运签约。")
    assert [m.text for m in r.mentions if m.type == "enterprise"] == ["中化", "中远", "中外运"]


ORG_CASES = [
    ("鞍山市委、市政府围绕央地合作", ["鞍山市委", "市政府"]),
    ("受县人民政府委托", ["县人民政府"]),
    ("我代表省人民政府向大会报告", ["省人民政府"]),
    ("内蒙古自治区人民政府发布", ["内蒙古自治区人民政府"]),
    ("鞍山市全面贯彻落实省委、省政府的部署", ["省委", "省政府"]),
    ("在谷城县第十八届人民代表大会第五次会议上 谷城县人民政府", ["谷城县第十八届人民代表大会", "谷城县人民政府"]),
]


@pytest.mark.parametrize("text,expected", ORG_CASES, ids=[c[0][:12] for c in ORG_CASES])
def test_organizations(extractor, text, expected):
    assert [m.text for m in extractor(text).mentions if m.type == "organization"] == expected


def test_rule_file_rejects_a_wrong_key(tmp_path):
    """A typo in rules/enterprise.yaml is an error at load time, not a silently ignored list."""
    import yaml

    from conftest import ROOT
    from zhgov_extract.taggers.enterprises.rules import EnterpriseRuleFile

    data = yaml.safe_load((ROOT / "rules" / "enterprise.yaml").read_text(encoding="utf-8"))
    EnterpriseRuleFile.model_validate(data)
    data["left_stop"] = data.pop("left_stops")
    bad = tmp_path / "enterprise.yaml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValueError, match="left_stop"):
        EnterpriseRuleFile.load(bad)


def test_organizations_and_regions_are_components_a_user_can_disable():
    from zhgov_extract import Extractor

    text = "鞍山市发展改革委与海城市、岫岩县有关部门座谈，中核集团参加"
    full = Extractor(components=["enterprise", "organizations", "regions"], tokenizer=None)(text)
    assert {m.type for m in full.mentions} == {"enterprise", "organization", "region"}
    only = Extractor(components=["enterprise", "organizations", "regions"], disable=["organizations", "regions"],
                     tokenizer=None)(text)
    assert [(m.type, m.text) for m in only.mentions] == [("enterprise", "中核集团")]
    no_org = Extractor(components=["enterprise", "regions"], tokenizer=None)(text)
    assert "organization" not in {m.type for m in no_org.mentions}
    assert [m.text for m in no_org.mentions if m.type == "region"][:1] == ["鞍山市"]  # no body left to hold it


def test_latin_aliases_match_only_whole_words(extractor):
    text = "<!DOCTYPE html> OCTOBER 2025, GENERAL NOTICE, GMT+8, SAPPHIRE, DECEMBER"
    assert [m.text for m in extractor(text).mentions if m.type == "enterprise"] == []
    r = extractor("与GE、SAP合作")
    assert [m.text for m in r.mentions if m.type == "enterprise"] == ["GE", "SAP"]


ISSUE14_CASES = [
    # a count-less tail naming the kind of enterprise: two or more unknown items are enterprises
    ("星河湾、远航振兴等龙头企业落户", ["星河湾", "远航振兴"]),
    ("推动数字经济、清洁能源等重点企业发展", []),                      # everyday words stay out
    # an anchored-only listed short name is an enterprise inside such a list (not in prose)
    ("支持恒瑞医药、特力、星源等民企发展", ["恒瑞医药", "特力", "星源"]),
    # precision guards
    ("新增科创板上市公司3家", []),                                      # a board name before 上市公司
    ("新引进五家银行和三家保险公司", []),                               # a counting phrase before an institution kind
    ("四川省政府与省交投集团签约", ["省交投集团"]),                     # 与 after a body is no part of a name
    ("与中科院、中国中车等企业签约", ["中国中车"]),                     # a body listed with enterprises
    ("铁路开行货运列车120列", []),                                     # a short alias that is an everyday verb
    ("坚持在发展中化解矛盾", []),                                       # 中化 inside 中化解
]


@pytest.mark.parametrize("text,expected", ISSUE14_CASES, ids=[c[0][:12] for c in ISSUE14_CASES])
def test_issue14_lists_and_guards(extractor, text, expected):
    assert [m.text for m in extractor(text).mentions if m.type == "enterprise"] == expected


def test_anchored_listed_name_links_in_a_list(extractor):
    r = extractor("支持恒瑞医药、特力、星源等民企发展")
    ents = {m.text: m.norm for m in r.mentions if m.type == "enterprise"}
    assert ents["特力"].entity_id is not None  # linked to its listed-company row
    assert [m.text for m in extractor("特力是一家公司").mentions if m.type == "enterprise"] == []
