"""Dates and periods (``2024年``, ``11月25日``, ``2025-04-10``, ``前三季度``).

Emitted as ``date`` mentions with an ISO value, and blocked for the numeric
taggers so that no calendar number becomes a quantity.
"""
from __future__ import annotations

from pathlib import Path

import regex
import yaml
from pydantic import BaseModel, ConfigDict

from zhgov_extract.text.doc import Doc, Span
from zhgov_extract.registry import register_component
from zhgov_extract.resources import rules_path


class DatePattern(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    re: str


class DateRuleFile(BaseModel):
    """The keys of ``rules/dates.yaml``: a wrong key is an error at load."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    source: str
    updated: str
    patterns: list[DatePattern]


class DateTagger:
    """Dates and periods by the patterns of ``rules/dates.yaml``, longest of overlapping candidates kept."""

    def __init__(self, path: str | Path | None = None) -> None:
        with open(path or rules_path("dates.yaml"), encoding="utf-8") as fh:
            rules = DateRuleFile.model_validate(yaml.safe_load(fh))
        self.patterns = [(p.name, regex.compile(p.re)) for p in rules.patterns]

    @staticmethod
    def _iso(m) -> str:
        g = m.groupdict()
        y, mo, d = g.get("y"), g.get("m"), g.get("d")
        if y and mo and d:
            return f"{y}-{int(mo):02d}-{int(d):02d}"
        if y and mo:
            return f"{y}-{int(mo):02d}"
        if mo and d:
            return f"--{int(mo):02d}-{int(d):02d}"
        if y and not (mo or d) and m.group().rstrip("度").endswith("年"):
            return y
        return m.group()

    def __call__(self, doc: Doc) -> list[Span]:
        text = doc.text
        found: list[Span] = []
        for name, pat in self.patterns:
            for m in pat.finditer(text):
                if m.end() == m.start():
                    continue
                if name == "chinese_date" and not (m.group("y") or m.group("m") or m.group("d")):
                    continue
                if name == "chinese_date" and m.group("d") and not m.group("m"):
                    continue  # a bare 25日 is too ambiguous
                found.append(Span("date", m.start(), m.end(), {"value": self._iso(m)}, name))
        # keep the longest of overlapping candidates
        found.sort(key=lambda s: (s.start, -(s.end - s.start)))
        out: list[Span] = []
        for s in found:
            if out and s.start < out[-1].end:
                continue
            out.append(s)
        return out


@register_component("dates", assigns=("date",), _builtin=True)
def dates_component(ex):
    tagger = DateTagger(ex.rules_dir / "dates.yaml" if ex.rules_dir else None)

    def run(doc: Doc) -> None:
        spans = tagger(doc)
        doc.block([(s.start, s.end) for s in spans])
        doc.spans.extend(spans)

    return run
