"""What projects and records cost: the whole Extractor against the same Extractor without them.

The two systems run alternately over the same documents in one process (turns of
--chunk documents), timed in CPU time of this process, and the figure is the median
of the per-run ratios (issue 13 asks for >= 0.8x).

    python benchmarks/records_cost.py --runs 7 --min-chars 300000
    python benchmarks/records_cost.py --profile 40   # where the whole Extractor's time goes (cProfile)

Other work on the machine slows both systems alike only when they alternate:
compare ratios, not chars/s, between runs taken at different times.
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_docs(min_chars: int) -> list[str]:
    files = sorted((ROOT / "corpus" / "raw").glob("*.txt"))
    for d in ("dev", "dev2", "dev3", "dev4", "dev5"):
        files += sorted((ROOT / "corpus" / d / "raw").glob("*.txt"))
    base = [f.read_text(encoding="utf-8-sig") for f in files]
    docs: list[str] = []
    while sum(map(len, docs)) < min_chars:
        docs.extend(base)
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--min-chars", type=int, default=300_000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--chunk", type=int, default=10, help="documents per turn of one system (default 10)")
    ap.add_argument("--clock", choices=("process", "wall"), default="process",
                    help="process CPU time (default: what other processes on the machine take is not counted) or wall")
    ap.add_argument("--profile", type=int, metavar="N", default=0,
                    help="instead of timing, profile the whole Extractor once over the mix and print the top N")
    args = ap.parse_args()
    from zhgov_extract import Extractor

    docs = load_docs(args.min_chars)
    if args.profile:
        profile(Extractor(), docs, args.profile)
        return
    n = sum(map(len, docs))
    full = Extractor()
    base = Extractor(disable=["projects", "records"])
    for ex in (full, base):
        [ex(d) for d in docs[:20]]  # warm-up: dictionaries, caches
    clock = time.process_time if args.clock == "process" else time.perf_counter
    ratios, t_full, t_base = [], [], []
    for i in range(args.runs):
        times = {id(full): 0.0, id(base): 0.0}
        for j in range(0, len(docs), args.chunk):  # both systems on each chunk: load elsewhere hits both
            order = (full, base) if (i + j // args.chunk) % 2 == 0 else (base, full)
            for ex in order:
                t = clock()
                for d in docs[j:j + args.chunk]:
                    ex(d)
                times[id(ex)] += clock() - t
        t_full.append(times[id(full)])
        t_base.append(times[id(base)])
        ratios.append(times[id(base)] / times[id(full)])
    print(f"corpus: {n:,} characters, {len(docs)} documents, {args.runs} runs alternating every "
          f"{args.chunk} documents, {args.clock} time")
    print(f"with projects and records:    {n / statistics.median(t_full):>12,.0f} chars/s")
    print(f"without projects and records: {n / statistics.median(t_base):>12,.0f} chars/s")
    print(f"speed with / without (median of per-run ratios): {statistics.median(ratios):.2f}x (target >= 0.8x)")


def profile(ex, docs: list[str], top: int) -> None:
    """cProfile over the mix (after a warm-up), sorted by cumulative and by own time."""
    import cProfile
    import pstats

    [ex(d) for d in docs[:20]]
    pr = cProfile.Profile()
    pr.enable()
    for d in docs:
        ex(d)
    pr.disable()
    for key in ("cumulative", "tottime"):
        pstats.Stats(pr).strip_dirs().sort_stats(key).print_stats(top)


if __name__ == "__main__":
    main()
