#!/usr/bin/env python3
"""Build corpus/dev7/gold.jsonl (mentions + records) from the lists below.
Run: python3 build_gold.py [-v] [-r]   (-v: digits outside numeric mentions; -r: dump records)

Method as corpus/dev5: mentions are listed by text, in document order, and located with
str.find from the previous mention's start (the search rules of goldtools.locate, copied in
`_find` below so that each listed item keeps its offsets for its record). Number norms come from
goldtools.num_norm, used unchanged. Added here:
- G(text, code, name): a region mention, norm {"code", "name"}.
- r=(indicator, role, basis, **kw) on M/P/Q: the MetricRecord anchored on that mention.
  indicator: the nearest preceding occurrence of the string ("ind", k) = k-th nearest preceding;
  (">ind") = the first occurrence after the anchor. role codes: v value, sh share, t target,
  ch+/ch- change increase/decrease. kw: per= period, reg= region (None, or (code, name)).
- U(text, unit) on P: a bare number that shares a later unit (`1.4、0.7个百分点`)."""
import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
import goldtools  # noqa: E402

NUMERIC = goldtools.NUMERIC
KEEP = object()          # "use the document default"
ROLES = {"v": ("value", None), "sh": ("share", None), "t": ("target", None),
         "ch+": ("change", "increase"), "ch-": ("change", "decrease")}
BASES = {None: None, "yoy": "yoy", "mom": "mom", "base": "base_period"}


def _item(mtype, text, extra, r):
    return {"type": mtype, "text": text, "extra": extra, "rec": r}


def M(t, q="exact", r=None): return _item("money", t, q, r)
def P(t, q="exact", r=None, unit=None): return _item("percent", t, (q, unit), r)
def Q(t, q="exact", r=None): return _item("quantity", t, q, r)
def G(t, code, name): return _item("region", t, {"code": code, "name": name}, None)
def D(t): return _item("document", t, None, None)
def R(ind, role, basis=None, per=KEEP, reg=KEEP): return (ind, role, basis, per, reg)
PP = "percentage_point"


def _find(text, items, doc_id):
    """goldtools.locate's search: from the previous item's start; skip a start already used by
    the same type, and a numeral glued to a digit before it."""
    used, cursor, out = set(), 0, []
    for it in items:
        pos = cursor
        while True:
            i = text.find(it["text"], pos)
            if i < 0:
                raise SystemExit(f"{doc_id}: {it['type']} {it['text']!r} not found after {cursor}")
            prev = text[i - 1] if i > 0 else ""
            glued = prev.isdigit() or prev == "." or (prev == "," and i >= 2 and text[i - 2].isdigit())
            if (it["type"], i) in used or (it["type"] in NUMERIC and it["text"][0] in "0123456789-" and glued):
                pos = i + 1
                continue
            break
        used.add((it["type"], i))
        cursor = i
        out.append(i)
    return out


def _mention(it, start):
    m = {"type": it["type"], "start": start, "end": start + len(it["text"]), "text": it["text"]}
    if it["type"] == "percent":
        q, unit = it["extra"]
        m["norm"] = goldtools.num_norm("percent", it["text"], q, unit)
    elif it["type"] in NUMERIC:
        m["norm"] = goldtools.num_norm(it["type"], it["text"], it["extra"])
    elif it["type"] == "region":
        m["norm"] = dict(it["extra"])
    return m


def _indicator(text, ind, a_start, a_end, doc_id):
    if isinstance(ind, tuple):
        s, k = ind
    else:
        s, k = ind, 1
    if s.startswith(">"):
        s = s[1:]
        i = text.find(s, a_end)
    else:
        i, hi = -1, a_start
        for _ in range(k):
            i = text.rfind(s, 0, hi)
            hi = i
    if i < 0:
        raise SystemExit(f"{doc_id}: indicator {s!r} not found for anchor at {a_start}")
    return {"start": i, "end": i + len(s), "text": s}


def _region(reg):
    if reg is None:
        return None
    return {"code": reg[0], "name": reg[1]}


