#!/usr/bin/env python3
"""Build corpus/dev8/gold.jsonl (mentions + records) from the lists below.
Method as corpus/dev5: mentions are listed in text order and placed with str.find; number norms come
from corpus/goldtools.py, used unchanged (imported). Extensions that live in this file only:
- G(text, code, name): a region mention with norm {"code", "name"} (goldtools has no region norm).
- SKIP(n) before an item: skip n occurrences of that text after the cursor (e.g. `定远县` inside
  `定远县委`, which is an organization and gets no region mention).
- Records: PR(...) one project record per project mention; MR(...) one metric record per numeric
  mention that states an indicator. Fields point at located mentions by (text, k) = the k-th mention
  of that type with that text in the document (k counts from 0). An indicator span is the nearest
  occurrence of its text ending before the anchor (or the first after it with after=True).
Run: python3 build_gold.py [-v]   (-v: digits outside numeric/document mentions, and all contexts)
"""
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from goldtools import M, P, Q, E, J, D, NUMERIC, num_norm, coverage  # noqa: E402

CU, CS, LS, PR_, FO, FI, UN = ("central_soe_unit", "central_soe", "local_soe", "private", "foreign",
                               "financial", "unknown")


def G(t, code, name): return ("region", t, (code, name))
def SKIP(n=1): return ("_skip", n, None)


def locate(text, items, doc_id):
    out, used, cursor, skip = [], set(), 0, 0
    for mtype, mtext, extra in items:
        if mtype == "_skip":
            skip = mtext
            continue
        pos = cursor
        while True:
            i = text.find(mtext, pos)
            if i < 0:
                raise SystemExit(f"{doc_id}: {mtype} {mtext!r} not found after {cursor}")
            prev = text[i - 1] if i > 0 else ""
            glued = prev.isdigit() or prev == "." or (prev == "," and i >= 2 and text[i - 2].isdigit())
            if (mtype, i) in used or (mtype in NUMERIC and mtext[0].isdigit() and glued):
                pos = i + 1
                continue
            if skip:
                skip -= 1
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
        elif mtype == "region":
            m["norm"] = {"code": extra[0], "name": extra[1]}
        out.append(m)
    out.sort(key=lambda m: (m["start"], -m["end"], m["type"]))
    return out


# ---------------------------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------------------------
def PR(text, k=0, owners=(), inv=(), cap=(), region=None, status=None, year=None, same_as=None):
    return ("project", dict(text=text, k=k, owners=owners, inv=inv, cap=cap, region=region,
                            status=status, year=year, same_as=same_as))


def MR(mtype, text, k=0, ind=None, role="value", dir=None, basis=None, period="DEF", region="DEF",
       after=False):
    return ("metric", dict(mtype=mtype, text=text, k=k, ind=ind, role=role, dir=dir, basis=basis,
                           period=period, region=region, after=after))


def reg(code, name, fh=None):
    d = {"code": code, "name": name}
    if fh is not None:
        d["from_heading"] = fh
    return d


def build_records(text, mentions, recs, defaults, doc_id):
    def find(mtype, t, k):
        hits = [m for m in mentions if m["type"] == mtype and m["text"] == t]
        if k >= len(hits):
            raise SystemExit(f"{doc_id}: no {mtype} {t!r} #{k} (have {len(hits)})")
        return hits[k]

    def pt(m, **extra):
        d = {"start": m["start"], "end": m["end"], "text": m["text"]}
        d.update(extra)
        return d

    out = []
    for kind, r in recs:
        if kind == "project":
            a = find("project", r["text"], r["k"])
            rec = {"kind": "project", "anchor": pt(a)}
            rec["owners"] = [pt(o := find("enterprise", t, kk), canonical=o["norm"]["canonical"])
                             for t, kk in r["owners"]]
            rec["investment"] = [pt(m := find("money", t, kk), value=m["norm"]["value"], kind=ik)
                                 for t, kk, ik in r["inv"]]
            rec["capacity"] = [pt(m := find("quantity", t, kk), value=m["norm"]["value"],
                                  unit=m["norm"]["unit"]) for t, kk in r["cap"]]
            rec["region"] = r["region"]
            rec["status"] = r["status"]
            rec["year"] = r["year"]
            if r["same_as"]:
                f = find("project", *r["same_as"])
                rec["same_as"] = [f["start"], f["end"]]
        else:
            a = find(r["mtype"], r["text"], r["k"])
            rec = {"kind": "metric", "anchor": pt(a)}
            if r["ind"] is None:
                rec["indicator"] = None
            else:
                it = r["ind"]
                if r["after"]:
                    i = text.find(it, a["end"])
                else:
                    i = text.rfind(it, 0, a["start"])
                    if i >= 0 and i + len(it) > a["start"]:
                        i = text.rfind(it, 0, a["start"] - 1)
                if i < 0:
                    raise SystemExit(f"{doc_id}: indicator {it!r} for {a['text']!r} not found")
                rec["indicator"] = {"start": i, "end": i + len(it), "text": it}
            rec["role"] = r["role"]
            rec["direction"] = r["dir"]
            rec["basis"] = r["basis"]
            rec["period"] = defaults["period"] if r["period"] == "DEF" else r["period"]
            rec["region"] = defaults["region"] if r["region"] == "DEF" else r["region"]
        out.append(rec)
    return out


DOCS: dict = {}
RECS: dict = {}
DEFAULTS: dict = {}

