"""What a number measures: the indicator span of a metric record.

Read right to left from the predicate: a head (the word right before it, a noun
or a word jieba tags as a verb but used as a measure: 收入, 支出, 出栏), then its
modifiers — nouns, attributes, a class threshold (规模以上, 10亿元以上), a quoted
or bracketed part (“揭榜挂帅”项目, 太阳能电池(光伏电池)产量), coordinated nouns
(文教、工美、体育和娱乐用品制造业增加值) and verbs inside the compound (可支配).
Places, times and fillers end it on the left; an action verb at its left edge
(引进, 建设) is dropped, a verb that names the measure (新增, 签约, 盘活) kept.
``A、B、C分别增长x、y、z``: each number takes its own item.
"""
from __future__ import annotations

from itertools import pairwise

import regex

from zhgov_extract.records.context import DocContext

_WORD = regex.compile(r"[\p{Han}A-Za-z0-9]")
_CLOSE = {"”": "“", "’": "‘", "」": "「", "』": "『", ")": "(", "）": "（", "》": "《"}
_CLOSER = {v: k for k, v in _CLOSE.items()}
_NUM_GAP = regex.compile(r"[、和及与\s]*")
_AND = regex.compile("[和及与]")
_MAGNITUDE = regex.compile("[十百千万亿]+元?")
_BLOCKING = ("date", "region", "money", "percent", "quantity", "enterprise")
_LIST_GAP = regex.compile(r"[^，。；,;\d]{0,3}[、和及与]")