def build(doc_id, meta, items, text):
    starts = _find(text, items, doc_id)
    mentions, records = [], []
    for it, s in zip(items, starts):
        m = _mention(it, s)
        mentions.append(m)
        if it["rec"] is None:
            continue
        ind, role, basis, per, reg = it["rec"]
        role_, direction = ROLES[role]
        records.append({
            "kind": "metric",
            "anchor": {"start": m["start"], "end": m["end"], "text": m["text"]},
            "indicator": _indicator(text, ind, m["start"], m["end"], doc_id),
            "role": role_, "direction": direction, "basis": BASES[basis],
            "period": meta["period"] if per is KEEP else per,
            "region": _region(meta["region"] if reg is KEEP else reg)})
    mentions.sort(key=lambda m: (m["start"], -m["end"], m["type"]))
    records.sort(key=lambda r: r["anchor"]["start"])
    return mentions, records


DOCS: dict = {}
META: dict = {}

# --- dev7_01 四川 广元 朝天区 2024年地区生产总值 (release with 注) ------------------------------
CT = ("510812", "朝天区")
META["dev7_01_sichuan_tjxw"] = {"period": "2024", "region": CT}
DOCS["dev7_01_sichuan_tjxw"] = [
    M("90.38亿元", r=R("地区生产总值", "v")),
    P("6.4%", r=R("地区生产总值", "ch+", "yoy")),
    # 增速分别高于全国、全省1.4、0.7个百分点: the gap to the national / provincial rate (NOTES 4)
    P("1.4", unit=PP, r=R("增速", "ch+")), P("0.7个百分点", r=R("增速", "ch+")),
    M("16.10亿元", r=R("第一产业增加值", "v")), P("2.6%", r=R("第一产业增加值", "ch+")),
    M("36.42亿元", r=R("第二产业增加值", "v")), P("6.3%", r=R("第二产业增加值", "ch+")),
    M("27.07亿元", r=R("工业增加值", "v")), P("8.9%", r=R("工业增加值", "ch+")),
    M("37.87亿元", r=R("第三产业增加值", "v")), P("8.1%", r=R("第三产业增加值", "ch+")),
    # 19.5:45.5:35.0 → 17.8:40.3:41.9: structure ratios, not annotated
    P("7.5%", r=R("贡献率", "v")), P("42.3%", r=R("贡献率", "v")), P("50.2%", r=R("贡献率", "v")),
    P("0.5", unit=PP, r=R("拉动经济增长", "v")), P("2.7", unit=PP, r=R("拉动经济增长", "v")),
    P("3.2个百分点", r=R("拉动经济增长", "v")),
    # 注: 1. 2. 3. list markers; 第五次: Chinese numeral
    G("朝天区", *CT),
    M("85.42亿元", r=R("地区生产总值", "v", per="2023")),
    M("15.30亿元", r=R("第一产业增加值", "v", per="2023")),
    M("35.14亿元", r=R("第二产业增加值", "v", per="2023")),
    M("34.97亿元", r=R("第三产业增加值", "v", per="2023")),
]

