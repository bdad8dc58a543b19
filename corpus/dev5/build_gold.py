#!/usr/bin/env python3
"""Build corpus/dev5/gold.jsonl from the mention lists below (method and helpers: corpus/goldtools.py,
as for corpus/dev, dev2, dev3, dev4). Run: python3 build_gold.py [-v]

Two small extensions live in this file; goldtools.py itself is used unchanged:
- R(text, low, high, ...): a money range (`150亿至200亿元`) gets `low`/`high` and no `value`
  (ANNOTATION.md: "a range ... is one mention with low and high"); goldtools' num_norm has no range.
- FROM(anchor): the items after it are searched only after the end of `anchor` (found from the
  previous FROM). Needed where a short name follows a longer name that contains it
  (`中国长江三峡集团有限公司党组书记…说,三峡集团积极…`), which str.find from the previous start
  would match inside the long name."""
import re
import sys
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
import goldtools  # noqa: E402
from goldtools import *  # noqa: E402,F401,F403  (M, P, Q, E, J, D, main)

_num_norm, _locate = goldtools.num_norm, goldtools.locate


def _range_norm(mtype, text, qualifier, unit=None):
    if mtype == "money" and "至" in text:
        lo, hi = text.split("至")
        hi_norm = _num_norm("money", hi, qualifier)
        unit_word = re.sub(r"^[\d.,\s]+", "", hi)          # 亿元 in 200亿元
        lo_norm = _num_norm("money", lo if not lo[-1].isdigit() else lo + unit_word, qualifier)
        return {"low": lo_norm["value"], "high": hi_norm["value"],
                "currency": hi_norm["currency"], "qualifier": qualifier}
    return _num_norm(mtype, text, qualifier, unit)


def _locate_from(text, items, doc_id):
    segments, anchors, cur = [], [], []
    for it in items:
        if it[0] == "_from":
            segments.append(cur); anchors.append(it[1]); cur = []
        else:
            cur.append(it)
    segments.append(cur)
    out, pos = [], 0
    for k, seg in enumerate(segments):
        if k:
            pos = text.index(anchors[k - 1], pos) + len(anchors[k - 1])
        out += _locate("\x00" * pos + text[pos:], seg, doc_id)   # same offsets, earlier text hidden
    out.sort(key=lambda m: (m["start"], -m["end"], m["type"]))
    return out


goldtools.num_norm = _range_norm
goldtools.locate = _locate_from


def R(t, q="exact"): return ("money", t, q)          # range money, normalised by _range_norm
def FROM(anchor): return ("_from", anchor, None)


DOCS: dict[str, list] = {}
CU, CS, LS, PR, FO, FI, UN = ("central_soe_unit", "central_soe", "local_soe", "private", "foreign",
                              "financial", "unknown")

# --- dev5_01 河北 邯郸市 政府工作报告 (2024 review) ---------------------------------------
DOCS["dev5_01_hebei_gzbg"] = [
    # 2024年: year; 十六届, 五次: Chinese ordinals
    M("4704.3亿元"), P("6.1%"), P("9.5%"),
    Q("35年"), Q("20年"),                    # 分别为35年来、20年来首次: durations (as dev3 `28年以来`)
    P("8.3%"), P("6.5%"), P("5.9%"), P("0.9%"),
    # 中普电磁新材料、中盛能源特种车等省市重点项目建成投产: list items are projects
    J("中普电磁新材料"), E("中普电磁新材料", None, UN),   # 字号 + 行业 only: enterprise on the same span
    J("中盛能源特种车"), E("中盛能源", None, UN),         # 特种车 is the product
    Q("69个"), M("97.4亿元"),
    M("百亿元", "over"), J("娄里水库"),       # 超百亿元水利工程娄里水库开工
    Q("54个"),                                # “两重”: label
    Q("507个"),                               # 签约亿元以上项目507个: 亿元 without numeral
    J("邯郸数字经济产业园"),
    J("中信博光伏支架制造基地"), E("中信博", "江苏中信博新能源科技股份有限公司", PR),
    M("126亿元"), Q("8个月"), Q("8条"),
    # “2024年度成语”: year in a title in quotes, not 《》
    D("《成语探华夏》"),
]

