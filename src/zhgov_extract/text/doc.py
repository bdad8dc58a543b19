"""The object the pipeline components share while one document is processed."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from zhgov_extract.text.normalize import NormText
from zhgov_extract.text.spans import merge_intervals, non_overlapping  # noqa: F401  (non_overlapping: re-exported)


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
    _clauses: dict = field(default_factory=dict, repr=False)  # (start, end) of a clause -> (tokens, their starts)
    _breaks: list[int] | None = field(default=None, repr=False)  # clause-break positions, found on first use

    @property
    def tokens(self) -> list[tuple[str, int, int]] | None:
        """All (word, start, end) tokens of the normalised text, made on first use."""
        if self._tokens is None and self.tokenizer is not None:
            self._tokens = self.tokenizer.tokenize(self.text)
        return self._tokens

    def _clause(self, start: int, end: int) -> tuple[list[tuple[str, int, int]], list[int]]:
        """(tokens, their starts) of the clause around ``[start, end)``, tokenised once per document.

        A clause runs between punctuation; however many candidates it holds, it is
        segmented once (a 100 k-character run without punctuation costs one pass).
        """
        if self._tokens is not None:
            return self._tokens, self.token_starts
        text = self.text
        breaks = self._breaks
        if breaks is None:
            breaks = self._breaks = [m.start() for m in _CLAUSE_BREAK_RE.finditer(text)]
        k = bisect.bisect_left(breaks, start)
        a = breaks[k - 1] + 1 if k else 0
        k = bisect.bisect_left(breaks, max(start, end - 1), k)
        b = breaks[k] if k < len(breaks) else len(text)
        hit = self._clauses.get((a, b))
        if hit is None:
            toks = [(w, a + x, a + y) for w, x, y in self.tokenizer.tokenize(text[a:b])]
            hit = self._clauses[(a, b)] = (toks, [t[1] for t in toks])
        return hit

    def clause_tokens(self, start: int, end: int) -> list[tuple[str, int, int]]:
        """Tokens that overlap ``[start, end)``, from the segmentation of their clause.

        Components that need words only near a candidate ask for them here, so a
        document is not segmented where nothing needs it.
        """
        if self.tokenizer is None or start >= end:
            return []
        toks, starts = self._clause(start, end)
        k = max(0, bisect.bisect_right(starts, start) - 1)
        j = bisect.bisect_left(starts, end, k)
        if k < j and toks[k][2] <= start:
            k += 1
        return toks[k:j]

    def words_before(self, end: int, limit: int) -> list[tuple[str, int, int]]:
        """The clause's tokens that start in ``[end - limit, end)``: what a name ending at ``end`` may hold."""
        if self.tokenizer is None or end <= 0:
            return []
        toks, starts = self._clause(end - 1, end)
        k = bisect.bisect_left(starts, end - limit)
        return toks[k:bisect.bisect_left(starts, end, k)]

    def words_after(self, start: int, limit: int) -> list[tuple[str, int, int]]:
        """The clause's tokens that start in ``[start, start + limit)``."""
        if self.tokenizer is None or start >= len(self.text):
            return []
        toks, starts = self._clause(start, start + 1)
        k = bisect.bisect_left(starts, start)
        return toks[k:bisect.bisect_left(starts, start + limit, k)]

    def tokens_in(self, start: int, end: int) -> list[tuple[str, int, int]]:
        """The tokens of the clause around ``[start, end)`` that start inside it."""
        if self.tokenizer is None or start >= end:
            return []
        toks, starts = self._clause(start, end)
        k = bisect.bisect_left(starts, start)
        return toks[k:bisect.bisect_left(starts, end, k)]

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
        self.protected = merge_intervals(ranges)
        self._protected_starts = [a for a, _ in self.protected]

    def block(self, ranges: list[tuple[int, int]]) -> None:
        """Add ranges inside which no numeric mention may start (titles, dates)."""
        self.set_protected(self.protected + list(ranges))

    def of_type(self, *types: str) -> list[Span]:
        return [s for s in self.spans if s.type in types]
