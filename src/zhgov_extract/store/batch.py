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

import glob
import json
import multiprocessing as mp
import os
import signal
import sys
import threading
import time
import traceback
from array import array
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from zhgov_extract.read.formats import (DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, EXTENSIONS, FormatError, detect_format, parse_bytes,
                      read_bytes, sha256_bytes)

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


# ---------------------------------------------------------------- discovery
_GLOB_CHARS = set("*?[")


def discover(inputs: Iterable[str | Path], summary: BatchSummary | None = None) -> Iterator[tuple[str, bool]]:
    """``(path, explicit)`` for every file of the inputs, each path once.

    Folders recurse (sorted, hidden entries skipped, only known extensions);
    glob patterns (``**`` allowed) expand the same way; a file named on the
    command line is taken whatever its extension (``explicit``) so an
    unsupported one is reported, not silently dropped.
    """
    seen: set[str] = set()

    def emit(p: str, explicit: bool):
        key = os.path.abspath(p)
        if key in seen:
            return None
        seen.add(key)
        return (p, explicit)

    for inp in inputs:
        s = str(inp)
        if os.path.isdir(s):
            for f in _walk(s, summary):
                if (r := emit(f, False)):
                    yield r
        elif os.path.lexists(s):
            if (r := emit(s, True)):
                yield r
        elif _GLOB_CHARS & set(s):
            for g in sorted(glob.glob(s, recursive=True)):
                if os.path.isdir(g):
                    for f in _walk(g, summary):
                        if (r := emit(f, False)):
                            yield r
                elif detect_format(g) is not None:
                    if (r := emit(g, False)):
                        yield r
                elif summary is not None:
                    summary.ignored += 1
        else:
            if (r := emit(s, True)):   # reported as unreadable: no such file
                yield r


def _walk(root: str, summary: BatchSummary | None) -> Iterator[str]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            if Path(name).suffix.lower() in EXTENSIONS:
                yield os.path.join(dirpath, name)
            elif summary is not None:
                summary.ignored += 1


# ------------------------------------------------------------------ workers
_EXTRACTORS: dict[str, object] = {}
_EXTRACTOR_LOCK = threading.Lock()


def _extractor(config: dict):
    """The worker's Extractor, built on first use and kept (one per process and configuration)."""
    key = json.dumps({k: config.get(k) for k in ("tokenizer", "components", "gazetteers", "rules_dir")},
                     sort_keys=True)
    ex = _EXTRACTORS.get(key)
    if ex is None:
        with _EXTRACTOR_LOCK:
            ex = _EXTRACTORS.get(key)
            if ex is None:
                from zhgov_extract.pipeline import Extractor

                ex = Extractor(tokenizer=config.get("tokenizer"), components=config.get("components"),
                               gazetteers=config.get("gazetteers") or (), rules_dir=config.get("rules_dir"))
                _EXTRACTORS[key] = ex
    return ex


_WORKER_CONFIG: dict = {}
_PRELOAD_ENV = "ZHGOV_EXTRACT_PRELOAD_CONFIG"


def _tame_malloc() -> None:
    """Keep memory flat on long batches (glibc): large blocks — a chunk of results, a file's
    bytes — come from mmap and go back to the system when freed, instead of raising the
    heap's high-water mark a little more with every odd-sized document."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(-3, 256 * 1024)    # M_MMAP_THRESHOLD: fixed, no dynamic growth
        libc.mallopt(-1, 1024 * 1024)   # M_TRIM_THRESHOLD: give freed heap tops back
    except (OSError, AttributeError):   # not glibc (musl, …): nothing to do
        pass


def _init_worker(config: dict, parent_pid: int) -> None:
    """Process-pool initializer: build the Extractor once, and die with the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is the parent's to handle
    _tame_malloc()
    _WORKER_CONFIG.clear()
    _WORKER_CONFIG.update(config)
    _extractor(config)
    ppid = os.getppid()

    def watchdog():
        while True:
            time.sleep(1.0)
            try:
                os.kill(parent_pid, 0)
            except ProcessLookupError:
                os._exit(0)
            except PermissionError:
                pass
            if os.getppid() != ppid:
                os._exit(0)

    threading.Thread(target=watchdog, daemon=True, name="zhgov-watchdog").start()


