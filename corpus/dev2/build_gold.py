#!/usr/bin/env python3
"""Build corpus/dev2/gold.jsonl from the hand-written mention lists below.

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
import hashlib
import json
import re
import sys
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"

CURRENCIES = [("万亿美元", "USD", Decimal(10) ** 12), ("亿美元", "USD", Decimal(10) ** 8),
              ("万美元", "USD", Decimal(10) ** 4), ("美元", "USD", 1),
              ("万亿元", "CNY", Decimal(10) ** 12), ("亿元", "CNY", Decimal(10) ** 8),
              ("万元", "CNY", Decimal(10) ** 4), ("元", "CNY", 1)]
CN_DIGIT = {"十": 10, "百": 100, "千": 1000}


def fmt(d: Decimal) -> str:
    s = format(d.normalize(), "f")
    return s


def split_number(text: str):
    """Return (Decimal number with 万/亿 applied, rest-of-text, approx_more)."""
    s = re.sub(r"\s", "", text).replace("－", "-")
    m = re.match(r"-?[\d,]*\.?\d+", s)
    if m:
        num = Decimal(m.group(0).replace(",", ""))
        rest = s[m.end():]
    else:  # Chinese-numeral magnitude such as 千亿元 / 百亿元
        num = Decimal(CN_DIGIT[s[0]])
        rest = s[1:]
    approx = False
    while True:
        if rest.startswith("万亿"):
            num *= Decimal(10) ** 12; rest = rest[2:]
        elif rest.startswith("亿"):
            num *= Decimal(10) ** 8; rest = rest[1:]
        elif rest.startswith("万") and not rest.startswith("万元") and not rest.startswith("万美元"):
            num *= Decimal(10) ** 4; rest = rest[1:]
        elif rest[:1] in ("余", "多"):
            approx = True; rest = rest[1:]
        else:
            break
    return num, rest, approx


def num_norm(mtype: str, text: str, qualifier: str, unit: str | None = None) -> dict:
    num, rest, approx = split_number(text)
    if approx and qualifier == "exact":
        qualifier = "approx_more"
    if mtype == "money":
        for cur, code, mult in CURRENCIES:
            if rest == cur:
                return {"value": fmt(num * mult), "currency": code, "qualifier": qualifier}
        if rest == "":  # currency word left out (完成投资超1222亿, 增收4,376万)
            return {"value": fmt(num), "currency": "CNY", "qualifier": qualifier}
        raise ValueError(f"money unit? {text!r} rest={rest!r}")
    if mtype == "percent":
        if unit is None:
            unit = {"%": "percent", "个百分点": "percentage_point",
                    "倍": "multiple"}.get(rest)
        if unit is None:
            raise ValueError(f"percent unit? {text!r}")
        return {"value": fmt(num), "unit": unit, "qualifier": qualifier}
    if mtype == "quantity":
        if not rest:
            raise ValueError(f"quantity without unit {text!r}")
        return {"value": fmt(num), "unit": unit or rest, "qualifier": qualifier}
    raise ValueError(mtype)


# ---------------------------------------------------------------------------
# Mention lists.  Shorthands:
#   M(text, q)  money      P(text, q)  percent     Q(text, q) quantity
#   E(text, canonical, category)       J(text) project   D(text) document
# q defaults to "exact".
# ---------------------------------------------------------------------------
def M(t, q="exact"): return ("money", t, q)
def P(t, q="exact", unit=None): return ("percent", t, (q, unit))
def Q(t, q="exact"): return ("quantity", t, q)
def E(t, canon=None, cat="unknown"): return ("enterprise", t, (canon or t, cat))
def J(t): return ("project", t, None)
def D(t): return ("document", t, None)


DOCS: dict[str, list] = {}

# --- dev2_01 河南 项城 -------------------------------------------------------
ZT = "河南中联天盛防水防腐材料有限公司"
DF = "河南东方立业防水防腐材料有限公司"
KS = "项城市凯森制衣有限公司"
DOCS["dev2_01_henan_xmkg"] = [
    J("项城市莲花健康新区建设项目一期工程"),
    M("43.40亿元"), M("33.25亿元"),
    J("莲花健康新区建设项目一期工程"),
    J("年产10万吨商品味精、5万吨复合调味料先进技术改造项目"), Q("10万吨"), Q("5万吨"),
    J("莲花健康产业集团食品(项城)有限公司复合调味品先进技术生产项目"),
    E("莲花健康产业集团食品(项城)有限公司", None, "unknown"),
    Q("10万吨"), Q("5万吨"),
    J(ZT + "年产1500万平方米环保型防水卷材和2500吨防水涂料项目"), E(ZT, None, "private"),
    Q("1500万平方米"), Q("2500吨"),
    J(ZT + "年产1500万平方米环保型防水卷材和2500吨防水涂料项目"), E(ZT, None, "private"),
    Q("1500万平方米"), Q("2500吨"),
    M("3亿元"), M("2.92亿元"),
    Q("1000万平方米"), Q("1条"), Q("500万平方米"), Q("1条"), Q("2500吨"), Q("1条"),
    J(DF + "年产1500万平方米环保型防水卷材和2000吨防水涂料项目"), E(DF, None, "private"),
    Q("1500万平方米"), Q("2000吨"),
    J(DF + "年产1500万平方米环保型防水卷材和2000吨防水涂料项目"), E(DF, None, "private"),
    Q("1500万平方米"), Q("2000吨"),
    M("2.6亿元"), M("2.6亿元"),
    Q("1000万平方米"), Q("1条"), Q("500万平方米"), Q("1条"), Q("2000吨"), Q("1条"),
    J(KS + "年产5000万件服装加工项目"), E(KS, None, "private"), Q("5000万件"),
    J(KS + "年产5000万件服装加工项目"), E(KS, None, "private"), Q("5000万件"),
    M("5亿元"), M("4.5亿元"),
    J("项城市桥涵工程建设项目(一期)"),
    J("项城市桥涵工程建设项目(一期)"),
    M("4.23亿元"), M("3亿元"), Q("19座"), Q("1162.68米"),
    # "和3" at the very end: cut mid-number, no unit -> not annotated
]

# --- dev2_02 浙江 上虞 -------------------------------------------------------
HT = ("北京恒泰洁能科技有限公司", "private")
YN = ("永农生物科学有限公司", "private")
DOCS["dev2_02_zhejiang_zsyz"] = [
    M("183亿元", "over"), Q("4个"),
    Q("4个"),
    # 百亿级 / 50亿级 / 10亿级 are size classes -> not money
    Q("1个"), Q("1个"), Q("2个"),
    E("北京恒泰洁能科技有限公司", *HT), M("10.82亿元"),
    J("恒泰洁能深冷科技高端装备研发智造项目"), E("恒泰洁能", *HT),
    E("恒泰洁能公司", *HT),
    J("永农生物酶催化绿色新材料项目"), E("永农生物", *YN),
    M("106亿元"),
    J("生物酶催化绿色新材料及绿色植保产品智造项目"),
    M("141.28亿元"),
    E("永农生物科学有限公司", *YN),
    E("永农生物公司", *YN),
]

# --- dev2_03 湖南 省属国企重组 -------------------------------------------------
def L(t): return E(t, None, "local_soe")
DOCS["dev2_03_hunan_gzw"] = [
    M("3730亿元"),
    Q("10家"), Q("5家"),
    D("《湖南日报》"),
    M("3730亿元"), M("2000亿元"), P("24%"), P("35%"),
    L("湖南建工集团有限公司"), L("湖南省交通水利建设集团有限公司"), L("湖南建设投资集团有限责任公司"),
    L("湖南省现代农业产业控股集团有限公司"), L("湖南粮食集团有限责任公司"),
    L("湖南农业发展投资集团有限责任公司"),
    L("湖南黄金集团有限责任公司"), L("湖南有色环保研究院有限公司"),
    L("湖南有色产业投资集团有限责任公司"),
    L("三湘集团有限公司"), L("湖南省酒店旅游发展集团有限公司"),
    L("湖南阳光华天旅游发展集团有限责任公司"),
    L("湖南兴湘投资控股集团有限公司"), L("湖南省国有资产管理集团有限公司"),
    Q("24家"), Q("19家"),
]

# --- dev2_04 重庆 大渡口 -----------------------------------------------------
CJ2 = ("中建二局成渝重庆建设工程有限公司", "central_soe_unit")
DOCS["dev2_04_chongqing_zsyz"] = [
    Q("20个"), M("185亿元"),
    Q("20个"), M("185.73亿"), Q("12个"), M("105.1亿"),
    E("中建二局成渝重庆建设工程有限公司", *CJ2),
    E("中建二局", "中国建筑第二工程局有限公司", "central_soe_unit"),
    E("中建二局成渝重庆建设工程有限公司", *CJ2),
    E("中经城投集团公司", None, "unknown"), E("中城投八局", None, "unknown"),
    E("大渡口区城市运营公司", None, "local_soe"),
    E("皖新文化产业投资(集团)有限公司", None, "local_soe"),
]

# --- dev2_05 安徽 马鞍山慈湖 ---------------------------------------------------
HL = ("美国恒力", "foreign")
EL = ("美国恩力", "foreign")
DOCS["dev2_05_anhui_zsyz"] = [
    Q("24个"), M("64.6亿元"), P("18.6个百分点"), M("2亿元"),
    J("美国恩力微电网PCS储能逆变器项目"), E("美国恩力", *EL),
    Q("24个"), M("64.6亿元"), P("18.6个百分点"),
    M("6.3亿元"), J("中核钛白20万吨/年钛白后处理"),
    E("中核钛白", "中核华原钛白股份有限公司", "private"), Q("20万吨/年"),
    M("2亿元"), J("无锡长盛树脂生产"), E("无锡长盛", None, "unknown"),
    M("1.5亿元"), J("芳奎环保设备研发生产"), E("芳奎", None, "unknown"),
    M("2.5亿元"), J("卓高新型环保家装材料"), E("卓高", None, "unknown"),
    M("2亿元"), J("合肥常青股份汽车板材加工生产"),
    E("合肥常青股份", "合肥常青机械股份有限公司", "private"),
    M("6亿元"), J("南京新浙智能装备及智能制造"), E("南京新浙", None, "unknown"),
    M("5.5亿元"), J("美国恒力新能源汽车电池包系统生产"), E("美国恒力", *HL),
    M("2亿元"), J("美国恩力微电网PCS储能逆变器项目"), E("美国恩力", *EL),
    J("美国恒力"), E("美国恒力", *HL),
    J("台湾青烽金属表面处理剂和水性涂料"), E("台湾青烽", None, "foreign"),
    Q("0 条"),
]

# --- dev2_06 四川 省属国企集中开工 ---------------------------------------------
DOCS["dev2_06_sichuan_gzw"] = [
    Q("10个"), M("75亿元"),
    Q("10个"), M("75亿元"),
    E("四川发展", "四川发展（控股）有限责任公司", "local_soe"),
    E("中国五冶", "中国五冶集团有限公司", "central_soe_unit"),
    J("彭州市航空博览孵化园及军民融合科技中心项目"), M("22.5亿元"),
    E("四川能投", "四川省能源投资集团有限责任公司", "local_soe"),
    J("美姑县风电场"), J("雷波拉咪北风电场"), J("盐边大面山三期风电场项目"),
    E("华西集团", "四川华西集团有限公司", "local_soe"),
    J("沐川县市民广场工程"), J("乐山市金口河区交通建设项目"),
    E("四川粮油集团", None, "local_soe"), J("西南食谷项目"),
    Q("38个"), M("2498亿元"),
    E("四川好亦同信息科技有限公司", None, "private"),
]

# --- dev2_07 贵州 中铝 中电投 浪潮 ---------------------------------------------
CHALCO = ("中国铝业集团有限公司", "central_soe")
SPIC = ("国家电力投资集团有限公司", "central_soe")
INSPUR = ("浪潮集团有限公司", "local_soe")
DOCS["dev2_07_guizhou_yangdi"] = [
    E("中铝公司", *CHALCO), M("60亿元"),
    E("中国铝业公司", *CHALCO), E("中国电力投资集团公司", *SPIC), E("浪潮集团有限公司", *INSPUR),
    E("中国铝业公司", *CHALCO), E("中电投集团", *SPIC),
    E("中国铝业", *CHALCO), E("中电投", *SPIC),
    E("浪潮集团", *INSPUR), E("浪潮集团", *INSPUR),
]

# --- dev2_08 新疆 亚欧博览会 -------------------------------------------------
DOCS["dev2_08_xinjiang_zsyz"] = [
    Q("318个"), M("5722亿元"),
    E("新疆有色金属工业(集团)有限责任公司", None, "local_soe"),
    E("华电新疆发电有限公司", None, "central_soe_unit"),
    E("九圣禾种业股份有限公司", None, "private"),
]

# --- dev2_09 内蒙古 鄂尔多斯 ---------------------------------------------------
DOCS["dev2_09_neimenggu_xmjs"] = [
    J("内蒙古博瑞得供应链有限公司煤化工产品供应链金融物流服务项目"),
    E("内蒙古博瑞得供应链有限公司", None, "private"),
    J("内蒙古畅鸿塑业科技有限公司年产2000万条重包装膜袋项目"),
    E("内蒙古畅鸿塑业科技有限公司", None, "private"), Q("2000万条"),
    Q("3栋"), Q("2.2万平方米"), M("14.6亿元"),
    J("内蒙古伊泰煤制油有限责任公司年产200万吨煤炭间接液化示范项目"),
    E("内蒙古伊泰煤制油有限责任公司", None, "private"), Q("200万吨"),
    Q("304项"), Q("280项"), M("1163.6亿元"), Q("59项"), Q("53项"), M("449.3亿元"),
    P("7.3%"), P("3.8个百分点"), Q("107项"), M("490.6亿元"), M("3017亿元"),
    J("鄂安沧输气管道"), Q("3个"),
]

# --- dev2_10 黑龙江 央企合作 ---------------------------------------------------
DOCS["dev2_10_heilongjiang_yangdi"] = [
    Q("60项"), M("千亿"),
    Q("60个"), M("1342.3亿元", "about"), Q("13个"), Q("2个"), Q("4所"),
    Q("38家"), Q("29个"), M("1105.8亿元", "about"), P("82.4%"),
    Q("10个"), M("202.9亿元", "about"), Q("5个"), M("32.6亿元", "about"),
    Q("6个"), M("1.1亿元", "about"), Q("6个"), Q("4个"),
    Q("35个"),
    E("中国电子科技集团公司", "中国电子科技集团有限公司", "central_soe"),
    E("中国兵器工业集团公司", "中国兵器工业集团有限公司", "central_soe"),
    E("国家开发投资公司", "国家开发投资集团有限公司", "central_soe"),
    E("中国航天科技集团公司", "中国航天科技集团有限公司", "central_soe"),
    Q("4个"),
]

# --- dev2_11 河北 元氏 -------------------------------------------------------
DOCS["dev2_11_hebei_zsyz"] = [
    Q("8个"),
    J("大寺峪(石家庄·奇妙谷)项目"), J("诚实汽车贸易产业园项目"),
    J("元氏县封龙山文化产业园项目"), J("力拓旅游度假世界项目"),
    J("京东(盛驰)冷链加工配送中心项目"), E("京东", None, "private"), E("盛驰", None, "unknown"),
    M("110亿元", "about"),
    J("国电投"), E("国电投", *SPIC),
    J("中国通号"), E("中国通号", "中国铁路通信信号集团有限公司", "central_soe"),
    J("保利集团"), E("保利集团", "中国保利集团有限公司", "central_soe"),
    Q("21个"), M("122.36亿元"), Q("8个"),
]

# --- dev2_12 山西 中煤 -------------------------------------------------------
CHINACOAL = ("中国中煤能源集团有限公司", "central_soe")
DOCS["dev2_12_shanxi_yangdi"] = (
    [E("中煤集团", *CHINACOAL)] * 10 + [
        E("中煤平朔集团", "中煤平朔集团有限公司", "central_soe_unit"),
        E("太重集团", "太原重型机械集团有限公司", "local_soe"),
        E("平朔集团", "中煤平朔集团有限公司", "central_soe_unit"),
        E("华晋集团", None, "central_soe_unit"),
        E("晋中公司", None, "central_soe_unit"),
        # "集团公司" (668) refers back to 中煤集团 generically -> not annotated
    ])

# --- dev2_13 广东 粤港澳大湾区全球招商大会 ---------------------------------------
def F(t, canon=None): return E(t, canon, "foreign")
DOCS["dev2_13_guangdong_zsyz"] = [
    M("2.5万亿"),
    Q("853个"), M("2.5万亿元"), Q("48个"), M("1801亿元"), Q("3个"),
    J("三菱重工燃气轮机热部件研发生产基地项目"), F("三菱重工", "三菱重工业株式会社"),
    J("南沙澳门大健康及科技城项目"),
    J("沃博联广药基金项目"), F("沃博联"), E("广药", "广州医药集团有限公司", "local_soe"),
    M("50亿元", "over"),
    F("埃克森美孚"), F("巴斯夫"), F("强生"), F("沙特阿美"), F("西门子能源"), F("亚马逊"),
    F("松下"), F("沃尔玛"), F("宝洁"), F("现代汽车"), F("日立"), F("乐金显示"),
    F("三菱商事"), F("三菱电机"), F("矢崎"),
    E("中国远洋海运集团", "中国远洋海运集团有限公司", "central_soe"),
    E("美的", "美的集团股份有限公司", "private"),
    E("格力", "珠海格力电器股份有限公司", "unknown"),
    E("正威", "正威国际集团有限公司", "private"),
    E("中广核", "中国广核集团有限公司", "central_soe"),
    E("TCL", None, "unknown"),
    E("立白", None, "private"),
    E("科大讯飞", "科大讯飞股份有限公司", "private"),
    E("温氏", "温氏食品集团股份有限公司", "private"),
    F("三菱重工业株式会社"), F("采埃孚集团"), F("嘉士伯集团"), F("博联集团"),
]

# --- dev2_14 陕西 西安高新区 ---------------------------------------------------
CITIC_C = ("中信建设有限责任公司", "central_soe_unit")
DOCS["dev2_14_shaanxi_zsyz"] = [
    Q("38个"), Q("38个"), M("400亿元", "over"), E("高科集团", None, "local_soe"),
    Q("38个"),
    J("法国亚创集团研发中心项目"), F("法国亚创集团"),
    F("奇柯集团"), J("奇科城—欧洲中心项目"),
    J("美国空气化工公司第二套空气分离装置项目"), F("美国空气化工公司"),
    M("5亿元"), J("深圳海王陕西省医疗器械综合性服务平台项目"), E("深圳海王", None, "private"),
    M("60亿元"), J("“苏宁西北商业管理总部及高新商业综合体”项目"), E("苏宁", None, "private"),
    E("中国建筑股份有限公司", None, "central_soe_unit"),
    J("高新区三次创业起步区综合开发及配套项目"),
    E("中信建设有限责任公司", *CITIC_C),
    J("“中信建设—高新区百亿强基工程”项目"), E("中信建设", *CITIC_C),
    E("中新控股有限公司", None, "unknown"), M("3亿元"),
    E("中民新能投资集团有限公司", None, "private"),
    E("协鑫新能源控股有限公司", None, "private"), M("30亿元"),
]

# --- dev2_15 江苏 太仓港区 -----------------------------------------------------
CIMC = ("中国国际海运集装箱(集团)股份有限公司", "central_soe_unit")
DOCS["dev2_15_jiangsu_xmkg"] = [
    Q("9个"), M("65.89亿元"),
    Q("9个"), Q("6个"), M("55.55亿元"), Q("3个"), M("28.38亿元"), M("66亿元", "about"),
    Q("2个"), M("23.17亿元"), Q("1个"), M("4亿元"),
    Q("3个"), M("10.34亿元"), Q("2个"), M("8.68亿元"), Q("1个"), M("1.66亿元"),
    J("中集冷藏物流装备项目"), E("中集", *CIMC), M("15亿元"),
    J("中集冷箱“梦工厂”"), E("中集冷箱", None, "central_soe_unit"),
    J("苏州天顺新能源科技有限公司3兆瓦及以上海上风电塔架建设项目"),
    E("苏州天顺新能源科技有限公司", None, "private"), Q("3兆瓦", "over"),
    M("11.54亿元"), M("24亿元"),
    J("中远"), E("中远", "中国远洋海运集团有限公司", "central_soe"),
    J("中集"), E("中集", *CIMC),
    J("中外运"), E("中外运", None, "central_soe_unit"),
    J("中石油"), E("中石油", "中国石油天然气集团有限公司", "central_soe"),
    J("中化"), E("中化", "中国中化控股有限责任公司", "central_soe"),
    Q("23个"), M("300亿元", "over"),
    J("杨林船闸建设工程"),
    E("苏州绕城公司", None, "local_soe"),
    J("斜港大桥标工程"),
]

NUMERIC = {"money", "percent", "quantity"}


def locate(text: str, items: list, doc_id: str) -> list:
    out, used, cursor = [], set(), 0
    for mtype, mtext, extra in items:
        pos = cursor
        while True:
            i = text.find(mtext, pos)
            if i < 0:
                raise SystemExit(f"{doc_id}: {mtype} {mtext!r} not found after {cursor}")
            prev = text[i - 1] if i > 0 else ""
            glued = prev.isdigit() or prev == "." or (
                prev == "," and i >= 2 and text[i - 2].isdigit())
            if (mtype, i) in used or (mtype in NUMERIC and mtext[0].isdigit() and glued):
                pos = i + 1
                continue
            break
        used.add((mtype, i))
        cursor = i
        m = {"type": mtype, "start": i, "end": i + len(mtext), "text": mtext}
        if mtype in NUMERIC:
            if mtype == "percent":
                q, unit = extra
                m["norm"] = num_norm(mtype, mtext, q, unit)
            else:
                m["norm"] = num_norm(mtype, mtext, extra)
        elif mtype == "enterprise":
            m["norm"] = {"canonical": extra[0], "category": extra[1]}
        out.append(m)
    out.sort(key=lambda m: (m["start"], -m["end"], m["type"]))
    return out


def coverage(text: str, mentions: list, doc_id: str) -> None:
    spans = [(m["start"], m["end"]) for m in mentions if m["type"] in NUMERIC or m["type"] == "document"]
    for mo in re.finditer(r"\d[\d,.]*", text):
        s = mo.start()
        if not any(a <= s < b for a, b in spans):
            ctx = text[max(0, s - 8):mo.end() + 6].replace("\n", "⏎")
            print(f"  {doc_id}: not annotated {mo.group(0)!r:>14} … {ctx}")


def main() -> int:
    lines = []
    for doc_id, items in DOCS.items():
        raw = (RAW / f"{doc_id}.txt").read_bytes().decode("utf-8")
        text = raw[1:] if raw.startswith("\ufeff") else raw
        mentions = locate(text, items, doc_id)
        if "-v" in sys.argv:
            coverage(text, mentions, doc_id)
        lines.append(json.dumps({"doc_id": doc_id,
                                 "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                                 "mentions": mentions}, ensure_ascii=False))
    (HERE / "gold.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} docs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
