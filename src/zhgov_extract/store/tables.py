"""The batch tables (SQLAlchemy Core): definitions, creation, migrations, DDL.

Documented for users in docs/database.md.  Every child row carries
``document_id`` → ``documents.id``; ``start_offset``/``end_offset`` index
``documents.text`` exactly as the Report's offsets do.  ``documents.sha256``
(SHA-256 of the file's bytes) is UNIQUE: it is what makes a batch idempotent.

Schema 2 (this version) adds the typed record tables — ``projects``,
``project_owners``, ``project_investments`` and ``metrics`` (one row per
``ProjectRecord`` / ``MetricRecord``) — and ``document_paths`` (every path a
content was seen under); schema 1's mention-level ``metrics`` table is
``numbers`` now.  :func:`ensure_schema` upgrades a schema-1 database in place.
"""
from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy import (JSON, BigInteger, Boolean, Column, DateTime, Float, ForeignKey, ForeignKeyConstraint,
                        Index, Integer, MetaData, String, Table, Text, UniqueConstraint)

from zhgov_extract import __version__

SCHEMA_VERSION = 2
NUMERIC_TYPES = ("money", "percent", "quantity")


class JsonColumn(sa.types.TypeDecorator):
    """JSON, stored as JSONB on PostgreSQL.  The PostgreSQL dialect is imported when a
    PostgreSQL connection needs it, not by every run (a third of a SQLite run's start-up)."""

    impl = JSON
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import JSONB

            return dialect.type_descriptor(JSONB())
        return dialect.type_descriptor(JSON())


def is_json(column) -> bool:
    return isinstance(column.type, (JSON, JsonColumn))


def _json():
    return JsonColumn()


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