def error_item(task: dict, reason: str, message: str) -> dict:
    return {"kind": "error", "path": task["path"], "sha256": task.get("sha256") or "",
            "format": task.get("format"), "reason": reason, "message": message}


def process_task(task: dict, config: dict | None = None) -> dict:
    """Parse one file's bytes and extract from it: the unit of work, in a worker.

    Never raises for a bad file: returns ``{"kind": "error", ...}`` instead.
    """
    config = config if config is not None else _WORKER_CONFIG
    t0 = time.perf_counter()
    res = _process(task, config)
    res["work_seconds"] = time.perf_counter() - t0
    return res


def _process(task: dict, config: dict) -> dict:
    from zhgov_extract.store.sinks import pack_rows, report_rows

    try:
        src = parse_bytes(task["data"], task["path"], fmt=task["format"],
                          max_chars=config.get("max_chars", DEFAULT_MAX_CHARS))
    except FormatError as exc:
        return error_item(task, exc.reason, str(exc))
    except Exception as exc:  # noqa: BLE001 - isolate every file
        return error_item(task, "corrupt", f"{task['path']}: {type(exc).__name__}: {exc}")
    try:
        report = _extractor(config)(src.text, doc_id=Path(task["path"]).stem, source=src)
        rows = pack_rows(report_rows(report, src, store_text=config.get("store_text", True)))
    except Exception as exc:  # noqa: BLE001
        tb = traceback.format_exc(limit=-3)
        return error_item(task, "extract_failed", f"{task['path']}: extractor raised {type(exc).__name__}: {exc}\n{tb}")
    return {"kind": "doc", "rows": rows, "n_chars": report.n_chars, "n_mentions": len(report.mentions)}


def process_chunk(tasks: list[dict]) -> list[dict]:
    return [process_task(t) for t in tasks]


def _dask_task(task: dict, config: dict) -> dict:
    return process_task(task, config)


_PROBE = {"kind": "task", "path": "<probe>.txt", "format": "txt", "sha256": "", "data": "试运行：增长5%。".encode()}


def _mp_context():
    """forkserver (safe with the progress thread, fast to start), unless ``__main__`` cannot be re-imported."""
    methods = mp.get_all_start_methods()
    main_file = getattr(sys.modules.get("__main__"), "__file__", None)
    if main_file and not os.path.exists(main_file) and "fork" in methods:
        return mp.get_context("fork")        # e.g. a script piped to ``python -``
    if "forkserver" in methods:
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["zhgov_extract.store.batch", "zhgov_extract.pipeline", "zhgov_extract.store.sinks"])
        return ctx
    return mp.get_context("spawn")


