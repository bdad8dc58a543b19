"""The typed word lists of metric records (``rules/metrics.yaml``) and the patterns built from them.

A misspelt key fails at load (``extra="forbid"``); the patterns are compiled once per rules object,
which the Extractor shares across threads (they hold no per-document state).
"""
from __future__ import annotations

from functools import cached_property
from pathlib import Path

import regex
import yaml
from pydantic import BaseModel, ConfigDict

from zhgov_extract.resources import rules_path
from zhgov_extract.taggers.project_rules import _alt


class MetricRules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    increase_words: list[str]
    compare_words: tuple[list[str], list[str]]
    compare_short: tuple[list[str], list[str]]
    pull_words: list[str]
    plan_nouns: list[str]
    decrease_words: list[str]
    to_words: list[str]
    from_words: list[str]
    share_words: list[str]
    target_words: list[str]
    future_pattern: str
    goal_needs_verb: list[str]
    goal_compounds: list[str]
    done_markers: list[str]
    basis: dict[str, list[str]]
    base_period_pattern: str
    predicate_words: list[str]
    lead_words: list[str]
    max_indicator_chars: int
    own_region_words: list[str]
    city_words: list[str]
    anaphors: list[str]
    zone_words: list[str]
    threshold_after: list[str]
    list_count_after: list[str]
    duration_before: list[str]
    coordinators: list[str]
    class_words: list[str]
    total_words: list[str]
    new_words: list[str]
    relative_years: dict[str, list[str]]
    plan_periods: dict[str, tuple[int, int]]
    year_statement: str
    part_of_year: dict[str, tuple[int, int]]
    context_chars: int
    action_verbs: list[str]
    agent_verbs: list[str]
    indicator_terms: list[str]
    shared_measures: list[str]

    @classmethod
    def load(cls, path: str | Path | None = None) -> MetricRules:
        with open(path or rules_path("metrics.yaml"), encoding="utf-8") as fh:
            return cls.model_validate(yaml.safe_load(fh))

    @cached_property
    def change_re(self):
        """A change verb ending right before the number (optionally 了/约/近…), not followed by 到/至."""
        return regex.compile(f"(?P<verb>{_alt(self.increase_words + self.decrease_words)})"
                             f"(?P<to>{_alt(self.to_words)})?[了约近超逾达]{{0,2}}$")

    @cached_property
    def compare_re(self):
        """增速高于全国、全省1.4个百分点: a gap to another figure is a change."""
        up, down = self.compare_words
        return regex.compile(f"(?:(?P<verb>{_alt(up + down)})[^，。；,;\\d]{{0,12}}"
                             f"|比(?![重例率])[^，。；,;\\d]{{1,12}}?(?P<verb>{_alt(self.compare_short[0] + self.compare_short[1])}))$")

    @cached_property
    def of_plan_re(self):
        return regex.compile(f"(?:{_alt(self.plan_nouns)})的?$")

    @cached_property
    def pull_re(self):
        return regex.compile(_alt(self.pull_words))

    @cached_property
    def share_re(self):
        return regex.compile(f"(?:{_alt(self.share_words)})[的为达约近超了是到]{{0,2}}$")

    @cached_property
    def share_of_re(self):
        """占…的57.7% / 占…的比重为24.1%: a part of a named whole."""
        return regex.compile("占(?!比)[^，。；,;、\\d]{1,20}?的(?:比重|比例)?[为达约近超了是到]{0,2}$")

    @cached_property
    def target_re(self):
        # a goal word that ends a noun phrase (营养改善计划，/ 选线定线规划等) names a programme, not a goal
        return regex.compile(f"(?:{_alt(self.target_words)}|{self.future_pattern})(?![，。、；：,;:等的])")

    @cached_property
    def basis_re(self):
        words = [(w, k) for k, ws in self.basis.items() for w in ws]
        return regex.compile(f"(?P<w>{_alt(w for w, _ in words)})|(?P<base>{self.base_period_pattern})")

    @cached_property
    def basis_kind(self) -> dict[str, str]:
        return {w: k for k, ws in self.basis.items() for w in ws}

    @cached_property
    def predicate_re(self):
        return regex.compile(f"(?:{_alt(self.predicate_words)}|[\\s，、：:]|\\[\\d{{1,2}}\\])+$")  # [2]: a footnote mark

    @cached_property
    def up_words(self) -> frozenset:
        """The verbs of a change or comparison that say it went up."""
        return frozenset(self.increase_words + self.compare_words[0] + self.compare_short[0])

    def predicate_start(self, text: str, lo: int, hi: int) -> int:
        """Where the predicate words that end ``text[lo:hi]`` start (``hi`` if none).

        One search: its match is the leftmost start from which predicate words run to
        ``hi``, so stripping them and searching again never finds more.
        """
        p = self.predicate_re.search(text, lo, hi)
        return p.start() if p is not None else hi

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
    def duration_before_re(self):
        return regex.compile(f"(?:{_alt(self.duration_before)})\\s*$")

    @cached_property
    def list_item_re(self):
        """中车集团等8家…, 包含鞍钢集团总部在内的29家: an item of a list, not the one measured."""
        return regex.compile(r"\s*(?:等|、|和|及|与|总部|在内)")

    @cached_property
    def anaphor_re(self):
        """A sentence that opens with 该公司 / 双方 / 项目达产后: about the one named before it."""
        return regex.compile(f"\\s*(?:{_alt(self.anaphors)})")

    @cached_property
    def list_count_re(self):
        return regex.compile(_alt(self.list_count_after))
