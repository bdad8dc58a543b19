"""Batch processing: folders of reports → database rows, fast, resumable, nothing lost.

    from zhgov_extract.store.batch import BatchOptions, run_batch
    summary = run_batch(["reports/"], BatchOptions(db="sqlite:///zhgov.db", workers=4))

How it works (docs/batch.md has the user's view):

1. **Discovery** (parent): inputs are files, folders (walked recursively, sorted,
   hidden entries and unknown extensions skipped) or glob patterns.
2. **Skip** (parent): each file's bytes are read once and hashed (SHA-256).  A
   hash already in ``documents`` (or already in this run) is skipped; a
   ``(path, hash)`` already in ``errors`` is skipped unless ``retry_errors``.
3. **Work** (worker processes, or Dask workers): parse the bytes with
   :mod:`zhgov_extract.read.formats`, run the :class:`~zhgov_extract.pipeline.Extractor`
   (built once per worker process), turn the report into plain rows.  At most
   ``in_flight`` files are out at once, so memory stays flat however long the batch.
4. **Write** (parent): rows go to the database a few documents per transaction;
   ``documents.sha256`` is UNIQUE, so a document is loaded exactly once even if
   a killed run is started again (a half-written transaction is rolled back by
   the database, and the documents in it are simply done again).
5. **Export** (parent, optional): ``--out`` is written from the database at the
   end, for every document of this run's inputs, to a temporary file renamed
   into place: it is complete or absent, never half-written.

A file that cannot be read — unreadable, binary, empty, truncated, enormous,
damaged — becomes an ``errors`` row with its reason, and the batch goes on; so
does a file that makes the extractor raise, or makes a worker process die.
"""
from __future__ import annotations

import os
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable

from zhgov_extract.read.formats import (DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, EXTENSIONS, FormatError, detect_format,
                                        read_bytes, sha256_bytes)
from zhgov_extract.store.discovery import NothingToRead, Unlistable, discover  # noqa: F401
from zhgov_extract.store.workers import _DaskRunner, _PoolRunner, _tame_malloc, error_item  # noqa: F401

DEFAULT_DB = "sqlite:///zhgov.db"


@dataclass
class BatchOptions:
    db: str = DEFAULT_DB
    out: str | None = None
    workers: int | None = None           # default: os.cpu_count()
    tokenizer: str | None = "jieba"
    components: tuple[str, ...] | None = None
    gazetteers: tuple[str, ...] = ()
    rules_dir: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    max_chars: int = DEFAULT_MAX_CHARS
    store_text: bool = True
    retry_errors: bool = False
    batch_size: int = 32                 # documents per transaction at most
    commit_interval: float = 2.0         # seconds between commits at most
    in_flight: int | None = None         # files out at workers at once (default 16 × workers)
    in_flight_bytes: int = 256 * 1024 * 1024   # and at most this many bytes of them
    dask: object = None                  # scheduler address, or a distributed.Client
    progress: bool = True

    def extractor_config(self) -> dict:
        return {"tokenizer": self.tokenizer, "components": list(self.components) if self.components else None,
                "gazetteers": [str(g) for g in self.gazetteers], "rules_dir": self.rules_dir,
                "max_chars": self.max_chars, "store_text": self.store_text}


@dataclass
class BatchSummary:
    files: int = 0            # files found in the inputs
    loaded: int = 0           # documents loaded by this run
    skipped: int = 0          # already in the database (same content hash)
    duplicates: int = 0       # same content as another file of this run
    errors: int = 0           # files that failed in this run (new or known)
    errors_new: int = 0       # error rows this run added
    ignored: int = 0          # files in folders with an extension no reader handles
    mentions: int = 0
    chars: int = 0
    bytes: int = 0
    seconds: float = 0.0
    work_seconds: float = 0.0  # time the workers spent reading and extracting
    startup_seconds: float = 0.0   # until the workers were ready
    workers: int = 0
    reasons: Counter = field(default_factory=Counter)
    out_rows: int | None = None

    @property
    def failed(self) -> bool:
        return self.errors > 0

    @property
    def docs_per_s(self) -> float:
        return self.loaded / self.seconds if self.seconds else 0.0

    @property
    def chars_per_s(self) -> float:
        return self.chars / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict:
        d = asdict(self)
        d["reasons"] = dict(self.reasons)
        d["docs_per_s"] = round(self.docs_per_s, 2)
        d["chars_per_s"] = round(self.chars_per_s, 1)
        d["failed"] = self.failed
        d["worker_utilisation"] = round(self.work_seconds / (self.seconds * self.workers), 3) \
            if self.seconds and self.workers else None
        return d


