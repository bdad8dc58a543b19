"""Projects (ANNOTATION.md "project"): one invented sentence per kind of case, and its record."""
from __future__ import annotations

import pytest


def _projects(extractor, text):
    r = extractor(text)
    return r, [m.text for m in r.mentions if m.type == "project"]


def _record(report, anchor_text):
    return next(x for x in report.records if x.kind == "project" and x.anchor.text == anchor_text)


def test_owner_and_capacity_belong_to_the_name(extractor):
    r, ps = _projects(extractor, "今年推进辽宁星河新材料有限公司年产8万吨高性能碳纤维项目建设。")
    assert ps == ["辽宁星河新材料有限公司年产8万吨高性能碳纤维项目"]
    rec = _record(r, ps[0])
    assert [o.text for o in rec.owners] == ["辽宁星河新材料有限公司"]
    assert [(c.text, c.value, c.unit) for c in rec.capacity] == [("8万吨", "80000", "吨")]


def test_phase_and_investment_before_the_name(extractor):
    r, ps = _projects(extractor, "总投资12亿元的江岸物流港项目二期工程开工建设。")
    assert ps == ["江岸物流港项目二期工程"]
    rec = _record(r, ps[0])
    assert [(i.text, i.kind) for i in rec.investment] == [("12亿元", "total")]
    assert rec.status == "started"


def test_items_of_a_counted_list_are_projects(extractor):
    r, ps = _projects(extractor, "2025年推动青龙水库、红星大桥等26个重点项目开工建设。")
    assert ps == ["青龙水库", "红星大桥"]
    assert {_record(r, p).status for p in ps} == {"started"}
    assert {_record(r, p).year for p in ps} == {"2025"}


@pytest.mark.parametrize("text", [
    "加快城市更新改造、数字经济、清洁能源等项目建设。",   # kinds of work, even listed
    "全年新开工亿元以上项目120个。",                       # generic, counted
    "谋划3个超百亿元项目。",                               # counted reference
    "打造国家级先进制造业基地。",                         # a designation
    "抓实项目建设，做优项目服务。",                       # verbs before 项目
    "建成食品工业园区、化工园区等特色产业园区。",         # parks named by their sector
    "二、锦州市央地合作项目推进情况",                     # a place and a kind of project
    "12个项目列入省央地合作重大项目库。",                 # 项目库 is a list; 省央地 is generic words
    "项目部和工程师进驻现场。",                           # the head inside another word
    "签约的6个项目中，百亿级项目2个、30亿级项目1个。",     # classes by size
    "指导推进煤矿、煤化工、煤电等项目尽快落地。",         # sectors listed
    "推动长株潭都市圈、成渝地区双城经济圈建设。",         # a weak head inside a longer name (双城经济圈)
    "时速400公里高速动车组即将下线。",                    # 高速 as an adjective
    "积极推进海南自由贸易港建设，加快建设“海丝名城”。",   # zones and titles a place holds
    "列入全市“双百双新”项目盘子。",                       # a numeric slogan
    "深化实施“886”工程，储备第一批“三新”产业项目40个。",  # numbers and numerals in quotes
    "参加某省--中央企业振兴东北老工业基地战略合作推进会。",  # a designation
    "纳入省“揭榜挂帅”项目30个，锚定未来产业“领航行动”项目。",  # mechanisms and campaigns in quotes
    "已纳入省级“飞地经济”园区。",                          # a kind of park in quotes
    "以非常之策抓优项目服务。",                             # a function character leads no name
    "（三）建立健全全生命周期项目跟踪服务机制",             # policy verbs before 项目
    "生产车间内，智能化生产线不停运转。",                   # a kind of line
    "举行“项目建设年”启动暨智能制造项目集中签约仪式。",     # 暨 joins two events
    "争取“三类专项资金”项目120个。",                         # a count in quotes
    "一批项目将全部落地桐柏县凤山装备制造产业园。",           # a park as the place projects go
    "一是市城建集团发挥技术所长为央地合作项目提供服务。",     # what a company does, and 为 glued to a word
    "广新控股集团投资项目全面提速。",                         # what a company invests in
    "主要建设年产1000万平方米沥青防水卷材生产线1条。",        # a part counted inside a project
    "为贵州省产业园区配套发展提供支持。",                     # a place and a kind of park
    "第三届西安国家航空城和现代综合交通枢纽建设发展会召开。", # an event
    "在我省布局建设研发中心和云计算中心。",                   # kinds of centre
])
def test_not_projects(extractor, text):
    assert _projects(extractor, text)[1] == []


