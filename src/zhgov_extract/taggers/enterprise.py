"""Enterprises, organisations and regions: recognise (tag) and link.

Recognition has three sources, merged longest-first:

1. gazetteer names (central SOEs, their units, other known enterprises, user
   lists) found in one Aho-Corasick pass;
2. names *not* in any list, recognised by their structure — an organisational
   form (有限公司, 集团, 银行, 厂 …) and, to its left, a trade name that starts
   at a region, at a known enterprise, or after a word that cannot be part of a
   name (走进, 与, 位于 …; ``rules/enterprise.yaml``);
3. short names a document introduces: once ``荣信汇科电气股份有限公司`` is
   found, later ``荣信汇科`` is the same enterprise.

Linking gives each mention a canonical name and category: exact alias, then
the name's core (without its organisational form) against the gazetteer's
cores, then rapidfuzz on cores under a threshold tested in
``tests/test_linking.py``.
"""
from __future__ import annotations

import bisect
from functools import lru_cache
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import regex
import yaml
from rapidfuzz import fuzz, process

from zhgov_extract.text.doc import Doc, Span, non_overlapping
from zhgov_extract.link.gazetteer import Entity, EnterpriseGazetteer, RegionGazetteer, _automaton, read_tsv
from zhgov_extract.registry import register_component
from zhgov_extract.resources import gazetteer_path, rules_path
from zhgov_extract.text.normalize import fold_width

class _CharClass(dict):
    """Does one character match a character-class pattern?  Memoised per character:
    the taggers ask this of single characters many thousands of times a document."""

    def __init__(self, pattern: str) -> None:
        super().__init__()
        self.pattern = regex.compile(pattern)

    def __missing__(self, ch: str) -> bool:
        hit = self[ch] = self.pattern.fullmatch(ch) is not None
        return hit


_NAME_CHAR = _CharClass(r"[\p{Han}A-Za-z·&]")  # a character a name can hold
_BRACKETED = regex.compile(r"\([^()]*\)")
FUZZY_THRESHOLD = 90  # see tests/test_linking.py for the alias test set behind this number


def _longest_first(words: Iterable[str]) -> list[str]:
    return sorted(set(words), key=len, reverse=True)


def _alt(words: Iterable[str]) -> str:
    return "|".join(regex.escape(w) for w in _longest_first(words))


@dataclass
class Candidate:
    start: int
    end: int
    kind: str  # alias | structure | short | unit
    entity: Entity | None = None
    form: str = ""
    anchor: str = ""  # region | alias | none
    full_name: str = ""  # for a short name: the full name it stands for


class EnterpriseRules:
    def __init__(self, path: str | Path | None = None, gazetteer_dir: Path | None = None) -> None:
        with open(path or rules_path("enterprise.yaml"), encoding="utf-8") as fh:
            r = yaml.safe_load(fh)
        gdir = gazetteer_dir
        forms_path = (gdir / "org_forms.tsv") if gdir else gazetteer_path("org_forms.tsv")
        words_path = (gdir / "industry_words.tsv") if gdir else gazetteer_path("industry_words.tsv")
        self.forms: dict[str, str] = {fold_width(row["form"]): row.get("kind", "") for row in read_tsv(forms_path)}
        self.industry = _longest_first(fold_width(row["word"]) for row in read_tsv(words_path) if len(row["word"]) >= 2)
        self.left_stops = set(r["left_stops"])
        self.stop_lengths = sorted({len(w) for w in self.left_stops}, reverse=True)
        self.location_stops = _longest_first(r["location_stops"])
        self.location_re = regex.compile(_alt(self.location_stops))
        self.generic = _longest_first(r["generic_heads"])
        self.region_generic = _longest_first(r.get("region_generic_heads", []))
        self.list_separators = set(r.get("list_separators", "、与和及"))
        self.list_tail_re = regex.compile(r["list_tail"]) if r.get("list_tail") else None
        self.enterprise_tail_re = regex.compile(r.get("enterprise_list_tail", "央企|企业|公司|集团"))
        self.list_count_tail_re = regex.compile(r["list_count_tail"]) if r.get("list_count_tail") else None
        self.max_trade_freq = int(r.get("max_trade_word_freq", 300))
        self.lead_verb_freq = int(r.get("lead_verb_min_freq", 1000))
        self.single_verb_freq = int(r.get("single_verb_min_freq", 100000))
        self.alias_group_tails = _longest_first(r.get("alias_group_tails", []))
        self.person_titles = tuple(_longest_first(r.get("person_titles", [])))
        self.sector_endings = tuple(r.get("sector_endings", []))
        self.sector_followers = tuple(_longest_first(r.get("sector_followers", [])))
        self.generic_group_forms = set(r.get("generic_group_forms", []))
        self.verb_industry = set(r.get("verb_industry_words", []))
        self.industry_set = set(self.industry)
        self.foreign_areas = _longest_first(r.get("foreign_areas", []))
        self.foreign_ac = _automaton(self.foreign_areas)
        self.never_in_trade = set(r.get("never_in_trade", ""))
        self.weak_forms = set(fold_width(f) for f in r["weak_forms"])
        self.min_trade = int(r["min_trade_chars"])
        self.max_name = int(r["max_name_chars"])
        self.org_suffixes = _longest_first(r["organization_suffixes"])
        self.org_names = _longest_first(r["organizations"])
        self.excluded_forms = set(fold_width(f) for f in r.get("excluded_forms", []))
        self.alias_only_forms = set(fold_width(f) for f in r.get("alias_only_forms", []))
        self.right_boundaries = _longest_first(r.get("right_boundaries", []))
        self.region_industry_blockers = _longest_first(r.get("region_industry_blockers", []))
        # whole-text scans use Aho-Corasick (see gazetteer.py for the measurement)
        self.form_names = [f for f in _longest_first(self.forms) if f not in self.excluded_forms]
        self.form_ac = _automaton(self.form_names)
        self.industry_re = regex.compile(rf"(?:{_alt(self.industry)})+")
        self.industry_first = {w[0] for w in self.industry}  # a set lookup before each industry_re.match
        self.org_suffix_re = regex.compile(_alt(self.org_suffixes))
        self.org_ac = _automaton(self.org_names)
        self.org_suffix_ac = _automaton(self.org_suffixes)
        self.financial_forms = {f for f, k in self.forms.items() if k == "financial"}
        # compiled forms of the word lists, for the hot path
        # rightmost place a name cannot run left across: a non-name character, a stop word, a count (99家)
        self.boundary_rev = regex.compile(
            rf"(?r)(?:{_alt(self.left_stops)})|[^\p{{Han}}A-Za-z·&()]|\d[家个户批类项座名]"
        )
        self.forms_tail_re = regex.compile(rf"(?:{_alt(self.forms)})+$")
        self.generic_re = regex.compile(rf"(?:{_alt(self.generic)})+")
        self.region_generic_re = regex.compile(rf"(?:{_alt(self.region_generic)})+") if self.region_generic else None
        self.right_boundary_re = regex.compile(_alt(self.right_boundaries)) if self.right_boundaries else None
        self.blockers_re = regex.compile(_alt(self.region_industry_blockers)) if self.region_industry_blockers else None


