"""The accuracy bar on the seeds gold, measured with the same scorer as `zhgov-extract eval`."""
from __future__ import annotations

from conftest import CORPUS
from zhgov_extract.evaluate import evaluate

BARS = {"money": 0.97, "percent": 0.97, "quantity": 0.93}


def test_numeric_bars_on_seeds(extractor):
    scores = evaluate(CORPUS / "gold" / "seeds.jsonl", CORPUS / "raw", extractor, types=tuple(BARS))
    for t, bar in BARS.items():
        s = scores[t]
        assert s.exact[2] >= bar, (t, s.as_dict(), s.misses[:10], s.spurious[:10])
        assert s.norm_accuracy is not None and s.norm_accuracy >= 0.99, (t, s.norm_errors[:10])


def test_numeric_on_dev_corpus(extractor):
    """Held-out texts of other provinces and genres (corpus/dev)."""
    gold = CORPUS / "dev" / "gold.jsonl"
    scores = evaluate(gold, CORPUS / "dev" / "raw", extractor, types=tuple(BARS))
    for t in BARS:
        assert scores[t].exact[2] >= 0.9, (t, scores[t].as_dict(), scores[t].misses, scores[t].spurious)
