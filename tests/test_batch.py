"""``zhgov-extract batch``: 1,000 files in every format, idempotent re-runs, kill -9 and resume, sinks."""
from __future__ import annotations

import csv
import json
import multiprocessing as mp
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from batch_corpus import MAX_BYTES, make_corpus, verify_database
from zhgov_extract.store.batch import BatchOptions, _PoolRunner, discover, error_item, run_batch
from zhgov_extract.models import Report
from zhgov_extract.store.sinks import SchemaError, ddl, ensure_schema, make_engine

FAST = dict(workers=2, tokenizer=None, max_bytes=MAX_BYTES, progress=False)


def cli(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "zhgov_extract.cli", *args], capture_output=True, text=True,
                          timeout=300, **kw)


def count(db: Path, table: str) -> int:
    con = sqlite3.connect(db, timeout=30)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.OperationalError:      # not created yet
        return 0
    finally:
        con.close()


@pytest.fixture(scope="module")
def loaded(batch_corpus, tmp_path_factory):
    """The corpus loaded once into SQLite (the clean reference run)."""
    d = tmp_path_factory.mktemp("sqlite")
    url = f"sqlite:///{d / 'zhgov.db'}"
    summary = run_batch([str(batch_corpus.root)], BatchOptions(db=url, out=str(d / "mentions.csv"), **FAST))
    return url, d, summary


