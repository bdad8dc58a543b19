#!/usr/bin/env python3
"""Build corpus/dev6/gold.jsonl (mentions + records) from the lists below.
Method as in corpus/dev4, dev5: mentions listed by text in reading order, offsets found with
str.find; number norms from ../goldtools.py (used unchanged). Run: python3 build_gold.py [-v]

Extensions kept in this file:
- G(text, code): a region mention, norm {"code", "name"} (name from the divisions list).
- SKIP(n) before an item: skip the next n matches of that item's text (a region written inside an
  organization name such as `鄂尔多斯市第五届人民代表大会`, which is not annotated).
- custom norms: `万亿元` (Chinese-numeral magnitude 万亿) and the percent range `5.5%—6%`.
- records: PR(...) one project record per project mention; MR(...) metric records. Fields point at
  mentions by (type, text, k) = the k-th mention of that type and text (1-based); an indicator is
  found as the nearest occurrence of its text before the anchor (after it if none before)."""
import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
import goldtools  # noqa: E402
from goldtools import M, P, Q, E, J, D, num_norm, coverage, NUMERIC  # noqa: E402

REGION_NAMES = {
    "130000": "河北省", "130900": "沧州市", "150600": "鄂尔多斯市", "330100": "杭州市",
    "340200": "芜湖市", "410400": "平顶山市", "410423": "鲁山县", "420000": "湖北省",
    "420600": "襄阳市", "500000": "重庆市", "510000": "四川省", "511100": "乐山市",
    "513334": "理塘县", "513423": "盐源县", "530100": "昆明市", "530124": "富民县",
}
CU, CS, LS, PV, FO, FI, UN = ("central_soe_unit", "central_soe", "local_soe", "private", "foreign",
                              "financial", "unknown")


def G(t, code): return ("region", t, code)
def SKIP(n): return ("_skip", n, None)
def X(mtype, t, norm): return ("_custom", t, (mtype, norm))


def reg(code):
    return None if code is None else {"code": code, "name": REGION_NAMES[code]}


def locate(text, items, doc_id):
    out, cursor, skip, used = [], 0, 0, set()
    for mtype, mtext, extra in items:
        if mtype == "_skip":
            skip = mtext
            continue
        real_type = extra[0] if mtype == "_custom" else mtype
        pos = cursor
        while True:
            i = text.find(mtext, pos)
            if i < 0:
                raise SystemExit(f"{doc_id}: {mtype} {mtext!r} not found after {cursor}")
            prev = text[i - 1] if i > 0 else ""
            glued = real_type in NUMERIC and mtext[0].isdigit() and (prev.isdigit() or prev == ".")
            if (real_type, i) in used or glued:
                pos = i + 1
                continue
            if skip:
                skip -= 1
                pos = i + 1
                continue
            break
        used.add((real_type, i))
        cursor = i
        m = {"type": real_type, "start": i, "end": i + len(mtext), "text": mtext}
        if mtype == "_custom":
            m["norm"] = extra[1]
        elif mtype in NUMERIC:
            if mtype == "percent":
                q, unit = extra
                m["norm"] = num_norm(mtype, mtext, q, unit)
            else:
                m["norm"] = num_norm(mtype, mtext, extra)
        elif mtype == "enterprise":
            m["norm"] = {"canonical": extra[0], "category": extra[1]}
        elif mtype == "region":
            m["norm"] = reg(extra)
        out.append(m)
    out.sort(key=lambda m: (m["start"], -m["end"], m["type"]))
    return out


def PR(t, k=1, owners=(), investment=(), capacity=(), region=None, from_heading=False,
       status=None, year=None):
    return ("project", t, k, dict(owners=owners, investment=investment, capacity=capacity,
                                  region=region, from_heading=from_heading, status=status, year=year))


def MR(mtype, t, k, indicator, role, direction=None, basis=None, period=None, region=None, ind_k=0):
    return ("metric", (mtype, t, k), dict(indicator=indicator, role=role, direction=direction,
                                          basis=basis, period=period, region=region, ind_k=ind_k))


