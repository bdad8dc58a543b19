"""Parse Chinese and Arabic numerals into exact ``Decimal`` values.

Handles 零〇一二两三…九, 十百千万亿 (and 兆 is not used in reports), the
financial forms 壹贰叁…拾佰仟, decimals with 点, digit strings (二〇二四),
mixed forms (``1.56万亿``, ``3千万``), and 余/多 inside (``十余亿``).

Why not cn2an: it returns floats for decimals (``3021.27亿`` must stay exact),
knows no 余/多, and does far more than the taggers need.
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
    "壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3, "肆": 4, "伍": 5, "陆": 6, "陸": 6,
    "柒": 7, "捌": 8, "玖": 9,
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": Decimal(10) ** 4, "萬": Decimal(10) ** 4, "亿": Decimal(10) ** 8, "億": Decimal(10) ** 8}
APPROX = "余多"


def plain(d: Decimal) -> str:
    """A decimal as a plain string: no exponent, no trailing zeros (``37200``, ``3.5``)."""
    if d == 0:
        return "0"
    s = format(d.normalize(), "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def plain_arabic(num: str, negative: bool = False, exponent: int = 0) -> str:
    """``plain(parse_arabic(num) * 10**exponent)`` by string operations, for ASCII digits.

    Most numbers in a report are of this kind (multipliers are powers of ten:
    万 = 4, 亿 = 8), and the Decimal round trip is the larger part of
    normalising them.
    """
    s = num.replace(",", "").replace("，", "")
    if "." in s:
        whole, frac = s.split(".", 1)
    else:
        whole, frac = s, ""
    if exponent:
        frac = frac.ljust(exponent, "0")
        whole, frac = whole + frac[:exponent], frac[exponent:]
    frac = frac.rstrip("0")
    out = (whole.lstrip("0") or "0") + ("." + frac if frac else "")
    return "-" + out if negative and out != "0" else out


def exponent_of(word: str) -> int:
    """Power of ten of a multiplier word: 万 → 4, 亿 → 8, 万亿 → 12, 千万 → 7."""
    return len(str(int(multiplier(word)))) - 1 if word else 0


def multiplier(word: str) -> Decimal:
    """Value of a multiplier word such as 万, 亿, 万亿, 千万, 百亿."""
    value = Decimal(1)
    for ch in word:
        if ch in BIG_UNITS:
            value *= BIG_UNITS[ch]
        elif ch in SMALL_UNITS:
            value *= SMALL_UNITS[ch]
        else:
            raise ValueError(f"not a multiplier: {word!r}")
    return value


def parse_arabic(s: str) -> Decimal:
    """``1,234.5`` / ``-356`` → Decimal."""
    s = s.replace(",", "").replace("，", "").replace("−", "-").replace("－", "-")
    try:
        return Decimal(s)
    except InvalidOperation as exc:
        raise ValueError(f"not an Arabic number: {s!r}") from exc


def _parse_section(s: str) -> Decimal:
    """A section below 万: 三千二百零五, 十五, 百, 两千."""
    if not s:
        return Decimal(0)
    if all(ch in DIGITS for ch in s):  # 二〇二四 → 2024
        return Decimal("".join(str(DIGITS[ch]) for ch in s))
    total = 0
    digit = None
    for ch in s:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch in SMALL_UNITS:
            total += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
        else:
            raise ValueError(f"not a Chinese numeral: {s!r}")
    if digit is not None:
        total += digit
    return Decimal(total)


def parse_chinese(s: str) -> tuple[Decimal, bool]:
    """Parse a Chinese numeral; returns ``(value, approx_more)``.

    ``十余亿`` → (1000000000, True); ``百分之`` is handled by the caller.
    """
    approx = any(ch in APPROX for ch in s)
    s = "".join(ch for ch in s if ch not in APPROX)
    if not s:
        raise ValueError("empty numeral")
    if "点" in s:
        int_part, _, frac = s.partition("点")
        # the fraction may be followed by a multiplier: 一点五亿
        mult = Decimal(1)
        while frac and frac[-1] in BIG_UNITS:
            mult *= BIG_UNITS[frac[-1]]
            frac = frac[:-1]
        if not all(ch in DIGITS for ch in frac):
            raise ValueError(f"bad decimal numeral: {s!r}")
        whole = parse_chinese(int_part)[0] if int_part else Decimal(0)
        value = Decimal(f"{plain(whole)}.{''.join(str(DIGITS[c]) for c in frac) or '0'}") * mult
        return value, approx
    total = Decimal(0)  # the part counted in 亿
    current = Decimal(0)  # the part below 亿
    section = ""
    for ch in s:
        if ch in BIG_UNITS:
            value = _parse_section(section) if section else Decimal(0)
            if BIG_UNITS[ch] > 10 ** 4:  # 亿
                base = current + value
                total = (total + (base if base else Decimal(1))) * BIG_UNITS[ch]
                current = Decimal(0)
            else:  # 万
                base = current + value
                current = (base if base else Decimal(1)) * BIG_UNITS[ch]
            section = ""
        else:
            section += ch
    total += current
    total += _parse_section(section)
    return total, approx

