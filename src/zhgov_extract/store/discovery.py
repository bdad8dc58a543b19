"""Batch discovery: inputs (files, folders, globs) → the files to read, each once, in a repeatable order."""
from __future__ import annotations

import glob
import os
from pathlib import Path
from typing import Iterable, Iterator

from zhgov_extract.read.formats import EXTENSIONS, detect_format

_GLOB_CHARS = set("*?[")


class NothingToRead(ValueError):
    """An input that names no file a reader handles: the batch does nothing (exit status 2)."""


class Unlistable(OSError):
    """A folder that cannot be listed: it becomes an ``errors`` row (reason ``unreadable``)."""


def discover(inputs: Iterable[str | Path], summary=None,
             empty: list | None = None) -> Iterator[tuple[str, object]]:
    """``(path, explicit)`` for every file of the inputs, each path once.

    Folders recurse (sorted, hidden entries skipped, only known extensions);
    glob patterns (``**`` allowed) expand the same way; a file named on the
    command line is taken whatever its extension (``explicit``) so an
    unsupported one is reported, not silently dropped.  A folder that cannot
    be listed comes as ``(folder, Unlistable(...))``.  Inputs that give nothing
    at all are appended to ``empty``.
    """
    seen: set[str] = set()

    def emit(p: str, explicit):
        key = os.path.abspath(p)
        if key in seen:
            return None
        seen.add(key)
        return (p, explicit)

    for inp in inputs:
        s = str(inp)
        n = 0
        if os.path.isdir(s):
            found = _walk(s, summary)
        elif os.path.lexists(s):
            found = [(s, True)]
        elif _GLOB_CHARS & set(s):
            found = _glob(s, summary)
        else:
            found = [(s, True)]    # reported as unreadable: no such file
        for f, explicit in found:
            n += 1
            if (r := emit(f, explicit)):
                yield r
        if not n and empty is not None:
            empty.append(s)


def _glob(pattern: str, summary=None) -> Iterator[tuple[str, object]]:
    for g in sorted(glob.glob(pattern, recursive=True)):
        if os.path.isdir(g):
            yield from _walk(g, summary)
        elif detect_format(g) is not None:
            yield g, False
        elif summary is not None:
            summary.ignored += 1


def _walk(root: str, summary=None) -> Iterator[tuple[str, object]]:
    failed: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=failed.append):
        while failed:
            exc = failed.pop()
            yield exc.filename or dirpath, Unlistable(f"{exc.filename or dirpath}: folder cannot be listed "
                                                      f"({exc.strerror or exc})")
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            if Path(name).suffix.lower() in EXTENSIONS:
                yield os.path.join(dirpath, name), False
            elif summary is not None:
                summary.ignored += 1
    for exc in failed:    # the root itself
        yield exc.filename or root, Unlistable(f"{exc.filename or root}: folder cannot be listed "
                                               f"({exc.strerror or exc})")