# ------------------------------------------------------------------- writer
class _Writer:
    """Buffers results and commits them in small transactions; collects (document id, path) for ``--out``."""

    def __init__(self, sink, options: BatchOptions, summary: BatchSummary, covered: list, on_commit=None):
        self.sink = sink
        self.options = options
        self.summary = summary
        self.covered = covered
        self.buf: list[dict] = []
        self.last = time.monotonic()
        self.on_commit = on_commit

    def add(self, item: dict) -> None:
        self.buf.append(item)
        if len(self.buf) >= self.options.batch_size or time.monotonic() - self.last >= self.options.commit_interval:
            self.flush()

    def flush(self) -> None:
        if not self.buf:
            self.last = time.monotonic()
            return
        items, self.buf = self.buf, []
        res = self.sink.write(items, retry_errors=self.options.retry_errors)
        s = self.summary
        s.loaded += res.loaded
        s.duplicates += res.duplicates
        s.errors_new += res.errors_new
        self.covered.extend(res.pairs)
        for it in items:
            s.work_seconds += it.get("work_seconds", 0.0)
            if it["kind"] == "error":
                s.errors += 1
                s.reasons[it["reason"]] += 1
            elif it["kind"] == "doc":
                s.chars += it["n_chars"]
                s.mentions += it["n_mentions"]
        self.last = time.monotonic()
        if self.on_commit:
            self.on_commit()


