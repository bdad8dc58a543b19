"""The period of a metric record, as the spec writes it: ``2024``, ``2024-01/2024-09``, ``2024-12``.

A date mention gives the year; the words around it give the span: a quarter or
half (前三季度, 上半年), months from January (1-11月), ``以来`` (up to the
document's date), ``截至…年底`` (the year's last month).  A date after 比/较 is
a base period, not the period.  Relative words (今年, 去年, 全年, 这一年) are
resolved against the document's year or the year the passage is about; a plan
period (“十五五”末, “十四五”期间) against the plan years in ``rules/metrics.yaml``.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from zhgov_extract.records.context import DocContext
from zhgov_extract.text.doc import Span

_DOC_DATE = regex.compile(r"((?:19|20)\d\d)\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*\d{1,2}")
_YEAR = regex.compile(r"(?:19|20)\d\d")
_MONTHS = regex.compile(r"(?P<a>\d{1,2})\s*[-—–~至到]\s*(?P<b>\d{1,2})\s*月")
_BASE_BEFORE = regex.compile(r"(?:比|较|与|同)\s*$")
_SPACE = regex.compile(r"\s+")
_YEAR_END = regex.compile(r"\s*(?:底|末|年底|年末)")
_AS_OF = regex.compile(r"(?:截至|截止|到)\s*$")
_MONTH_DAY = regex.compile(r"(?<![\d\-—–~至到])(?P<m>\d{1,2})\s*月份?(?:\s*(?P<d>\d{1,2})\s*日)?")


@dataclass(frozen=True)
class DocTime:
    """What one document says about its own time; made per call, never stored on the reader."""

    year: int | None
    month: int | None


def _value(s: Span) -> str | None:
    n = s.norm
    v = n.get("value") if isinstance(n, dict) else getattr(n, "value", None)
    return v if isinstance(v, str) else None


class PeriodReader:
    def __init__(self, rules) -> None:
        self.r = rules
        words = sorted((w for ws in rules.relative_years.values() for w in ws), key=len, reverse=True)
        # 今⏎⏎年: a line break inside the word (page layout) does not change it
        self._rel = regex.compile("|".join(r"\s*".join(map(regex.escape, w)) for w in words))
        self._rel_kind = {w: k for k, ws in rules.relative_years.items() for w in ws}
        plans = "|".join(rules.plan_periods)
        self._plan = regex.compile(f"[“\"‘]?(?P<plan>{plans})[”\"’]?(?:规划)?(?P<at>末|收官之年|时期|期间|以来|开局之年)?")
        self._statement = regex.compile(rules.year_statement.replace("PLANS", plans))
        self._parts = sorted(rules.part_of_year.items(), key=lambda kv: -len(kv[0]))

    # ------------------------------------------------------------ document
    def doc_time(self, ctx: DocContext) -> DocTime:
        """The document's year (``今年是“十四五”收官之年`` states it; else its dating) and month."""
        text = ctx.text
        m = _DOC_DATE.search(text, 0, 600)
        month = int(m.group(2)) if m and 1 <= int(m.group(2)) <= 12 else None
        year = ctx.year
        st = self._statement.search(text)
        if st:
            a, b = self.r.plan_periods[st.group("plan")]
            year = b if st.group("at") in ("收官", "决胜") else a
        return DocTime(year, month if m and year == int(m.group(1)) else None)

    # ------------------------------------------------------------ one number
    def __call__(self, ctx: DocContext, n: Span, sa: int, dt: DocTime) -> str | None:
        text = ctx.text
        for s in reversed(ctx.spans("date", sa, n.start)):
            if _BASE_BEFORE.search(text, max(0, s.start - 2), s.start):
                continue  # 较2020年增长39%: a base period
            v = self._date(ctx, s, dt, sa)
            if v:
                return v
        plan = self._plan_period(text, sa, n.start)
        if plan:
            return plan
        rel = self._relative(ctx, sa, n.start, dt)
        if rel:
            return rel
        pa = max(ctx.paragraph_start(n.start), sa - 2000)  # a bounded read back (issue 12: no quadratic cost)
        key = ("period-before", pa, sa)  # the same for every number of the sentence: read once
        v = ctx.memo.get(key, "")
        if v == "":
            v = ctx.memo[key] = self._before_sentence(ctx, pa, sa, dt)
        if v:
            return v
        for h in ctx.headings_above(n.start):
            v = ctx.year_before(h.end, h.start)
            if v:
                return v
        return None

    def _before_sentence(self, ctx: DocContext, pa: int, sa: int, dt: DocTime) -> str | None:
        """The period the paragraph states before the sentence: a date, a plan period or 全年."""
        text = ctx.text
        for s in reversed(ctx.spans("date", pa, sa)):
            v = self._date(ctx, s, dt, sa) if not _BASE_BEFORE.search(text, max(0, s.start - 2), s.start) else None
            if v:
                return v
        plan = self._plan_period(text, pa, sa)  # “十五五”时期是…。力争期间…年均增长6%
        if plan:
            return plan
        return self._relative(ctx, pa, sa, dt)  # 全年生产总值…。其中，第一产业增加值…: the paragraph's year

    def _date(self, ctx: DocContext, s: Span, dt: DocTime, sa: int) -> str | None:
        """A date mention as a period: its year, widened by the words in and around it."""
        text = ctx.text
        t = text[s.start:s.end]
        v = _value(s) or ""
        y = _YEAR.match(v)
        year = int(y.group()) if y else None
        if year is None:
            rel = self._relative(ctx, max(sa, s.start - 4), s.start, dt)
            year = int(rel) if rel else self._context_year(ctx, s.start, dt)
        if year is None:
            return None
        for word, (a, b) in self._parts:  # 前三季度, 上半年, 一季度
            if word in t:
                return f"{year}-{a:02d}/{year}-{b:02d}"
        mm = _MONTHS.search(t)
        if mm:  # 1-11月: the months from the first to the last
            a, b = int(mm.group("a")), int(mm.group("b"))
            if 1 <= a < b <= 12:
                return f"{year}-{a:02d}/{year}-{b:02d}"
        after = text[s.end:s.end + 4]
        if after.lstrip().startswith("以来") and len(v) == 4 and dt.year and dt.month and dt.year >= year:
            return f"{year}-01/{dt.year}-{dt.month:02d}"  # 2023年以来, in a report dated 2025-02
        if _YEAR_END.match(after) and _AS_OF.search(text, max(0, s.start - 4), s.start):
            return f"{v}-12" if len(v) == 4 else v[:7]  # 截至2024年底
        if y:
            return v
        md = _MONTH_DAY.search(t)  # 今年1月 → 2024-01
        if md and 1 <= int(md.group("m")) <= 12:
            day = f"-{int(md.group('d')):02d}" if md.group("d") else ""
            return f"{year}-{int(md.group('m')):02d}{day}"
        return str(year)

    def _plan_period(self, text: str, a: int, b: int) -> str | None:
        """“十五五”末 → 2030; “十四五”期间 → 2021/2025."""
        best = None
        for m in self._plan.finditer(text, a, b):
            best = m
        if best is None or not best.group("at"):
            return None
        first, last = self.r.plan_periods[best.group("plan")]
        if best.group("at") in ("末", "收官之年"):
            return str(last)
        if best.group("at") == "开局之年":
            return str(first)
        return f"{first}/{last}"

    def _relative(self, ctx: DocContext, a: int, b: int, dt: DocTime) -> str | None:
        """今年 → the document's year; 去年 → the year before; 全年/这一年 → the year the passage is about."""
        text = ctx.text
        hit = None
        for m in self._rel.finditer(text, a, b):
            if _BASE_BEFORE.search(text, max(0, m.start() - 2), m.start()):
                continue  # 比上年: a basis, not a period
            hit = m
        if hit is None:
            return None
        kind = self._rel_kind[_SPACE.sub("", hit.group())]
        if kind == "this":
            return str(dt.year) if dt.year else None
        if kind == "last":
            return str(dt.year - 1) if dt.year else None
        y = self._context_year(ctx, hit.start(), dt)
        return str(y) if y else None

    def _context_year(self, ctx: DocContext, at: int, dt: DocTime) -> int | None:
        """The year a passage is about: the nearest stated year (not a base period) or 今年/去年 before it,
        else the year of the headings above, else the document's."""
        text = ctx.text
        lo = max(0, at - self.r.context_chars)
        best: tuple[int, int] | None = None  # (position, year)
        for s in reversed(ctx.spans("date", lo, at)):
            v = _value(s) or ""
            if _YEAR.match(v) and not _BASE_BEFORE.search(text, max(0, s.start - 2), s.start):
                best = (s.start, int(v[:4]))
                break
        if dt.year:
            for m in self._rel.finditer(text, best[0] if best else lo, at):
                kind = self._rel_kind[_SPACE.sub("", m.group())]
                if kind != "context" and not _BASE_BEFORE.search(text, max(0, m.start() - 2), m.start()):
                    best = (m.start(), dt.year - (kind == "last"))
        if best:
            return best[1]
        for h in ctx.headings_above(at):
            v = ctx.year_before(h.end, h.start)
            if v:
                return int(v[:4])
        return dt.year