# --- dev7_02 吉林 松原市 2024年统计公报 -----------------------------------------------------------
SY = ("220700", "松原市")
META["dev7_02_jilin_tjgb"] = {"period": "2024", "region": SY}
DOCS["dev7_02_jilin_tjgb"] = [
    G("松原市", *SY),                                   # “十四五”, “1145”: labels
    M("1002.18亿元", r=R("地区生产总值", "v")),         # [2]: a footnote marker
    P("3.8%", r=R("地区生产总值", "ch+", "yoy")),
    M("241.09亿元", r=R("第一产业增加值", "v")), P("3.8%", r=R("第一产业增加值", "ch+", "yoy")),
    M("237.72亿元", r=R("第二产业增加值", "v")), P("0.5%", r=R("第二产业增加值", "ch+", "yoy")),
    M("523.37亿元", r=R("第三产业增加值", "v")), P("4.9%", r=R("第三产业增加值", "ch+", "yoy")),
    P("24.1%", r=R("第一产业增加值", "sh")),
    P("23.7%", r=R("第二产业增加值比重", "sh")),
    P("52.2%", r=R("第三产业增加值比重", "sh")),
    M("47544元", r=R("人均地区生产总值", "v")),
    Q("209.00万人", r=R("常住人口", "v")),
    Q("105.93万人", r=R("城镇常住人口", "v")),
    P("50.68%", r=R("常住人口城镇化率", "sh")),
    P("1.99个百分点", r=R("常住人口城镇化率", "ch+", "yoy")),
    Q("1.15万人", r=R("出生人口", "v")), Q("5.46‰", r=R("出生率", "v")),
    Q("1.98万人", r=R("死亡人口", "v")), Q("9.39‰", r=R("死亡率", "v")),
    Q("-3.93‰", r=R("自然增长率", "v")),
    # 人口性别比为98.5(以女性为100): no unit, not annotated
    P("0.7%", r=R("居民消费价格", "ch-", "yoy")),
    P("0.9%", r=R("生活用品和服务", "ch+")), P("1.0%", r=R("医疗保健", "ch+")),
    P("0.6%", r=R("教育文化和娱乐", "ch+")), P("4.6%", r=R("其他用品和服务", "ch+")),
    P("3.8%", r=R("交通通信", "ch-")), P("1.8%", r=R("食品烟酒", "ch-")),
    P("0.5%", r=R("衣着", "ch-")),
    M("249.83亿元", r=R("农林牧渔业增加值", "v")), P("3.8%", r=R("农林牧渔业增加值", "ch+", "yoy")),
    M("481.02亿元", r=R("农林牧渔业总产值", "v")), P("3.9%", r=R("农林牧渔业总产值", "ch+", "yoy")),
    Q("104.25万公顷", r=R("粮食作物播种面积", "v")),
    Q("0.78万公顷", r=R("粮食作物播种面积", "ch+", "yoy")),
    P("0.8%", r=R("粮食作物播种面积", "ch+", "yoy")),
]

# --- dev7_03 安徽 合肥 庐阳区 2024年统计公报 -------------------------------------------------------
LY = ("340103", "庐阳区")
META["dev7_03_anhui_tjgb"] = {"period": "2024", "region": LY}
DOCS["dev7_03_anhui_tjgb"] = [
    G("庐阳区", *LY),                                   # title; the bare 2024 after it: a year
    G("安徽", "340000", "安徽省"),
    M("1323.84亿元", r=R("生产总值", "v")), P("4.7%", r=R("生产总值", "ch+", "yoy")),
    M("1.03亿元", r=R("第一产业增加值", "v")), P("2.9%", r=R("第一产业增加值", "ch+")),
    M("228.71亿元", r=R("第二产业增加值", "v")), P("6.1%", r=R("第二产业增加值", "ch+")),
    M("1094.10亿元", r=R("第三产业增加值", "v")), P("4.4%", r=R("第三产业增加值", "ch+")),
    Q("74.4万人", r=R("常住人口", "v")), P("99.44%", r=R("城镇化率", "v")),
    Q("904.7公顷", r=R("农作物总播种面积", "v")), P("36.4%", r=R("农作物总播种面积", "ch+", "yoy")),
    Q("340.7公顷", r=R("粮食作物", "v")), P("343.6%", r=R("粮食作物", "ch+")),
    Q("355.3公顷", r=R("蔬菜", "v")),                   # 与去年基本持平: no number
    Q("206公顷", r=R("瓜果", "v")), P("1.4%", r=R("瓜果", "ch+")),
    Q("1587吨", r=R("粮食产量", "v")), P("312.7%", r=R("粮食产量", "ch+")),
    Q("9504吨", r=R("蔬菜产量", "v")), P("0.9%", r=R("蔬菜产量", "ch+")),
    Q("5920吨", r=R("瓜果产量", "v")), P("2.5%", r=R("瓜果产量", "ch+")),
    Q("1107吨", r=R("园林水果产量", "v")), P("0.6%", r=R("园林水果产量", "ch+")),
    M("16655万元", r=R("农林牧渔业总产值", "v")), P("2.7%", r=R("农林牧渔业总产值", "ch+")),
    Q("77户", r=R("规模以上工业企业", "v")), Q("9户", r=R("规模以上工业企业", "ch+", "yoy")),
    P("2.5%", r=R("规模以上工业增加值", "ch+", "yoy")),
    Q("21个", r=R(">工业大类行业", "v")), Q("12个", r=R(">增加值保持增长", "v")),
    P("33.6%", r=R("文教、工美、体育和娱乐用品制造业增加值", "ch+")),
    P("24.7%", r=R("金属制品业增加值", "ch+")),
    P("23.1%", r=R("仪器仪表制造业增加值", "ch+")),
    P("58.2%", r=R("太阳能电池(光伏电池)产量", "ch+", "yoy")),
    P("28.2%", r=R("钢结构", "ch+", "yoy")), P("25.0%", r=R("绝缘制品", "ch+", "yoy")),
    P("23.2%", r=R("服装", "ch+", "yoy")), P("21.9%", r=R("钢化玻璃", "ch+", "yoy")),
    M("212.4亿元", r=R("营业收入", "v")), P("1.8%", r=R("营业收入", "ch+", "yoy")),
    Q("21个", r=R(">行业", "v")),
    M("十亿元", "over"),                                # 营收超十亿元行业: a class threshold, no record
    Q("6个", r=R("营收超十亿元行业", "v")),
    M("52.27亿元", r=R("电气机械和器材制造业", "v")),
]

