"""``batch --out``: this run's documents from the database into JSONL, CSV or Parquet, atomically.

Everything is written per *path*: a file whose content duplicates another is
exported under its own path too (the rows are the same, ``source_path`` differs).
For CSV and Parquet, each typed record table (``projects``, ``project_owners``,
``project_investments``, ``metrics``) gets a file of its own beside ``--out``:
``results.csv`` → ``results.projects.csv``, …
"""
from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import Iterator

import sqlalchemy as sa

from zhgov_extract.store.tables import RECORD_TABLES, documents, is_json, mentions, metadata, records

CSV_COLUMNS = ["document_id", "doc_id", "source_path", "format", "sha256", "ordinal", "type", "start", "end",
               "sentence", "text", "value", "low", "high", "qualifier", "unit", "currency", "per",
               "canonical", "category", "norm"]

Pairs = list[tuple[int, str]]   # (documents.id, path) in the order to write


def _by_doc(pairs: Pairs) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for i, p in pairs:
        if p not in out.setdefault(i, []):
            out[i].append(p)
    return out


def _chunks(ids: list[int], n: int = 500) -> Iterator[list[int]]:
    for i in range(0, len(ids), n):
        yield ids[i:i + n]


def iter_mention_rows(engine: sa.Engine, pairs: Pairs) -> Iterator[dict]:
    """One flat row per mention and path of the given documents (for CSV/Parquet), streamed."""
    d, m = documents, mentions
    paths = _by_doc(pairs)
    with engine.connect() as conn:
        for chunk in _chunks(sorted(paths)):
            q = (sa.select(m.c.document_id, d.c.doc_id, d.c.format, d.c.sha256, m.c.ordinal,
                           m.c.type, m.c.start_offset, m.c.end_offset, m.c.sentence, m.c.text, m.c.norm)
                 .join(d, d.c.id == m.c.document_id).where(m.c.document_id.in_(chunk))
                 .order_by(m.c.document_id, m.c.ordinal))
            rows: dict[int, list[dict]] = {}
            for r in conn.execute(q):
                norm = r.norm or {}
                rows.setdefault(r.document_id, []).append({
                    "document_id": r.document_id, "doc_id": r.doc_id, "format": r.format, "sha256": r.sha256,
                    "ordinal": r.ordinal, "type": r.type, "start": r.start_offset, "end": r.end_offset,
                    "sentence": r.sentence, "text": r.text, "value": norm.get("value"), "low": norm.get("low"),
                    "high": norm.get("high"), "qualifier": norm.get("qualifier"), "unit": norm.get("unit"),
                    "currency": norm.get("currency"), "per": norm.get("per"), "canonical": norm.get("canonical"),
                    "category": norm.get("category"),
                    "norm": json.dumps(norm, ensure_ascii=False) if r.norm is not None else None})
            for doc_id in chunk:
                for path in paths[doc_id]:
                    for row in rows.get(doc_id, ()):
                        yield {**row, "source_path": path}


def iter_table_rows(engine: sa.Engine, table: sa.Table, pairs: Pairs) -> Iterator[dict]:
    """Rows of one table for the given documents, once per path, with ``source_path`` after ``document_id``."""
    paths = _by_doc(pairs)
    js = {c.name for c in table.columns if is_json(c)}
    pk = [c for c in table.primary_key.columns]
    with engine.connect() as conn:
        for chunk in _chunks(sorted(paths)):
            rows: dict[int, list[dict]] = {}
            for r in conn.execute(sa.select(table).where(table.c.document_id.in_(chunk)).order_by(*pk)):
                row = dict(r._mapping)
                for c in js:
                    if row[c] is not None:
                        row[c] = json.dumps(row[c], ensure_ascii=False)
                rows.setdefault(row["document_id"], []).append(row)
            for doc_id in chunk:
                for path in paths[doc_id]:
                    for row in rows.get(doc_id, ()):
                        yield {"document_id": doc_id, "source_path": path, **row}


