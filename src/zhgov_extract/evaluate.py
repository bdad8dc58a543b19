"""Score the library against gold: per type, exact and lenient P/R/F1 and
normalisation accuracy, with the list of misses and spurious mentions; and,
where the gold has ``records``, the records' fact scores (``records/scoring.py``).

Exact: same ``(type, start, end)``.  Lenient: a one-to-one matching of
overlapping spans of the same type.  Normalisation accuracy: among exact
matches that carry a gold ``norm.value`` (or ``low``/``high``; a region's ``code``), the share whose
predicted value is equal as a decimal (and, for enterprises, ``canonical``).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from zhgov_extract.read.encoding import read_text
from zhgov_extract.records.scoring import RecordScore, as_decimal, prf, score_records
from zhgov_extract.text.normalize import fold_width

SCORED = ("money", "percent", "quantity", "enterprise", "project")


@dataclass
class TypeScore:
    type: str
    gold: int = 0
    pred: int = 0
    exact_tp: int = 0
    lenient_tp_gold: int = 0
    lenient_tp_pred: int = 0
    norm_total: int = 0
    norm_right: int = 0
    soe_total: int = 0  # enterprises whose gold category is central_soe / central_soe_unit
    soe_right: int = 0
    misses: list = field(default_factory=list)
    spurious: list = field(default_factory=list)
    norm_errors: list = field(default_factory=list)

    @property
    def exact(self):
        return prf(self.exact_tp, self.exact_tp, self.pred, self.gold)

    @property
    def lenient(self):
        return prf(self.lenient_tp_pred, self.lenient_tp_gold, self.pred, self.gold)

    @property
    def norm_accuracy(self) -> float | None:
        return self.norm_right / self.norm_total if self.norm_total else None

    @property
    def soe_canonical_accuracy(self) -> float | None:
        """Canonical right among matched mentions of central SOEs and their units."""
        return self.soe_right / self.soe_total if self.soe_total else None

    def as_dict(self) -> dict:
        ep, er, ef = self.exact
        lp, lr, lf = self.lenient
        return {"type": self.type, "gold": self.gold, "pred": self.pred,
                "exact": {"p": round(ep, 4), "r": round(er, 4), "f1": round(ef, 4)},
                "lenient": {"p": round(lp, 4), "r": round(lr, 4), "f1": round(lf, 4)},
                "norm_accuracy": None if self.norm_accuracy is None else round(self.norm_accuracy, 4),
                "norm_checked": self.norm_total,
                **({"soe_canonical_accuracy": round(self.soe_canonical_accuracy, 4), "soe_checked": self.soe_total}
                   if self.soe_total else {})}


def _norm_equal(type_: str, gold: dict, pred: dict) -> bool | None:
    """None when the gold has nothing to compare."""
    if type_ == "enterprise":
        if not gold or "canonical" not in gold:
            return None
        # bracket width is not a difference of name: 华润（集团） == 华润(集团)
        return fold_width((pred or {}).get("canonical") or "") == fold_width(gold["canonical"])
    if not gold:
        return None
    if type_ == "region":  # a region's norm is its division code
        return None if gold.get("code") is None else (pred or {}).get("code") == gold["code"]
    keys = [k for k in ("value", "low", "high") if gold.get(k) is not None]
    if not keys:
        return None
    pred = pred or {}
    return all(as_decimal(gold[k]) == as_decimal(pred.get(k)) for k in keys)


def load_gold(path: str | Path) -> dict[str, dict]:
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                out[rec["doc_id"]] = rec
    return out


def score(gold_docs: dict[str, dict], pred_docs: dict[str, list[dict]], types: Iterable[str] = SCORED) -> dict[str, TypeScore]:
    scores = {t: TypeScore(t) for t in types}
    for doc_id, gold in gold_docs.items():
        preds = pred_docs.get(doc_id, [])
        for t, sc in scores.items():
            g = [m for m in gold["mentions"] if m["type"] == t]
            p = [m for m in preds if m["type"] == t]
            sc.gold += len(g)
            sc.pred += len(p)
            pk = {(m["start"], m["end"]): m for m in p}
            gk = {(m["start"], m["end"]): m for m in g}
            for key, gm in gk.items():
                if key in pk:
                    sc.exact_tp += 1
                    eq = _norm_equal(t, gm.get("norm") or {}, pk[key].get("norm") or {})
                    if eq is not None:
                        sc.norm_total += 1
                        if eq:
                            sc.norm_right += 1
                        else:
                            sc.norm_errors.append((doc_id, gm["start"], gm["text"], gm.get("norm"), pk[key].get("norm")))
                        if t == "enterprise" and (gm.get("norm") or {}).get("category") in ("central_soe", "central_soe_unit"):
                            sc.soe_total += 1
                            sc.soe_right += bool(eq)
            # lenient: greedy one-to-one on overlap, exact matches first
            used_p: set = set(k for k in gk if k in pk)
            used_g: set = set(used_p)
            for gkey in sorted(gk):
                if gkey in used_g:
                    continue
                for pkey in sorted(pk):
                    if pkey in used_p:
                        continue
                    if pkey[0] < gkey[1] and gkey[0] < pkey[1]:
                        used_p.add(pkey)
                        used_g.add(gkey)
                        break
            sc.lenient_tp_gold += len(used_g)
            sc.lenient_tp_pred += len(used_p)
            sc.misses += [(doc_id, k[0], k[1], gk[k]["text"]) for k in sorted(gk) if k not in pk]
            sc.spurious += [(doc_id, k[0], k[1], pk[k]["text"]) for k in sorted(pk) if k not in gk]
    return scores


class EvalScores(dict):
    """Per-type mention scores (a dict ``type -> TypeScore``) plus ``records``: the records'
    fact scores, or None when the gold has no ``records`` lists."""

    def __init__(self, types: dict[str, TypeScore], records: RecordScore | None = None):
        super().__init__(types)
        self.records = records


def evaluate(gold_path: str | Path, docs_dir: str | Path, extractor=None, types: Iterable[str] = SCORED) -> EvalScores:
    """Run ``extractor`` over ``docs_dir/<doc_id>.txt`` for every gold document and score it."""
    from zhgov_extract.pipeline import Extractor

    extractor = extractor or Extractor()
    gold = load_gold(gold_path)
    preds: dict[str, list[dict]] = {}
    records: dict[str, list[dict]] = {}
    for doc_id in gold:
        path = Path(docs_dir) / f"{doc_id}.txt"
        src = read_text(path)
        report = extractor(src.text, doc_id=doc_id, source=src)
        if report.text_sha256 != gold[doc_id].get("text_sha256", report.text_sha256):
            raise ValueError(f"{path}: text does not match the gold's text_sha256")
        preds[doc_id] = [m.model_dump() for m in report.mentions]
        records[doc_id] = [r.model_dump() for r in report.records]
    return EvalScores(score(gold, preds, types), score_records(gold, records))
