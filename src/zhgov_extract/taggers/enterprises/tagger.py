"""The enterprise component: known names, structural names, lists and short
names merged longest-first, then linked (``link/linker.py``).

Recognition has three sources:

1. gazetteer names (central SOEs, their units, other known enterprises, user
   lists) found in one Aho-Corasick pass (``names.py``);
2. names *not* in any list, recognised by their structure — an organisational
   form and, to its left, a trade name that starts at a region, at a known
   enterprise, or after a word that cannot be part of a name (``structure.py``,
   ``boundaries.py``);
3. lists whose items are enterprises (``lists.py``) and short names a document
   introduces (荣信汇科 after 荣信汇科电气股份有限公司).
"""
from __future__ import annotations

from zhgov_extract.link.gazetteer import EnterpriseGazetteer, RegionGazetteer
from zhgov_extract.link.linker import CENTRAL, Linker
from zhgov_extract.registry import register_component
from zhgov_extract.taggers.enterprises.boundaries import Candidate, NameBounds, Scan
from zhgov_extract.taggers.enterprises.lists import lists
from zhgov_extract.taggers.enterprises.names import agreement_parties, alias_candidates, alias_units
from zhgov_extract.taggers.enterprises.rules import EnterpriseRules
from zhgov_extract.taggers.enterprises.structure import merge_group_units, orphan_branches, short_names, structural
from zhgov_extract.text.doc import Doc, Span
from zhgov_extract.text.spans import longest_first

_PRIORITY = {"structure": 0, "unit": 1, "alias": 2, "short": 3, "list": 4}


def resolve(cands: list[Candidate]) -> list[Candidate]:
    """Longest wins among overlapping candidates; structure beats alias on a tie."""
    return longest_first(cands, tiebreak=lambda c: _PRIORITY.get(c.kind, 9))


class EnterpriseTagger:
    """Find enterprise spans in a :class:`Doc` and link them; shared, read-only, thread-safe."""

    def __init__(self, rules: EnterpriseRules, gazetteer: EnterpriseGazetteer, regions: RegionGazetteer,
                 word_tags: dict[str, str] | None = None) -> None:
        self.bounds = NameBounds(rules, gazetteer, regions, word_tags)
        self.r = rules
        self.gaz = gazetteer
        self.regions = regions
        self.linker = Linker(gazetteer, rules.forms_tail_re, rules.financial_forms,
                             rules.financial_words, rules.foreign_markers, regions)

    def link_name(self, name: str, threshold: float | None = None):
        """See :meth:`Linker.link_name` (kept here: callers link through the tagger)."""
        return self.linker.link_name(name, threshold)

    def candidates(self, doc: Doc) -> tuple[Scan, list[Candidate]]:
        """The resolved enterprise candidates of one document, with the scan that found them."""
        nb = self.bounds
        scan = nb.scan(doc)
        aliases = alias_candidates(nb, scan)
        scan.alias_at = {c.start: (c.end, c.entity) for c in aliases}
        ents = resolve(aliases + structural(nb, scan) + alias_units(nb, scan, aliases) + agreement_parties(nb, scan))
        ents = merge_group_units(nb, scan.text, ents)
        ents = resolve(ents + lists(nb, scan, ents))
        ents = resolve(ents + short_names(nb, self.linker.core, scan.text, ents))
        return scan, orphan_branches(nb, ents)

    def own_groups(self, scan: Scan, ents: list[Candidate], province: str) -> list[Candidate]:
        """省国投集团, 山东省国投集团: a central SOE's short name after 省 or a region is the province's
        own group of that short name where the province has one (山东省国有资产投资控股), not the SOE."""
        provinces, text = self.linker.provinces, scan.text
        if provinces is None:
            return ents
        region_start = {e: a for a, e, _ in scan.regions}
        out = []
        for c in ents:
            ent = c.entity or (self.gaz.lookup(text[c.start:c.end]) if c.anchor == "alias" else None)
            if c.kind in ("alias", "structure") and ent is not None and ent.category in CENTRAL and c.start > 0:
                start = region_start.get(c.start, c.start - 1 if text[c.start - 1] == "省" else None)
                if start is not None and provinces.link(text[start:c.end], province) is not None:
                    c = Candidate(start, c.end, "list", None, "", "none")
            out.append(c)
        return out

    def __call__(self, doc: Doc) -> list[Span]:
        scan, ents = self.candidates(doc)
        nt = doc.norm
        out: list[Span] = []
        provinces = self.linker.provinces
        province = provinces.document_home(scan.regions) if provinces is not None and ents else ""  # 510100
        for c in self.own_groups(scan, ents, province) if province else ents:
            a, b = nt.to_source(c.start, c.end)
            as_written = "".join(doc.source[a:b].split())  # 华润（集团）as the report writes it, without line breaks
            norm = self.linker.link(as_written, c.kind, c.entity, c.anchor, c.full_name, province)
            out.append(Span("enterprise", c.start, c.end, norm, c.kind))
        return out


def build_tagger(ex) -> EnterpriseTagger:
    """One tagger per Extractor (its rules folder, its extra gazetteers), built once."""
    tagger = getattr(ex, "enterprise_tagger", None)
    if tagger is None:
        from zhgov_extract.taggers.enterprises.words import jieba_dictionary

        gaz = EnterpriseGazetteer(extra=ex.extra_gazetteers)
        if ex.tokenizer is not None:
            ex.tokenizer.add_words(gaz.words)
        rules = EnterpriseRules(ex.rules_dir / "enterprise.yaml" if ex.rules_dir else None)
        tagger = EnterpriseTagger(rules, gaz, RegionGazetteer(), jieba_dictionary()[1])
        ex.enterprise_tagger = tagger
    return tagger


@register_component("enterprise", assigns=("enterprise",), _builtin=True)
def enterprise_component(ex):
    tagger = build_tagger(ex)

    def run(doc: Doc) -> None:
        doc.spans.extend(tagger(doc))

    return run