# --- dev8_01 河南 漯河 临颍县 重点项目集中开工 (2025) ---------------------------------------
LY = reg("411122", "临颍县")
DEFAULTS["dev8_01_henan_linying"] = {"period": "2025", "region": reg("411122", "临颍县")}
DOCS["dev8_01_henan_linying"] = [
    G("临颍", "411122", "临颍县"), Q("13个"),
    # 2025-03-26 02:34:12: date; 阅读量:100: no unit
    G("临颍", "411122", "临颍县"), Q("13个"),
    # 河南经济报: a newspaper, no region inside
    G("河南省", "410000", "河南省"),
    J("漯河市临颍县中优大健康功能食品生产项目"),   # place prefix in the name: no region mention inside
    SKIP(1), G("漯河", "411100", "漯河市"),      # 漯河主会场 (the one inside the project name skipped)
    G("临颍县", "411122", "临颍县"), Q("31个"), M("530亿元"), M("170亿元"),
    Q("20个"), Q("13个"), M("105亿元"), M("35亿元"), Q("8个"), M("86亿元"), M("28亿元"),
    M("50亿元"), J("中优大健康功能食品生产项目"),
    M("100亿元"),
    M("16亿元"), J("政和白茶项目"),               # 政和: a tea brand (origin name), no region
    M("3亿元"), J("玛士撒拉特医食品项目"),
    M("200亿元", "over"), M("9亿元", "over"), M("200亿元"),
    G("临颍县", "411122", "临颍县"),
    # “四大办”: label
    P("15%", "over"), P("10.5%", "over"),
    Q("100 次"),                                  # page chrome 浏览次数: count with classifier
]
RECS["dev8_01_henan_linying"] = [
    MR("quantity", "13个", 0, "重点项目", after=True, period="2025-03"),
    MR("quantity", "13个", 1, "重点项目", after=True, period="2025-03"),
    PR("漯河市临颍县中优大健康功能食品生产项目", region=reg("411122", "临颍县", False),
       status="started", year="2025"),
    MR("quantity", "31个", 0, "省、市重点项目"),
    MR("money", "530亿元", 0, "总投资"),
    MR("money", "170亿元", 0, "年度投资"),
    MR("quantity", "20个", 0, "计划新开工项目", period="2025-01/2025-03"),
    MR("quantity", "13个", 2, "集中开工项目", period="2025-03"),
    MR("money", "105亿元", 0, "总投资", period="2025-03"),
    MR("money", "35亿元", 0, "年度投资"),
    MR("quantity", "8个", 0, "省市重点项目", period="2025-03"),
    MR("money", "86亿元", 0, "总投资", period="2025-03"),
    MR("money", "28亿元", 0, "年度投资"),
    PR("中优大健康功能食品生产项目", inv=[("50亿元", 0, "total")], region=reg("411122", "临颍县", False),
       status="started", year="2025", same_as=("漯河市临颍县中优大健康功能食品生产项目", 0)),
    MR("money", "100亿元", 0, "年产值", role="target", period=None),
    PR("政和白茶项目", inv=[("16亿元", 0, "total")], region=reg("411122", "临颍县", False),
       status="started", year="2025"),
    PR("玛士撒拉特医食品项目", inv=[("3亿元", 0, "total")], region=reg("411122", "临颍县", False),
       status="started", year="2025"),
    MR("money", "200亿元", 0, "年产值", role="target", period=None),
    MR("money", "9亿元", 0, "税收", role="target", period=None),
    MR("money", "200亿元", 1, "产值", role="target"),
    MR("percent", "15%", 0, "固定资产投资", role="target", dir="increase", period="2025-01/2025-03"),
    MR("percent", "10.5%", 0, "固定资产投资", role="target", dir="increase"),
]

