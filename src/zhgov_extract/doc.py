"""The object the pipeline components share while one document is processed."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from .textlayer import NormText


@dataclass
class Span:
    """A candidate mention in *normalised* coordinates (mapped to the source at the end)."""

    type: str
    start: int
    end: int
    norm: Any = None
    source: str = ""  # which component or rule produced it, for debugging

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


@dataclass
class Doc:
    source: str
    norm: NormText
    doc_id: str | None = None
    tokens: list[tuple[str, int, int]] | None = None  # (word, start, end) in normalised text
    spans: list[Span] = field(default_factory=list)
    protected: list[tuple[int, int]] = field(default_factory=list)  # 《…》 titles: no scored mention inside
    warnings: list[str] = field(default_factory=list)
    records: list[Any] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.norm.text

    def in_protected(self, start: int, end: int) -> bool:
        """True if ``[start, end)`` lies inside a blocked range (a title, a date)."""
        k = bisect.bisect_right(self._protected_starts, start) - 1
        return k >= 0 and end <= self.protected[k][1]

    def set_protected(self, ranges: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for a, b in sorted(ranges):
            if merged and a < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.protected = [(a, b) for a, b in merged]
        self._protected_starts = [a for a, _ in self.protected]

    def block(self, ranges: list[tuple[int, int]]) -> None:
        """Add ranges inside which no numeric mention may start (titles, dates)."""
        self.set_protected(self.protected + list(ranges))

    def of_type(self, *types: str) -> list[Span]:
        return [s for s in self.spans if s.type in types]
