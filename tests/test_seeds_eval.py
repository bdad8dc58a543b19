"""The accuracy bar on the seeds gold, measured with the same scorer as `zhgov-extract eval`."""
from __future__ import annotations

from conftest import CORPUS
from zhgov_extract.evaluate import evaluate, load_gold
from zhgov_extract.records.scoring import KIND_FIELDS, score_records

BARS = {"money": 0.97, "percent": 0.97, "quantity": 0.93}


def test_numeric_bars_on_seeds(extractor):
    scores = evaluate(CORPUS / "gold" / "seeds.jsonl", CORPUS / "raw", extractor, types=tuple(BARS))
    for t, bar in BARS.items():
        s = scores[t]
        assert s.exact[2] >= bar, (t, s.as_dict(), s.misses[:10], s.spurious[:10])
        assert s.norm_accuracy is not None and s.norm_accuracy >= 0.99, (t, s.norm_errors[:10])
    # the seeds gold has records: they are scored beside the mentions, over all five documents
    assert scores.records is not None and scores.records.docs == 5
    assert scores.records.anchors["project"].gold > 0 and scores.records.anchors["metric"].gold > 0


def test_numeric_on_dev_corpus(extractor):
    """Held-out texts of other provinces and genres (corpus/dev)."""
    gold = CORPUS / "dev" / "gold.jsonl"
    scores = evaluate(gold, CORPUS / "dev" / "raw", extractor, types=tuple(BARS))
    for t in BARS:
        assert scores[t].exact[2] >= 0.9, (t, scores[t].as_dict(), scores[t].misses, scores[t].spurious)
    assert scores.records is None  # no records annotated there: no records scores, no error


def test_seed_records_gold_scores_one_against_itself():
    """Every record shape the seeds gold uses flattens into facts, each field gives some, and
    the gold scored against itself is perfect (the scorer loses nothing on real records)."""
    gold = load_gold(CORPUS / "gold" / "seeds.jsonl")
    sc = score_records(gold, {d: g["records"] for d, g in gold.items()})
    assert sc.errors == [] and sc.overall.scores == (1.0, 1.0, 1.0)
    assert sc.indicator_lenient.tp == sc.fields[("metric", "indicator")].gold
    assert all(sc.fields[(k, f)].gold > 0 for k, fs in KIND_FIELDS.items() for f in fs)