# --- dev8_02 福建 漳州 云霄县 一季度项目集中开工、竣工投产 ------------------------------------
YX = reg("350622", "云霄县", False)
DEFAULTS["dev8_02_fujian_yunxiao"] = {"period": None, "region": reg("350622", "云霄县")}
DOCS["dev8_02_fujian_yunxiao"] = [
    # 响彻云霄: an idiom (to the skies), not the county; 3月2日: date (no year in the text)
    Q("37个"), M("59.97亿元"),
    J("顶辉新材料"), E("顶辉新材料", None, UN),
    J("汉鼎科技"), E("汉鼎科技", None, UN),
    J("G357陈岱镇至常山开发区路面改造工程"),     # G357: road name; 陈岱镇: a town
    Q("3个"),
    J("G357(原S201)陈岱镇至常山开发区路面改造工程"), M("1.46亿元"), Q("8.698公里"), Q("16座"),
    G("云霄", "350622", "云霄县"), G("东山", "350626", "东山县"),   # 常山: 常山开发区, a zone
    J("汉鼎科技项目"), E("汉鼎科技", None, UN), M("1.2亿元"),
    M("4亿元", "about"), Q("500人", "over"),
    J("顶辉新材料"), E("顶辉新材料", None, UN), M("3.6亿元"),
    M("1亿元", "over"), Q("200人", "over"),
    Q("3个"), M("12亿元", "over"),
    Q("3个"),
    J("奥克兰电工设备生产项目(二期)"), E("奥克兰电工", None, UN), M("60000万元"), M("20000万元"),
    J("福凯五金生产项目"), E("福凯五金", None, UN), M("25000万元"), M("1000万元"),
    J("顶辉新材料科技项目"), E("顶辉新材料科技", None, UN), M("36018万元"),
]
RECS["dev8_02_fujian_yunxiao"] = [
    MR("quantity", "37个", 0, "新开工、竣工投产项目"),
    MR("money", "59.97亿元", 0, "计划总投资"),
    PR("顶辉新材料", 0, owners=[("顶辉新材料", 0)], region=YX, status="started"),
    PR("汉鼎科技", 0, owners=[("汉鼎科技", 0)], region=YX, status="started"),
    PR("G357陈岱镇至常山开发区路面改造工程", region=YX, status="completed"),
    PR("G357(原S201)陈岱镇至常山开发区路面改造工程", inv=[("1.46亿元", 0, "total")],
       cap=[("8.698公里", 0), ("16座", 0)], region=YX, status="completed",
       same_as=("G357陈岱镇至常山开发区路面改造工程", 0)),
    PR("汉鼎科技项目", owners=[("汉鼎科技", 1)], inv=[("1.2亿元", 0, "total")], region=YX,
       status="started", same_as=("汉鼎科技", 0)),
    MR("money", "4亿元", 0, "年产值", role="target"),
    MR("quantity", "500人", 0, "就业岗位", role="target", after=True),
    PR("顶辉新材料", 1, owners=[("顶辉新材料", 1)], inv=[("3.6亿元", 0, "total")], region=YX,
       status="started", same_as=("顶辉新材料", 0)),
    MR("money", "1亿元", 0, "年产值", role="target"),
    MR("quantity", "200人", 0, "就业岗位", role="target"),
    MR("money", "12亿元", 0, "计划总投资"),
    PR("奥克兰电工设备生产项目(二期)", owners=[("奥克兰电工", 0)],
       inv=[("60000万元", 0, "total"), ("20000万元", 0, "annual")], region=YX),
    PR("福凯五金生产项目", owners=[("福凯五金", 0)],
       inv=[("25000万元", 0, "total"), ("1000万元", 0, "annual")], region=YX),
    PR("顶辉新材料科技项目", owners=[("顶辉新材料科技", 0)], inv=[("36018万元", 0, "total")],
       region=YX, same_as=("顶辉新材料", 0)),
]

# --- dev8_03 广东 湛江 雷州市 10个重点工业项目 (forum repost) -----------------------------------
LZ = reg("440882", "雷州市", False)
HF = "广东省恒福糖业集团有限公司"
DEFAULTS["dev8_03_guangdong_leizhou"] = {"period": None, "region": reg("440882", "雷州市")}
DOCS["dev8_03_guangdong_leizhou"] = [
    Q("6 小时"), Q("1925 天"), Q("1 天"),        # forum chrome (see NOTES)
    G("雷州市", "440882", "雷州市"), Q("10个"),
    # 10大工业项目: label-like (see NOTES); “十一五”: label; 2010年下半年: date
    M("90亿元"), M("300亿元"), M("60多亿元"),
    J("大唐雷州火电项目"), E("大唐", "中国大唐集团有限公司", CS),
    J("大唐雷州火电项目"), E("大唐", "中国大唐集团有限公司", CS),
    M("50亿元"), J("东雅图东里风场项目"),
    Q("8个"),
    J("雷高糖厂有限公司5万吨/年酒精项目"), E("雷高糖厂有限公司", None, UN), Q("5万吨/年"),
    M("8000万元"), M("2.5亿元"),
    # 华南研究所, 国家环保总局: organizations
    J("年产9.5万吨的蔗渣纸浆生产项目"), Q("9.5万吨"),    # 调风镇英楼村: a town and village
    J("广东省恒福糖业集团有限公司年产2万吨酒精生产项目"), E(HF, None, UN), Q("2万吨"),
    J("伊齐爽食品实业有限公司年产4万吨的罐头、饮料、速冻食品综合生产线"),
    E("伊齐爽食品实业有限公司", None, UN), Q("4万吨"),
    M("2亿元"),
    J("半岛水产设备有限公司搬迁扩建项目"), E("半岛水产设备有限公司", None, UN),
    M("2500万元"), M("1亿元"),
    J("年产5万吨的生物有机复合肥项目"), Q("5万吨"),
    E("中国利达生态农业发展公司", None, UN), E("下市桥糖厂", None, UN),
    J("湛江聆天实业有限公司大型制衣项目"), E("湛江聆天实业有限公司", None, UN),
    J("恒福糖业集团有限公司年产5万立方米木地板、胶合板项目"), E("恒福糖业集团有限公司", HF, UN),
    Q("5万立方米"),
    G("雷州", "440882", "雷州市"),
]
RECS["dev8_03_guangdong_leizhou"] = [
    MR("quantity", "10个", 0, "重点工业项目", after=True),
    MR("money", "60多亿元", 0, "年产值"),
    PR("大唐雷州火电项目", 0, owners=[("大唐", 0)],
       inv=[("90亿元", 0, "other"), ("300亿元", 0, "total")], region=LZ, status="planned"),
    PR("大唐雷州火电项目", 1, owners=[("大唐", 1)], region=LZ, status="planned",
       same_as=("大唐雷州火电项目", 0)),
    PR("东雅图东里风场项目", inv=[("50亿元", 0, "total")], region=LZ, status="planned"),
    PR("雷高糖厂有限公司5万吨/年酒精项目", owners=[("雷高糖厂有限公司", 0)],
       inv=[("8000万元", 0, "total")], cap=[("5万吨/年", 0)], region=LZ, status="under_construction"),
    MR("money", "2.5亿元", 0, "年产值", role="target"),
    PR("年产9.5万吨的蔗渣纸浆生产项目", cap=[("9.5万吨", 0)], region=LZ),
    PR("广东省恒福糖业集团有限公司年产2万吨酒精生产项目", owners=[(HF, 0)], cap=[("2万吨", 0)],
       region=LZ, status="under_construction"),
    PR("伊齐爽食品实业有限公司年产4万吨的罐头、饮料、速冻食品综合生产线",
       owners=[("伊齐爽食品实业有限公司", 0)], cap=[("4万吨", 0)], region=LZ,
       status="under_construction"),
    MR("money", "2亿元", 0, "年产值"),
    PR("半岛水产设备有限公司搬迁扩建项目", owners=[("半岛水产设备有限公司", 0)],
       inv=[("2500万元", 0, "total")], region=LZ),
    MR("money", "1亿元", 0, "年产值", role="target"),
    PR("年产5万吨的生物有机复合肥项目", owners=[("中国利达生态农业发展公司", 0)], cap=[("5万吨", 0)],
       region=LZ, status="planned"),
    PR("湛江聆天实业有限公司大型制衣项目", owners=[("湛江聆天实业有限公司", 0)], region=LZ),
    PR("恒福糖业集团有限公司年产5万立方米木地板、胶合板项目", owners=[("恒福糖业集团有限公司", 0)],
       cap=[("5万立方米", 0)], region=LZ),
]

