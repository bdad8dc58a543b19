"""Enterprise scores and speed on the seeds and the dev sets, for one pipeline configuration.

Used to measure the listed-company gazetteer and the optional LAC component
(docs/accuracy.md, "LAC as an option")::

    python benchmarks/enterprise_sets.py                       # default components
    python benchmarks/enterprise_sets.py --add lac_orgs         # + LAC on every sentence
    python benchmarks/enterprise_sets.py --add lac_orgs --lac-scope cued
    python benchmarks/enterprise_sets.py --no-listed            # without gazetteers/listed_companies.tsv

Speed is characters of document text per second of extraction, after a warm-up
document (loading the models is not counted).  The blind sets dev6–dev8 are
never read.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = [("seeds", "corpus/gold/seeds.jsonl", "corpus/raw")] + [
    (f"dev{n}", f"corpus/dev{n}/gold.jsonl", f"corpus/dev{n}/raw") for n in ("", "2", "3", "4", "5")]


def run(components: list[str] | None, listed: bool, lac_scope: str | None) -> dict:
    from zhgov_extract.evaluate import load_gold, score
    from zhgov_extract.link import gazetteer
    from zhgov_extract.pipeline import DEFAULT_COMPONENTS, Extractor
    from zhgov_extract.read.encoding import read_text

    if not listed:
        gazetteer.ENTERPRISE_FILES = gazetteer.CURATED_FILES
    if lac_scope:
        from zhgov_extract.taggers import lac_orgs
        lac_orgs.DEFAULT_SCOPE = lac_scope
    from zhgov_extract.registry import registered_components

    known = set(registered_components())  # a default another change has not registered yet is left out
    ex = Extractor(components=[*(c for c in DEFAULT_COMPONENTS if c in known), *(components or [])])
    out = {}
    total_chars, total_time = 0, 0.0
    for name, gold_path, docs in SETS:
        gold = load_gold(ROOT / gold_path)
        texts = {d: read_text(ROOT / docs / f"{d}.txt").text for d in gold}
        ex(next(iter(texts.values())))  # warm-up: lazy loads are not timed
        preds = {}
        t0 = time.perf_counter()
        for d, text in texts.items():
            preds[d] = [m.model_dump() for m in ex(text, doc_id=d).mentions]
        dt = time.perf_counter() - t0
        chars = sum(len(t) for t in texts.values())
        total_chars += chars
        total_time += dt
        s = score(gold, preds, ["enterprise"])["enterprise"].as_dict()
        out[name] = {"exact": s["exact"], "lenient": s["lenient"], "canonical": s["norm_accuracy"],
                     "gold": s["gold"], "pred": s["pred"], "chars_per_s": round(chars / dt)}
    out["all"] = {"chars_per_s": round(total_chars / total_time)}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--add", action="append", default=[], help="component to run after the defaults")
    ap.add_argument("--no-listed", action="store_true", help="leave gazetteers/listed_companies.tsv out")
    ap.add_argument("--lac-scope", choices=["all", "cued"], help="sentences LAC reads (lac_orgs)")
    args = ap.parse_args()
    res = run(args.add, not args.no_listed, args.lac_scope)
    for name, r in res.items():
        if name == "all":
            print(f"{'all':6s} {r['chars_per_s']:>8} chars/s")
            continue
        print(f"{name:6s} exact P {r['exact']['p']:.3f} R {r['exact']['r']:.3f} F1 {r['exact']['f1']:.3f}  "
              f"lenient F1 {r['lenient']['f1']:.3f}  canonical {r['canonical']}  "
              f"gold {r['gold']} pred {r['pred']}  {r['chars_per_s']} chars/s")
    print(json.dumps(res))


if __name__ == "__main__":
    main()
