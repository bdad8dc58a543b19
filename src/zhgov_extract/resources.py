"""Locate the data that ships with the package (rules and gazetteers).

In a wheel the top-level ``rules/`` and ``gazetteers/`` folders are installed as
``zhgov_extract/_data/…``; in a source checkout they are read from the repo root.
Either way the user edits plain YAML/TSV files and no code.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PKG = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def data_dir(kind: str) -> Path:
    """Return the folder holding ``kind`` ("rules" or "gazetteers")."""
    for candidate in (_PKG / "_data" / kind, _PKG.parents[1] / kind):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"zhgov_extract data folder {kind!r} not found (looked in {_PKG / '_data'} and the source tree)"
    )


def rules_path(name: str) -> Path:
    return data_dir("rules") / name


def gazetteer_path(name: str) -> Path:
    return data_dir("gazetteers") / name