def find_m(mentions, mtype, t, k=1):
    hits = [m for m in mentions if m["type"] == mtype and m["text"] == t]
    if len(hits) < k:
        raise SystemExit(f"no {k}th {mtype} {t!r}")
    return hits[k - 1]


def span(m):
    return {"start": m["start"], "end": m["end"], "text": m["text"]}


def build_records(text, mentions, recs, doc_id):
    out = []
    for r in recs:
        if r[0] == "project":
            _, t, k, f = r
            a = find_m(mentions, "project", t, k)
            rec = {"kind": "project", "anchor": span(a), "owners": [], "investment": [],
                   "capacity": []}
            for ot, ok in f["owners"]:
                o = find_m(mentions, "enterprise", ot, ok)
                rec["owners"].append(dict(span(o), canonical=o["norm"]["canonical"]))
            for mt, mk, kind in f["investment"]:
                mm = find_m(mentions, "money", mt, mk)
                rec["investment"].append(dict(span(mm), value=mm["norm"]["value"], kind=kind))
            for qt, qk in f["capacity"]:
                qq = find_m(mentions, "quantity", qt, qk)
                rec["capacity"].append(dict(span(qq), value=qq["norm"]["value"],
                                            unit=qq["norm"]["unit"]))
            rg = reg(f["region"])
            if rg is not None:
                rg["from_heading"] = f["from_heading"]
            rec.update(region=rg, status=f["status"], year=f["year"])
            out.append(rec)
        else:
            _, (mtype, t, k), f = r
            a = find_m(mentions, mtype, t, k)
            ind = f["indicator"]
            j = text.rfind(ind, 0, a["start"])
            if f["ind_k"]:  # explicit: the ind_k-th occurrence in the document
                j = -1
                for _ in range(f["ind_k"]):
                    j = text.find(ind, j + 1)
            elif j < 0:
                j = text.find(ind, a["end"])
            if j < 0:
                raise SystemExit(f"{doc_id}: indicator {ind!r} not found")
            out.append({"kind": "metric", "anchor": span(a),
                        "indicator": {"start": j, "end": j + len(ind), "text": ind},
                        "role": f["role"], "direction": f["direction"], "basis": f["basis"],
                        "period": f["period"], "region": reg(f["region"])})
    return out


DOCS: dict = {}
RECS: dict = {}

# --- dev6_01 四川 2025 省政府工作报告 (2025 tasks; a compilation page, `我省` = 四川) ---------------
D1 = "dev6_01_sichuan_gzbg"
DOCS[D1] = [
    # 第64/88页: page numbers
    Q("9 个"),                                   # 重点做好 9 个方面工作: a count (no metric: it introduces the list)
    J("西宁至成都铁路"), J("绵遂内铁路"), J("隆黄铁路隆昌至叙永段扩能改造"), J("广巴铁路扩能改造"),
    J("成渝高速公路扩容"), J("成雅高速公路扩容"), J("炉霍至新都桥高速"), J("乐山机场"),
    J("孟底沟水电站"), J("理塘索绒光伏发电"), J("盐源抽水蓄能电站"),
    J("攀枝花至盐源高速公路"),                     # 加快…等项目前期工作
    J("引大济岷"),                                # 开工建设引大济岷等重大水利工程
    J("长征渠引水工程"),
    J("红格南矿开发利用"),
    J("中船高端智慧风电"), E("中船", "中国船舶集团有限公司", CS),
    J("京东方第 8.6 代柔性显示生产线"), E("京东方", "京东方科技集团股份有限公司", LS),  # 第 8.6 代: a generation label
    J("四川时代动力电池基地"), E("四川时代", "四川时代新能源科技有限公司", PV),
    J("万华化学产业园二期"), E("万华化学", "万华化学集团股份有限公司", LS),
    J("比亚迪半导体产业化"), E("比亚迪半导体", "比亚迪半导体股份有限公司", PV),
    J("通威太阳能光伏产业基地"), E("通威太阳能", None, PV),
]
RECS[D1] = [
    PR("西宁至成都铁路", status="under_construction"),
    PR("绵遂内铁路", status="under_construction"),
    PR("隆黄铁路隆昌至叙永段扩能改造", status="under_construction"),
    PR("广巴铁路扩能改造", status="under_construction"),
    PR("成渝高速公路扩容", status="under_construction"),
    PR("成雅高速公路扩容", status="under_construction"),
    PR("炉霍至新都桥高速", status="under_construction"),
    PR("乐山机场", region="511100", status="under_construction"),
    PR("孟底沟水电站", status="under_construction"),
    PR("理塘索绒光伏发电", region="513334", status="under_construction"),
    PR("盐源抽水蓄能电站", region="513423", status="under_construction"),
    PR("攀枝花至盐源高速公路", status="planned"),
    PR("引大济岷", status="started"),
    PR("长征渠引水工程", status="planned"),
    PR("红格南矿开发利用", status="started"),
    PR("中船高端智慧风电", owners=[("中船", 1)], status="started"),
    PR("京东方第 8.6 代柔性显示生产线", owners=[("京东方", 1)], status="under_construction"),
    PR("四川时代动力电池基地", owners=[("四川时代", 1)], status="under_construction"),
    PR("万华化学产业园二期", owners=[("万华化学", 1)], status="under_construction"),
    PR("比亚迪半导体产业化", owners=[("比亚迪半导体", 1)], status="in_production"),
    PR("通威太阳能光伏产业基地", owners=[("通威太阳能", 1)], status="in_production"),
]