def test_a_place_and_a_concrete_head_or_word_is_a_project(extractor):
    _, ps = _projects(extractor, "锦州市污水处理厂改造项目开工，锦州市青石水库开工建设。")
    assert ps == ["锦州市污水处理厂改造项目", "锦州市青石水库"]


def test_bulleted_items_take_their_county_heading(extractor):
    text = ("今年新开工重点项目名录\n\n清河县\n\n- ◆ 华兴达化工有限公司年产5万吨新材料项目\n"
            "- ◆ 清河瑞丰纺织有限公司智能纺纱生产线建设项目\n")
    r, ps = _projects(extractor, text)
    assert ps == ["华兴达化工有限公司年产5万吨新材料项目", "清河瑞丰纺织有限公司智能纺纱生产线建设项目"]
    for p in ps:
        rec = _record(r, p)
        assert rec.region is not None and rec.region.code == "130534" and rec.region.from_heading
        assert rec.status == "started"  # from the list's title


def test_weak_heads_need_a_building_verb(extractor):
    assert _projects(extractor, "座谈会在滨江图书馆举行。")[1] == []
    assert _projects(extractor, "滨江图书馆建成投用。")[1] == ["滨江图书馆"]


def test_joint_project_of_two_owners(extractor):
    r, ps = _projects(extractor, "推动华能集团与东方电气合作风电装备生产基地项目落地。")
    assert ps == ["华能集团与东方电气合作风电装备生产基地项目"]
    assert len(_record(r, ps[0]).owners) == 2


def test_same_project_named_twice(extractor):
    r, ps = _projects(extractor, "青龙湾文旅综合体项目开工。青龙湾文旅综合体项目总投资5亿元。")
    first, second = [x for x in r.records if x.kind == "project"]
    assert second.same_as == (first.anchor.start, first.anchor.end)
    assert [(i.text, i.kind) for i in second.investment] == [("5亿元", "total")]


def test_no_projects_no_project_records(extractor):
    r = extractor("全市地区生产总值增长5.2%。")
    assert not [x for x in r.records if x.kind == "project"]


def test_a_verb_or_particle_between_nouns_of_the_name_belongs_to_it(extractor):
    _, ps = _projects(extractor, "宏达股份新能源汽车用铝板等12个项目加快建设，中国电气装备特高压输电生产基地项目开工。")
    assert ps == ["宏达股份新能源汽车用铝板", "中国电气装备特高压输电生产基地项目"]


def test_a_verb_before_a_place_starts_the_name(extractor):
    _, ps = _projects(extractor, "分会场设在宁阳县明远产业园医药中间体项目现场。")
    assert ps == ["宁阳县明远产业园医药中间体项目"]


def test_buildings_and_works_listed_as_projects(extractor):
    _, ps = _projects(extractor, "加快推进二中北校区加固、七中实验楼和科技馆等项目建设。")
    assert ps == ["二中北校区加固", "七中实验楼", "科技馆"]


def test_and_inside_one_listed_name(extractor):
    """和 joins the last item (A、B和C) only where what follows it is an item of its own."""
    _, ps = _projects(extractor, "推进中车长客地铁车辆生产项目、中节能污泥处理和垃圾发电等项目建设。")
    assert ps == ["中车长客地铁车辆生产项目", "中节能污泥处理和垃圾发电"]


