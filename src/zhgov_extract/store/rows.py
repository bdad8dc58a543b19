"""A Report → plain rows for the batch tables (made in the worker process: picklable and cheap).

One function per source of rows: :func:`report_rows` for a whole document,
:func:`record_table_rows` for one project or metric record (also used by the
schema-2 migration to fill the record tables from stored ``records`` payloads).
Child rows lack ``document_id``; the sink adds it.
"""
from __future__ import annotations

import datetime as dt
import json

from zhgov_extract import __version__
from zhgov_extract.store.tables import CHILD_TABLES, NUMERIC_TYPES, Table, is_json


def _num(s: str | None) -> float | None:
    if s is None:
        return None
    try:
        return float(s)
    except ValueError:
        return None


def region_level(code: str | None) -> str | None:
    """province / prefecture / county from a 6-digit division code (GB/T 2260)."""
    if not code or len(code) != 6 or not code.isdigit():
        return None
    if code.endswith("0000"):
        return "province"
    return "prefecture" if code.endswith("00") else "county"


def _region(region: dict | None) -> dict:
    r = region or {}
    return {"region_code": r.get("code"), "region_name": r.get("name"), "region_level": region_level(r.get("code")),
            "region_from_heading": r.get("from_heading") if region else None,
            "region_start": r.get("start"), "region_end": r.get("end"), "region_text": r.get("text")}


def record_table_rows(ordinal: int, payload: dict) -> dict[str, list[dict]]:
    """Rows of the typed record tables for one record (``payload`` as in the Report JSON)."""
    kind = payload.get("kind")
    if kind == "project":
        anchor = payload["anchor"]
        status = payload.get("status_text") or {}
        same = payload.get("same_as") or (None, None)
        owners = payload.get("owners") or []
        money = payload.get("investment") or []
        project = {"record_ordinal": ordinal, "name": anchor["text"], "start_offset": anchor["start"],
                   "end_offset": anchor["end"], "status": payload.get("status"), "status_text": status.get("text"),
                   "status_start": status.get("start"), "status_end": status.get("end"), "year": payload.get("year"),
                   **_region(payload.get("region")), "capacity": payload.get("capacity") or None,
                   "same_as_start": same[0], "same_as_end": same[1],
                   "n_owners": len(owners), "n_investments": len(money)}
        return {
            "projects": [project],
            "project_owners": [{"project_ordinal": ordinal, "ordinal": k, "canonical": o["canonical"],
                                "start_offset": o["start"], "end_offset": o["end"], "text": o["text"]}
                               for k, o in enumerate(owners)],
            "project_investments": [{"project_ordinal": ordinal, "ordinal": k, "kind": i.get("kind", "other"),
                                     "value": i.get("value"), "value_num": _num(i.get("value")),
                                     "currency": i.get("currency", "CNY"), "start_offset": i["start"],
                                     "end_offset": i["end"], "text": i["text"]} for k, i in enumerate(money)],
        }
    if kind == "metric":
        anchor = payload["anchor"]
        ind = payload.get("indicator") or {}
        return {"metrics": [{
            "record_ordinal": ordinal, "type": payload["type"], "start_offset": anchor["start"],
            "end_offset": anchor["end"], "text": anchor["text"], "value": payload.get("value"),
            "value_num": _num(payload.get("value")), "unit": payload.get("unit"), "indicator": ind.get("text"),
            "indicator_start": ind.get("start"), "indicator_end": ind.get("end"),
            "role": payload.get("role", "value"), "direction": payload.get("direction"),
            "basis": payload.get("basis"), "period": payload.get("period"), **_region(payload.get("region")),
        }]}
    return {}


