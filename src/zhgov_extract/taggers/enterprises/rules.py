"""The enterprise rules (``rules/enterprise.yaml``) as a typed model, and their compiled form.

Every key of the YAML file is a field of :class:`EnterpriseRuleFile`; a wrong or
missing key fails at load time (pydantic, ``extra="forbid"``).  The organisational
forms and industry words come from ``gazetteers/org_forms.tsv`` and
``gazetteers/industry_words.tsv``.
"""
from __future__ import annotations

from pathlib import Path

import regex
import yaml
from pydantic import BaseModel, ConfigDict

from zhgov_extract.link.gazetteer import _automaton, read_tsv
from zhgov_extract.resources import gazetteer_path, rules_path
from zhgov_extract.text.normalize import fold_width
from zhgov_extract.text.spans import alternation, longest_words


class EnterpriseRuleFile(BaseModel):
    """What ``rules/enterprise.yaml`` holds; the file's comments say why each list exists."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    left_stops: list[str]
    foreign_areas: list[str]
    transliteration_chars: str = ""
    location_stops: list[str]
    generic_heads: list[str]
    region_generic_heads: list[str] = []
    list_separators: str = "、与和及"
    list_tail: str = ""
    list_count_tail: str = ""
    list_type_tail: str = ""
    list_sector_words: list[str] = []
    enterprise_kind_words: list[str] = []
    list_item_forms: list[str] = []
    own_prefixes: list[str] = []
    list_bare_item_max: int = 4
    never_in_trade: str = ""
    verb_industry_words: list[str] = []
    enterprise_list_tail: str = "央企|企业|公司|集团"
    max_trade_word_freq: int = 300
    lead_verb_min_freq: int = 1000
    single_verb_min_freq: int = 100000
    sector_endings: list[str] = []
    sector_followers: list[str] = []
    sector_own_followers: list[str] = []
    person_titles: list[str] = []
    alias_group_tails: list[str] = []
    media_after: str = ""
    bureau_endings: list[str] = []
    facility_endings: list[str] = []
    facility_traffic: list[str] = []
    facility_traffic_span: int = 12
    branch_forms: list[str] = []
    branch_owner_window: int = 300
    generic_group_forms: list[str] = []
    excluded_forms: list[str] = []
    alias_only_forms: list[str] = []
    weak_forms: list[str]
    right_boundaries: list[str] = []
    unit_project_heads: list[str] = []
    numbered_unit: str = ""
    agreement: str = ""
    unit_project_span: int = 14
    region_industry_blockers: list[str] = []
    min_trade_chars: int
    max_name_chars: int
    max_forms_in_name: int = 3
    count_classifiers: str = "家个户批类项座名"
    count_numerals: str = ""
    financial_words: list[str] = []
    foreign_markers: list[str] = []
    group_endings: list[str] = []
    organization_suffixes: list[str]
    organizations: list[str]
    organization_short_prefixes: str = ""
    region_context_before: list[str] = []
    region_context_after: list[str] = []
    region_everyday_min_freq: int = 300

    @classmethod
    def load(cls, path: str | Path | None = None) -> "EnterpriseRuleFile":
        with open(path or rules_path("enterprise.yaml"), encoding="utf-8") as fh:
            data = yaml.safe_load(fh) or {}
        try:
            return cls.model_validate(data)
        except Exception as exc:
            raise ValueError(f"{path or 'rules/enterprise.yaml'}: {exc}") from exc


class EnterpriseRules:
    """The rule file compiled for the hot path (sets, automata, regexes); read-only once built."""

    def __init__(self, path: str | Path | None = None, gazetteer_dir: Path | None = None) -> None:
        r = self.file = EnterpriseRuleFile.load(path)
        gdir = gazetteer_dir
        forms_path = (gdir / "org_forms.tsv") if gdir else gazetteer_path("org_forms.tsv")
        words_path = (gdir / "industry_words.tsv") if gdir else gazetteer_path("industry_words.tsv")
        self.forms: dict[str, str] = {fold_width(row["form"]): row.get("kind", "") for row in read_tsv(forms_path)}
        self.industry = longest_words(fold_width(row["word"]) for row in read_tsv(words_path) if len(row["word"]) >= 2)
        self.left_stops = set(r.left_stops)
        self.stop_lengths = sorted({len(w) for w in self.left_stops}, reverse=True)
        self.location_re = regex.compile(alternation(r.location_stops))
        self.list_separators = set(r.list_separators)
        self.list_tail_re = regex.compile(r.list_tail) if r.list_tail else None
        self.list_type_tail_re = regex.compile(r.list_type_tail) if r.list_type_tail else None
        self.enterprise_tail_re = regex.compile(r.enterprise_list_tail)
        self.list_sector_words = tuple(r.list_sector_words)
        self.enterprise_kind_words = tuple(r.enterprise_kind_words)
        self.list_item_forms = tuple(longest_words(r.list_item_forms))
        self.own_prefixes = tuple(longest_words(r.own_prefixes))
        self.location_words = tuple(r.location_stops)
        self.list_bare_item_max = r.list_bare_item_max
        self.list_count_tail_re = regex.compile(r.list_count_tail) if r.list_count_tail else None
        self.max_trade_freq = r.max_trade_word_freq
        self.lead_verb_freq = r.lead_verb_min_freq
        self.single_verb_freq = r.single_verb_min_freq
        self.alias_group_tails = longest_words(r.alias_group_tails)
        self.person_titles = tuple(longest_words(r.person_titles))
        self.sector_endings = tuple(r.sector_endings)
        self.sector_followers = tuple(longest_words(r.sector_followers))
        self.sector_own_followers = tuple(r.sector_own_followers)
        self.generic_group_forms = set(r.generic_group_forms)
        self.media_after_re = regex.compile(r.media_after) if r.media_after else None
        self.bureau_endings = tuple(r.bureau_endings)
        self.facility_endings = tuple(r.facility_endings)
        self.facility_traffic_re = (regex.compile(rf"[^。；;，,\n]{{0,{r.facility_traffic_span}}}?(?:{alternation(r.facility_traffic)})")
                                    if r.facility_traffic else None)
        self.branch_forms = {fold_width(f) for f in r.branch_forms}
        self.branch_owner_window = r.branch_owner_window
        self.verb_industry = set(r.verb_industry_words)
        self.industry_set = set(self.industry)
        self.foreign_areas = longest_words(r.foreign_areas)
        self.transliteration = set(r.transliteration_chars)
        self.foreign_ac = _automaton(self.foreign_areas)
        self.never_in_trade = set(r.never_in_trade)
        self.weak_forms = {fold_width(f) for f in r.weak_forms}
        self.min_trade = r.min_trade_chars
        self.max_name = r.max_name_chars
        self.org_suffixes = longest_words(r.organization_suffixes)
        self.org_names = longest_words(r.organizations)
        self.org_name_set = set(self.org_names)  # a listed body (中科院) is no enterprise item
        self.org_short_prefixes = set(r.organization_short_prefixes)
        self.excluded_forms = {fold_width(f) for f in r.excluded_forms}
        self.alias_only_forms = {fold_width(f) for f in r.alias_only_forms}
        self.right_boundaries = longest_words(r.right_boundaries)
        self.financial_words = tuple(r.financial_words)
        self.foreign_markers = tuple(fold_width(m) for m in r.foreign_markers)
        self.group_endings = tuple(r.group_endings)
        self.region_context_before = tuple(longest_words(r.region_context_before))
        self.region_context_after = tuple(longest_words(r.region_context_after))
        self.region_everyday_freq = r.region_everyday_min_freq
        # whole-text scans use Aho-Corasick (see link/gazetteer.py for the measurement)
        self.form_names = [f for f in longest_words(self.forms) if f not in self.excluded_forms]
        self.form_ac = _automaton(self.form_names)
        self.industry_re = regex.compile(rf"(?:{alternation(self.industry)})+")
        self.industry_word_re = regex.compile(alternation(self.industry))  # one word, longest first
        self.numbered_unit_re = regex.compile(r.numbered_unit) if r.numbered_unit else None
        self.agreement_re = regex.compile(r.agreement) if r.agreement else None
        self.unit_project_re = (regex.compile(rf"[^，。；;,、\n]{{0,{r.unit_project_span}}}?(?:{alternation(r.unit_project_heads)})")
                                if r.unit_project_heads else None)
        self.industry_first = {w[0] for w in self.industry}  # a set lookup before each industry_re.match
        self.org_suffix_re = regex.compile(alternation(self.org_suffixes))
        self.org_ac = _automaton(self.org_names)
        self.org_suffix_ac = _automaton(self.org_suffixes)
        self.financial_forms = {f for f, k in self.forms.items() if k == "financial"}
        # rightmost place a name cannot run left across: a non-name character, a stop word, a count (99家)
        self.boundary_rev = regex.compile(
            rf"(?r)(?:{alternation(self.left_stops)})|[^\p{{Han}}A-Za-z·&()]|[\d{regex.escape(r.count_numerals)}][{regex.escape(r.count_classifiers)}]"
        )
        self.forms_tail_re = regex.compile(rf"(?:{alternation(self.forms)})+$")
        self.forms_run_re = regex.compile(rf"(?:{alternation(self.forms)})+")
        self.max_forms_in_name = r.max_forms_in_name
        self.generic_re = regex.compile(rf"(?:{alternation(r.generic_heads)})+")
        self.region_generic_re = (regex.compile(rf"(?:{alternation(r.region_generic_heads)})+")
                                  if r.region_generic_heads else None)
        self.right_boundary_re = regex.compile(alternation(self.right_boundaries)) if self.right_boundaries else None
        self.blockers_re = (regex.compile(alternation(r.region_industry_blockers))
                            if r.region_industry_blockers else None)
