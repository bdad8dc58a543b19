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
    "推进老城区改造，完善新城区配套",  # 老城区 (洛阳), 新城区 (呼和浩特): parts of any town
    "加快城北区域开发",               # 城北区 (西宁)
    # a full name of one stem character whose stem ends a word before it, or is a function word
    "创建国家级示范县",               # 范县
    "大力振兴县域经济",               # 兴县
    "建成全面小康县",                 # 康县
    "提高县域经济发展水平",           # 高县
    "各市区和县要抓好落实",           # 和县
    "推进大运河区域文化保护",         # 运河区 (沧州) inside 大运河
    # a city's or province's short name split between two words
    "为实现伟大理想而奋斗",           # 大理 (伟大|理想)
    "其中卫生健康支出增长5%",         # 中卫 (其中|卫生)
    "推广西部地区经验",               # 广西 (推广|西部)
    "坚持创新乡村治理",               # 新乡 (创新|乡村)
    # a word that starts with a city's name and is another word
    "大理石产量增长8%",               # 大理
    # a county's short name with nothing in the document around it (建筑安装 investment)
    "民间投资增长17.4%；建安投资增长13.2%",  # 建安 (建安区, 许昌)
    # a city's short name that is an ordinary word, with nothing about the city in the document
    "祝愿人民幸福安康",               # 安康 (安康市)
    "推进海西经济区建设，海西发展提速",  # 海西 = 海峡西岸, not 海西州
    # a person's given name: a surname before it and a title after it, or a by-line before it
    "王武强委员：您提出的建议收悉",   # 武强 (武强县)
    "编辑：吴海东",                   # 海东 (海东市)
    # foreign places, one-character abbreviations, 我省/全市
    "赴马来西亚吉隆坡招商",           # 吉隆 (吉隆县)
    "深化京津冀协同发展，留渝来渝青年增加",
    "我省全市全区经济平稳增长",
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
    ("鞍山市场主体增长10%", {"鞍山": ("210300", "prefecture")}),          # 市场 takes the level character
    ("在郑州召开工作会议", {"郑州": ("410100", "prefecture")}),          # a verb of the clause: no meeting's name
    ("南阳的博物馆开放", {"南阳": ("411300", "prefecture")}),            # 的: no venue's name
    ("洛阳市处处呈现新气象", {"洛阳市": ("410300", "prefecture")}),      # 处 only as a word of its own
    ("河南省加快发展，兰考脱贫经验推广", {"河南省": ("410000", "province"), "兰考": ("410225", "county")}),
    ("新年伊始，禄丰县把招商引资作为重点", {"禄丰县": ("532302", "county")}),  # short + level word (now 禄丰市)
    ("安康市汉滨区加快发展，人民安康", {"安康市": ("610900", "prefecture"), "汉滨区": ("610902", "county"),
                                 "安康": ("610900", "prefecture")}),  # the city is named: its short name is evidence enough
    ("许昌市建安区加快发展，建安投资增长", {"许昌市": ("411000", "prefecture"), "建安区": ("411003", "county"),
                                  "建安": ("411003", "county")}),
    ("长沙县经济增长，长沙县城区扩大", {"长沙县": ("430121", "county")}),  # 县城 shares 县; 城区 is no district of it
    ("阳泉市城区、矿区、郊区", {"阳泉市": ("140300", "prefecture"), "城区": ("140302", "county"),
                          "矿区": ("140303", "county"), "郊区": ("140311", "county")}),  # districts of the city before
    ("武汉（湖北）、长沙（湖南）两地合作", {"武汉": ("420100", "prefecture"), "湖北": ("420000", "province"),
                                    "长沙": ("430100", "prefecture"), "湖南": ("430000", "province")}),  # brackets after a region
    ("云南禄丰区域经济加快发展", {"云南": ("530000", "province"), "禄丰": ("532302", "county")}),  # 区域 keeps its 区
    ("北京市召开会议，要求大兴调查研究之风", {"北京市": ("110000", "province")}),  # 大兴 here is an everyday word
    ("北京市召开会议，大兴、通州加快发展", {"北京市": ("110000", "province"), "大兴": ("110115", "county"),
                                 "通州": ("110112", "county")}),  # ...and a county in a list of regions
    ("平顶山市宝丰县宝丰镇加快发展", {"平顶山市": ("410400", "prefecture"), "宝丰县": ("410421", "county")}),  # a town
    ("鞍山城乡收入差距缩小", {"鞍山": ("210300", "prefecture")}),       # 乡 only as a word of its own
    ("沈阳市铁西区位优势明显", {"沈阳市": ("210100", "prefecture"), "铁西": ("210106", "county")}),  # 区位 takes 区
    ("吉林市场主体增长", {"吉林": ("220000", "province")}),              # 市场 takes 市: 吉林 is the province
    ("河南县域经济加快发展", {"河南": ("410000", "province")}),          # 县域 takes 县: no 河南县 (青海)
    ("郑州国家中心城市建设加快", {"郑州": ("410100", "prefecture")}),  # a status, not a centre's name
    ("辽宁省一直致力于产业园区的建设", {"辽宁省": ("210000", "province")}),  # an adverb: no park's name follows
    ("吸引在外四川人返乡创业", {"四川": ("510000", "province")}),      # people of the province
    ("怒江州加快发展，怒江流域生态修复加快", {"怒江州": ("533300", "prefecture")}),  # 怒江流域: the river's basin
    ("广州市北京路步行街改造提升", {"广州市": ("440100", "prefecture")}),  # the street is in the city; 北京路 is a name
    ("走出一条鞍山路子，鞍山路网完善", {"鞍山": ("210300", "prefecture")}),  # 路 only as a word of its own
    ("推动广西、广东、海南合作", {"广西": ("450000", "province"), "广东": ("440000", "province"),
                             "海南": ("460000", "province")}),
    ("贯彻习近平总书记考察安徽重要讲话精神", {"安徽": ("340000", "province")}),  # 精神 only right after the name
    ("赴深圳华为考察", {"深圳": ("440300", "prefecture")}),              # 华为技术有限公司 holds no 深圳
    ("西宁市城东区、城北区加快发展", {"西宁市": ("630100", "prefecture"), "城东区": ("630102", "county"),
                               "城北区": ("630105", "county")}),  # the same names under their city
    ("辽宁发布实施方案", {"辽宁": ("210000", "province")}),                # 发布 is a verb here, not a site's name
    ("浙江安吉代表团参加会议", {"浙江": ("330000", "province"), "安吉": ("330523", "county")}),  # 江 ends 浙江
    ("上海地区共有40家企业入榜", {"上海": ("310000", "province")}),       # 上海地区 is the area itself
    ("盐边、米易加快发展", {"盐边": ("510422", "county"), "米易": ("510421", "county")}),  # a list of regions
]