class EnterpriseTagger:
    """Find enterprise, organisation and region spans in a :class:`Doc` and link enterprises."""

    def __init__(self, rules: EnterpriseRules, gazetteer: EnterpriseGazetteer, regions: RegionGazetteer,
                 word_tags: dict[str, str] | None = None) -> None:
        self.r = rules
        self.gaz = gazetteer
        self.regions = regions
        self.word_tags = word_tags or {}
        self.word_freq = load_word_freqs()
        self._cores: dict[str, Entity] = {}
        for name, ent in gazetteer.by_name.items():
            core = self.core(name)
            if len(core) >= 2:
                self._cores.setdefault(core, ent)
        self._core_keys = list(self._cores)
        self._fuzzy_cache: dict[tuple[str, float], tuple[Entity | None, float | None]] = {}

    # ----------------------------------------------------------- helpers
    def core(self, name: str) -> str:
        """A name without its organisational form: 鞍山钢铁集团有限公司 → 鞍山钢铁."""
        name = fold_width(name)
        m = self.r.forms_tail_re.search(name)
        if m and m.start() >= 2:
            return name[: m.start()]
        return name

    def _stop_at(self, text: str, p: int) -> bool:
        for k in self.r.stop_lengths:
            if p - k >= 0 and text[p - k:p] in self.r.left_stops:
                return True
        return False

    def _window_start(self, text: str, s: int, floor: int) -> tuple[int, bool]:
        """Scan left from ``s`` over name characters; returns (start, hit_hard_boundary)."""
        limit = max(floor, s - self.r.max_name)
        m = self.r.boundary_rev.search(text, limit, s)
        p, hard = (limit, limit == floor) if m is None else (m.end(), True)
        # brackets: only a balanced short one belongs to a name (空气化工产品(中国)); a ")" closing
        # something further left ends the window (…改造项目)莲花健康产业集团…)
        for i, depth in _bracket_depths(text, p, s):
            if depth < 0:
                p, hard = i + 1, True
        while p < s and text[p] in "()":
            p += 1
        return p, hard

    def _soft_extend(self, text: str, a: int, s: int, region_at) -> int:
        """A single-character stop (同, 和, 与) may be part of a trade name: 四川好亦同信息科技有限公司.

        If a region starts at most six characters before it and nothing between the
        region and the stop is punctuation or an organisational form, the name starts
        at the region.
        """
        if a < 1 or text[a - 1] not in self.r.left_stops or a in region_at or self._alias_start(a):
            return a  # after the stop a name already starts (鞍山市政府与鞍钢集团…)
        for r in range(max(0, a - 7), a - 1):
            b = region_at.get(r)
            if b is not None and b < a - 1:
                between = text[b:a - 1]
                if all(_NAME_CHAR[c] and c not in self.r.left_stops for c in between) \
                        and not self.r.forms_tail_re.search(between) \
                        and not self.r.org_suffix_re.search(between) \
                        and (r == 0 or self.r.boundary_rev.search(text, max(0, r - 1), r) is not None):
                    return r
        return a

    def _lead_verbs(self, doc: Doc, a: int, s: int) -> int:
        """Without an anchor: drop the verbs, adverbs and prepositions a name starts after
        (希望浪潮集团 → 浪潮集团, 组织平朔集团 → 平朔集团); only leading ones, so a verb inside a
        trade name (新再生) stays."""
        if doc.tokenizer is None or not self.word_tags:
            return a
        for w, ta, tb in doc.clause_tokens(a, s):
            if tb <= a:
                continue
            if ta != a or ta >= s:
                break
            tag = self.word_tags.get(w)
            if not tag or w in self.r.industry_set or self.gaz.lookup(w) or text_starts_bracket(doc.text, tb):
                break
            # only everyday function words: a trade name may be a rarer verb (远航, 腾飞, 振华)
            everyday = len(w) >= 2 and self.word_freq.get(w, 0) >= self.r.lead_verb_freq
            if everyday and (tag[0] in "vdpcr" and tag != "vn" or tag == "ad"):
                a = min(tb, s)
            else:
                break
        return a

    def _anchors(self, region_at: dict[int, int], alias_at: dict[int, tuple[int, Entity]], a: int, s: int,
                 text: str) -> tuple[int, str] | None:
        """Leftmost region or known-enterprise start in [a, s), outside brackets."""
        for i, depth in _bracket_depths(text, a, s):
            if depth:
                continue
            if i in alias_at and alias_at[i][0] <= s + 8:
                return i, "alias"
            if i in region_at and region_at[i] <= s:
                return i, "region"
        return None

    @staticmethod
    def _region_cover(rstarts: list[int], region_at: dict[int, int], a: int) -> int:
        """If a region name runs across ``a``, start at the region instead."""
        k = bisect.bisect_left(rstarts, a) - 1
        if k >= 0 and rstarts[k] < a < region_at[rstarts[k]]:
            return rstarts[k]
        return a

    @staticmethod
    def _rightmost_region(rstarts: list[int], region_at: dict[int, int], a: int, s: int, e: int) -> int | None:
        """The last region that starts in [a, s) and ends by the suffix's end (鞍山市 in 鞍山市委)."""
        k = bisect.bisect_left(rstarts, s) - 1
        while k >= 0 and rstarts[k] >= a:
            if region_at[rstarts[k]] <= e:
                return rstarts[k]
            k -= 1
        return None

    def _after_last_word(self, doc: Doc, a: int, s: int, cut, min_len: int = 2) -> int:
        """Start after the last token in [a, s) of at least ``min_len`` characters for which ``cut(word, tag)``."""
        if doc.tokenizer is None or not self.word_tags or s <= a:
            return a
        best = a
        tags = self.word_tags
        for w, ta, tb in doc.tokens_in(a, s):
            if len(w) >= min_len:
                tag = tags.get(w)
                if tag and cut(w, tag):
                    best = tb
        return best

    def _after_last_verb(self, doc: Doc, a: int, s: int) -> int:
        """An organisation's name holds no verb, adverb or idiom (贯彻落实): start after the last one."""
        return self._after_last_word(doc, a, s, lambda w, t: (t[0] in "vdil" or t == "ad") and t != "vn")

    def _region_anchor_ok(self, name: str) -> bool:
        """A region name that is also an ordinary word (城区, 郊区) does not start a company name."""
        tag = self.word_tags.get(name)
        return tag is None or tag.startswith("ns")

    def _alias_start(self, i: int) -> bool:
        return i in self._alias_starts

    def _name_like(self, doc: Doc, a: int, s: int) -> bool:
        """Every word of [a, s) is a noun or unknown to the dictionary, and the whole is no common word."""
        if self.word_freq.get(doc.text[a:s], 0) > self.r.max_trade_freq:
            return False
        if doc.tokenizer is None or not self.word_tags:
            return True
        for w, ta, tb in doc.clause_tokens(a, s):
            if tb <= a or ta >= s:
                continue
            tag = self.word_tags.get(w)
            if len(w) >= 2 and tag and tag[0] not in "nj" and w not in self.r.industry_set:
                return False  # 感谢您公司: a verb; a one-character piece (恒泰洁|能) says nothing
        return True

    def _group_prefix(self, prefix: str) -> bool:
        """Is ``prefix`` the short name of a known group (华电 → 华电集团)?"""
        return bool(self.gaz.lookup(prefix) or self.gaz.lookup(prefix + "集团"))

    def _cut_location(self, text: str, a: int, s: int, region_at, alias_at) -> int:
        """Start after a location word (…开发区) when what follows it starts a name."""
        best = a
        for m in self.r.location_re.finditer(text, a, s):
            j = m.end()
            if j < s and (j in region_at or j in alias_at):
                best = max(best, j)
        return best

    def _pos_trim(self, doc: Doc, a: int, s: int, region_at=None) -> int:
        """Start after the last function word (preposition, conjunction, particle, adverb, pronoun).

        A standalone one-character one counts only if it is very common (如 机场集团, not 如意集团),
        no region starts before it, and a trade name is left after it: jieba also splits
        unknown names into single characters (恒泰洁|能|科技, 北京|再|担保).
        """
        cut = self._after_last_word(doc, a, s, lambda w, t: t[0] in "pcudr" and not self.gaz.lookup(w))
        return self._after_single_word(doc, cut, s, region_at)

    def _after_single_word(self, doc: Doc, a: int, s: int, region_at=None) -> int:
        """Start after the last standalone, very common one-character word (有, 是, 如) in [a, s),
        if a trade name is left after it and no region starts before it."""
        single = self._after_last_word(doc, a, s, lambda w, t: len(w) == 1 and t[0] in "pcudrv"
                                       and self.word_freq.get(w, 0) >= self.r.single_verb_freq, min_len=1)
        if single > a and len(self.r.industry_re.sub("", doc.text[single:s])) >= 2 \
                and not any(r in (region_at or ()) for r in range(a, single)):
            return single
        return a

    def _generic(self, trade: str, pattern=None) -> bool:
        """Is the trade name made only of generic words (该, 央企, 龙头 …)?"""
        pat = pattern if pattern is not None else self.r.generic_re
        return not trade or (pat is not None and pat.fullmatch(trade) is not None)

    # --------------------------------------------------------------- tag
    def __call__(self, doc: Doc) -> list[Span]:
        text = doc.text
        regions = self.regions.iter_matches(text)
        region_at = {a: b for a, b, n in regions if self._region_anchor_ok(n)}
        for _, a, b in self.r.foreign_ac.find_matches_as_indexes(text):
            region_at.setdefault(a, b)
        aliases = []
        for a, b, name, ent in self.gaz.iter_matches(text):
            if doc.in_protected(a, b) or not self._alias_boundary_ok(text, a, b):
                continue
            if self._sector_after(name, text, b):
                continue  # 湖南银行业: the sector, not 湖南银行
            if a in region_at and region_at[a] < b and self._blocked(text, b):
                # 鞍山钢铁 in 鞍山钢铁产业: the region's industry, not the company
                if self.r.industry_re.fullmatch(text[region_at[a]:b]):
                    continue
            a, b = self._alias_extent(text, a, b, name, ent)
            aliases.append(Candidate(a, b, "alias", ent, anchor="alias"))
        alias_at = {c.start: (c.end, c.entity) for c in aliases}
        self._alias_starts = alias_at
        cands: list[Candidate] = list(aliases)
        cands += self._structural(doc, region_at, alias_at)
        cands += self._alias_units(text, aliases, region_at)
        ents = self._resolve(cands)
        ents = self._merge_group_units(text, ents)
        ents = self._resolve(ents + self._lists(doc, ents, region_at))
        ents += self._short_names(doc, ents)
        ents = self._resolve(ents)
        orgs = self._organizations(doc, region_at, ents)
        out: list[Span] = []
        nt = doc.norm
        for c in ents:
            a, b = nt.to_source(c.start, c.end)
            as_written = "".join(doc.source[a:b].split())  # 华润（集团）as the report writes it, without line breaks
            out.append(Span("enterprise", c.start, c.end, self.link(as_written, c), c.kind))
        taken = [(c.start, c.end) for c in ents] + [(o.start, o.end) for o in orgs]
        out += orgs
        out += self._region_spans(regions, taken)
        return out

    def _sector_after(self, name: str, text: str, b: int) -> bool:
        """Does a name ending in a sector word (银行, 航空) go on as the sector (银行业, 航空产业)?
        (银行业务, 银行业绩 are the bank's own.)"""
        return name.endswith(self.r.sector_endings) and text.startswith(self.r.sector_followers, b) \
            and not text.startswith(("业务", "业绩"), b)

    def _alias_extent(self, text: str, a: int, b: int, name: str, ent) -> tuple[int, int]:
        """The whole name around a known short name: 中国 before a central SOE's short name
        (中国兵装集团, 中国新兴际华集团), and a group form after one that has none (陕汽控股)."""
        if ent.category in ("central_soe", "central_soe_unit") and a >= 2 and text[a - 2:a] == "中国" \
                and not name.startswith("中国") and not (a >= 3 and _NAME_CHAR[text[a - 3]] and not self._stop_at(text, a - 2)):
            a -= 2
        if not name.endswith("集团") and not self.r.forms_tail_re.search(name):
            for tail in self.r.alias_group_tails:
                if text.startswith(tail, b):
                    b += len(tail)
                    break
        return a, b

    def _alias_boundary_ok(self, text: str, a: int, b: int) -> bool:
        """A two-character alias must not be half of an ordinary word (全国电力 is not 国电)."""
        if b - a > 2:
            return True
        left = text[a - 1:a + 1] if a > 0 else ""
        right = text[b - 1:b + 1] if b < len(text) else ""
        for w in (left, right):
            if len(w) == 2 and self.word_tags.get(w) and not self.gaz.lookup(w):
                return False
        return True

    def _structural(self, doc: Doc, region_at, alias_at) -> list[Candidate]:
        text = doc.text
        out = []
        floor = 0
        forms = self.r.form_names
        for i, s, e in self.r.form_ac.find_matches_as_indexes(text):
            form = forms[i]
            if doc.in_protected(s, e):
                continue
            a, hard = self._window_start(text, s, floor)
            a = self._soft_extend(text, a, s, region_at)
            a = self._cut_location(text, a, s, region_at, alias_at)
            a = self._pos_trim(doc, a, s, region_at)
            anchor = self._anchors(region_at, alias_at, a, s, text)
            kind = "none"
            if anchor:
                a0, kind = anchor
                # a known group's short name before a region (华电新疆发电有限公司, 国网四川省电力公司)
                if kind == "region" and 2 <= a0 - a <= 4 and self._group_prefix(text[a:a0]):
                    kind = "alias"
                else:
                    a = a0
            else:
                a = self._lead_verbs(doc, a, s)
                a = self._after_single_word(doc, a, s, region_at)  # …类项目有庞大集团
                trade = text[a:s]
                if form in self.r.generic_group_forms and self.word_freq.get(trade, 0) >= self.r.lead_verb_freq:
                    continue  # 落实集团公司: "the group company" after an everyday word, not a name
                g = trade.rfind("集团", 0, len(trade) - 1)
                if g >= 0 and g + 2 < len(trade):
                    a += g + 2  # 莲花健康产业集团 | 食品(项城)有限公司: the unit is its own candidate, merged later
                    trade = text[a:s]
                bare = self.r.industry_re.sub("", _BRACKETED.sub("", trade))
                if len(bare) > 12 or "企业" in trade or "集团" in trade[:-1]:
                    continue  # an unanchored run this long is a phrase, not a name
            if form in self.r.alias_only_forms and kind != "alias":
                continue
            if self._sector_after(text[a:e], text, e):
                continue  # 湖南银行业金融机构
            if text[a:a + 1] == "(":
                continue
            if s - a < 1:
                continue
            weak = form in self.r.weak_forms
            if any(c in self.r.never_in_trade for c in text[a:s]):
                continue  # 感谢您公司: a pronoun, not a name
            if weak and kind == "none" and not (form == "公司" and hard and 2 <= s - a <= 6
                                                 and self._name_like(doc, a, s)):
                continue  # 永农生物公司 at a clause start is a name; 该公司, 感谢您公司 are not
            trade = text[a:s]
            if kind == "region":
                rest = trade[region_at[a] - a:]
                if rest and self._generic(rest, self.r.region_generic_re):
                    continue
                if not rest and not weak and form not in ("集团",):
                    pass
            elif self._generic(trade) or len(trade) < self.r.min_trade:
                continue
            out.append(Candidate(a, e, "structure", None, form, kind))
        return out

    def _alias_units(self, text: str, aliases: list[Candidate], region_at=None) -> list[Candidate]:
        """A known enterprise followed by industry words is its unit (鞍钢耐火, 华能新能源); a central
        SOE followed by a province is its provincial company (华电内蒙古, 国家电投江西)."""
        out = []
        for c in aliases:
            name = text[c.start:c.end]
            end = (region_at or {}).get(c.end)
            if end is not None and c.entity is not None and c.entity.category == "central_soe" \
                    and any(r.level == "province" for r in self.regions.by_name.get(text[c.end:end], ())) \
                    and (self.right_boundary(text, end) or text[end:end + 1] in "(（"):
                out.append(Candidate(c.start, end, "unit", c.entity, anchor="alias"))
                continue
            if name.endswith("集团") or self.r.forms_tail_re.search(name):
                continue  # 鞍钢集团 + 西鞍山铁矿 is a place of the group; a full legal name takes no industry words
            m = self._industry_at(text, c.end)
            if m and any(m.group().endswith(w) for w in self.r.verb_industry) \
                    and m.end() < len(text) and _NAME_CHAR[text[m.end()]]:
                continue  # 中国五冶投资建设工程: the enterprise and what it does (中信建设— is a name)
            if m and m.end() - c.end >= 2 and self.right_boundary(text, m.end()):
                out.append(Candidate(c.start, m.end(), "unit", c.entity, anchor="alias"))
        return out

    def _industry_at(self, text: str, i: int):
        """``industry_re.match(text, i)``, after a cheap check that an industry word can start at ``i``."""
        if i < len(text) and text[i] in self.r.industry_first:
            return self.r.industry_re.match(text, i)
        return None

    def _blocked(self, text: str, i: int) -> bool:
        return self.r.blockers_re is not None and self.r.blockers_re.match(text, i) is not None

    def right_boundary(self, text: str, i: int) -> bool:
        """Can a name end at ``i``?  (punctuation, end of text, or a word that cannot continue it)"""
        if i >= len(text) or not _NAME_CHAR[text[i]]:
            return True
        return self.r.right_boundary_re is not None and self.r.right_boundary_re.match(text, i) is not None

    @staticmethod
    def _resolve(cands: list[Candidate]) -> list[Candidate]:
        """Longest wins among overlapping candidates; structure beats alias on a tie."""
        prio = {"structure": 0, "unit": 1, "alias": 2, "short": 3, "list": 4}
        cands = sorted(cands, key=lambda c: (-(c.end - c.start), prio.get(c.kind, 9), c.start))
        return sorted(non_overlapping(cands), key=lambda c: c.start)

    def _merge_group_units(self, text: str, ents: list[Candidate]) -> list[Candidate]:
        """后英集团 + 海城市胜辉耐火材料制造有限公司 written as one name is one mention."""
        out: list[Candidate] = []
        for c in ents:
            if out:
                prev = out[-1]
                if prev.end == c.start and c.kind == "structure" and self._is_group(text[prev.start:prev.end]):
                    out[-1] = Candidate(prev.start, c.end, "structure", None, c.form, prev.anchor,
                                        full_name=text[c.start:c.end])
                    continue
            out.append(c)
        return out

    @staticmethod
    def _is_group(name: str) -> bool:
        return name.endswith(("集团", "集团公司", "集团有限公司")) or False

    def _short_names(self, doc: Doc, ents: list[Candidate]) -> list[Candidate]:
        """Short forms a document introduces after a full name (神龙腾达 after 神龙腾达工贸有限公司)."""
        text = doc.text
        shorts: dict[str, Candidate] = {}
        for c in ents:
            if c.kind != "structure" or c.entity is not None:
                continue
            name = text[c.start:c.end]
            core = self.core(name)
            # drop a region prefix and trailing industry words
            for a, b, _ in self.regions.iter_matches(core):
                if a == 0:
                    core = core[b:]
                break
            core = _BRACKETED.sub("", core)
            m = None
            for m in self.r.industry_re.finditer(core):
                pass
            if m is not None and m.end() == len(core) and m.start() >= 2:
                core = core[: m.start()]
            if 3 <= len(core) <= 6 and core not in self.word_tags and not self.gaz.lookup(core):
                shorts.setdefault(core, c)
            # with its form after a region is dropped: 北京国资公司 → 国资公司, 鞍山燃气集团 → 燃气集团
            base = self.core(name)
            for a, b, _ in self.regions.iter_matches(base):
                if a == 0 and b < len(base) and name.endswith(("公司", "集团")):
                    short = base[b:] + name[len(base):]
                    if 4 <= len(short) <= 8 and not self._generic(short[:-2]) and not self.gaz.lookup(short):
                        shorts.setdefault(short, c)
                break
        out = []
        for short, full in shorts.items():
            i = text.find(short)
            while i >= 0:
                out.append(Candidate(i, i + len(short), "short", full.entity, full.form, "short",
                                     text[full.start:full.end]))
                i = text.find(short, i + 1)
        return out

    # ------------------------------------------------------------ lists
    def _item_ok(self, trade: str, item: str = "") -> bool:
        if len(trade) < 2 or not all(_NAME_CHAR[c] for c in trade) or self._generic(trade):
            return False
        if any(item.endswith(w) for w in self.r.verb_industry):
            return False
        if any(c in self.r.never_in_trade for c in trade) or any(len(w) > 1 and trade.startswith(w) for w in self.r.right_boundaries):
            return False  # 合作的郫: a phrase, not a trade name
        if trade in self.regions.by_name or any(trade.startswith(f) for f in self.r.foreign_areas):
            return False  # 南沙澳门: two places, not a trade name
        if any(self.word_freq.get(trade[i:i + 2], 0) > 20 * self.r.max_trade_freq for i in range(len(trade) - 1)):
            return False  # 同类工程: made of everyday words
        if item and ("企业" in item or self.r.org_suffix_re.search(item)):
            return False
        return self.word_freq.get(trade, 0) <= self.r.max_trade_freq

    def _item_at(self, text: str, a: int, region_at) -> int | None:
        """End of a list item starting at ``a`` (trade name + industry words, or region + trade), or None."""
        for n in range(2, 7):
            m = self._industry_at(text, a + n)
            if m is None:
                continue
            end = m.end()
            if (end < len(text) and text[end] in self.r.list_separators) or self.right_boundary(text, end):
                trade = text[a:a + n]
                if a in region_at and region_at[a] < a + n:
                    trade = text[region_at[a]:a + n] or trade
                if a in region_at and region_at[a] == a + n and not self._blocked(text, end) \
                        and "企业" not in text[a:end]:
                    return end  # 海城石油机械 listed with other enterprises: region + industry
                if self._item_ok(trade, text[a:end]):
                    return end
        if a in region_at:  # 辽宁紫竹: region + a short trade name
            b = region_at[a]
            for n in (2, 3, 4):
                end = b + n
                if end <= len(text) and all(_NAME_CHAR[c] for c in text[b:end]) and self.right_boundary(text, end) \
                        and self._item_ok(text[b:end], text[a:end]):
                    return end
        return None

    def _item_ending(self, text: str, end: int, region_at) -> int | None:
        """Start of a list item that ends at ``end`` and starts after a separator or a boundary."""
        for n in range(9, 2, -1):
            a = end - n
            if a < 0:
                continue
            before = text[a - 1] if a > 0 else ""
            if before and _NAME_CHAR[before] and before not in self.r.list_separators and not self._stop_at(text, a):
                continue
            if text[a] in self.r.list_separators:
                continue
            if self._item_at(text, a, region_at) == end:
                return a
        return None

    def _lists(self, doc: Doc, ents: list[Candidate], region_at) -> list[Candidate]:
        """Items listed with a known enterprise, or before 等N家企业/等N个项目, are enterprises."""
        text = doc.text
        seps = self.r.list_separators
        starts = {c.start: c for c in ents}
        ends = {c.end: c for c in ents}
        out: list[Candidate] = []
        seeds = [(c.start, c.end) for c in ents if c.kind in ("alias", "structure", "unit")]
        for a, b in region_at.items():  # 辽宁润润农业获批…: region + trade name + industry word
            if a in starts or doc.in_protected(a, b):
                continue
            before = text[a - 1] if a > 0 else ""
            if before and _NAME_CHAR[before] and not self._stop_at(text, a):
                continue
            if text[a:b] in self.r.foreign_areas:  # 美国恒力、台湾青烽: a foreign area + a trade name
                for n in (4, 3, 2):
                    end = b + n
                    if end <= len(text) and self.right_boundary(text, end) and (
                            self.gaz.lookup(text[b:end]) is not None
                            or (self._item_ok(text[b:end], text[a:end])
                                and self.word_freq.get(text[b:end], 0) <= self.r.max_trade_freq)):
                        out.append(Candidate(a, end, "list", None, "", "foreign"))
                        break
                continue
            for n in (2, 3):
                m = self._industry_at(text, b + n)
                if m and self._item_ok(text[b:b + n], text[a:m.end()]) and self.right_boundary(text, m.end()) \
                        and not self._blocked(text, m.end()):
                    out.append(Candidate(a, m.end(), "list", None, "", "region"))
                    break
        if self.r.list_tail_re is not None:
            for m in self.r.list_tail_re.finditer(text):
                if self.r.enterprise_tail_re.search(m.group()):
                    out += self._named_list(doc, m.start(), region_at, ends)[0]
                a = self._item_ending(text, m.start(), region_at)
                if a is not None and m.start() not in ends:
                    out.append(Candidate(a, m.start(), "list", None, "", "none"))
                    seeds.append((a, m.start()))
        if self.r.list_count_tail_re is not None:
            for m in self.r.list_count_tail_re.finditer(text):
                items, n_items = self._named_list(doc, m.start(), region_at, ends)
                if n_items >= 2:
                    out += items
        walked: set[int] = set()  # separators already followed: a chain is walked once, not once per seed
        for a0, e0 in seeds:
            pos = e0  # rightwards
            while pos < len(text) and text[pos] in seps and pos not in walked:
                walked.add(pos)
                nxt = starts.get(pos + 1)
                if nxt is not None:
                    pos = nxt.end
                    continue
                end = self._item_at(text, pos + 1, region_at)
                if end is None:
                    break
                out.append(Candidate(pos + 1, end, "list", None, "", "none"))
                pos = end
            pos = a0  # leftwards
            while pos > 0 and text[pos - 1] in seps and (pos - 1) not in walked:
                walked.add(pos - 1)
                prv = ends.get(pos - 1)
                if prv is not None:
                    pos = prv.start
                    continue
                a = self._item_ending(text, pos - 1, region_at)
                if a is None:
                    break
                out.append(Candidate(a, pos - 1, "list", None, "", "none"))
                pos = a
        return out

    def _everyday_phrase(self, doc: Doc, a: int, b: int) -> bool:
        """Is [a, b) made only of common dictionary words of two or more characters?"""
        toks = [t for t in doc.clause_tokens(a, b) if t[2] > a and t[1] < b] if doc.tokenizer else []
        if not toks:
            return self.word_freq.get(doc.text[a:b], 0) > 1000
        if toks[0][1] < a or toks[-1][2] > b:
            return False  # a word runs over the edge (江南|信安等): the item is not made of whole words
        return all(len(w) >= 2 and self.word_freq.get(w, 0) > 1000 for w, _, _ in toks)

    def _named_list(self, doc: Doc, end: int, region_at, ends: dict) -> tuple[list[Candidate], int]:
        """中远、中集、中外运、中石油、中化等23个央企项目: the text says the items are enterprises,
        so each short item of the list is one, with or without an industry word.

        Returns the new candidates and the number of items walked (known ones included)."""
        text = doc.text
        out: list[Candidate] = []
        n_items = 0
        pos = end
        while pos > 0:
            known = ends.get(pos)
            if known is not None:
                a = known.start
                n_items += 1
            else:
                b = self.r.boundary_rev.search(text, max(0, pos - 8), pos)
                a = b.end() if b is not None else max(0, pos - 8)
                for i in range(pos - 1, a - 1, -1):
                    if text[i] in self.r.list_separators:
                        a = i + 1
                        break
                else:  # the first item: it starts after the words that introduce the list (…项目有伊藤忠纤维)
                    a = self._lead_verbs(doc, self._pos_trim(doc, a, pos, region_at), pos)
                item = text[a:pos]
                if text.endswith(self.r.person_titles, 0, a):
                    break  # 董事长白涛等13家央企负责人: a person
                if not (2 <= len(item) <= 8) or self._generic(item) or item in self.regions.by_name \
                        or any(c in self.r.never_in_trade for c in item) or self._stop_at(text, pos):
                    break
                if self.gaz.lookup(item) is None and self._everyday_phrase(doc, a, pos):
                    break  # 数字经济、清洁能源等…: everyday words, not names
                out.append(Candidate(a, pos, "list", None, "", "none"))
                n_items += 1
            if a == 0 or text[a - 1] not in self.r.list_separators:
                break
            pos = a - 1
        return out, n_items

    def _organizations(self, doc: Doc, region_at, ents: list[Candidate]) -> list[Span]:
        text = doc.text
        out = []
        for _, a, b in self.r.org_ac.find_matches_as_indexes(text):
            out.append(Span("organization", a, b, None, "org-list"))
        rstarts = sorted(region_at)
        for _, s, e in self.r.org_suffix_ac.find_matches_as_indexes(text):
            if e - s == 1 and s > 0 and (self.word_tags.get(text[s - 1:e]) or "x")[0] == "v":
                continue  # 办 in 举办, 局 in 布局: a verb or word, not a body
            if e - s < 3:
                k = bisect.bisect_left(rstarts, s - 12)
                if k >= len(rstarts) or rstarts[k] >= s:
                    if not (s > 0 and text[s - 1] in "省市县区"):
                        continue  # 局 in 布局, 委 in 纪委: a short suffix needs a region or 省/市/县 before it
            a, _ = self._window_start(text, s, 0)
            a = self._region_cover(rstarts, region_at, a)  # 内蒙古自治区人民政府: 自 is no stop inside a region
            if s - a > 3:  # a short window (鞍山市委) holds no verb: no need to tokenise it
                a = self._after_last_verb(doc, a, s)  # 鞍山市全面贯彻落实省委 → 省委
                a = self._after_last_word(doc, a, s, lambda w, t: t[0] in "prvd", min_len=1)
            anchor = self._rightmost_region(rstarts, region_at, a, s, e)
            if anchor is not None:
                a = anchor  # the body's own region: 谷城县…会议上 谷城县人民政府 → 谷城县人民政府
            elif e - s < 3:
                continue  # 局 in 布局, 委 in 纪委 need a region or prefix
            elif s - a > 10:
                continue  # no region and this long: a phrase, not a name
            if e - a < 3 or self._generic(text[a:s]) and e - s < 3:
                continue
            out.append(Span("organization", a, e, None, "org-suffix"))
        # longest non-overlapping
        # enterprises first: 中国移动通信集团广东有限公司深圳分公司 is not an organisation
        ent_spans = [Span("enterprise", c.start, c.end) for c in ents]
        out.sort(key=lambda s: (-(s.end - s.start), s.start))
        return non_overlapping(ent_spans + out)[len(ent_spans):] if ent_spans else non_overlapping(out)

    def _region_spans(self, regions, taken: list[tuple[int, int]]) -> list[Span]:
        out = []
        merged: list[list[int]] = []
        for x, y in sorted(taken):
            if merged and x <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], y)
            else:
                merged.append([x, y])
        mstarts = [x for x, _ in merged]
        context: set[str] = set()
        for a, b, name in regions:
            k = bisect.bisect_right(mstarts, a) - 1
            if k >= 0 and b <= merged[k][1]:
                continue
            reg = self.regions.best(name, context)
            if reg is None:
                continue
            if reg.level != "county":
                context.add(reg.code)
            out.append(Span("region", a, b, {"code": reg.code, "name": reg.name, "level": reg.level}, "region"))
        return out

    # -------------------------------------------------------------- link
    def link_name(self, name: str, threshold: float | None = None) -> tuple[Entity | None, float | None]:
        """Link a bare name: exact alias, exact core, then fuzzy core (rapidfuzz ratio ≥ threshold)."""
        name = "".join(name.split())
        ent = self.gaz.lookup(name)
        if ent is not None:
            return ent, 100.0
        core = self.core(name)
        ent = self._cores.get(core) if len(core) >= 3 or self.gaz.lookup(core) else None  # 中新控股 is not 中新集团
        if ent is not None:
            return ent, 99.0
        if name.startswith("中国"):  # 中国兵装集团: 中国 before a central SOE's short name
            ent = self.gaz.lookup(name[2:])
            if ent is not None and ent.category in ("central_soe", "central_soe_unit"):
                return ent, 100.0
        if len(core) >= 4:
            cutoff = FUZZY_THRESHOLD if threshold is None else threshold
            key = (core, cutoff)
            if key not in self._fuzzy_cache:
                hit = process.extractOne(core, self._core_keys, scorer=fuzz.ratio, score_cutoff=cutoff)
                self._fuzzy_cache[key] = (self._cores[hit[0]], float(hit[1])) if hit else (None, None)
            return self._fuzzy_cache[key]
        return None, None

    def link(self, name: str, cand: Candidate) -> dict:
        ent = cand.entity if cand.kind in ("alias",) else None
        score = 100.0 if ent else None
        if ent is None:
            ent = self.gaz.lookup(name)
            score = 100.0 if ent else None
        if ent is None and cand.kind != "unit":
            ent, score = self.link_name(name)
        if ent is not None and cand.kind != "unit":
            return {"canonical": ent.canonical, "category": ent.category, "group": ent.group,
                    "entity_id": ent.id, "score": score}
        # a unit of a known group, or an unknown enterprise
        base = cand.entity if cand.kind in ("unit", "short") else None
        if base is None and cand.anchor == "alias":
            for a, b, _, e in self.gaz.iter_matches(fold_width(name)):
                if a == 0:
                    base = e
                break
        if base is not None and base.category in ("central_soe", "central_soe_unit"):
            group = base.group or base.canonical
            return {"canonical": name, "category": "central_soe_unit", "group": group, "entity_id": None, "score": None}
        if cand.full_name and cand.full_name != name:
            return self.link(cand.full_name, Candidate(0, 0, "structure", None, cand.form, cand.anchor))
        category = "foreign" if cand.anchor == "foreign" else self._category_by_form(name)
        return {"canonical": name, "category": category, "group": None, "entity_id": None, "score": None}

    def _category_by_form(self, name: str) -> str:
        folded = fold_width(name)
        if any(folded.endswith(f) for f in self.r.financial_forms) or "银行" in folded:
            return "financial"
        if "(中国)" in folded:
            return "foreign"
        return "unknown"