# --- dev5_02 山东 菏泽市 政府工作报告 (2024 review) ---------------------------------------
DOCS["dev5_02_shandong_gzbg"] = [
    # 2025年1月9日, 第二十届, 2024年: date / ordinal / year
    M("4800亿元"), P("6.3%", "about"), P("7%"), P("8.8%"), P("6.5%"), P("13%"),
    M("329.2亿元"), P("4%"), P("6.5%"),
    Q("7项"),                                 # 居全省前3位: a rank, not annotated
    Q("33个"), M("89.9亿元"),
    J("圆通菏泽智创园"), E("圆通", None, PR), Q("10个"),
    Q("91个"), M("306亿元"),
    J("华泽纺织高端面料"), E("华泽纺织", None, UN),
    J("丹红注射液绿色智能化提升"),          # 丹红注射液: a drug, no enterprise
    Q("20个"), Q("11个"), M("3040亿元"), P("6.1%"),
    Q("21个"), M("234.4亿元"),
    J("辰隆集中式储能电站"),                 # 辰隆: not shown to be a company (as 长城 in dev3)
    Q("537个"), M("1271.7亿元"), P("111.2%"),
    Q("18个"), M("21.1亿元"), Q("346个"), M("238.7亿元"),
    Q("355个"), M("349.2亿元"),               # 过亿元项目: no numeral
]

# --- dev5_03 广东 珠海 斗门区 政府工作报告 (2021 review) -----------------------------------
DOCS["dev5_03_guangdong_gzbg"] = [
    # 2022年2月23日, 第五届, 2021年: date / ordinal / year; 成立100周年: an anniversary (see NOTES)
    # "十四五", “1+1+9”: labels
    Q("38项"),
    M("468亿元"), P("4.1%"), M("847亿元"), P("2.2%"), M("193.5亿元"), P("4.4%"),
    M("358.6亿元"), P("0.4%"), M("35.4亿元"), P("0.5%"), M("80.2亿元"), P("4.4%"),
    M("394.8 亿元"), M("4.6万元"), P("10%"), P("2.3%"),
    M("134.8亿元"), P("102.8%"), P("37.6%"),
    Q("137个"), M("236.8亿元"), P("110.8%"), Q("11个"), M("40.7亿元"), P("127.1%"),   # 宪成率 sic
    # A、B、C落地富山工业园: items are projects; 富山工业园 and 智能制造经济开发区 are places
    J("爱旭光伏电池"), E("爱旭", None, PR),
    J("越芯半导体"), E("越芯半导体", None, UN),
    J("闻泰光电智能制造产业园"), E("闻泰光电", None, PR),
]

# --- dev5_04 江西 高安市 二季度重大项目集中开工竣工 ----------------------------------------
DOCS["dev5_04_jiangxi_xmkg"] = [
    # 8月18日: date; 1、2、…: list markers
    Q("15个"), M("19.38亿元"), Q("9个"), M("5.63亿元"),
    E("高安市三诚陶瓷原料有限公司", None, PR),
    J("年加工1000吨陶瓷材料项目"), Q("1000吨"),
    E("高安市涌溪岩上新型建材有限公司", None, PR),
    J("年产8000万块新型墙体砖改造项目"), Q("8000万块"),
    Q("6个"), M("13.75亿元"),
    E("江西华硕陶瓷集团有限公司", None, PR),   # 扩建四条陶瓷生产线…: construction content, Chinese numerals
    E("江西太阳陶瓷有限公司", None, PR),
    E("江西铭瑞陶瓷有限公司", None, PR), Q("2800万平米"),
    E("广东科达洁能股份有限公司", None, PR), J("机械设备服务项目"),
]