CODES = [
    # an ambiguous name is read under the province the document names, wherever it is named
    ("吉林省经济平稳运行，铁西区地区生产总值增长5%。", "铁西区", "220302"),
    ("铁西区地区生产总值增长5%，吉林省经济平稳运行。", "铁西区", "220302"),
    ("鞍山市铁东区、铁西区加快发展。", "铁西区", "210303"),
    # the city named before is nearer than its own county of the same short name (长沙县)
    ("长沙市加快发展。清控（长沙）创新基地落户，长沙经济增长。", "长沙", "430100"),
]


@pytest.mark.parametrize("text,name,code", CODES, ids=[c[0][:8] for c in CODES])
def test_ambiguous_names_take_the_documents_region(extractor, text, name, code):
    got = [m.norm.code for m in extractor(text).mentions if m.type == "region" and m.text == name]
    assert got and set(got) == {code}


IN_NAMES = [
    "会议在西宁国际会展中心开幕",     # a venue
    "来源：岳阳新闻网",               # a site
    "邯郸东站建成投用",               # a station
    "重庆东站建成投用",               # a station of a city at province level
    "京港澳高速邢台段改扩建",         # a route's section
    "建设宜宾至西昌高速公路",         # a route between two places
    "许昌市教育局印发通知",           # a body the organisation tagger did not take
    "参加洛阳国际马拉松",             # an event
    "举办第三届遵义论坛",             # an event
    "推动西安高新区、成都天府新区发展",  # zones
    "支持南京大学、合肥工业大学建设",  # universities
    "湖南省长沙市第十五届人民代表大会第五次会议开幕",  # the province before an organisation's name
    "服务保障北京冬奥会",             # an event
    "积极推进海南自由贸易港建设",     # a zone
    "北京绿色交易所落户城市副中心",   # an institution
    "新疆生产建设兵团加快发展",       # a body
    "苏州工业园区经济增长",           # a zone
    "郑州航空港经济综合实验区货邮吞吐量增长",  # a zone with a long name
    "自由贸易试验区开封片区改革创新",  # a part of a zone
    "湖南卫视播出专题节目",           # a broadcaster
    "中国人民银行松原市分行提供数据",  # a branch
    "广西柳工加快发展",               # the prefix of an enterprise the enterprise tagger took without it
    "项目落地禄丰县碧城装备制造产业园",  # 制造 inside a park's name
    "签约活动在大兴区营商服务中心举行",  # a service centre
    "北京路步行街改造提升",           # a street named after a place
    "推进中山公园改造",               # a park named after a place
    "弘扬延安精神和遵义会议精神",     # a spirit and an event named after a place
    "举办“全球城市论坛·成都”等活动",  # the place that ends a quoted event's title
    "会议在武汉洪山礼堂开幕",         # a hall
    "中国（上海）自由贸易试验区扩区",  # a region in brackets inside a name
    "四川孟底沟水电站开工",           # a facility named after a place in the province
    "印发《长治市促进消费若干措施》",  # inside a title
]


@pytest.mark.parametrize("text", IN_NAMES, ids=[t[:8] for t in IN_NAMES])
def test_a_region_that_starts_a_longer_name_is_no_mention(extractor, text):
    assert [m.text for m in extractor(text).mentions if m.type == "region"] == []


def test_a_region_in_a_routes_section_is_still_the_projects_region(extractor):
    """The region inside a name is dropped after the records read it (dev6 notes: 荣乌高速沧州段 → 130900)."""
    r = extractor("京港澳高速邢台段改扩建工程开工。")
    assert [m.text for m in r.mentions if m.type == "region"] == []
    project = next(x for x in r.records if x.kind == "project")
    assert project.region is not None and project.region.code == "130500"


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


def test_a_misspelt_key_in_regions_yaml_fails_at_load(tmp_path):
    import yaml
    from pydantic import ValidationError

    from zhgov_extract.resources import rules_path
    from zhgov_extract.taggers.region_rules import RegionRules

    data = yaml.safe_load(rules_path("regions.yaml").read_text(encoding="utf-8"))
    assert RegionRules.model_validate(data).head_gap["会堂"][1] == data["name_heads"]["venue"]["gap"]
    data["chunk_stop"] = data.pop("chunk_stops")
    (tmp_path / "regions.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValidationError):
        RegionRules.load(tmp_path / "regions.yaml")