# --- dev8_04 安徽 滁州 定远县 10月份重点招商项目集中签约 (2020) ---------------------------------
DY = reg("341125", "定远县", False)
DEFAULTS["dev8_04_anhui_dingyuan"] = {"period": "2020-10", "region": reg("341125", "定远县")}
DOCS["dev8_04_anhui_dingyuan"] = [
    G("定远县", "341125", "定远县"), Q("5个"), M("23.2亿元"),
    # 2020年11月02日09:47: date; 人民网-安徽频道: media, no region inside
    G("定远县", "341125", "定远县"),             # “两重”: label; 10月份: date
    Q("5个"), M("23.2亿元"),
    G("定远县", "341125", "定远县"),             # 来定远县投资兴业
    SKIP(1), G("定远", "341125", "定远县"),      # skips 定远县委 (organization)
    G("定远县", "341125", "定远县"),             # 定远县将围绕
    G("定远县", "341125", "定远县"),             # 定远县情概况
    Q("5个"), M("23.2亿元"),
    M("5.8亿元"), J("江苏南通城欣市政工程天然油脂深加工项目"), E("江苏南通城欣市政工程", None, UN),
    M("5.5亿元"), J("苏州超邦涂料年产4.5万吨先进功能多用途涂料及研发工程中心项目"),
    E("苏州超邦涂料", None, UN), Q("4.5万吨"),
    M("5.7亿元"), J("湖南福尔程环保科技重金属螯合剂系列产品项目"), E("湖南福尔程环保科技", None, UN),
    M("5亿元"), J("江苏科利科技电子产品生产项目"), E("江苏科利科技", None, UN),
    M("1.2亿元"), J("广州诚越电子科技高频、高速、PTFE覆铜板项目"), E("广州诚越电子科技", None, UN),
]
RECS["dev8_04_anhui_dingyuan"] = [
    MR("quantity", "5个", 0, "项目集中签约", after=True),
    MR("money", "23.2亿元", 0, "总投资"),
    MR("quantity", "5个", 1, "集中签约的项目"),
    MR("money", "23.2亿元", 1, "协议总投资"),
    MR("money", "23.2亿元", 2, "协议总投资"),
    PR("江苏南通城欣市政工程天然油脂深加工项目", owners=[("江苏南通城欣市政工程", 0)],
       inv=[("5.8亿元", 0, "total")], region=DY, status="signed", year="2020"),
    PR("苏州超邦涂料年产4.5万吨先进功能多用途涂料及研发工程中心项目", owners=[("苏州超邦涂料", 0)],
       inv=[("5.5亿元", 0, "total")], cap=[("4.5万吨", 0)], region=DY, status="signed", year="2020"),
    PR("湖南福尔程环保科技重金属螯合剂系列产品项目", owners=[("湖南福尔程环保科技", 0)],
       inv=[("5.7亿元", 0, "total")], region=DY, status="signed", year="2020"),
    PR("江苏科利科技电子产品生产项目", owners=[("江苏科利科技", 0)],
       inv=[("5亿元", 0, "total")], region=DY, status="signed", year="2020"),
    PR("广州诚越电子科技高频、高速、PTFE覆铜板项目", owners=[("广州诚越电子科技", 0)],
       inv=[("1.2亿元", 0, "total")], region=DY, status="signed", year="2020"),
]

