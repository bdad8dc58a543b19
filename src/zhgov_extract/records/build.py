"""Published records from the built-in linker's dicts, without validating each one.

The linker's records have one known shape per kind (tests/test_records_speed.py
checks that what is built here equals what validation makes of the same dict), so
the report builds them field by field, in the models' field order (the order a
model dumps in).  Records any other component adds are plain dicts and are
validated (pipeline._map_record): a bad one fails with pydantic's message.
"""
from __future__ import annotations

from zhgov_extract.models import (
    CapacityRef,
    InvestmentRef,
    MentionRef,
    MetricRecord,
    OwnerRef,
    ProjectRecord,
    RecordRegion,
    builder,
)

_REF, _OWNER, _INVEST, _CAPACITY = builder(MentionRef), builder(OwnerRef), builder(InvestmentRef), builder(CapacityRef)
_REGION, _PROJECT, _METRIC = builder(RecordRegion), builder(ProjectRecord), builder(MetricRecord)


class LinkedRecord(dict):
    """A record the built-in ``records`` component made (normalised offsets, one known shape per kind)."""


def build_linked(rec: LinkedRecord, to_source, source: str):
    """The ProjectRecord or MetricRecord of a linker record, its pointers mapped to the source."""

    def ref(d: dict) -> dict:
        a, b = to_source(d["start"], d["end"])
        return {"start": a, "end": b, "text": source[a:b]}

    def region(d: dict | None):
        if d is None:
            return None
        a = b = text = None
        if isinstance(d.get("start"), int) and isinstance(d.get("end"), int):
            a, b = to_source(d["start"], d["end"])
            text = source[a:b]
        return _REGION({"code": d.get("code"), "name": d.get("name"), "from_heading": d.get("from_heading", False),
                        "start": a, "end": b, "text": text})

    if rec["kind"] == "metric":
        ind = rec["indicator"]
        return _METRIC({"kind": "metric", "anchor": _REF(ref(rec["anchor"])), "type": rec["type"],
                        "value": rec["value"], "unit": rec["unit"], "indicator": _REF(ref(ind)) if ind else None,
                        "role": rec["role"], "direction": rec["direction"], "basis": rec["basis"],
                        "period": rec["period"], "region": region(rec["region"])})
    same = rec.get("same_as")
    return _PROJECT({
        "kind": "project", "anchor": _REF(ref(rec["anchor"])),
        "owners": [_OWNER({**ref(o), "canonical": o["canonical"]}) for o in rec["owners"]],
        "investment": [_INVEST({**ref(m), "value": m["value"], "currency": m["currency"], "kind": m["kind"]})
                       for m in rec["investment"]],
        "capacity": [_CAPACITY({**ref(q), "value": q["value"], "unit": q["unit"]}) for q in rec["capacity"]],
        "region": region(rec["region"]), "status": rec["status"], "status_text": None, "year": rec["year"],
        "same_as": to_source(*same) if same is not None else None,
    })