def report_rows(report, source, *, store_text: bool = True) -> dict:
    """Plain-dict rows for one document.

    ``report`` is a :class:`~zhgov_extract.models.Report`, ``source`` the
    :class:`~zhgov_extract.read.formats.SourceDocument` it was extracted from.
    """
    now = dt.datetime.now(dt.timezone.utc)
    warnings = list(report.warnings)
    warnings += [w for w in source.warnings if w not in warnings]
    doc = {
        "sha256": source.sha256, "text_sha256": report.text_sha256, "doc_id": report.doc_id,
        "source_path": source.path, "format": source.format, "encoding": source.encoding,
        "n_bytes": source.n_bytes, "n_chars": report.n_chars, "n_mentions": len(report.mentions),
        "n_records": len(report.records),
        "sentences": [[s.start, s.end] for s in report.sentences],
        "warnings": warnings,
        "text": source.text if store_text else None,
        "extractor_version": __version__, "loaded_at": now,
    }
    out: dict[str, list] = {t.name: [] for t in CHILD_TABLES}
    m_rows, x_rows, e_rows = out["mentions"], out["numbers"], out["enterprises"]
    ent_by_name: dict[str, dict] = {}
    for i, m in enumerate(report.mentions):
        norm = m.norm.model_dump(exclude_none=True) if hasattr(m.norm, "model_dump") else m.norm
        m_rows.append({"ordinal": i, "type": m.type, "start_offset": m.start, "end_offset": m.end,
                       "sentence": m.sentence, "text": m.text, "norm": norm})
        if m.type in NUMERIC_TYPES and norm is not None:
            x_rows.append({
                "mention_ordinal": i, "type": m.type, "start_offset": m.start, "end_offset": m.end,
                "sentence": m.sentence, "text": m.text,
                "value": norm.get("value"), "value_num": _num(norm.get("value")),
                "low": norm.get("low"), "low_num": _num(norm.get("low")),
                "high": norm.get("high"), "high_num": _num(norm.get("high")),
                "qualifier": norm.get("qualifier"), "unit": norm.get("unit"),
                "currency": norm.get("currency"), "per": norm.get("per"),
            })
        elif m.type == "enterprise":
            name = (norm or {}).get("canonical") or m.text
            e = ent_by_name.get(name)
            if e is None:
                e = ent_by_name[name] = {
                    "record_ordinal": None, "canonical": name, "category": (norm or {}).get("category"),
                    "group_name": (norm or {}).get("group"), "entity_id": (norm or {}).get("entity_id"),
                    "mentions": []}
            e["mentions"].append({"start": m.start, "end": m.end, "text": m.text})
    has_ent_records = False
    for j, rec in enumerate(report.records):
        payload = rec.model_dump(mode="json", exclude_none=True) if hasattr(rec, "model_dump") else dict(rec)
        kind = payload.get("kind", type(rec).__name__)
        out["records"].append({"ordinal": j, "kind": kind, "payload": payload})
        if kind == "enterprise":
            has_ent_records = True
            ms = payload.get("mentions") or []
            e_rows.append({"ordinal": len(e_rows), "record_ordinal": j, "canonical": payload.get("canonical", ""),
                           "category": payload.get("category"), "group_name": payload.get("group"),
                           "entity_id": payload.get("entity_id"), "n_mentions": len(ms),
                           "first_start": ms[0]["start"] if ms else None,
                           "first_end": ms[0]["end"] if ms else None, "mentions": ms})
        else:
            for name, rows in record_table_rows(j, payload).items():
                out[name].extend(rows)
    if not has_ent_records:   # no linker records: one row per canonical name among the mentions
        for e in ent_by_name.values():
            ms = e["mentions"]
            e_rows.append({"ordinal": len(e_rows), **e, "n_mentions": len(ms),
                           "first_start": ms[0]["start"], "first_end": ms[0]["end"]})
    return {"document": doc, **out}


def child_columns(table: Table) -> list[str]:
    return [c.name for c in table.columns if c.name != "document_id"]


def _dump(v):
    return None if v is None else json.dumps(v, ensure_ascii=False, separators=(",", ":"))


def pack_rows(rows: dict) -> dict:
    """Child rows as tuples in table-column order (without ``document_id``), JSON already serialised.

    Done in the worker, so the parent — the one writer — only prepends the document id."""
    for table in CHILD_TABLES:
        cols = child_columns(table)
        js = [is_json(table.c[c]) for c in cols]
        rows[table.name] = [tuple(_dump(r.get(c)) if j else r.get(c) for c, j in zip(cols, js))
                            for r in rows[table.name]]
    rows["packed"] = True
    return rows
