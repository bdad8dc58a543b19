"""Titles (《…》) and document numbers (辽国资建字〔2025〕19号): the ``documents`` component.

Titles are blocked for the numeric taggers, so no number inside a title
becomes a mention; patterns are the ``documents`` section of rules/numeric.yaml.
"""
from __future__ import annotations

from zhgov_extract.registry import register_component
from zhgov_extract.taggers.numbers.rules import NumericRules
from zhgov_extract.text.doc import Doc, Span


def tag_documents(doc: Doc, rules: NumericRules) -> list[Span]:
    """《…》 titles and document numbers (the issuer prefix is taken back from the bracketed year)."""
    text = doc.text
    out = [Span("document", m.start(), m.end(), None, "title") for m in rules.title_re.finditer(text)]
    for m in rules.docno_re.finditer(text):
        start = m.start()
        if text[start] != "第":
            prefix = rules.docno_prefix_re.search(text, max(0, start - 10), start)
            if prefix is None:
                continue
            start = prefix.start()
        out.append(Span("document", start, m.end(), None, "docno"))
    return out


@register_component("documents", assigns=("document",), _builtin=True)
def documents_component(ex):
    """Titles and document numbers; a title blocks the numbers inside it."""
    rules = ex.numeric_rules

    def run(doc: Doc) -> None:
        spans = tag_documents(doc, rules)
        doc.block([(s.start, s.end) for s in spans if s.source == "title"])
        doc.spans.extend(spans)

    return run
