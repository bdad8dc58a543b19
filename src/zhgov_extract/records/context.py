"""What record linking needs to know about one document, built once per call.

Sentences, clauses and paragraphs of the normalised text; the spans of each
type in order; headings mapped into normalised offsets; the document's own
region (the one its region mentions name most).  Nothing here is kept between
documents: the records component makes a fresh context per call.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from zhgov_extract.text.doc import Doc, Span

_SENTENCE_BREAK = re.compile(r"[。！？!?；;\n]")
_CLAUSE_BREAK = re.compile(r"[，,。！？!?；;：:\n]")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?=\s*[-*•◆◇●○■□▪▶►·#])")
_NAMES = ("enterprise", "organization", "document")  # a mask of these says at once that no name holds a span
_LEVEL_RANK = {"province": 1, "prefecture": 2, "county": 3}
_FULL_DATE = re.compile(r"((?:19|20)\d\d)\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}")
_RELATIVE_YEAR = re.compile(r"今年|本年|年内|去年|上一年|上年(?!度)|全年")
_BULLET = re.compile(r"\s*(?:[-*•◆◇●○■□▪▶►·]|\d{1,3}[.．、]|[（(]\d{1,3}[)）])")


@dataclass(frozen=True)
class HeadingInfo:
    start: int  # normalised offsets
    end: int
    level: int
    text: str


def _bounds(pattern: re.Pattern, text: str) -> list[int]:
    return [m.start() for m in pattern.finditer(text)]


class DocContext:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = text = doc.text
        self._sent = _bounds(_SENTENCE_BREAK, text)
        self._clause = _bounds(_CLAUSE_BREAK, text)
        self._para = [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
        self.by_type: dict[str, list[Span]] = {}
        for s in sorted(doc.spans, key=lambda s: (s.start, -s.end)):
            self.by_type.setdefault(s.type, []).append(s)
        self._starts = {t: [s.start for s in ss] for t, ss in self.by_type.items()}
        self._masks: dict[tuple[str, ...], bytearray] = {}
        self.headings = self._map_headings()
        self.region = self._own_region()
        self.year = self._own_year()
        self._titles: dict[int, tuple[int, int]] = {}
        self.memo: dict = {}  # what a reader works out once per sentence or clause of this document

    # ------------------------------------------------------------ units
    def _unit(self, breaks: list[int], i: int) -> tuple[int, int]:
        k = bisect.bisect_right(breaks, i - 1) if i > 0 else 0
        a = breaks[k - 1] + 1 if k else 0
        k = bisect.bisect_left(breaks, i)
        b = breaks[k] if k < len(breaks) else len(self.text)
        return a, b

    def sentence(self, i: int) -> tuple[int, int]:
        return self._unit(self._sent, i)

    def clause(self, i: int) -> tuple[int, int]:
        return self._unit(self._clause, i)

    def paragraph_start(self, i: int) -> int:
        k = bisect.bisect_right(self._para, i) - 1
        return self._para[k] if k >= 0 else 0

    # ------------------------------------------------------------ spans
    def mask(self, types: tuple[str, ...]) -> bytearray:
        """1 at every offset inside a span of one of ``types``: one lookup per word instead of a search
        per type (built once per document and set of types)."""
        m = self._masks.get(types)
        if m is None:
            m = self._masks[types] = bytearray(len(self.text))
            for t in types:
                for s in self.by_type.get(t, []):
                    m[s.start:s.end] = b"\x01" * (s.end - s.start)
        return m

    def spans(self, type_: str, a: int, b: int) -> list[Span]:
        """Spans of a type that lie inside ``[a, b)``, in text order."""
        ss, starts = self.by_type.get(type_, []), self._starts.get(type_, [])
        k = bisect.bisect_left(starts, a)
        out = []
        for s in ss[k:]:
            if s.start >= b:
                break
            if s.end <= b:
                out.append(s)
        return out

    def covering(self, type_: str, a: int, b: int) -> Span | None:
        """The span of a type that contains ``[a, b)``, if any."""
        ss, starts = self.by_type.get(type_, []), self._starts.get(type_, [])
        k = bisect.bisect_right(starts, a) - 1
        for j in range(k, max(-1, k - 4), -1):  # spans of one type nest a few deep at most
            s = ss[j]
            if s.start <= a and b <= s.end and (s.start, s.end) != (a, b):
                return s
        return None

    def inside_name(self, s: Span) -> bool:
        """A span that is part of an enterprise, organisation or document name."""
        return (s.end <= s.start or bool(self.mask(_NAMES)[s.start])) and any(self.covering(t, s.start, s.end) is not None for t in _NAMES)

    # --------------------------------------------------------- headings
    def _map_headings(self) -> list[HeadingInfo]:
        nt = self.doc.norm
        rn, rs = nt._runs_norm, nt._runs_src
        out = []
        for h in nt.headings:
            a = self._to_norm(rn, rs, h.start)
            b = self._to_norm(rn, rs, h.end - 1) + 1
            out.append(HeadingInfo(a, b, h.level, self.text[a:b]))
        return out

    @staticmethod
    def _to_norm(rn: list[int], rs: list[int], s: int) -> int:
        k = max(0, bisect.bisect_right(rs, s) - 1)
        n = rn[k] + (s - rs[k])
        return min(n, rn[k + 1]) if k + 1 < len(rn) else n

    def headings_above(self, i: int) -> list[HeadingInfo]:
        """The nearest heading of each level above offset ``i``, nearest first."""
        seen, out = set(), []
        for h in reversed(self.headings):
            if h.end > i:
                continue
            if h.level not in seen:
                seen.add(h.level)
                out.append(h)
        return out

    def list_title(self, i: int) -> tuple[int, int]:
        """The line that introduces the bulleted list holding offset ``i`` (skipping items and region labels)."""
        text = self.text
        line_start = text.rfind("\n", 0, i) + 1
        if not _BULLET.match(text, line_start):
            return 0, 0
        hit = self._titles.get(line_start)
        if hit is None:
            hit = self._titles[line_start] = self._list_title(line_start)
        return hit

    def _list_title(self, line_start: int) -> tuple[int, int]:
        text = self.text
        pos, steps = line_start, 0
        while pos > 0 and steps < 200:
            prev = text.rfind("\n", 0, pos - 1) + 1
            line = text[prev:pos - 1].strip()
            pos, steps = prev, steps + 1
            if not line or _BULLET.match(line) or (len(line) <= 12 and self.spans("region", prev, prev + len(line) + 2)):
                continue
            return prev, prev + len(text[prev:].split("\n", 1)[0])
        return 0, 0

    # ----------------------------------------------------------- region
    def _own_region(self) -> dict | None:
        """The division the document is about: the region its mentions name most (county or city first)."""
        counts: Counter = Counter()
        norms = {}
        for s in self.by_type.get("region", []):
            n = s.norm if isinstance(s.norm, dict) else (s.norm.model_dump() if s.norm is not None else None)
            if not n or not n.get("code") or self.inside_name(s) or self.covering("project", s.start, s.end):
                continue
            counts[n["code"]] += 1
            norms.setdefault(n["code"], n)
        if not counts:
            return None
        code, _ = max(counts.items(), key=lambda kv: (kv[1], _LEVEL_RANK.get(norms[kv[0]].get("level"), 0)))
        n = norms[code]
        return {"code": code, "name": n.get("name")}

    def region_of(self, s: Span) -> dict | None:
        n = s.norm if isinstance(s.norm, dict) else (s.norm.model_dump() if s.norm is not None else None)
        if not n:
            return None
        return {"code": n.get("code"), "name": n.get("name") or self.text[s.start:s.end],
                "start": s.start, "end": s.end}

    def compatible(self, s: Span) -> bool:
        """A region in the document's province (鞍山's report naming 北辰 means no Tianjin district)."""
        if not self.region or not self.region.get("code"):
            return True
        n = s.norm if isinstance(s.norm, dict) else (s.norm.model_dump() if s.norm is not None else {})
        code = (n or {}).get("code")
        return not code or code[:2] == self.region["code"][:2]

    @staticmethod
    def level(s: Span) -> int:
        n = s.norm if isinstance(s.norm, dict) else (s.norm.model_dump() if s.norm is not None else {})
        return _LEVEL_RANK.get((n or {}).get("level"), 0)

    def most_specific_region(self, spans: list[Span]) -> Span | None:
        best = None
        for s in spans:
            n = s.norm if isinstance(s.norm, dict) else (s.norm.model_dump() if s.norm is not None else {})
            rank = _LEVEL_RANK.get((n or {}).get("level"), 0)
            if best is None or rank >= best[0]:
                best = (rank, s)
        return best[1] if best else None

    def _own_year(self) -> int | None:
        """The year the document is dated in: its first full date near the top (2024年2月29日),
        else the latest year it names."""
        m = _FULL_DATE.search(self.text, 0, 600)
        if m:
            return int(m.group(1))
        years = [int(v[:4]) for s in self.by_type.get("date", [])
                 if (v := (s.norm or {}).get("value") if isinstance(s.norm, dict) else None) and v[:4].isdigit()]
        return max(years) if years else None  # else the latest year it names: 今年 is no earlier

    def relative_year(self, a: int, b: int) -> str | None:
        """今年/本年/年内 → the document's year, 去年/上年 → the year before, when the document is dated."""
        if self.year is None:
            return None
        m = _RELATIVE_YEAR.search(self.text, a, b)
        if m is None:
            return None
        return str(self.year - (1 if m.group() in ("去年", "上年", "上一年") else 0))

    def year_before(self, a: int, lo: int) -> str | None:
        """The year of the nearest date between ``lo`` and ``a`` (a stated year, not 今年)."""
        for s in reversed(self.spans("date", lo, a)):
            v = (s.norm or {}).get("value") if isinstance(s.norm, dict) else getattr(s.norm, "value", None)
            if v and len(v) >= 4 and v[:4].isdigit():
                return v
        return None