# --- dev6_02 内蒙古 鄂尔多斯 2026 政府工作报告 (news on the report; 2025 review) -------------------
D2 = "dev6_02_neimenggu_gzbg"
OR = "150600"
DOCS[D2] = [
    SKIP(1), G("鄂尔多斯", OR),                    # the first is inside 鄂尔多斯市第五届人民代表大会 (organization)
    Q("15项"), Q("8.9亿吨"), P("7%"),
    Q("655.2万千瓦"), Q("2779万千瓦"), Q("257.5亿千瓦时"), P("74%"), Q("302万千瓦"),
    Q("23个"),
    J("宝丰煤制烯烃项目"), E("宝丰", "宁夏宝丰能源集团股份有限公司", PV),
    Q("300万吨"),
    # 30兆瓦级: a size class (not a quantity)
    E("东乌铁路", None, UN),                      # 成功推动东乌铁路重组: the railway company is reorganised
    P("40.9%"),
    G("鄂尔多斯", OR),                            # 鄂尔多斯“十四五”规划
    P("39%"),                                     # 较2020年增长39%; 1/5: a fraction, not annotated
    P("9倍", "nearly"),
    M("300亿元", "over"),
    G("鄂尔多斯", OR),                            # 鄂尔多斯面临
]
RECS[D2] = [
    MR("quantity", "15项", 1, "产业发展政策", "value", period="2025", region=OR),
    MR("quantity", "8.9亿吨", 1, "煤炭产量", "value", period="2025", region=OR),
    MR("percent", "7%", 1, "规上工业增加值", "change", "increase", "yoy", "2025", OR),
    MR("quantity", "655.2万千瓦", 1, "新增并网新能源装机", "value", period="2025", region=OR),
    MR("quantity", "2779万千瓦", 1, "总装机规模", "value", period="2025", region=OR),
    MR("quantity", "257.5亿千瓦时", 1, "新能源发电量", "value", period="2025", region=OR),
    MR("percent", "74%", 1, "新能源发电量", "change", "increase", "yoy", "2025", OR),
    MR("quantity", "302万千瓦", 1, "新增储能", "value", period="2025", region=OR),
    MR("quantity", "23个", 1, "延链补链项目", "value", period="2025", region=OR),
    PR("宝丰煤制烯烃项目", owners=[("宝丰", 1)], region=OR, status="in_production", year="2025"),
    MR("quantity", "300万吨", 1, "新增现代煤化工产能", "value", period="2025", region=OR),
    MR("percent", "40.9%", 1, "度电成本", "change", "decrease", None, "2025", OR),
    MR("percent", "39%", 1, "煤炭年产量", "change", "increase", "base_period", "2025", OR),
    MR("percent", "9倍", 1, "新能源装机", "change", "increase", "base_period", "2025", OR),
    MR("money", "300亿元", 1, "五大产业产值", "value", period="2025", region=OR),
]

