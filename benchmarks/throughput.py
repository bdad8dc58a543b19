"""Throughput of zhgov_extract beside its peers, all in one run.

    pip install ".[bench]"
    python benchmarks/throughput.py [--min-chars 1000000] [--runs 5]

The corpus (``corpus/raw`` and ``corpus/dev/raw``) is repeated until it has at
least ``--min-chars`` characters.  Every system runs in its own subprocess (so
its peak RSS is its own) over the same text; the figure is the median
characters/second of ``--runs`` timed passes after one warm-up pass.

Systems:
  numeric-only        zhgov_extract numeric taggers (dates, titles, money/percent/quantity), no tokenizer
  extractor-jieba     the whole default Extractor, jieba backend
  extractor-rjieba    the whole default Extractor, rjieba backend
  extractor-rjieba-no-enterprise  the same without the enterprise stage (its cost is the difference)
  jionlp-money        jionlp.ner.extract_money per line (money only; the reference)
  jieba-cut           jieba.lcut per document
  spacy-zh-jieba      spacy.blank("zh") with the jieba segmenter, nlp.pipe
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SYSTEMS = ["numeric-only", "extractor-rjieba-no-enterprise", "extractor-jieba", "extractor-rjieba",
           "jionlp-money", "jieba-cut", "spacy-zh-jieba"]


def load_docs(min_chars: int) -> list[str]:
    files = sorted((ROOT / "corpus" / "raw").glob("*.txt")) + sorted((ROOT / "corpus" / "dev" / "raw").glob("*.txt"))
    base = [f.read_text(encoding="utf-8-sig") for f in files]
    docs: list[str] = []
    while sum(map(len, docs)) < min_chars:
        docs.extend(base)
    return docs


def make_runner(name: str):
    if name.startswith(("numeric-only", "extractor-")):
        from zhgov_extract import Extractor

        if name == "numeric-only":
            ex = Extractor(components=["documents", "dates", "numeric"], tokenizer=None)
        elif name == "extractor-rjieba-no-enterprise":
            ex = Extractor(components=["documents", "dates", "numeric"], tokenizer="rjieba")
        else:
            ex = Extractor(tokenizer=name.split("-")[1])
        return lambda docs: [ex(d) for d in docs]
    if name == "jionlp-money":
        import jionlp

        def run(docs):
            out = []
            for d in docs:
                for line in d.split("\n"):
                    if line.strip():
                        out.append(jionlp.ner.extract_money(line))
            return out

        return run
    if name == "jieba-cut":
        import jieba

        tok = jieba.Tokenizer()
        tok.initialize()
        return lambda docs: [tok.lcut(d) for d in docs]
    if name == "spacy-zh-jieba":
        import spacy

        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
        return lambda docs: list(nlp.pipe(docs, batch_size=64))
    raise SystemExit(f"unknown system {name}")


def measure(name: str, min_chars: int, runs: int) -> dict:
    docs = load_docs(min_chars)
    n_chars = sum(map(len, docs))
    t0 = time.perf_counter()
    run = make_runner(name)
    load_s = time.perf_counter() - t0
    run(docs[: max(1, len(docs) // 10)])  # warm-up
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        run(docs)
        times.append(time.perf_counter() - t)
    med = statistics.median(times)
    return {"system": name, "chars": n_chars, "docs": len(docs), "median_s": round(med, 3),
            "chars_per_s": round(n_chars / med), "load_s": round(load_s, 2),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--min-chars", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--only", choices=SYSTEMS, help=argparse.SUPPRESS)
    ap.add_argument("--systems", default=",".join(SYSTEMS))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if args.only:
        print(json.dumps(measure(args.only, args.min_chars, args.runs)))
        return
    results = []
    for name in args.systems.split(","):
        p = subprocess.run([sys.executable, __file__, "--only", name, "--min-chars", str(args.min_chars),
                            "--runs", str(args.runs)], capture_output=True, text=True)
        if p.returncode != 0:
            results.append({"system": name, "error": (p.stderr.strip().splitlines() or ["failed"])[-1]})
            continue
        results.append(json.loads(p.stdout.strip().splitlines()[-1]))
    if args.json:
        print(json.dumps(results, indent=2))
        return
    by = {r["system"]: r for r in results if "chars_per_s" in r}
    print(f"{'system':<31} {'chars/s':>12} {'median s':>9} {'load s':>7} {'peak RSS MB':>11}")
    for r in results:
        if "error" in r:
            print(f"{r['system']:<31} error: {r['error']}")
        else:
            print(f"{r['system']:<31} {r['chars_per_s']:>12,} {r['median_s']:>9} {r['load_s']:>7} {r['peak_rss_mb']:>11}")
    chars = next(iter(by.values()))["chars"] if by else 0
    print(f"\ncorpus: {chars:,} characters; median of {args.runs} runs")

    def ratio(a, b, target):
        if a in by and b in by:
            x = by[a]["chars_per_s"] / by[b]["chars_per_s"]
            print(f"{a} / {b}: {x:.2f}x (target >= {target}x) {'OK' if x >= target else 'BELOW TARGET'}")

    ratio("numeric-only", "jionlp-money", 3.0)
    ratio("extractor-rjieba", "jionlp-money", 1.0)
    ratio("extractor-jieba", "spacy-zh-jieba", 1.0)


if __name__ == "__main__":
    main()