# --- dev7_04 陕西 安康 平利县 2024年前三季度经济运行 --------------------------------------------------
PL = ("610926", "平利县")
META["dev7_04_shaanxi_jjyx"] = {"period": "2024-01/2024-09", "region": PL}
DOCS["dev7_04_shaanxi_jjyx"] = [
    G("平利县", *PL),
    P("7.4%", r=R("生产总值", "ch+")),
    P("7.2%", r=R("第一产业增加值", "ch+")), P("11.5%", r=R("第二产业增加值", "ch+")),
    P("2.3%", r=R("第三产业增加值", "ch+")),
    # 18:48:34: structure ratio
    P("61.1%", r=R("非公经济增加值", "sh")),
    M("25.39亿元", r=R("农林牧渔业总产值", "v")), P("6.9%", r=R("农林牧渔业总产值", "ch+")),
    M("14.46亿元", r=R("增加值", "v")), P("7.2%", r=R("增加值", "ch+")),
    P("4.5%", r=R("蔬菜及食用菌产量", "ch+")), P("2.9%", r=R("中草药材产量", "ch+")),
    P("15.5%", r=R("茶叶产量", "ch+")),
    P("4.6%", r=R("生猪出栏", "ch-")), P("8.8%", r=R("羊出栏", "ch-")), P("0.3%", r=R("牛出栏", "ch-")),
    P("0.03%", r=R("肉类总产量", "ch+")), P("1.1%", r=R("猪肉", "ch+")),
    P("15.4%", r=R("规模以上工业增加值", "ch+")),
    P("27.3%", r=R("采矿业增加值", "ch+")), P("14.4%", r=R("制造业增加值", "ch+")),
    P("34.8%", r=R("电力、热力、燃气及水生产和供应业增加值", "ch-")),
    P("14.5%", r=R("六大支柱及特色工业增加值", "ch+")),
    P("38.7%", r=R("装备制造", "ch+")), P("30.3%", r=R("新型材料", "ch+")),
    P("12.5%", r=R("富硒食品", "ch+")), P("9.4%", r=R("纺织服装", "ch+")),
    P("5.5%", r=R("生物医药", "ch+")), P("34.8%", r=R("清洁能源", "ch-")),
    P("9.6%", r=R("特色工业", "ch-")),
    P("7.0%", r=R("固定资产投资", "ch+")),
    P("14.2%", r=R("第一产业投资", "ch-")), P("47.7%", r=R("第二产业投资", "ch+")),
    P("5.1%", r=R("第三产业投资", "ch-")),
    P("47.7%", r=R("工业投资", "ch+")), P("31.4%", r=R("工业企业技术改造投资", "ch+")),
    P("3.8倍", r=R("高技术产业投资", "ch+")), P("1.1倍", r=R("基础设施投资", "ch+")),
    P("17.4%", r=R("民间投资", "ch+")), P("13.2%", r=R("建安投资", "ch+")),
    P("9.8%", r=R("社会资本投资", "ch+")), P("72.5%", r=R("房地产开发投资", "ch-")),
    Q("17355平方米", r=R("商品房销售面积", "v")), P("31.6%", r=R("商品房销售面积", "ch-")),
]