# --- dev6_03 河南 平顶山 2026 政府工作报告 (news lead + opening of the report) ---------------------
D3 = "dev6_03_henan_gzbg"
PDS = "410400"
DOCS[D3] = [
    # 2026年平顶山市政府工作报告: region inside the organization word 平顶山市政府, not annotated
    P("5.5%", "about"), P("7%", "about"), P("5.5%"), P("6%"),
    E("舞钢公司", "舞阳钢铁有限责任公司", LS), E("尼龙科技", "中国平煤神马集团尼龙科技有限公司", LS),
    E("真实生物", "河南真实生物科技有限公司", PV), E("五星新材", None, UN),
    J("平漯周"), J("焦济洛平高铁"),              # 平漯周、焦济洛平高铁建设: head 高铁 written once
    J("叶鲁高速"), J("焦平高速"),
    J("鲁山机场"), J("永灵高速"), J("周平高速"),
    J("宁洛"), J("兰南高速加宽改造"),            # 宁洛和兰南高速加宽改造: head written once
    SKIP(3), G("平顶山", PDS),                    # 是平顶山资源型城市 (the 3 before are in organization names)
    M("2929.4亿元"), M("226.6亿元"),
]
RECS[D3] = [
    MR("percent", "5.5%", 1, "经济", "target", period="2026", region=PDS),
    MR("percent", "7%", 1, "规上工业增加值", "target", period="2026", region=PDS),
    MR("percent", "5.5%", 2, "固定资产投资", "target", period="2026", region=PDS),
    MR("percent", "6%", 1, "社会消费品零售总额", "target", period="2026", region=PDS),
    PR("平漯周", status="under_construction", year="2026"),
    PR("焦济洛平高铁", status="under_construction", year="2026"),
    PR("叶鲁高速", region=PDS, status="completed", year="2026"),
    PR("焦平高速", status="completed", year="2026"),
    PR("鲁山机场", region="410423", status="planned", year="2026"),
    PR("永灵高速", status="planned", year="2026"),
    PR("周平高速", status="planned", year="2026"),
    PR("宁洛", status="planned", year="2026"),
    PR("兰南高速加宽改造", status="planned", year="2026"),
    MR("money", "2929.4亿元", 1, "生产总值", "value", period="2025", region=PDS),
    MR("money", "226.6亿元", 1, "一般公共预算收入", "value", period="2025", region=PDS),
]

# --- dev6_04 河北 沧州 2025 政府工作报告 (opening; 2024 review) -----------------------------------
D4 = "dev6_04_hebei_gzbg"
CZ = "130900"
DOCS[D4] = [
    # 索引号 2025/00002847: a document number; 沧州 inside 沧州市人民政府 etc. (organizations): not annotated
    G("河北", "130000"), G("沧州", CZ),           # 视察河北、考察沧州
    P("5.5%"), P("8.9%"), P("7.5%"), P("6%"), P("18.2%"), P("5.6%"),
    Q("62个"), M("346亿元"), Q("23家"),           # 京津: one-character abbreviations, not annotated
    J("京津冀·沧州生物医药产业园"),
    P("131%"),
    J("石港城际铁路"), J("雄商"), J("津潍高铁"), J("邯港高速一期"),
    J("荣乌高速沧州段改扩建工程山东方向"), J("曲港高速一期"),
]
RECS[D4] = [
    MR("percent", "5.5%", 1, "地区生产总值", "change", "increase", None, "2024", CZ),
    MR("percent", "8.9%", 1, "固定资产投资", "change", "increase", None, "2024", CZ),
    MR("percent", "7.5%", 1, "规上工业增加值", "change", "increase", None, "2024", CZ),
    MR("percent", "6%", 1, "社会消费品零售总额", "change", "increase", None, "2024", CZ),
    MR("percent", "18.2%", 1, "进出口总值", "change", "increase", None, "2024", CZ),
    MR("percent", "5.6%", 1, "居民人均可支配收入", "change", "increase", None, "2024", CZ),
    MR("quantity", "62个", 1, "签约京津项目", "value", period="2024", region=CZ),
    MR("money", "346亿元", 1, "总投资", "value", period="2024", region=CZ),
    MR("quantity", "23家", 1, "央企二三级子公司", "value", period="2024", region=CZ),
    PR("京津冀·沧州生物医药产业园", region=CZ, status=None, year="2024"),
    MR("percent", "131%", 1, "吸纳京津技术合同成交额", "change", "increase", None, "2024", CZ),
    PR("石港城际铁路", status="under_construction", year="2024"),
    PR("雄商", status="under_construction", year="2024"),
    PR("津潍高铁", status="under_construction", year="2024"),
    PR("邯港高速一期", status="under_construction", year="2024"),
    PR("荣乌高速沧州段改扩建工程山东方向", region=CZ, status="completed", year="2024"),
    PR("曲港高速一期", status="completed", year="2024"),
]

