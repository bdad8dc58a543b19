"""Metric records: what a number measures, whether it is a level, a change, a share or a goal.

For each money, percent or quantity mention that is not a project's field, a
threshold inside a noun or a count that opens a list, the clause before the
number is read right to left: the predicate (增长, 同比, 占, 由…到…) gives role,
direction and basis; what is left after trimming places, times and fillers is
the indicator.  A number with no words of its own (`、增长8%`) shares the
indicator of the number before it in the sentence.  Word lists:
``rules/metrics.yaml``.
"""
from __future__ import annotations

import bisect

import regex

from zhgov_extract.records.context import DocContext
from zhgov_extract.records.indicator import IndicatorReader
from zhgov_extract.records.metric_rules import MetricRules
from zhgov_extract.records.periods import DocTime, PeriodReader
from zhgov_extract.text.doc import Span

__all__ = ["MetricLinker", "MetricRules"]

_NUMERIC = ("money", "percent", "quantity")
_NAMES = ("project", "enterprise", "document", "organization")
_HOLDERS = ("enterprise", "document", "project")  # names whose region is not the figure's
_CLASSIFIERS = set("个家项名条次人所座批件户位只台套处辆架艘株棵场部篇份门支届类种款栋间张")
_WORD = regex.compile(r"[\p{Han}A-Za-z0-9]")
_AND_RE = regex.compile("[和及与]")
_LISTED = regex.compile(r"[、和及与\s]+|[^，。；,;\d]{0,2}[、和及与]")
_FROM_TO = regex.compile(r"(?P<verb>[^\d，。；,;、]{0,4}?)(?:到|至)")
_GOAL_LIST = regex.compile(r"[^，。；,;]{0,4}[：:]")


def _goal_scope(text: str, sa: int) -> int:
    """目标是：经济增长5.5%；规上工业增加值增长7%: a goal stated before a ；-list covers the list."""
    lo = max(0, sa - 300)
    return max(text.rfind(c, lo, sa) for c in "。！？!?\n") + 1 or lo


_SCOPE = 400  # characters: the farthest a number's sentence is read back (bounded cost, issue 12)


