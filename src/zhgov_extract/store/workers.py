"""Batch workers: the Extractor in worker processes (or on Dask), and the runners that feed them.

The unit of work is :func:`process_task`: one file's bytes → parsed, extracted
and turned into packed rows, or an error item — it never raises for a bad file.
:class:`_PoolRunner` keeps a bounded number of files out at local worker
processes and survives a worker dying (the files it had are run again one at a
time to find the culprit); :class:`_DaskRunner` does the same on a Dask cluster.
"""
from __future__ import annotations

import json
import multiprocessing as mp
import os
import signal
import sys
import threading
import time
import traceback
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from zhgov_extract.read.formats import DEFAULT_MAX_CHARS, FormatError, parse_bytes

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
    from zhgov_extract.store.rows import pack_rows, report_rows

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
        ctx.set_forkserver_preload(["zhgov_extract.store.workers", "zhgov_extract.pipeline", "zhgov_extract.store.rows"])
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
