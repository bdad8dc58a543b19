"""Normalise stage: a matching text plus an exact map back to the source.

Reports arrive with PDF line breaks in the middle of words (``产\\n\\n\\n\\n业发展``,
``4.6\\n\\n亿元``), spaces around numbers (``总投资 14.8 亿元``), full-width digits
(``１２．５％``) and page furniture (``- 3 -``).  Taggers work on ``NormText.text``
where those are folded away; every span they find is mapped back with
:meth:`NormText.to_source`, so reported offsets always index the original text.

The map is piecewise: a list of runs ``(norm_start, src_start)`` in which both
texts advance together.  Only deletions happen (translation is 1:1), so a span
``[a, b)`` maps to ``[src(a), src(b-1)+1)`` and keeps the line breaks inside it.
"""
from __future__ import annotations

import bisect
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

import regex

from zhgov_extract.text.spans import merge_intervals

# Full-width ASCII (！ … ～) → ASCII, ideographic space → space.  Chinese
# punctuation with its own meaning (，。、；：？！) is kept as is.
_KEEP_FULLWIDTH = set("，。；：？！")
_FW = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if chr(cp) not in _KEEP_FULLWIDTH}
_FW.update({0x3000: 0x20, 0x00A0: 0x20, 0x2212: 0x2D, 0x2014: 0x2014})
_TRANSLATE = str.maketrans(_FW)
# stdlib ``re`` for the plain character-class scans here: measured 4x faster than
# ``regex`` on them (benchmarks/throughput.py stage timings, docs/performance.md)
_FW_RUN = re.compile("[" + "".join(re.escape(chr(c)) for c in _FW) + "]+")


_SURROGATE = re.compile("[\ud800-\udfff]")


def fold_width(text: str) -> str:
    """Translate only the runs that need it (1:1, so offsets are unchanged).

    Lone surrogates (text decoded with ``surrogateescape``) become U+FFFD here, so
    that the Rust-backed matchers never see them; the source keeps them.
    """
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    if not _FW_RUN.search(text):
        return text
    return _FW_RUN.sub(lambda m: m.group().translate(_TRANSLATE), text)

TERMINAL = "。！？!?；;：:"
_LIST_MARK = regex.compile(
    r"^(?:[-*•◆◇●○■□▪▶►·]|#{1,6}\s|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、．](?!\d)|第[一二三四五六七八九十\d]+[章节条部分])"
)
_HEADING = regex.compile(
    r"^(?:(?P<md>#{1,6})\s|(?P<cn1>[一二三四五六七八九十]+、)|(?P<cn2>[（(][一二三四五六七八九十]+[)）])|(?P<ar>\d{1,2}[.、．](?!\d))|\*\*)"
)
_FURNITURE = regex.compile(
    r"^\s*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)\s*$"
)
_INLINE_WS = regex.compile(r"[ \t\f\v]+")
_CLOCK_END = regex.compile(r"(?<!\d)(?:[01]?\d|2[0-3])[:：][0-5]\d(?:[:：][0-5]\d)?$")
_SECTION_NO = regex.compile(r"\d{1,2}$")
_ASCII_ALNUM = regex.compile(r"[A-Za-z0-9]")
# first characters the two patterns above can start with: a set lookup spares most regex calls
_LIST_FIRST = set("-*•◆◇●○■□▪▶►·#一二三四五六七八九十（(第0123456789")
_HEADING_FIRST = set("#一二三四五六七八九十（(*0123456789")


@dataclass
class Heading:
    start: int  # source offsets
    end: int
    level: int
    text: str


