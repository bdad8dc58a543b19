"""The batch against a real PostgreSQL server started by the tests (tests/pg_fixture.py)."""
from __future__ import annotations

import json
import subprocess
import sys

import sqlalchemy as sa

from batch_corpus import MAX_BYTES, verify_database
from zhgov_extract.store.batch import BatchOptions, run_batch
from zhgov_extract.store.sinks import ddl, make_engine

FAST = dict(workers=2, tokenizer=None, max_bytes=MAX_BYTES, progress=False)


def test_thousand_files_into_postgres(batch_corpus, pg_url, tmp_path):
    s = run_batch([str(batch_corpus.root)], BatchOptions(db=pg_url, out=str(tmp_path / "m.parquet"), **FAST))
    assert (s.loaded, s.errors, s.errors_new, s.duplicates) == (1000, 20, 20, 0)
    first = verify_database(pg_url, batch_corpus)
    engine = make_engine(pg_url)
    with engine.connect() as c:
        assert engine.dialect.name == "postgresql"
        kinds = dict(c.execute(sa.text(
            "SELECT table_name, data_type FROM information_schema.columns WHERE column_name = 'norm'")).all())
        assert kinds == {"mentions": "jsonb"}
        # JSON queries work server-side
        n = c.execute(sa.text("SELECT count(*) FROM mentions WHERE type = 'money' "
                              "AND norm->>'currency' = 'CNY'")).scalar()
        assert n > 0
    engine.dispose()
    # a second run adds nothing
    s = run_batch([str(batch_corpus.root)], BatchOptions(db=pg_url, **FAST))
    assert (s.loaded, s.skipped, s.errors_new) == (0, 1000, 0)
    assert verify_database(pg_url, batch_corpus) == first


def test_cli_with_postgres_url(batch_corpus, pg_url):
    inputs = [str(p) for p in batch_corpus.good[:20]] + [str(p) for p in list(batch_corpus.broken)[:3]]
    cmd = [sys.executable, "-m", "zhgov_extract.cli", "batch", *inputs, "--db", pg_url, "--workers", "2",
           "--tokenizer", "none", "--max-bytes", str(MAX_BYTES), "--json"]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert res.returncode == 1, res.stderr
    s = json.loads(res.stdout)
    assert (s["loaded"], s["errors"]) == (20, 3)
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    s = json.loads(res.stdout)
    assert (s["loaded"], s["skipped"], s["errors_new"]) == (0, 20, 0)


def test_printed_ddl_applies_to_postgres(pg_url):
    engine = make_engine(pg_url)
    with engine.begin() as c:
        c.exec_driver_sql(ddl("postgresql"))
    names = set(sa.inspect(engine).get_table_names())
    engine.dispose()
    assert {"documents", "mentions", "numbers", "metrics", "enterprises", "projects", "project_owners",
            "project_investments", "document_paths", "records", "errors", "zhgov_schema"} <= names
    # and the tool accepts the tables a DBA created from that DDL
    s = run_batch([], BatchOptions(db=pg_url, **FAST))
    assert s.files == 0


def test_unreachable_server_is_a_clear_error():
    cmd = [sys.executable, "-m", "zhgov_extract.cli", "batch", ".", "--db",
           "postgresql+psycopg://nobody@127.0.0.1:1/none"]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert res.returncode == 2 and "database error" in res.stderr


def test_record_tables_and_the_three_queries_postgres(pg_url):
    from batch_corpus import check_doc_queries, load_record_reports

    load_record_reports(pg_url)
    engine = make_engine(pg_url)
    tables = ("projects", "project_owners", "project_investments", "metrics")
    with engine.connect() as c:
        before = {t: c.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar() for t in tables}
    assert all(before[t] >= 2 for t in tables)
    check_doc_queries(pg_url)
    again = load_record_reports(pg_url)                # a re-run adds no row
    assert again.loaded == 0
    with engine.connect() as c:
        assert {t: c.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar() for t in tables} == before
    engine.dispose()


def test_schema_1_postgres_database_is_upgraded(pg_url):
    """Schema 1's printed DDL on a fresh database, then the tool: upgraded in place to schema 2."""
    from pathlib import Path

    from zhgov_extract.store.sinks import ensure_schema

    admin = make_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.exec_driver_sql("DROP DATABASE IF EXISTS zhgov_v1")
        c.exec_driver_sql("CREATE DATABASE zhgov_v1")
    admin.dispose()
    url = pg_url.rsplit("/", 1)[0] + "/zhgov_v1"
    engine = make_engine(url)
    with engine.begin() as c:
        c.exec_driver_sql((Path(__file__).parent / "data" / "schema" / "v1_postgresql.sql").read_text(encoding="utf-8"))
    assert ensure_schema(engine) == 2
    names = set(sa.inspect(engine).get_table_names())
    assert {"numbers", "projects", "project_owners", "project_investments", "metrics", "document_paths"} <= names
    engine.dispose()