def test_listed_items_after_their_amounts(extractor):
    _, ps = _projects(extractor, "签约了总投资6.3亿元的华兴钛白20万吨/年钛白后处理、总投资2亿元的无锡长丰树脂生产、"
                                 "总投资1.5亿元的芳达环保设备研发生产等项目。")
    assert ps == ["华兴钛白20万吨/年钛白后处理", "无锡长丰树脂生产", "芳达环保设备研发生产"]


def test_two_products_of_one_name(extractor):
    _, ps = _projects(extractor, "建设河南中天防水材料有限公司年产1500万平方米环保型防水卷材和2500吨防水涂料项目。")
    assert ps == ["河南中天防水材料有限公司年产1500万平方米环保型防水卷材和2500吨防水涂料项目"]


def test_routes_whose_names_end_in_a_weak_head_word(extractor):
    """港 of 邯港高速 is part of the name of the route, not a port."""
    _, ps = _projects(extractor, "石港城际铁路、邯港高速一期加快建设，曲港高速一期正式通车。")
    assert ps == ["石港城际铁路", "邯港高速一期", "曲港高速一期"]


def test_a_numeral_that_counts_nothing_is_part_of_a_name(extractor):
    _, ps = _projects(extractor, "加快推进四中东校区改造、七中实验楼等项目建设，实施三大工程。")
    assert ps == ["四中东校区改造", "七中实验楼"]


def test_a_counted_list_tail_may_hold_de(extractor):
    _, ps = _projects(extractor, "总投资7亿元的华科高空作业平台生产基地项目、总投资3亿元的天瑞电机生产项目等9个总投资超过"
                                 "10亿元的大项目进展顺利。")
    assert ps == ["华科高空作业平台生产基地项目", "天瑞电机生产项目"]


def test_a_quoted_name_before_its_head(extractor):
    _, ps = _projects(extractor, "与松山市政府合作开发“华能松山绿色能源产业基地”项目。")
    assert ps == ["“华能松山绿色能源产业基地”项目"]


def test_sections_in_brackets_and_phases_before_the_head(extractor):
    _, ps = _projects(extractor, "南平至龙川铁路项目(武平段)实现开工，永安高速(连城段)建设项目基本完工，"
                                 "华晟新能源一期项目投产。")
    assert ps == ["南平至龙川铁路项目(武平段)", "永安高速(连城段)建设项目", "华晟新能源一期项目"]


def test_joiners_and_bracketed_places_inside_a_name(extractor):
    _, ps = _projects(extractor, "开工的蒙能光储+生态治理项目和华电内蒙古(乌兰察布)卓资20万吨光伏支架项目进展顺利。")
    assert ps == ["蒙能光储+生态治理项目", "华电内蒙古(乌兰察布)卓资20万吨光伏支架项目"]


def test_a_head_inside_another_word_in_a_list(extractor):
    _, ps = _projects(extractor, "将在旧城改造项目群组、青石水库等项目合作。")
    assert ps == ["青石水库"]


def test_a_line_between_places_has_no_single_region(extractor):
    r, ps = _projects(extractor, "眉山市加快推进雅安至眉山铁路、眉山天府大道北延线建设，青衣江大桥建成通车。")
    assert _record(r, "雅安至眉山铁路").region is None


def test_status_of_the_projects_own_clause_and_list(extractor):
    r, _ = _projects(extractor, "提速实施青龙水库、红星大桥等重大项目，以及白龙沟水电站等电源项目，加快金沙湾高速公路等项目前期工作；"
                                "北湖隧道建成通车。")
    assert _record(r, "青龙水库").status == "under_construction"
    assert _record(r, "白龙沟水电站").status == "under_construction"  # 以及: the verb before the list
    assert _record(r, "金沙湾高速公路").status == "planned"
    assert _record(r, "北湖隧道").status == "completed"


def test_a_province_in_the_name_is_less_than_the_documents_city(extractor):
    r, _ = _projects(extractor, "锦州市2024年经济运行情况。锦州港集团辽宁首条200万吨/年球团生产线项目开工建设。")
    rec = next(x for x in r.records if x.kind == "project")
    assert rec.region is not None and rec.region.code == "210700"


