"""How fast could the numeric taggers be in CPython?  The parts no Python rewrite removes.

    python benchmarks/floor.py [--min-chars 1000000] [--runs 5]

On the same text as ``throughput.py`` (and with JioNLP measured in the same
run), this times the work the numeric-only path cannot avoid as long as its
patterns are data (``rules/*.yaml`` compiled by ``regex``/``re``) and its
output is the published pydantic ``Report``:

1. scans: every shipped pattern run once over the text by the regex engine,
   with nothing done per match (number candidates, the six date patterns,
   titles, document numbers, sentences, width folding);
2. objects: building the pydantic mentions, norms and sentences that the
   numeric-only pipeline returns for this text (the cheapest way the library
   knows: ``models.builder``, no validation), with the garbage collector off;
3. a minimal candidate loop: per number candidate, one unit match and one
   value string, which is less than the taggers must do (qualifiers, ranges,
   coordination, labels, dates, offsets).

It prints their sum beside the time budget that ``numeric-only >= 3x JioNLP``
leaves.  If the floor alone is over the budget, no pure-Python tagger with
these rules and this output can meet that target.
"""
from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import load_docs  # noqa: E402

from zhgov_extract import Extractor  # noqa: E402
from zhgov_extract.taggers.dates import DateTagger  # noqa: E402
from zhgov_extract.models import MENTION_CLASSES, DateNorm, MoneyNorm, PercentNorm, QuantityNorm, Sentence, builder  # noqa: E402
from zhgov_extract.taggers.numeric import NumericRules  # noqa: E402
from zhgov_extract.text.normalize import _FW_RUN, _SENTENCE, normalize  # noqa: E402


def median_time(fn, runs: int) -> float:
    fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--min-chars", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    docs = load_docs(args.min_chars)
    n_chars = sum(map(len, docs))
    norms = [normalize(d).text for d in docs]
    rules = NumericRules.load()
    dates = DateTagger()

    def scans():
        for d, t in zip(docs, norms):
            for _ in _FW_RUN.finditer(d):
                pass
            for pat in (rules.number_re, rules.title_re, rules.docno_re, _SENTENCE, *(p for _, p in dates.patterns)):
                for _ in pat.finditer(t):
                    pass

    # the objects the numeric-only pipeline returns for this text
    ex = Extractor(components=["documents", "dates", "numeric"], tokenizer=None)
    reports = [ex(d) for d in docs]
    norm_cls = {"money": MoneyNorm, "percent": PercentNorm, "quantity": QuantityNorm, "date": DateNorm}
    items = [(builder(MENTION_CLASSES[m.type]), m.model_dump(exclude={"norm"}),
              builder(norm_cls[m.type]) if m.type in norm_cls else None, m.norm.model_dump() if m.norm else None)
             for r in reports for m in r.mentions]
    sents = [(s.start, s.end) for r in reports for s in r.sentences]
    del reports

    def objects():
        # the collector is off here, so this part is a lower bound (the pipeline pauses it per document only)
        gc.disable()
        try:
            out = []
            for make, fields, make_norm, norm in items:
                fields = dict(fields)
                fields["norm"] = make_norm(dict(norm)) if make_norm is not None else norm
                out.append(make(fields))
            make_sentence = builder(Sentence)
            out += [make_sentence({"start": a, "end": b}) for a, b in sents]
            return out
        finally:
            gc.enable()

    cr, qr = rules.currency_re, rules.quantity_re

    def minimal_loop():
        out = []
        for t in norms:
            for m in rules.number_re.finditer(t):
                ar = m.group("ar")
                e = m.end()
                u = cr.match(t, e) or qr.match(t, e)
                out.append(("money", m.start(), u.end() if u else e,
                            {"value": ar.replace(",", "") if ar else None, "qualifier": "exact"}))
        return out

    def jionlp_money():
        import jionlp

        out = []
        for d in docs:
            for line in d.split("\n"):
                if line.strip():
                    out.append(jionlp.ner.extract_money(line))
        return out

    t_scan = median_time(scans, args.runs)
    t_obj = median_time(objects, args.runs)
    t_loop = median_time(minimal_loop, args.runs)
    try:
        t_jio = median_time(jionlp_money, args.runs)
    except ImportError:
        raise SystemExit("pip install '.[bench]' (JioNLP) to compare")
    t_full = median_time(lambda: [ex(d) for d in docs], args.runs)
    budget = n_chars / (3 * n_chars / t_jio)
    floor = t_scan + t_obj + t_loop
    print(f"corpus: {n_chars:,} characters, {len(docs)} documents; median of {args.runs} runs")
    print(f"{'part':<52} {'seconds':>8} {'chars/s':>12}")
    rows = [("1. regex-engine scans of the shipped patterns", t_scan),
            (f"2. pydantic objects returned ({len(items):,} mentions, {len(sents):,} sentences)", t_obj),
            ("3. minimal per-candidate loop (one unit match)", t_loop),
            ("floor = 1 + 2 + 3", floor),
            ("numeric-only Extractor as shipped", t_full),
            ("JioNLP extract_money per line (reference)", t_jio),
            ("budget for numeric-only >= 3x JioNLP", budget)]
    for name, t in rows:
        print(f"{name:<52} {t:>8.3f} {n_chars / t:>12,.0f}")
    verdict = "above" if floor > budget else "below"
    print(f"\nthe floor is {floor / budget:.2f}x the 3x budget ({verdict} it); "
          f"the shipped path is {t_jio / t_full:.2f}x JioNLP")


if __name__ == "__main__":
    main()