# --- dev8_05 山西 吕梁 交城县 开发区“三个一批”活动 (2024) ------------------------------------
JC = reg("141122", "交城县", False)
JCZ = reg(None, "交城县开发区")
DEFAULTS["dev8_05_shanxi_jiaocheng"] = {"period": "2024", "region": reg("141100", "吕梁市")}
HQ = "华庆新材料科技有限公司年产6000吨高纯石英管深加工项目"
YW = "交城义望铁合金有限责任公司热态渣再利用年产10万吨无机纤维密度板材项目"
DOCS["dev8_05_shanxi_jiaocheng"] = [
    G("山西", "140000", "山西省"), G("交城", "141122", "交城县"),   # 2024年第三次: year, ordinal
    G("山西省", "140000", "山西省"),
    G("吕梁", "141100", "吕梁市"),               # 交城经济开发区: a zone name, no region inside
    G("山西省", "140000", "山西省"),
    G("吕梁市", "141100", "吕梁市"), Q("11个"), Q("17个"), Q("15个"),
    G("交城县", "141122", "交城县"),             # 交城县开发区: the county's zone (descriptive)
    Q("2个"), M("7.1亿元"), M("5.5亿元"),
    Q("2个"), M("4.18亿元"), M("12亿元"),
    Q("2个"), M("4.71亿元"), M("7亿元"),
    J(HQ), E("华庆新材料科技有限公司", None, UN), Q("6000吨"),
    G("吕梁市", "141100", "吕梁市"),
    J(HQ), E("华庆新材料科技有限公司", None, UN), Q("6000吨"),
    Q("64亩"), M("1.3亿元"), Q("6台套"),
    M("6亿元"), M("1亿元", "about"), M("2000万元", "about"), Q("150人"),
    J(YW), E("交城义望铁合金有限责任公司", None, UN), Q("10万吨"),
    J("交城经开区低碳生态园"),
    J(YW), E("交城义望铁合金有限责任公司", None, UN), Q("10万吨"), M("2.5亿元"),
    J("交城经济开发区低碳生态园"),              # 占地30 (cut): no unit
]
RECS["dev8_05_shanxi_jiaocheng"] = [
    MR("quantity", "11个", 0, "“签约一批”项目"),
    MR("quantity", "17个", 0, "“开工一批”项目"),
    MR("quantity", "15个", 0, "“投产一批”项目"),
    MR("quantity", "2个", 0, "“签约一批”项目", region=JCZ),
    MR("money", "7.1亿元", 0, "总投资", region=JCZ),
    MR("money", "5.5亿元", 0, "年产值", role="target", region=JCZ, period=None),
    MR("quantity", "2个", 1, "“开工一批”项目", region=JCZ),
    MR("money", "4.18亿元", 0, "总投资", region=JCZ),
    MR("money", "12亿元", 0, "年产值", role="target", region=JCZ, period=None),
    MR("quantity", "2个", 2, "“投产一批”项目", region=JCZ),
    MR("money", "4.71亿元", 0, "总投资", region=JCZ),
    MR("money", "7亿元", 0, "年产值", role="target", region=JCZ, period=None),
    PR(HQ, 0, owners=[("华庆新材料科技有限公司", 0)], cap=[("6000吨", 0)], region=JC,
       status="started", year="2024"),
    PR(HQ, 1, owners=[("华庆新材料科技有限公司", 1)], inv=[("1.3亿元", 0, "total")],
       cap=[("6000吨", 1), ("64亩", 0), ("6台套", 0)], region=JC, status="started", year="2024",
       same_as=(HQ, 0)),
    MR("money", "6亿元", 0, "年产值", role="target", period=None, region=reg("141122", "交城县")),
    MR("money", "1亿元", 0, "年盈利", role="target", period=None, region=reg("141122", "交城县")),
    MR("money", "2000万元", 0, "纳税", role="target", period=None, region=reg("141122", "交城县")),
    MR("quantity", "150人", 0, "带动就业", role="target", period=None, region=reg("141122", "交城县")),
    PR(YW, 0, owners=[("交城义望铁合金有限责任公司", 0)], cap=[("10万吨", 0)], region=JC),
    PR("交城经开区低碳生态园", region=JC),
    PR(YW, 1, owners=[("交城义望铁合金有限责任公司", 1)], inv=[("2.5亿元", 0, "total")],
       cap=[("10万吨", 1)], region=JC, status="completed", year="2024", same_as=(YW, 0)),
    PR("交城经济开发区低碳生态园", region=JC, same_as=("交城经开区低碳生态园", 0)),
]

# --- dev8_06 湖北 荆门 沙洋县 三季度重大项目集中开工暨集中签约 (2024) ----------------------------
SY = reg("420822", "沙洋县", False)
DEFAULTS["dev8_06_hubei_shayang"] = {"period": "2024-07/2024-09", "region": reg("420822", "沙洋县")}
DOCS["dev8_06_hubei_shayang"] = [
    G("沙洋县", "420822", "沙洋县"),
    # 发布日期 2024-09-20 09:38: date; 云上沙洋: media name, no region inside
    G("沙洋县", "420822", "沙洋县"), J("法麦克斯三期项目"), E("法麦克斯", None, UN),
    G("沙洋县", "420822", "沙洋县"), Q("31个"), M("116.3亿元"),
    J("法麦克斯三期项目"), E("法麦克斯", None, UN), M("5.2亿元"), Q("5条"),
    # “5G+工业互联网”: label
    M("15亿元"), M("5000多万元"), Q("500余人"),
    J("华中服装制造产业园项目"), J("乡村振兴全域旅游项目"), J("汉上云谷数字经济产业园和算力中心项目"),
    J("新能源电动车整车组装项目"), Q("12个"), M("83.9亿元"),
    G("沙洋县", "420822", "沙洋县"),
]
RECS["dev8_06_hubei_shayang"] = [
    PR("法麦克斯三期项目", 0, owners=[("法麦克斯", 0)], region=SY, status="started", year="2024"),
    MR("quantity", "31个", 0, "集中开工项目"),
    MR("money", "116.3亿元", 0, "总投资"),
    PR("法麦克斯三期项目", 1, owners=[("法麦克斯", 1)], inv=[("5.2亿元", 0, "total")], cap=[("5条", 0)],
       region=SY, status="started", year="2024", same_as=("法麦克斯三期项目", 0)),
    MR("money", "15亿元", 0, "年产值", role="target", period=None),
    MR("money", "5000多万元", 0, "税收", role="target", period=None),
    MR("quantity", "500余人", 0, "带动就业", role="target", period=None),
    PR("华中服装制造产业园项目", region=SY, status="signed", year="2024"),
    PR("乡村振兴全域旅游项目", region=SY, status="signed", year="2024"),
    PR("汉上云谷数字经济产业园和算力中心项目", region=SY, status="signed", year="2024"),
    PR("新能源电动车整车组装项目", region=SY, status="signed", year="2024"),
    MR("quantity", "12个", 0, "项目集中签约", after=True),
    MR("money", "83.9亿元", 0, "总投资"),
]