# --- dev7_05 山西 晋中 2025年上半年全市经济运行 (the text never names the city) -------------------------
META["dev7_05_shanxi_jjyx"] = {"period": "2025-01/2025-06", "region": None}
DOCS["dev7_05_shanxi_jjyx"] = [
    # “156”: a label
    M("1110.3亿元", r=R("地区生产总值", "v")), P("4.2%", r=R("地区生产总值", "ch+", "yoy")),
    M("44.6亿元", r=R("第一产业增加值", "v")), P("5.5%", r=R("第一产业增加值", "ch+")),
    M("448.1亿元", r=R("第二产业增加值", "v")), P("2.4%", r=R("第二产业增加值", "ch+")),
    M("617.6亿元", r=R("第三产业增加值", "v")), P("5.4%", r=R("第三产业增加值", "ch+")),
    M("85.1亿元", r=R("农林牧渔业总产值", "v")), P("5.2%", r=R("农林牧渔业总产值", "ch+", "yoy")),
    M("16.9亿元", r=R("农业产值", "v")), P("4.2%", r=R("农业产值", "ch+")),
    M("20.3亿元", r=R("林业产值", "v")), P("12.7%", r=R("林业产值", "ch+")),
    M("40.3亿元", r=R("牧业产值", "v")), P("2.1%", r=R("牧业产值", "ch+")),
    M("0.3亿元", r=R("渔业产值", "v")), P("1.8%", r=R("渔业产值", "ch+")),
    Q("39.6万吨", r=R("蔬菜产量", "v")), P("4.3%", r=R("蔬菜产量", "ch+")),
    Q("0.6万吨", r=R("瓜果类产量", "v")), P("12.5%", r=R("瓜果类产量", "ch+")),
    Q("13.1万吨", r=R("猪牛羊禽四种肉产量", "v")), P("3%", r=R("猪牛羊禽四种肉产量", "ch+")),
    Q("63.0万吨", r=R("禽蛋产量", "v")), P("5.0%", r=R("禽蛋产量", "ch+")),
    Q("73.3万吨", r=R("牛奶产量", "v")), P("1.3%", r=R("牛奶产量", "ch+")),
    P("6.8%", r=R("规模以上工业增加值", "ch+", "yoy")),
    P("6.4%", r=R("采矿业", "ch+")), P("10.3%", r=R("制造业", "ch+")),
    P("2.7%", r=R("电力、热力、燃气及水生产和供应业", "ch-")),
    Q("33个", r=R(">工业行业", "v")), Q("20个", r=R(">行业实现增长", "v")),
    P("60.6%", r=R("增长面", "v")),
    Q("9大"),                                            # 9大重点行业“6增3降”: a group label, no record
    P("31.7%", r=R("炼焦", "ch+")), P("22.5%", r=R("非金属矿制品", "ch+")),
    P("13%", r=R("机械", "ch+")), P("12.3%", r=R("化学", "ch+")),
    P("6.2%", r=R("煤炭", "ch+")), P("1.8%", r=R("食品", "ch+")),
    P("64.8%", r=R("氧化铝", "ch+")), P("19.3%", r=R("石墨及碳素制品", "ch+")),
    P("18.3%", r=R("液压元件", "ch+")), P("13.5%", r=R("日用玻璃制品", "ch+")),
    P("8.3%", r=R("战略性新兴产业增加值", "ch+", "yoy")),
    P("10.6%", r=R("战略性新兴产业增加值", "sh")),
]