def test_thousand_files_all_formats_twenty_errors(batch_corpus, loaded):
    url, d, s = loaded
    assert batch_corpus.n_files >= 1020
    assert (s.files, s.loaded, s.errors, s.errors_new, s.duplicates, s.skipped) == (1020, 1000, 20, 20, 0, 0)
    assert s.ignored == 2                      # photo.jpg, table.xls (hidden files are not even counted)
    assert s.failed
    assert len(set(batch_corpus.broken.values())) >= 7
    verify_database(url, batch_corpus)
    engine = make_engine(url)
    with engine.connect() as c:
        formats = dict(c.execute(sa.text("SELECT format, count(*) FROM documents GROUP BY format")).all())
        encodings = {e for (e,) in c.execute(sa.text("SELECT DISTINCT encoding FROM documents"))}
        n_mentions = c.execute(sa.text("SELECT count(*) FROM mentions")).scalar()
    engine.dispose()
    assert set(formats) == {"txt", "md", "docx", "pdf", "html"}
    assert {"utf-8", "utf-8-sig", "gb18030", None} <= encodings
    # --out CSV: UTF-8 with BOM, one row per mention
    raw = (d / "mentions.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert len(rows) == n_mentions == s.mentions == s.out_rows


def test_records_match_direct_extraction(batch_corpus, loaded):
    """What the batch stored is what Extractor()(read_document(path)) gives, for a sample of every format."""
    from zhgov_extract.read.formats import read_document
    from zhgov_extract.pipeline import Extractor

    url, _, _ = loaded
    ex = Extractor(tokenizer=None)
    engine = make_engine(url)
    sample = batch_corpus.good[::40]
    with engine.connect() as c:
        for p in sample:
            src = read_document(p, max_bytes=MAX_BYTES)
            want = [(m.type, m.start, m.end, m.text) for m in ex(src.text, source=src).mentions]
            got = c.execute(sa.text(
                "SELECT m.type, m.start_offset, m.end_offset, m.text FROM mentions m JOIN documents d "
                "ON d.id = m.document_id WHERE d.sha256 = :s ORDER BY m.ordinal"), {"s": src.sha256}).all()
            assert [tuple(r) for r in got] == want, p
    engine.dispose()
    assert {p.suffix for p in sample} == {".txt", ".md", ".docx", ".pdf", ".html"}


def test_second_run_adds_nothing(batch_corpus, loaded):
    url, d, _ = loaded
    db = Path(url[len("sqlite:///"):])
    before = {t: count(db, t) for t in ("documents", "mentions", "numbers", "errors", "enterprises", "records", "projects",
                                        "project_owners", "project_investments", "metrics", "document_paths")}
    s = run_batch([str(batch_corpus.root)], BatchOptions(db=url, out=str(d / "again.jsonl"), **FAST))
    assert (s.loaded, s.skipped, s.errors_new, s.errors) == (0, 1000, 0, 20)
    assert {t: count(db, t) for t in before} == before
    # the export still covers every document of the inputs, skipped or not
    assert sum(1 for _ in open(d / "again.jsonl", encoding="utf-8")) == 1000


def _descendants(pid: int) -> set[int]:
    out, todo = set(), [pid]
    while todo:
        p = todo.pop()
        try:
            kids = Path(f"/proc/{p}/task/{p}/children").read_text().split()
        except OSError:
            continue
        for k in map(int, kids):
            if k not in out:
                out.add(k)
                todo.append(k)
    return out


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


def test_kill_9_mid_run_then_resume(batch_corpus, loaded, tmp_path):
    """A real subprocess, SIGKILLed twice mid-batch, then run to the end: every document exactly once."""
    db = tmp_path / "killed.db"
    args = ["batch", str(batch_corpus.root), "--db", f"sqlite:///{db}", "--workers", "2", "--tokenizer", "none",
            "--max-bytes", str(MAX_BYTES), "--batch-size", "8", "--no-progress"]
    for threshold in (150, 550):
        proc = subprocess.Popen([sys.executable, "-m", "zhgov_extract.cli", *args],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120
        while count(db, "documents") < threshold:
            assert proc.poll() is None, proc.stderr.read().decode()
            assert time.monotonic() < deadline
            time.sleep(0.02)
        kids = _descendants(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        proc.stderr.close()
        assert proc.returncode == -signal.SIGKILL
        n = count(db, "documents")
        assert threshold <= n < 1000, n
        # the workers notice their parent is gone and exit by themselves
        deadline = time.monotonic() + 10
        while any(_alive(k) for k in kids) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [k for k in kids if _alive(k)]
    res = cli(*args, "--json")
    assert res.returncode == 1, res.stderr          # 1: some files failed (the 20 broken ones)
    summary = json.loads(res.stdout)
    assert summary["loaded"] + summary["skipped"] == 1000
    assert summary["skipped"] >= 550
    # same content as the clean run: no duplicate, no loss, no half-written document
    assert verify_database(f"sqlite:///{db}", batch_corpus) == verify_database(loaded[0], batch_corpus)


def test_ctrl_c_keeps_what_is_finished(batch_corpus, tmp_path):
    """SIGINT to the process group, as a terminal sends it: exit 130, finished documents kept whole."""
    db = tmp_path / "int.db"
    proc = subprocess.Popen([sys.executable, "-m", "zhgov_extract.cli", "batch", str(batch_corpus.root), "--db",
                             f"sqlite:///{db}", "--workers", "2", "--tokenizer", "none", "--max-bytes",
                             str(MAX_BYTES), "--batch-size", "8"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 120
    while count(db, "documents") < 100:
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    con = sqlite3.connect(db)
    n_docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    bad = con.execute("SELECT count(*) FROM documents d WHERE n_mentions != "
                      "(SELECT count(*) FROM mentions m WHERE m.document_id = d.id)").fetchone()[0]
    con.close()
    assert 100 <= n_docs < 1000 and bad == 0


# --------------------------------------------------------------- smaller cases
@pytest.fixture(scope="module")
def small(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("small") / "in", 40, seed=3)


@pytest.mark.parametrize("ext", ["jsonl", "csv", "parquet"])
def test_out_formats(small, tmp_path, ext):
    out = tmp_path / f"out.{ext}"
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    s = run_batch([str(small.root)], BatchOptions(db=url, out=str(out), **FAST))
    assert s.loaded == 40 and s.errors == 20
    if ext == "jsonl":
        lines = out.read_text(encoding="utf-8").splitlines()
        assert len(lines) == 40 == s.out_rows
        for line in lines:
            obj = json.loads(line)
            report = Report.model_validate(obj["report"])          # the published schema
            assert obj["document"]["format"] in {"txt", "md", "docx", "pdf", "html"}
            assert len(report.mentions) > 0
    elif ext == "csv":
        raw = out.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
        assert len(rows) == s.mentions
        assert {"document_id", "source_path", "type", "start", "end", "text", "value", "unit"} <= set(rows[0])
    else:
        import pyarrow.parquet as pq

        t = pq.read_table(out)
        assert t.num_rows == s.mentions
        assert {"document_id", "start", "end", "text"} <= set(t.column_names)
    assert not list(tmp_path.glob(".out*tmp*"))


def test_cli_exit_status_and_summary(small, tmp_path):
    good = tmp_path / "good"
    good.mkdir()
    for p in small.good[:5]:
        (good / p.name).write_bytes(p.read_bytes())
    url = f"sqlite:///{tmp_path / 'x.db'}"
    res = cli("batch", str(good), "--db", url, "--workers", "1", "--tokenizer", "none")
    assert res.returncode == 0, res.stderr
    assert "loaded" in res.stdout and "documents/s" in res.stdout
    (good / "broken.pdf").write_bytes(b"%PDF-1.4 cut")
    res = cli("batch", str(good), "--db", url, "--workers", "1", "--tokenizer", "none", "--json")
    assert res.returncode == 1
    s = json.loads(res.stdout)
    assert (s["loaded"], s["skipped"], s["errors"], s["reasons"]) == (0, 5, 1, {"truncated": 1})
    res = cli("batch", str(good), "--db", url, "--out", str(tmp_path / "x.xlsx"))
    assert res.returncode == 2 and "unknown extension" in res.stderr


def test_duplicates_and_shared_broken_bytes(small, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    data = small.good[0].read_bytes()
    ext = small.good[0].suffix
    for name in ("one", "two", "three"):
        (d / f"{name}{ext}").write_bytes(data)
    for name in ("bad1.pdf", "bad2.pdf"):
        (d / name).write_bytes(b"%PDF-1.4 truncated")
    url = f"sqlite:///{tmp_path / 'x.db'}"
    s = run_batch([str(d)], BatchOptions(db=url, **FAST))
    assert s.loaded == 1 and s.duplicates == 2
    assert s.errors == 2 == s.errors_new        # each broken path gets its row
    assert count(tmp_path / "x.db", "errors") == 2


def test_retry_errors(small, tmp_path):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    p = next(p for p in small.good if p.suffix == ".txt")
    s = run_batch([str(p)], BatchOptions(db=url, max_chars=50, **{**FAST, "workers": 1}))
    assert s.errors == 1 and s.reasons == {"too_large": 1}
    s = run_batch([str(p)], BatchOptions(db=url, **{**FAST, "workers": 1}))
    assert s.loaded == 0 and s.errors == 1            # known error: not tried again by default
    s = run_batch([str(p)], BatchOptions(db=url, retry_errors=True, **{**FAST, "workers": 1}))
    assert s.loaded == 1 and s.errors == 0
    assert count(tmp_path / "x.db", "errors") == 0


def test_discover(tmp_path):
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    for name in ("b/c/z.txt", "b/a.pdf", "b/skip.jpg", ".hidden/h.txt", "b/.h.txt", "top.html"):
        (tmp_path / name).write_bytes(b"x")
    from zhgov_extract.store.batch import BatchSummary

    s = BatchSummary()
    got = [(Path(p).relative_to(tmp_path).as_posix(), e) for p, e in discover([tmp_path], s)]
    assert got == [("top.html", False), ("b/a.pdf", False), ("b/c/z.txt", False)]
    assert s.ignored == 1
    got = [Path(p).name for p, _ in discover([str(tmp_path / "**" / "*.txt"), tmp_path / "b" / "a.pdf",
                                              tmp_path / "b" / "skip.jpg", tmp_path / "nope.txt"])]
    assert got == ["z.txt", "a.pdf", "skip.jpg", "nope.txt"]
    url = f"sqlite:///{tmp_path / 'x.db'}"
    s = run_batch([tmp_path / "b" / "skip.jpg", tmp_path / "nope.txt"], BatchOptions(db=url, **FAST))
    assert s.reasons == {"unsupported": 1, "unreadable": 1}


def _crash_or_work(task, config=None):
    from zhgov_extract.store import workers as batch

    if b"CRASH" in task["data"]:
        os._exit(3)
    return batch._real_process_task(task, config)


def test_worker_crash_is_isolated(monkeypatch):
    """A file that kills its worker process becomes a 'crashed' error; the files around it still load."""
    from zhgov_extract.store import workers as batch

    monkeypatch.setattr(batch, "_real_process_task", batch.process_task, raising=False)
    monkeypatch.setattr(batch, "process_task", _crash_or_work)
    config = BatchOptions(tokenizer=None).extractor_config()
    runner = _PoolRunner(2, config, ctx=mp.get_context("fork"))   # fork: the workers see the monkeypatch
    tasks = [{"kind": "task", "path": f"f{i}.txt", "format": "txt", "sha256": f"{i:064x}",
              "data": ("CRASH" if i == 3 else f"第{i}号：增长{i}.5%。").encode()} for i in range(8)]
    results = []
    try:
        for t in tasks:
            runner.submit(t)
        while runner.n_pending:
            results += runner.wait_any()
    finally:
        runner.close()
    by_path = {r.get("path") or r["rows"]["document"]["source_path"]: r for r in results}
    assert len(by_path) == 8
    assert by_path["f3.txt"]["kind"] == "error" and by_path["f3.txt"]["reason"] == "crashed"
    assert all(by_path[f"f{i}.txt"]["kind"] == "doc" for i in range(8) if i != 3)


def test_error_item_shape():
    e = error_item({"path": "a.txt", "sha256": "ab", "format": "txt"}, "binary", "a.txt: binary")
    assert e == {"kind": "error", "path": "a.txt", "sha256": "ab", "format": "txt", "reason": "binary",
                 "message": "a.txt: binary"}


# -------------------------------------------------------------------- dask
@pytest.mark.parametrize("processes", [False, True], ids=["threads", "processes"])
def test_dask_local_cluster_same_result(small, tmp_path, processes):
    """One Extractor per worker, shared by its threads (processes=False) or one per worker process."""
    distributed = pytest.importorskip("distributed")
    ref = f"sqlite:///{tmp_path / 'pool.db'}"
    run_batch([str(small.root)], BatchOptions(db=ref, **FAST))
    url = f"sqlite:///{tmp_path / 'dask.db'}"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=processes,
                                  dashboard_address=None) as cl:
        with distributed.Client(cl) as client:
            s = run_batch([str(small.root)], BatchOptions(db=url, dask=client, tokenizer=None, max_bytes=MAX_BYTES,
                                                          progress=False, out=str(tmp_path / "d.jsonl")))
            assert (s.loaded, s.errors, s.errors_new) == (40, 20, 20)
            assert s.workers == 2
        # by address, as the CLI does (--dask ADDRESS): a re-run adds nothing
        s = run_batch([str(small.root)], BatchOptions(db=url, dask=cl.scheduler_address, tokenizer=None,
                                                      max_bytes=MAX_BYTES, progress=False))
        assert (s.loaded, s.skipped, s.errors_new) == (0, 40, 0)

    def content(u):
        e = make_engine(u)
        with e.connect() as c:
            docs = set(c.execute(sa.text("SELECT sha256, n_mentions, n_chars FROM documents")).all())
            errs = set(c.execute(sa.text("SELECT source_path, reason FROM errors")).all())
            ms = c.execute(sa.text("SELECT count(*) FROM mentions")).scalar()
        e.dispose()
        return docs, errs, ms

    assert content(url) == content(ref)


# ------------------------------------------------------------------ schema
def test_schema_sql_ddl_runs(tmp_path):
    res = cli("schema", "--sql")
    assert res.returncode == 0
    con = sqlite3.connect(":memory:")
    con.executescript(res.stdout)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "mentions", "numbers", "enterprises", "projects", "project_owners", "project_investments",
            "metrics", "document_paths", "errors", "records"} <= tables
    pg = cli("schema", "--sql", "--dialect", "postgresql").stdout
    assert "BIGSERIAL" in pg and "JSONB" in pg and "UNIQUE (sha256)" in pg
    assert json.loads(cli("schema").stdout)["title"] == "Report"
    assert ddl("sqlite") == res.stdout


def test_schema_created_migrated_and_guarded(tmp_path):
    url = f"sqlite:///{tmp_path / 'm.db'}"
    engine = make_engine(url)
    assert ensure_schema(engine) == 2
    with engine.begin() as c:
        c.execute(sa.text("DROP TABLE project_owners"))
    assert ensure_schema(engine) == 2                       # a missing table is created again
    assert "project_owners" in sa.inspect(engine).get_table_names()
    with engine.begin() as c:
        c.execute(sa.text("UPDATE zhgov_schema SET value = '99' WHERE key = 'version'"))
    with pytest.raises(SchemaError, match="newer"):
        ensure_schema(engine)
    engine.dispose()
    (tmp_path / "r.txt").write_text("增长5%。", encoding="utf-8")
    res = cli("batch", str(tmp_path), "--db", url)
    assert res.returncode == 2 and "newer" in res.stderr


# ------------------------------------------------------- honesty and records
def test_nothing_to_read_is_an_error(tmp_path):
    from zhgov_extract.store.batch import NothingToRead

    (tmp_path / "only.jpg").write_bytes(b"\xff\xd8\xff")
    url = f"sqlite:///{tmp_path / 'x.db'}"
    for inputs in ([str(tmp_path / "*.txt")], [str(tmp_path)]):
        with pytest.raises(NothingToRead, match="nothing to read"):
            run_batch(inputs, BatchOptions(db=url, **FAST))
    assert not (tmp_path / "x.db").exists()          # refused before touching the database
    res = cli("batch", str(tmp_path / "*.txt"), "--db", url)
    assert res.returncode == 2 and len(res.stderr.strip().splitlines()) == 1 and "nothing to read" in res.stderr


def test_unlistable_folder_is_an_error_row(small, tmp_path, monkeypatch):
    good = tmp_path / "in" / "good"
    locked = tmp_path / "in" / "locked"
    good.mkdir(parents=True)
    locked.mkdir()
    (good / "a.txt").write_bytes(next(p for p in small.good if p.suffix == ".txt").read_bytes())
    (locked / "b.txt").write_text("看不到", encoding="utf-8")
    real = os.scandir

    def scandir(path="."):   # as for a folder without read permission (root could read it anyway)
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    url = f"sqlite:///{tmp_path / 'x.db'}"
    s = run_batch([str(tmp_path / "in")], BatchOptions(db=url, **{**FAST, "workers": 1}))
    assert (s.loaded, s.errors, dict(s.reasons)) == (1, 1, {"unreadable": 1})
    con = sqlite3.connect(tmp_path / "x.db")
    (path, msg), = con.execute("SELECT source_path, message FROM errors").fetchall()
    assert path == str(locked) and "cannot be listed" in msg


@pytest.mark.parametrize("retry", [False, True])
def test_a_later_success_clears_the_error(small, tmp_path, retry):
    p = tmp_path / "report.pdf"
    p.write_bytes(b"%PDF-1.4 cut short")
    url = f"sqlite:///{tmp_path / 'x.db'}"
    opts = BatchOptions(db=url, retry_errors=retry, **{**FAST, "workers": 1})
    assert run_batch([str(p)], opts).reasons == {"truncated": 1}
    assert count(tmp_path / "x.db", "errors") == 1
    p.write_bytes(next(q for q in small.good if q.suffix == ".pdf").read_bytes())   # fixed
    s = run_batch([str(p)], opts)
    assert (s.loaded, s.errors) == (1, 0)
    assert count(tmp_path / "x.db", "errors") == 0
    # and a path whose content was loaded before under another name clears its error too
    q = tmp_path / "copy.pdf"
    q.write_bytes(b"%PDF-1.4 cut short")
    run_batch([str(q)], opts)
    q.write_bytes(p.read_bytes())
    s = run_batch([str(q)], opts)
    assert (s.skipped, s.errors) == (1, 0) and count(tmp_path / "x.db", "errors") == 0


@pytest.mark.parametrize("ext", ["csv", "jsonl"])
def test_duplicate_paths_are_kept_and_exported(small, tmp_path, ext):
    d = tmp_path / "in"
    d.mkdir()
    data = small.good[0].read_bytes()
    suffix = small.good[0].suffix
    for name in ("one", "two"):
        (d / f"{name}{suffix}").write_bytes(data)
    (d / "empty.pdf").write_bytes(b"")
    (d / "empty.txt").write_bytes(b"")
    url = f"sqlite:///{tmp_path / 'x.db'}"
    out = tmp_path / f"out.{ext}"
    s = run_batch([str(d)], BatchOptions(db=url, out=str(out), **FAST))
    assert (s.loaded, s.duplicates) == (1, 1)
    con = sqlite3.connect(tmp_path / "x.db")
    assert sorted(Path(p).name for p, in con.execute("SELECT source_path FROM document_paths")) == \
        [f"one{suffix}", f"two{suffix}"]
    # a 0-byte file keeps its own format even though its bytes equal another's
    assert dict(con.execute("SELECT source_path, format FROM errors")) == {
        str(d / "empty.pdf"): "pdf", str(d / "empty.txt"): "txt"}
    if ext == "csv":
        rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
        paths = {Path(r["source_path"]).name for r in rows}
        for table in ("projects", "project_owners", "project_investments", "metrics"):
            assert (tmp_path / f"out.{table}.csv").exists()
    else:
        paths = {Path(json.loads(line)["document"]["source_path"]).name
                 for line in out.read_text(encoding="utf-8").splitlines()}
    assert paths == {f"one{suffix}", f"two{suffix}"}
    # a re-run that names a third copy records it, and exports all three
    (d / f"three{suffix}").write_bytes(data)
    s = run_batch([str(d)], BatchOptions(db=url, out=str(out), **FAST))
    assert s.skipped == 3 and s.loaded == 0
    assert con.execute("SELECT count(*) FROM document_paths").fetchone()[0] == 3


def test_record_tables_and_the_three_queries_sqlite(tmp_path):
    from batch_corpus import check_doc_queries, load_record_reports

    url = f"sqlite:///{tmp_path / 'r.db'}"
    first = load_record_reports(url)
    assert first.loaded == 2
    db = tmp_path / "r.db"
    tables = ("documents", "records", "projects", "project_owners", "project_investments", "metrics",
              "document_paths")
    counts = {t: count(db, t) for t in tables}
    assert counts == {"documents": 2, "records": 4, "projects": 2, "project_owners": 2, "project_investments": 2,
                      "metrics": 2, "document_paths": 2}
    check_doc_queries(url)
    again = load_record_reports(url)                    # a re-run adds no row
    assert (again.loaded, again.duplicates) == (0, 2)
    assert {t: count(db, t) for t in tables} == counts
    con = sqlite3.connect(db)
    (lvl, heading), = set(con.execute("SELECT region_level, region_from_heading FROM projects "
                                      "WHERE region_name = '岫岩县'"))
    assert (lvl, heading) == ("county", 1)


def test_record_tables_exported_per_table(tmp_path):
    from batch_corpus import load_record_reports

    import sqlalchemy as sa
    from zhgov_extract.store.export import export

    url = f"sqlite:///{tmp_path / 'r.db'}"
    load_record_reports(url)
    engine = make_engine(url)
    with engine.connect() as c:
        pairs = [tuple(r) for r in c.execute(sa.text("SELECT document_id, source_path FROM document_paths"))]
    for ext in ("csv", "parquet"):
        export(engine, pairs, tmp_path / f"o.{ext}")
    engine.dispose()
    rows = list(csv.DictReader((tmp_path / "o.project_investments.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert sorted((r["source_path"], r["kind"], r["value"]) for r in rows) == [
        ("records/rec0.txt", "total", "1480000000"), ("records/rec1.txt", "total", "8000000000")]
    import pyarrow.parquet as pq

    t = pq.read_table(tmp_path / "o.metrics.parquet")
    assert t.num_rows == 2 and t.schema.field("value_num").type == "double"
    assert sorted(t.column("indicator").to_pylist()) == ["地区生产总值", "地区生产总值"]


def test_schema_1_database_is_upgraded(tmp_path):
    """A database made by the previous version (its printed DDL) with a loaded document is upgraded in place."""
    db = tmp_path / "v1.db"
    con = sqlite3.connect(db)
    con.executescript((Path(__file__).parent / "data" / "schema" / "v1_sqlite.sql").read_text(encoding="utf-8"))
    con.execute("INSERT INTO documents (id, sha256, text_sha256, source_path, format, n_bytes, n_chars, n_mentions, "
                "n_records, extractor_version, loaded_at) VALUES (1, 'aa', 'bb', 'old.txt', 'txt', 9, 3, 1, 0, "
                "'0.1.0', '2026-01-01 00:00:00')")
    con.execute("INSERT INTO mentions VALUES (1, 0, 'percent', 0, 2, -1, '5%', '{\"value\": \"5\"}')")
    con.execute("INSERT INTO metrics (document_id, mention_ordinal, type, start_offset, end_offset, sentence, text, "
                "value, value_num) VALUES (1, 0, 'percent', 0, 2, -1, '5%', '5', 5.0)")
    con.commit()
    con.close()
    engine = make_engine(f"sqlite:///{db}")
    assert ensure_schema(engine) == 2
    engine.dispose()
    con = sqlite3.connect(db)
    assert con.execute("SELECT value FROM zhgov_schema WHERE key = 'version'").fetchone() == ("2",)
    assert con.execute("SELECT text, value FROM numbers").fetchall() == [("5%", "5")]
    assert con.execute("SELECT document_id, source_path FROM document_paths").fetchall() == [(1, "old.txt")]
    cols = {r[1] for r in con.execute("PRAGMA table_info(metrics)")}
    assert {"record_ordinal", "indicator", "role", "period"} <= cols
