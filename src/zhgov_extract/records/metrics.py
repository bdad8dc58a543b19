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

from functools import cached_property
from pathlib import Path

import regex
import yaml
from pydantic import BaseModel, ConfigDict

from zhgov_extract.records.context import DocContext
from zhgov_extract.resources import rules_path
from zhgov_extract.taggers.project_rules import _alt
from zhgov_extract.text.doc import Span

_NUMERIC = ("money", "percent", "quantity")
_CLASSIFIERS = set("个家项名条次人所座批件户位只台套处辆架艘株棵场部篇份门支届类种款栋间张")
_WORD = regex.compile(r"[\p{Han}A-Za-z0-9]")


class MetricRules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    increase_words: list[str]
    decrease_words: list[str]
    to_words: list[str]
    from_words: list[str]
    share_words: list[str]
    target_words: list[str]
    basis: dict[str, list[str]]
    base_period_pattern: str
    predicate_words: list[str]
    lead_words: list[str]
    max_indicator_chars: int
    own_region_words: list[str]
    zone_words: list[str]
    threshold_after: list[str]
    list_count_after: list[str]

    @classmethod
    def load(cls, path: str | Path | None = None) -> "MetricRules":
        with open(path or rules_path("metrics.yaml"), encoding="utf-8") as fh:
            return cls.model_validate(yaml.safe_load(fh))

    @cached_property
    def change_re(self):
        """A change verb ending right before the number (optionally 了/约/近…), not followed by 到/至."""
        return regex.compile(f"(?P<verb>{_alt(self.increase_words + self.decrease_words)})"
                             f"(?P<to>{_alt(self.to_words)})?[了约近超逾达]{{0,2}}$")

    @cached_property
    def share_re(self):
        return regex.compile(f"(?:{_alt(self.share_words)})[的为达约近超了是]{{0,2}}$")

    @cached_property
    def target_re(self):
        return regex.compile(_alt(self.target_words))

    @cached_property
    def basis_re(self):
        words = [(w, k) for k, ws in self.basis.items() for w in ws]
        return regex.compile(f"(?P<w>{_alt(w for w, _ in words)})|(?P<base>{self.base_period_pattern})")

    @cached_property
    def basis_kind(self) -> dict[str, str]:
        return {w: k for k, ws in self.basis.items() for w in ws}

    @cached_property
    def predicate_re(self):
        return regex.compile(f"(?:{_alt(self.predicate_words)}|[\\s，、：:])+$")

    @cached_property
    def zone_re(self):
        return regex.compile(f"(?:{_alt(self.zone_words)})")

    @cached_property
    def share_nouns(self) -> tuple[str, ...]:
        return tuple(sorted((w for w in self.share_words if len(w) > 1 and w[0] != "占" or w == "占比"),
                            key=len, reverse=True))

    @cached_property
    def lead_set(self) -> frozenset:
        return frozenset(self.lead_words)

    @cached_property
    def own_region_re(self):
        return regex.compile(_alt(self.own_region_words))

    @cached_property
    def after_re(self):
        return regex.compile(f"(?:{_alt(self.threshold_after)})(?!\\s*[，。；,;])")

    @cached_property
    def list_count_re(self):
        return regex.compile(_alt(self.list_count_after))