# --- dev7_06 四川 巴中 平昌县 2024年统计公报 (with a CPI table) ----------------------------------------
PC = ("511923", "平昌县")
META["dev7_06_sichuan_tjgb"] = {"period": "2024", "region": PC}
DOCS["dev7_06_sichuan_tjgb"] = [
    G("平昌县", *PC),
    M("201.20亿元", r=R("地区生产总值", "v")), P("6.5%", r=R("地区生产总值", "ch+", "yoy")),
    M("45.89亿元", r=R("第一产业增加值", "v")), P("1.8%", r=R("第一产业增加值", "ch+")),
    M("42.61亿元", r=R("第二产业增加值", "v")), P("9.5%", r=R("第二产业增加值", "ch+")),
    M("112.71亿元", r=R("第三产业增加值", "v")), P("7.1%", r=R("第三产业增加值", "ch+")),
    P("6.3%", r=R("贡献率", "v")), P("32.8%", r=R("贡献率", "v")), P("60.9%", r=R("贡献率", "v")),
    # 22.8:21.2:56.0: ratio; (图1), 图2: figure numbers
    P("0.1%", r=R("居民消费价格", "ch+", "yoy")),
    P("0.3%", r=R("医疗保健类", "ch+")), P("0.4%", r=R("衣着类", "ch-")),
    P("1.8%", r=R("交通和通信类", "ch-")), P("2.5%", r=R("教育文化和娱乐类", "ch+")),
    P("0.1%", r=R("食品烟酒类", "ch+")),
    # the table 图2 (涨跌幅度(%)): bare cells without a unit, not annotated (NOTES 2)
    M("122.64亿元", r=R("民营经济增加值", "v")), P("5.8%", r=R("民营经济增加值", "ch+", "yoy")),
    P("61.0%", r=R("民营经济增加值", "sh")), P("56.5%", r=R("贡献率", "v")),
    M("44.56亿元", r=R("第一产业增加值", "v")), P("2.6%", r=R("第一产业增加值", "ch+")),
    M("29.73亿元", r=R("第二产业增加值", "v")), P("9.4%", r=R("第二产业增加值", "ch+")),
    M("48.35亿元", r=R("第三产业增加值", "v")), P("7.8%", r=R("第三产业增加值", "ch+")),
    M("47.27亿元", r=R("农林牧渔业增加值", "v")), P("1.8%", r=R("农林牧渔业增加值", "ch+")),
]

