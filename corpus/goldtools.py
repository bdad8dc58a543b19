"""Shared helpers of the dev-set gold builders (corpus/dev, corpus/dev2): number norms by
the spec, locating listed mentions with str.find, a coverage report of unannotated digits."""
import hashlib
import json
import re
import sys
from decimal import Decimal
from pathlib import Path


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


def main(here: Path, docs: dict) -> int:
    """Write here/gold.jsonl from the mention lists ``docs`` for the texts in here/raw."""
    lines = []
    for doc_id, items in docs.items():
        raw = (here / "raw" / f"{doc_id}.txt").read_bytes().decode("utf-8")
        text = raw[1:] if raw.startswith("\ufeff") else raw
        mentions = locate(text, items, doc_id)
        if "-v" in sys.argv:
            coverage(text, mentions, doc_id)
        lines.append(json.dumps({"doc_id": doc_id,
                                 "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                                 "mentions": mentions}, ensure_ascii=False))
    (here / "gold.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} docs")
    return 0