# --------------------------------------------------------------------- run
class _NoProgress:
    """What the batch sees when there is no progress bar: rich is not even imported."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def add_task(self, *a, **kw):
        return 0

    update = add_task  # nothing to show


def _progress(options: BatchOptions, total: int):
    if not options.progress:
        return _NoProgress()
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    console = Console(stderr=True)
    progress = Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:>7.1f} docs/s"), TextColumn("loaded {task.fields[loaded]}"),
        TextColumn("[red]errors {task.fields[errors]}"), TimeElapsedColumn(), TextColumn("ETA"),
        TimeRemainingColumn(), console=console, disable=not options.progress, transient=False,
        refresh_per_second=4)
    return progress


@dataclass
class _State:
    """What the parent knows while it prepares files: the database's contents and this run's."""

    options: BatchOptions
    summary: BatchSummary
    known: dict            # sha256 → documents.id, loaded before
    known_paths: set       # (documents.id, path) recorded before
    error_paths: set       # paths that have error rows
    skip_errors: dict      # (path, sha256) → reason: known failures not to try again
    covered: list          # (documents.id, path) of this run's inputs, for --out
    # content hash of each file sent to a worker in this run → None (at a worker), [paths of later
    # files with the same bytes] (at a worker), "doc" (loaded) or the error item (broken)
    seen_shas: dict = field(default_factory=dict)


def run_batch(inputs: Iterable[str | Path], options: BatchOptions | None = None) -> BatchSummary:
    """Load every report under ``inputs`` into ``options.db`` (and ``options.out``).

    Raises :class:`NothingToRead` (before touching the database) when an input gives no file.
    """
    from zhgov_extract.store.sinks import SqlSink, ensure_schema, export, make_engine, out_format

    options = options or BatchOptions()
    if options.out:
        out_format(options.out)                    # fail before the work, not after
    summary = BatchSummary()
    t0 = time.perf_counter()
    empty: list[str] = []
    paths = list(discover(inputs, summary, empty))
    if empty:
        raise NothingToRead(f"nothing to read in {', '.join(empty)}: no such file, or no "
                            f"{'/'.join(sorted(set(EXTENSIONS.values())))} file there")
    summary.files = len(paths)
    _tame_malloc()
    engine = make_engine(options.db)
    try:
        ensure_schema(engine)
        sink = SqlSink(engine)
        known_errors = sink.known_errors()
        st = _State(options, summary, sink.known_documents(), sink.known_paths(), {p for p, _ in known_errors},
                    {} if options.retry_errors else known_errors, [])
        runner = None

        def start_runner():
            # Workers start only when there is work: a re-run with nothing new costs no start-up.
            nonlocal runner
            t = time.perf_counter()
            if options.dask is not None:
                runner = _DaskRunner(options.dask, options.extractor_config())
                summary.workers = runner.workers
            else:
                summary.workers = options.workers or os.cpu_count() or 1
                runner = _PoolRunner(summary.workers, options.extractor_config())
            summary.startup_seconds = time.perf_counter() - t
            return runner

        progress = _progress(options, len(paths))
        ptask = progress.add_task("zhgov-extract batch", total=len(paths), rate=0.0, loaded=0, errors=0)

        def tick(n: int = 1):
            el = time.perf_counter() - t0
            progress.update(ptask, advance=n, rate=summary.loaded / el if el else 0.0,
                            loaded=summary.loaded, errors=summary.errors)

        writer = _Writer(sink, options, summary, st.covered, on_commit=lambda: tick(0))

        def take(results: list[dict]):
            n = 0
            for r in results:
                writer.add(r)
                n += 1
                sha = r["rows"]["document"]["sha256"] if r["kind"] == "doc" else r.get("sha256")
                if not sha:
                    continue
                digest = bytes.fromhex(sha)
                dups = st.seen_shas.get(digest)
                slim = {k: v for k, v in r.items() if k != "rows"}
                st.seen_shas[digest] = "doc" if r["kind"] == "doc" else slim
                for path in dups or ():
                    n += 1
                    if r["kind"] == "doc":      # the same content under another path: recorded there too
                        summary.duplicates += 1
                        writer.add({"kind": "path", "path": path, "sha256": sha})
                    else:                       # the same broken bytes elsewhere: an error there too
                        writer.add(_same_error(slim, path))
            tick(n)

        interrupted = finished = False
        with progress:
            try:
                for path, explicit in paths:
                    if isinstance(explicit, Unlistable):
                        writer.add(error_item({"path": path}, "unreadable", str(explicit)))
                        tick()
                        continue
                    item = _prepare(path, explicit, st)
                    if item is _QUEUED:         # same bytes as a file at a worker: its outcome decides
                        continue
                    if item is None:            # skipped
                        tick()
                        continue
                    if item["kind"] in ("error", "path"):
                        writer.add(item)
                        tick()
                        continue
                    runner = runner or start_runner()
                    while runner.n_pending and (runner.n_pending >= _in_flight(options, summary) or
                                                runner.pending_bytes + len(item["data"]) > options.in_flight_bytes):
                        take(runner.wait_any())
                    runner.submit(item)
                while runner is not None and runner.n_pending:
                    take(runner.wait_any())
                writer.flush()
                finished = True
            except KeyboardInterrupt:
                interrupted = True
            finally:
                try:
                    if not finished:
                        writer.flush()          # what is finished is kept
                except Exception:  # noqa: BLE001
                    if interrupted:
                        raise
                    # else an error is already on its way up (the database is gone, …): that one is the news
                finally:
                    if runner is not None:
                        runner.close(cancel=not finished)
        if interrupted:
            summary.seconds = time.perf_counter() - t0
            raise BatchInterrupted(summary)
        if options.out:
            summary.out_rows = export(engine, st.covered, options.out)
    finally:
        engine.dispose()
    summary.seconds = time.perf_counter() - t0
    return summary


def _in_flight(options: BatchOptions, summary: BatchSummary) -> int:
    return options.in_flight or 16 * summary.workers


class BatchInterrupted(KeyboardInterrupt):
    def __init__(self, summary: BatchSummary):
        super().__init__("interrupted")
        self.summary = summary


_QUEUED = object()


def _same_error(item: dict, path: str) -> dict:
    """The error of a file with the same bytes, under this path (and this path's format)."""
    return {**item, "path": path, "format": detect_format(path),
            "message": item["message"].replace(item["path"], path)}


def _prepare(path: str, explicit: bool, st: _State) -> dict | None:
    """Read and hash one file in the parent: ``None`` (skip), an error or path item, or a task for a worker."""
    summary = st.summary
    fmt = detect_format(path)
    if fmt is None:
        if not os.path.lexists(path):
            return error_item({"path": path}, "unreadable", f"{path}: no such file or directory")
        return error_item({"path": path}, "unsupported",
                          f"{path}: no reader for extension {Path(path).suffix!r} "
                          f"(supported: {', '.join(sorted(EXTENSIONS))})")
    try:
        data = read_bytes(path, max_bytes=st.options.max_bytes)
    except FormatError as exc:
        # unreadable or enormous: no content hash (an enormous file is not read at all)
        if (path, "") in st.skip_errors:
            summary.errors += 1
            summary.reasons[st.skip_errors[(path, "")]] += 1
            return None
        return error_item({"path": path, "sha256": "", "format": fmt}, exc.reason, str(exc))
    sha = sha256_bytes(data)
    summary.bytes += len(data)
    doc_id = st.known.get(sha)
    if doc_id is not None:
        summary.skipped += 1
        if (doc_id, path) in st.known_paths and path not in st.error_paths:
            st.covered.append((doc_id, path))
            return None
        return {"kind": "path", "path": path, "sha256": sha}   # a new path for it, or an old error to clear
    if (path, sha) in st.skip_errors:
        summary.errors += 1
        summary.reasons[st.skip_errors[(path, sha)]] += 1
        return None
    digest = bytes.fromhex(sha)
    state = st.seen_shas.get(digest, _QUEUED)
    if state is _QUEUED:                # first time this run
        st.seen_shas[digest] = None
    elif state is None:                 # the first is still at a worker
        st.seen_shas[digest] = [path]
        return _QUEUED
    elif isinstance(state, list):
        state.append(path)
        return _QUEUED
    elif state == "doc":
        summary.duplicates += 1
        return {"kind": "path", "path": path, "sha256": sha}
    else:                               # the first was broken: so is this one
        return _same_error(state, path)
    return {"kind": "task", "path": path, "format": fmt, "sha256": sha, "data": data}


def print_summary(summary: BatchSummary, *, db: str, out: str | None = None, file=None) -> None:
    from zhgov_extract.display import print_batch_summary

    print_batch_summary(summary, db=db, out=out, file=file)
