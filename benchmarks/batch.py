#!/usr/bin/env python3
"""Batch throughput and memory (run by hand; not part of the test suite).

    python benchmarks/batch.py                       # 1,000 files, 1 and 2 workers; RSS for 1,000 and 5,000
    python benchmarks/batch.py --files 2000 --workers 1 2 4 --rss 1000 5000 20000
    python benchmarks/batch.py --tokenizer none      # the fast configuration the tests use

The corpus is tests/batch_corpus.py's: reports cut from the seed texts in every
format (txt/md in UTF-8, BOM and GB18030; docx; pdf; html), plus 20 broken files.
Each configuration runs ``zhgov-extract batch`` as a subprocess into a fresh
SQLite database, exactly as a user would; the summary's documents/s and
characters/s count documents loaded over the whole run (worker start-up
included).  While it runs, the resident memory of the whole process tree
(parent + forkserver + workers) is sampled every 0.1 s — the parent's RSS,
and the tree's PSS (shared pages such as the Extractor the workers inherit from
the forkserver counted once) — ``peak`` is the maximum, and the per-quarter
maxima show whether memory grows with the number of files.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from batch_corpus import MAX_BYTES, make_corpus  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")


def _tree(pid: int) -> list[int]:
    out, todo = [pid], [pid]
    while todo:
        p = todo.pop()
        try:
            kids = [int(k) for k in Path(f"/proc/{p}/task/{p}/children").read_text().split()]
        except OSError:
            continue
        out += kids
        todo += kids
    return out


def _rss(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    except OSError:
        return 0


def _pss(pid: int) -> int:
    """Proportional set size: shared pages (the forkserver's Extractor, copy-on-write) counted once overall."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return _rss(pid)


TICK = os.sysconf("SC_CLK_TCK")


def _cpu(pid: int) -> float:
    """utime + stime of a process, in seconds."""
    try:
        f = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(f[11]) + int(f[12])) / TICK
    except (OSError, IndexError, ValueError):
        return 0.0


def run(corpus_root: Path, db: Path, workers: int, tokenizer: str) -> dict:
    cmd = [sys.executable, "-m", "zhgov_extract.cli", "batch", str(corpus_root), "--db", f"sqlite:///{db}",
           "--workers", str(workers), "--tokenizer", tokenizer, "--max-bytes", str(MAX_BYTES), "--json",
           "--no-progress"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    samples = []   # (t, parent rss, tree rss)
    cpu: dict[int, float] = {}   # pid → CPU seconds last seen
    while proc.poll() is None:
        pids = _tree(proc.pid)
        samples.append((time.perf_counter() - t0, _rss(proc.pid), sum(_pss(p) for p in pids)))
        for p in pids:
            cpu[p] = max(cpu.get(p, 0.0), _cpu(p))
        time.sleep(0.1)
    out, err = proc.communicate()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"batch failed ({proc.returncode}):\n{err}")
    s = json.loads(out)
    wall = time.perf_counter() - t0
    quarters, pquarters = [], []
    if samples:
        end = samples[-1][0] or 1
        for q in range(4):
            qs = [(p, tr) for t, p, tr in samples if q * end / 4 <= t <= (q + 1) * end / 4]
            quarters.append(max((tr for _, tr in qs), default=0))
            pquarters.append(max((p for p, _ in qs), default=0))
    steady = s["seconds"] - s["startup_seconds"]
    return {"workers": workers, "loaded": s["loaded"], "errors": s["errors"], "seconds": s["seconds"],
            "startup": s["startup_seconds"], "steady_docs_per_s": s["loaded"] / steady if steady > 0 else 0.0,
            "steady_chars_per_s": s["chars"] / steady if steady > 0 else 0.0,
            "wall": wall, "docs_per_s": s["docs_per_s"], "chars_per_s": s["chars_per_s"],
            "cpu": sum(cpu.values()), "cpu_parent": cpu.get(proc.pid, 0.0),
            "peak_parent": max((p for _, p, _ in samples), default=0),
            "peak_tree": max((t for _, _, t in samples), default=0), "quarters": quarters,
            "pquarters": pquarters}


def _spin(seconds: float) -> int:
    t, n, x = time.perf_counter(), 0, 0
    while time.perf_counter() - t < seconds:
        for i in range(20000):
            x += i * i
        n += 1
    return n


def parallel_ceiling(procs: int, seconds: float = 4.0) -> float:
    """How much faster ``procs`` processes of pure Python run than one, on this machine, right now.

    On a shared or virtual machine this is often well under ``procs``; no batch can beat it."""
    import multiprocessing as mp

    one = _spin(seconds)
    with mp.get_context("spawn").Pool(procs) as pool:
        many = sum(pool.map(_spin, [seconds] * procs))
    return many / one


def workload_ceiling(corpus_root: Path, work: Path, tokenizer: str) -> float:
    """Documents/s of two *independent* 1-worker batches run at the same time, added up: what two
    cores give this workload when nothing at all is shared or coordinated."""
    from concurrent.futures import ThreadPoolExecutor

    dbs = [work / f"ceiling{i}.db" for i in range(2)]
    for db in dbs:
        for f in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
            f.unlink(missing_ok=True)
    with ThreadPoolExecutor(2) as ex:
        runs = list(ex.map(lambda db: run(corpus_root, db, 1, tokenizer), dbs))
    return sum(r["docs_per_s"] for r in runs)