class MetricLinker:
    def __init__(self, rules: MetricRules, word_tags: dict[str, str]) -> None:
        self.r = rules
        self.tags = word_tags

    def __call__(self, ctx: DocContext, used: set[tuple[int, int]]) -> list[dict]:
        nums = sorted((s for t in _NUMERIC for s in ctx.by_type.get(t, [])), key=lambda s: s.start)
        out: list[dict] = []
        prev: dict | None = None  # the record before, in the same sentence: its indicator may be shared
        for n in nums:
            if (n.start, n.end) in used or self._skip(ctx, n):
                continue
            rec = self._record(ctx, n, prev)
            out.append(rec)
            prev = rec
        return out

    def _skip(self, ctx: DocContext, n: Span) -> bool:
        text = ctx.text
        if any(ctx.covering(t, n.start, n.end) for t in ("project", "enterprise", "document", "organization")):
            return True
        if self.r.after_re.match(text, n.end):
            return True  # 5000万元以上项目: a class threshold inside a noun
        if n.type == "quantity" and self.r.list_count_re.match(text, n.end):
            return True
        return False

    def _record(self, ctx: DocContext, n: Span, prev: dict | None) -> dict:
        text, r = ctx.text, self.r
        ca, _ = ctx.clause(n.start)
        sa, sb = ctx.sentence(n.start)
        lo = ca
        for m in ctx.spans("money", ca, n.start) + ctx.spans("percent", ca, n.start) + ctx.spans("quantity", ca, n.start):
            if not r.after_re.match(text, m.end):
                lo = max(lo, m.end)  # the number before it in the clause ends its words
        seg_end = n.start
        role, direction = "value", None
        ch = r.change_re.search(text, lo, seg_end)
        if ch is not None:
            seg_end = ch.start()
            verb_dir = "increase" if ch.group("verb") in r.increase_words else "decrease"
            if not ch.group("to"):
                role, direction = "change", verb_dir
            elif prev is not None and prev["role"] == "from" and prev["anchor"]["start"] >= ca:
                direction = verb_dir  # …提升到16.3%: the level a from/value pair reached
        elif r.share_re.search(text, lo, seg_end):
            role = "share"
        after = regex.match(r"(?P<verb>[^\d，。；、]{0,4}?)(?:到|至)", text[n.end:n.end + 8])
        if after and any(text[max(lo, n.start - 2):n.start].endswith(w) for w in r.from_words):
            v = after.group("verb")
            role = "from"  # 由9.6%提升到16.3%
            direction = ("increase" if any(w in v for w in r.increase_words) else
                         "decrease" if any(w in v for w in r.decrease_words) else None)
        elif role == "value" and r.target_re.search(text, sa, n.start):
            role = "target"
        elif role == "change" and r.target_re.search(text, sa, n.start):
            role = "target"  # 力争增长15%: a goal, its direction kept
        rec: dict = {"kind": "metric", "anchor": {"start": n.start, "end": n.end}, "type": n.type,
                     "value": (n.norm or {}).get("value"), "unit": _unit(n), "role": role,
                     "direction": direction}
        rec["basis"] = self._basis(text, ca, n.start)
        rec["indicator"] = self._indicator(ctx, n, lo, seg_end, prev, sa)
        rec["period"] = self._period(ctx, n, sa)
        rec["region"] = self._region(ctx, n, sa)
        return rec

    def _basis(self, text: str, a: int, b: int) -> str | None:
        best = None
        for m in self.r.basis_re.finditer(text, a, b):
            best = "base_period" if m.group("base") else self.r.basis_kind[m.group("w")]
        return best

    def _indicator(self, ctx: DocContext, n: Span, lo: int, hi: int, prev: dict | None, sa: int) -> dict | None:
        """The shortest words that name what the number measures.

        A count (家, 个, 项…) followed by a noun names its thing after it (29家央企);
        otherwise the words before the number, less the predicate (增长, 同比, 达到),
        read right to left while they are nouns, with one verb before a short noun
        (签订金额, 投放贷款), and no places, times or fillers at the left.
        """
        text, r = ctx.text, self.r
        after = self._noun_run(ctx, n.end, forward=True) if n.type == "quantity" and text[n.end - 1] in _CLASSIFIERS else None
        if after is not None:
            return after
        p = r.predicate_re.search(text, lo, hi)
        while p is not None and lo < p.start() < hi:
            hi = p.start()
            p = r.predicate_re.search(text, lo, hi)
        if p is not None and p.start() == lo:
            hi = lo
        found = self._noun_run(ctx, hi, forward=False, lo=lo) if hi > lo else None
        if found is None:
            if prev is not None and prev.get("indicator") and prev["anchor"]["start"] >= sa:
                return dict(prev["indicator"])
            return None
        return found

    def _noun_run(self, ctx: DocContext, at: int, *, forward: bool, lo: int = 0) -> dict | None:
        """Noun words starting at ``at`` (forward) or ending at ``at`` (backward, not before ``lo``)."""
        text, r, tags = ctx.text, self.r, self.tags
        if forward:  # a word that straddles the number's end (家央企) is cut there
            toks = [(w[max(0, at - x):], max(x, at), y) for w, x, y in ctx.doc.words_after(at - 1, 17) if y > at]
        else:
            toks = [(w[:at - x], x, min(y, at)) for w, x, y in ctx.doc.words_before(at + 4, r.max_indicator_chars + 4)
                    if lo <= x < at][::-1]
        a = b = at
        nouns = verbs = 0
        if not forward:  # 高端产品占比: a share word ending the indicator is part of it
            share = next((w for w in r.share_nouns if text.endswith(w, lo, at)), None)
            if share:
                a, nouns = at - len(share), 1
                toks = [(w[:a - x], x, min(y, a)) for w, x, y in toks if x < a]
        for w, x, y in toks:
            if (forward and x != b) or (not forward and y != a):
                break
            if not _WORD.search(w) or w in r.lead_set or any(c.isdigit() for c in w) or any(
                    ctx.covering(t, x, y) or ctx.spans(t, x, y) for t in ("date", "region", "percent", "quantity")):
                break
            tag = tags.get(w)
            if tag is None or tag[0] in "nbj" or tag in ("vn", "an", "l", "a", "i", "eng") or len(w) > 3:
                nouns += 1
            elif tag[0] == "v" and nouns and len(w) > 1:
                verbs += 1  # 科技创新平台: a verb inside a compound noun; dropped below if nothing precedes it
            else:
                break
            a, b = (a, y) if forward else (x, b)
        # a verb at the outer edge of the run is the action, not the thing measured
        edge = sorted((t for t in toks if t[1] >= a and t[2] <= b), key=lambda t: t[1])
        while len(edge) > 1 and (tags.get(edge[-1 if forward else 0][0]) or "n")[0] == "v":
            edge = edge[:-1] if forward else edge[1:]
            a, b = edge[0][1], edge[-1][2]
        if nouns == 0 and verbs == 0:
            if not forward and toks and toks[0][2] == at and (tags.get(toks[0][0]) or "v")[0] == "v" and len(toks[0][0]) > 1:
                return {"start": toks[0][1], "end": at}  # 对接148次: the activity itself
            return None
        while a < b and text[a] in "、，：: \n“”":
            a += 1
        return {"start": a, "end": b} if b > a else None

    def _period(self, ctx: DocContext, n: Span, sa: int) -> str | None:
        for s in reversed(ctx.spans("date", sa, n.start)):
            v = (s.norm or {}).get("value") if isinstance(s.norm, dict) else getattr(s.norm, "value", None)
            if v and v[:4].isdigit():
                return v
        rel = ctx.relative_year(sa, n.start)
        if rel:
            return rel
        for lo in (ctx.paragraph_start(n.start),):
            for s in reversed(ctx.spans("date", lo, n.start)):
                v = (s.norm or {}).get("value") if isinstance(s.norm, dict) else getattr(s.norm, "value", None)
                if v and v[:4].isdigit():
                    return v
        for h in ctx.headings_above(n.start):
            v = ctx.year_before(h.end, h.start)
            if v:
                return v
        return None

    def _region(self, ctx: DocContext, n: Span, sa: int) -> dict | None:
        regs = [s for s in ctx.spans("region", sa, n.start) if not ctx.inside_name(s)]
        if regs:
            reg = ctx.region_of(regs[-1])
            zone = self.r.zone_re.match(ctx.text, regs[-1].end)
            if zone:  # a number about a zone is not the city's
                return {"code": None, "name": ctx.text[regs[-1].start:regs[-1].end + zone.end()]}
            return reg
        if ctx.spans("enterprise", sa, n.start):
            return None  # a figure of an enterprise
        return dict(ctx.region) if ctx.region else None


def _unit(n: Span) -> str | None:
    norm = n.norm or {}
    if n.type == "money":
        return norm.get("currency", "CNY")
    return norm.get("unit")
