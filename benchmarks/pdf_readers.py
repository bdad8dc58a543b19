#!/usr/bin/env python3
"""Which PDF text-layer library reads government reports best?  (run by hand)

    python benchmarks/pdf_readers.py [--keep DIR]

Makes PDFs from every seed text (``corpus/raw`` and ``corpus/dev/raw``) with
LibreOffice (seed → .docx → .pdf, Noto CJK fonts, Debian's
``libreoffice-writer-nogui fonts-noto-cjk``), extracts the text layer with each
candidate library and scores it against the seed by character-level similarity
(1 − normalised Levenshtein distance, rapidfuzz):

* ``sim``      the text as extracted vs the seed, whitespace included;
* ``sim_nows`` both with all whitespace removed (what the extractor's mentions
  depend on; line wrapping by the layout is not the library's fault);
* ``cjk_lost`` CJK characters of the seed missing from the output (multiset);
* ``ms/doc``   mean extraction time.

Libraries not installed are skipped.
"""
from __future__ import annotations

import argparse
import io
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from make_format_fixtures import make_docx, make_pdfs, seed_text  # noqa: E402


def _pypdf(data: bytes) -> str:
    import pypdf

    r = pypdf.PdfReader(io.BytesIO(data))
    return "\f".join((p.extract_text() or "").strip("\n") for p in r.pages)


def _pdfplumber(data: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\f".join(p.extract_text() or "" for p in pdf.pages)


def _pdfminer(data: bytes) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data))


def _pymupdf(data: bytes) -> str:
    import pymupdf

    with pymupdf.open(stream=data, filetype="pdf") as doc:
        return "\f".join(p.get_text() for p in doc)


def _pypdfium2(data: bytes) -> str:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    try:
        return "\f".join(pdf[i].get_textpage().get_text_bounded() for i in range(len(pdf)))
    finally:
        pdf.close()


READERS = {"pypdf": _pypdf, "pdfplumber": _pdfplumber, "pdfminer.six": _pdfminer,
           "pymupdf": _pymupdf, "pypdfium2": _pypdfium2}
_WS = re.compile(r"\s+")
_CJK = re.compile(r"[\u3400-\u9fff]")


def score(text: str, ref: str) -> dict:
    from rapidfuzz.distance import Levenshtein

    a, b = _WS.sub("", text), _WS.sub("", ref)
    lost = Counter(_CJK.findall(ref)) - Counter(_CJK.findall(text))
    return {"sim": Levenshtein.normalized_similarity(text.replace("\f", "\n"), ref),
            "sim_nows": Levenshtein.normalized_similarity(a, b),
            "cjk_lost": sum(lost.values())}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--keep", type=Path, help="write the PDFs here instead of a temporary folder")
    args = ap.parse_args(argv)
    seeds = sorted((ROOT / "corpus/raw").glob("*.txt")) + sorted((ROOT / "corpus/dev/raw").glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        refs = {}
        docxs = []
        for s in seeds:
            refs[s.stem] = seed_text(s)
            docxs.append(make_docx(refs[s.stem], work / f"{s.stem}.docx"))
        pdfs = make_pdfs(docxs, work)
        print(f"{len(pdfs)} PDFs from the seeds ({sum(len(t) for t in refs.values())} characters)\n")
        rows = []
        for name, fn in READERS.items():
            try:
                fn(pdfs[0].read_bytes())
            except ImportError:
                print(f"{name}: not installed, skipped")
                continue
            sims, nows, lost, times = [], [], 0, []
            for pdf in pdfs:
                data = pdf.read_bytes()
                t = time.perf_counter()
                text = fn(data)
                times.append(time.perf_counter() - t)
                sc = score(text, refs[pdf.stem])
                sims.append(sc["sim"])
                nows.append(sc["sim_nows"])
                lost += sc["cjk_lost"]
            rows.append((name, statistics.mean(sims), min(sims), statistics.mean(nows), min(nows), lost,
                         1000 * statistics.mean(times)))
        print(f"{'library':14} {'sim mean':>9} {'sim min':>8} {'nows mean':>10} {'nows min':>9} {'cjk_lost':>9} {'ms/doc':>8}")
        for r in sorted(rows, key=lambda r: (-r[3], -r[1])):
            print(f"{r[0]:14} {r[1]:9.4f} {r[2]:8.4f} {r[3]:10.4f} {r[4]:9.4f} {r[5]:9d} {r[6]:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