class IndicatorReader:
    """Finds indicator spans; holds only the rules and the word tags (shared across threads)."""

    def __init__(self, rules, word_tags: dict[str, str]) -> None:
        self.r = rules
        self.tags = word_tags

    # ------------------------------------------------------------ word classes
    def _nouny(self, w: str) -> bool:
        tag = self.tags.get(w)
        if w in self.r.threshold_after:
            return False  # handled as part of a threshold
        return (tag is None or tag[0] in "nbjgszt" or tag in ("vn", "an", "a", "l", "i", "eng", "nz")
                or len(w) > 3)

    def _verb(self, w: str) -> bool:
        tag = self.tags.get(w) or ""
        return tag[:1] == "v" and tag != "vn"

    def _blocked(self, ctx: DocContext, w: str, x: int, y: int) -> bool:
        """A word that cannot be inside an indicator: a place, a time, a filler, a number."""
        if w in self.r.lead_set or not _WORD.search(w) or any(map(str.isdigit, w)):  # ① and ² count, as digits do
            return True
        # a named enterprise is who the figure is about, not what it measures
        return 1 in ctx.mask(_BLOCKING)[x:y]

    def threshold(self, ctx: DocContext, end: int) -> bool:
        """5000万元以上项目: a number followed by 以上 and a noun is a class inside the noun, not a value
        (增长7%以上…… and 80%以上从…采购 are values).  Asked again for each later number of the clause:
        read once per offset."""
        hit = ctx.memo.get(("threshold", end))
        if hit is None:
            hit = ctx.memo[("threshold", end)] = self._threshold(ctx, end)
        return hit

    def _threshold(self, ctx: DocContext, end: int) -> bool:
        m = self.r.after_re.match(ctx.text, end)
        if m is None:
            return False
        if m.group() in self.r.class_words:
            return True  # 30兆瓦级, 百亿级: a size class
        nxt = next((w for w, x, _ in ctx.doc.words_after(m.end(), 6) if x == m.end()), "")
        return nxt == "的" or (bool(nxt) and _WORD.match(nxt) is not None and self._nouny(nxt))

    # ------------------------------------------------------------ backward
    def backward(self, ctx: DocContext, lo: int, hi: int) -> dict | None:
        """The indicator ending at ``hi`` (not before ``lo``)."""
        text, r = ctx.text, self.r
        if hi <= lo:
            return None
        toks = [(w[:hi - x], x, min(y, hi)) for w, x, y in ctx.doc.words_before(hi, r.max_indicator_chars + 8)
                if lo <= x < hi][::-1]
        run: list[tuple[str, int, int, str]] = []  # (word, start, end, class) right to left
        money_at = ctx.mask(("money",))
        a = hi
        i = 0
        while i < len(toks):
            w, x, y = toks[i]
            if y != a or hi - x > r.max_indicator_chars + 6:
                break
            if w in _CLOSE:  # a quoted or bracketed part: jump to its opener
                op = text.rfind(_CLOSE[w], max(lo, x - 16), x)
                if op < 0:
                    break
                if w in ")）" and run and "、" in text[op:y]:
                    break  # 市级(市本级、“三区”)一般公共预算收入: a list of tiers before the name
                if w in ")）" and not run and op > lo:
                    a, hi = op, op  # 地区生产总值(GDP): an alias after the name is not part of it
                    while i < len(toks) and toks[i][1] >= op:
                        i += 1
                    continue
                run.append((text[op:y], op, y, "n"))
                a = op
                while i < len(toks) and toks[i][1] >= op:
                    i += 1
                continue
            money = next((m for m in ctx.spans("money", max(lo, x - 16), y) if m.start <= x < m.end), None) \
                if money_at[x] else None
            if w in r.threshold_after or money is not None:
                # 规模以上 / 10亿元以上项目: a threshold inside the noun, kept when a noun follows it
                if not run or not any(c == "n" for *_, c in run):
                    break
                if money is not None:
                    run.append((text[money.start:y], money.start, y, "n"))
                    a = money.start
                    while i < len(toks) and toks[i][1] >= money.start:
                        i += 1
                    continue
                run.append((w, x, y, "n"))
                a, i = x, i + 1
                continue
            if w in r.coordinators or w.isspace():
                # 文教、工美和娱乐用品: nouns on both sides; a verb phrase before it is another clause
                if not run or run[-1][3] != "n" or i + 1 >= len(toks) or not self._nouny(toks[i + 1][0]):
                    break
                run.append((w, x, y, "c"))
                a, i = x, i + 1
                continue
            if self._blocked(ctx, w, x, y):
                if run and text[x:run[-1][2]] in r.indicator_terms:
                    run.append((w, x, y, "n"))  # 完成投资: a term that starts with a filler verb
                break
            if self._nouny(w) or (run and _MAGNITUDE.fullmatch(w)) or (w in r.class_words and (
                    run or i + 1 < len(toks) and self._nouny(toks[i + 1][0]))):  # 医疗保健类上涨0.3%
                run.append((w, x, y, "n"))
            elif self._verb(w) and (len(w) > 1 or (i + 1 < len(toks) and self._nouny(toks[i + 1][0]))):
                run.append((w, x, y, "v"))
            else:
                if run and text[x:run[-1][2]] in r.indicator_terms:
                    run.append((w, x, y, "n"))  # 自然增长率: a term jieba splits at an adverb
                break
            a, i = x, i + 1
        # 央企签订金额, 平台受理群众诉求: before a verb of doing, the nouns are who did it, not what is measured
        cut = next((k for k in range(len(run) - 1, 0, -1) if run[k][0] in r.agent_verbs
                    and any(c == "n" for *_, c in run[k + 1:])), None)
        if cut is not None:
            run = run[:cut + 1]
        # the left edge: no separator, no action verb, no verb+noun pair that opens a clause
        while len(run) > 1 and text[run[-1][1]:run[-2][2]] not in r.indicator_terms and (
                run[-1][3] == "c" or run[-1][0] in r.lead_set or (
                run[-1][0] in r.action_verbs and self.tags.get(run[-1][0]) != "n")):
            run.pop()
        if not run:
            return None
        a, b = run[-1][1], run[0][2]
        while a < b and (text[a] in "、，：: \n”’" or text[a] in "“‘(（" and _CLOSER[text[a]] not in text[a:b]):
            a += 1
        if a < b and text[a] in "(（":  # (市、区)一般公共预算收入: a leading bracket qualifies, not names
            a = text.find(_CLOSER[text[a]], a, b) + 1
        return {"start": a, "end": b} if b > a else None

    # ------------------------------------------------------------ forward
    def forward(self, ctx: DocContext, at: int) -> dict | None:
        """The thing a count names after it (29家央企): nouns up to the first verb."""
        toks = [(w[max(0, at - x):], max(x, at), y) for w, x, y in ctx.doc.words_after(at - 1, 17) if y > at]
        b = at
        nouns = 0
        end = at
        text = ctx.text
        for w, x, y in toks:
            if x < b:
                if y <= b:
                    continue  # inside a bracket or a threshold already taken
                w, x = w[b - x:], b  # 5000|万元以上: the rest of a word that straddles the threshold's end
            if x != b:
                break
            if w in ("(", "（") and nouns:  # 20余个省(区、市): a bracket after the name belongs to it
                close = text.find(")" if w == "(" else "）", y, y + 12)
                if close < 0:
                    break
                b = end = close + 1
                continue
            money = next((m for m in ctx.spans("money", x, x + 16) if m.start == x), None) \
                if ctx.mask(("money",))[x] else None
            if money is not None and b == at and self.threshold(ctx, money.end):
                b = money.end  # 707个5000万元以上项目: a class threshold opens the name
                continue
            if self._blocked(ctx, w, x, y) or w in self.r.coordinators:
                break
            if _MAGNITUDE.fullmatch(w) and b == at:
                b = y  # 4个万亿级产业基地: a magnitude opens a class
                continue
            if self._nouny(w) or ((nouns or b > at) and (w in self.r.threshold_after or w in self.r.class_words)):
                nouns += 1
                end = y
            elif self._verb(w) and nouns == 0 and len(w) > 1:
                pass  # a verb before the noun may belong to it (驻鞍央企); dropped if nothing follows
            else:
                break
            b = y
        if nouns == 0 or end - at < 2:
            return None  # 6个县及以上…: one character is no name
        return {"start": at, "end": end}

    # ------------------------------------------------------------ 分别
    def distributed(self, ctx: DocContext, n, ca: int, cb: int, lo_for) -> dict | None:
        """``A、B和C分别增长x、y和z``: the item of the list that this number's place in its list names."""
        text, r = ctx.text, self.r
        k = text.rfind("分别", ca, n.start)
        if k < 0:
            return None
        nums = sorted((s for t in ("money", "percent", "quantity") for s in ctx.spans(t, k, cb)), key=lambda s: s.start)
        nums = [s for s in nums if not self.threshold(ctx, s.end)]
        if len(nums) < 2 or n not in nums:
            return None
        for p, q in pairwise(nums):  # one list of numbers: only separators between them
            if not _NUM_GAP.fullmatch(text, p.end, q.start) and not _LIST_GAP.fullmatch(text, p.end, q.start):
                return None
        lo = lo_for(k)
        hi = r.predicate_start(text, lo, k)
        hi = hi if hi > lo else k  # predicate words all the way from ``lo``: the list has no words to strip
        items = _split_items(text, lo, hi, len(nums))
        if items is None:
            return None
        a, b = items[nums.index(n)]
        if nums.index(n) == 0:  # the first item may carry the clause's opening words (全市南果梨)
            first = self.backward(ctx, a, b)
            if first is None:
                return None
            a = first["start"]
        if nums.index(n) == len(nums) - 1:
            b = self._strip_shared(text, items, a, b)
        return {"start": a, "end": b} if b > a else None

    def _strip_shared(self, text: str, items: list[tuple[int, int]], a: int, b: int) -> int:
        """衣着价格 after 交通通信、食品烟酒: the measure written once after the last item is not its name."""
        seg = text[a:b]
        cut = seg.find("等")
        if cut > 0:
            return a + cut
        for w in self.r.shared_measures:
            if seg.endswith(w) and len(seg) > len(w) and not any(text[x:y].endswith(w) for x, y in items[:-1]):
                return b - len(w)
        return b


def _split_items(text: str, lo: int, hi: int, count: int) -> list[tuple[int, int]] | None:
    """Split ``text[lo:hi]`` at 、 (and a last 和/及/与) into ``count`` items, or None."""
    seg = text[lo:hi]
    parts, pos = [], lo
    for piece in seg.split("、"):
        parts.append((pos, pos + len(piece)))
        pos += len(piece) + 1
    if len(parts) + 1 == count:
        x, y = parts[-1]
        m = None
        for m in _AND.finditer(text, x, y):
            pass
        if m is None:
            return None
        parts[-1:] = [(x, m.start()), (m.end(), y)]
    if len(parts) != count or any(y - x < 2 or not _WORD.search(text, x, y) for x, y in parts):
        return None
    if any(y - x > 14 for x, y in parts[1:]):
        return None
    return parts