# --- dev6_05 湖北 襄阳 2026 政府工作报告 (full-text page, opening; 2025 review) ------------------
D5 = "dev6_05_hubei_gzbg"
XY = "420600"
DOCS[D5] = [
    # 襄阳 in 襄阳市政府工作报告, 襄阳房地产信息网 (a site), 襄阳市第十八届人民代表大会, 襄阳市人民政府: not annotated
    G("湖北", "420000"),
    M("192.3亿元"), P("43.7%"), M("440亿元"), P("42%"),
    G("襄阳", XY),                                # 先后落地襄阳
    Q("32名"), Q("103家"),                        # 10大招商团队: a label (not annotated)
    Q("456个"), M("3504亿元"), Q("11个"), M("2223亿元"),   # 亿元以上项目 / 百亿级: no numeral, size class
]
RECS[D5] = [
    MR("money", "192.3亿元", 1, "竞争性政策资金", "value", period="2025", region=XY),
    MR("percent", "43.7%", 1, "竞争性政策资金", "change", "increase", "yoy", "2025", XY),
    MR("money", "440亿元", 1, "地方政府债券", "value", period="2025", region=XY),
    MR("percent", "42%", 1, "地方政府债券", "change", "increase", "yoy", "2025", XY),
    MR("quantity", "456个", 1, "亿元以上项目", "value", period="2025", region=XY),
    MR("money", "3504亿元", 1, "总投资", "value", period="2025", region=XY),
    MR("quantity", "11个", 1, "百亿级产业项目", "value", period="2025", region=XY),
    MR("money", "2223亿元", 1, "总投资", "value", period="2025", region=XY),
]

# --- dev6_06 云南 昆明 2025 政府工作报告 (news on the report; 2025 targets and tasks) ---------------
D6 = "dev6_06_yunnan_gzbg"
KM = "530100"
DOCS[D6] = [
    # 昆明 in 昆明市第十五届人民代表大会 and the venue 昆明会堂: not annotated
    P("5%", "about"), P("7%", "about"), P("6%", "about"), P("5%", "about"), P("2.1%"),
    Q("150个", "over"), Q("350个"),
    J("中铝铝箔"), E("中铝", "中国铝业集团有限公司", CS),
    J("富民抽水蓄能电站"),
    P("40%", "over"),
]
RECS[D6] = [
    MR("percent", "5%", 1, "地区生产总值", "target", period="2025", region=KM),
    MR("percent", "7%", 1, "产业投资", "target", period="2025", region=KM),
    MR("percent", "6%", 1, "规模以上工业增加值", "target", period="2025", region=KM),
    MR("percent", "5%", 2, "社会消费品零售总额", "target", period="2025", region=KM),
    MR("percent", "2.1%", 1, "一般公共预算收入", "target", period="2025", region=KM),
    MR("quantity", "150个", 1, "省级重点项目", "target", period="2025", region=KM),
    MR("quantity", "350个", 1, "市级重点项目", "target", period="2025", region=KM),
    PR("中铝铝箔", owners=[("中铝", 1)], region=KM, status="under_construction", year="2025"),
    PR("富民抽水蓄能电站", region="530124", status="under_construction", year="2025"),
    MR("percent", "40%", 1, "民间投资占全部投资比重", "target", period="2025", region=KM),
]

