"""The object the pipeline components share while one document is processed."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from zhgov_extract.text.normalize import NormText


_CLAUSE_BREAKS = "，,。；;：:！？!?\n"
_CLAUSE_BREAK_RE = re.compile("[" + re.escape(_CLAUSE_BREAKS) + "]")


@dataclass(slots=True)
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
    tokenizer: Any = None  # the Extractor's tokenizer; tokens are made when a component asks
    spans: list[Span] = field(default_factory=list)
    protected: list[tuple[int, int]] = field(default_factory=list)  # 《…》 titles: no scored mention inside
    warnings: list[str] = field(default_factory=list)
    records: list[Any] = field(default_factory=list)
    _token_starts: list[int] | None = field(default=None, repr=False)
    _tokens: list[tuple[str, int, int]] | None = field(default=None, repr=False)
    _clauses: dict = field(default_factory=dict, repr=False)
    _breaks: list[int] | None = field(default=None, repr=False)  # clause-break positions, found on first use
    _clause_starts: dict = field(default_factory=dict, repr=False)  # id(clause tokens) -> (tokens, their starts)

    @property
    def tokens(self) -> list[tuple[str, int, int]] | None:
        """All (word, start, end) tokens of the normalised text, made on first use."""
        if self._tokens is None and self.tokenizer is not None:
            self._tokens = self.tokenizer.tokenize(self.text)
        return self._tokens

    def clause_tokens(self, start: int, end: int) -> list[tuple[str, int, int]]:
        """Tokens of the clause around ``[start, end)`` (between punctuation), offsets in the text.

        Components that need words only near a candidate ask for its clause, so a
        document is not segmented where nothing needs it; clauses are cached.
        """
        if self.tokenizer is None:
            return []
        if self._tokens is not None:
            k = bisect.bisect_left(self.token_starts, start)
            k = max(0, k - 1)
            return [t for t in self._tokens[k:] if t[1] < end and t[2] > start] if start < end else []
        text = self.text
        breaks = self._breaks
        if breaks is None:
            breaks = self._breaks = [m.start() for m in _CLAUSE_BREAK_RE.finditer(text)]
        # the clause: from after the last break before start, to the first break at or after end,
        # at most 64 characters each way
        k = bisect.bisect_left(breaks, start)
        a = max(0, start - 64, breaks[k - 1] + 1 if k else 0)
        k = bisect.bisect_left(breaks, end, k)
        b = min(len(text), end + 64, breaks[k] if k < len(breaks) else len(text))
        key = (a, b)
        hit = self._clauses.get(key)
        if hit is None:
            hit = [(w, a + x, a + y) for w, x, y in self.tokenizer.tokenize(text[a:b])]
            self._clauses[key] = hit
        return hit

    def tokens_in(self, start: int, end: int) -> list[tuple[str, int, int]]:
        """The tokens of the clause around ``[start, end)`` that start inside it."""
        toks = self.clause_tokens(start, end)
        if not toks:
            return toks
        starts = self._clause_starts.get(id(toks))
        if starts is None or starts[0] is not toks:
            starts = self._clause_starts[id(toks)] = (toks, [t[1] for t in toks])
        k = bisect.bisect_left(starts[1], start)
        j = bisect.bisect_left(starts[1], end, k)
        return toks[k:j]

    @property
    def token_starts(self) -> list[int]:
        if self._token_starts is None:
            self._token_starts = [t[1] for t in self.tokens or ()]
        return self._token_starts

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


def non_overlapping(items, span=lambda x: (x.start, x.end)) -> list:
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
