"""Compute the normalised value of a found number: :class:`NumericParser`.

Every value is computed here from what the extractor found: multipliers
(``3.72万`` → 37200), ranges (a multiplier written once applies to both ends:
``五到六万`` → 50000–60000; a low end written in full keeps its own value),
estimates (``六七亿``, ``数百万``, ``十几万`` are ranges), yuan with jiao and fen
(``45元6角7分`` → 45.67) and the currency (a word before the number decides
over the generic 元).
"""
from __future__ import annotations

from decimal import Decimal

from zhgov_extract.taggers.numbers.extract import Found, NumberToken
from zhgov_extract.taggers.numbers.rules import NumericRules
from zhgov_extract.taggers.numerals import DIGITS, SMALL_UNITS, multiplier, parse_arabic, parse_chinese, plain, plain_arabic
from zhgov_extract.text.doc import Doc, Span

_CN_OF = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九"}
# 数百 → 一百 … 一千: the next unit up
_UP = {"十": "百", "拾": "百", "百": "千", "佰": "千", "千": "万", "仟": "万", "万": "十万", "萬": "十万",
       "亿": "十亿", "億": "十亿"}
_MULT_CHARS = set("十百千拾佰仟万萬亿億")


def estimate_bounds(num: str, vague: str, adjacent: bool) -> tuple[str, str] | None:
    """The two ends of an estimate as numerals: 六七亿 → (六亿, 七亿), 数百万 → (一百万, 一千万),
    十几万 → (一十万, 二十万); None for an ordinary numeral."""
    n = len(num)
    if adjacent:
        for i in range(n - 1):
            a, b = DIGITS.get(num[i]), DIGITS.get(num[i + 1])
            if a and b == a + 1 and (i == 0 or num[i - 1] not in DIGITS) and (i + 2 >= n or num[i + 2] not in DIGITS):
                return num[:i] + num[i] + num[i + 2:], num[:i] + num[i + 1] + num[i + 2:]
    for i, ch in enumerate(num):
        if ch not in vague:
            continue
        nxt = num[i + 1] if i + 1 < n else ""
        prev = num[i - 1] if i else ""
        if prev in SMALL_UNITS:  # 十几万, 二十几万: the tens digit and the next one
            has_digit = i >= 2 and num[i - 2] in DIGITS
            d = DIGITS[num[i - 2]] if has_digit else 1
            head = num[:i - 2] if has_digit else num[:i - 1]
            if d == 0 or d >= 9:
                return None
            return head + _CN_OF[d] + prev + num[i + 1:], head + _CN_OF[d + 1] + prev + num[i + 1:]
        if nxt in _UP:  # 数百万, 几十亿, 数万: one to ten of the unit
            return num[:i] + "一" + num[i + 1:], num[:i] + "一" + _UP[nxt] + num[i + 2:]
        return None
    return None


class NumericParser:
    """Turn :class:`Found` items into spans with their ``norm`` (spec: "Hard cases → Numbers")."""

    def __init__(self, rules: NumericRules):
        self.r = rules
        self._vague = "".join(rules.estimates.vague)

    def number(self, tok: NumberToken, kind: str, info: dict, mult: str | None = None) -> Decimal | str:
        """The value of one number; ASCII digits take a string fast path (multipliers are powers of ten)."""
        mult = tok.mult if mult is None else mult
        applies = bool(mult) and not (kind == "quantity" and info.get("small_prefix"))
        if tok.arabic:
            if tok.num.isascii():
                return plain_arabic(tok.num, tok.negative, self.r.exponent(mult) if applies else 0)
            v = parse_arabic(tok.num)
            v = -v if tok.negative else v
        else:
            v, _ = parse_chinese(self._clean(tok.num))
        return v * multiplier(mult) if applies else v

    def _clean(self, num: str) -> str:
        for w in self.r.gap_words:  # 三个亿 → 三亿
            num = num.replace(w, "")
        return num

    def _estimate(self, tok: NumberToken) -> tuple[Decimal, Decimal] | None:
        if tok.arabic:
            return None
        bounds = estimate_bounds(self._clean(tok.num), self._vague, self.r.estimates.adjacent_digits)
        if bounds is None:
            return None
        return parse_chinese(bounds[0])[0], parse_chinese(bounds[1])[0]

    def _shared_low(self, low: NumberToken, high: NumberToken, kind: str, info: dict, high_v: Decimal) -> Decimal:
        """The low end of a range whose multiplier is written once, after the high end.

        ``五到六万`` → 5万; ``一千到两千万`` → 1000万; ``从6500到2万`` → 6500 (the low end
        written in full keeps its own value: 6500万 would pass the high end).
        """
        own = Decimal(self.number(low, kind, info))
        if (low.arabic and low.mult) or (not low.arabic and any(c in "万萬亿億" for c in low.num)):
            return own
        if high.arabic:
            trail = high.mult if not (kind == "quantity" and info.get("small_prefix")) else ""
        else:
            num = self._clean(high.num).rstrip("余多")
            k = len(num)
            while k > 0 and num[k - 1] in _MULT_CHARS:
                k -= 1
            trail = num[max(k, 1):]  # 十万: the leading 十 is the number itself
            if not trail:
                return own
        for i in range(len(trail)):
            cand = own * multiplier(trail[i:])
            if cand < high_v:
                return cand
        return own

    def __call__(self, f: Found, doc: Doc) -> Span:
        kind, tok, info = f.kind, f.tok, f.info
        q = f.qualifier
        norm: dict = {}
        if f.low is not None:
            high_v = Decimal(self.number(tok, kind, info))
            if f.low_info is not None:
                low_v = Decimal(self.number(f.low, kind, f.low_info))
            else:
                low_v = self._shared_low(f.low, tok, kind, info, high_v)
            norm["low"], norm["high"] = plain(low_v), plain(high_v)
            q = q or self.r.range_rules.qualifier
        elif (est := self._estimate(tok)) is not None:
            m = multiplier(tok.mult) if tok.mult else 1
            norm["low"], norm["high"] = plain(est[0] * m), plain(est[1] * m)
            q = q or self.r.estimates.qualifier
        else:
            v = self.number(tok, kind, info)
            minor = info.get("minor")
            if minor:
                v = Decimal(v) + _digit(minor[0]) / 10 + _digit(minor[1]) / 100
            norm["value"] = v if isinstance(v, str) else plain(v)
        if q is None:
            q = "approx_more" if tok.approx or info.get("approx") else "exact"
        norm["qualifier"] = q
        if kind == "money":
            currency = info["currency"]
            if info.get("currency_before") and info.get("currency_word") in self.r.generic_currency:
                currency = info["currency_before"]
            norm["currency"] = currency
            if info.get("per"):
                norm["per"] = info["per"]
        else:
            norm["unit"] = info["unit"]
            us = info.get("unit_span")
            if us and kind == "quantity":  # units as written in the source (套（间）, not 套(间))
                a, b = doc.norm.to_source(*us)
                norm["unit"] = "".join(doc.source[a:b].split())
        return Span(kind, f.start, f.end, norm, f.source)


def _digit(ch: str | None) -> Decimal:
    if not ch:
        return Decimal(0)
    return Decimal(int(ch)) if ch.isdigit() else Decimal(DIGITS[ch])


__all__ = ["NumericParser", "estimate_bounds"]