# --- dev6_07 安徽 芜湖 2026 政府工作报告 (央广网 news on the report; 十五五 targets) ---------------
D7 = "dev6_07_anhui_gzbg"
WH = "340200"
DOCS[D7] = [
    G("芜湖", WH),                                # dateline 央广网芜湖
    SKIP(1), G("芜湖", WH),                       # skip 安徽省芜湖市第十七届人民代表大会 (organization)
    X("percent", "5.5%—6%", {"low": "5.5", "high": "6", "unit": "percent", "qualifier": "exact"}),
    G("芜湖", WH),                                # 产业升级是芜湖“十五五”发展
    E("奇瑞", "奇瑞控股集团有限公司", LS), E("海螺", "安徽海螺集团有限责任公司", LS),
    G("芜湖", WH),                                # 芜湖将实施
    X("money", "万亿元", {"value": "1000000000000", "currency": "CNY", "qualifier": "over"}),
    Q("6个"),                                     # 千亿级: a size class
    G("芜湖", WH),                                # 芜湖将以“鸠兹科创湾”
    Q("5000家"),
]
RECS[D7] = [
    MR("percent", "5.5%—6%", 1, "地区生产总值", "target", period="2026/2030", region=WH),
    MR("money", "万亿元", 1, "汽车产业规模", "target", period="2030", region=WH),
    MR("quantity", "6个", 1, "千亿级产业集群", "target", period="2030", region=WH),
    MR("quantity", "5000家", 1, "科技型企业", "target", period="2026/2030", region=WH),
]

# --- dev6_08 浙江 杭州 2025 政府工作报告 (都市快报 digest; 2024 review) ---------------------------
D8 = "dev6_08_zhejiang_gzbg"
HZ = "330100"
DOCS[D8] = [
    G("杭州", HZ),                                # 2025年,杭州这么干
    SKIP(1), G("杭州", HZ),                       # skip 杭州市第十四届人民代表大会
    M("21860亿元"), P("4.7%"), P("24.3%"),        # 全国城市第8: a rank
    M("2640.3亿元"), Q("3年"), P("86.5%"), Q("15年"),
    Q("200万户", "over"), Q("100万户", "over"),   # 第4个: ordinal; 千亿千瓦时: Chinese numerals only
    M("8549亿元"), P("6.4%"),
    J("杭州超重力场"),                            # 首个大科学装置杭州超重力场试运行
    Q("15家"), Q("33家"), Q("34家"), Q("3年"), Q("5年"), Q("35岁", "under"), Q("35万名", "over"),
    Q("14年"),
    G("杭州", HZ),                                # 见签杭州与意大利维罗纳合作议定书
    D("《世界城市名册》"),                        # 全球第65位: a rank
    Q("6方面"),
    Q("10家"), Q("310家"), Q("22年"),             # “中国民营企业500强”: a name
    Q("183个"), M("1133亿元"), P("130.7%"),
]
RECS[D8] = [
    MR("money", "21860亿元", 1, "地区生产总值", "value", period="2024", region=HZ),
    MR("percent", "4.7%", 1, "地区生产总值", "change", "increase", None, "2024", HZ),
    MR("percent", "24.3%", 1, "占全省比重", "share", period="2024", region=HZ),
    MR("money", "2640.3亿元", 1, "一般公共预算收入", "value", period="2024", region=HZ),
    MR("percent", "86.5%", 1, "税收占比", "share", period="2024", region=HZ),
    MR("quantity", "200万户", 1, "经营主体", "value", period="2024", region=HZ),
    MR("quantity", "100万户", 1, "企业总数", "value", period="2024", region=HZ),
    MR("money", "8549亿元", 1, "进出口总额", "value", period="2024", region=HZ),
    MR("percent", "6.4%", 1, "进出口总额", "change", "increase", None, "2024", HZ),
    PR("杭州超重力场", region=HZ, status="in_production", year="2024"),
    MR("quantity", "15家", 1, "新增全国重点实验室", "value", period="2024", region=HZ),
    MR("quantity", "33家", 1, "全国重点实验室", "value", period="2024", region=HZ),
    MR("quantity", "34家", 1, "独角兽企业", "value", period="2024", region=HZ),
    MR("quantity", "35万名", 1, "新引进35岁以下大学生", "value", period="2024", region=HZ),
    MR("quantity", "10家", 1, "新增上市公司", "value", period="2024", region=HZ),
    MR("quantity", "310家", 1, "上市公司", "value", period="2024", region=HZ),
    MR("quantity", "183个", 1, "重大项目", "value", period="2024", region=HZ),
    MR("money", "1133亿元", 1, "完成投资", "value", period="2024", region=HZ),
    MR("percent", "130.7%", 1, "完成率", "value", period="2024", region=HZ),
]