def test_an_item_ending_in_a_number_is_no_neighbour(extractor):
    _, ps = _projects(extractor, "青山铁矿项目审批时间缩短 19个月、白石铁矿项目缩短 8个月。")
    assert ps == ["青山铁矿项目", "白石铁矿项目"]


def test_the_head_of_another_name_ends_a_name(extractor):
    _, ps = _projects(extractor, "全省首个超百亿元水利工程青龙峡水库开工，在配套项目G105国道改扩建工程现场。")
    assert ps == ["青龙峡水库", "G105国道改扩建工程"]


def test_two_places_joined_inside_one_name(extractor):
    _, ps = _projects(extractor, "国家能源集团宜昌和襄阳热电联产项目开工。")
    assert ps == ["国家能源集团宜昌和襄阳热电联产项目"]


def test_a_park_is_a_project_where_it_is_built(extractor):
    _, ps = _projects(extractor, "推进青山工业园建设。")
    assert ps == ["青山工业园"]


def test_neighbours_of_neighbours_and_brands_cut_into_characters(extractor):
    _, ps = _projects(extractor, "越芯半导体、闻泰光电智能制造产业园落地。")
    assert ps == ["越芯半导体", "闻泰光电智能制造产业园"]


def test_generic_words_however_jieba_cuts_them(extractor):
    _, ps = _projects(extractor, "防城港市举行大健康和文旅产业重点项目集中开工大会。")
    assert ps == []


def test_and_inside_a_listed_name_before_its_head(extractor):
    _, ps = _projects(extractor, "总投资9亿元的华宇橡胶轮胎提升改造项目、总投资18亿元的天津电装电机有限公司驱动电机及逆变器生产项目等"
                                 "9个总投资超过10亿元的大项目。")
    assert ps == ["华宇橡胶轮胎提升改造项目", "天津电装电机有限公司驱动电机及逆变器生产项目"]


def test_a_bridge_with_its_line(extractor):
    _, ps = _projects(extractor, "贵南高铁二塘双线特大桥连续梁顺利合龙。")
    assert ps == ["贵南高铁二塘双线特大桥"]


def test_status_phrases_and_weak_verbs(extractor):
    r, _ = _projects(extractor, "推动金湖大酒店、会展宾馆等一批停缓建项目复工；并完成解放路立交桥大修；北湖物流园项目一期工程已建成投入运营；"
                                "推进青山健康城、白龙沟水电站等重点项目；今年完成投资12亿元的东湖隧道工程开工。")
    assert _record(r, "金湖大酒店").status == "started"
    assert _record(r, "北湖物流园项目一期工程").status == "in_production"
    assert _record(r, "青山健康城").status == "under_construction"
    assert _record(r, "东湖隧道工程").status == "started"      # 完成投资 states no status


def test_a_bulleted_run_presents_all_its_lines_as_projects(extractor):
    text = ("- ◆ 沈阳华丰润滑油有限公司高纯添加剂生产项目\n- ◆ 区域数字经济协同服务平台项目\n"
            "- ◆ 上海钢宇有限责任公司智能化精密铸业项目\n")
    _, ps = _projects(extractor, text)
    assert ps == ["沈阳华丰润滑油有限公司高纯添加剂生产项目", "区域数字经济协同服务平台项目", "上海钢宇有限责任公司智能化精密铸业项目"]
    _, alone = _projects(extractor, "- ◆ 区域数字经济协同服务平台项目\n")
    assert alone == []


def test_ji_after_no_complete_name_joins_one_name(extractor):
    _, ps = _projects(extractor, "将建设生物酶催化绿色新材料及绿色植保产品智造项目。")
    assert ps == ["生物酶催化绿色新材料及绿色植保产品智造项目"]


def test_a_capacity_counted_in_pieces_and_its_cue(extractor):
    _, ps = _projects(extractor, "宏远塑业科技有限公司年产2000万条编织袋项目开工，华诚陶瓷有限公司年加工1000吨陶瓷材料项目投产。")
    assert ps == ["宏远塑业科技有限公司年产2000万条编织袋项目", "华诚陶瓷有限公司年加工1000吨陶瓷材料项目"]