def _bracket_depths(text: str, a: int, s: int):
    """(i, depth) for i in [a, s): the bracket depth at i, counted from a.

    A ")" that closes nothing opened since ``a`` yields depth -1 (and counting starts
    again after it), so callers can tell an unbalanced bracket from a nested one.
    """
    depth = 0
    for i in range(a, s):
        c = text[i]
        if c == "(":
            depth += 1
        elif c == ")":
            if depth == 0:
                yield i, -1
                continue
            depth -= 1
        yield i, depth


def text_starts_bracket(text: str, i: int) -> bool:
    return i < len(text) and text[i] == "("


@lru_cache(maxsize=1)
def _jieba_dictionary() -> tuple[dict[str, int], dict[str, str]]:
    """jieba's own dictionary: word → frequency, and word → part-of-speech tag (frequency ≥ 3)."""
    try:
        import jieba
    except ImportError:
        return {}, {}
    freqs: dict[str, int] = {}
    tags: dict[str, str] = {}
    try:
        with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) >= 2:
                    freqs[parts[0]] = n = int(parts[1])
                    if len(parts) == 3 and n >= 3:
                        tags[parts[0]] = parts[2]
    except OSError:
        return {}, {}
    return freqs, tags


def load_word_freqs() -> dict[str, int]:
    """How common a word is (jieba frequency): trade names are rarely everyday words."""
    return _jieba_dictionary()[0]


def load_word_tags(tokenizer=None) -> dict[str, str]:
    """jieba's dictionary part-of-speech tags (word → tag), for left-boundary trimming."""
    return _jieba_dictionary()[1]


@register_component("enterprise", assigns=("enterprise", "organization", "region", "person"), _builtin=True)
def enterprise_component(ex):
    from zhgov_extract.link.gazetteer import EnterpriseGazetteer, RegionGazetteer

    gaz = EnterpriseGazetteer(extra=ex.extra_gazetteers)
    if ex.tokenizer is not None:
        ex.tokenizer.add_words(gaz.words)
    tagger = EnterpriseTagger(
        EnterpriseRules(ex.rules_dir / "enterprise.yaml" if ex.rules_dir else None),
        gaz, RegionGazetteer(), load_word_tags(ex.tokenizer),
    )
    ex.enterprise_tagger = tagger

    def run(doc: Doc) -> None:
        doc.spans.extend(tagger(doc))

    return run
