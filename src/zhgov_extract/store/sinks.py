"""Where batch results go: the SQL tables, a few documents per transaction, safe to re-run.

A document and all its rows are written in one transaction, so a killed run
leaves either all of a document or none of it; ``documents.sha256`` is UNIQUE,
so a re-run (or a second process) never loads a content twice.  Every path a
content was seen under goes to ``document_paths``; a path that loads clears
the error rows it had.  Table definitions: :mod:`zhgov_extract.store.tables`;
rows: :mod:`zhgov_extract.store.rows`; files (``--out``): :mod:`zhgov_extract.store.export`.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Iterable

import sqlalchemy as sa

from zhgov_extract import __version__
from zhgov_extract.store.export import export, out_format  # noqa: F401  (the sink's file side)
from zhgov_extract.store.rows import child_columns, pack_rows, report_rows  # noqa: F401
from zhgov_extract.store.tables import (CHILD_TABLES, SCHEMA_VERSION, SchemaError, Table,  # noqa: F401
                                        ddl, document_paths, documents, ensure_schema, errors, is_json,
                                        make_engine)


# ------------------------------------------------------------- SQL sink
@dataclass
class WriteResult:
    loaded: int = 0
    duplicates: int = 0
    errors_new: int = 0
    ids: list = field(default_factory=list)   # document ids of loaded documents
    pairs: list = field(default_factory=list)  # (document id, path) of every document and path item written


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

    def known_paths(self) -> set[tuple[int, str]]:
        """(documents.id, path) for every path a loaded content was seen under."""
        with self.engine.connect() as conn:
            res = conn.execution_options(stream_results=True, yield_per=5000).execute(
                sa.select(document_paths.c.document_id, document_paths.c.source_path))
            return {(i, p) for i, p in res}

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
        """Write a small batch of results in ONE transaction.

        ``{"kind": "doc", "rows": …}`` a new document; ``{"kind": "error", …}`` a failure;
        ``{"kind": "path", "path", "sha256"}`` a path whose content is (being) loaded already.
        """
        res = WriteResult()
        items = list(items)
        docs = [it["rows"] for it in items if it["kind"] == "doc"]
        children: dict[str, list] = {t.name: [] for t in CHILD_TABLES}
        with self.engine.begin() as conn:
            for item in items:
                if item["kind"] == "error":
                    res.errors_new += self._write_error(conn, item, update=retry_errors)
            ids = self._insert_documents(conn, [d["document"] for d in docs]) if docs else {}
            ok_paths: list[tuple[str, str]] = []     # (sha256, path) of everything that is loaded
            for rows in docs:
                if not rows.get("packed"):
                    pack_rows(rows)
                sha = rows["document"]["sha256"]
                ok_paths.append((sha, rows["document"]["source_path"]))
                doc_id = ids.get(sha)
                if doc_id is None:       # already there (another run got it first)
                    res.duplicates += 1
                    continue
                res.loaded += 1
                res.ids.append(doc_id)
                for name, bucket in children.items():
                    bucket.extend([(doc_id, *t) for t in rows[name]])
            ok_paths += [(it["sha256"], it["path"]) for it in items if it["kind"] == "path"]
            for table in CHILD_TABLES:
                if children[table.name]:
                    self._bulk_insert(conn, table, children[table.name])
            if ok_paths:
                res.pairs = self._record_paths(conn, ok_paths, ids)
        return res

    def _record_paths(self, conn, ok_paths: list[tuple[str, str]], ids: dict[str, int]) -> list[tuple[int, str]]:
        """``document_paths`` rows for loaded paths, and their old error rows cleared."""
        missing = sorted({sha for sha, _ in ok_paths if sha not in ids})
        ids = dict(ids)
        for k in range(0, len(missing), 500):
            ids.update(conn.execute(sa.select(documents.c.sha256, documents.c.id)
                                    .where(documents.c.sha256.in_(missing[k:k + 500]))).all())
        pairs = sorted({(ids[sha], path) for sha, path in ok_paths if sha in ids})
        ins = self._insert(document_paths)
        rows = [{"document_id": i, "source_path": p} for i, p in pairs]
        if ins is not None:
            conn.execute(ins.on_conflict_do_nothing(), rows)
        else:
            for row in rows:
                try:
                    with conn.begin_nested():
                        conn.execute(document_paths.insert(), row)
                except sa.exc.IntegrityError:
                    pass
        paths = sorted({p for _, p in pairs})
        for k in range(0, len(paths), 500):   # a path that loads now has no error any more
            conn.execute(errors.delete().where(errors.c.source_path.in_(paths[k:k + 500])))
        return pairs

    def _bulk_insert(self, conn, table: Table, params: list[tuple]) -> None:
        """executemany straight to the driver: the rows come packed (see :func:`pack_rows`)."""
        cols = ["document_id", *child_columns(table)]
        if self.dialect not in ("sqlite", "postgresql"):
            js = {c.name for c in table.columns if is_json(c)}
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


