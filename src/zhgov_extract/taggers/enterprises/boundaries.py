"""Where a name starts and ends: the left-boundary trimmers the enterprise and
organisation rules share, and the per-document scan state they read.

A name runs left from its organisational form over name characters until a hard
boundary (punctuation, a stop word, a count); then the trimmers below cut the
words a name cannot start with (verbs, function words, location words), unless
a region or a known enterprise anchors its start.  The shared object
(:class:`NameBounds`) holds only load-time data; everything about one document
lives in a :class:`Scan` made per call.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from zhgov_extract.link.gazetteer import Entity, EnterpriseGazetteer, RegionGazetteer
from zhgov_extract.taggers.enterprises.rules import EnterpriseRules
from zhgov_extract.taggers.enterprises.words import NAME_CHAR, jieba_dictionary
from zhgov_extract.text.doc import Doc


@dataclass
class Candidate:
    start: int
    end: int
    kind: str  # alias | structure | unit | list | short
    entity: Entity | None = None
    form: str = ""
    anchor: str = ""  # region | alias | foreign | short | none
    full_name: str = ""  # for a short name: the full name it stands for


@dataclass
class Scan:
    """What one document's pass knows: made per call, never kept on a shared object."""

    doc: Doc
    regions: list[tuple[int, int, str]]  # region-name matches (start, end, name)
    region_at: dict[int, int]            # start → end of regions (and foreign areas) that can anchor a name
    alias_at: dict[int, tuple[int, Entity]] = field(default_factory=dict)  # known-enterprise starts
    _rstarts: list[int] | None = None

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def rstarts(self) -> list[int]:
        if self._rstarts is None:
            self._rstarts = sorted(self.region_at)
        return self._rstarts


def bracket_depths(text: str, a: int, s: int):
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


