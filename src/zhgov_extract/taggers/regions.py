"""Regions: administrative divisions named in the text (type ``region``), with
their code, name and level (``RegionNorm``).

A region needs evidence.  Its full name is evidence (和安县, 长治市) unless the
full name is an everyday word (城区, 矿区), which then needs a context of regions:
another region right before it or in the same list, ``在…``, ``…境内``.  A short
name (和安, 长治) is a region only as a word of its own: not half of an everyday
word (发展和安全, 创新平台, 超大城市) and not inside a longer one (长治久安).  A
region inside an enterprise or organisation name is part of that name.
Disable with ``Extractor(disable=["regions"])``.
"""
from __future__ import annotations

import bisect

from zhgov_extract.registry import register_component
from zhgov_extract.taggers.enterprises.boundaries import NameBounds
from zhgov_extract.text.doc import Doc, Span
from zhgov_extract.text.spans import Coverage, merge_intervals

_LEVELS = set("县市区州盟旗")


def _half_of_a_word(nb: NameBounds, text: str, a: int, b: int) -> bool:
    """Is the first or last character of [a, b) half of a dictionary word across the edge?"""
    for w in (text[a - 1:a + 1] if a > 0 else "", text[b - 1:b + 1] if b < len(text) else ""):
        if len(w) == 2 and nb.word_tags.get(w) and w not in nb.regions.by_name:
            return True
    return False


def _inside_a_word(nb: NameBounds, doc: Doc, a: int, b: int, county: bool) -> bool:
    """Is [a, b) part of a longer word of its clause?

    Any word running across an edge counts for a county's short name (the weakest
    evidence: 复杂|多变 → 杂多); for a city's or province's, only a word that holds the
    name inside it (复合肥, 陈大庆) or is an idiom or phrase (长治久安), not a place
    word that starts with it (钦州港, 鞍山钢铁).
    """
    toks = doc.clause_tokens(a, b)
    if not toks or (toks[0][1] >= a and toks[-1][2] <= b):
        return False
    if county:
        return not doc.text[b:b + 1] in _LEVELS  # 禄丰县: the level word is evidence
    w, ta, tb = toks[0]
    if len(toks) != 1:
        return False
    tag = nb.word_tags.get(w, "")
    return ta < a or tag[:1] in ("i", "l", "v", "a", "d")


def _in_context(nb: NameBounds, text: str, a: int, b: int, prev_end: int) -> bool:
    """A context of regions: one right before (大同市城区) or before a separator, 在…, …境内."""
    r = nb.r
    if prev_end == a or (prev_end == a - 1 and text[a - 1] in r.list_separators):
        return True
    if text.endswith(r.region_context_before, 0, a) or text.startswith(r.region_context_after, b):
        return True
    return False


def regions(nb: NameBounds, doc: Doc, taken: list[Span]) -> list[Span]:
    """Region spans with evidence, outside ``taken``; an ambiguous name is read under the regions named before it."""
    gaz, text = nb.regions, doc.text
    cover = Coverage((s.start, s.end) for s in taken)
    out: list[Span] = []
    context: set[str] = set()
    prev_end = -2
    for a, b, name in gaz.iter_matches(text):
        if cover.covers(a, b):
            continue
        reg = gaz.best(name, context)
        if reg is None:
            continue
        full = any(r.name == name for r in gaz.by_name[name])
        county = all(r.level == "county" for r in gaz.by_name[name])
        if full:
            tag = nb.word_tags.get(name)
            if tag and not tag.startswith("ns") and nb.word_freq.get(name, 0) >= nb.r.region_everyday_freq \
                    and not _in_context(nb, text, a, b, prev_end):
                continue  # 中心城区: an everyday word, not the district named 城区
        elif county and _half_of_a_word(nb, text, a, b) \
                or (doc.tokenizer is not None and _inside_a_word(nb, doc, a, b, county)):
            continue  # 发展和安全, 创新平台, 长治久安: a short name inside everyday words
        if reg.level != "county":
            context.add(reg.code)
        prev_end = b
        out.append(Span("region", a, b, {"code": reg.code, "name": reg.name, "level": reg.level}, "region"))
    return out


@register_component("regions", assigns=("region",), requires=("enterprise", "organization"), _builtin=True)
def regions_component(ex):
    from zhgov_extract.taggers.enterprises.tagger import build_tagger

    nb = build_tagger(ex).bounds

    def run(doc: Doc) -> None:
        doc.spans.extend(regions(nb, doc, doc.of_type("enterprise", "organization")))

    return run


@register_component("regions_on_their_own", assigns=(), requires=("region", "enterprise", "organization", "project"),
                    _builtin=True)
def regions_on_their_own_component(ex):
    """Keep a region mention only where it stands as a place of its own (ANNOTATION: 鞍山市委 is one
    organisation and holds no region; 乐山机场 is one project).  Runs after ``records``, which still
    read the regions inside names (乐山机场 → 511100)."""

    def run(doc: Doc) -> None:
        names = merge_intervals((s.start, s.end) for s in doc.of_type("enterprise", "organization", "project"))
        starts = [a for a, _ in names]

        def inside(a: int, b: int) -> bool:
            k = bisect.bisect_right(starts, a) - 1
            return k >= 0 and b <= names[k][1]

        doc.spans[:] = [s for s in doc.spans if s.type != "region" or not inside(s.start, s.end)]

    return run
