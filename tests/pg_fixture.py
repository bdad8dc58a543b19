"""A real, throwaway PostgreSQL server for the tests (no mock).

``postgres_server`` (session scope) runs ``initdb`` into a fresh temporary
folder, starts the server with ``pg_ctl`` on a free port bound to 127.0.0.1
only, and stops it and deletes the folder at the end.  As root, initdb and
pg_ctl run as the ``postgres`` OS user (``runuser -u postgres --``), which owns
the folder.  ``pg_url`` gives each test its own empty database.

The binaries are looked up in ``$PG_BINDIR``, ``/usr/lib/postgresql/*/bin``
(Debian) and ``PATH``.  Without them (or without psycopg) the PostgreSQL tests
are skipped — except with ``CI=true``, where they fail: CI must run them.
"""
from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest


def _version_key(path: str):
    try:
        return float(Path(path).parent.name)
    except ValueError:
        return 0.0


def pg_bindir() -> str | None:
    cands = [os.environ.get("PG_BINDIR")] + sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key,
                                                     reverse=True)
    which = shutil.which("initdb")
    if which:
        cands.append(os.path.dirname(which))
    for d in cands:
        if d and os.path.isfile(os.path.join(d, "initdb")) and os.path.isfile(os.path.join(d, "pg_ctl")):
            return d
    return None


def skip_or_fail(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} — CI=true, so the PostgreSQL tests must run, not skip")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server():
    bindir = pg_bindir()
    if bindir is None:
        skip_or_fail("PostgreSQL server binaries (initdb, pg_ctl) not found")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        skip_or_fail("psycopg is not installed (pip install '.[test]')")

    as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
    tmp = Path(tempfile.mkdtemp(prefix="zhgov-pg-"))   # directly in /tmp: the postgres user can reach it
    if as_root:
        shutil.chown(tmp, "postgres", "postgres")
    os.chmod(tmp, 0o700)
    data, log = tmp / "data", tmp / "server.log"

    def run(*cmd: str, timeout: int = 120):
        res = subprocess.run([*prefix, *cmd], capture_output=True, text=True, timeout=timeout)
        if res.returncode != 0:
            extra = log.read_text(errors="replace")[-3000:] if log.exists() else ""
            raise RuntimeError(f"{' '.join(cmd)} failed ({res.returncode}):\n{res.stdout}\n{res.stderr}\n{extra}")
        return res

    started = False
    try:
        run(os.path.join(bindir, "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
            "--locale=C", "-N")
        for attempt in range(3):   # a free port can be taken between the probe and the start
            port = _free_port()
            opts = (f"-p {port} -k {tmp} -c listen_addresses=127.0.0.1 -c fsync=off "
                    "-c synchronous_commit=off -c full_page_writes=off -c max_connections=40")
            try:
                run(os.path.join(bindir, "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60",
                    "-o", opts, "start")
                started = True
                break
            except RuntimeError:
                if attempt == 2:
                    raise
        yield {"host": "127.0.0.1", "port": port, "user": "postgres",
               "url": f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"}
    finally:
        if started:
            try:
                run(os.path.join(bindir, "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "-t", "60", "stop")
            except Exception:  # noqa: BLE001
                subprocess.run([*prefix, os.path.join(bindir, "pg_ctl"), "-D", str(data), "-m", "immediate",
                                "stop"], capture_output=True, timeout=60)
        shutil.rmtree(tmp, ignore_errors=True)


_db_counter = itertools.count(1)


@pytest.fixture
def pg_url(postgres_server):
    """An SQLAlchemy URL of a new, empty database on the test server; dropped afterwards."""
    import psycopg

    name = f"zhgov_test_{os.getpid()}_{next(_db_counter)}"
    conninfo = f"host=127.0.0.1 port={postgres_server['port']} user=postgres dbname=postgres"
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"postgresql+psycopg://postgres@127.0.0.1:{postgres_server['port']}/{name}"
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
