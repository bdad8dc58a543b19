"""The ``numeric`` component: money, percent and quantity.

The work is in :mod:`zhgov_extract.taggers.numbers`: the extractor finds spans
(``extract.py``), the parser computes their values (``parse.py``), both from
``rules/numeric.yaml`` (``rules.py``).  They work on the normalised text;
offsets are mapped to the source by the pipeline.
"""
from __future__ import annotations

from zhgov_extract.registry import register_component
from zhgov_extract.taggers import titles  # noqa: F401  (registers "documents", which numeric requires)
from zhgov_extract.taggers.numbers.extract import Found, NumberToken, NumericExtractor
from zhgov_extract.taggers.numbers.parse import NumericParser
from zhgov_extract.taggers.numbers.rules import NumericRules
from zhgov_extract.text.doc import Doc, Span

__all__ = ["Found", "NumberToken", "NumericExtractor", "NumericParser", "NumericRules", "tag_numbers"]


def tag_numbers(doc: Doc, extractor: NumericExtractor, parser: NumericParser) -> list[Span]:
    """Money, percent and quantity spans of one document (all state is local to this call)."""
    return [parser(f, doc) for f in extractor(doc)]


@register_component("numeric", assigns=("money", "percent", "quantity"), requires=("document", "date"), _builtin=True)
def numeric_component(ex):
    rules = ex.numeric_rules
    extractor, parser = NumericExtractor(rules), NumericParser(rules)

    def run(doc: Doc) -> None:
        doc.spans.extend(tag_numbers(doc, extractor, parser))

    return run
