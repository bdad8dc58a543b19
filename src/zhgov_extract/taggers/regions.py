"""Regions: administrative divisions named in the text (type ``region``), with
their code, name and level (``RegionNorm``).

A region inside an enterprise or organisation name is part of that name, not a
mention of its own.  Disable with ``Extractor(disable=["regions"])``.
"""
from __future__ import annotations

from zhgov_extract.link.gazetteer import RegionGazetteer
from zhgov_extract.registry import register_component
from zhgov_extract.text.doc import Doc, Span
from zhgov_extract.text.spans import Coverage


def regions(gaz: RegionGazetteer, doc: Doc, taken: list[Span]) -> list[Span]:
    """Region spans outside ``taken``; an ambiguous name is read under the regions named before it."""
    cover = Coverage((s.start, s.end) for s in taken)
    out = []
    context: set[str] = set()
    for a, b, name in gaz.iter_matches(doc.text):
        if cover.covers(a, b):
            continue
        reg = gaz.best(name, context)
        if reg is None:
            continue
        if reg.level != "county":
            context.add(reg.code)
        out.append(Span("region", a, b, {"code": reg.code, "name": reg.name, "level": reg.level}, "region"))
    return out


@register_component("regions", assigns=("region",), requires=("enterprise", "organization"), _builtin=True)
def regions_component(ex):
    from zhgov_extract.taggers.enterprises.tagger import build_tagger

    gaz = build_tagger(ex).regions

    def run(doc: Doc) -> None:
        doc.spans.extend(regions(gaz, doc, doc.of_type("enterprise", "organization")))

    return run
