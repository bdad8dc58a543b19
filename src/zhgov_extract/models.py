"""The published data model: mentions, their normalised values, records, reports.

Every mention carries ``start``/``end`` offsets into the document text exactly
as read from the file, so ``report.text[m.start:m.end] == m.text`` always.
``Report.model_json_schema()`` is the JSON Schema users validate against.
"""
from __future__ import annotations

from typing import Annotated, Any, Callable, Literal, Union

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag

Qualifier = Literal["exact", "over", "about", "nearly", "under", "approx_more"]
PercentUnit = Literal["percent", "percentage_point", "multiple"]
EnterpriseCategory = Literal[
    "central_soe", "central_soe_unit", "local_soe", "private", "foreign", "financial", "unknown"
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


# --------------------------------------------------------------------- norms
class _Amount(_Model):
    """A value as a plain decimal string (no exponent), or a ``low``–``high`` range."""

    value: str | None = Field(None, description="decimal string, multipliers applied; None for a range")
    low: str | None = None
    high: str | None = None
    qualifier: Qualifier = "exact"


class MoneyNorm(_Amount):
    currency: str = Field("CNY", description="ISO 4217 code")
    per: str | None = Field(None, description="denominator of a rate, e.g. 月 in 1208元/月")


class PercentNorm(_Amount):
    unit: PercentUnit = "percent"


class QuantityNorm(_Amount):
    unit: str = Field(..., description="the unit as written after the number, e.g. 吨, 平方米, 万吨/年 → 吨/年")


class EnterpriseNorm(_Model):
    canonical: str
    category: EnterpriseCategory = "unknown"
    group: str | None = Field(None, description="canonical name of the parent central SOE, for units")
    entity_id: str | None = Field(None, description="gazetteer id, when linked")
    score: float | None = Field(None, description="link score (100 = exact alias)")


class RegionNorm(_Model):
    code: str | None = None
    name: str | None = None
    level: Literal["province", "prefecture", "county"] | None = None


class DateNorm(_Model):
    value: str = Field(..., description="ISO date or period: 2024, 2024-11, 2024-11-25, or the text")


# ------------------------------------------------------------------ mentions
class _MentionBase(_Model):
    start: int = Field(..., ge=0, description="offset of the first character in the source text")
    end: int = Field(..., ge=0, description="offset after the last character (exclusive)")
    text: str = Field(..., description="== source[start:end]")
    sentence: int = Field(-1, description="index into Report.sentences, -1 if unknown")


class MoneyMention(_MentionBase):
    type: Literal["money"] = "money"
    norm: MoneyNorm


class PercentMention(_MentionBase):
    type: Literal["percent"] = "percent"
    norm: PercentNorm


class QuantityMention(_MentionBase):
    type: Literal["quantity"] = "quantity"
    norm: QuantityNorm


class EnterpriseMention(_MentionBase):
    type: Literal["enterprise"] = "enterprise"
    norm: EnterpriseNorm


class RegionMention(_MentionBase):
    type: Literal["region"] = "region"
    norm: RegionNorm | None = None


class DateMention(_MentionBase):
    type: Literal["date"] = "date"
    norm: DateNorm | None = None


class OtherMention(_MentionBase):
    """Types without a norm model of their own: project, organization, person, document, and user types."""

    type: str
    norm: dict | None = None


MENTION_CLASSES: dict[str, type[_MentionBase]] = {
    "money": MoneyMention, "percent": PercentMention, "quantity": QuantityMention,
    "enterprise": EnterpriseMention, "region": RegionMention, "date": DateMention,
}


def _mention_tag(v: Any) -> str:
    t = v.get("type") if isinstance(v, dict) else getattr(v, "type", None)
    return t if t in MENTION_CLASSES else "other"


# Open union: a mention of a type with its own class is validated by it; any other type
# (including those user components declare) by OtherMention.
Mention = Annotated[
    Union[tuple(Annotated[c, Tag(t)] for t, c in MENTION_CLASSES.items()) + (Annotated[OtherMention, Tag("other")],)],
    Discriminator(_mention_tag),
]



_BUILDERS: dict[type, Callable[[dict], Any]] = {}


def builder(cls) -> Callable[[dict], Any]:
    """A function ``values -> cls instance`` that skips validation (``model_construct`` without its overhead).

    Only for values the pipeline built itself: fields it leaves out get their
    defaults.  What it returns is an ordinary model instance (dump, compare, copy).
    Built once per class, with everything it needs bound, because the pipeline
    makes one per mention, norm and sentence.
    """
    make = _BUILDERS.get(cls)
    if make is not None:
        return make
    fields = cls.model_fields
    defaults = {n: f.get_default(call_default_factory=True) for n, f in fields.items() if not f.is_required()}
    n_fields = len(fields)
    # Every instance made here has every field set; each gets its own copy of the
    # fields-set, because a caller may change one model's set and must not change another's.
    all_set = frozenset(fields)
    new = cls.__new__
    set_attr = object.__setattr__

    def make(values: dict):
        if len(values) != n_fields:
            values = {**defaults, **values}
        obj = new(cls)
        set_attr(obj, "__dict__", values)
        set_attr(obj, "__pydantic_fields_set__", set(all_set))
        set_attr(obj, "__pydantic_extra__", None)
        set_attr(obj, "__pydantic_private__", None)
        return obj

    _BUILDERS[cls] = make
    return make


# ------------------------------------------------------------------- records
ProjectStatus = Literal["planned", "signed", "started", "under_construction", "completed", "in_production"]
InvestmentKind = Literal["total", "annual", "completed", "signed", "other"]
MetricRole = Literal["value", "change", "share", "target", "from"]
Direction = Literal["increase", "decrease"]
Basis = Literal["yoy", "mom", "base_period"]


class MentionRef(_Model):
    """A pointer into the source text: ``text == source[start:end]``."""

    start: int = Field(..., ge=0)
    end: int = Field(..., ge=0)
    text: str


class OwnerRef(MentionRef):
    canonical: str = Field(..., description="the enterprise mention's canonical name")


class InvestmentRef(MentionRef):
    value: str | None = Field(None, description="decimal string in the currency's base unit")
    currency: str = "CNY"
    kind: InvestmentKind = "other"


class CapacityRef(MentionRef):
    value: str | None = None
    unit: str


class RecordRegion(_Model):
    """The region a record is about; offsets point at the region mention it came from, when there is one."""

    code: str | None = Field(None, description="6-digit division code; None for an area that is not a division")
    name: str | None = None
    from_heading: bool = Field(False, description="taken from the heading the record sits under")
    start: int | None = None
    end: int | None = None
    text: str | None = None


class ProjectRecord(_Model):
    """One per project mention: owner, money, size, place, status and year, each pointing at the source."""

    kind: Literal["project"] = "project"
    anchor: MentionRef
    owners: list[OwnerRef] = Field(default_factory=list)
    investment: list[InvestmentRef] = Field(default_factory=list)
    capacity: list[CapacityRef] = Field(default_factory=list)
    region: RecordRegion | None = None
    status: ProjectStatus | None = None
    status_text: MentionRef | None = Field(None, description="the words the status was read from")
    year: str | None = Field(None, pattern=r"^\d{4}$")
    same_as: tuple[int, int] | None = Field(None, description="(start, end) of the first mention of the same project")


class MetricRecord(_Model):
    """One per number that states the value, change or share of an indicator."""

    kind: Literal["metric"] = "metric"
    anchor: MentionRef
    type: Literal["money", "percent", "quantity"]
    value: str | None = Field(None, description="the anchor's value (a range has low/high on the mention)")
    unit: str | None = Field(None, description="currency code, percent unit or quantity unit of the anchor")
    indicator: MentionRef | None = None
    role: MetricRole = "value"
    direction: Direction | None = None
    basis: Basis | None = None
    period: str | None = Field(None, description="as a date norm: 2024, 2024-11, 2024-01/2024-09")
    region: RecordRegion | None = None


class EnterpriseRecord(_Model):
    kind: Literal["enterprise"] = "enterprise"
    canonical: str
    category: EnterpriseCategory
    group: str | None = None
    entity_id: str | None = None
    mentions: list[MentionRef]


Record = Annotated[Union[ProjectRecord, MetricRecord, EnterpriseRecord], Field(discriminator="kind")]


# -------------------------------------------------------------------- report
class Sentence(_Model):
    start: int
    end: int


class Report(_Model):
    """Everything extracted from one document."""

    doc_id: str | None = None
    text_sha256: str = Field(..., description="SHA-256 of the UTF-8 text as read (BOM dropped)")
    source_path: str | None = None
    encoding: str | None = Field(None, description="encoding the file was decoded with, when read from a file")
    n_chars: int = 0
    sentences: list[Sentence] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list, description="sorted by start")
    records: list[Record] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def of_type(self, type: str) -> list:
        return [m for m in self.mentions if m.type == type]
