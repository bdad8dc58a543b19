"""The typed rules of the project tagger and the record linker (``rules/projects.yaml``)."""
from __future__ import annotations

from functools import cached_property
from pathlib import Path

import regex
import yaml
from pydantic import BaseModel, ConfigDict

from zhgov_extract.resources import rules_path


def _alt(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


class ProjectRules(BaseModel):
    """The lists of ``rules/projects.yaml``; an unknown key is an error at load time."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    heads: list[str]
    weak_heads: list[str]
    adjective_heads: list[str]
    build_cues: list[str]
    headless_cues: list[str]
    phase: str
    left_stops: list[str]
    name_verbs: list[str]
    head_verbs: list[str]
    name_particles: list[str]
    works: list[str]
    generic_words: list[str]
    campaign_words: list[str]
    glued_stops: str
    event: str
    part_count: str
    counted_tail: str
    owner_form: str
    owner_not_leads: list[str]
    location_verbs: list[str]
    park_heads: list[str]
    size_class: str
    not_project_endings: list[str]
    category_heads: list[str]
    head_not_followed_by: list[str]
    list_tail: str
    list_separators: list[str]
    list_intro: list[str]
    status_words: dict[str, list[str]]
    status_weak_words: dict[str, list[str]]
    status_false_friends: list[str]
    investment_kinds: dict[str, list[str]]
    capacity_cues: list[str]
    designations: list[str]
    route_heads: list[str]
    route_joiners: list[str]
    route_suffix: str
    name_joiners: list[str]
    joint_words: list[str]
    list_sector_words: list[str]

    @classmethod
    def load(cls, path: str | Path | None = None) -> "ProjectRules":
        with open(path or rules_path("projects.yaml"), encoding="utf-8") as fh:
            return cls.model_validate(yaml.safe_load(fh))

    @cached_property
    def head_re(self):
        return regex.compile(f"(?:{_alt(self.heads + self.weak_heads)})")

    @cached_property
    def phase_before_re(self):
        """A phase right before a head (一期项目): part of the name, though 一期 alone stops a walk."""
        return regex.compile(r"[一二三四五六七八九十0-9]{1,2}期$")

    @cached_property
    def route_suffix_re(self):
        return regex.compile(self.route_suffix)

    @cached_property
    def route_head_set(self) -> frozenset:
        return frozenset(self.route_heads)

    @cached_property
    def head_tail_re(self):
        """What may follow a head and still belong to it: another head, 建设+head, a phase."""
        return regex.compile(f"(?:建设)?(?:{_alt(self.heads)})|{self.phase}")

    @cached_property
    def bullet_head_re(self):
        return regex.compile(f"(?:{_alt(self.heads)})(?:{self.phase})?$")

    @cached_property
    def list_tail_re(self):
        return regex.compile(self.list_tail)

    @cached_property
    def stops(self) -> frozenset:
        return frozenset(self.left_stops)

    @cached_property
    def category_head_set(self) -> frozenset:
        return frozenset(self.category_heads)

    @cached_property
    def head_not_followed(self) -> frozenset:
        return frozenset(self.head_not_followed_by)

    @cached_property
    def head_verb_set(self) -> frozenset:
        return frozenset(self.head_verbs)

    @cached_property
    def name_particle_set(self) -> frozenset:
        return frozenset(self.name_particles)

    @cached_property
    def list_separator_order(self) -> tuple[str, ...]:
        """The separators between listed items, longest first (以及 before 及)."""
        return tuple(sorted(self.list_separators, key=len, reverse=True))

    @cached_property
    def investment_before_re(self):
        """Investment words right before an amount (总投资, 计划投资), to the amount's start."""
        return regex.compile(f"{self._investment_words}$")

    @cached_property
    def investment_word_re(self):
        return regex.compile(self._investment_words)

    @property
    def _investment_words(self) -> str:
        return f"(?:{_alt(w for ws in self.investment_kinds.values() for w in ws)})(?:约|达|近|超|逾)?"

    @cached_property
    def size_class_re(self):
        return regex.compile(self.size_class)

    @cached_property
    def location_before_re(self):
        return regex.compile(f"(?:{_alt(self.location_verbs)})(?:到|在|于)?$")

    @cached_property
    def glued_stop_set(self) -> frozenset:
        return frozenset(self.glued_stops)

    @cached_property
    def event_re(self):
        return regex.compile(self.event)

    @cached_property
    def part_count_re(self):
        return regex.compile(self.part_count)

    @cached_property
    def counted_tail_re(self):
        return regex.compile(self.counted_tail)

    @cached_property
    def owner_form_re(self):
        return regex.compile(self.owner_form)

    @cached_property
    def owner_not_lead_re(self):
        return regex.compile(f"^(?:{_alt(self.owner_not_leads)})")

    @cached_property
    def campaign_re(self):
        return regex.compile(f"(?:{_alt(self.campaign_words)})$")

    @cached_property
    def glued_after_head(self) -> frozenset:
        """Words a dictionary may glue to a head (项目前期, 项目建设): the head still ends a name there."""
        return frozenset(self.left_stops + self.build_cues + [w for ws in self.status_words.values() for w in ws])

    @cached_property
    def works_done_re(self):
        """What is reported of works with no head noun: built, started, in production (下线, 投产, 开工)."""
        return regex.compile(f"(?:{_alt(self.headless_cues)})")

    @cached_property
    def capacity_before_re(self):
        return regex.compile(f"(?:{_alt(self.capacity_cues)})$")

    @cached_property
    def name_end_re(self):
        """A head, a building or a work at the end of a text: a name ends there."""
        return regex.compile(f"(?:{_alt(self.heads + self.weak_heads + self.works)})$")

    @cached_property
    def works_re(self):
        """A building (楼, 馆) or a work on one (加固, 大修) at the end of a listed item."""
        return regex.compile(f"(?:{_alt(self.works)})$")

    @cached_property
    def generic(self) -> frozenset:
        return frozenset(self.generic_words)

    @cached_property
    def intro_re(self):
        return regex.compile(f"^(?:{_alt(self.list_intro)})+")

    @cached_property
    def designation_re(self):
        return regex.compile(f"(?:{_alt(self.designations)})")

    @cached_property
    def list_sector_re(self):
        return regex.compile(_alt(self.list_sector_words))

    @cached_property
    def joint_re(self):
        return regex.compile(_alt(self.joint_words))

    @cached_property
    def build_cue_re(self):
        return regex.compile(_alt(self.build_cues))
