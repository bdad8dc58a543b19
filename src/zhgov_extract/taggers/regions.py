"""Regions: administrative divisions named in the text (type ``region``), with
their code, name and level (``RegionNorm``).

A region needs evidence.  Its full name is evidence (和安县, 长治市) unless the
full name is an everyday word (城区, 矿区) or a one-character stem bound to the
word before it (示范县, 振兴县域, 小康县), which then needs a context of regions:
another region right before it or in the same list, ``在…``, ``…境内``.  A short
name (和安, 长治) is a region only as a word of its own: not half of an everyday
word (发展和安全, 创新平台, 超大城市), not inside a longer one (长治久安, 大理石),
and a county's short name only where the document names its county, city or
province, or a context of regions (建安投资 in a report on 朝天区 is no 建安区);
not a person's given name (王武强委员) either.
An ambiguous name is read under the regions the document names (铁西区 in a
report on 吉林省 is 四平's).

A region inside an enterprise, organisation, project, zone, event, venue or site
name, or inside a 《》 title, is part of that name (ANNOTATION, dev6/dev7 notes:
鞍山市委, 昆明会堂, 重庆东站): it is emitted with source ``region-in-name`` so the
records still read it (乐山机场 → 511100), and ``regions_on_their_own`` drops it.
Disable with ``Extractor(disable=["regions"])``.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from zhgov_extract.link.gazetteer import Region
from zhgov_extract.registry import register_component
from zhgov_extract.taggers.enterprises.boundaries import NameBounds
from zhgov_extract.taggers.region_rules import RegionRules
from zhgov_extract.text.doc import Doc, Span
from zhgov_extract.text.spans import Coverage, merge_intervals

_LEVELS = set("县市区州盟旗")
IN_NAME = "region-in-name"  # Span.source of a region that is part of a longer name


def _han(s: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" for c in s)


def _bracketed_in_a_name(text: str, a: int, b: int) -> bool:
    """中国（上海）自由贸易试验区, 清控（长沙）创新基地: a region in brackets between two parts of one name;
    “世界市长对话·杭州”: a region after the dot that ends a quoted title."""
    if a > 1 and text[a - 1] == "·" and _han(text[a - 2]) and text[b:b + 1] in ("”", "」", "’"):
        return True
    return a > 1 and text[a - 1] in "（(" and text[b:b + 1] in ("）", ")") and _han(text[a - 2]) \
        and _han(text[b + 1:b + 2] or "-")


@dataclass
class _Hit:
    """One gazetteer match under consideration (per call, never shared)."""

    a: int
    b: int
    name: str
    cands: list[Region]
    full: bool
    in_name: bool = False
    leveled: bool = False  # a short name written with a level word (禄丰县 for 禄丰市): evidence

    @property
    def county(self) -> bool:
        return all(r.level == "county" for r in self.cands)


class RegionTagger:
    """Finds regions with evidence; holds only read-only rules and word lists."""

    def __init__(self, nb: NameBounds, rules: RegionRules) -> None:
        self.nb, self.rules, self.gaz = nb, rules, nb.regions
        # provinces with cities under them (not 北京, 重庆: 重庆东站 is a station's name)
        self._divided = frozenset(r.parent for r in self.gaz.regions.values() if r.level == "prefecture")
        self._heads_by_char: dict[str, list[str]] = {}
        for h in sorted(rules.head_gap, key=len, reverse=True):
            self._heads_by_char.setdefault(h[0], []).append(h)

    # ------------------------------------------------------------ words around a name
    def _tag(self, w: str) -> str:
        return self.nb.word_tags.get(w) or ""

    def _half_of_a_word(self, text: str, a: int, b: int) -> bool:
        """Is the first or last character of [a, b) half of a dictionary word across the edge?"""
        for w in (text[a - 1:a + 1] if a > 0 else "", text[b - 1:b + 1] if b < len(text) else ""):
            if len(w) == 2 and self._tag(w) and w not in self.gaz.by_name:
                return True
        return False

    def _word_verdict(self, doc: Doc, a: int, b: int, county: bool) -> str | None:
        """``"drop"`` if [a, b) is part of a longer everyday word, ``"name"`` if of a longer place or
        body's word (杭州湾, 上海交大), else None.

        Any word running across an edge counts for a county's short name (the weakest
        evidence: 复杂|多变 → 杂多); for a city's or province's, a word that holds the name
        inside it (复合肥, 陈大庆) or starts with it and is no name (大理石, 长治久安).
        """
        toks = doc.clause_tokens(a, b)
        if not toks or (toks[0][1] >= a and toks[-1][2] <= b):
            return None
        if county:
            return None if doc.text[b:b + 1] in _LEVELS else "drop"  # 禄丰县: the level word is evidence
        if len(toks) > 1:  # split between two words: 伟大|理想, 其中|卫生, 推广|西部 (no 大理, 中卫, 广西)
            crossing = [w for w, ta, tb in (toks[0], toks[-1]) if ta < a or tb > b]
            return "drop" if any(self._tag(w) for w in crossing) else None
        w, ta, tb = toks[0]
        tag = self._tag(w)
        if ta < a or tag[:1] in ("i", "l", "v", "a", "d"):
            return "drop"
        if not tag or w[b - ta:] in self.rules.area_suffixes:
            return None  # a word the dictionary does not know (鞍山钢铁产业), or the area itself (上海地区)
        return "name" if tag in self.rules.name_word_tags else "drop"

    def _given_name(self, text: str, a: int, b: int) -> bool:
        """A short name that is a person's given name: a surname before it and a title after it
        (王武强委员) or a by-line before the surname (编辑:吴海东)."""
        r = self.rules
        if a == 0 or text[a - 1] not in r.surnames:
            return False
        before = text[a - 2:a] if a > 1 else ""
        if len(before) == 2 and (self._tag(before) or before in self.gaz.by_name):
            return False  # 浙江|安吉: the "surname" ends a word
        return text.startswith(r.title_tuple, b) or any(w in text[max(0, a - 6):a - 1] for w in r.bylines)

    def _word_before_runs_in(self, doc: Doc, a: int, b: int) -> bool:
        """Does a dictionary word of the clause start before a full name and end inside it?"""
        toks = doc.clause_tokens(a, b) if doc.tokenizer is not None else []
        return bool(toks) and toks[0][1] < a < toks[0][2] < b and bool(self._tag(toks[0][0]))

    def _stem_bound(self, text: str, a: int, b: int) -> bool:
        """A full name of one stem character (兴县, 范县, 和县) whose stem ends a word before it
        (振兴, 示范, 小康) or is a function word (各市区和县)."""
        if b - a != 2:
            return False
        left = text[a - 1:a + 1] if a > 0 else ""
        if len(left) == 2 and self._tag(left) and left not in self.gaz.by_name:
            return True
        return self._tag(text[a])[:1] in self.rules.function_word_tags

    def _starts_a_name(self, doc: Doc, b: int, province: bool = False) -> bool:
        """Does a name head follow within its gap, over words that may belong to a name?

        鞍山[政治性警示]教育馆, 攀枝花[至盐源]高速公路, 重庆东站; not 鞍山市召开工作会议 (a verb
        of the clause), 鞍山的博物馆 (a stop), 鞍山市大学生 (a head only as whole words).
        """
        r, text = self.rules, doc.text
        if doc.tokenizer is None:
            spans = [(text[i], i, i + 1) for i in range(b, min(len(text), b + r.max_gap + 1))]
        else:
            spans = doc.words_after(b, r.max_gap + 1)
        ends = {e for _, _, e in spans}
        pos = b
        for w, s, e in spans:
            if s != pos:
                return False  # a gap in the words: a break of the clause
            for h, i in self._heads(text, s, e):
                lo, hi = r.head_gap[h]
                if (lo if province else 0) <= i - b <= hi and (i + len(h)) in ends:
                    return True
            tag = "" if w in r.chunk_joiners or w in r.chunk_name_verbs else self._tag(w)
            if w[0] in r.stop_set or w in r.stop_word_set or not _han(w) or tag in r.chunk_stop_tags \
                    or tag == "v" and self.nb.word_freq.get(w, 0) >= r.chunk_verb_min_freq:
                return False
            pos = e
        return False

    def _heads(self, text: str, s: int, e: int):
        """Heads that start at word start ``s``, or end a word [s, e) (医科|大学)."""
        yield from ((h, s) for h in self._heads_by_char.get(text[s], ()) if text.startswith(h, s))
        for i in range(s + 1, e - 1):
            yield from ((h, i) for h in self._heads_by_char.get(text[i], ()) if i + len(h) == e and text.startswith(h, i))

    def _in_context(self, text: str, a: int, b: int, prev_end: int, next_start: int) -> bool:
        """A context of regions: one right before or after (大同市城区), or across a separator
        (单县、曹县), 在…, …境内."""
        r = self.nb.r
        if prev_end == a or (prev_end == a - 1 and text[a - 1] in r.list_separators):
            return True
        if next_start == b or (next_start == b + 1 and text[b] in r.list_separators):
            return True
        return text.endswith(r.region_context_before, 0, a) or text.startswith(r.region_context_after, b)

    # ------------------------------------------------------------ codes
    def _lineage(self, code: str) -> list[str]:
        """The code and its parents up to the province."""
        out = []
        while code and code not in out:
            out.append(code)
            reg = self.gaz.regions.get(code)
            code = reg.parent if reg else None
        return out

    def _choose(self, hit: _Hit, before: set[str], named: set[str]) -> Region:
        """The candidate nearest to a region named before it, else to one the document names (its
        province: 吉林省…铁西区 → 220302), else the full-name or higher-level one.  The city itself
        is nearer than its own county of the same short name (长沙市…长沙 is 长沙市, not 长沙县)."""
        cands = hit.cands
        if len(cands) == 1:
            return cands[0]
        for pool in (before, named):
            scored = [(d, r) for r in cands
                      if (d := next((i for i, c in enumerate(self._lineage(r.code)) if c in pool), None)) is not None]
            if scored:
                best = min(d for d, _ in scored)
                return self._fallback([r for d, r in scored if d == best], hit.name)
        return self._fallback(cands, hit.name)

    @staticmethod
    def _fallback(cands: list[Region], name: str) -> Region:
        order = {"province": 0, "prefecture": 1, "county": 2}
        return sorted(cands, key=lambda r: (r.name != name, order.get(r.level, 3)))[0]

    # ------------------------------------------------------------ the pass
    def _hits(self, doc: Doc, taken: list[Span]) -> list[_Hit]:
        """Matches with the evidence of their own words (no document-level evidence yet)."""
        gaz, text, r = self.gaz, doc.text, self.rules
        cover = Coverage((s.start, s.end) for s in taken)
        matches = gaz.iter_matches(text)
        # an organisation named with its province before it (安徽省芜湖市人民代表大会); an enterprise
        # whose registered name starts with the region its tagger left out (安徽海螺水泥 → 安徽海螺水泥股份有限公司:
        # ANNOTATION keeps the prefix in the name; 深圳华为 is 华为技术有限公司, 深圳 stays a region)
        chained = {a for a, b, _ in matches if cover.covers(a, b)} & {s.start for s in taken if s.type == "organization"}
        registered = {s.start: (s.norm or {}).get("canonical") or "" for s in taken if s.type == "enterprise"}
        out: list[_Hit] = []
        prev_end, prev_codes = -2, set()
        for a, b, name in matches:
            if cover.covers(a, b) or not gaz.by_name.get(name):
                continue
            full = any(x.name == name for x in gaz.by_name[name])
            level_word = text[b - 1:b + 1] if name[-1] in _LEVELS else ""
            if level_word in r.level_words_taken or level_word in r.level_words_shared and (b - a == 2 or not full):
                # 鞍山市场, 大同市民, 吉林市场 (吉林省), 河南县域 (河南省, not 河南县);
                # 振兴县域 (兴县) has no shorter name
                if b - a == 2 or name[:-1] not in gaz.by_name:
                    continue
                b, name = b - 1, name[:-1]
                full = any(x.name == name for x in gaz.by_name[name])
            hit = _Hit(a, b, name, list(gaz.by_name[name]), full)
            if full:
                tag = self._tag(name)
                everyday = name in r.everyday_full_names or tag and not tag.startswith("ns") \
                    and self.nb.word_freq.get(name, 0) >= self.nb.r.region_everyday_freq
                parent_before = prev_end == a and any(x.parent in prev_codes for x in hit.cands)
                if (everyday or self._stem_bound(text, a, b)) and not parent_before \
                        and not self._in_context(text, a, b, prev_end if prev_end < a else -2, -2):
                    continue  # 中心城区, 长沙县城区, 示范县, 各市区和县: everyday words; 晋城市城区 is a district
                if self._word_before_runs_in(doc, a, b):
                    continue  # 大运河区域: 运河区 (沧州) inside 大运河
            else:
                if hit.county and self._half_of_a_word(text, a, b) or self._given_name(text, a, b):
                    continue  # 发展和安全, 创新平台, 王武强委员
                verdict = self._word_verdict(doc, a, b, hit.county) if doc.tokenizer is not None else None
                if verdict == "drop":
                    continue  # 长治久安, 大理石
                hit.in_name = verdict == "name"
                if hit.county and text[b:b + 1] in _LEVELS and text[b:b + 2] not in r.level_words:
                    b = hit.b = b + 1  # 禄丰县 (now 禄丰市), 周至县: the level word is part of the name
                    hit.leveled = True
            if (doc.in_protected(a, b) or b in chained or registered.get(b, "").startswith(text[a:b])
                    or prev_end != a - 1 and _bracketed_in_a_name(text, a, b)
                    or self._starts_a_name(doc, b, all(x.code in self._divided for x in hit.cands))):
                hit.in_name = True
            prev_end, prev_codes = b, {x.code for x in hit.cands}
            out.append(hit)
        return out

    def __call__(self, doc: Doc, taken: list[Span]) -> list[Span]:
        """Region spans with evidence, outside ``taken``."""
        hits = self._hits(doc, taken)
        # what the document names for sure: full names and cities' or provinces' unambiguous names
        named: set[str] = set()
        everyday = self.rules.everyday_shorts
        for h in hits:
            if len(h.cands) == 1 and (h.full or h.leveled or not (h.county or h.name in everyday)):
                named.update(self._lineage(h.cands[0].code))
        out: list[Span] = []
        before: set[str] = set()
        text = doc.text
        for i, h in enumerate(hits):
            reg = self._choose(h, before, named)
            if not h.full and not h.leveled and (h.county or h.name in everyday):
                prev_end = hits[i - 1].b if i else -2
                next_start = hits[i + 1].a if i + 1 < len(hits) else -2
                # a county's own city or province will do; a name that is an everyday word (人民安康,
                # 大兴调查研究之风) needs the place itself or a place in it
                ok = [c for c in h.cands if ({c.code} if h.name in everyday else set(self._lineage(c.code))) & named]
                if not ok and not self._in_context(text, h.a, h.b, prev_end, next_start):
                    continue  # 建安投资, 人民安康: a short name with nothing in the document around it
                reg = reg if not ok or reg in ok else ok[0]
            if reg.level != "county":
                before.add(reg.code)
            norm = {"code": reg.code, "name": reg.name, "level": reg.level}
            out.append(Span("region", h.a, h.b, norm, IN_NAME if h.in_name else "region"))
        return out


@register_component("regions", assigns=("region",), requires=("enterprise", "organization"), _builtin=True)
def regions_component(ex):
    from zhgov_extract.taggers.enterprises.tagger import build_tagger

    tagger = RegionTagger(build_tagger(ex).bounds,
                          RegionRules.load(ex.rules_dir / "regions.yaml" if ex.rules_dir else None))

    def run(doc: Doc) -> None:
        doc.spans.extend(tagger(doc, doc.of_type("enterprise", "organization")))

    return run


@register_component("regions_on_their_own", assigns=(), requires=("region", "enterprise", "organization", "project"),
                    _builtin=True)
def regions_on_their_own_component(ex):
    """Keep a region mention only where it stands as a place of its own (ANNOTATION: 鞍山市委 is one
    organisation and holds no region; 乐山机场 is one project; 昆明会堂 is one venue).  Runs after
    ``records``, which still read the regions inside names (乐山机场 → 511100)."""

    def run(doc: Doc) -> None:
        names = merge_intervals((s.start, s.end) for s in doc.of_type("enterprise", "organization", "project"))
        starts = [a for a, _ in names]

        def inside(a: int, b: int) -> bool:
            k = bisect.bisect_right(starts, a) - 1
            return k >= 0 and b <= names[k][1]

        doc.spans[:] = [s for s in doc.spans
                        if s.type != "region" or not (s.source == IN_NAME or inside(s.start, s.end))]

    return run
