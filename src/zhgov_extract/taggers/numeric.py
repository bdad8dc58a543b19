"""Numeric taggers: money, percent and quantity.

Split as in Recognizers-Text: :class:`NumericExtractor` finds spans (a number
token, then a unit right after it, decided by the lists in
``rules/numeric.yaml``) and :class:`NumericParser` turns a found span into its
normalised value.  Both work on the normalised text; offsets are mapped to the
source by the pipeline.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import regex
import yaml

from zhgov_extract.text.doc import Doc, Span
from zhgov_extract.taggers.numerals import BIG_UNITS, exponent_of, multiplier, parse_arabic, parse_chinese, plain, plain_arabic
from zhgov_extract.registry import register_component
from zhgov_extract.resources import rules_path

ARABIC = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_CN_DIGIT = "零〇○一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
_CN_SMALL = "十百千拾佰仟"
# Bounded repetitions: a Chinese numeral in a report is short, and unbounded ones
# make the look-ahead below quadratic on long runs of 一一一….
CHINESE = (
    rf"(?:[{_CN_DIGIT}]|[{_CN_SMALL}][余多]?)(?:[{_CN_DIGIT}]|[{_CN_SMALL}万亿][余多]?){{0,11}}"
    rf"(?:点[{_CN_DIGIT}]{{1,6}}[万亿]{{0,2}})?"
)
MULT = r"万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千|百"
BIG_MULT = {"万亿", "亿", "万", "千万", "百万", "十万", "千亿", "百亿", "十亿"}


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass
class NumericRules:
    """The contents of ``rules/numeric.yaml``, compiled."""

    raw: dict

    @classmethod
    def load(cls, path: str | Path | None = None) -> "NumericRules":
        with open(path or rules_path("numeric.yaml"), encoding="utf-8") as fh:
            return cls(yaml.safe_load(fh))

    def __post_init__(self) -> None:
        r = self.raw
        self.currencies: dict[str, str] = r["currencies"]
        self.percent_units: dict[str, str] = r["percent"]["units"]
        self.multiple_cues = r["percent"]["multiple_cues"]
        self.multiple_window = int(r["percent"]["multiple_cue_window"])
        self.money_cues = r["money_cues"]
        self.cue_window = int(r["money_cue_window"])
        self.clause_breaks = set(r["clause_breaks"])
        # a cue before a list of multiples covers every item: 分别是上年的3.1倍、3倍
        self.multiple_breaks = self.clause_breaks - set("、")
        q = r["qualifiers"]
        self.q_before: dict[str, str] = q["before"]
        self.q_before_sorted = sorted(self.q_before, key=len, reverse=True)
        self.q_before_last = {w[-1] for w in self.q_before}
        self.q_after: dict[str, str] = q["after"]
        self.q_after_sorted = sorted(self.q_after, key=len, reverse=True)
        self.q_after_first = {w[0] for w in self.q_after}
        self.q_after_time_only = set(q.get("after_time_only", []))
        self.q_blockers: dict[str, list[str]] = q.get("before_blockers", {})
        self.time_units = set(r.get("time_units", []))
        self.not_after = r["not_after"]
        self.not_after_re = regex.compile(rf"(?:{_alternation(self.not_after)})$")
        self.not_after_last = {w[-1] for w in self.not_after}
        self.label_joiners = set(r["label_joiners"])
        self.year_unit = r["dates"]["year_unit"]
        units = r["quantity_units"]
        latin = [u for u in units if regex.fullmatch(r"[A-Za-z]+", u)]
        han = [u for u in units if u not in latin]
        unit_alt = _alternation(han)
        latin_alt = _alternation(latin)
        denom = _alternation(han + ["月", "日", "时", "秒", "年", "人", "户", "亩", "吨"])
        alt = r.get("unit_alternative", "")
        currency_alt = _alternation(self.currencies)
        any_unit = "|".join([currency_alt, _alternation(self.percent_units), unit_alt, latin_alt,
                             _alternation(r["range_joiners"]), _alternation(r["coordinators"])])
        # Only numbers that can start a mention reach Python: an Arabic number followed
        # (after 余/多 and a multiplier) by a unit, a range joiner or a coordinator, or
        # by 万/亿 alone; a Chinese numeral only before a currency or after 百分之.
        self.number_re = regex.compile(
            rf"(?<![A-Za-z0-9.])(?P<sign>[-−－])?(?P<ar>{ARABIC})"
            rf"(?=[余多]?(?:{MULT})?[余多]?(?:{any_unit})|[余多]?[万亿])"
            rf"|(?:(?P<pct>百分之)|(?=(?:{CHINESE})(?:{currency_alt})))(?P<cn>{CHINESE})"
        )
        # the same without the look-ahead, for the left side of ranges and coordinations
        self.bare_number_re = regex.compile(
            rf"(?<![A-Za-z0-9.])(?P<sign>[-−－])?(?P<ar>{ARABIC})|(?P<pct>百分之)?(?P<cn>{CHINESE})"
        )
        self.tail_re = regex.compile(rf"(?P<ap1>[余多])?(?P<mult>{MULT})?(?P<ap2>[余多])?")
        # first characters of each alternative: a set lookup rejects most positions before a regex call
        self.tail_first = set("余多" + MULT.replace("|", ""))
        self.mult_exponent = {w: exponent_of(w) for w in MULT.split("|")}
        self.currency_first = {w[0] for w in self.currencies}
        self.percent_first = {w[0] for w in self.percent_units}
        self.quantity_first = {u[0] for u in units}
        self.currency_re = regex.compile(
            rf"(?P<cur>{_alternation(self.currencies)})(?:/(?P<per>{_alternation(r['money_denominators'])}))?"
        )
        self.percent_re = regex.compile(rf"(?P<unit>{_alternation(self.percent_units)})")
        self.quantity_re = regex.compile(
            rf"(?P<unit>(?:{unit_alt})|(?:{latin_alt})(?![A-Za-z]))(?:/(?P<den>{denom}))?(?P<alt>{alt})?"
        )
        self.range_re = regex.compile(rf"(?:{_alternation(r['range_joiners'])})")
        self.coord = set(r["coordinators"])
        self.approx_classifier_re = regex.compile(
            rf"[多余]({_alternation(r.get('approx_classifier_units', []))})" if r.get("approx_classifier_units") else r"(?!)"
        )
        self.unitless_guard = regex.compile(
            rf"(?:{_alternation(list(self.currencies) + list(self.percent_units))}|{unit_alt}|[A-Za-z0-9])"
        )
        self.title_re = regex.compile(r"《[^《》\n]{1,200}》")
        # anchored on the bracketed year, the issuer prefix is taken in Python (fast scan)
        self.docno_re = regex.compile(r"[〔\[(【]\s*(?:19|20)\d{2}\s*[〕\])】]\s*\d{1,5}\s*号|第\s*\d{4,}\s*号")
        self.docno_prefix_re = regex.compile(r"\p{Han}{1,10}$")


@dataclass(slots=True)
class NumberToken:
    start: int
    end: int  # end of number and its multiplier/approximation tail
    num: str
    arabic: bool
    negative: bool
    mult: str
    approx: bool
    percent_prefix: bool  # 百分之…


class NumericExtractor:
    """Find money, percent and quantity spans in a :class:`Doc`."""

    def __init__(self, rules: NumericRules):
        self.r = rules
        self._doc: Doc | None = None

    # -- helpers -----------------------------------------------------------
    def _number_at(self, text: str, m) -> NumberToken:
        r = self.r
        ar, sign, cn, pct = m.group("ar", "sign", "cn", "pct")
        if ar is not None:
            start = m.start("sign") if sign else m.start("ar")
            end = m.end()
            if end < len(text) and text[end] in r.tail_first:
                t = r.tail_re.match(text, end)
                mult = t.group("mult") or ""
                approx = bool(t.group("ap1") or t.group("ap2"))
                end = t.end()
            else:
                mult, approx = "", False
            # 余/多 with no unit after the multiplier: keep it (10亿余元)
            return NumberToken(start, end, ar, True, bool(sign), mult, approx, False)
        _, approx = parse_chinese(cn) if cn else (None, False)
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

    def _qualifier_before(self, text: str, start: int) -> str | None:
        if start == 0 or text[start - 1] not in self.r.q_before_last:
            return None
        for word in self.r.q_before_sorted:
            if text.startswith(word, start - len(word)):
                prev = text[start - len(word) - 1] if start - len(word) > 0 else ""
                if prev and prev in self.r.q_blockers.get(word, []):
                    continue
                return self.r.q_before[word]
        return None

    def _qualifier_after(self, text: str, end: int, unit: str | None) -> str | None:
        if end >= len(text) or text[end] not in self.r.q_after_first:
            return None
        for word in self.r.q_after_sorted:
            if text.startswith(word, end):
                if word in self.r.q_after_time_only and unit not in self.r.time_units:
                    continue
                return self.r.q_after[word]
        return None

    def _has_cue(self, text: str, start: int, cues, window: int, breaks: set[str]) -> bool:
        lo = start
        while lo > 0 and start - lo < window and text[lo - 1] not in breaks:
            lo -= 1
        head = text[lo:start]
        return any(c in head for c in cues)

    # -- main --------------------------------------------------------------
    def unit_after(self, text: str, tok: NumberToken):
        """(type, unit-match-end, info) for the unit right after a number, or None."""
        r = self.r
        pos = tok.end
        nxt = text[pos] if pos < len(text) else ""
        m = r.currency_re.match(text, pos) if nxt in r.currency_first else None
        if m:
            if not tok.arabic and len(tok.num) < 2:
                return None  # 二元结构, 一元化: a lone Chinese digit is no amount
            return "money", m.end(), {"currency": r.currencies[m.group("cur")], "per": m.group("per")}
        m = r.percent_re.match(text, pos) if nxt in r.percent_first else None
        if m and (tok.arabic or tok.percent_prefix):
            unit = r.percent_units[m.group("unit")]
            if unit == "multiple" and not r.multiple_cues or (
                unit == "multiple" and not self._has_cue(text, tok.start, r.multiple_cues, r.multiple_window,
                                                         r.multiple_breaks)
            ):
                return None
            return "percent", m.end(), {"unit": unit}
        if tok.percent_prefix:
            return "percent", tok.end, {"unit": "percent"}
        if not tok.arabic:
            return None
        # quantity: only 万/亿 multiply; 千/百/十 before the unit belong to the unit
        prefix = ""
        if tok.mult and tok.mult not in BIG_MULT:
            prefix, pos = tok.mult, tok.end
        m = r.quantity_re.match(text, pos) if pos < len(text) and text[pos] in r.quantity_first else None
        if m:
            unit = prefix + m.group("unit")
            if prefix and not r.quantity_re.fullmatch(m.group("unit")):
                return None
            if m.group("unit") == r.year_unit and not tok.mult and not prefix:
                digits = tok.num.replace(",", "")
                if digits.isdigit() and len(digits) == 4 and 1900 <= int(digits) <= 2100:
                    return None  # a calendar year
                if text.startswith("代", m.end()) or text.startswith("度", m.end()):
                    return None  # 90年代, 2024年度
            end = m.end()
            if unit == "个" and not m.group("den"):
                k = r.approx_classifier_re.match(text, end)
                if k:  # 3个多月 → 3 个月, approx_more
                    return "quantity", k.end(), {"unit": "个" + k.group(1), "small_prefix": prefix,
                                                  "approx": True}
            if m.group("den"):
                unit += "/" + m.group("den")
            if m.group("alt"):
                unit += m.group("alt")
            return "quantity", m.end(), {"unit": unit, "small_prefix": prefix, "unit_span": (tok.end - len(prefix), m.end())}
        if tok.mult in ("万", "亿", "万亿") and (
            not r.unitless_guard.match(text, tok.end)
            or (self._doc is not None and self._doc.in_protected(tok.end, tok.end + 1))  # a date follows
        ):
            if self._has_cue(text, tok.start, r.money_cues, r.cue_window, r.clause_breaks):
                return "money", tok.end, {"currency": "CNY", "per": None, "unitless": True}
        return None

    def __call__(self, doc: Doc) -> list[Span]:
        text = doc.text
        r = self.r
        self._doc = doc
        spans: list[Span] = []
        last_end = 0
        for m in r.number_re.finditer(text):
            if m.start() < last_end:
                continue
            if m.group("cn") is not None and not m.group("pct") and len(m.group("cn")) == 1 and m.group("cn") in "十百千拾佰仟":
                pass  # allowed (百亿元), decided by unit_after
            tok = self._number_at(text, m)
            if tok.negative and (spans and spans[-1].end == tok.start or (tok.start > 0 and text[tok.start - 1].isdigit())):
                # a dash right after a number is a range joiner, not a sign
                tok.start += 1
                tok.negative = False
            if self._label(text, tok) or doc.in_protected(tok.start, tok.end):
                continue
            found = self.unit_after(text, tok)
            if found is None or found[2].get("unitless"):
                rng = self._range(text, tok)
                if rng is None and found is not None:
                    kind, end, info = found
                    spans.append(self._make(text, kind, tok, end, info))
                    last_end = end
                    continue
                if rng is not None:
                    spans.append(rng)
                    last_end = rng.end
                continue
            kind, end, info = found
            span = self._make(text, kind, tok, end, info)
            spans.append(span)
            last_end = end
        self._coordinate(text, spans)
        for span in spans:  # units are reported as written in the source (套（间）, not 套(间))
            us = (span.norm or {}).pop("unit_span", None)
            if us and span.type == "quantity":
                a, b = doc.norm.to_source(*us)
                span.norm["unit"] = "".join(doc.source[a:b].split())
        return spans

    def _range(self, text: str, low: NumberToken) -> Span | None:
        """10亿至20亿元, 2-3年: one mention with low and high."""
        m = self.r.range_re.match(text, low.end)
        if not m:
            return None
        n = self.r.number_re.match(text, m.end())
        if not n:
            return None
        high = self._number_at(text, n)
        if high.arabic != low.arabic:
            return None
        found = self.unit_after(text, high)
        if found is None:
            return None
        kind, end, info = found
        span = self._make(text, kind, high, end, info)
        span.start = low.start
        p = NumericParser.value(low, kind, low.mult or high.mult, info)
        span.norm["low"], span.norm["high"] = plain(p), span.norm.pop("value")
        span.source = "range"
        return span

    def _make(self, text: str, kind: str, tok: NumberToken, end: int, info: dict) -> Span:
        r = self.r
        q = None
        if tok.start and text[tok.start - 1] in r.q_before_last:
            q = self._qualifier_before(text, tok.start)
        if q is None and end < len(text) and text[end] in r.q_after_first:
            q = self._qualifier_after(text, end, info.get("unit"))
        if q is None:
            q = "approx_more" if tok.approx or info.get("approx") else "exact"
        if tok.arabic and tok.num.isascii():
            # multipliers are powers of ten: the value is the digits with the point moved, no Decimal needed
            applies = tok.mult and not (kind == "quantity" and info.get("small_prefix"))
            value = plain_arabic(tok.num, tok.negative, r.mult_exponent[tok.mult] if applies else 0)
        else:
            value = plain(NumericParser.value(tok, kind, tok.mult, info))
        norm = {"value": value, "qualifier": q}
        if kind == "money":
            norm["currency"] = info["currency"]
            if info.get("per"):
                norm["per"] = info["per"]
        else:
            norm["unit"] = info["unit"]
            if "unit_span" in info:
                norm["unit_span"] = info["unit_span"]
        return Span(kind, tok.start, end, norm, "numeric")

    def _coordinate(self, text: str, spans: list[Span]) -> None:
        """A bare number before 和/、 shares the unit written after the next one."""
        by_end = {s.end: i for i, s in enumerate(spans)}
        new: list[Span] = []
        for s in list(spans):
            right = s
            while True:
                j = right.start - 1
                if j < 1 or text[j] not in self.r.coord:
                    break
                prev_idx = by_end.get(j)
                if prev_idx is not None:
                    prev = spans[prev_idx]
                    # 3.5个和3个百分点: a 个-quantity before a 个百分点 percent is that percent
                    unit = (right.norm or {}).get("unit", "")
                    pu = (prev.norm or {}).get("unit", "")
                    if right.type == "percent" and prev.type == "quantity" and unit == "percentage_point" and pu == "个":
                        prev.type = "percent"
                        prev.norm = {"value": prev.norm["value"], "qualifier": prev.norm["qualifier"], "unit": unit}
                        right = prev
                        continue
                    break
                m = None
                for cand in regex.finditer(rf"(?<![A-Za-z0-9.])(?:{ARABIC})(?:{MULT})?$", text[max(0, j - 24):j]):
                    m = cand
                if m is None:
                    break
                a = max(0, j - 24) + m.start()
                tok_m = self.r.bare_number_re.match(text, a)
                if tok_m is None:
                    break
                tok = self._number_at(text, tok_m)
                if tok.end != j or self._label(text, tok):
                    break
                info = {k: v for k, v in (right.norm or {}).items() if k in ("unit", "currency", "per", "unit_span")}
                span = self._make(text, right.type, tok, j, info)
                span.source = "coordination"
                new.append(span)
                right = span
        spans.extend(new)
        spans.sort(key=lambda s: s.start)


class NumericParser:
    """Normalise a found number: exact decimal value with multipliers applied."""

    @staticmethod
    def value(tok: NumberToken, kind: str, mult: str, info: dict) -> Decimal:
        if tok.arabic:
            v = parse_arabic(tok.num)
            if tok.negative:
                v = -v
        else:
            v, _ = parse_chinese(tok.num)
        if mult:
            if kind == "quantity" and info.get("small_prefix"):
                pass  # 3.5千公顷: the prefix stays in the unit
            else:
                v *= multiplier(mult)
        return v


def tag_documents(doc: Doc, rules: NumericRules) -> list[Span]:
    """《…》 titles and document numbers (辽国资建字〔2025〕19号)."""
    out = [Span("document", m.start(), m.end(), None, "title") for m in rules.title_re.finditer(doc.text)]
    text = doc.text
    for m in rules.docno_re.finditer(text):
        start = m.start()
        if text[start] != "第":
            prefix = rules.docno_prefix_re.search(text, max(0, start - 10), start)
            if prefix is None:
                continue
            start = prefix.start()
        out.append(Span("document", start, m.end(), None, "docno"))
    return out


@register_component("documents", assigns=("document",), _builtin=True)
def documents_component(ex):
    """Titles (《…》) and document numbers; titles are blocked so no number inside becomes a mention."""
    rules = ex.numeric_rules

    def run(doc: Doc) -> None:
        spans = tag_documents(doc, rules)
        doc.block([(s.start, s.end) for s in spans if s.source == "title"])
        doc.spans.extend(spans)

    return run


@register_component("numeric", assigns=("money", "percent", "quantity"), requires=("document", "date"), _builtin=True)
def numeric_component(ex):
    extractor = NumericExtractor(ex.numeric_rules)

    def run(doc: Doc) -> None:
        doc.spans.extend(extractor(doc))

    return run