# --- dev8_07 青海 海东 民和县 下川口工业园区 (2011) --------------------------------------------
MH = reg("630222", "民和回族土族自治县", False)
XCK = reg(None, "下川口工业园区")
DEFAULTS["dev8_07_qinghai_minhe"] = {"period": None, "region": XCK}
DOCS["dev8_07_qinghai_minhe"] = [
    G("民和县", "630222", "民和回族土族自治县"), M("14余亿元"),
    # 2011-02-15 08:52: date; 我的钢铁网: media
    G("民和回族土族自治县", "630222", "民和回族土族自治县"),   # “一城两区”: label
    G("青海", "630000", "青海省"),
    M("14.1亿元"), M("5.5亿元"), M("8.6亿元"),
    M("3.1亿元"), M("1.02亿元"), Q("1.28万吨"), Q("3.2万吨"), M("236万元"),
    Q("20家"),
    E("民和乐华冶炼", None, UN), E("民和恒利达碳化硅", None, UN), E("民和文宏磨料科技", None, UN),
    J("青投公司10万吨/年新型交通运输用铝合金挤压材和15万吨铝基合金棒项目"),
    E("青投公司", "青海省投资集团有限公司", LS), Q("10万吨/年"), Q("15万吨"),
    J("青海鸿盛特种硅业有限公司年产10万吨硅铁项目一期工程"),
    E("青海鸿盛特种硅业有限公司", None, UN), Q("10万吨"),
    J("民和云峰福利铁合金厂4×2.5万KVA硅铁项目"), E("民和云峰福利铁合金厂", None, UN), Q("2.5万KVA"),
    J("兰州光大碳素有限公司年产5万吨碳素项目"), E("兰州光大碳素有限公司", None, UN), Q("5万吨"),
    J("年产16万吨硅铁"), Q("16万吨"), J("年产12万吨金属硅"), Q("12万吨"),
    J("年产8万吨铁合金"), Q("8万吨"), J("年产2万吨切割刃料"), Q("2万吨"),
    J("年货物吞吐量3000万吨物流项目"), Q("3000万吨"),
    J("年产10万吨太阳能晶硅电池刃料"), Q("10万吨"), J("年产120万吨精选煤"), Q("120万吨"),
    J("100万吨水泥粉磨站"), Q("100万吨"), Q("8家"),
    J("年产5万吨铬酸盐"), Q("5万吨"), J("年产240万吨洗煤厂"), Q("240万吨"),
    J("4×600MW火电机组"), Q("600MW"), J("“天路桃花源”旅游度假区"),
    M("170多亿元"),
]
_started = dict(region=MH, status="started")
RECS["dev8_07_qinghai_minhe"] = [
    MR("money", "14余亿元", 0, "完成投资", region=reg(None, "民和县工业园区")),
    MR("money", "14.1亿元", 0, "完成投资"),
    MR("money", "5.5亿元", 0, "基础设施建设投资"),
    MR("money", "8.6亿元", 0, "完成固定资产投资"),
    MR("money", "3.1亿元", 0, "工业产值"),
    MR("money", "1.02亿元", 0, "工业增加值"),
    MR("quantity", "1.28万吨", 0, "电石"),
    MR("quantity", "3.2万吨", 0, "碳化硅"),
    MR("money", "236万元", 0, "上缴利税"),
    MR("quantity", "20家", 0, "入住工业园区的企业"),
    PR("青投公司10万吨/年新型交通运输用铝合金挤压材和15万吨铝基合金棒项目", owners=[("青投公司", 0)],
       cap=[("10万吨/年", 0), ("15万吨", 0)], region=MH, status="under_construction"),
    PR("青海鸿盛特种硅业有限公司年产10万吨硅铁项目一期工程", owners=[("青海鸿盛特种硅业有限公司", 0)],
       cap=[("10万吨", 0)], region=MH, status="under_construction"),
    PR("民和云峰福利铁合金厂4×2.5万KVA硅铁项目", owners=[("民和云峰福利铁合金厂", 0)],
       cap=[("2.5万KVA", 0)], region=MH, status="under_construction"),
    PR("兰州光大碳素有限公司年产5万吨碳素项目", owners=[("兰州光大碳素有限公司", 0)],
       cap=[("5万吨", 0)], region=MH, status="under_construction"),
    PR("年产16万吨硅铁", cap=[("16万吨", 0)], **_started),
    PR("年产12万吨金属硅", cap=[("12万吨", 0)], **_started),
    PR("年产8万吨铁合金", cap=[("8万吨", 0)], **_started),
    PR("年产2万吨切割刃料", cap=[("2万吨", 0)], **_started),
    PR("年货物吞吐量3000万吨物流项目", cap=[("3000万吨", 0)], **_started),
    PR("年产10万吨太阳能晶硅电池刃料", cap=[("10万吨", 1)], **_started),
    PR("年产120万吨精选煤", cap=[("120万吨", 0)], **_started),
    PR("100万吨水泥粉磨站", cap=[("100万吨", 0)], **_started),
    PR("年产5万吨铬酸盐", cap=[("5万吨", 1)], region=MH, status="planned"),
    PR("年产240万吨洗煤厂", cap=[("240万吨", 0)], region=MH, status="planned"),
    PR("4×600MW火电机组", cap=[("600MW", 0)], region=MH, status="planned"),
    PR("“天路桃花源”旅游度假区", region=MH, status="planned"),
    MR("money", "170多亿元", 0, "总投资"),
]

