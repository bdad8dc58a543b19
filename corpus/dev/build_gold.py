#!/usr/bin/env python3
"""Build corpus/dev/gold.jsonl from the hand-written mention lists below.

Each document's mentions are listed in reading order as
    (type, text, extra)
and located with str.find, starting at the previous mention's start, so each
listed occurrence becomes its own mention (a repeated name is listed again).
Numeric norms are computed from the text by `num_norm` (value in the base unit,
万/亿/万亿 applied, qualifier given by hand); enterprises carry
(canonical, category).

Run:  python3 build_gold.py        (writes gold.jsonl, prints a coverage report
                                    of every digit run not inside a numeric
                                    mention, for review)
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from goldtools import *  # noqa: E402,F401,F403  (M, P, Q, E, J, D, main)


DOCS: dict[str, list] = {}

DOCS["dev01_sichuan_tjgb"] = [
    M("2532.53亿元"), P("4.5%"), M("262.73亿元"), P("2.8%"), M("1117.40亿元"), P("3.4%"),
    M("1152.40亿元"), P("6.0%"), P("7.3%"), P("34.4%"), P("58.3%"),
    P("0.9%"), P("1.7%"),
    M("1553.73亿元"), P("4.2%"), P("61.4%"), P("2.6个百分点"), P("58.6%"),
    M("255.51亿元"), P("2.7%"), M("735.02亿元"), P("2.2%"), M("563.20亿元"), P("7.8%"),
    Q("23.28万户"), P("0.9%"),
]

DOCS["dev02_neimenggu_tjxw"] = [
    D("《关于推动内蒙古高质量发展奋力书写中国式现代化新篇章的意见》"),
    M("24627亿元"), P("7.3%"), M("2737亿元"), P("5.5%"), M("11704亿元"), P("8.1%"),
    M("10186亿元"), P("7.0%"),
    Q("10477.1万亩"), Q("49.3万亩"), Q("791.6亿斤"), Q("11.4亿斤"),
    Q("378公斤/亩"), Q("4公斤/亩", "about"),
    Q("285.4万吨"), P("2.7%"), Q("75.7万吨"), Q("77.8万吨"), Q("108.8万吨"), Q("23.0万吨"),
    Q("168.7万头"), P("6.1%"), Q("792.6万吨"), P("8.0%"), Q("473.0万吨"),
]

DOCS["dev03_henan_gzbg"] = [
    M("6万亿元", "over"), M("2万亿元", "over"), M("8500亿元", "over"), M("6100亿元", "over"),
    M("2.4万亿元", "over"), P("6.8%"), Q("1000万户", "over"), Q("640万人"),
    P("57.1%"), P("6.5个百分点"),
    M("千亿元", "over"), Q("16家"), Q("9家"), Q("1万家", "over"), Q("2.2万家"),
    M("500亿元", "over"), Q("11家"), P("52%"), M("1100亿元", "over"), M("千亿元", "over"),
    P("12.9%"), P("25.9%"),
    # "718.6万建档立卡贫困人口": no unit or classifier written -> not a quantity
    Q("53个"), Q("6年"), Q("1300亿斤", "over"), Q("1.6亿亩"), Q("8330万亩"),
]

DOCS["dev04_hubei_gzbg"] = [
    M("400亿元", "over"), P("6.2%"), M("7.9万元"), P("6%"), M("25\n0.3亿元"), P("10.3%"),
    M("140亿元"), P("8.2%"), M("2\n.5亿美元"), P("6.1%"), M("5184万美元"), P("10%"),
    M("35867元"), P("7.7%"),
]

DOCS["dev05_chongqing_ysbg"] = [
    M("76138万元"), M("47008万元"), M("29130万元"), M("80000万元"),
    M("76138万元"), M("89138万元"), M("13000万元"), M("40500万元"), M("48638万元"),
    M("80000万元"), M("50000万元"), M("65000万元"), M("35000万元"), M("10000万元"),
    M("5000万元"),
    M("88435元"), P("99.2 %"), P("19.7%"), M("39029元"), P("12%"), M("49406万元"),
    P("67.1%"), M("405490万元"), M("2275万元"), M("336747万元"), M("66468万元"),
    M("4497万元"), M("25000万元"),
]

DOCS["dev06_guizhou_ysbg"] = [
    M("28,583万元"), P("105.47%"), P("10.85%"), M("2,798万元"),
    M("13,866万元"), P("100.93%"), P("48.51%"), M("14,717万元"), P("110.14%"), P("51.49%"),
    M("11,136万元"), P("90.75%"), P("38.96%"), M("17,447万元"), P("117.66%"), P("61.04%"),
    M("30,161万元"), P("14.6%"), M("4,376万"),
]

GX = ("广东省广新控股集团有限公司", "local_soe")
DOCS["dev07_guangdong_gzw"] = [
    E("广新控股集团", *GX),
    E("广新控股集团", *GX),
    E("广新控股集团", *GX),
    E("广新控股集团", *GX),
    J("印尼广青镍钴有限公司年产8万吨镍金属当量镍钴中间品湿法项目"),
    E("印尼广青镍钴有限公司", "印尼广青镍钴有限公司", "local_soe"),
    Q("8万吨"),
    J("印尼广青德热轧项目"), Q("17个月"),
    J("广新控股集团印尼广青镍业项目"), E("广新控股集团", *GX),
    J("印尼广青德热轧项目"),
    E("广新控股集团", *GX), E("兴发铝业", "兴发铝业控股有限公司", "local_soe"),
    J("华东数字化工厂一期项目"),
    J("澳大利亚年产2万吨铝挤压项目"), Q("2万吨"),
]

CRCC = ("中国铁道建筑集团有限公司", "central_soe")
CTG = ("中国长江三峡集团有限公司", "central_soe")
DOCS["dev08_sichuan_yangdi"] = [
    Q("45个"), M("3920亿元"),
    Q("45个"), M("3920亿元"), Q("21个"), M("1250亿元", "over"),
    M("3920亿元"), M("100亿元", "over"),
    M("3920亿元"),
    E("中国铁建", *CRCC), E("中国保利", "中国保利集团有限公司", "central_soe"),
    J("郫都智慧科技城项目"), E("长江三峡集团", *CTG), M("100亿元", "over"),
    Q("45个"), Q("23个"), Q("13个"),
    E("三峡集团", *CTG), E("中国铁建", *CRCC),
]

DOCS["dev09_shandong_xmkg"] = [
    J("宁阳县明升达产业园强链、延链、补链医药中间体项目"),
    Q("931 个"), Q("283 个"), P("65.8%"),
    J("晶优光伏"), E("晶优光伏", "晶优光伏", "unknown"),
    J("国泰大成新材料"), E("国泰大成新材料", "国泰大成新材料", "unknown"),
    J("吉利远程本途新能源商用车"),
    E("吉利远程", "浙江吉利远程新能源商用车集团有限公司", "private"),
    Q("43 个"), M("476.2 亿元"), M("72.4 亿元"),
    J("明升达产业园强链、延链、补链医药中间体项目"), M("30 亿元"),
    Q("15 万吨"), M("58 亿元"), M("7.2 亿元"),
]

DOCS["dev10_shaanxi_yangdi"] = [
    Q("193个"), M("1222亿", "over"),
    Q("193个"), M("1222亿", "over"),
    J("中石油兰石化80万吨乙烷制乙烯项目"),
    E("中石油兰石化", "中国石油天然气股份有限公司兰州石化分公司", "central_soe_unit"),
    Q("80万吨"),
    J("中煤煤炭深加工基地项目"), E("中煤", "中国中煤能源集团有限公司", "central_soe"),
    J("中车长客地铁车辆生产项目"),
    E("中车长客", "中车长春轨道客车股份有限公司", "central_soe_unit"),
    J("中节能污泥处理和垃圾发电"), E("中节能", "中国节能环保集团有限公司", "central_soe"),
    Q("193个"), M("1222.09亿元"),
    Q("15个"), Q("95个"), M("700亿元"), Q("120个"), Q("76个"), M("368.37亿元"),
    Q("22个"), M("153.72亿元"),
    Q("10个"),
]



if __name__ == "__main__":
    sys.exit(main(HERE, DOCS))
