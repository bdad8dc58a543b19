"""The typed rules of the region tagger (``rules/regions.yaml``): what makes a region part of a
longer name, and which neighbouring words take a full name's level character or stem."""
from __future__ import annotations

from functools import cached_property
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

from zhgov_extract.resources import rules_path


class HeadGroup(BaseModel):
    """Heads of one kind of name and how many characters may stand between region and head."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    gap: int = Field(..., ge=0)
    province_gap_from: int = Field(0, ge=0)  # after a province, at least this many characters (四川铁路 is no name)
    words: list[str]


class RegionRules(BaseModel):
    """The lists of ``rules/regions.yaml``; an unknown key is an error at load time."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name_heads: dict[str, HeadGroup]
    chunk_stops: list[str]
    chunk_stop_words: list[str]
    chunk_verb_min_freq: int
    chunk_stop_tags: list[str]
    chunk_joiners: list[str]
    chunk_name_verbs: list[str]
    level_words_taken: list[str]
    level_words_shared: list[str]
    name_word_tags: list[str]
    area_suffixes: list[str]
    everyday_shorts: list[str]
    everyday_full_names: list[str]
    function_word_tags: list[str]
    surnames: str
    person_titles: list[str]
    bylines: list[str]

    @classmethod
    def load(cls, path: str | Path | None = None) -> "RegionRules":
        """Read and check ``rules/regions.yaml`` (or ``path``, a user's rules folder)."""
        return cls.model_validate(yaml.safe_load(Path(path or rules_path("regions.yaml")).read_text(encoding="utf-8")))

    @cached_property
    def head_gap(self) -> dict[str, tuple[int, int]]:
        """Each head word with the narrowest and widest gap its groups allow after a city or county
        (the narrowest after a province is ``province_gap_from``)."""
        out: dict[str, tuple[int, int]] = {}
        for g in self.name_heads.values():
            for w in g.words:
                lo, hi = out.get(w, (g.province_gap_from, g.gap))
                out[w] = (min(lo, g.province_gap_from), max(hi, g.gap))
        return out

    @cached_property
    def max_gap(self) -> int:
        return max((g.gap for g in self.name_heads.values()), default=0)

    @cached_property
    def level_words(self) -> frozenset:
        return frozenset(self.level_words_taken + self.level_words_shared)

    @cached_property
    def title_tuple(self) -> tuple[str, ...]:
        return tuple(self.person_titles)

    @cached_property
    def stop_set(self) -> frozenset:
        return frozenset(self.chunk_stops)

    @cached_property
    def stop_word_set(self) -> frozenset:
        return frozenset(self.chunk_stop_words)