# --- dev5_05 湖南 长沙高新区 智能制造项目集中签约 --------------------------------------------
SHANSHAN = ("杉杉能源", None, PR)
DOCS["dev5_05_hunan_zsyz"] = [
    # 聚沙母婴资讯网: a website; 1月24日, 2020年底: dates
    Q("16个"), M("462亿"),                    # headline: 引资462亿
    J("杉杉能源年产10万吨正极材料生产基地"), E(*SHANSHAN), Q("10万吨"),
    J("清控(长沙)创新基地"), E("清控", None, UN),       # bracket: the project's city (as dev4 13)
    J("威胜能源互联网产业园项目"), E("威胜", None, PR),   # 能源互联网: the park's sector (see NOTES)
    J("中铁环境总部项目"), E("中铁环境", None, CU),
    Q("16个"), M("462亿元", "over"),
    E(*SHANSHAN), M("200亿元"),
    J("年产10万吨正极材料生产基地"), Q("10万吨"),
    # restates the project with its own head noun (dev2 decision 6); 10万吨级: a size class
    J("10万吨级高能量密度锂离子电池正极材料开发、生产、销售基地"),
    R("150亿至200亿元"),
    Q("16个"),                                # 这16个重大项目
    # 两年内: Chinese numeral; 深圳翠竹人力资源: a link title in the page chrome (see NOTES)
]

# --- dev5_06 云南 禄丰县 一月份招商引资 ----------------------------------------------------
DOCS["dev5_06_yunnan_zsyz"] = [
    M("500万元", "over"), Q("57项"), Q("21项"), Q("36项"), M("23.91亿元"), P("30.5%"),
    Q("15项"), M("6.4亿元"),
    E("云南锦润数控机械制造有限责任公司", None, PR),
    E("普瑞赛斯机械科技有限公司", None, PR),
    E("佛山丰堡精密机械有限公司", None, PR),
    Q("11户"), Q("11项"),                     # 数控机床及零部件加工项目11项: a counted kind
    # 禄丰县碧城装备制造产业园: the place the projects land in
    M("10亿元"), Q("1000余人"),
]

# --- dev5_07 浙江 省国资委 一季度 省市两级监管企业 ------------------------------------------
DOCS["dev5_07_zhejiang_gzw"] = [
    # 潮新闻客户端: media; 1-3月: period
    M("5762.0亿元"), P("1.0%"), M("234.3亿元"), P("2.9%"), M("810.0亿元"), P("4.9%"),
    M("3950.3亿元"), P("0.8%"), M("116.7亿元"), P("10.8%"), M("416.8亿元"), P("3.2%"),
    M("23.3亿元"), P("18.5%"), P("4.7%"),
    M("415.3亿元"), P("7.4%"), M("141.2亿元"), P("56.9%"),
    Q("48个"), M("155.5亿元"),                # “千项万亿”工程: a programme
    E("浙江省能源集团", "浙江省能源集团有限公司", LS), Q("448.2亿千瓦时"), P("0.2%"),
    E("浙江省海港集团", "浙江省海港投资运营集团有限公司", LS),
    E("浙江省机场集团", "浙江省机场集团有限公司", LS),
    E("浙江省交通集团", "浙江省交通投资集团有限公司", LS),
    Q("2.9亿吨"), Q("1212.2万标箱"), P("1.7%"), P("11.1%"),
    Q("2111万人次"), P("3.6%"), Q("2.2亿辆"), P("6.7%"), M("9.5亿元"),
    E("浙江省农发集团", None, LS), M("130.3亿元"), Q("128.4万吨"),
]

