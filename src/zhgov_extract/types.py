"""Each mention type declared once: its norm model, whether eval scores it, how it is shown.

Everything that handles types reads this table: the report builder (norm
model), ``evaluate`` (scored types), the CLI (display style) and the SQL sinks
(numeric types get a row in the metrics columns).  A user component that emits
a new type declares it here with :func:`declare_type`; its spans are then
validated against the norm model and kept in ``Report.mentions``.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass

from pydantic import BaseModel

from zhgov_extract.models import (DateNorm, EnterpriseNorm, MoneyNorm, PercentNorm, QuantityNorm,
                                  RegionNorm)


@dataclass(frozen=True)
class MentionTypeSpec:
    name: str
    norm: type[BaseModel] | None = None  # None: the norm is kept as a plain dict (or absent)
    scored: bool = False                 # scored by `zhgov-extract eval` by default
    numeric: bool = False                # a number with a value (sinks give it value/unit columns)
    style: str = "dim"                   # rich style in the CLI table
    description: str = ""


_TYPES: dict[str, MentionTypeSpec] = {}
_LOCK = threading.Lock()


def declare_type(name: str, *, norm: type[BaseModel] | None = None, scored: bool = False,
                 numeric: bool = False, style: str = "dim", description: str = "") -> MentionTypeSpec:
    """Declare a mention type; declaring a taken name differently is an error."""
    spec = MentionTypeSpec(name, norm, scored, numeric, style, description)
    with _LOCK:
        known = _TYPES.get(name)
        if known is not None and known != spec:
            raise ValueError(f"mention type {name!r} is already declared differently: {known}")
        _TYPES[name] = spec
    return spec


def type_spec(name: str) -> MentionTypeSpec | None:
    return _TYPES.get(name)


def declared_types() -> list[str]:
    return list(_TYPES)


def scored_types() -> tuple[str, ...]:
    return tuple(n for n, s in _TYPES.items() if s.scored)


def numeric_types() -> frozenset[str]:
    return frozenset(n for n, s in _TYPES.items() if s.numeric)


declare_type("money", norm=MoneyNorm, scored=True, numeric=True, style="bold green",
             description="an amount of money: value in the currency's base unit")
declare_type("percent", norm=PercentNorm, scored=True, numeric=True, style="bold cyan",
             description="a percentage, percentage points or a multiple")
declare_type("quantity", norm=QuantityNorm, scored=True, numeric=True, style="yellow",
             description="an Arabic-digit number with a measure unit or classifier")
declare_type("enterprise", norm=EnterpriseNorm, scored=True, style="bold magenta",
             description="a company, group or named unit of one, linked to its legal name")
declare_type("project", scored=True, style="bold blue", description="a named project, works, base or park")
declare_type("region", norm=RegionNorm, style="white", description="an administrative division")
declare_type("date", norm=DateNorm, style="dim", description="a date or period")
declare_type("organization", style="dim", description="a government body, university or institute")
declare_type("person", style="dim")
declare_type("document", style="dim italic", description="a 《…》 title or a document number")
