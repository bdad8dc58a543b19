"""Interval helpers every stage shares: merge overlapping ranges, keep the
longest non-overlapping items, find whether a position is covered."""
from __future__ import annotations

import bisect
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")


def merge_intervals(ranges: Iterable[tuple[int, int]], touching: bool = False) -> list[tuple[int, int]]:
    """Sorted, overlapping ranges merged into one (``touching``: also ranges that only meet)."""
    merged: list[list[int]] = []
    for a, b in sorted(ranges):
        if b <= a:
            continue
        if merged and (a <= merged[-1][1] if touching else a < merged[-1][1]):
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


def non_overlapping(items: Iterable[T], span: Callable[[T], tuple[int, int]] = lambda x: (x.start, x.end)) -> list[T]:
    """Keep, in the given (priority) order, each item that overlaps none kept before it."""
    starts: list[int] = []
    ends: list[int] = []
    out = []
    for it in items:
        a, b = span(it)
        k = bisect.bisect_right(starts, a)
        if (k > 0 and ends[k - 1] > a) or (k < len(starts) and starts[k] < b):
            continue
        starts.insert(k, a)
        ends.insert(k, b)
        out.append(it)
    return out


def longest_first(items: Iterable[T], span: Callable[[T], tuple[int, int]] = lambda x: (x.start, x.end),
                  tiebreak: Callable[[T], object] = lambda x: 0) -> list[T]:
    """Longest non-overlapping items (ties: ``tiebreak``, then leftmost), returned in text order."""
    def key(it):
        a, b = span(it)
        return (a - b, tiebreak(it), a)
    return sorted(non_overlapping(sorted(items, key=key), span), key=lambda it: span(it)[0])


class Coverage:
    """Which positions a set of ranges covers, answered by bisection."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        self.ranges = merge_intervals(ranges, touching=True)
        self._starts = [a for a, _ in self.ranges]

    def covers(self, a: int, b: int) -> bool:
        """Is ``[a, b)`` inside one of the ranges?"""
        k = bisect.bisect_right(self._starts, a) - 1
        return k >= 0 and b <= self.ranges[k][1]


def longest_words(words: Iterable[str]) -> list[str]:
    """Distinct words, longest first (the order an alternation must try them)."""
    return sorted(set(words), key=len, reverse=True)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first (so 有限公司 wins over 公司)."""
    import regex

    return "|".join(regex.escape(w) for w in longest_words(words))
