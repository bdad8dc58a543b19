"""Owners at the left of a project name: 安道云科股份数字显示制造基地项目 names 安道云科股份.

The enterprise tagger runs before projects and cannot tell a short company name
with a form word (股份, 集团, 控股, 公司) from the words around it; once the project
span is known, its first words up to such a form word are its owner (ANNOTATION:
mentions nest, an enterprise inside a project name is an enterprise mention).
The owner is linked like any other enterprise mention.
"""
from __future__ import annotations

from zhgov_extract.registry import register_component
from zhgov_extract.taggers.project_rules import ProjectRules
from zhgov_extract.text.doc import Doc, Span


def project_owners(doc: Doc, rules: ProjectRules) -> list[Span]:
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
        m = rules.owner_form_re.match(text, start, p.end)  # rules/projects.yaml: owner_form, owner_not_leads
        if m is None or rules.owner_not_lead_re.match(m.group("name")) or m.end() >= p.end - 1:
            continue
        if any(a < m.end() and m.start() < b for a, b in ents):
            continue  # overlaps an enterprise the tagger found
        out.append(Span("enterprise", m.start(), m.end(), None, "project_owner"))
    return out


@register_component("project_owners", assigns=("enterprise",), requires=("project",), _builtin=True)
def project_owners_component(ex):
    from zhgov_extract.taggers.enterprises.tagger import build_tagger

    linker = build_tagger(ex).linker
    rules = ProjectRules.load(ex.rules_dir / "projects.yaml" if ex.rules_dir else None)

    def run(doc: Doc) -> None:
        for s in project_owners(doc, rules):
            s.norm = linker.link("".join(doc.text[s.start:s.end].split()), "structure")
            doc.spans.append(s)

    return run