@dataclass
class NormText:
    """The normalised text of a document and its map back to the source."""

    source: str
    text: str
    _runs_norm: list[int] = field(repr=False, default_factory=list)
    _runs_src: list[int] = field(repr=False, default_factory=list)
    _headings: list[Heading] | None = field(default=None, repr=False)
    _lines: tuple | None = field(default=None, repr=False)
    sentences: list[tuple[int, int]] = field(default_factory=list)  # source offsets

    def src(self, i: int) -> int:
        """Source offset of normalised character ``i``."""
        k = bisect.bisect_right(self._runs_norm, i) - 1
        return self._runs_src[k] + (i - self._runs_norm[k])

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span ``[start, end)`` to the source span covering it."""
        if end <= start:
            s = self.src(start) if start < len(self.text) else len(self.source)
            return s, s
        return self.src(start), self.src(end - 1) + 1

    def sentence_index(self, src_start: int) -> int:
        starts = self._sent_starts
        k = bisect.bisect_right(starts, src_start) - 1
        return k if k >= 0 and src_start < self.sentences[k][1] else -1

    @property
    def headings(self) -> list[Heading]:
        """Section headings (source offsets), found on first use."""
        if self._headings is None:
            self._headings = _headings(self.source, *self._lines) if self._lines else []
        return self._headings

    def finish(self) -> None:
        self._sent_starts = [s for s, _ in self.sentences]


def _wrap_width(lines: list[str]) -> int | None:
    """The line width of a PDF-extracted text, if its lines share one."""
    lengths = [n for n in map(len, lines) if n >= 15]
    if len(lengths) < 6:
        return None
    counts = Counter(lengths)
    get = counts.get
    near_of = {n: get(n - 2, 0) + get(n - 1, 0) + c + get(n + 1, 0) + get(n + 2, 0) for n, c in counts.items()}
    best = max(near_of, key=near_of.__getitem__)  # first of equals, in order of first occurrence, as before
    return best if near_of[best] >= 0.3 * len(lengths) else None


def _is_digitish_end(a: str) -> bool:
    return bool(a) and (a[-1].isdigit() or a[-1] in ".,")


def _should_join(prev: str, nxt: str, width: int | None, before: str = "") -> bool:
    """Is the break between two stripped lines an artefact of wrapping?

    ``before`` is the content line before ``prev`` ("" at the start of the text).
    """
    if not prev or not nxt:
        return False
    if nxt[0] in _LIST_FIRST and _LIST_MARK.match(nxt):
        return False
    heading = prev[0] in _HEADING_FIRST and _HEADING.match(prev) is not None
    if _is_digitish_end(prev) and (nxt[0].isdigit() or not _ASCII_ALNUM.match(nxt[0])):
        # a number cut from its unit or its decimals: 4.6 / 亿元, also inside a list item (2.…投资12 / 亿元)
        if nxt[0].isdigit() and _CLOCK_END.search(prev):
            return False  # a timestamp line, then a title that starts with a year: 10:30 / 2024年
        if _SECTION_NO.match(prev) and (prev[0] == "0" or not before or before[-1] in TERMINAL):
            return False  # a section number on its own line before its heading: 05 / 固定资产投资
        return not heading or prev[-1].isdigit()
    if heading:
        return False
    if prev[-1] in "、，,":
        return True  # a list or clause goes on: 9.9个、⏎3.1个百分点
    if nxt[0].isdigit() and prev[-1] not in TERMINAL and len(nxt) <= 12:
        return True  # a number set on a line of its own by PDF extraction: 分别是上年的⏎3.1⏎倍
    if prev[-1] in TERMINAL or prev[-1] in "”\"』」":
        return False
    limit = 0.8 * width if width else 40
    return len(prev) >= limit


def normalize(source: str) -> NormText:
    """Build the matching text and offset map for ``source``."""
    translated = fold_width(source)
    # 1. split into lines (keeping offsets), mark furniture lines
    lines: list[tuple[int, int]] = []  # (start, end) excluding the newline
    pos = 0
    n = len(translated)
    while pos <= n:
        nl = translated.find("\n", pos)
        if nl < 0:
            lines.append((pos, n))
            break
        lines.append((pos, nl))
        pos = nl + 1
    stripped = [translated[a:b].strip() for a, b in lines]
    furniture = [bool(s) and len(s) <= 24 and bool(_FURNITURE.match(s)) for s in stripped]
    width = _wrap_width([s for s, f in zip(stripped, furniture) if s and not f])

    deletions: list[tuple[int, int]] = []  # source ranges removed from the matching text
    # 2. line joins: between consecutive content lines
    content = [i for i, s in enumerate(stripped) if s and not furniture[i]]
    for i in range(len(lines)):
        if furniture[i]:
            deletions.append((lines[i][0], min(lines[i][1] + 1, n)))
    for k, (a, b) in enumerate(zip(content, content[1:])):
        if _should_join(stripped[a], stripped[b], width, stripped[content[k - 1]] if k else ""):
            # delete from end of line a's content through the start of line b's content
            la_start, la_end = lines[a]
            lb_start, lb_end = lines[b]
            cut_from = la_start + len(translated[la_start:la_end].rstrip())
            cut_to = lb_start + (len(translated[lb_start:lb_end]) - len(translated[lb_start:lb_end].lstrip()))
            deletions.append((cut_from, cut_to))
    # 3. inline whitespace that does not separate two ASCII words
    for m in _INLINE_WS.finditer(translated):
        a, b = m.span()
        left = translated[a - 1] if a > 0 else ""
        right = translated[b] if b < n else ""
        if left in ("", "\n") or right in ("", "\n", "\r"):
            continue  # leading/trailing whitespace of a line: handled by joins or harmless
        if left.isascii() and left.isalnum() and right.isascii() and right.isalnum():
            continue
        deletions.append((a, b))
    merged = merge_intervals(deletions, touching=True)  # then build the runs
    parts: list[str] = []
    runs_norm, runs_src = [0], [0]
    src_pos = 0
    norm_len = 0
    for a, b in merged:
        parts.append(translated[src_pos:a])
        norm_len += a - src_pos
        src_pos = b
        runs_norm.append(norm_len)
        runs_src.append(src_pos)
    parts.append(translated[src_pos:])
    text = "".join(parts)
    nt = NormText(source=source, text=text, _runs_norm=runs_norm, _runs_src=runs_src)
    # drop runs of zero length at the same norm position (keep the last one)
    dedup_n, dedup_s = [], []
    for a, s in zip(runs_norm, runs_src):
        if dedup_n and dedup_n[-1] == a:
            dedup_s[-1] = s
        else:
            dedup_n.append(a)
            dedup_s.append(s)
    nt._runs_norm, nt._runs_src = dedup_n, dedup_s
    nt._lines = (lines, stripped, furniture)
    nt.sentences = _sentences(nt)
    nt.finish()
    return nt


def _headings(source: str, lines, stripped, furniture) -> list[Heading]:
    """Section headings: numbered (一、 （一） 1.), markdown #, bold, or a short label line."""
    out: list[Heading] = []
    for (a, b), s, f in zip(lines, stripped, furniture):
        if not s or f:
            continue
        lead = len(source[a:b]) - len(source[a:b].lstrip())
        start, end = a + lead, a + lead + len(s)
        m = _HEADING.match(s)
        level = 0
        if m:
            if m.group("md"):
                level = len(m.group("md"))
            elif m.group("cn1"):
                level = 1
            elif m.group("cn2"):
                level = 2
            elif m.group("ar"):
                level = 3 if len(s) <= 40 else 0
            else:
                level = 2 if s.endswith("**") and len(s) <= 60 else 0
        elif len(s) <= 12 and s[-1] not in TERMINAL + "，,、" and not _LIST_MARK.match(s):
            level = 4  # a short label line, e.g. a county name over a project list
        if level:
            out.append(Heading(start, end, level, source[start:end]))
    return out


def _sentences(nt: NormText) -> list[tuple[int, int]]:
    """Sentence spans (source offsets) split on 。！？； and hard line breaks."""
    text = nt.text
    out = []
    rn, rs = nt._runs_norm, nt._runs_src  # nt.src inlined, with the search starting at the last run
    k = 0
    for m in _SENTENCE.finditer(text):
        a, b = m.span()
        k = bisect_right(rn, a, k) - 1
        sa = rs[k] + a - rn[k]
        k = bisect_right(rn, b - 1, k) - 1
        out.append((sa, rs[k] + b - rn[k]))
    return out


# a sentence: no leading/trailing whitespace, ends after its punctuation (and closing quotes) or at a line break
_SENTENCE = re.compile(
    r"[^\s。！？!?；;](?:[^\n。！？!?；;]*[^\s。！？!?；;])?(?:[。！？!?；;]+[”’」』）)]*)?|[。！？!?；;]+[”’」』）)]*"
)
