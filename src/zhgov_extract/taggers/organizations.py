"""Organisations: government bodies, universities, institutes (type ``organization``).

Named bodies from a list (国务院国资委) and names that end in a body suffix
(人民政府, 发改委, 大学 …) with their region or a 省/市/县 prefix.  They are
found after the enterprises, so a company's unit (…研究院 of a group) stays an
enterprise.  Disable with ``Extractor(disable=["organizations"])``.
"""
from __future__ import annotations

import bisect

from zhgov_extract.registry import register_component
from zhgov_extract.taggers.enterprises.boundaries import NameBounds, region_cover, rightmost_region
from zhgov_extract.text.doc import Doc, Span
from zhgov_extract.text.spans import non_overlapping


def organizations(nb: NameBounds, doc: Doc, taken: list[Span]) -> list[Span]:
    """Organisation spans that overlap none of ``taken`` (the enterprises)."""
    r = nb.r
    scan = nb.scan(doc)
    text, region_at, rstarts = doc.text, scan.region_at, scan.rstarts
    out = []
    if r.org_ac is not None:
        for _, a, b in r.org_ac.find_matches_as_indexes(text):
            out.append(Span("organization", a, b, None, "org-list"))
    recent: list[int] = []  # starts of the suffixes found so far
    for _, s, e in r.org_suffix_ac.find_matches_as_indexes(text):
        recent.append(s)
        if e - s == 1 and s > 0 and (nb.word_tags.get(text[s - 1:e]) or "x")[0] == "v":
            continue  # 办 in 举办, 局 in 布局: a verb or word, not a body
        if e - s < 3:
            k = bisect.bisect_left(rstarts, s - 12)
            if (k >= len(rstarts) or rstarts[k] >= s) and not (s > 0 and text[s - 1] in r.org_short_prefixes):
                continue  # 局 in 布局, 委 in 纪委: a short suffix needs a region or 省/市/县 before it
        # a body's name holds at most a few suffixes before its own (…委员会办公室): bounded work per suffix
        a, _ = nb.window_start(text, s, recent[-1 - r.max_forms_in_name] if len(recent) > r.max_forms_in_name else 0)
        a = region_cover(rstarts, region_at, a)  # 内蒙古自治区人民政府: 自 is no stop inside a region
        if s - a > 3:  # a short window (鞍山市委) holds no verb: no need to tokenise it
            a = nb.after_last_verb(doc, a, s)  # 鞍山市全面贯彻落实省委 → 省委
            a = nb.after_last_word(doc, a, s, lambda w, t: t[0] in "prvd", min_len=1)
        anchor = rightmost_region(rstarts, region_at, a, s, e)
        if anchor is not None:
            a = anchor  # the body's own region: 谷城县…会议上 谷城县人民政府 → 谷城县人民政府
        elif e - s < 3:
            continue  # 局 in 布局, 委 in 纪委 need a region or prefix
        elif s - a > 10:
            continue  # no region and this long: a phrase, not a name
        if e - a < 3 or nb.generic(text[a:s]) and e - s < 3:
            continue
        out.append(Span("organization", a, e, None, "org-suffix"))
    # longest non-overlapping; enterprises first: 中国移动通信集团广东有限公司深圳分公司 is not an organisation
    out.sort(key=lambda sp: (sp.start - sp.end, sp.start))
    return non_overlapping(list(taken) + out)[len(taken):]


@register_component("organizations", assigns=("organization",), requires=("enterprise",), _builtin=True)
def organizations_component(ex):
    from zhgov_extract.taggers.enterprises.tagger import build_tagger

    nb = build_tagger(ex).bounds

    def run(doc: Doc) -> None:
        doc.spans.extend(organizations(nb, doc, doc.of_type("enterprise")))

    return run