# --- dev6_09 重庆 2026 政府工作报告 (opening; 2025 review) ---------------------------------------
D9 = "dev6_09_chongqing_gzbg"
CQ = "500000"
DOCS[D9] = [
    SKIP(3), G("重庆", CQ),                       # 现代化新重庆建设 (the 3 before are in organization names)
    SKIP(1), G("重庆", CQ),                       # 视察重庆 (skip 中共重庆市委, an organization)
    M("33757.93亿元"), P("5.3%"),
    G("重庆", CQ),                                # 中国式现代化重庆篇章; 留渝来渝: one-character abbreviation
    Q("40.8万青年"), Q("33万农民工"), Q("11.7万户"),
    Q("14个"),
    J("重庆东站"), J("渝厦高铁重庆东至黔江段"), J("渝湘复线高速"),
    Q("340个"),
]
RECS[D9] = [
    MR("money", "33757.93亿元", 1, "地区生产总值", "value", period="2025", region=CQ),
    MR("percent", "5.3%", 1, "地区生产总值", "change", "increase", None, "2025", CQ),
    MR("quantity", "40.8万青年", 1, "留渝来渝", "value", period="2025", region=CQ),
    MR("quantity", "33万农民工", 1, "就近就业", "value", period="2025", region=CQ, ind_k=2),
    MR("quantity", "11.7万户", 1, "净增经营主体", "value", period="2025", region=CQ),
    MR("quantity", "14个", 1, "民生领域重大项目", "value", period="2025", region=CQ),
    PR("重庆东站", region=CQ, status="completed", year="2025"),
    PR("渝厦高铁重庆东至黔江段", region=CQ, status="completed", year="2025"),
    PR("渝湘复线高速", status="completed", year="2025"),
    MR("quantity", "340个", 1, "市级重点项目", "value", period="2025", region=CQ),
]


def main():
    lines = []
    for doc_id, items in DOCS.items():
        raw = (HERE / "raw" / f"{doc_id}.txt").read_bytes().decode("utf-8")
        text = raw[1:] if raw.startswith("\ufeff") else raw
        mentions = locate(text, items, doc_id)
        records = build_records(text, mentions, RECS.get(doc_id, []), doc_id)
        if "-v" in sys.argv:
            coverage(text, mentions, doc_id)
            for m in mentions:
                if m["type"] == "region":
                    print(f"  {doc_id}: region {m['text']} … {text[max(0, m['start']-6):m['end']+6]!r}")
            for r in records:
                if r["kind"] == "metric":
                    a, i = r["anchor"], r["indicator"]
                    print(f"  {doc_id}: metric {a['text']} <- {i['text']}@{i['start']} "
                          f"(anchor@{a['start']}) {r['role']} {r['direction']} {r['basis']} {r['period']}")
        lines.append(json.dumps({"doc_id": doc_id,
                                 "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                                 "mentions": mentions, "records": records}, ensure_ascii=False))
    (HERE / "gold.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} docs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