numbers = Table(
    "numbers", metadata,
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

def _record_fk() -> ForeignKeyConstraint:
    return ForeignKeyConstraint(["document_id", "record_ordinal"], ["records.document_id", "records.ordinal"],
                                ondelete="CASCADE")


def _region_columns() -> list[Column]:
    return [
        Column("region_code", String(12), comment="6-digit division code; NULL for an area that is no division"),
        Column("region_name", Text),
        Column("region_level", String(16), comment="province, prefecture or county (from the code)"),
        Column("region_from_heading", Boolean, comment="taken from the heading the record sits under"),
        Column("region_start", Integer), Column("region_end", Integer), Column("region_text", Text),
    ]


projects = Table(
    "projects", metadata,
    _doc_fk(),
    Column("record_ordinal", Integer, nullable=False, comment="records.ordinal of the ProjectRecord"),
    Column("name", Text, nullable=False, comment="the project as written (the anchor)"),
    Column("start_offset", Integer, nullable=False),
    Column("end_offset", Integer, nullable=False),
    Column("status", String(32), comment="planned, signed, started, under_construction, completed, in_production"),
    Column("status_text", Text), Column("status_start", Integer), Column("status_end", Integer),
    Column("year", String(4)),
    *_region_columns(),
    Column("capacity", _json(), comment="[{start, end, text, value, unit}, ...]"),
    Column("same_as_start", Integer, comment="offsets of the first mention of the same project"),
    Column("same_as_end", Integer),
    Column("n_owners", Integer, nullable=False),
    Column("n_investments", Integer, nullable=False),
    sa.PrimaryKeyConstraint("document_id", "record_ordinal"),
    _record_fk(),
    Index(None, "name"),
    Index(None, "region_code", "status"),
)


def _project_fk() -> ForeignKeyConstraint:
    return ForeignKeyConstraint(["document_id", "project_ordinal"], ["projects.document_id", "projects.record_ordinal"],
                                ondelete="CASCADE")


project_owners = Table(
    "project_owners", metadata,
    _doc_fk(),
    Column("project_ordinal", Integer, nullable=False, comment="projects.record_ordinal"),
    Column("ordinal", Integer, nullable=False, comment="index in ProjectRecord.owners"),
    Column("canonical", Text, nullable=False, comment="the owner's canonical name (enterprises.canonical)"),
    Column("start_offset", Integer, nullable=False),
    Column("end_offset", Integer, nullable=False),
    Column("text", Text, nullable=False),
    sa.PrimaryKeyConstraint("document_id", "project_ordinal", "ordinal"),
    _project_fk(),
    Index(None, "canonical"),
)

project_investments = Table(
    "project_investments", metadata,
    _doc_fk(),
    Column("project_ordinal", Integer, nullable=False, comment="projects.record_ordinal"),
    Column("ordinal", Integer, nullable=False, comment="index in ProjectRecord.investment"),
    Column("kind", String(16), nullable=False, comment="total, annual, completed, signed, other"),
    Column("value", String(64), comment="decimal string in the currency's base unit"),
    Column("value_num", Float),
    Column("currency", String(8), nullable=False),
    Column("start_offset", Integer, nullable=False),
    Column("end_offset", Integer, nullable=False),
    Column("text", Text, nullable=False),
    sa.PrimaryKeyConstraint("document_id", "project_ordinal", "ordinal"),
    _project_fk(),
    Index(None, "kind"),
)

metrics = Table(
    "metrics", metadata,
    _doc_fk(),
    Column("record_ordinal", Integer, nullable=False, comment="records.ordinal of the MetricRecord"),
    Column("type", String(16), nullable=False, comment="money, percent or quantity"),
    Column("start_offset", Integer, nullable=False, comment="the number (the anchor)"),
    Column("end_offset", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", String(64), comment="exact decimal string; NULL for a range"),
    Column("value_num", Float),
    Column("unit", String(64), comment="currency code, percent unit or quantity unit"),
    Column("indicator", Text, comment="the indicator as written"),
    Column("indicator_start", Integer), Column("indicator_end", Integer),
    Column("role", String(16), nullable=False, comment="value, change, share, target, from"),
    Column("direction", String(16), comment="increase, decrease"),
    Column("basis", String(16), comment="yoy, mom, base_period"),
    Column("period", String(32), comment="2024, 2024-11, 2024-01/2024-09"),
    *_region_columns(),
    sa.PrimaryKeyConstraint("document_id", "record_ordinal"),
    _record_fk(),
    Index(None, "indicator"),
    Index(None, "type", "unit"),
)

document_paths = Table(
    "document_paths", metadata,
    _doc_fk(),
    Column("source_path", Text, nullable=False, comment="a path this content was read from"),
    sa.PrimaryKeyConstraint("document_id", "source_path"),
    Index(None, "source_path"),
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

# written per document by the sink, in this order (parents before children)
CHILD_TABLES = (mentions, numbers, records, enterprises, projects, project_owners, project_investments, metrics)
RECORD_TABLES = (projects, project_owners, project_investments, metrics)
TABLES = (documents, *CHILD_TABLES, document_paths, errors)


class SchemaError(RuntimeError):
    """The database holds tables this version cannot use."""


# --------------------------------------------------------------- migrations
def _migrate_2(conn) -> None:
    """Schema 1 → 2: the mention-level ``metrics`` table becomes ``numbers``; ``projects`` and
    ``metrics`` become the record tables (filled from ``records``); ``document_paths`` is filled
    from ``documents.source_path``."""
    from zhgov_extract.store.rows import record_table_rows

    q = conn.dialect.identifier_preparer.quote
    numbers.create(conn, checkfirst=True)
    cols = ", ".join(q(c.name) for c in numbers.columns)
    conn.exec_driver_sql(f"INSERT INTO numbers ({cols}) SELECT {cols} FROM metrics")
    conn.exec_driver_sql("DROP TABLE metrics")
    conn.exec_driver_sql("DROP TABLE projects")
    for table in (*RECORD_TABLES, document_paths):
        table.create(conn, checkfirst=True)
    conn.exec_driver_sql("INSERT INTO document_paths (document_id, source_path) SELECT id, source_path FROM documents")
    res = conn.execute(sa.select(records.c.document_id, records.c.ordinal, records.c.payload)
                       .where(records.c.kind.in_(("project", "metric")))
                       .order_by(records.c.document_id, records.c.ordinal))
    for doc_id, ordinal, payload in res.all():
        for name, rows in record_table_rows(ordinal, payload).items():
            if rows:
                conn.execute(metadata.tables[name].insert(), [{"document_id": doc_id, **r} for r in rows])


# version → function(connection) that upgrades from version-1.  Append, never edit.
MIGRATIONS: dict[int, Any] = {2: _migrate_2}


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
    """Run pending migrations, create missing tables; returns the schema version now in force.

    One transaction, so a failed upgrade leaves the old schema as it was (PostgreSQL; SQLite
    runs DDL outside the transaction)."""
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            # two batches starting at once on one server: one creates, the other waits and sees it
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(7253830451)"))
        version = None
        if sa.inspect(conn).has_table(schema_info.name):
            row = conn.execute(sa.select(schema_info.c.value).where(schema_info.c.key == "version")).first()
            version = int(row[0]) if row is not None else None
        if version is not None and version > SCHEMA_VERSION:
            raise SchemaError(f"the database has schema version {version}, newer than this zhgov-extract "
                              f"({__version__}, schema {SCHEMA_VERSION}) understands: upgrade zhgov-extract")
        while version is not None and version < SCHEMA_VERSION:
            MIGRATIONS[version + 1](conn)
            version += 1
            conn.execute(schema_info.update().where(schema_info.c.key == "version").values(value=str(version)))
        metadata.create_all(conn, checkfirst=True)
        if version is None:
            conn.execute(schema_info.insert(), [
                {"key": "version", "value": str(SCHEMA_VERSION)},
                {"key": "created_by", "value": f"zhgov-extract {__version__}"},
            ])
    return SCHEMA_VERSION


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