# --- dev7_07 陕西 西安 周至县 2023年预算执行情况和2024年预算草案的报告 ---------------------------------
ZZ = ("610124", "周至县")
META["dev7_07_shaanxi_ysbg"] = {"period": "2023", "region": ZZ}
REV = "县级一般公共预算收入"
EXP = "一般公共预算支出"
DOCS["dev7_07_shaanxi_ysbg"] = [
    G("周至", *ZZ),                                     # nav label 走进周至
    G("周至县", *ZZ),                                   # title line, not in 《》
    G("周至", *ZZ),                                     # slogan “奋战一三五、振兴金周至”
    # “三个年”, 八个方面: Chinese numerals; 1. (一): list markers
    M("31751万元", r=R(REV, "v")),
    M("31220万元", r=R(REV, "t")),                      # 预算数: the budgeted amount
    P("101.7%", r=R(REV, "sh")),                        # 完成预算数…的101.7%
    M("28899万元", r=R(REV, "v", per="2022")),          # 较上年28899万元: last year's level
    P("9.9%", r=R(REV, "ch+", "yoy")),
    P("57.7%", r=R("税收收入", "sh")),
    M("29318万元", r=R("上划中省市收入", "v")),
    M("61069万元", r=R("财政总收入", "v")),
    M("53169万元", r=R("财政总收入", "v", per="2022")),
    P("14.9%", r=R("财政总收入", "ch+", "yoy")),
    M("18319万元", r=R("税收收入", "v")), P("17.6%", r=R("税收收入", "ch+")),
    M("7875万元", r=R("国内增值税收入", "v")), P("43.1%", r=R("国内增值税收入", "ch+")),
    M("2689万元", r=R("契税收入", "v")), P("40.5%", r=R("契税收入", "ch+")),
    M("1871万元", r=R("车船税收入", "v")), P("1.1%", r=R("车船税收入", "ch+")),
    M("1681万元", r=R("土地增值税收入", "v")), P("2%", r=R("土地增值税收入", "ch+")),
    M("13432万元", r=R("非税收入", "v")), P("0.8%", r=R("非税收入", "ch+")),
    M("3452万元", r=R("行政事业性收费收入", "v")), P("88.2%", r=R("行政事业性收费收入", "ch+")),
    M("5216万元", r=R("罚没收入", "v")), P("29.6%", r=R("罚没收入", "ch-")),
    M("1507万元", r=R("国有资源(资产)有偿使用收入", "v")),
    P("47.5%", r=R("国有资源(资产)有偿使用收入", "ch-")),
    M("666万元", r=R("专项收入", "v")), P("7.2%", r=R("专项收入", "ch+")),
    M("2591万元", r=R("政府住房基金收入", "v")), P("340.6%", r=R("政府住房基金收入", "ch+")),
    M("537347万元", r=R(EXP, "v")),
    M("539267万元", r=R(EXP, "t")),                     # 调整预算数
    P("99.6%", r=R(EXP, "sh")),
    M("508794万元", r=R(EXP, "v", per="2022")),
    P("5.6%", r=R(EXP, "ch+", "yoy")),
    M("463744万元", r=R("民生支出", "v")),
    P("86.3%", r=R("民生支出", "sh")),
    M("39238万元", r=R("一般公共服务支出", "v")), P("17.2%", r=R("一般公共服务支出", "ch-")),
]

# --- dev7_08 重庆 城口县 2024年预算执行情况与2025年预算草案的报告 ------------------------------------
CK = ("500229", "城口县")
META["dev7_08_chongqing_ysbg"] = {"period": "2024", "region": CK}
DOCS["dev7_08_chongqing_ysbg"] = [
    # 索引号 11500229750082850H/2025-00004, dates: not numbers for extraction;
    # 城口县财政局 (发布机构): an organization name, no region inside it
    G("城口县", *CK),                                   # 城口县2025年度政府预算公开
    G("城口县", *CK),                                   # 城口县2024财政预算执行情况…的报告
    # 20251在城口县第十届人民代表大会…: garbled date; the region is inside the congress's name
    D("《城口县2024年财政预算执行情况与2025年财政预算草案的报告》"),
    G("重庆", "500000", "重庆市"),
    # 三县一城一枢纽, 六个示范区: Chinese numerals
    M("71919万元", r=R("一般公共预算收入", "v")), P("60%", r=R("一般公共预算收入", "ch+")),
    M("30439万元", r=R("税收收入", "v")), P("2%", r=R("税收收入", "ch+")),
    M("41480万元", r=R("非税收入", "v")), P("172%", r=R("非税收入", "ch+")),
    M("364785万元", r=R("上级专项补助", "v")),
    M("77180万元", r=R("地方政府一般债务收入", "v")),
    M("15200万元", r=R("调入资金", "v")),
    M("78940万元", r=R("上年结转", "v")),
    M("608024万元", r=R("收入总量", "v")),
    M("453537万元", r=R("一般公共预算支出", "v")), P("12%", r=R("一般公共预算支出", "ch+")),
    M("9099万元", r=R("上解支出", "v")),
    M("69343万元", r=R("地方政府一般债务还本支出", "v")),
    M("35227万元", r=R("预算稳定调节基金", "v")),
    M("40818万元", r=R("结转下年", "v")),
    M("608024万元", r=R("支出总量", "v")),
]

