"""``rules/numeric.yaml`` loaded into typed models and compiled once per Extractor.

A wrong or unknown key is an error at load time (``extra="forbid"``), so a typo
in a user's rules folder does not silently switch a rule off.
"""
from __future__ import annotations

from pathlib import Path
from typing import Literal

import regex
import yaml
from pydantic import BaseModel, ConfigDict

from zhgov_extract.resources import rules_path
from zhgov_extract.taggers.numerals import exponent_of

Qualifier = Literal["exact", "over", "about", "nearly", "under", "approx_more"]

ARABIC = r"(?:\d{1,3}(?:[,，]\d{3})+(?!\d)|\d+)(?:\.\d+)?"
_CN_DIGIT = "零〇○一二两三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖"
_CN_SMALL = "十百千拾佰仟"
_CN_BIG = "万萬亿億"
# Only these multiply a number written in Arabic digits; a small unit alone (千, 百)
# stays in a quantity's unit (3.5千公顷).  千万亿 multiplies as written (2千万亿日元).
MULT = r"[十百千拾佰仟]?(?:[万萬][亿億]?|[亿億])|[百千佰仟]"


class _Rules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PercentRules(_Rules):
    units: dict[str, Literal["percent", "percentage_point", "multiple"]]
    multiple_cues: list[str]
    multiple_cue_window: int


class QualifierRules(_Rules):
    before: dict[str, Qualifier]
    after: dict[str, Qualifier]
    inside: list[str]
    after_time_only: list[str] = []
    before_blockers: dict[str, list[str]] = {}


class DateUnitRules(_Rules):
    year_unit: str
    year_followers: list[str]


class MinorUnitRules(_Rules):
    after: list[str]
    jiao: list[str]
    fen: list[str]
    requires_minor: list[str]
    after_minor: list[str]
    whole_suffix: list[str]


class RangeRules(_Rules):
    connectors: list[str]
    inclusive_marks: list[str]
    change_verbs: list[str]
    change_connectors: list[str]
    qualifier: Qualifier


class EstimateRules(_Rules):
    vague: list[str]
    adjacent_digits: bool
    qualifier: Qualifier


class DocumentRules(_Rules):
    title: str
    docno: str
    docno_prefix: str


class NumericRuleFile(_Rules):
    """The keys of ``rules/numeric.yaml``; docs/rules.md explains each."""

    source: str
    updated: str
    currencies: dict[str, str]
    currency_before: dict[str, str]
    generic_currency_words: list[str]
    single_numeral_blocked: list[str]
    minor_units: MinorUnitRules
    money_denominators: list[str]
    money_cues: list[str]
    clause_breaks: str
    money_cue_window: int
    percent: PercentRules
    quantity_units: list[str]
    dates: DateUnitRules
    unit_alternative: str
    qualifiers: QualifierRules
    approx_classifier_units: list[str]
    time_units: list[str]
    not_after: list[str]
    label_joiners: str
    unit_denominators: list[str]
    latin_unit_space: bool
    coordinators: list[str]
    ranges: RangeRules
    estimates: EstimateRules
    multiplier_gap: list[str]
    tallies: list[list[str]]
    documents: DocumentRules


