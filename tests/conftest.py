"""Shared fixtures: the corpus, one Extractor per session."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


def corpus_files() -> list[Path]:
    files = sorted((CORPUS / "raw").glob("*.txt"))
    dev = CORPUS / "dev" / "raw"
    if dev.is_dir():
        files += sorted(dev.glob("*.txt"))
    return files


@pytest.fixture(scope="session")
def extractor():
    from zhgov_extract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def numeric_only():
    from zhgov_extract import Extractor

    return Extractor(components=["documents", "dates", "numeric"], tokenizer=None)


@pytest.fixture(scope="session")
def seeds_gold() -> dict:
    out = {}
    for line in (CORPUS / "gold" / "seeds.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            out[rec["doc_id"]] = rec
    return out

# ---------------------------------------------------------------------------
# batch / database fixtures (zhgov_extract.store.batch, .sinks): a throwaway PostgreSQL
# server and a generated multi-format corpus.  See tests/pg_fixture.py and
# tests/batch_corpus.py.
from pg_fixture import pg_url, postgres_server  # noqa: E402,F401
from batch_corpus import batch_corpus  # noqa: E402,F401
# --------------------------------------------------------- end batch fixtures
