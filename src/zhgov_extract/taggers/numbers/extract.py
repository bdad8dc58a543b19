"""Find where money, percent and quantity are written: :class:`NumericExtractor`.

The extractor decides spans and what they are made of (the number tokens, the
unit or currency word, a range's two ends, jiao and fen, qualifier words); it
computes no value — :mod:`zhgov_extract.taggers.numbers.parse` does.  It keeps
no per-document state: one instance serves many threads.
"""
from __future__ import annotations

from dataclasses import dataclass

from zhgov_extract.taggers.numbers.rules import NumericRules
from zhgov_extract.text.doc import Doc

_DASHES = "-—–~～"
_BIG = set("万萬亿億")


@dataclass(slots=True)
class NumberToken:
    """A number as written: digits or numerals, sign, multiplier word and 余/多."""

    start: int
    end: int  # end of number and its multiplier/approximation tail
    num: str
    arabic: bool
    negative: bool
    mult: str
    approx: bool
    percent_prefix: bool  # 百分之…


@dataclass(slots=True)
class Found:
    """One mention to be: its span, its number(s) and unit, nothing computed yet."""

    kind: str
    start: int
    end: int
    tok: NumberToken  # the number (the high end of a range)
    info: dict  # currency/per/currency_word/currency_before, or unit/unit_span/small_prefix; approx; minor
    qualifier: str | None = None  # from a word before or after the span
    low: NumberToken | None = None  # the low end of a range
    low_info: dict | None = None  # the low end's own unit, when written in full (it keeps its own value)
    source: str = "numeric"


def _in_order(words: list[str], order: list[str]) -> bool:
    """Each word of the set at most once, in the set's order (金 before 银 before 铜)."""
    idx = [order.index(w) if w in order else -1 for w in words]
    return -1 not in idx and all(a < b for a, b in zip(idx, idx[1:]))


def is_big(mult: str) -> bool:
    """万/亿 multiply a quantity; a small prefix alone (千, 百) belongs to its unit."""
    return any(c in _BIG for c in mult)


