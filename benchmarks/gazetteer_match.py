"""Multi-pattern matching options for the gazetteers, measured on the benchmark corpus.

    pip install ".[bench]" pyahocorasick
    python benchmarks/gazetteer_match.py

Prints, for the region list and the enterprise list, the seconds each matcher
takes over the corpus repeated to 1 M characters and the number of
leftmost-longest matches (which must agree).
"""
from __future__ import annotations

import time

import regex

from throughput import load_docs
from zhgov_extract.link.gazetteer import EnterpriseGazetteer, RegionGazetteer
from zhgov_extract.text.normalize import normalize


def main() -> None:
    docs = [normalize(d).text for d in load_docs(1_000_000)]
    for gaz in (RegionGazetteer(), EnterpriseGazetteer()):
        names = sorted(gaz.by_name, key=len, reverse=True)
        print(f"{type(gaz).__name__}: {len(names)} names, {sum(map(len, docs)):,} characters")
        import ahocorasick_rs

        ac = ahocorasick_rs.AhoCorasick(names, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
        t = time.perf_counter()
        n = sum(len(ac.find_matches_as_indexes(d)) for d in docs)
        print(f"  ahocorasick-rs (leftmost-longest)  {time.perf_counter() - t:7.3f} s  {n} matches")
        try:
            import ahocorasick

            A = ahocorasick.Automaton()
            for w in names:
                A.add_word(w, w)
            A.make_automaton()
            t = time.perf_counter()
            n = sum(1 for d in docs for _ in A.iter_long(d))
            print(f"  pyahocorasick iter_long            {time.perf_counter() - t:7.3f} s  {n} matches")
        except ImportError:
            print("  pyahocorasick: not installed")
        rx = regex.compile("|".join(regex.escape(w) for w in names))
        t = time.perf_counter()
        n = sum(1 for d in docs for _ in rx.finditer(d))
        print(f"  regex alternation                  {time.perf_counter() - t:7.3f} s  {n} matches")


if __name__ == "__main__":
    main()
