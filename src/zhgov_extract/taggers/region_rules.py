"""The typed rules of the region tagger (``rules/regions.yaml``): what makes a region part of a
longer name, and which neighbouring words take a full name's level character or stem."""
from __future__ import annotations

from functools import cached_property
from pathlib import Path

import regex
import yaml
from pydantic import BaseModel, ConfigDict, Field

from zhgov_extract.resources import rules_path
from zhgov_extract.text.spans import alternation


class HeadGroup(BaseModel):
    """Heads of one kind of name and how many characters may stand between region and head."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    gap: int = Field(..., ge=0)
    words: list[str]


class RegionRules(BaseModel):
    """The lists of ``rules/regions.yaml``; an unknown key is an error at load time."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name_heads: dict[str, HeadGroup]
    chunk_stops: list[str]
    chunk_stop_words: list[str]
    chunk_verb_min_freq: int
    level_words_taken: list[str]
    level_words_shared: list[str]
    name_word_tags: list[str]
    area_suffixes: list[str]
    everyday_shorts: list[str]
    function_word_tags: list[str]
    surnames: str
    person_titles: list[str]
    bylines: list[str]

    @classmethod
    def load(cls, path: str | Path | None = None) -> "RegionRules":
        """Read and check ``rules/regions.yaml`` (or ``path``, a user's rules folder)."""
        return cls.model_validate(yaml.safe_load(Path(path or rules_path("regions.yaml")).read_text(encoding="utf-8")))

    @cached_property
    def head_gap(self) -> dict[str, int]:
        """Each head word with the widest gap any of its groups allows."""
        out: dict[str, int] = {}
        for g in self.name_heads.values():
            for w in g.words:
                out[w] = max(out.get(w, 0), g.gap)
        return out

    @cached_property
    def max_gap(self) -> int:
        return max((g.gap for g in self.name_heads.values()), default=0)

    @cached_property
    def head_re(self):
        """All heads, longest first, to match at one position."""
        return regex.compile(alternation(self.head_gap))

    @cached_property
    def title_tuple(self) -> tuple[str, ...]:
        return tuple(self.person_titles)

    @cached_property
    def stop_set(self) -> frozenset:
        return frozenset(self.chunk_stops)

    @cached_property
    def stop_word_set(self) -> frozenset:
        return frozenset(self.chunk_stop_words)