# --- dev5_08 广西 区国资委 直属企业 重大项目复工开工 ------------------------------------------
DOCS["dev5_08_guangxi_gzw"] = [
    # 2020-03-31 16:52:55, 3月27日, 3月28日, 1-2月, 3月25日: dates and periods; 广西日报: newspaper
    Q("13个"), Q("1005公里"),
    E("广西交投集团", "广西交通投资集团有限公司", LS),
    E("北部湾投资集团", "广西北部湾投资集团有限公司", LS),
    Q("10个"), Q("806公里", "about"), Q("3万多个"),
    J("防城港钢铁基地"),                     # 自治区重点建设项目
    Q("111个"), Q("105个"), P("94.6%"),
    E("玉柴集团", "广西玉柴机器集团有限公司", LS), Q("2163台"), Q("2000台", "over"), Q("1个月"),
    E("柳工集团", "广西柳工集团有限公司", LS),   # 数百台: Chinese numeral
    E("北部湾港务集团", "广西北部湾国际港务集团有限公司", LS),
    # 北部湾港(本港): the port; 陆海新通道: a corridor
    Q("3567万吨"), P("25%"), Q("57.8万标箱"), P("34.28%"), Q("410列"), P("47%"),
    Q("64.5班"), P("13%"),
    M("1108.6亿元"), M("4.7亿元"), M("155.17亿元"), P("37.66%"), M("31.78亿元"),
    # 同比增长3 (cut by the excerpt): no unit
]

# --- dev5_09 山西 省属国企 战略性重组 (省国资运营公司通报) ------------------------------------
SXGZ = "山西省国有资本运营有限公司"
DOCS["dev5_09_shanxi_gzw"] = [
    # 2020-10-16 12:02:24, 10月13日: dates; 中国化工报, 中化新网: media
    E(SXGZ, None, LS), Q("14个"),
    E("山西国资运营公司", SXGZ, LS),
    E("晋能控股集团", "晋能控股集团有限公司", LS),
    E("华阳新材料科技集团", "华阳新材料科技集团有限公司", LS),
    E("潞安化工集团", "潞安化工集团有限公司", LS), M("2200多亿元"), Q("8000多万吨"),
    E("华新燃气", "华新燃气集团有限公司", LS), M("820亿元"),
    E("国资运营公司", SXGZ, LS),              # the short name again (as dev3 国资公司)
    Q("28家"), Q("23家"), Q("7家"), Q("1家"), Q("1家"),
]

# --- dev5_10 湖北 中央企业助力湖北疫后重振 签约 ------------------------------------------
CTG = ("中国长江三峡集团有限公司", CS)
CRH = ("华润（集团）有限公司", CS)
DOCS["dev5_10_hubei_yangdi"] = [
    E("山东客传客科技发展集团有限公司", None, PR),   # page chrome (来自:…); 2022/3/2: date
    Q("34家"), Q("72个"), M("3277.25亿元"),
    Q("16个"), M("634.63亿元"), Q("11个"), M("674亿元"), Q("10个"), M("258.1亿元"),
    Q("10个"), M("788亿元"), Q("8个"), M("599亿元"),
    Q("97家"), Q("56家"), Q("80家", "nearly"),
    # 新华社, 湖北卫视: media. The list A、B…等多个综合能源和电力项目: each item a project
    J("国家电网新能源充电桩建设项目"), E("国家电网", "国家电网有限公司", CS),
    J("三峡集团长江智慧分布式能源投资项目"), E("三峡集团", *CTG),
    J("国家能源集团荆州和随州热电联产项目"), E("国家能源集团", "国家能源投资集团有限责任公司", CS),
    J("华能国际襄阳光伏发电项目"), E("华能国际", "华能国际电力股份有限公司", CU),
    J("国家电投襄阳太平店镇450MW农光互补光伏发电项目"), E("国家电投", "国家电力投资集团有限公司", CS),
    Q("450MW"),
    J("华润襄阳市工业园区综黄石综合能源项目"), E("华润", *CRH),     # 综黄石 sic
    J("华润集团医疗系统综合能源服务项目"), E("华润集团", *CRH),
    J("华润集团城市综合交通能源利用项目"), E("华润集团", *CRH),
    J("华润电力襄阳宜城市50万千瓦风力发电项目"), E("华润电力", "华润电力控股有限公司", CU),
    Q("50万千瓦"),
    J("中广核光伏发电项目"), E("中广核", "中国广核集团有限公司", CS),
    E("中国长江三峡集团", *CTG), Q("11个"),
    E("三峡集团", *CTG), E("三峡集团", *CTG), E("三峡集团", *CTG),
    E("中国长江三峡集团有限公司", *CTG),
    FROM("中国长江三峡集团有限公司"),
    E("三峡集团", *CTG),
    Q("9个"),                                 # 共抓长江大保护项目: a programme, counted
    M("181亿元"), Q("8000个"),
]