class NameBounds:
    """Rules, gazetteers and word knowledge, with the boundary tests built on them (read-only)."""

    def __init__(self, rules: EnterpriseRules, gazetteer: EnterpriseGazetteer, regions: RegionGazetteer,
                 word_tags: dict[str, str] | None = None) -> None:
        self.r = rules
        self.gaz = gazetteer
        self.regions = regions
        self.word_freq, tags = jieba_dictionary()
        self.word_tags = tags if word_tags is None else word_tags

    def scan(self, doc: Doc) -> Scan:
        """The region anchors of one document (regions that are ordinary words, 城区, anchor nothing)."""
        text = doc.text
        regions = self.regions.iter_matches(text)
        region_at = {a: b for a, b, n in regions if self.region_anchor_ok(n)}
        if self.r.foreign_ac is not None:
            for _, a, b in self.r.foreign_ac.find_matches_as_indexes(text):
                region_at.setdefault(a, b)
        return Scan(doc, regions, region_at)

    # ------------------------------------------------------------ words
    def region_anchor_ok(self, name: str) -> bool:
        """A region name that is also an ordinary word (城区, 郊区) does not start a company name."""
        tag = self.word_tags.get(name)
        return tag is None or tag.startswith("ns")

    def stop_at(self, text: str, p: int) -> bool:
        """Does a stop word end at ``p``?"""
        for k in self.r.stop_lengths:
            if p - k >= 0 and text[p - k:p] in self.r.left_stops:
                return True
        return False

    def generic(self, trade: str, pattern=None) -> bool:
        """Is the trade name made only of generic words (该, 央企, 龙头 …)?"""
        pat = pattern if pattern is not None else self.r.generic_re
        return not trade or (pat is not None and pat.fullmatch(trade) is not None)

    def group_prefix(self, prefix: str) -> bool:
        """Is ``prefix`` the short name of a known group (华电 → 华电集团)?"""
        return bool(self.gaz.lookup(prefix) or self.gaz.lookup(prefix + "集团"))

    def industry_at(self, text: str, i: int):
        """``industry_re.match(text, i)``, after a cheap check that an industry word can start at ``i``."""
        if i < len(text) and text[i] in self.r.industry_first:
            return self.r.industry_re.match(text, i)
        return None

    def blocked(self, text: str, i: int) -> bool:
        """Does a word follow that makes region + industry the region's industry (鞍山钢铁产业)?"""
        return self.r.blockers_re is not None and self.r.blockers_re.match(text, i) is not None

    def right_boundary(self, text: str, i: int) -> bool:
        """Can a name end at ``i``?  (punctuation, end of text, or a word that cannot continue it)"""
        if i >= len(text) or not NAME_CHAR[text[i]]:
            return True
        return self.r.right_boundary_re is not None and self.r.right_boundary_re.match(text, i) is not None

    def sector_after(self, name: str, text: str, b: int) -> bool:
        """Does a name ending in a sector word (银行, 航空) go on as the sector (银行业, 航空产业)?"""
        return name.endswith(self.r.sector_endings) and text.startswith(self.r.sector_followers, b) \
            and not text.startswith(self.r.sector_own_followers, b)

    # ------------------------------------------------------- left edge
    def window_start(self, text: str, s: int, floor: int = 0) -> tuple[int, bool]:
        """Scan left from ``s`` (not before ``floor``) over name characters; returns
        (start, hit a hard boundary: punctuation, a stop word, a count or the text's start)."""
        limit = max(floor, s - self.r.max_name)
        m = self.r.boundary_rev.search(text, limit, s)
        p, hard = (limit, limit == 0) if m is None else (m.end(), True)
        # brackets: only a balanced short one belongs to a name (空气化工产品(中国)); a ")" closing
        # something further left ends the window (…改造项目)莲花健康产业集团…)
        if text.find(")", p, s) >= 0:
            for i, depth in bracket_depths(text, p, s):
                if depth < 0:
                    p, hard = i + 1, True
        while p < s and text[p] in "()":
            p += 1
        return p, hard

    def soft_extend(self, scan: Scan, a: int, s: int) -> int:
        """A single-character stop (同, 和, 与) may be part of a trade name: 四川好亦同信息科技有限公司.

        If a region starts at most six characters before it and nothing between the
        region and the stop is punctuation or an organisational form, the name starts
        at the region.
        """
        text, region_at = scan.text, scan.region_at
        if a < 1 or text[a - 1] not in self.r.left_stops or a in region_at or a in scan.alias_at:
            return a  # after the stop a name already starts (鞍山市政府与鞍钢集团…)
        for r in range(max(0, a - 7), a - 1):
            b = region_at.get(r)
            if b is not None and b < a - 1:
                between = text[b:a - 1]
                if all(NAME_CHAR[c] and c not in self.r.left_stops for c in between) \
                        and not self.r.forms_tail_re.search(between) \
                        and not self.r.org_suffix_re.search(text, b - 1, a - 1) \
                        and (r == 0 or self.r.boundary_rev.search(text, max(0, r - 1), r) is not None):
                    return r
        return a

    def cut_location(self, scan: Scan, a: int, s: int) -> int:
        """Start after a location word (…开发区) when what follows it starts a name."""
        best = a
        for m in self.r.location_re.finditer(scan.text, a, s):
            j = m.end()
            if j < s and (j in scan.region_at or j in scan.alias_at):
                best = max(best, j)
        return best

    def anchors(self, scan: Scan, a: int, s: int) -> tuple[int, str] | None:
        """Leftmost region or known-enterprise start in [a, s), outside brackets."""
        region_at, alias_at = scan.region_at, scan.alias_at
        text = scan.text
        places = bracket_depths(text, a, s) if text.find("(", a, s) >= 0 else ((i, 0) for i in range(a, s))
        for i, depth in places:
            if depth:
                continue
            if i in alias_at and alias_at[i][0] <= s + 8:
                return i, "alias"
            if i in region_at and region_at[i] <= s:
                return i, "region"
        return None

    def lead_verbs(self, doc: Doc, a: int, s: int) -> int:
        """Without an anchor: drop the verbs, adverbs and prepositions a name starts after
        (希望浪潮集团 → 浪潮集团, 组织平朔集团 → 平朔集团); only leading ones, so a verb inside a
        trade name (新再生) stays."""
        if doc.tokenizer is None or not self.word_tags:
            return a
        for w, ta, tb in doc.clause_tokens(a, s):
            if ta != a or ta >= s:
                break
            tag = self.word_tags.get(w)
            if not tag or w in self.r.industry_set or self.gaz.lookup(w) or doc.text[tb:tb + 1] == "(":
                break
            # only everyday function words: a trade name may be a rarer verb (远航, 腾飞, 振华)
            everyday = len(w) >= 2 and self.word_freq.get(w, 0) >= self.r.lead_verb_freq
            if everyday and (tag[0] in "vdpcr" and tag != "vn" or tag == "ad"):
                a = min(tb, s)
            else:
                break
        return a

    def after_last_word(self, doc: Doc, a: int, s: int, cut, min_len: int = 2) -> int:
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

    def after_last_verb(self, doc: Doc, a: int, s: int) -> int:
        """An organisation's name holds no verb, adverb or idiom (贯彻落实): start after the last one."""
        return self.after_last_word(doc, a, s, lambda w, t: (t[0] in "vdil" or t == "ad") and t != "vn")

    def pos_trim(self, scan: Scan, a: int, s: int) -> int:
        """Start after the last function word (preposition, conjunction, particle, adverb, pronoun).

        A standalone one-character one counts only if it is very common (如 机场集团, not 如意集团),
        no region starts before it, and a trade name is left after it: jieba also splits
        unknown names into single characters (恒泰洁|能|科技, 北京|再|担保).
        """
        cut = self.after_last_word(scan.doc, a, s, lambda w, t: t[0] in "pcudr" and not self.gaz.lookup(w))
        return self.after_single_word(scan, cut, s)

    def after_single_word(self, scan: Scan, a: int, s: int) -> int:
        """Start after the last standalone, very common one-character word (有, 是, 如) in [a, s),
        if a trade name is left after it and no region starts before it."""
        doc = scan.doc
        single = self.after_last_word(doc, a, s, lambda w, t: len(w) == 1 and t[0] in "pcudrv"
                                      and self.word_freq.get(w, 0) >= self.r.single_verb_freq, min_len=1)
        if single > a and len(self.r.industry_re.sub("", doc.text[single:s])) >= 2 \
                and not any(r in scan.region_at for r in range(a, single)):
            return single
        return a

    def name_like(self, doc: Doc, a: int, s: int) -> bool:
        """Every word of [a, s) is a noun or unknown to the dictionary, and the whole is no common word."""
        if self.word_freq.get(doc.text[a:s], 0) > self.r.max_trade_freq:
            return False
        if doc.tokenizer is None or not self.word_tags:
            return True
        for w, ta, tb in doc.clause_tokens(a, s):
            tag = self.word_tags.get(w)
            if len(w) >= 2 and tag and tag[0] not in "nj" and w not in self.r.industry_set:
                return False  # 感谢您公司: a verb; a one-character piece (恒泰洁|能) says nothing
        return True

    def everyday_phrase(self, doc: Doc, a: int, b: int) -> bool:
        """Is [a, b) made only of common dictionary words of two or more characters?"""
        toks = doc.clause_tokens(a, b) if doc.tokenizer else []
        if not toks:
            return self.word_freq.get(doc.text[a:b], 0) > 1000
        if toks[0][1] < a or toks[-1][2] > b:
            return False  # a word runs over the edge (江南|信安等): the item is not made of whole words
        return all(len(w) >= 2 and self.word_freq.get(w, 0) > 1000 for w, _, _ in toks)


def region_cover(rstarts: list[int], region_at: dict[int, int], a: int) -> int:
    """If a region name runs across ``a``, start at the region instead."""
    k = bisect.bisect_left(rstarts, a) - 1
    if k >= 0 and rstarts[k] < a < region_at[rstarts[k]]:
        return rstarts[k]
    return a


def rightmost_region(rstarts: list[int], region_at: dict[int, int], a: int, s: int, e: int) -> int | None:
    """The last region that starts in [a, s) and ends by the suffix's end (鞍山市 in 鞍山市委)."""
    k = bisect.bisect_left(rstarts, s) - 1
    while k >= 0 and rstarts[k] >= a:
        if region_at[rstarts[k]] <= e:
            return rstarts[k]
        k -= 1
    return None