class _PoolRunner:
    """A process pool with a bounded number of tasks out; survives a worker dying."""

    def __init__(self, workers: int, config: dict, ctx=None):
        self.workers = workers
        self.config = config
        self.ctx = ctx or _mp_context()
        self.pending: dict = {}          # future → the chunk of tasks it runs
        self.n_pending = 0               # tasks out (sent or buffered)
        self.pending_bytes = 0
        self._buf: list[dict] = []
        self._buf_bytes = 0
        self.pool = self._new_pool(workers)
        # A forkserver started now builds the Extractor once, before it forks the workers: they
        # start at once and share its memory.  (One already running just forks; the workers then
        # build their own in the initializer.)
        preload = self.ctx.get_start_method() == "forkserver"
        if preload:
            os.environ[_PRELOAD_ENV] = json.dumps(config)
        try:
            self._probe(self.pool, workers)
        finally:
            if preload:
                os.environ.pop(_PRELOAD_ENV, None)

    def _new_pool(self, n: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(n, mp_context=self.ctx, initializer=_init_worker,
                                   initargs=(self.config, os.getpid()))

    def _probe(self, pool: ProcessPoolExecutor, n: int = 1) -> None:
        """Start ``n`` workers at once, and fail fast (never blaming files) when they cannot start."""
        futures = [pool.submit(process_task, _PROBE) for _ in range(n)]
        try:
            results = [f.result() for f in futures]
        except BrokenProcessPool as exc:
            pool.shutdown(wait=False, cancel_futures=True)
            raise RuntimeError("the worker processes could not start (see the traceback above); "
                               "check --tokenizer/--gazetteer") from exc
        bad = [r for r in results if r["kind"] != "doc"]
        if bad:
            pool.shutdown(wait=False, cancel_futures=True)
            raise RuntimeError(f"the worker processes cannot extract: {bad[0]['message']}")

    # Files go to the workers in small chunks: fewer, longer work items keep both workers busy
    # while the parent (holding the GIL) writes to the database, and cost less to send.
    chunk_files = 8
    chunk_bytes = 64 << 10

    def submit(self, task: dict) -> None:
        self._buf.append(task)
        self._buf_bytes += len(task["data"])
        self.n_pending += 1
        self.pending_bytes += len(task["data"])
        if len(self._buf) >= self.chunk_files or self._buf_bytes >= self.chunk_bytes:
            self._flush()

    def _flush(self) -> None:
        if self._buf:
            self.pending[self.pool.submit(process_chunk, self._buf)] = self._buf
            self._buf, self._buf_bytes = [], 0

    def _done(self, tasks: list[dict]) -> None:
        self.n_pending -= len(tasks)
        self.pending_bytes -= sum(len(t["data"]) for t in tasks)

    def wait_any(self) -> list[dict]:
        self._flush()
        done, _ = wait(list(self.pending), return_when=FIRST_COMPLETED)
        out, broken = [], []
        for f in done:
            tasks = self.pending.pop(f)
            self._done(tasks)
            try:
                out += f.result()
            except BrokenProcessPool:
                broken += tasks
            except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled
                out += [error_item(t, "extract_failed", f"{t['path']}: {type(exc).__name__}: {exc}") for t in tasks]
        if broken:
            # A worker died (segfault, out of memory, killed): the whole pool is gone, and with it
            # every task out.  Run those one at a time in a fresh pool to find the culprit(s).
            for tasks in self.pending.values():
                self._done(tasks)
                broken += tasks
            self.pending.clear()
            self.pool.shutdown(wait=False, cancel_futures=True)
            out += self._isolate(broken)
            self.pool = self._new_pool(self.workers)
        return out

    def _isolate(self, tasks: list[dict]) -> list[dict]:
        out = []
        pool = self._new_pool(1)
        self._probe(pool)
        for task in tasks:
            try:
                out.append(pool.submit(process_task, task).result())
            except BrokenProcessPool:
                out.append(error_item(task, "crashed", f"{task['path']}: the worker process died while reading "
                                                       "this file (crash or out of memory)"))
                pool.shutdown(wait=False, cancel_futures=True)
                pool = self._new_pool(1)
        pool.shutdown(wait=True)
        return out

    def close(self, cancel: bool = False) -> None:
        self.pool.shutdown(wait=not cancel, cancel_futures=cancel)


class _DaskRunner:
    """The same work on a Dask distributed cluster (``pip install 'zhgov-extract[dask]'``)."""

    def __init__(self, address, config: dict):
        try:
            from distributed import Client, as_completed
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise RuntimeError("--dask needs the dask extra: pip install 'zhgov-extract[dask]'") from exc
        self._own = not isinstance(address, Client)
        self.client = Client(address) if self._own else address
        self.config = config
        self.ac = as_completed()
        self.pending: dict = {}
        self._n = 0
        self.workers = max(1, sum(self.client.nthreads().values()))

    @property
    def n_pending(self) -> int:
        return len(self.pending)

    @property
    def pending_bytes(self) -> int:
        return sum(len(t["data"]) for _, t in self.pending.values())

    def submit(self, task: dict) -> None:
        self._n += 1
        key = f"zhgov-{task['sha256'][:16]}-{os.getpid()}-{self._n}"
        fut = self.client.submit(_dask_task, task, self.config, key=key, pure=False, retries=1)
        self.pending[fut.key] = (fut, task)
        self.ac.add(fut)

    def wait_any(self) -> list[dict]:
        fut = next(self.ac)
        _, task = self.pending.pop(fut.key)
        try:
            res = fut.result()
        except Exception as exc:  # noqa: BLE001 - KilledWorker and the like
            res = error_item(task, "crashed", f"{task['path']}: the Dask task failed ({type(exc).__name__}: {exc})")
        fut.release()
        return [res]

    def close(self, cancel: bool = False) -> None:
        if cancel and self.pending:
            self.client.cancel([f for f, _ in self.pending.values()])
        self.pending.clear()
        if self._own:
            self.client.close()


# ------------------------------------------------------------------- writer
class _Writer:
    """Buffers worker results and commits them in small transactions."""

    def __init__(self, sink, options: BatchOptions, summary: BatchSummary, covered: array, on_commit=None):
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
        self.covered.extend(res.ids)
        for it in items:
            s.work_seconds += it.get("work_seconds", 0.0)
            if it["kind"] == "error":
                s.errors += 1
                s.reasons[it["reason"]] += 1
            else:
                s.chars += it["n_chars"]
                s.mentions += it["n_mentions"]
        self.last = time.monotonic()
        if self.on_commit:
            self.on_commit()


# --------------------------------------------------------------------- run
def _progress(options: BatchOptions, total: int):
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


def run_batch(inputs: Iterable[str | Path], options: BatchOptions | None = None) -> BatchSummary:
    """Load every report under ``inputs`` into ``options.db`` (and ``options.out``)."""
    from zhgov_extract.store.sinks import SqlSink, ensure_schema, export, make_engine, out_format

    options = options or BatchOptions()
    if options.out:
        out_format(options.out)                    # fail before the work, not after
    _tame_malloc()
    summary = BatchSummary()
    t0 = time.perf_counter()
    engine = make_engine(options.db)
    try:
        ensure_schema(engine)
        sink = SqlSink(engine)
        known = sink.known_documents()
        known_errors = {} if options.retry_errors else sink.known_errors()
        paths = list(discover(inputs, summary))
        summary.files = len(paths)
        covered = array("q")
        # content hash of each file sent to a worker in this run → None (at a worker), [paths of later
        # files with the same bytes] (at a worker), "doc" (loaded) or the error item (broken)
        seen_shas: dict = {}

        if options.dask is not None:
            runner = _DaskRunner(options.dask, options.extractor_config())
            summary.workers = runner.workers
        else:
            summary.workers = options.workers or os.cpu_count() or 1
            runner = _PoolRunner(summary.workers, options.extractor_config())
        summary.startup_seconds = time.perf_counter() - t0
        limit = options.in_flight or 16 * summary.workers

        progress = _progress(options, len(paths))
        ptask = progress.add_task("zhgov-extract batch", total=len(paths), rate=0.0, loaded=0, errors=0)
        processed = 0

        def tick(n: int = 1):
            nonlocal processed
            processed += n
            el = time.perf_counter() - t0
            progress.update(ptask, advance=n, rate=summary.loaded / el if el else 0.0,
                            loaded=summary.loaded, errors=summary.errors)

        writer = _Writer(sink, options, summary, covered, on_commit=lambda: tick(0))

        def take(results: list[dict]):
            n = 0
            for r in results:
                writer.add(r)
                n += 1
                sha = r["rows"]["document"]["sha256"] if r["kind"] == "doc" else r.get("sha256")
                if not sha:
                    continue
                digest = bytes.fromhex(sha)
                dups = seen_shas.get(digest)
                slim = {k: v for k, v in r.items() if k != "rows"}
                seen_shas[digest] = "doc" if r["kind"] == "doc" else slim
                for path in dups or ():
                    n += 1
                    if r["kind"] == "doc":
                        summary.duplicates += 1
                    else:                         # the same broken bytes elsewhere: an error there too
                        writer.add(_same_error(slim, path))
            tick(n)

        interrupted = finished = False
        with progress:
            try:
                for path, explicit in paths:
                    item = _prepare(path, explicit, options, known, known_errors, seen_shas, summary, covered)
                    if item is _QUEUED:         # same bytes as a file at a worker: its outcome decides
                        continue
                    if item is None:            # skipped
                        tick()
                        continue
                    if item["kind"] == "error":
                        writer.add(item)
                        tick()
                        continue
                    while runner.n_pending and (runner.n_pending >= limit or
                                                runner.pending_bytes + len(item["data"]) > options.in_flight_bytes):
                        take(runner.wait_any())
                    runner.submit(item)
                while runner.n_pending:
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
                    runner.close(cancel=not finished)
        if interrupted:
            summary.seconds = time.perf_counter() - t0
            raise BatchInterrupted(summary)
        if options.out:
            summary.out_rows = export(engine, list(covered), options.out)
    finally:
        engine.dispose()
    summary.seconds = time.perf_counter() - t0
    return summary


class BatchInterrupted(KeyboardInterrupt):
    def __init__(self, summary: BatchSummary):
        super().__init__("interrupted")
        self.summary = summary


_QUEUED = object()


def _same_error(item: dict, path: str) -> dict:
    return {**item, "path": path, "message": item["message"].replace(item["path"], path)}


def _prepare(path: str, explicit: bool, options: BatchOptions, known: dict, known_errors: dict,
             seen_shas: dict, summary: BatchSummary, covered: array) -> dict | None:
    """Read and hash one file in the parent: ``None`` (skip), an error item, or a task for a worker."""
    fmt = detect_format(path)
    if fmt is None:
        if not os.path.lexists(path):
            return error_item({"path": path}, "unreadable", f"{path}: no such file or directory")
        return error_item({"path": path}, "unsupported",
                          f"{path}: no reader for extension {Path(path).suffix!r} "
                          f"(supported: {', '.join(sorted(EXTENSIONS))})")
    try:
        data = read_bytes(path, max_bytes=options.max_bytes)
    except FormatError as exc:
        # unreadable or enormous: no content hash (an enormous file is not read at all)
        if (path, "") in known_errors:
            summary.errors += 1
            summary.reasons[known_errors[(path, "")]] += 1
            return None
        return error_item({"path": path, "sha256": "", "format": fmt}, exc.reason, str(exc))
    sha = sha256_bytes(data)
    summary.bytes += len(data)
    doc_id = known.get(sha)
    if doc_id is not None:
        summary.skipped += 1
        covered.append(doc_id)
        return None
    if (path, sha) in known_errors:
        summary.errors += 1
        summary.reasons[known_errors[(path, sha)]] += 1
        return None
    digest = bytes.fromhex(sha)
    state = seen_shas.get(digest, _QUEUED)
    if state is _QUEUED:                # first time this run
        seen_shas[digest] = None
    elif state is None:                 # the first is still at a worker
        seen_shas[digest] = [path]
        return _QUEUED
    elif isinstance(state, list):
        state.append(path)
        return _QUEUED
    elif state == "doc":
        summary.duplicates += 1
        return None
    else:                               # the first was broken: so is this one
        return _same_error(state, path)
    return {"kind": "task", "path": path, "format": fmt, "sha256": sha, "data": data}


def print_summary(summary: BatchSummary, *, db: str, out: str | None = None, file=None) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=file or sys.stdout, highlight=False)
    t = Table(title="zhgov-extract batch", show_header=False)
    t.add_column("", style="bold")
    t.add_column("", justify="right")
    rows = [
        ("files found", summary.files), ("loaded", summary.loaded),
        ("already loaded (skipped)", summary.skipped), ("duplicate content (skipped)", summary.duplicates),
        ("failed", summary.errors), ("new error rows", summary.errors_new),
        ("ignored (unknown extension)", summary.ignored), ("mentions", summary.mentions),
        ("characters", summary.chars), ("workers", summary.workers),
        ("seconds", f"{summary.seconds:.1f}"), ("documents/s", f"{summary.docs_per_s:.1f}"),
        ("characters/s", f"{summary.chars_per_s:,.0f}"),
    ]
    for k, v in rows:
        t.add_row(k, str(v))
    for reason, n in sorted(summary.reasons.items()):
        t.add_row(f"  failed: {reason}", str(n), style="red")
    console.print(t)
    console.print(f"database: {_redact(db)}" + (f"   output: {out} ({summary.out_rows} rows)" if out else ""))
    if summary.errors:
        console.print("[red]some files failed: see the errors table "
                      "(SELECT source_path, reason, message FROM errors)[/red]")


def _redact(url: str) -> str:
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001
        return url


def _preload() -> None:
    """In a forkserver started by :class:`_PoolRunner`: build the Extractor before forking workers."""
    cfg = os.environ.get(_PRELOAD_ENV)
    if not cfg or mp.parent_process() is not None:
        return
    _tame_malloc()
    try:
        _extractor(json.loads(cfg))
    except Exception:  # noqa: BLE001 - the worker initializer reports the real error
        pass


_preload()