class NumericExtractor:
    """Find money, percent and quantity spans in a :class:`Doc` (normalised coordinates)."""

    def __init__(self, rules: NumericRules):
        self.r = rules

    # -- tokens ------------------------------------------------------------
    def number_at(self, text: str, m) -> NumberToken:
        r = self.r
        ar, sign, cn, pct = m.group("ar", "sign", "cn", "pct")
        if ar is not None:
            start = m.start("sign") if sign else m.start("ar")
            end = m.end()
            if end < len(text) and text[end] in r.tail_first:
                t = r.tail_re.match(text, end)
                mult = t.group("mult") or ""
                approx = bool(t.group("ap1") or t.group("ap2"))
                if t.group("gap") and not r.currency_re.match(text, t.end()):
                    mult, approx = "", False  # 4个万亿级产业基地: 个 counts; 3个亿元: 个 is a gap
                else:
                    end = t.end()
            else:
                mult, approx = "", False
            return NumberToken(start, end, ar, True, bool(sign), mult, approx, False)
        approx = "余" in cn or "多" in cn
        return NumberToken(m.start(), m.end(), cn, False, False, "", approx, bool(pct))

    def _label(self, text: str, tok: NumberToken) -> bool:
        """Numbers in plan labels (8+1+4, 2+N) and after ordinal/name words."""
        before = text[tok.start - 1] if tok.start else ""
        after = text[tok.end] if tok.end < len(text) else ""
        if before in self.r.label_joiners or after in self.r.label_joiners:
            return True
        if before not in self.r.not_after_last:
            return False
        return self.r.not_after_re.search(text, max(0, tok.start - 3), tok.start) is not None

    # -- words around the number --------------------------------------------
    @staticmethod
    def _word_before(text: str, start: int, words: list[str], last: set[str], blockers: dict) -> str | None:
        """The longest of ``words`` ending at ``start`` and not the end of a longer word (节约 is no 约)."""
        if start == 0 or text[start - 1] not in last:
            return None
        for word in words:
            if text.startswith(word, start - len(word)):
                prev = text[start - len(word) - 1] if start - len(word) > 0 else ""
                if prev and prev in blockers.get(word, ()):
                    continue
                return word
        return None

    def _qualifier_before(self, text: str, start: int) -> str | None:
        r = self.r
        word = self._word_before(text, start, r.q_before_sorted, r.q_before_last, r.q_blockers)
        return r.q_before[word] if word else None

    def _qualifier_after(self, text: str, end: int, unit: str | None) -> str | None:
        r = self.r
        if end >= len(text) or text[end] not in r.q_after_first:
            return None
        for word in r.q_after_sorted:
            if text.startswith(word, end):
                if word in r.q_after_time_only and unit not in r.time_units:
                    continue
                return r.q_after[word]
        return None

    def _currency_before(self, text: str, start: int) -> str | None:
        r = self.r
        word = self._word_before(text, start, r.currency_before_sorted, r.currency_before_last, {})
        return r.currency_before[word] if word else None

    def _has_cue(self, text: str, start: int, cues, window: int, breaks: set[str]) -> bool:
        lo = start
        while lo > 0 and start - lo < window and text[lo - 1] not in breaks:
            lo -= 1
        head = text[lo:start]
        return any(c in head for c in cues)

    # -- the unit after a number ---------------------------------------------
    def _money_after(self, text: str, tok: NumberToken, m) -> tuple | None:
        r = self.r
        word = m.group("cur")
        if not tok.arabic and len(tok.num) < 2 and word in r.single_blocked:
            return None  # 二元结构, 一元化: a lone Chinese digit is no amount
        end = m.end()
        info = {"currency": r.currencies[word], "per": m.group("per"), "currency_word": word}
        if word in r.minor_after and not m.group("per"):
            k = r.minor_re.match(text, end)
            if k:  # 45元6角7分, 3块5毛: one amount
                info["minor"] = (k.group("jiao"), k.group("fen") or k.group("fen2"))
                end = k.end()
        if word in r.requires_minor and "minor" not in info:
            return None  # 3块地 is a count
        w = r.whole_re.match(text, end)
        if w:  # 伍佰陆拾萬圆整
            end = w.end()
        return "money", end, info

    def unit_after(self, text: str, tok: NumberToken, doc: Doc) -> tuple | None:
        """(type, unit-match-end, info) for the unit right after a number, or None."""
        r = self.r
        pos = tok.end
        nxt = text[pos] if pos < len(text) else ""
        m = r.currency_re.match(text, pos) if nxt in r.currency_first else None
        if m:
            found = self._money_after(text, tok, m)
            if found is not None or m.group("cur") not in r.requires_minor:
                return found
        m = r.percent_re.match(text, pos) if nxt in r.percent_first else None
        if m and (tok.arabic or tok.percent_prefix):
            unit = r.percent_units[m.group("unit")]
            if unit == "multiple" and (not r.multiple_cues or not self._has_cue(
                    text, tok.start, r.multiple_cues, r.multiple_window, r.multiple_breaks)):
                return None
            return "percent", m.end(), {"unit": unit}
        if tok.percent_prefix:
            return "percent", tok.end, {"unit": "percent"}
        if not tok.arabic:
            return None
        return self._quantity_after(text, tok, doc)

    def _quantity_after(self, text: str, tok: NumberToken, doc: Doc) -> tuple | None:
        r = self.r
        pos = tok.end
        # quantity: only 万/亿 multiply; 千/百 before the unit belong to the unit
        prefix = ""
        if tok.mult and not is_big(tok.mult):
            prefix, pos = tok.mult, tok.end
        m = r.quantity_re.match(text, pos) if pos < len(text) and text[pos] in r.quantity_first else None
        if m:
            unit = m.group("unit").strip()
            if prefix and not r.quantity_re.fullmatch(unit):
                return None
            if unit == r.year_unit and not tok.mult:
                digits = tok.num.replace(",", "")
                if digits.isdigit() and len(digits) == 4 and 1900 <= int(digits) <= 2100:
                    return None  # a calendar year
                if text.startswith(r.year_followers, m.end()):
                    return None  # 90年代, 2024年度
            if unit == "个" and not m.group("den"):
                k = r.approx_classifier_re.match(text, m.end())
                if k:  # 3个多月 → 3 个月, approx_more
                    return "quantity", k.end(), {"unit": "个" + k.group(1), "small_prefix": prefix, "approx": True}
            return "quantity", m.end(), {"unit": prefix + unit, "small_prefix": prefix,
                                         "unit_span": (tok.end - len(prefix), m.end())}
        if tok.mult in ("万", "亿", "万亿") and (
            not r.unitless_guard.match(text, tok.end) or doc.in_protected(tok.end, tok.end + 1)  # a date follows
        ):
            if self._has_cue(text, tok.start, r.money_cues, r.cue_window, r.clause_breaks):
                return "money", tok.end, {"currency": "CNY", "per": None, "unitless": True}
        return None

    # -- main ----------------------------------------------------------------
    def __call__(self, doc: Doc) -> list[Found]:
        text = doc.text
        r = self.r
        out: list[Found] = []
        last_end = 0
        for m in r.number_re.finditer(text):
            if m.start() < last_end:
                continue
            tok = self.number_at(text, m)
            if tok.negative and self._dash_is_joiner(text, tok.start, last_end):
                tok.start += 1  # a dash between two amounts is a range, never a minus sign
                tok.negative = False
            if self._label(text, tok) or doc.in_protected(tok.start, tok.end):
                continue
            found = self.unit_after(text, tok, doc)
            if found is None or found[2].get("unitless"):
                f = self._range(text, tok, doc, None)
                if f is None and found is not None:
                    f = self._make(text, found, tok)
            else:
                f = self._range(text, tok, doc, found) or self._make(text, found, tok)
            if f is not None:
                out.append(f)
                last_end = f.end
            elif tok.end < len(text) and text[tok.end] in r.tally_first:
                parts = self._tally(text, tok.start)
                if parts:
                    out.extend(parts)
                    last_end = parts[-1].end
        self._coordinate(text, out)
        return out

    def _dash_is_joiner(self, text: str, sign: int, last_end: int) -> bool:
        """``1万元--3万元``, ``2万(含)-8万元``, ``2-3年``: the dash joins two numbers."""
        k = sign
        while k > 0 and text[k - 1] in _DASHES:
            k -= 1
        if k != sign or (last_end and k == last_end):
            return True
        return k > 0 and (text[k - 1].isdigit() or text[k - 1] == ")")

    def _range(self, text: str, low: NumberToken, doc: Doc, low_found: tuple | None) -> Found | None:
        """10亿至20亿元, 五到六万港元, 1万元--3万元: one mention with two ends.

        ``low_found`` is the low end's own unit when it is written in full; then a
        change verb before it and 至/到 make two amounts (每人提高20元至500元).
        """
        r = self.r
        pos = low_found[1] if low_found else low.end
        if pos >= len(text) or text[pos] not in r.range_first:
            return None
        m = r.range_re.match(text, pos)
        if not m:
            return None
        if low_found and m.group("j") in r.change_connectors and \
                r.change_verbs_re.search(text, max(0, low.start - 4), low.start):
            return None
        n = r.number_re.match(text, m.end())
        if not n or n.group("pct"):
            return None
        high = self.number_at(text, n)
        if high.arabic != low.arabic or high.negative or doc.in_protected(high.start, high.end):
            return None
        found = self.unit_after(text, high, doc)
        if found is None:
            return None
        kind, end, info = found
        if low_found is not None:
            li = low_found[2]
            if low_found[0] != kind or li.get("currency") != info.get("currency") or li.get("unit") != info.get("unit"):
                return None
        f = self._make(text, found, high)
        f.start, f.low, f.low_info = low.start, low, (low_found[2] if low_found else None)
        q = self._qualifier_before(text, low.start) if low.start else None
        if q is not None:
            f.qualifier = q
        f.source = "range"
        return f

    def _make(self, text: str, found: tuple, tok: NumberToken) -> Found:
        kind, end, info = found
        r = self.r
        q = None
        if tok.start and text[tok.start - 1] in r.q_before_last:
            q = self._qualifier_before(text, tok.start)
        if q is None and end < len(text) and text[end] in r.q_after_first:
            q = self._qualifier_after(text, end, info.get("unit"))
        if kind == "money" and tok.start and text[tok.start - 1] in r.currency_before_last:
            cb = self._currency_before(text, tok.start)
            if cb:
                info["currency_before"] = cb
        return Found(kind, tok.start, end, tok, info, q)

    def _tally(self, text: str, start: int) -> list[Found]:
        """12金8银5铜: each number with its word is a quantity (two or more, in the set's order)."""
        r = self.r
        m = r.tally_re.match(text, start) if r.tally_re is not None else None
        if m is None:
            return []
        parts = list(r.tally_part_re.finditer(text, m.start(), m.end()))
        if not any(_in_order([p.group(2) for p in parts], ws) for ws in r.tally_sets):
            return []  # 12金12金 is no tally
        out = []
        for p in parts:
            a = p.start()
            tok = NumberToken(a, a + len(p.group(1)), p.group(1), True, False, "", False, False)
            out.append(Found("quantity", a, p.end(), tok, {"unit": p.group(2)}, None, source="tally"))
        return out

    def _coordinate(self, text: str, found: list[Found]) -> None:
        """A bare number before 和/、 shares the unit written after the next one."""
        r = self.r
        by_end = {f.end: i for i, f in enumerate(found)}
        new: list[Found] = []
        for f in list(found):
            right = f
            while True:
                j = right.start - 1
                if j < 1 or text[j] not in r.coord:
                    break
                prev_idx = by_end.get(j)
                if prev_idx is not None:
                    prev = found[prev_idx]
                    # 3.5个和3个百分点: a 个-quantity before a 个百分点 percent is that percent
                    if right.kind == "percent" and prev.kind == "quantity" and \
                            right.info.get("unit") == "percentage_point" and prev.info.get("unit") == "个":
                        prev.kind, prev.info = "percent", {"unit": "percentage_point"}
                        right = prev
                        continue
                    break
                lo = max(0, j - 24)
                m = None
                for cand in r.coord_left_re.finditer(text, lo, j):
                    m = cand
                if m is None:
                    break
                tok_m = r.bare_number_re.match(text, m.start())
                if tok_m is None:
                    break
                tok = self.number_at(text, tok_m)
                if tok.end != j or self._label(text, tok):
                    break
                info = {k: v for k, v in right.info.items() if k in ("unit", "currency", "per", "unit_span")}
                g = self._make(text, (right.kind, j, info), tok)
                g.source = "coordination"
                new.append(g)
                right = g
        found.extend(new)
        found.sort(key=lambda s: s.start)


__all__ = ["Found", "NumberToken", "NumericExtractor", "is_big"]
