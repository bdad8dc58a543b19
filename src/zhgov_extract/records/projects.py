"""Project records: owner, investment, capacity, region, status and year for each project mention.

Each field is read from the structure around the name: what the name holds,
the clause it sits in and the clause after it, the list tail it belongs to, the
heading it sits under, then the document.  Cue words are data in
``rules/projects.yaml`` (status, investment kinds, capacity cues).
"""
from __future__ import annotations

import regex

from zhgov_extract.records.context import DocContext
from zhgov_extract.taggers.project_rules import ProjectRules, _alt
from zhgov_extract.text.doc import Span

_THRESHOLD = regex.compile(r"(?:及)?以上")
_COUNT_UNITS = set("个家项次批座条所户名人期轮场")
_OWNER_VERBS = regex.compile(r"(?:投资|建设|投建|承建|实施|打造|新建|扩建|落地|签约|布局|建成|运营|牵头|引进|合作)")


class ProjectLinker:
    def __init__(self, rules: ProjectRules) -> None:
        self.rules = rules
        status = [(w, k) for k, ws in rules.status_words.items() for w in ws]
        weak = [(w, k) for k, ws in rules.status_weak_words.items() for w in ws]
        self._status_kind = dict(weak + status + [(w, None) for w in rules.status_false_friends])
        self._weak = {w for w, _ in weak}
        self.status_re = regex.compile(_alt(self._status_kind))
        self._route_re = regex.compile(f"(?:{_alt(rules.route_heads)})")
        kinds = [(w, k) for k, ws in rules.investment_kinds.items() for w in ws]
        self._inv_kind = dict(kinds)
        self.inv_word_re = regex.compile(f"(?:{_alt(self._inv_kind)})")
        self.inv_re = regex.compile(f"(?:{_alt(w for w, _ in kinds)})[为达约超近逾共计了是]{{0,2}}$")
        self.cap_re = regex.compile(f"(?:{_alt(rules.capacity_cues)})[为达约超近逾了]{{0,2}}$")

    def __call__(self, ctx: DocContext) -> tuple[list[dict], set[tuple[int, int]]]:
        """Project records, and the spans of the numbers they used (those get no metric record)."""
        out, used = [], set()
        first_by_name: dict[str, tuple[int, int]] = {}
        for p in ctx.by_type.get("project", []):
            rec = self._record(ctx, p, used)
            key = "".join(ctx.text[p.start:p.end].split())
            if key in first_by_name:
                rec["same_as"] = first_by_name[key]
            else:
                first_by_name[key] = (p.start, p.end)
            out.append(rec)
        return out, used

    def _record(self, ctx: DocContext, p: Span, used: set) -> dict:
        text = ctx.text
        ca, cb = ctx.clause(p.start)
        _, nb = ctx.clause(cb + 1) if cb < len(text) else (cb, cb)
        # the list this project is an item of: its tail (等N个…项目) is context too
        tail = self.rules.list_tail_re.search(text, p.end, min(len(text), p.end + 80))
        tail_end = tail.end() if tail and text[p.end:tail.start()].count("，") == 0 and "。" not in text[p.end:tail.start()] else p.end
        sa, sb = ctx.sentence(p.start)
        rec: dict = {"kind": "project", "anchor": {"start": p.start, "end": p.end}}
        rec["owners"] = self._owners(ctx, p, ca)
        rec["investment"] = self._investment(ctx, p, ca, max(cb, tail_end), nb, used)
        rec["capacity"] = self._capacity(ctx, p, max(cb, tail_end), used)
        rec["region"] = self._region(ctx, p, sa, sb)
        rec["status"], cue_end = self._status(ctx, p, (ca, max(cb, tail_end)), (sa, max(sb, tail_end)))
        rec["year"] = self._year(ctx, p, sa, sb)
        return rec

    # ------------------------------------------------------------ owners
    def _owners(self, ctx: DocContext, p: Span, ca: int) -> list[dict]:
        inner = [e for e in ctx.spans("enterprise", p.start, p.end)
                 if ctx.covering("enterprise", e.start, e.end) is None or
                 ctx.covering("enterprise", e.start, e.end).start < p.start]
        if not inner:
            before = [e for e in ctx.spans("enterprise", ca, p.start)
                      if _OWNER_VERBS.search(ctx.text, e.end, p.start) and not ctx.spans("project", e.end, p.start)]
            inner = before[-1:]
        return [{"start": e.start, "end": e.end, "canonical": _canonical(e, ctx.text)} for e in inner]

    # -------------------------------------------------------- investment
    def _investment(self, ctx, p: Span, ca: int, cb: int, nb: int, used: set) -> list[dict]:
        text = ctx.text
        cands = ctx.spans("money", ca, p.start) + ctx.spans("money", p.end, cb)
        if not cands and not ctx.spans("project", cb, nb):
            cands = ctx.spans("money", cb, nb)
        out = []
        for m in cands:
            if m.start < p.start and ctx.spans("project", m.end, p.start):
                continue  # it belongs to a project between them
            cue = self.inv_re.search(text, max(ca, m.start - 12), m.start)
            if cue is not None:
                word = self.inv_word_re.match(text, cue.start(), cue.end()).group()
                kind = self._inv_kind[word]
            elif p.end <= m.start and m.end <= cb and _THRESHOLD.match(text, m.end):
                kind = "total"  # 等707个5000万元以上项目: the list's class of investment
            else:
                continue
            norm = m.norm or {}
            out.append({"start": m.start, "end": m.end, "value": norm.get("value"),
                        "currency": norm.get("currency", "CNY"), "kind": kind})
            used.add((m.start, m.end))
        return out

    # ---------------------------------------------------------- capacity
    def _capacity(self, ctx, p: Span, cb: int, used: set) -> list[dict]:
        text = ctx.text
        out = []
        for q in ctx.spans("quantity", p.start, cb):
            if text[q.end - 1] in _COUNT_UNITS:
                continue
            inside = q.end <= p.end
            if not inside and not self.cap_re.search(text, max(p.end, q.start - 10), q.start):
                continue
            norm = q.norm or {}
            out.append({"start": q.start, "end": q.end, "value": norm.get("value"), "unit": norm.get("unit", "")})
            used.add((q.start, q.end))
        return out

    # ------------------------------------------------------------ region
    def _region(self, ctx: DocContext, p: Span, sa: int, sb: int) -> dict | None:
        own = [r for r in ctx.spans("region", p.start, p.end)
               if ctx.covering("enterprise", r.start, r.end) is None and ctx.compatible(r)]
        if self._route(ctx.text[p.start:p.end]):
            # a line runs between places: it has a region only where its name names one place alone
            codes = {ctx.region_of(r).get("code") for r in own}
            if len(codes) != 1 or any(j in ctx.text[p.start:p.end] for j in self.rules.route_joiners):
                return None
            return {**ctx.region_of(own[0]), "from_heading": False}
        best = ctx.most_specific_region(own)
        if best is None:
            near = [r for r in ctx.spans("region", sa, p.start) if not ctx.inside_name(r) and ctx.compatible(r)]
            best = near[-1] if near else None
        heading = None
        for h in ctx.headings_above(p.start):
            regs = [r for r in ctx.spans("region", h.start, h.end) if not ctx.inside_name(r)]
            if regs and len(h.text) <= 12:
                heading = regs[0]
                break
        # the heading a list item sits under wins when it is more specific (a county under its city)
        if heading is not None and (best is None or ctx.level(heading) > ctx.level(best)
                                    or ctx.region_of(heading).get("code") == ctx.region_of(best).get("code")):
            return {**ctx.region_of(heading), "from_heading": True}  # the item sits under its heading
        if best is not None and not self._wider_than_document(ctx, best):
            return {**ctx.region_of(best), "from_heading": False}
        return {**ctx.region, "from_heading": False} if ctx.region else None

    @staticmethod
    def _wider_than_document(ctx: DocContext, r: Span) -> bool:
        """辽宁首条…项目 in 鞍山's report: the province in the name is less than the document's city says."""
        code, own = (ctx.region_of(r) or {}).get("code"), (ctx.region or {}).get("code")
        return bool(code and own and code != own and code.endswith("0000") and own.startswith(code[:2]))

    def _route(self, name: str) -> bool:
        return self._route_re.search(name) is not None

    # ------------------------------------------------------ status, year
    def _status(self, ctx: DocContext, p: Span, clause: tuple[int, int], sentence: tuple[int, int]) -> tuple[str | None, int]:
        """The status word of the project's own clause (its list included), nearest first; else the
        last one before it in its part of the sentence (up to ；), else the first after; else the
        title of the list it is an item of.  Weak words (推进) count only where no other does."""
        text = ctx.text
        sa, sb = sentence
        sa = max(sa, max(text.rfind(c, sa, p.start) for c in "；;") + 1)
        cut = [i for i in (text.find(c, p.end, sb) for c in "；;") if i >= 0]
        sb = min(cut) if cut else sb
        ca, cb = max(clause[0], sa), min(clause[1], sb) if clause[1] > p.end else sb
        found = [m for m in self.status_re.finditer(text, sa, sb)
                 if not (p.start <= m.start() < p.end) and self._status_kind[m.group()] is not None]
        own = [m for m in found if ca <= m.start() and m.end() <= cb]
        before = [m for m in found if m.end() <= p.start and m not in own]
        m = (self._nearest(p, [m for m in own if m.group() not in self._weak])
             or self._nearest(p, own) or (before[-1] if before else next(iter(found), None)))
        if m is None:
            a, b = ctx.list_title(p.start)  # a bulleted list: its title says what the items are
            t = next((t for t in self.status_re.finditer(text, a, b) if self._status_kind[t.group()]), None) \
                if b > a else None
            return (self._status_kind[t.group()], -1) if t else (None, -1)
        return self._status_kind[m.group()], m.end()

    @staticmethod
    def _nearest(p: Span, ms: list):
        return min(ms, key=lambda m: p.start - m.end() if m.end() <= p.start else m.start() - p.end) if ms else None

    def _year(self, ctx: DocContext, p: Span, sa: int, sb: int) -> str | None:
        v = ctx.year_before(p.start, sa) or ctx.year_before(sb, p.end) or ctx.relative_year(sa, sb)
        if v is None:
            a, b = ctx.list_title(p.start)
            v = ctx.year_before(b, a) or ctx.relative_year(a, b) if b > a else None
        if v is None:
            v = ctx.year_before(p.start, ctx.paragraph_start(p.start))
        for h in ctx.headings_above(p.start) if v is None else ():
            v = ctx.year_before(h.end, h.start) or ctx.relative_year(h.start, h.end)
            if v:
                break  # 2024年项目建设亮点 ⏎ … : the heading's year
        return v[:4] if v else None


def _canonical(e: Span, text: str) -> str:
    n = e.norm
    if isinstance(n, dict):
        return n.get("canonical") or text[e.start:e.end]
    return getattr(n, "canonical", None) or text[e.start:e.end]