def alternation(words) -> str:
    """A regex alternation of literal words, longest first (so 平方米 wins over 米)."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


def chinese_numeral(vague: str = "", gap: str = "(?!)") -> str:
    """A Chinese numeral of at most 12 characters (bounded: unbounded runs of 一一一… are quadratic).

    ``vague`` digits make estimates (数百, 十几); ``gap`` is a classifier before 亿 (三个亿).
    """
    v = regex.escape(vague)
    lead = rf"[{v}](?=[{_CN_SMALL}{_CN_BIG}])|" if vague else ""
    return (
        rf"(?:{lead}[{_CN_DIGIT}]|[{_CN_SMALL}][余多]?)(?:[{_CN_DIGIT}{v}]|{gap}|[{_CN_SMALL}{_CN_BIG}][余多]?){{0,11}}"
        rf"(?:点[{_CN_DIGIT}]{{1,6}}[{_CN_BIG}]{{0,2}})?"
    )


class NumericRules:
    """The typed rule file and the patterns compiled from it (read-only, shared by threads)."""

    def __init__(self, f: NumericRuleFile) -> None:
        self.file = f
        q = f.qualifiers
        self.currencies = f.currencies
        self.percent_units = f.percent.units
        self.multiple_cues = f.percent.multiple_cues
        self.multiple_window = f.percent.multiple_cue_window
        self.money_cues = f.money_cues
        self.cue_window = f.money_cue_window
        self.clause_breaks = set(f.clause_breaks)
        # a cue before a list of multiples covers every item: 分别是上年的3.1倍、3倍
        self.multiple_breaks = self.clause_breaks - set("、")
        self.q_before = q.before
        self.q_before_sorted = sorted(q.before, key=len, reverse=True)
        self.q_before_last = {w[-1] for w in q.before}
        self.q_after = q.after
        self.q_after_sorted = sorted(q.after, key=len, reverse=True)
        self.q_after_first = {w[0] for w in q.after}
        self.q_after_time_only = set(q.after_time_only)
        self.q_blockers = q.before_blockers
        self.time_units = set(f.time_units)
        self.not_after_re = regex.compile(rf"(?:{alternation(f.not_after)})$")
        self.not_after_last = {w[-1] for w in f.not_after}
        self.label_joiners = set(f.label_joiners)
        self.year_unit = f.dates.year_unit
        self.year_followers = tuple(f.dates.year_followers)
        self.single_blocked = set(f.single_numeral_blocked)
        self.generic_currency = set(f.generic_currency_words)
        self.currency_before = f.currency_before
        self.currency_before_sorted = sorted(f.currency_before, key=len, reverse=True)
        self.currency_before_last = {w[-1] for w in f.currency_before}
        self.minor_after = set(f.minor_units.after)
        self.requires_minor = set(f.minor_units.requires_minor)
        self.range_rules = f.ranges
        self.change_verbs_re = regex.compile(rf"(?:{alternation(f.ranges.change_verbs)})$")
        self.change_connectors = set(f.ranges.change_connectors)
        self.estimates = f.estimates
        self.coord = set(f.coordinators)
        self._compile(f)

    def _compile(self, f: NumericRuleFile) -> None:
        units = f.quantity_units
        latin = [u for u in units if regex.fullmatch(r"[A-Za-z]+", u)]
        han = [u for u in units if u not in latin]
        unit_alt, latin_alt = alternation(han), alternation(latin)
        sp = r"\x20?" if f.latin_unit_space else ""
        denom = alternation(han + f.unit_denominators)
        currency_alt = alternation(f.currencies)
        joiners = alternation(f.ranges.connectors)
        gap = rf"(?:{alternation(f.multiplier_gap)})(?=[{_CN_BIG}])"
        self.gap_words = tuple(f.multiplier_gap)
        chinese = chinese_numeral("".join(f.estimates.vague), gap)
        tally_words = [w for ws in f.tallies for w in ws]
        any_unit = "|".join([currency_alt, alternation(self.percent_units), unit_alt, rf"{sp}(?:{latin_alt})",
                             joiners, alternation(f.coordinators)] + ([alternation(tally_words)] if tally_words else []))
        self.mult = MULT
        # Only numbers that can start a mention reach Python: an Arabic number followed
        # (after 余/多 and a multiplier) by a unit, a range joiner or a coordinator, or
        # by 万/亿 alone; a Chinese numeral only before a currency (or a range ending in
        # one) or after 百分之.
        self.number_re = regex.compile(
            rf"(?<![A-Za-z0-9.])(?P<sign>[-−－])?(?P<ar>{ARABIC})"
            rf"(?=[余多]?(?:(?:{gap})?(?:{MULT}))?[余多]?(?:{any_unit})|[余多]?[{_CN_BIG}])"
            rf"|(?:(?P<pct>百分之)|(?=(?:{chinese})(?:{currency_alt}|{joiners})))(?P<cn>{chinese})"
        )
        # the same without the look-ahead, for the left side of coordinations
        self.bare_number_re = regex.compile(
            rf"(?<![A-Za-z0-9.])(?P<sign>[-−－])?(?P<ar>{ARABIC})|(?P<pct>百分之)?(?P<cn>{chinese})"
        )
        self.coord_left_re = regex.compile(rf"(?<![A-Za-z0-9.])(?:{ARABIC})(?:{MULT})?$")
        self.tail_re = regex.compile(rf"(?P<ap1>[余多])?(?P<gap>{gap})?(?P<mult>{MULT})?(?P<ap2>[余多])?")
        # first characters of each alternative: a set lookup rejects most positions before a regex call
        self.tail_first = set("余多十百千拾佰仟" + _CN_BIG + "".join(w[0] for w in f.multiplier_gap))
        self._exponents: dict[str, int] = {}
        self.currency_first = {w[0] for w in f.currencies}
        self.percent_first = {w[0] for w in self.percent_units}
        self.quantity_first = {u[0] for u in units} | ({" "} if sp else set())
        self.currency_re = regex.compile(
            rf"(?P<cur>{currency_alt})(?:/(?P<per>{alternation(f.money_denominators)}))?"
        )
        m = f.minor_units
        digit = rf"[0-9{_CN_DIGIT}]"
        self.minor_re = regex.compile(
            rf"零?(?:(?P<jiao>{digit})(?:{alternation(m.jiao)})(?:零?(?P<fen>{digit})(?:{alternation(m.fen)}))?(?![钟之])"
            rf"|(?P<fen2>{digit})(?:{alternation(m.fen)}))(?![钟之])(?:{alternation(m.after_minor)})?"
        )
        self.whole_re = regex.compile(rf"(?:{alternation(m.whole_suffix)})(?=[^\p{{Han}}\p{{L}}\p{{N}}]|$)")
        self.percent_re = regex.compile(rf"(?P<unit>{alternation(self.percent_units)})")
        self.quantity_re = regex.compile(
            rf"(?P<unit>(?:{unit_alt})|{sp}(?:{latin_alt})(?![A-Za-z]))(?:/(?P<den>{denom}))?"
            rf"(?P<alt>{f.unit_alternative})?"
        )
        self.range_re = regex.compile(rf"(?:{alternation(f.ranges.inclusive_marks)})?(?P<j>{joiners})")
        self.range_first = {w[0] for w in f.ranges.inclusive_marks + f.ranges.connectors}
        self.approx_classifier_re = regex.compile(rf"[多余]({alternation(f.approx_classifier_units)})")
        self.unitless_guard = regex.compile(
            rf"(?:{alternation(list(self.currencies) + list(self.percent_units))}|{unit_alt}|[A-Za-z0-9])"
        )
        # medal tallies: two or more of one set in a row, in the set's order (12金8银5铜; checked in Python)
        self.tally_re = regex.compile("|".join(
            rf"(?<![\d.])(?:\d+(?:{alternation(ws)})){{2,{len(ws)}}}" for ws in f.tallies)) if f.tallies else None
        self.tally_sets = [list(ws) for ws in f.tallies]
        self.tally_part_re = regex.compile(rf"(\d+)({alternation([w for ws in f.tallies for w in ws])})")
        self.tally_first = {w[0] for ws in f.tallies for w in ws}
        d = f.documents
        self.title_re = regex.compile(d.title)
        # anchored on the bracketed year, the issuer prefix is taken in Python (fast scan)
        self.docno_re = regex.compile(d.docno)
        self.docno_prefix_re = regex.compile(d.docno_prefix)

    def exponent(self, mult: str) -> int:
        """Power of ten of a multiplier word (万 → 4, 千万亿 → 15), cached."""
        e = self._exponents.get(mult)
        if e is None:
            e = self._exponents[mult] = exponent_of(mult)
        return e

    @classmethod
    def load(cls, path: str | Path | None = None) -> "NumericRules":
        with open(path or rules_path("numeric.yaml"), encoding="utf-8") as fh:
            return cls(NumericRuleFile.model_validate(yaml.safe_load(fh)))