def mib(n: int) -> str:
    return f"{n / 2**20:.0f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=1000, help="files for the speed runs (default 1000)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--rss", type=int, nargs="*", default=[1000, 5000], help="corpus sizes for the memory runs")
    ap.add_argument("--rss-workers", type=int, default=2)
    ap.add_argument("--tokenizer", default="jieba", choices=("jieba", "rjieba", "auto", "none"))
    ap.add_argument("--keep", type=Path, help="keep corpora and databases here")
    ap.add_argument("--no-workload-ceiling", dest="workload_ceiling", action="store_false",
                    help="skip running two independent 1-worker batches at once")
    args = ap.parse_args(argv)
    print(f"cores: {os.cpu_count()}  tokenizer: {args.tokenizer}  python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        corpora: dict[int, Path] = {}

        def corpus(n: int) -> Path:
            root = work / f"corpus{n}"
            if n not in corpora and (root / ".complete").exists():    # kept from an earlier --keep run
                corpora[n] = root
            if n not in corpora:
                t = time.perf_counter()
                c = make_corpus(root, n)
                (root / ".complete").touch()
                print(f"generated {c.n_files} files ({n} readable + 20 broken) in {time.perf_counter() - t:.1f} s")
                corpora[n] = c.root
            return corpora[n]

        print(f"\n== speed: {args.files} readable files, runs in ABBA order ==")
        ceiling = parallel_ceiling(max(args.workers))
        print(f"machine's parallel ceiling now: {max(args.workers)} processes of pure Python run "
              f"{ceiling:.2f}x one")
        print(f"{'workers':>7} {'loaded':>6} {'seconds':>8} {'start-up':>8} {'docs/s':>8} {'chars/s':>10} "
              f"{'steady docs/s':>13} {'CPU s (parent)':>15} {'cores busy':>10} {'peak MiB (parent RSS/tree PSS)':>31}")
        best: dict[int, dict] = {}
        order = list(args.workers) + list(reversed(args.workers))
        for k, w in enumerate(order):
            db = work / f"speed_{args.files}_{w}.db"
            for f in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
                f.unlink(missing_ok=True)
            r = run(corpus(args.files), db, w, args.tokenizer)
            if w not in best or r["docs_per_s"] > best[w]["docs_per_s"]:
                best[w] = r
            print(f"{w:>7} {r['loaded']:>6} {r['seconds']:>8.1f} {r['startup']:>8.1f} {r['docs_per_s']:>8.1f} "
                  f"{r['chars_per_s']:>10,.0f} {r['steady_docs_per_s']:>13.1f} {r['cpu']:>8.1f} ({r['cpu_parent']:.1f}) "
                  f"{r['cpu'] / r['wall']:>10.2f} {mib(r['peak_parent']):>13}/{mib(r['peak_tree'])}")
        ceiling2 = parallel_ceiling(max(args.workers))
        base = best[min(args.workers)]
        print(f"machine's parallel ceiling after: {ceiling2:.2f}x")
        if args.workload_ceiling and 2 in args.workers:
            both = workload_ceiling(corpus(args.files), work, args.tokenizer)
            print(f"two independent 1-worker batches at once: {both:.1f} docs/s together = "
                  f"{both / base['docs_per_s']:.2f}x the best 1-worker run (this workload's own ceiling on 2 cores)")
        print("best of each:")
        for w in args.workers:
            r = best[w]
            print(f"  {w} worker(s): {r['docs_per_s']:.1f} docs/s, {r['chars_per_s']:,.0f} chars/s, "
                  f"{r['docs_per_s'] / base['docs_per_s']:.2f}x whole run; steady state (after the "
                  f"{r['startup']:.1f} s start-up) {r['steady_docs_per_s']:.1f} docs/s, "
                  f"{r['steady_chars_per_s']:,.0f} chars/s, "
                  f"{r['steady_docs_per_s'] / base['steady_docs_per_s']:.2f}x")
        if args.rss:
            print(f"\n== memory: {args.rss_workers} workers ==")
            print(f"{'files':>7} {'seconds':>8} {'docs/s':>8} {'peak parent RSS':>16} {'peak tree PSS':>14} "
                  f"{'max per quarter of the run, MiB: parent RSS | tree PSS':>56}")
            for n in args.rss:
                db = work / f"rss_{n}.db"
                for f in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
                    f.unlink(missing_ok=True)
                r = run(corpus(n), db, args.rss_workers, args.tokenizer)
                qs = " ".join(mib(q) for q in r["pquarters"]) + " | " + " ".join(mib(q) for q in r["quarters"])
                print(f"{n:>7} {r['seconds']:>8.1f} {r['docs_per_s']:>8.1f} {mib(r['peak_parent']):>16} "
                      f"{mib(r['peak_tree']):>14} {qs:>56}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
