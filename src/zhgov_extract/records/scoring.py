"""Score project and metric records against gold, as the spec's "Records / Scoring" says.

Each record is flattened into facts ``(kind, anchor, field, value)``: one per owner
(its canonical), per investment (value and kind), per capacity (value and unit),
and one each for region (code, else name), status, year, indicator (its span),
role, direction, basis and period; a null field gives no fact.  Facts match only
as a whole, so a record whose anchor is not a gold anchor contributes only wrong
facts.  Enterprise records are not scored.  Decimal values compare as decimals
(``"1.50" == "1.5"``); names compare after width folding (``（`` == ``(``).
The indicator is also scored leniently: a predicted span overlapping the gold
span of the same anchor counts.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from itertools import zip_longest

from zhgov_extract.text.normalize import fold_width

KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "project": ("owner", "investment", "capacity", "region", "status", "year"),
    "metric": ("indicator", "role", "direction", "basis", "period", "region"),
}


def as_decimal(v) -> Decimal | None:
    """``v`` as a Decimal, None when it is not a number (equal Decimals hash equal: ``1.50`` == ``1.5``)."""
    try:
        return Decimal(str(v))
    except (InvalidOperation, ValueError, TypeError):
        return None


def prf(tp_p: int, tp_g: int, pred: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall, F1; an empty side scores 1.0 when the other is empty too."""
    p = tp_p / pred if pred else (1.0 if not gold else 0.0)
    r = tp_g / gold if gold else (1.0 if not pred else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass(frozen=True)
class Span:
    """A span value (the indicator): equal by offsets, the text only shown."""

    start: int
    end: int
    text: str = field(default="", compare=False)

    def __str__(self) -> str:
        return f"{self.text!r}@{self.start}-{self.end}"


def _num(v):
    d = as_decimal(v)
    return v if d is None else d


def _flatten(rec: dict) -> list[tuple[str, object]]:
    """The ``(field, value)`` facts of one record; a field that is null or empty gives none."""
    facts: list[tuple[str, object]] = []
    if rec["kind"] == "project":
        for o in rec.get("owners") or ():
            facts.append(("owner", fold_width(o.get("canonical") or o["text"])))
        for i in rec.get("investment") or ():
            facts.append(("investment", (_num(i.get("value")), i.get("kind") or "other")))
        for c in rec.get("capacity") or ():
            facts.append(("capacity", (_num(c.get("value")), fold_width(c.get("unit") or ""))))
        scalars = ("status", "year")
    else:
        ind = rec.get("indicator")
        if ind:
            facts.append(("indicator", Span(ind["start"], ind["end"], ind.get("text", ""))))
        scalars = ("role", "direction", "basis", "period")
    reg = rec.get("region")
    if reg and (reg.get("code") or reg.get("name")):
        facts.append(("region", reg.get("code") or fold_width(reg["name"])))
    facts += [(f, str(rec[f])) for f in scalars if rec.get(f) is not None]
    return facts


@dataclass
class PRF:
    gold: int = 0
    pred: int = 0
    tp: int = 0

    @property
    def scores(self) -> tuple[float, float, float]:
        return prf(self.tp, self.tp, self.pred, self.gold)

    def add(self, gold: int, pred: int, tp: int) -> None:
        self.gold += gold
        self.pred += pred
        self.tp += tp

    def as_dict(self) -> dict:
        p, r, f = self.scores
        return {"gold": self.gold, "pred": self.pred, "tp": self.tp,
                "p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


@dataclass
class FactError:
    """One fact that did not match. ``why``: ``wrong`` (both sides have a value for this
    anchor and field, and they differ), ``missed``, ``spurious``, ``anchor_missed`` (no
    predicted record on this gold anchor), ``anchor_spurious`` (no gold record on it)."""

    doc_id: str
    kind: str
    start: int
    end: int
    anchor_text: str
    field: str
    gold: object
    pred: object
    why: str

    def as_dict(self) -> dict:
        show = (lambda v: None if v is None else _show(v))
        return {"doc_id": self.doc_id, "kind": self.kind, "anchor": [self.start, self.end, self.anchor_text],
                "field": self.field, "gold": show(self.gold), "pred": show(self.pred), "why": self.why}

    def line(self) -> str:
        """One rich-markup line for ``eval --errors`` (the text escaped: ``[2024]`` is no tag)."""
        from rich.markup import escape

        colour = {"wrong": "magenta", "missed": "red", "anchor_missed": "red"}.get(self.why, "yellow")
        g = "-" if self.gold is None else _show(self.gold)
        p = "-" if self.pred is None else _show(self.pred)
        return (f"[{colour}]{self.why:15}[/{colour}] {self.kind}.{self.field:10} "
                + escape(f"{self.doc_id} {self.start}-{self.end} {self.anchor_text!r} gold={g} pred={p}"))


def _show(v) -> str:
    if isinstance(v, tuple):
        return " ".join("-" if x is None else str(x) for x in v)
    return str(v)


@dataclass
class RecordScore:
    """Fact P/R/F1 overall, per kind, per field (per kind and merged), anchors per kind,
    the indicator exact and lenient, and every unmatched fact."""

    docs: int = 0
    overall: PRF = field(default_factory=PRF)
    kinds: dict[str, PRF] = field(default_factory=lambda: {k: PRF() for k in KIND_FIELDS})
    anchors: dict[str, PRF] = field(default_factory=lambda: {k: PRF() for k in KIND_FIELDS})
    fields: dict[tuple[str, str], PRF] = field(
        default_factory=lambda: {(k, f): PRF() for k, fs in KIND_FIELDS.items() for f in fs})
    indicator_lenient: PRF = field(default_factory=PRF)
    errors: list[FactError] = field(default_factory=list)

    def by_field(self) -> dict[str, PRF]:
        """Per field name over both kinds (``region`` sums projects and metrics)."""
        out: dict[str, PRF] = {}
        for (_, f), s in self.fields.items():
            out.setdefault(f, PRF()).add(s.gold, s.pred, s.tp)
        return out

    def as_dict(self, errors: bool = False) -> dict:
        out = {"docs": self.docs, "overall": self.overall.as_dict(),
               "kinds": {k: {"facts": self.kinds[k].as_dict(), "anchor": self.anchors[k].as_dict(),
                             "fields": {f: self.fields[(k, f)].as_dict() for f in fs}}
                         for k, fs in KIND_FIELDS.items()},
               "fields": {f: s.as_dict() for f, s in self.by_field().items()},
               "indicator": {"exact": self.fields[("metric", "indicator")].as_dict(),
                             "lenient": self.indicator_lenient.as_dict()}}
        if errors:
            out["errors"] = [e.as_dict() for e in self.errors]
        return out

    def rows(self) -> list[tuple[str, PRF]]:
        """Labelled scores in table order."""
        rows = [("facts, all", self.overall)]
        for k, fs in KIND_FIELDS.items():
            rows += [(f"{k} anchors", self.anchors[k]), (f"{k} facts", self.kinds[k])]
            for f in fs:
                rows.append((f"  {f}", self.fields[(k, f)]))
                if (k, f) == ("metric", "indicator"):
                    rows.append(("  indicator (lenient)", self.indicator_lenient))
        return rows

    def table(self, title: str = "records"):
        """The ``eval`` records table (rich)."""
        from rich.table import Table

        t = Table(title=title)
        for col in ("records", "gold", "pred", "match", "P", "R", "F1"):
            t.add_column(col, justify="left" if col == "records" else "right")
        for label, s in self.rows():
            prf_cells = ["-"] * 3 if not (s.gold or s.pred) else [f"{x:.3f}" for x in s.scores]
            t.add_row(label, str(s.gold), str(s.pred), str(s.tp), *prf_cells,
                      style="bold" if not label.startswith(" ") else None)
        return t

    def error_lines(self) -> list[str]:
        return [e.line() for e in self.errors]


def _anchor(rec: dict, doc_id: str) -> tuple[int, int, str]:
    a = rec.get("anchor")
    if not a or a.get("start") is None or a.get("end") is None:
        raise ValueError(f"{doc_id}: {rec['kind']} record without anchor offsets: {rec}")
    return a["start"], a["end"], a.get("text", "")


def _group(records: list[dict], doc_id: str) -> dict[tuple[str, int, int], dict]:
    """Records of the scored kinds by ``(kind, start, end)``: facts (a Counter), anchor text, count."""
    out: dict[tuple[str, int, int], dict] = {}
    for rec in records:
        if rec.get("kind") not in KIND_FIELDS:
            continue
        s, e, text = _anchor(rec, doc_id)
        g = out.setdefault((rec["kind"], s, e), {"facts": Counter(), "text": text, "n": 0})
        g["facts"].update(_flatten(rec))
        g["n"] += 1
    return out


def _overlap_matches(gold: list[Span], pred: list[Span]) -> int:
    """One-to-one greedy matching of overlapping spans, exact pairs first."""
    used_p = set()
    n = 0
    for exact_pass in (True, False):
        for gi, g in enumerate(gold):
            if g is None:
                continue
            for pi, p in enumerate(pred):
                if pi in used_p:
                    continue
                if (p == g) if exact_pass else (p.start < g.end and g.start < p.end):
                    used_p.add(pi)
                    gold[gi] = None
                    n += 1
                    break
    return n


def _score_doc(sc: RecordScore, doc_id: str, gold: list[dict], pred: list[dict]) -> None:
    gg, pg = _group(gold, doc_id), _group(pred, doc_id)
    for kind in KIND_FIELDS:
        ga = Counter({k[1:]: v["n"] for k, v in gg.items() if k[0] == kind})
        pa = Counter({k[1:]: v["n"] for k, v in pg.items() if k[0] == kind})
        sc.anchors[kind].add(sum(ga.values()), sum(pa.values()), sum((ga & pa).values()))
    for key in sorted(set(gg) | set(pg)):
        kind, s, e = key
        gf = gg[key]["facts"] if key in gg else Counter()
        pf = pg[key]["facts"] if key in pg else Counter()
        text = (gg.get(key) or pg[key])["text"]
        for f in KIND_FIELDS[kind]:
            g = Counter({v: n for (ff, v), n in gf.items() if ff == f})
            p = Counter({v: n for (ff, v), n in pf.items() if ff == f})
            tp = sum((g & p).values())
            for part in (sc.fields[(kind, f)], sc.kinds[kind], sc.overall):
                part.add(sum(g.values()), sum(p.values()), tp)
            if f == "indicator":
                sc.indicator_lenient.add(sum(g.values()), sum(p.values()),
                                         _overlap_matches(list(g.elements()), list(p.elements())))
            left_g = sorted((g - p).elements(), key=_show)
            left_p = sorted((p - g).elements(), key=_show)
            for gv, pv in zip_longest(left_g, left_p):
                if key not in pg:
                    why = "anchor_missed"
                elif key not in gg:
                    why = "anchor_spurious"
                else:
                    why = "wrong" if gv is not None and pv is not None else ("missed" if pv is None else "spurious")
                sc.errors.append(FactError(doc_id, kind, s, e, text, f, gv, pv, why))


def score_records(gold_docs: dict[str, dict], pred_records: dict[str, list[dict]]) -> RecordScore | None:
    """Score the predicted records (dumped with ``model_dump``) of every gold document that
    has a ``records`` list; None when no gold document has one (records not annotated)."""
    annotated = {d: g for d, g in gold_docs.items() if g.get("records") is not None}
    if not annotated:
        return None
    sc = RecordScore(docs=len(annotated))
    for doc_id, gold in annotated.items():
        _score_doc(sc, doc_id, gold["records"], pred_records.get(doc_id, []))
    sc.errors.sort(key=lambda e: (e.kind, KIND_FIELDS[e.kind].index(e.field), e.why, e.doc_id, e.start))
    return sc
