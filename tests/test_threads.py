"""One Extractor shared by threads gives the same report as a sequential run.

Components keep no per-document state on shared objects (issue 12): a tagger
that stored one document's anchors on ``self`` gave different enterprise spans
for some documents when four threads shared it.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from conftest import CORPUS


def _files():
    files = sorted((CORPUS / "raw").glob("*.txt"))
    for d in sorted(CORPUS.glob("dev*")):
        if d.name in ("dev6", "dev7", "dev8"):
            continue  # blind sets: never read here
        files += sorted((d / "raw").glob("*.txt"))
    return files


def _key(report):
    return [(m.type, m.start, m.end, m.text, m.norm.model_dump_json() if hasattr(m.norm, "model_dump_json") else m.norm)
            for m in report.mentions]


def test_four_threads_agree_with_the_sequential_run(extractor):
    files = _files()
    assert len(files) >= 40
    texts = [f.read_text(encoding="utf-8") for f in files]
    sequential = [_key(extractor(t, doc_id=f.stem)) for f, t in zip(files, texts)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        for round_ in range(3):
            threaded = list(pool.map(lambda ft: _key(extractor(ft[1], doc_id=ft[0].stem)), zip(files, texts)))
            differing = [f.name for f, a, b in zip(files, sequential, threaded) if a != b]
            assert not differing, f"round {round_}: {differing}"