# --- dev5_11 福建 宁德 宁德时代车里湾扩能项目 (民企 investment) -----------------------------------
CATL = ("宁德时代新能源科技股份有限公司", PR)
DOCS["dev5_11_fujian_mqtz"] = [
    J("宁德时代新能源车里湾扩能项目"), E("宁德时代新能源", *CATL),   # 车里湾: a place name
    J("宁德时代新能源车里湾扩能项目"), E("宁德时代新能源", *CATL),
    Q("2316亩"), M("135亿元", "about"), Q("45GWh"), M("500亿元", "about"), Q("6000多个"),
    E("宁德时代新能源科技股份有限公司", *CATL), Q("59GWh"), M("600多亿元"),   # 21日: date
    J("车里湾基地"),                         # the CATL base, named as the project the road serves
    J("G104国道改扩建工程项目"),             # 配套项目: descriptor between the base and the name
    J("国道G104改扩建项目"),                 # 双向四车道: Chinese numeral
    Q("60公里/小时"), Q("19.1米"),
    J("国道G104工程"),
    E("中交路桥建设有限公司", None, CU), J("宁德车里湾项目"),   # …宁德车里湾项目工区主任
    # 接连落地宁德时代、上汽、青拓、中铜等大项目: companies as project list items
    J("宁德时代"), E("宁德时代", *CATL),
    J("上汽"), E("上汽", "上海汽车集团股份有限公司", LS),
    J("青拓"), E("青拓", None, PR),
    J("中铜"), E("中铜", "中国铜业有限公司", CU),
    # 四个, 两个, 四大: Chinese numerals
    M("千亿元", "over"),                      # 年产值上千亿元: 上 = a threshold reached (跨上)
    P("29.0%"), P("81.0%"), P("5.4个百分点"), P("21.8个百分点"), P("96.8%"),
    E("宁德时代", *CATL),                     # 2011年: year
]

# --- dev5_12 河南 周口 1至9月 外商投资 ----------------------------------------------------
DOCS["dev5_12_henan_wztz"] = [
    # 1月至9月份: period
    Q("10家"), M("10704万美元"), P("203 %"), M("9155万美元"), P("46.3%"),
    M("500万美元", "over"), Q("6家"), M("8026.91万美元"), P("75%"),
    M("1000万美元", "over"), Q("3家"), M("5926.91万美元"), P("55.4%"),
    # 较大的项目有:A投资的B,…;C,…: B, C… are the projects (companies as project list items)
    E("香港华海集团国际投资有限公司", None, FO),
    J("周口市一鸣新能源发展有限公司"), E("周口市一鸣新能源发展有限公司", None, FO),
    M("2926.91万美元"),
    J("淮阳龙彩实业有限公司"), E("淮阳龙彩实业有限公司", None, FO), M("1800万美元"),
    J("商水多美服饰有限公司"), E("商水多美服饰有限公司", None, FO), M("800万美元"),
    J("周口天发食品有限公司"), E("周口天发食品有限公司", None, FO), M("1200万美元"),
    M("500万美元", "over"), Q("12个"), M("7650万美元"),
    Q("5个"), M("4177.09万美元"), Q("1个"), M("800万美元"), Q("1个"), M("2926.91万美元"),
    Q("3个"), M("2800万美元"),
]


if __name__ == "__main__":
    sys.exit(main(HERE, DOCS))
