"""Build gazetteers/listed_companies.tsv from exchange listing tables.

Input: a folder holding the listing tables as published by the exchanges and
saved as CSV (one row per listed company):

- ``stock_info_sh.csv``  Shanghai (主板A股 and 科创板): A股代码, 证券简称, 证券全称, 上市日期, 板块
- ``stock_info_sz.csv``  Shenzhen (主板 and 创业板): 板块, A股代码, 证券简称, 上市日期, 所属行业
- ``stock_info_bj.csv``  Beijing: A股代码, 证券简称, 上市日期, 所属行业
- ``change_name_sina.csv`` former short names: 证券代码, 历史简称 (comma-separated)

Output: one row per company with its security code, short name, registered
name (Shanghai only: the Shenzhen and Beijing tables carry none), former short
names, a category where the data says it, and the names that must be anchored
(see ``anchored_names``).  Usage::

    python scripts/build_listed_companies.py SOURCE_DIR --date 2023-09-20 --source-note "..."
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from zhgov_extract.link.gazetteer import CURATED_FILES, read_tsv  # noqa: E402
from zhgov_extract.text.normalize import fold_width  # noqa: E402

# Markers the exchanges put around a short name: risk warnings (ST, *ST), share-reform
# and new-listing letters (G, S, N, C), ex-rights (XD, XR, DR), the class letter
# (万科A), delisting (退) and the STAR/ChiNext flags (-U, -W).
_PREFIX = re.compile(r"^(?:\*?S?\*?ST|S\*ST|SST|XD|XR|DR|[GSNCUWV])(?=[\u4e00-\u9fff])")
_SUFFIX = re.compile(r"(?:-[UWV]{1,2}|[AB]|退)$")
# Full registered names of financial firms; the Shenzhen/Beijing tables give the sector.
_FINANCIAL_NAME = re.compile(r"银行|保险|证券|信托|期货|人寿|财产保险|金融控股|金融租赁")
_FINANCIAL_SECTOR = ("J", "金融", "货币金融", "资本市场", "保险业")
PREFIX_FREQ = 100      # a trade part this common before an industry or form word is an everyday word
EVERYDAY_FREQ = 1000   # jieba frequency above which a word is everyday (as in EnterpriseTagger._everyday_phrase)
WORD_FREQ = 10         # a whole name that is a jieba word this common and not tagged as an organisation
ORG_TAGS = ("nt", "nz", "nr", "nrt")  # organisations and names: 德赛, 格力 are no everyday words


def clean_short(name: str) -> str:
    """浦发银行 from 'G浦发', 万科 from '万  科Ａ', 百济神州 from '百济神州-U'."""
    name = fold_width("".join(name.split()))
    name = name.replace("Ａ", "A").replace("Ｂ", "B")
    for _ in range(2):
        name = _PREFIX.sub("", name)
        name = _SUFFIX.sub("", name)
    return name


def _jieba():
    import jieba

    freqs: dict[str, tuple[int, str]] = {}
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2:
                freqs[parts[0]] = (int(parts[1]), parts[2] if len(parts) > 2 else "")
    return jieba, freqs


def anchored_reason(name: str, jieba_mod, freqs, regions: set[str], endings: list[str],
                    former: bool = False) -> str | None:
    """Why a short name may only be matched with an anchor (None: it may be matched anywhere).

    - two characters or fewer (美的, 海天, 柳工): too short for a raw substring match;
    - a place name (张家界);
    - itself a common dictionary word not tagged as an organisation (太阳能, 农产品, 五粮液);
    - made only of everyday words, at most one of them a single character (美丽生态, 深圳能源, 新产业);
    - an industry or form word after one character, a place or a common word (新材料, 新产业,
      北部湾港, 常青股份, 长江电力): the same letters are ordinary text in a report;
    - a former name made only of dictionary words (商业网点 = 商业+网点): an old name a report
      rarely means, while the words are ordinary text (the bar for current names is everyday words).
    """
    if len(name) <= 2:
        return "two characters"
    if name in regions:
        return "place name"
    freq, tag = freqs.get(name, (0, ""))
    if freq >= WORD_FREQ and tag not in ORG_TAGS:
        return f"dictionary word ({tag} {freq})"
    words = jieba_mod.lcut(name, HMM=False)
    if len(words) >= 2 and sum(len(w) == 1 for w in words) <= 1 and any(len(w) >= 2 for w in words) \
            and all(freqs.get(w, (0, ""))[0] > EVERYDAY_FREQ or w in regions for w in words):
        return "everyday words " + "+".join(words)
    if former and len(words) >= 2 and all(len(w) >= 2 and freqs.get(w, (0, ""))[0] >= PREFIX_FREQ
                                          and freqs[w][1] not in ORG_TAGS for w in words):
        return "former name of dictionary words " + "+".join(words)
    for end in endings:
        if name.endswith(end) and len(name) > len(end):
            head = name[: -len(end)]
            hf, htag = freqs.get(head, (0, ""))
            if len(head) <= 1 or head in regions or htag.startswith("ns") \
                    or (hf >= PREFIX_FREQ and htag not in ORG_TAGS):
                return f"common head {head} + {end}"
    return None


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def load_listings(src: Path) -> list[dict]:
    out = []
    sh = _rows(src / "stock_info_sh.csv")
    a_names = {r["证券全称"] for r in sh if r["A股代码"].strip()}
    for r in sh:
        code = r["A股代码"].strip() or r.get("B股代码", "").strip()
        if not code or (not r["A股代码"].strip() and r["证券全称"] in a_names):
            continue  # the B-share line of a company listed above with its A share
        board = "STAR" if r["板块"].startswith("科创") else ("SSE B" if not r["A股代码"].strip() else "SSE main")
        out.append({"code": code.zfill(6), "exchange": "SSE", "board": board, "short": r["证券简称"],
                    "full": fold_width(r.get("证券全称", "").strip()), "sector": ""})
    for r in _rows(src / "stock_info_sz.csv"):
        if not r["A股代码"].strip():
            continue  # a B-share line (南玻B): the company is listed with its A share
        board = "ChiNext" if r["板块"].startswith("创业") else "SZSE main"
        out.append({"code": r["A股代码"].zfill(6), "exchange": "SZSE", "board": board, "short": r["证券简称"],
                    "full": "", "sector": r.get("所属行业", "")})
    for r in _rows(src / "stock_info_bj.csv"):
        if not r["A股代码"].strip():
            continue
        out.append({"code": r["A股代码"].zfill(6), "exchange": "BSE", "board": "BSE", "short": r["证券简称"],
                    "full": "", "sector": r.get("所属行业", "")})
    former: dict[str, list[str]] = {}
    names_file = src / "change_name_sina.csv"
    if names_file.is_file():
        for r in _rows(names_file):
            former[r["证券代码"].zfill(6)] = [x for x in re.split(r"[,，]", r["历史简称"]) if x.strip()]
    for row in out:
        row["former_raw"] = former.get(row["code"], [])
    return out


def known_names() -> dict[str, tuple[str, str, str]]:
    """Every name of the hand-curated gazetteers → (file, canonical, category)."""
    known: dict[str, tuple[str, str, str]] = {}
    for f in CURATED_FILES:
        for row in read_tsv(ROOT / "gazetteers" / f):
            for n in [row["canonical"], *row.get("aliases", "").split("|"), *row.get("former", "").split("|")]:
                n = fold_width(n.strip())
                if n:
                    known.setdefault(n, (f, row["canonical"], row["category"]))
    return known


def build(src: Path, date: str, note: str) -> tuple[list[str], dict[str, int]]:
    jieba_mod, freqs = _jieba()
    regions = {r["name"] for r in read_tsv(ROOT / "gazetteers" / "regions.tsv")}
    regions |= {s for r in read_tsv(ROOT / "gazetteers" / "regions.tsv") for s in r.get("short", "").split("|") if s}
    known = known_names()
    endings = sorted({fold_width(r["word"]) for r in read_tsv(ROOT / "gazetteers" / "industry_words.tsv")}
                     | {fold_width(r["form"]) for r in read_tsv(ROOT / "gazetteers" / "org_forms.tsv")}
                     | {"股份", "港", "控股"}, key=len, reverse=True)
    listings = load_listings(src)
    current = {clean_short(r["short"]) for r in listings}
    # a former short name used by two companies, or now another company's short name, is no name of either
    former_count: dict[str, int] = {}
    for r in listings:
        r["short_clean"] = clean_short(r["short"])
        r["former"] = [x for x in dict.fromkeys(clean_short(x) for x in r["former_raw"]) if x and x != r["short_clean"]]
        for x in r["former"]:
            former_count[x] = former_count.get(x, 0) + 1
    stats = {"rows": 0, "anchored": 0, "financial": 0, "from_curated": 0, "with_full_name": 0}
    lines = [f"# source: {note}; listing date {date}; built by scripts/build_listed_companies.py",
             "id\tcanonical\taliases\tformer\tcategory\tcode\texchange\tboard\tanchored_only\tnotes"]
    for r in sorted(listings, key=lambda r: r["code"]):
        short = r["short_clean"]
        if len(short) < 2:
            continue
        former = [x for x in r["former"] if len(x) >= 2 and x not in current and former_count[x] == 1]
        canonical = r["full"] or short
        aliases = [short] if short != canonical else []
        former = [x for x in former if x != canonical]
        notes = []
        category = "unknown"
        hit = known.get(canonical) or known.get(short)
        if hit is not None:
            category = hit[2]
            notes.append(f"also {hit[0]}: {hit[1]}")
            stats["from_curated"] += 1
        elif _FINANCIAL_NAME.search(r["full"] or short) or r["sector"].startswith(_FINANCIAL_SECTOR):
            category = "financial"
        if category == "financial":
            stats["financial"] += 1
        if not r["full"]:
            notes.append("no registered name in the source table")
        else:
            stats["with_full_name"] += 1
        anchored = []
        for n in [canonical, *aliases, *former]:
            why = (anchored_reason(n, jieba_mod, freqs, regions, endings, former=n in former)
                   if n != r["full"] else None)
            if why:
                anchored.append(n)
                notes.append(f"{n}: {why}")
        stats["anchored"] += bool(anchored)
        stats["rows"] += 1
        lines.append("\t".join([f"lst:{r['code']}", canonical, "|".join(aliases), "|".join(former), category, r["code"],
                                r["exchange"], r["board"], "|".join(anchored), "; ".join(notes)]))
    return lines, stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", type=Path, help="folder with stock_info_sh.csv, stock_info_sz.csv, stock_info_bj.csv")
    ap.add_argument("--date", required=True, help="date of the listing tables")
    ap.add_argument("--source-note", required=True, help="where the tables come from (goes into line 1)")
    ap.add_argument("--out", type=Path, default=ROOT / "gazetteers" / "listed_companies.tsv")
    args = ap.parse_args(argv)
    lines, stats = build(args.source, args.date, args.source_note)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(args.out, stats)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
