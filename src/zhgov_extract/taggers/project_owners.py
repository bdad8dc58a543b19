"""Owners at the left of a project name: 安道云科股份数字显示制造基地项目 names 安道云科股份.

The enterprise tagger runs before projects and cannot tell a short company name
with a form word (股份, 集团, 控股, 公司) from the words around it; once the project
span is known, its first words up to such a form word are its owner (ANNOTATION:
mentions nest, an enterprise inside a project name is an enterprise mention).
The owner is linked like any other enterprise mention.
"""
from __future__ import annotations

import regex

from zhgov_extract.registry import register_component
from zhgov_extract.text.doc import Doc, Span

# 2-8 characters of name, then a form word; the name must not itself end in a form word's first
# character run (集团公司 is one form) and must hold no punctuation or digits.
_OWNER = regex.compile(r"(?P<name>[\p{Han}]{2,8}?)(?P<form>股份|集团|控股|公司)(?!有限|公司|集团|股份|控股)")
# Words that make the first words a kind, a place or a role rather than a company's own name.
_NOT_NAMES = regex.compile(r"^(?:省|市|县|区|国有|国资|民营|外资|龙头|骨干|重点|大型|中小|上市|该|本|其|某|多家|一批)")


def project_owners(doc: Doc) -> list[Span]:
    """Enterprise spans for owners written at the start of a project name and not yet tagged."""
    text = doc.text
    ents = sorted((s.start, s.end) for s in doc.spans if s.type == "enterprise")
    places = {s.start: s.end for s in doc.spans if s.type in ("region", "organization")}
    out = []
    for p in doc.spans:
        if p.type != "project":
            continue
        start = places.get(p.start, p.start)  # 鞍山安道云科股份…: after a place that opens the name
        if start >= p.end or any(a <= start < b for a, b in ents):
            continue  # the tagger found the owner already
        m = _OWNER.match(text, start, p.end)
        if m is None or _NOT_NAMES.match(m.group("name")) or m.end() >= p.end - 1:
            continue
        if any(a < m.end() and m.start() < b for a, b in ents):
            continue  # overlaps an enterprise the tagger found
        out.append(Span("enterprise", m.start(), m.end(), None, "project_owner"))
    return out


@register_component("project_owners", assigns=("enterprise",), requires=("project",), _builtin=True)
def project_owners_component(ex):
    from zhgov_extract.taggers.enterprises.tagger import build_tagger

    linker = build_tagger(ex).linker

    def run(doc: Doc) -> None:
        for s in project_owners(doc):
            s.norm = linker.link("".join(doc.text[s.start:s.end].split()), "structure")
            doc.spans.append(s)

    return run