# --- dev8_08 四川 宜宾 长江工业园 定制厂房开园暨重大产业项目集中开工(签约) -------------------------
CP = reg("511502", "翠屏区", False)
DEFAULTS["dev8_08_sichuan_yibin"] = {"period": None, "region": reg(None, "长江工业园")}
DOCS["dev8_08_sichuan_yibin"] = [
    # 12月15日: date (no year in the text)
    J("长江工业园定制厂房"),
    J("长江工业园定制厂房项目"), G("翠屏区", "511502", "翠屏区"),
    M("3.5亿元"), Q("2栋"), Q("8栋"), Q("8.7万平方米", "about"),
    Q("6个"),
    J("宁德博发"), E("宁德博发", None, UN), J("江苏嘉盛"), E("江苏嘉盛", None, UN),
    J("宁德聚能"), E("宁德聚能", None, UN), J("宁德康本"), E("宁德康本", None, UN),
    J("祥鑫科技"), E("祥鑫科技", "祥鑫科技股份有限公司", PR_),
    J("浙江银轮"), E("浙江银轮", "浙江银轮机械股份有限公司", PR_),
    M("44.5亿元"), M("50亿元"), M("2亿元"), Q("2500人", "about"),
    Q("5个"),
    J("常州瑞德丰"), E("常州瑞德丰", None, UN),
    J("苏州斯莱克"), E("苏州斯莱克", "苏州斯莱克精密设备股份有限公司", PR_),
    J("福建星云"), E("福建星云", "福建星云电子股份有限公司", PR_),
    J("苏州固特"), E("苏州固特", None, UN), J("苏州华鹏"), E("苏州华鹏", None, UN),
    M("43.5亿元"), M("180亿元"), M("8亿元"), Q("1200人", "about"),
    # (宜宾日报): media name, no region inside
]
_st = dict(region=None, status="started")
_sg = dict(region=None, status="signed")
RECS["dev8_08_sichuan_yibin"] = [
    PR("长江工业园定制厂房", region=CP, status="in_production"),
    PR("长江工业园定制厂房项目", inv=[("3.5亿元", 0, "total")],
       cap=[("2栋", 0), ("8栋", 0), ("8.7万平方米", 0)], region=CP, same_as=("长江工业园定制厂房", 0)),
    PR("宁德博发", owners=[("宁德博发", 0)], **_st),
    PR("江苏嘉盛", owners=[("江苏嘉盛", 0)], **_st),
    PR("宁德聚能", owners=[("宁德聚能", 0)], **_st),
    PR("宁德康本", owners=[("宁德康本", 0)], **_st),
    PR("祥鑫科技", owners=[("祥鑫科技", 0)], **_st),
    PR("浙江银轮", owners=[("浙江银轮", 0)], **_st),
    MR("money", "44.5亿元", 0, "总投资"),
    MR("money", "50亿元", 0, "年产值", role="target"),
    MR("money", "2亿元", 0, "税收", role="target"),
    MR("quantity", "2500人", 0, "就业", role="target"),
    PR("常州瑞德丰", owners=[("常州瑞德丰", 0)], **_sg),
    PR("苏州斯莱克", owners=[("苏州斯莱克", 0)], **_sg),
    PR("福建星云", owners=[("福建星云", 0)], **_sg),
    PR("苏州固特", owners=[("苏州固特", 0)], **_sg),
    PR("苏州华鹏", owners=[("苏州华鹏", 0)], **_sg),
    MR("money", "43.5亿元", 0, "总投资"),
    MR("money", "180亿元", 0, "达产产值", role="target"),
    MR("money", "8亿元", 0, "税收", role="target"),
    MR("quantity", "1200人", 0, "就业", role="target"),
]