def iter_document_objects(engine: sa.Engine, pairs: Pairs) -> Iterator[dict]:
    """``{"document": provenance, "report": Report JSON}`` per document and path (for JSONL), streamed."""
    d = documents
    paths = _by_doc(pairs)
    with engine.connect() as conn:
        for chunk in _chunks(sorted(paths), 200):
            ms: dict[int, list] = {}
            for r in conn.execute(sa.select(mentions).where(mentions.c.document_id.in_(chunk))
                                  .order_by(mentions.c.document_id, mentions.c.ordinal)):
                m = {"type": r.type, "start": r.start_offset, "end": r.end_offset, "text": r.text,
                     "sentence": r.sentence}
                if r.norm is not None:
                    m["norm"] = r.norm
                ms.setdefault(r.document_id, []).append(m)
            rs: dict[int, list] = {}
            for r in conn.execute(sa.select(records).where(records.c.document_id.in_(chunk))
                                  .order_by(records.c.document_id, records.c.ordinal)):
                rs.setdefault(r.document_id, []).append(r.payload)
            cols = [c for c in d.c if c.name != "text"]
            for r in conn.execute(sa.select(*cols).where(d.c.id.in_(chunk)).order_by(d.c.id)):
                for path in paths[r.id]:
                    yield {
                        "document": {"id": r.id, "sha256": r.sha256, "source_path": path, "format": r.format,
                                     "encoding": r.encoding, "n_bytes": r.n_bytes,
                                     "first_path": r.source_path,
                                     "loaded_at": r.loaded_at.isoformat() if r.loaded_at else None},
                        "report": {"doc_id": r.doc_id, "text_sha256": r.text_sha256, "source_path": path,
                                   "encoding": r.encoding, "n_chars": r.n_chars,
                                   "sentences": [{"start": a, "end": b} for a, b in (r.sentences or [])],
                                   "mentions": ms.get(r.id, []), "records": rs.get(r.id, []),
                                   "warnings": r.warnings or []},
                    }


def table_path(out: str | Path, table: str) -> Path:
    """Where ``--out results.csv`` puts a table: ``results.projects.csv``."""
    out = Path(out)
    return out.with_name(f"{out.stem}.{table}{out.suffix}")


def export(engine: sa.Engine, pairs: Pairs, out: str | Path) -> int:
    """Write the given documents' results to ``out`` (.jsonl, .csv or .parquet), each file atomically.

    Returns the number of rows of ``out`` (documents × paths for JSONL, mentions × paths otherwise).
    """
    kind = out_format(out)
    if kind == "jsonl":
        return _atomic(Path(out), lambda tmp: _write_jsonl(tmp, iter_document_objects(engine, pairs)))
    write = _write_csv if kind == "csv" else _write_parquet
    for table in RECORD_TABLES:
        columns = ["document_id", "source_path", *(c.name for c in table.columns if c.name != "document_id")]
        _atomic(table_path(out, table.name),
                lambda tmp, t=table, cols=columns: write(tmp, cols, iter_table_rows(engine, t, pairs), t))
    return _atomic(Path(out), lambda tmp: write(tmp, CSV_COLUMNS, iter_mention_rows(engine, pairs), None))


def _atomic(out: Path, write) -> int:
    """Write to a temporary file renamed into place: complete or absent, never half-written."""
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    try:
        n = write(tmp)
        os.replace(tmp, out)
    finally:
        if tmp.exists():
            tmp.unlink()
    return n


def _write_jsonl(path: Path, objects: Iterator[dict]) -> int:
    n = 0
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for obj in objects:
            fh.write(json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n")
            n += 1
    return n


def _write_csv(path: Path, columns: list[str], rows: Iterator[dict], table) -> int:
    n = 0
    # UTF-8 with BOM: Excel then opens the Chinese text correctly
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=columns)
        w.writeheader()
        for row in rows:
            w.writerow(row)
            n += 1
    return n


def out_format(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    kinds = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}
    if suffix not in kinds:
        raise ValueError(f"--out {path}: unknown extension {suffix!r} (use .jsonl, .csv or .parquet)")
    return kinds[suffix]


def _arrow_type(pa, column) -> object:
    t = column.type
    if isinstance(t, sa.Boolean):
        return pa.bool_()
    if isinstance(t, sa.Float):
        return pa.float64()
    if isinstance(t, sa.Integer):
        return pa.int64()
    return pa.string()


def _write_parquet(path: Path, columns: list[str], rows: Iterator[dict], table, group: int = 20000) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise RuntimeError("Parquet output needs pyarrow: pip install 'zhgov-extract[parquet]'") from exc
    if table is None:
        ints = {"document_id", "ordinal", "start", "end", "sentence"}
        schema = pa.schema([(c, pa.int64() if c in ints else pa.string()) for c in columns])
    else:
        t = metadata.tables[table.name]
        schema = pa.schema([(c, pa.string() if c == "source_path" else _arrow_type(pa, t.c[c])) for c in columns])
    n = 0
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        buf: list[dict] = []
        for row in rows:
            buf.append(row)
            if len(buf) >= group:
                writer.write_table(pa.Table.from_pylist(buf, schema=schema))
                n += len(buf)
                buf = []
        if buf or n == 0:
            writer.write_table(pa.Table.from_pylist(buf, schema=schema))
            n += len(buf)
    return n
