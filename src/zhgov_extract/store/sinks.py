"""Where batch results go: SQL tables (SQLAlchemy Core) and JSONL/CSV/Parquet files.

The tables (documented in docs/database.md) are created and migrated by
:func:`ensure_schema`.  Every child row carries ``document_id`` →
``documents.id``; mention-derived rows (``metrics``, ``projects``) also carry
``mention_ordinal``, which with ``document_id`` is the key of ``mentions``;
``start_offset``/``end_offset`` index ``documents.text`` exactly as
``Report.mentions[i].start/end`` do.

``documents.sha256`` (SHA-256 of the file's bytes) is UNIQUE: it is what makes
a batch idempotent.  A document and all its rows are written in one
transaction (:class:`SqlSink` groups a few documents per transaction), so a
killed run leaves either all of a document or none of it.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

import sqlalchemy as sa
from sqlalchemy import (JSON, BigInteger, Column, DateTime, Float, ForeignKey, ForeignKeyConstraint, Index,
                        Integer, MetaData, String, Table, Text, UniqueConstraint)

from zhgov_extract import __version__

SCHEMA_VERSION = 1
NUMERIC_TYPES = ("money", "percent", "quantity")


def _json():
    from sqlalchemy.dialects.postgresql import JSONB

    return JSON().with_variant(JSONB(), "postgresql")


# SQLite only auto-increments an INTEGER PRIMARY KEY; elsewhere use 64-bit ids.
_ID = BigInteger().with_variant(Integer(), "sqlite")

metadata = MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})

schema_info = Table(
    "zhgov_schema", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
    comment="schema version and the zhgov-extract version that created the tables",
)

documents = Table(
    "documents", metadata,
    Column("id", _ID, primary_key=True, autoincrement=True),
    Column("sha256", String(64), nullable=False, comment="SHA-256 of the file's bytes: the content hash"),
    Column("text_sha256", String(64), nullable=False, comment="SHA-256 of the UTF-8 text (Report.text_sha256)"),
    Column("doc_id", Text, comment="Report.doc_id: the file name without extension"),
    Column("source_path", Text, nullable=False, comment="path the file was read from (first seen)"),
    Column("format", String(16), nullable=False, comment="txt, md, docx, pdf, html"),
    Column("encoding", String(64), comment="encoding the text was decoded with; NULL for PDF"),
    Column("n_bytes", BigInteger, nullable=False),
    Column("n_chars", Integer, nullable=False),
    Column("n_mentions", Integer, nullable=False),
    Column("n_records", Integer, nullable=False),
    Column("sentences", _json(), comment="[[start, end], ...] offsets into text"),
    Column("warnings", _json()),
    Column("text", Text, comment="the text the offsets refer to (NULL with --no-text)"),
    Column("extractor_version", String(32), nullable=False),
    Column("loaded_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("sha256"),
    Index(None, "text_sha256"),
    Index(None, "source_path"),
)


def _doc_fk() -> Column:
    return Column("document_id", _ID, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False)


mentions = Table(
    "mentions", metadata,
    _doc_fk(),
    Column("ordinal", Integer, nullable=False, comment="index in Report.mentions (sorted by start)"),
    Column("type", String(16), nullable=False),
    Column("start_offset", Integer, nullable=False, comment="Report mention start"),
    Column("end_offset", Integer, nullable=False, comment="Report mention end (exclusive)"),
    Column("sentence", Integer, nullable=False, comment="index into documents.sentences, -1 if unknown"),
    Column("text", Text, nullable=False),
    Column("norm", _json()),
    sa.PrimaryKeyConstraint("document_id", "ordinal"),
    Index(None, "type"),
)


def _mention_fk() -> ForeignKeyConstraint:
    return ForeignKeyConstraint(["document_id", "mention_ordinal"], ["mentions.document_id", "mentions.ordinal"],
                                ondelete="CASCADE")


metrics = Table(
    "metrics", metadata,
    _doc_fk(),
    Column("mention_ordinal", Integer, nullable=False),
    Column("type", String(16), nullable=False, comment="money, percent or quantity"),
    Column("start_offset", Integer, nullable=False),
    Column("end_offset", Integer, nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", String(64), comment="exact decimal string; NULL for a range"),
    Column("value_num", Float, comment="value as a float, for sorting and sums"),
    Column("low", String(64)), Column("low_num", Float),
    Column("high", String(64)), Column("high_num", Float),
    Column("qualifier", String(16)),
    Column("unit", String(64), comment="percent: percent/percentage_point/multiple; quantity: the unit"),
    Column("currency", String(8), comment="money: ISO 4217"),
    Column("per", String(32), comment="money: denominator of a rate"),
    sa.PrimaryKeyConstraint("document_id", "mention_ordinal"),
    _mention_fk(),
    Index(None, "type", "unit"),
)

records = Table(
    "records", metadata,
    _doc_fk(),
    Column("ordinal", Integer, nullable=False, comment="index in Report.records"),
    Column("kind", String(32), nullable=False, comment="Record.kind: enterprise, …"),
    Column("payload", _json(), nullable=False, comment="the record as JSON (Report schema)"),
    sa.PrimaryKeyConstraint("document_id", "ordinal"),
    Index(None, "kind"),
)

enterprises = Table(
    "enterprises", metadata,
    _doc_fk(),
    Column("ordinal", Integer, nullable=False),
    Column("record_ordinal", Integer, comment="records.ordinal of the EnterpriseRecord; NULL if from mentions"),
    Column("canonical", Text, nullable=False),
    Column("category", String(32)),
    Column("group_name", Text, comment="parent central SOE, for units"),
    Column("entity_id", String(128), comment="gazetteer id, when linked"),
    Column("n_mentions", Integer, nullable=False),
    Column("first_start", Integer, comment="offset of the first mention"),
    Column("first_end", Integer),
    Column("mentions", _json(), comment="[{start, end, text}, ...]"),
    sa.PrimaryKeyConstraint("document_id", "ordinal"),
    Index(None, "canonical"),
    Index(None, "entity_id"),
)

projects = Table(
    "projects", metadata,
    _doc_fk(),
    Column("ordinal", Integer, nullable=False),
    Column("mention_ordinal", Integer, comment="mentions.ordinal of the project mention"),
    Column("record_ordinal", Integer, comment="records.ordinal of a project record, when there is one"),
    Column("name", Text, nullable=False),
    Column("start_offset", Integer),
    Column("end_offset", Integer),
    Column("sentence", Integer),
    Column("attrs", _json(), comment="other fields of the mention norm or project record"),
    sa.PrimaryKeyConstraint("document_id", "ordinal"),
    Index(None, "name"),
)

errors = Table(
    "errors", metadata,
    Column("id", _ID, primary_key=True, autoincrement=True),
    Column("source_path", Text, nullable=False),
    Column("sha256", String(64), nullable=False, comment="SHA-256 of the bytes; '' if they could not be read"),
    Column("format", String(16)),
    Column("reason", String(32), nullable=False,
           comment="unreadable, binary, empty, truncated, too_large, corrupt, no_text, unsupported, decode, "
                   "extract_failed, crashed"),
    Column("message", Text, nullable=False),
    Column("extractor_version", String(32), nullable=False),
    Column("occurred_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("source_path", "sha256"),
    Index(None, "reason"),
)

CHILD_TABLES = (mentions, metrics, records, enterprises, projects)
TABLES = (documents, *CHILD_TABLES, errors)


class SchemaError(RuntimeError):
    """The database holds tables this version cannot use."""


# --------------------------------------------------------------- migrations
# version → function(connection) that upgrades from version-1.  Append, never edit.
MIGRATIONS: dict[int, Any] = {}


def make_engine(url: str, **kw) -> sa.Engine:
    """An engine for ``url``; SQLite gets WAL, foreign keys and a busy timeout."""
    if url.startswith("sqlite"):
        kw.setdefault("connect_args", {"timeout": 60})
    engine = sa.create_engine(url, **kw)
    if engine.dialect.name == "sqlite":
        @sa.event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # pragma: no cover - trivial
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()
    return engine


def ensure_schema(engine: sa.Engine) -> int:
    """Create missing tables, run pending migrations; returns the schema version now in force."""
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            # two batches starting at once on one server: one creates, the other waits and sees it
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(7253830451)"))
        metadata.create_all(conn, checkfirst=True)
        row = conn.execute(sa.select(schema_info.c.value).where(schema_info.c.key == "version")).first()
        if row is None:
            conn.execute(schema_info.insert(), [
                {"key": "version", "value": str(SCHEMA_VERSION)},
                {"key": "created_by", "value": f"zhgov-extract {__version__}"},
            ])
            return SCHEMA_VERSION
        version = int(row[0])
    if version > SCHEMA_VERSION:
        raise SchemaError(f"the database has schema version {version}, newer than this zhgov-extract "
                          f"({__version__}, schema {SCHEMA_VERSION}) understands: upgrade zhgov-extract")
    while version < SCHEMA_VERSION:
        with engine.begin() as conn:
            MIGRATIONS[version + 1](conn)
            version += 1
            conn.execute(schema_info.update().where(schema_info.c.key == "version").values(value=str(version)))
    return version


def ddl(dialect: str = "sqlite") -> str:
    """The CREATE TABLE / CREATE INDEX statements for ``dialect`` (sqlite, postgresql, …)."""
    from sqlalchemy.schema import CreateIndex, CreateTable

    if dialect in ("postgres", "postgresql"):
        from sqlalchemy.dialects import postgresql
        d = postgresql.dialect()
    else:
        from sqlalchemy.dialects import registry
        d = registry.load(dialect)()
    out = [f"-- zhgov-extract {__version__}, schema version {SCHEMA_VERSION}, dialect {d.name}"]
    for table in metadata.sorted_tables:
        out.append(str(CreateTable(table).compile(dialect=d)).strip() + ";")
        for index in sorted(table.indexes, key=lambda i: i.name or ""):
            out.append(str(CreateIndex(index).compile(dialect=d)).strip() + ";")
    out.append(f"INSERT INTO zhgov_schema (key, value) VALUES ('version', '{SCHEMA_VERSION}');")
    return "\n\n".join(out) + "\n"


# ---------------------------------------------------------- report → rows
def _num(s: str | None) -> float | None:
    if s is None:
        return None
    try:
        return float(s)
    except ValueError:
        return None


def report_rows(report, source, *, store_text: bool = True) -> dict:
    """Plain-dict rows for one document (picklable, cheap: made in the worker process).

    ``report`` is a :class:`~zhgov_extract.models.Report`, ``source`` the
    :class:`~zhgov_extract.read.formats.SourceDocument` it was extracted from.
    Child rows lack ``document_id``; the sink adds it.
    """
    now = dt.datetime.now(dt.timezone.utc)
    doc = {
        "sha256": source.sha256, "text_sha256": report.text_sha256, "doc_id": report.doc_id,
        "source_path": source.path, "format": source.format, "encoding": source.encoding,
        "n_bytes": source.n_bytes, "n_chars": report.n_chars, "n_mentions": len(report.mentions),
        "n_records": len(report.records),
        "sentences": [[s.start, s.end] for s in report.sentences],
        "warnings": list(source.warnings) + list(report.warnings),
        "text": source.text if store_text else None,
        "extractor_version": __version__, "loaded_at": now,
    }
    m_rows, x_rows, r_rows, e_rows, p_rows = [], [], [], [], []
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
        elif m.type == "project":
            attrs = {k: v for k, v in (norm or {}).items() if k != "name"} or None
            p_rows.append({"ordinal": len(p_rows), "mention_ordinal": i, "record_ordinal": None,
                           "name": (norm or {}).get("name") or m.text, "start_offset": m.start,
                           "end_offset": m.end, "sentence": m.sentence, "attrs": attrs})
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
    project_records = []
    for j, rec in enumerate(report.records):
        payload = rec.model_dump(mode="json", exclude_none=True) if hasattr(rec, "model_dump") else dict(rec)
        kind = payload.get("kind", type(rec).__name__)
        r_rows.append({"ordinal": j, "kind": kind, "payload": payload})
        if kind == "enterprise":
            has_ent_records = True
            ms = payload.get("mentions") or []
            e_rows.append({"ordinal": len(e_rows), "record_ordinal": j, "canonical": payload.get("canonical", ""),
                           "category": payload.get("category"), "group_name": payload.get("group"),
                           "entity_id": payload.get("entity_id"), "n_mentions": len(ms),
                           "first_start": ms[0]["start"] if ms else None,
                           "first_end": ms[0]["end"] if ms else None, "mentions": ms})
        elif kind == "project":
            project_records.append((j, payload))
    if not has_ent_records:   # no linker records yet: one row per canonical name among the mentions
        for e in ent_by_name.values():
            ms = e["mentions"]
            e_rows.append({"ordinal": len(e_rows), **e, "n_mentions": len(ms),
                           "first_start": ms[0]["start"], "first_end": ms[0]["end"]})
    if project_records:       # project records, when a component makes them, replace the mention rows
        p_rows = []
        for j, payload in project_records:
            ms = payload.get("mentions") or []
            name = payload.get("name") or payload.get("canonical") or (ms[0]["text"] if ms else "")
            attrs = {k: v for k, v in payload.items() if k not in ("kind", "name", "mentions")} or None
            p_rows.append({"ordinal": len(p_rows), "mention_ordinal": None, "record_ordinal": j, "name": name,
                           "start_offset": ms[0]["start"] if ms else None,
                           "end_offset": ms[0]["end"] if ms else None, "sentence": None, "attrs": attrs})
    return {"document": doc, "mentions": m_rows, "metrics": x_rows, "records": r_rows,
            "enterprises": e_rows, "projects": p_rows}


def _child_columns(table: Table) -> list[str]:
    return [c.name for c in table.columns if c.name != "document_id"]


def _dump(v):
    return None if v is None else json.dumps(v, ensure_ascii=False, separators=(",", ":"))


def pack_rows(rows: dict) -> dict:
    """Child rows as tuples in table-column order (without ``document_id``), JSON already serialised.

    Done in the worker, so the parent — the one writer — only prepends the document id."""
    for table in CHILD_TABLES:
        cols = _child_columns(table)
        js = [isinstance(table.c[c].type, JSON) for c in cols]
        rows[table.name] = [tuple(_dump(r.get(c)) if j else r.get(c) for c, j in zip(cols, js))
                            for r in rows[table.name]]
    rows["packed"] = True
    return rows


# ------------------------------------------------------------- SQL sink
@dataclass
class WriteResult:
    loaded: int = 0
    duplicates: int = 0
    errors_new: int = 0
    ids: list = field(default_factory=list)   # document ids of loaded documents


class SqlSink:
    """Writes documents and errors in small transactions; safe to re-run over the same files."""

    def __init__(self, engine: sa.Engine):
        self.engine = engine
        self.dialect = engine.dialect.name

    # -- what is there already
    def known_documents(self) -> dict[str, int]:
        """sha256 → documents.id for everything loaded (streamed; ~100 bytes a document)."""
        out: dict[str, int] = {}
        with self.engine.connect() as conn:
            res = conn.execution_options(stream_results=True, yield_per=5000).execute(
                sa.select(documents.c.sha256, documents.c.id))
            for sha, i in res:
                out[sha] = i
        return out

    def known_errors(self) -> dict[tuple[str, str], str]:
        """(source_path, sha256) → reason for every error row."""
        with self.engine.connect() as conn:
            return {(p, s): r for p, s, r in conn.execute(
                sa.select(errors.c.source_path, errors.c.sha256, errors.c.reason))}

    # -- writing
    def _insert(self, table):
        if self.dialect == "sqlite":
            from sqlalchemy.dialects.sqlite import insert
            return insert(table)
        if self.dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
            return insert(table)
        return None

    def write(self, items: Iterable[dict], *, retry_errors: bool = False) -> WriteResult:
        """Write a small batch of worker results (``{"kind": "doc"|"error", ...}``) in ONE transaction."""
        res = WriteResult()
        items = list(items)
        docs = [it["rows"] for it in items if it["kind"] == "doc"]
        children: dict[str, list[dict]] = {t.name: [] for t in CHILD_TABLES}
        with self.engine.begin() as conn:
            for item in items:
                if item["kind"] == "error":
                    res.errors_new += self._write_error(conn, item, update=retry_errors)
            ids = self._insert_documents(conn, [d["document"] for d in docs]) if docs else {}
            for rows in docs:
                if not rows.get("packed"):
                    pack_rows(rows)
                sha = rows["document"]["sha256"]
                doc_id = ids.get(sha)
                if doc_id is None:       # already there (another run got it first)
                    res.duplicates += 1
                    continue
                res.loaded += 1
                res.ids.append(doc_id)
                for name, bucket in children.items():
                    bucket.extend([(doc_id, *t) for t in rows[name]])
            if retry_errors and res.ids:
                shas = [r["document"]["sha256"] for r in docs if r["document"]["sha256"] in ids]
                conn.execute(errors.delete().where(errors.c.sha256.in_(shas)))
            for table in CHILD_TABLES:
                if children[table.name]:
                    self._bulk_insert(conn, table, children[table.name])
        return res

    def _bulk_insert(self, conn, table: Table, params: list[tuple]) -> None:
        """executemany straight to the driver: the rows come packed (see :func:`pack_rows`)."""
        cols = ["document_id", *_child_columns(table)]
        if self.dialect not in ("sqlite", "postgresql"):
            js = {c.name for c in table.columns if isinstance(c.type, JSON)}
            conn.execute(table.insert(), [{c: (json.loads(v) if c in js and v is not None else v)
                                           for c, v in zip(cols, p)} for p in params])
            return
        conn.exec_driver_sql(self._insert_sql(table, cols), params)

    def _insert_sql(self, table: Table, cols: list[str]) -> str:
        cache = self.__dict__.setdefault("_sql_cache", {})
        if table.name not in cache:
            q = self.engine.dialect.identifier_preparer.quote
            mark = "?" if self.dialect == "sqlite" else "%s"
            cache[table.name] = (f"INSERT INTO {q(table.name)} ({', '.join(q(c) for c in cols)}) "
                                 f"VALUES ({', '.join([mark] * len(cols))})")
        return cache[table.name]

    def _insert_documents(self, conn, rows: list[dict]) -> dict[str, int]:
        """Insert document rows, skipping content hashes already there: sha256 → id of the new rows."""
        ins = self._insert(documents)
        if ins is not None:
            # one INSERT … ON CONFLICT DO NOTHING RETURNING for the whole batch
            stmt = ins.on_conflict_do_nothing(index_elements=["sha256"]).returning(documents.c.sha256,
                                                                                    documents.c.id)
            if len(rows) == 1:
                return {sha: i for sha, i in conn.execute(stmt.values(**rows[0]))}
            return {sha: i for sha, i in conn.execute(stmt, rows)}
        # other dialects: a savepoint per document, the unique constraint decides
        out = {}
        for row in rows:
            try:
                with conn.begin_nested():
                    out[row["sha256"]] = conn.execute(
                        documents.insert().values(**row).returning(documents.c.id)).scalar()
            except sa.exc.IntegrityError:
                pass
        return out

    def _write_error(self, conn, item: dict, *, update: bool) -> int:
        row = {"source_path": item["path"], "sha256": item.get("sha256") or "", "format": item.get("format"),
               "reason": item["reason"], "message": item["message"][:4000],
               "extractor_version": __version__, "occurred_at": dt.datetime.now(dt.timezone.utc)}
        ins = self._insert(errors)
        if ins is not None:
            stmt = ins.values(**row)
            if update:
                stmt = stmt.on_conflict_do_update(
                    index_elements=["source_path", "sha256"],
                    set_={k: stmt.excluded[k] for k in ("reason", "message", "extractor_version", "occurred_at")})
                conn.execute(stmt)
                return 0
            stmt = stmt.on_conflict_do_nothing(index_elements=["source_path", "sha256"]).returning(errors.c.id)
            return 1 if conn.execute(stmt).first() is not None else 0
        try:
            with conn.begin_nested():
                conn.execute(errors.insert().values(**row))
            return 1
        except sa.exc.IntegrityError:
            return 0


# ----------------------------------------------------------- file export
CSV_COLUMNS = ["document_id", "doc_id", "source_path", "format", "sha256", "ordinal", "type", "start", "end",
               "sentence", "text", "value", "low", "high", "qualifier", "unit", "currency", "per",
               "canonical", "category", "norm"]


def _chunks(ids: list[int], n: int = 500) -> Iterator[list[int]]:
    for i in range(0, len(ids), n):
        yield ids[i:i + n]


def iter_mention_rows(engine: sa.Engine, doc_ids: list[int]) -> Iterator[dict]:
    """One flat row per mention of the given documents (for CSV/Parquet), streamed."""
    d, m = documents, mentions
    with engine.connect() as conn:
        for chunk in _chunks(sorted(doc_ids)):
            q = (sa.select(m.c.document_id, d.c.doc_id, d.c.source_path, d.c.format, d.c.sha256, m.c.ordinal,
                           m.c.type, m.c.start_offset, m.c.end_offset, m.c.sentence, m.c.text, m.c.norm)
                 .join(d, d.c.id == m.c.document_id).where(m.c.document_id.in_(chunk))
                 .order_by(m.c.document_id, m.c.ordinal))
            for r in conn.execute(q):
                norm = r.norm or {}
                yield {"document_id": r.document_id, "doc_id": r.doc_id, "source_path": r.source_path,
                       "format": r.format, "sha256": r.sha256, "ordinal": r.ordinal, "type": r.type,
                       "start": r.start_offset, "end": r.end_offset, "sentence": r.sentence, "text": r.text,
                       "value": norm.get("value"), "low": norm.get("low"), "high": norm.get("high"),
                       "qualifier": norm.get("qualifier"), "unit": norm.get("unit"),
                       "currency": norm.get("currency"), "per": norm.get("per"),
                       "canonical": norm.get("canonical"), "category": norm.get("category"),
                       "norm": json.dumps(norm, ensure_ascii=False) if r.norm is not None else None}


def iter_document_objects(engine: sa.Engine, doc_ids: list[int]) -> Iterator[dict]:
    """``{"document": provenance, "report": Report JSON}`` per document (for JSONL), streamed."""
    d = documents
    with engine.connect() as conn:
        for chunk in _chunks(sorted(doc_ids), 200):
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
                yield {
                    "document": {"id": r.id, "sha256": r.sha256, "source_path": r.source_path, "format": r.format,
                                 "encoding": r.encoding, "n_bytes": r.n_bytes,
                                 "loaded_at": r.loaded_at.isoformat() if r.loaded_at else None},
                    "report": {"doc_id": r.doc_id, "text_sha256": r.text_sha256, "source_path": r.source_path,
                               "encoding": r.encoding, "n_chars": r.n_chars,
                               "sentences": [{"start": a, "end": b} for a, b in (r.sentences or [])],
                               "mentions": ms.get(r.id, []), "records": rs.get(r.id, []),
                               "warnings": r.warnings or []},
                }


def export(engine: sa.Engine, doc_ids: list[int], out: str | Path) -> int:
    """Write the given documents' results to ``out`` (.jsonl, .csv or .parquet), atomically.

    Returns the number of rows written (documents for JSONL, mentions otherwise).
    """
    out = Path(out)
    kind = out_format(out)
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    n = 0
    try:
        if kind == "jsonl":
            with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
                for obj in iter_document_objects(engine, doc_ids):
                    fh.write(json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n")
                    n += 1
        elif kind == "csv":
            # UTF-8 with BOM: Excel then opens the Chinese text correctly
            with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
                w = csv.DictWriter(fh, fieldnames=CSV_COLUMNS)
                w.writeheader()
                for row in iter_mention_rows(engine, doc_ids):
                    w.writerow(row)
                    n += 1
        else:
            n = _write_parquet(tmp, iter_mention_rows(engine, doc_ids))
        os.replace(tmp, out)
    finally:
        if tmp.exists():
            tmp.unlink()
    return n


def out_format(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    kinds = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}
    if suffix not in kinds:
        raise ValueError(f"--out {path}: unknown extension {suffix!r} (use .jsonl, .csv or .parquet)")
    return kinds[suffix]


def _write_parquet(path: Path, rows: Iterator[dict], group: int = 20000) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise RuntimeError("Parquet output needs pyarrow: pip install 'zhgov-extract[parquet]'") from exc
    ints = {"document_id", "ordinal", "start", "end", "sentence"}
    schema = pa.schema([(c, pa.int64() if c in ints else pa.string()) for c in CSV_COLUMNS])
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