# --- dev8_09 陕西 汉中 市县两级重点项目集中开工 --------------------------------------------------
DEFAULTS["dev8_09_shaanxi_hanzhong"] = {"period": None, "region": None}
DOCS["dev8_09_shaanxi_hanzhong"] = [
    J("南郑区(中云)装备智造产业园(一期)"), J("城固县秦药道地中药材加工基地建设项目"),
    J("勉县利废环保节能新型建材生产线二期项目"),
    Q("75个"), M("193.86亿元"), M("86.5亿元"),
    Q("44个"), M("131亿元"), M("54.3亿元"), Q("11个"), M("36亿元"), M("17.8亿元"),
    Q("13个"), M("12.6亿元"), M("5.92亿元"), Q("15个"), M("49.41亿元"), M("25.42亿元"),
    Q("3个"), M("0.85亿元"),
]
RECS["dev8_09_shaanxi_hanzhong"] = [
    PR("南郑区(中云)装备智造产业园(一期)", region=reg("610703", "南郑区", False), status="started"),
    PR("城固县秦药道地中药材加工基地建设项目", region=reg("610722", "城固县", False), status="started"),
    PR("勉县利废环保节能新型建材生产线二期项目", region=reg("610725", "勉县", False), status="started"),
    MR("quantity", "75个", 0, "市县两级重点项目", after=True),
    MR("money", "193.86亿元", 0, "总投资"),
    MR("money", "86.5亿元", 0, "年度投资"),
    MR("quantity", "44个", 0, "产业类项目"),
    MR("money", "131亿元", 0, "总投资"),
    MR("money", "54.3亿元", 0, "年度计划投资"),
    MR("quantity", "11个", 0, "制造业项目"),
    MR("money", "36亿元", 0, "总投资"),
    MR("money", "17.8亿元", 0, "年度计划投资"),
    MR("quantity", "13个", 0, "基础设施类项目"),
    MR("money", "12.6亿元", 0, "总投资"),
    MR("money", "5.92亿元", 0, "年度计划投资"),
    MR("quantity", "15个", 0, "公共服务类项目"),
    MR("money", "49.41亿元", 0, "总投资"),
    MR("money", "25.42亿元", 0, "年度计划投资"),
    MR("quantity", "3个", 0, "生态环保治理类项目"),
    MR("money", "0.85亿元", 0, "完成投资"),
]

# --- dev8_10 江苏 泰州 泰兴经济开发区 二季度重大项目集中开工 (2017) -------------------------------
TX = reg("321283", "泰兴市", False)
TXZ = reg(None, "泰兴经济开发区")
DEFAULTS["dev8_10_jiangsu_taixing"] = {"period": "2017-04/2017-06", "region": TXZ}
P1 = "年产4.5万台充电桩及1.2万台/套特种冷却设备项目"
P2 = "年产15万吨偏硅酸钠系列产品及2万吨纳米级硅溶胶项目"
P3 = "年产2500万瓶蛋白琥珀酸铁口服溶液生产线技术改造项目"
P4 = "年产30吨三氟甲基苯胺技改项目"
P5 = "开发区管线复线工程项目"
DOCS["dev8_10_jiangsu_taixing"] = [
    # webwxgetmsgimg_副本.jpg: file name; 泰兴开发区 / 泰兴经济开发区: zone names, no region inside
    Q("6个"), M("20.5亿"),
    # 2017-06-19 16:24:00: date; 1 (听新闻): page counter, no unit; 中国江苏网: media
    Q("6个"), M("20.5亿元"), M("26.2亿元"), M("2.6亿元"),
    # 泰兴市委: organization; 二季度, ‘双过半’: period, label
    Q("6个"),
    E("江苏兆胜集团", None, UN), M("7亿元"), J(P1), Q("4.5万台"), Q("1.2万台/套"),
    E("泰兴跃达实业有限公司", None, UN), M("6亿元"), J(P2), Q("15万吨"), Q("2万吨"),
    E("济川药业集团有限公司", None, PR_), M("1.5亿元"), J(P3), Q("2500万瓶"),
    E("泰兴市康鹏专用化学品有限公司", None, UN), J(P4), Q("30吨"),
    E("江苏奥喜埃化工有限公司", None, FO), J(P5),
    SKIP(1), G("泰兴", "321283", "泰兴市"),      # “新阶段泰兴发展排头兵” (skips the zone name)
]
RECS["dev8_10_jiangsu_taixing"] = [
    MR("quantity", "6个", 0, "项目", after=True),
    MR("money", "20.5亿", 0, "总投资"),
    MR("quantity", "6个", 1, "项目", after=True),
    MR("money", "20.5亿元", 0, "总投资"),
    MR("money", "26.2亿元", 0, "新增销售收入", role="target", period=None),
    MR("money", "2.6亿元", 0, "新增税收", role="target", period=None),
    MR("quantity", "6个", 2, "重大项目", after=True),
    PR(P1, owners=[("江苏兆胜集团", 0)], inv=[("7亿元", 0, "total")],
       cap=[("4.5万台", 0), ("1.2万台/套", 0)], region=TX, status="started", year="2017"),
    PR(P2, owners=[("泰兴跃达实业有限公司", 0)], inv=[("6亿元", 0, "total")],
       cap=[("15万吨", 0), ("2万吨", 0)], region=TX, status="started", year="2017"),
    PR(P3, owners=[("济川药业集团有限公司", 0)], inv=[("1.5亿元", 0, "total")],
       cap=[("2500万瓶", 0)], region=TX, status="started", year="2017"),
    PR(P4, owners=[("泰兴市康鹏专用化学品有限公司", 0)], cap=[("30吨", 0)], region=TX,
       status="started", year="2017"),
    PR(P5, owners=[("江苏奥喜埃化工有限公司", 0)], region=TX, status="started", year="2017"),
]



def main() -> int:
    lines = []
    for doc_id, items in DOCS.items():
        raw = (HERE / "raw" / f"{doc_id}.txt").read_bytes().decode("utf-8")
        text = raw[1:] if raw.startswith("\ufeff") else raw
        mentions = locate(text, items, doc_id)
        records = build_records(text, mentions, RECS.get(doc_id, []), DEFAULTS[doc_id], doc_id)
        if "-v" in sys.argv:
            coverage(text, mentions, doc_id)
        lines.append(json.dumps({"doc_id": doc_id,
                                 "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                                 "mentions": mentions, "records": records}, ensure_ascii=False))
    (HERE / "gold.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} docs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