# --- dev7_09 江西 宜春 2024年全市一般公共预算收支 (finance bureau data release) --------------------------
META["dev7_09_jiangxi_ysbg"] = {"period": "2024", "region": None}   # the city is not named
GB = "一般公共预算收入"
DOCS["dev7_09_jiangxi_ysbg"] = [
    M("284.1亿元", r=R(GB, "v")),
    M("5.9亿元", r=R(GB, "ch-", "yoy")),                # 同比减收5.9亿元
    P("2%", r=R(GB, "ch-", "yoy")),
    M("162.2亿元", r=R("税收收入", "v")), P("57.1%", r=R("税收收入", "sh")),
    # 市级(市本级、“三区”) and 县(市、区): fiscal tiers, region null (NOTES 6)
    M("49.5亿元", r=R(GB, "v")), P("7%", r=R(GB, "ch+", "yoy")),
    M("234.6亿元", r=R(GB, "v")), P("3.7%", r=R(GB, "ch-", "yoy")),
    G("袁州区", "360902", "袁州区"),
    M("78.9亿元", r=R(GB, "v", reg=(None, "中心城区"))),
    P("17.9%", r=R(GB, "ch+", "yoy", reg=(None, "中心城区"))),
    P("27.8%", r=R((GB, 2), "sh", reg=(None, "中心城区"))),   # the part, not 全市…收入
    M("722.5亿元", r=R("一般公共预算支出", "v")),
    M("3.5亿元", r=R("一般公共预算支出", "ch+", "yoy")),    # 同比增支3.5亿元
    P("0.5%", r=R("一般公共预算支出", "ch+", "yoy")),
]

# --- dev7_10 河南 郑州 中原区 1-10月经济运行 (no year and no region name in the text) ---------------------
META["dev7_10_henan_jjyx"] = {"period": None, "region": None}
DOCS["dev7_10_henan_jjyx"] = [
    # 10月份, 1-10月, 1-10月份: periods (no year written: period null, NOTES 5)
    P("4.4%", r=R("规上工业增加值", "ch+", "yoy")),
    P("63.3%", r=R(">电力供应业", "sh")),              # 占比63.3%的电力供应业
    P("6.5%", r=R("电力供应业", "ch+", "yoy")),
    P("4个百分点", r=R("拉动全区规上工业增长", "v")),
    P("8.1%", r=R("固定资产投资", "ch+", "yoy")),
    P("11.8%", r=R("房地产开发投资", "ch+", "yoy")),
    P("3.3%", r=R("城镇项目投资", "ch-", "yoy")),
    M("256.8亿元", r=R("社会消费品零售总额", "v")),
    P("5.6%", r=R("社会消费品零售总额", "ch+", "yoy")),
    P("18.8%", r=R("通过公共网络实现的商品零售额", "ch+", "yoy")),
    P("92%", r=R("新能源汽车零售额", "ch+", "yoy")),
    Q("147家", r=R("四上”单位入库", "v")),
    Q("4家", r=R("工业", "v")), Q("56家", r=R("建筑业", "v")), Q("24家", r=R("批发业", "v")),
    Q("8家", r=R("零售业", "v")), Q("4家", r=R("住宿业", "v")), Q("12家", r=R("餐饮业", "v")),
    Q("23家", r=R("服务业", "v")), Q("17家", r=R("房地产业", "v")),
]


def main() -> int:
    lines, dump = [], "-r" in sys.argv
    for doc_id, items in DOCS.items():
        raw = (HERE / "raw" / f"{doc_id}.txt").read_bytes().decode("utf-8")
        text = raw[1:] if raw.startswith("\ufeff") else raw
        mentions, records = build(doc_id, META[doc_id], items, text)
        if "-v" in sys.argv:
            goldtools.coverage(text, mentions, doc_id)
        if dump:
            for r in records:
                a, i = r["anchor"], r["indicator"]
                print(f"{doc_id[5:7]} {a['text']:>12} | {i['text']} | {r['role']} {r['direction']} "
                      f"{r['basis']} {r['period']} {(r['region'] or {}).get('name')} | "
                      f"{text[max(0, i['start'] - 4):a['end'] + 2]!r}")
        lines.append(json.dumps({"doc_id": doc_id,
                                 "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                                 "mentions": mentions, "records": records}, ensure_ascii=False))
    (HERE / "gold.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} docs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