def test_a_head_the_dictionary_glued_to_a_stop_word(extractor):
    """项目前期 is one dictionary word; 项目 still ends the name before it."""
    _, ps = _projects(extractor, "开展服务，东鞍山铁矿项目前期手续审批时间缩短。")
    assert ps == ["东鞍山铁矿项目"]


def test_a_negating_particle_between_nouns_of_the_name(extractor):
    _, ps = _projects(extractor, "走进海城华泰镁砖有限公司年产12.5万吨无碳低镁质不烧砖建设项目施工现场。")
    assert ps == ["海城华泰镁砖有限公司年产12.5万吨无碳低镁质不烧砖建设项目"]


def test_a_count_right_after_the_items_says_how_many(extractor):
    _, ps = _projects(extractor, "今年华晟新能源电池、越芯半导体 2个超百亿元项目落地。")
    assert ps == ["华晟新能源电池", "越芯半导体"]
    _, ps = _projects(extractor, "华晟新能源电池、越芯半导体 3个项目落地。")
    assert ps == []   # three announced, two named: not a list of these


def test_an_owner_at_the_start_of_a_project_name_is_an_enterprise(extractor):
    r, ps = _projects(extractor, "推进安泰云科股份数字显示制造基地项目建设，省属企业集团新材料项目开工。")
    assert ps[0] == "安泰云科股份数字显示制造基地项目"
    owners = [m for m in r.mentions if m.type == "enterprise"]
    assert [m.text for m in owners] == ["安泰云科股份"]
    assert [o.text for o in _record(r, ps[0]).owners] == ["安泰云科股份"]


def test_a_verb_right_before_the_owner_governs_the_name(extractor):
    _, ps = _projects(extractor, "在灵宝、渑池等地开发华能绿色能源产业基地。")
    assert ps == ["华能绿色能源产业基地"]


def test_a_stop_glued_to_the_word_before_the_name(extractor):
    """jieba cuts 科技城等|特色园区: the name ends before 等."""
    _, ps = _projects(extractor, "其中大连瓦房店轴承产业园、沈阳浑南科技城等特色园区已形成示范效应。")
    assert "沈阳浑南科技城等特色园区" not in ps and "大连瓦房店轴承产业园" in ps


def test_a_project_under_a_dated_heading_takes_its_year(extractor):
    r, _ = _projects(extractor, "## 2024年项目建设亮点\n\n青龙水库、红星大桥等重点项目建成投用。\n")
    assert _record(r, "青龙水库").year == "2024"


def test_one_listed_item_owned_by_a_company(extractor):
    _, ps = _projects(extractor, "开展专项整治，中国铝业高纯镁材料等项目开工建设。")
    assert ps == ["中国铝业高纯镁材料"]
    _, ps = _projects(extractor, "推进数字经济等项目建设。")
    assert ps == []


def test_works_with_no_head_named_by_owner_after_their_investment(extractor):
    r, ps = _projects(extractor, "总投资 10 亿元鞍钢股份汽车驱动电机用硅钢成功下线，实现全覆盖。")
    assert ps == ["鞍钢股份汽车驱动电机用硅钢"]
    rec = _record(r, ps[0])
    assert [(i.text, i.kind) for i in rec.investment] == [("10 亿元", "total")]
    assert rec.status == "in_production"


def test_a_verb_after_ji_inside_a_listed_name(extractor):
    _, ps = _projects(extractor, "总投资26亿元的节能型功率器件用单晶硅片项目、总投资18亿元的天津华装电机有限公司驱动电机及逆变器械生产项目"
                                 "等9个总投资超过10亿元的大项目竣工投产。")
    assert ps == ["节能型功率器件用单晶硅片项目", "天津华装电机有限公司驱动电机及逆变器械生产项目"]


def test_a_verb_glued_to_the_head_names_the_kind(extractor):
    _, ps = _projects(extractor, "三峡集团长江智慧分布式能源投资项目开工。")
    assert ps == ["三峡集团长江智慧分布式能源投资项目"]