class MetricLinker:
    def __init__(self, rules: MetricRules, word_tags: dict[str, str]) -> None:
        self.r = rules
        self.tags = word_tags
        self.ind = IndicatorReader(rules, word_tags)
        self.periods = PeriodReader(rules)

    def __call__(self, ctx: DocContext, used: set[tuple[int, int]]) -> list[dict]:
        nums = sorted((s for t in _NUMERIC for s in ctx.by_type.get(t, [])), key=lambda s: s.start)
        out: list[dict] = []
        prev: dict | None = None  # the record before, in the same sentence: its indicator may be shared
        dt = self.periods.doc_time(ctx)
        for n in nums:
            if (n.start, n.end) in used or self._skip(ctx, n):
                continue
            rec = self._record(ctx, n, prev, out[-8:], dt)
            out.append(rec)
            prev = rec
        return out

    def _skip(self, ctx: DocContext, n: Span) -> bool:
        text = ctx.text
        if (n.end <= n.start or ctx.mask(_NAMES)[n.start]) and any(ctx.covering(t, n.start, n.end) for t in _NAMES):
            return True  # (the mask says in one lookup whether any name holds the number's first character)
        if self.ind.threshold(ctx, n.end):
            return True  # 5000万元以上项目: a class threshold inside a noun
        if n.type == "quantity" and (self.r.list_count_re.match(text, n.end) or self.r.list_count_re.match(text, n.end - 1)):
            return True  # 以下3个方面 (also when the quantity took 方 as its unit: 6方|面)
        if n.type == "quantity" and self.r.duration_before_re.search(text, max(0, n.start - 4), n.start):
            return True  # 连续3年: how long a record has held, not a value
        return self._counts_the_list(ctx, n)

    def _counts_the_list(self, ctx: DocContext, n: Span) -> bool:
        """鞍钢西鞍山铁矿、…、五矿陈台沟铁矿3个超百亿元项目: a count of the items just listed (without 等)."""
        text = ctx.text
        v = (n.norm or {}).get("value") if n.type == "quantity" else None
        if not v or not v.isdigit() or not 2 <= int(v) <= 20:
            return False
        lo = max(0, n.start - 200)
        ca = max(text.rfind(c, lo, n.start) for c in "，,。；;：:\n(（") + 1 or lo
        before = text[ca:n.start].rstrip()
        if not before or before.endswith("等") or 1 in ctx.mask(_NUMERIC)[ca:n.start]:
            return False  # (“8”即发展A、B…8个: a label is no number; 1家、2家: the list holds numbers
        return before.count("、") + 1 == int(v) or (before.count("、") + 2 == int(v) and _AND_RE.search(before) is not None)

    def _lo(self, ctx: DocContext, ca: int, at: int) -> int:
        """Where a number's own words start: its clause, after the last number before ``at`` in it."""
        lo = ca
        for t in _NUMERIC:  # the last number before ``at`` that is no class threshold, found backwards
            ss, starts = ctx.by_type.get(t, ()), ctx._starts.get(t, ())
            k = bisect.bisect_left(starts, at) - 1
            while k >= 0 and ss[k].start >= ca:
                m = ss[k]
                if m.end <= at and not self.ind.threshold(ctx, m.end):
                    lo = max(lo, m.end)
                    break
                k -= 1
        return lo

    def _record(self, ctx: DocContext, n: Span, prev: dict | None, before: list[dict], dt: DocTime) -> dict:
        text, r = ctx.text, self.r
        ca, cb = ctx.clause(n.start)
        ca = max(ca, n.start - _SCOPE)
        sa, _ = ctx.sentence(n.start)
        sa = max(sa, n.start - _SCOPE)  # a run of thousands of characters with no stop is read near the number
        ga = ctx.memo.get(("goal", sa))
        if ga is None:
            ga = ctx.memo[("goal", sa)] = _goal_scope(text, sa)
        lo = self._lo(ctx, ca, n.start)
        seg_end = n.start
        role, direction = "value", None
        ch = r.change_re.search(text, lo, seg_end) or r.compare_re.search(text, lo, seg_end)
        share_at = pull = None
        if ch is not None:
            seg_end = ch.start()
            verb_dir = "increase" if ch.group("verb") in r.up_words else "decrease"
            pull = next((m for m in r.pull_re.finditer(text, lo, seg_end)), None)
            if pull is not None:
                role = "value"  # 拉动经济增长0.5个百分点: a contribution, a level of its own
            elif not ch.groupdict().get("to"):
                role, direction = "change", verb_dir  # 增长7.4%; 增速高于全省1.4个百分点
            else:
                direction = verb_dir  # 占比提升到25%, 压缩至2个工作日: the level a change reached
        else:
            sh = r.share_re.search(text, lo, seg_end) or r.share_of_re.search(text, lo, seg_end)
            if sh is not None:
                role = "share"  # 税收收入占…收入的57.7%: the part before 占 is what is measured
                share_at = next((k for k in range(seg_end - 1, lo - 1, -1)
                                 if text[k] == "占" and text[k + 1:k + 2] != "比"), None)
        listed = (prev is not None and prev["anchor"]["end"] >= ca
                  and _LISTED.fullmatch(text, prev["anchor"]["end"], n.start))
        if listed and role == "value" and ch is None and share_at is None:
            role, direction = prev["role"], prev["direction"]  # 分别增长0.9%、1.0%: the list shares its verb
        after = _FROM_TO.match(text[n.end:n.end + 8])
        from_pair = after and any(text[max(lo, n.start - 2):n.start].endswith(w) for w in r.from_words)
        if from_pair:
            v = after.group("verb")
            role = "from"  # 由9.6%提升到16.3%
            direction = ("increase" if any(w in v for w in r.increase_words) else
                         "decrease" if any(w in v for w in r.decrease_words) else None)
        rec: dict = {"kind": "metric", "anchor": {"start": n.start, "end": n.end}, "type": n.type,
                     "value": (n.norm or {}).get("value"), "unit": _unit(n), "role": role,
                     "direction": direction}
        # the comparison a change is against, stated before it in its sentence (up to 。: 比上年增长6.5%；
        # 第二产业…增长0.5%); a level or a share has none (较上年28899万元 is last year's level)
        if listed and ch is None and prev["role"] == role:
            rec["basis"] = prev["basis"]  # 分别增长0.9%、1.0%: the list shares its comparison
        else:
            rec["basis"] = (None if role not in ("change", "from") else self._basis(text, ch.start(), ch.end())
                            if ch is not None and ch.re is r.compare_re  # 比上年多3户: yoy; 比全省高: none
                            else self._basis(text, ga, n.start))
        ind = self.ind.distributed(ctx, n, ca, cb, lambda k: self._lo(ctx, ca, k))
        if n.type == "percent" and prev is not None and prev["anchor"]["end"] >= ca \
                and text[prev["anchor"]["end"]:n.start].strip() == "的":
            rec["role"] = role = "share"  # 完成预算数31220万元的101.7%: a part of the amount before
        plan = r.of_plan_re.search(text, lo, n.start)
        if ind is None and plan and prev is not None and prev.get("indicator") and prev["anchor"]["start"] >= sa:
            # 收入42.6亿元，完成预算数40亿元的101.2%: the budget of the number before (a target) and its
            # completion (a part of the budget, as a share)
            ind = dict(prev["indicator"])
            rec["role"] = role = "share" if plan.group().endswith("的") else "target"
        if ind is None and pull is not None:
            ind = {"start": pull.start(), "end": ch.end("verb")}
        if ind is None:
            ind = self._indicator(ctx, n, lo, seg_end if share_at is None else share_at, prev, sa)
        if ind is not None and prev is not None and prev.get("indicator") and text[ind["start"]:ind["end"]] in r.total_words:
            ind = self._parent(ctx, prev["indicator"])  # 新增上市公司10家、总数达310家: the total of the same thing
        rec["indicator"] = ind
        names = [ind] + [b["indicator"] for b in before if b["anchor"]["start"] >= ga]
        if not from_pair and role in ("value", "change", "share") and self._goal(ctx, ga, sa, n.start, names):
            rec["role"], rec["direction"] = "target", None  # 力争增长15%, 力争…比重达40%: a goal (no direction)
        rec["period"] = self.periods(ctx, n, sa, dt)
        rec["region"] = self._region(ctx, n, sa)
        return rec

    def _parent(self, ctx: DocContext, ind: dict) -> dict:
        """The indicator without a leading 新增/净增: what a total counts."""
        text = ctx.text
        w = next((w for w in self.r.new_words if text.startswith(w, ind["start"], ind["end"])), None)
        return {"start": ind["start"] + len(w), "end": ind["end"]} if w and ind["end"] > ind["start"] + len(w) else dict(ind)

    def _goal(self, ctx: DocContext, a: int, sa: int, at: int, names: list[dict | None]) -> bool:
        """A goal word before the number in its sentence, or one that opens the ；-list it belongs to
        (目标是：…；…); not inside an indicator or a term (一般公共预算收入, 全力争资金); 争取 before
        a noun obtains (争取政策资金), before a verb aims."""
        text = ctx.text
        for m in self.r.target_re.finditer(text, a, at):
            if m.start() < sa and not _GOAL_LIST.match(text, m.end(), m.end() + 6) and \
                    any(w in text[sa:at] for w in self.r.done_markers):
                continue  # 力争…难题；组建了…50余个: a ；-part that says what was done is no goal
            if any(x and x["start"] <= m.start() < x["end"] for x in names):
                continue
            if any(k >= 0 and text.startswith(w, m.start() - k)
                   for w in self.r.goal_compounds for k in [w.find(m.group())]):
                continue  # 一般公共预算收入, 规划面积, 全力争资金: a term that holds a goal word
            if m.group() in self.r.goal_needs_verb:
                nxt = next((w for w, x, _ in ctx.doc.words_after(m.end(), 6) if x >= m.end()), "")
                if (self.tags.get(nxt) or "n")[0] != "v" or self.tags.get(nxt) == "vn":
                    continue
            return True
        return False

    def _basis(self, text: str, a: int, b: int) -> str | None:
        best = None
        for m in self.r.basis_re.finditer(text, a, b):
            best = "base_period" if m.group("base") else self.r.basis_kind[m.group("w")]
        return best

    def _indicator(self, ctx: DocContext, n: Span, lo: int, hi: int, prev: dict | None, sa: int) -> dict | None:
        """A count (家, 个…) followed by a noun names its thing after it (29家央企); else the words
        before the number less the predicate; with none of its own, the previous number's."""
        text, r = ctx.text, self.r
        if n.type == "quantity" and text[n.end - 1] in _CLASSIFIERS:
            after = self.ind.forward(ctx, n.end)
            if after is not None:
                return after
        hi = r.predicate_start(text, lo, hi)
        share = next((w for w in r.share_nouns if text.endswith(w, lo, hi)), None)
        if share:  # 高端产品占比 / 第二产业增加值比重: a share word that ends the indicator is part of it
            found = self.ind.backward(ctx, lo, hi - len(share))
            return {"start": found["start"] if found else hi - len(share), "end": hi}
        found = self.ind.backward(ctx, lo, hi)
        if found is None and prev is not None and prev.get("indicator") and prev["anchor"]["start"] >= sa:
            return dict(prev["indicator"])
        return found

    def _region(self, ctx: DocContext, n: Span, sa: int) -> dict | None:
        # a region inside an enterprise's, a project's or a document's name does not place the figure
        regs = [s for s in ctx.spans("region", sa, n.start) if s.source != "region-in-name"]  # 怒江流域, 昆明会堂
        if regs:
            named = ctx.mask(_HOLDERS)
            regs = [s for s in regs if s.end > s.start and not named[s.start]
                    or not any(ctx.covering(t, s.start, s.end) for t in _HOLDERS)]
        if regs:
            reg = ctx.region_of(regs[-1])
            zone = self.r.zone_re.match(ctx.text, regs[-1].end)
            if zone:  # a number about a zone is not the city's
                return {"code": None, "name": ctx.text[regs[-1].start:regs[-1].end + zone.end()]}
            return reg
        ca = ctx.clause(n.start)[0]
        owners = [e for t in ("enterprise", "project") for e in ctx.spans(t, ca, n.start)
                  if not self.r.list_item_re.match(ctx.text, e.end) and not ctx.covering("project", e.start, e.end)
                  and ctx.text[e.end:n.start].strip()]  # 延链补链项目23个: a count of projects, not one's figure
        if owners:
            return None  # a figure of one enterprise or project, named in the number's own clause
        ana = ctx.memo.get(("anaphor", sa), False)
        if ana is False:  # read once per sentence
            ana = ctx.memo[("anaphor", sa)] = self.r.anaphor_re.match(ctx.text, sa)
        if ana and not _own_word(self.r, ctx.text, sa, n.start):
            pa = max(0, sa - 200)
            if any(ctx.spans(t, pa, sa) for t in ("enterprise", "project")):
                return None  # 该公司…, 双方共签署协议3000余项: the one named just before, not the city
        own = None
        for own in self.r.own_region_re.finditer(ctx.text, sa, n.start):
            pass  # the whole-area word nearest the number (全市…，全县…)
        code = (ctx.region or {}).get("code") or ""
        if own and own.group() in self.r.city_words and len(code) == 6 and "00" < code[4:] < "81":
            return None  # 全市 in a county's report (not a county-level city, 81-99): a city the text does not name
        zone = self.r.zone_re.match(ctx.text, ca)
        if zone:  # 中心城区一般公共预算收入: an area that is not a division, named by itself
            return {"code": None, "name": zone.group()}
        return dict(ctx.region) if ctx.region else None


def _own_word(r, text: str, a: int, b: int) -> bool:
    """A whole-area word (全市, 全县) between ``a`` and ``b``: the figure is the area's."""
    return r.own_region_re.search(text, a, b) is not None


def _unit(n: Span) -> str | None:
    norm = n.norm or {}
    if n.type == "money":
        return norm.get("currency", "CNY")
    return norm.get("unit")
