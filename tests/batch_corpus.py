"""A generated batch of reports in every format, with broken files of many kinds.

``make_corpus(root, n_good)`` writes ``n_good`` readable reports (txt in UTF-8,
UTF-8 with BOM and GB18030; md; docx; pdf; html in UTF-8 and GB2312) made from
the seed texts, spread over nested folders, plus ``BROKEN`` files that must
each become one errors row, plus files a folder walk must ignore (unknown
extensions, hidden files).  Every readable file has distinct bytes.

Used by tests/test_batch.py, tests/test_postgres.py and benchmarks/batch.py.
"""
from __future__ import annotations

import io
import os
import random
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests/data/formats"
sys.path.insert(0, str(ROOT / "scripts"))

from make_format_fixtures import make_html  # noqa: E402

SEEDS = sorted((ROOT / "corpus/raw").glob("*.txt")) + sorted((ROOT / "corpus/dev/raw").glob("*.txt"))
MAX_BYTES = 4 * 1024 * 1024   # the limit the tests run with, so "enormous" files stay cheap (sparse)

# format mix of the readable files (fractions of n_good)
MIX = [("txt", "utf-8", 0.25), ("txt", "utf-8-sig", 0.10), ("txt", "gb18030", 0.15), ("md", "utf-8", 0.10),
       ("docx", None, 0.15), ("pdf", None, 0.08), ("html", "utf-8", 0.12), ("html", "gb18030", 0.05)]


@dataclass
class Corpus:
    root: Path
    good: list[Path] = field(default_factory=list)
    broken: dict[Path, str] = field(default_factory=dict)   # path → expected reason
    ignored: list[Path] = field(default_factory=list)

    @property
    def n_files(self) -> int:
        return len(self.good) + len(self.broken)


def _seed_texts() -> list[str]:
    return [p.read_bytes().decode("utf-8-sig") for p in SEEDS]


def _excerpt(rng: random.Random, texts: list[str], i: int, lo: int = 300, hi: int = 1500) -> str:
    t = rng.choice(texts)
    lines = t.split("\n")
    a = rng.randrange(0, max(1, len(lines) - 5))
    out, n = [], 0
    target = rng.randint(lo, hi)
    for ln in lines[a:]:
        out.append(ln)
        n += len(ln) + 1
        if n >= target:
            break
    return f"文件编号：ZG-{i:05d}\n" + "\n".join(out).strip("\n") + "\n"


def _docx_bytes(text: str) -> bytes:
    import docx

    d = docx.Document()
    for line in text.split("\n"):
        d.add_paragraph(line)
    b = io.BytesIO()
    d.save(b)
    return b.getvalue()


def make_corpus(root: Path, n_good: int = 1000, seed: int = 7) -> Corpus:
    rng = random.Random(seed)
    texts = _seed_texts()
    pdfs = [(FIXTURES / n).read_bytes() for n in ("dev01.pdf", "seed003.pdf")]
    c = Corpus(root=Path(root))
    counts = [max(1, round(n_good * f)) for *_, f in MIX]
    counts[0] += n_good - sum(counts)
    plan = [(fmt, enc) for (fmt, enc, _), k in zip(MIX, counts) for _ in range(k)]
    rng.shuffle(plan)
    for i, (fmt, enc) in enumerate(plan):
        sub = c.root / f"region{i % 7}" / (f"y{2020 + i % 5}" if i % 3 else "")
        sub.mkdir(parents=True, exist_ok=True)
        text = _excerpt(rng, texts, i)
        ext = {"txt": ".txt", "md": ".md", "docx": ".docx", "pdf": ".pdf", "html": ".html"}[fmt]
        path = sub / f"report_{i:05d}{ext}"
        if fmt in ("txt", "md"):
            data = text.encode(enc)
        elif fmt == "docx":
            data = _docx_bytes(text)
        elif fmt == "pdf":
            # committed LibreOffice PDFs, made distinct by a trailing comment (readers ignore it)
            data = pdfs[i % 4 == 0] + f"\n%zhgov-test-variant {i}\n".encode()
        else:
            data = make_html(text, encoding=enc)
        path.write_bytes(data)
        c.good.append(path)

    bad = c.root / "broken"
    (bad / "deep" / "er").mkdir(parents=True, exist_ok=True)
    docx_ok = _docx_bytes(_excerpt(rng, texts, 99999))
    pdf_ok = pdfs[1]

    def put(name: str, data: bytes, reason: str):
        p = bad / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
        c.broken[p] = reason

    put("empty1.txt", b"", "empty")
    put("deep/empty2.txt", b"", "empty")
    put("blank.md", b"\n\n   \r\n\t\n", "empty")
    put("random.txt", bytes(rng.randrange(256) for _ in range(3000)) + b"\x00\x00", "binary")
    put("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary")
    put("archive.md", b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(500)), "binary")
    for k, frac in enumerate((0.3, 0.5, 0.8)):
        put(f"deep/er/cut{k}.pdf", pdf_ok[: int(len(pdf_ok) * frac)], "truncated")
    for k, frac in enumerate((0.4, 0.9)):
        put(f"cut{k}.docx", docx_ok[: int(len(docx_ok) * frac)], "truncated")
    zb = io.BytesIO()
    with zipfile.ZipFile(zb, "w") as zf:
        zf.writestr("hello.txt", "not a word document")
    put("notword.docx", zb.getvalue(), "corrupt")
    put("text.docx", "这是一个纯文本文件，扩展名却是docx。".encode(), "corrupt")
    put("text.pdf", "这不是PDF文件".encode(), "corrupt")
    put("garbage.pdf", b"%PDF-1.7\n" + bytes(rng.randrange(256) for _ in range(2000)) + b"\n%%EOF\n", "corrupt")
    # enormous: sparse files just over the limit (nothing is written to disk, nothing is read)
    for k in range(2):
        p = bad / f"huge{k}.txt"
        with open(p, "wb") as fh:
            fh.truncate(MAX_BYTES + 1 + k)
        c.broken[p] = "too_large"
    cut = "报告全文：全年地区生产总值增长5.3%。".encode()
    put("cut_utf8.txt", cut[:-2], "truncated")
    link = bad / "dangling.txt"
    os.symlink(bad / "does-not-exist.txt", link)
    c.broken[link] = "unreadable"
    put("scripts_only.html", b"<html><head><script>var a=1;</script></head><body><script>b()</script>"
                             b"<nav></nav></body></html>", "no_text")
    assert len(c.broken) == 20, len(c.broken)

    for name, data in ((".DS_Store", b"\x00\x01"), ("photo.jpg", b"\xff\xd8\xff\xe0"), ("table.xls", b"\xd0\xcf")):
        p = c.root / "region0" / name
        p.write_bytes(data)
        c.ignored.append(p)
    return c


try:
    import pytest
except ImportError:  # used by the benchmark too, without pytest
    pytest = None

if pytest is not None:
    @pytest.fixture(scope="session")
    def batch_corpus(tmp_path_factory) -> Corpus:
        """1,000 readable reports in every format plus 20 broken files (made once per session)."""
        return make_corpus(tmp_path_factory.mktemp("batch") / "in", 1000)


def file_sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def verify_database(url: str, corpus: Corpus) -> dict:
    """Assert the database holds exactly the corpus: every readable file once, every broken one as one
    error row with its reason, every document's rows complete and pointing at the right text.

    Returns ``{sha256: n_mentions}`` to compare one load with another."""
    import sqlalchemy as sa

    from zhgov_extract.store.sinks import make_engine

    engine = make_engine(url)
    try:
        with engine.connect() as c:
            errors = {p: r for p, r in c.execute(sa.text("SELECT source_path, reason FROM errors"))}
            n_err = c.execute(sa.text("SELECT count(*) FROM errors")).scalar()
            assert n_err == len(corpus.broken) == 20, (n_err, errors)
            assert errors == {str(p): r for p, r in corpus.broken.items()}

            docs = c.execute(sa.text("SELECT id, sha256, source_path, n_mentions, text FROM documents")).all()
            assert len(docs) == len(corpus.good)
            assert len({d.sha256 for d in docs}) == len(docs)
            assert {d.source_path for d in docs} == {str(p) for p in corpus.good}
            assert {d.sha256 for d in docs} == {file_sha256(p) for p in corpus.good}

            counts = dict(c.execute(sa.text("SELECT document_id, count(*) FROM mentions GROUP BY document_id")).all())
            text_of = {d.id: d.text for d in docs}
            for d in docs:
                assert counts.get(d.id, 0) == d.n_mentions, d.source_path
            assert sum(d.n_mentions for d in docs) > 10 * len(docs)
            bad = [(r.document_id, r.ordinal) for r in c.execute(sa.text(
                "SELECT document_id, ordinal, start_offset, end_offset, text FROM mentions"))
                   if text_of[r.document_id][r.start_offset:r.end_offset] != r.text]
            assert not bad, bad[:5]
            n_numeric = c.execute(sa.text(
                "SELECT count(*) FROM mentions WHERE type IN ('money', 'percent', 'quantity')")).scalar()
            assert c.execute(sa.text("SELECT count(*) FROM numbers")).scalar() == n_numeric
            orphans = c.execute(sa.text(
                "SELECT count(*) FROM numbers x LEFT JOIN mentions m ON m.document_id = x.document_id "
                "AND m.ordinal = x.mention_ordinal WHERE m.document_id IS NULL")).scalar()
            assert orphans == 0
            n_records = c.execute(sa.text("SELECT count(*) FROM records")).scalar()
            assert n_records == sum(c.execute(sa.text("SELECT n_records FROM documents")).scalars())
            ent_records = c.execute(sa.text("SELECT count(*) FROM records WHERE kind = 'enterprise'")).scalar()
            joined = c.execute(sa.text(
                "SELECT count(*) FROM enterprises e JOIN records r ON r.document_id = e.document_id "
                "AND r.ordinal = e.record_ordinal")).scalar()
            if ent_records:   # the enterprise component makes records: each is an enterprises row
                assert joined == ent_records == c.execute(sa.text("SELECT count(*) FROM enterprises")).scalar()
            verify_record_tables(c, text_of)
            return {d.sha256: d.n_mentions for d in docs}
    finally:
        engine.dispose()


def verify_record_tables(c, text_of: dict) -> None:
    """The typed record tables hold exactly the project/metric records, every offset on its text."""
    import sqlalchemy as sa

    for kind, table in (("project", "projects"), ("metric", "metrics")):
        n = c.execute(sa.text(f"SELECT count(*) FROM records WHERE kind = '{kind}'")).scalar()
        assert c.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar() == n
    for table in ("projects", "metrics", "project_owners", "project_investments"):
        text_col = "name" if table == "projects" else "text"
        for doc_id, a, b, text in c.execute(sa.text(
                f"SELECT document_id, start_offset, end_offset, {text_col} FROM {table}")):
            assert text_of[doc_id][a:b] == text, (table, doc_id, a, b, text)
    assert c.execute(sa.text("SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM document_paths p "
                             "WHERE p.document_id = d.id AND p.source_path = d.source_path)")).scalar() == 0


# --------------------------------------------------------- hand-built records
RECORD_TEXTS = [
    "海城市：中核集团投资的海城核能供热项目于2024年开工，总投资14.8亿元。地区生产总值增长5.3%。",
    "岫岩县：中核集团与岫岩县签约岫岩抽水蓄能电站项目，总投资80亿元。地区生产总值增长4.1%。",
]


def _ref(text: str, sub: str, after: int = 0) -> dict:
    a = text.index(sub, after)
    return {"start": a, "end": a + len(sub), "text": sub}


def record_reports():
    """Two Reports holding hand-built project and metric records (through the pydantic models),
    with the SourceDocuments they came from, for the typed tables and the example queries."""
    from zhgov_extract.models import MetricRecord, ProjectRecord, Report
    from zhgov_extract.read.formats import SourceDocument, sha256_bytes, text_sha256

    out = []
    for i, (text, county, code, project, status, money) in enumerate([
            (RECORD_TEXTS[0], "海城市", "210381", "海城核能供热项目", "started", ("14.8亿元", "1480000000")),
            (RECORD_TEXTS[1], "岫岩县", "210323", "岫岩抽水蓄能电站项目", "signed", ("80亿元", "8000000000"))]):
        owner = {**_ref(text, "中核集团"), "canonical": "中国核工业集团有限公司"}
        region = {"code": code, "name": county, "from_heading": True, **_ref(text, county)}
        rec = ProjectRecord.model_validate({
            "anchor": _ref(text, project), "owners": [owner],
            "investment": [{**_ref(text, money[0]), "value": money[1], "kind": "total"}],
            "region": region, "status": status,
            "status_text": _ref(text, "开工" if status == "started" else "签约"), "year": "2024"})
        pct = "5.3%" if i == 0 else "4.1%"
        metric = MetricRecord.model_validate({
            "anchor": _ref(text, pct), "type": "percent", "value": pct[:-1], "unit": "percent",
            "indicator": _ref(text, "地区生产总值"), "role": "change", "direction": "increase",
            "basis": "yoy", "period": "2024", "region": region})
        report = Report(doc_id=f"rec{i}", text_sha256=text_sha256(text), n_chars=len(text), records=[rec, metric])
        data = text.encode()
        src = SourceDocument(text=text, encoding="utf-8", path=f"records/rec{i}.txt", format="txt",
                             sha256=sha256_bytes(data), text_sha256=text_sha256(text), n_bytes=len(data))
        out.append((report, src))
    return out


def load_record_reports(url: str):
    """Write the hand-built reports through the batch's sink; returns its WriteResult."""
    from zhgov_extract.store.sinks import SqlSink, ensure_schema, make_engine, report_rows

    engine = make_engine(url)
    try:
        ensure_schema(engine)
        items = [{"kind": "doc", "rows": report_rows(r, s), "n_chars": r.n_chars, "n_mentions": 0}
                 for r, s in record_reports()]
        return SqlSink(engine).write(items)
    finally:
        engine.dispose()


def doc_queries() -> dict[str, str]:
    """The example queries of docs/database.md, by name (``-- query: NAME`` opens each)."""
    import re

    doc = (Path(__file__).parent.parent / "docs" / "database.md").read_text(encoding="utf-8")
    found = re.findall(r"-- query: (\w+)\n(.*?;)", doc, re.S)
    return {name: sql for name, sql in found}


def run_doc_queries(url: str) -> dict[str, list[tuple]]:
    """Run every example query of docs/database.md on ``url``; rows as tuples."""
    import sqlalchemy as sa

    from zhgov_extract.store.sinks import make_engine

    engine = make_engine(url)
    try:
        with engine.connect() as c:
            return {name: [tuple(r) for r in c.execute(sa.text(sql))] for name, sql in doc_queries().items()}
    finally:
        engine.dispose()


def check_doc_queries(url: str) -> None:
    """The three analyst queries give the hand-built records back, on any database."""
    res = run_doc_queries(url)
    assert set(res) == {"investment_by_county_status", "indicator_across_documents", "projects_of_enterprise"}
    by_county = {(r[0], r[1]): (r[2], float(r[3])) for r in res["investment_by_county_status"]}
    assert by_county[("海城市", "started")] == (1, 1.48e9)
    assert by_county[("岫岩县", "signed")] == (1, 8e9)
    values = sorted((r[0], r[4]) for r in res["indicator_across_documents"] if r[0].startswith("records/"))
    assert values == [("records/rec0.txt", "5.3"), ("records/rec1.txt", "4.1")]
    projects = [(r[0], r[1]) for r in res["projects_of_enterprise"] if r[0].startswith("records/")]
    assert projects == [("records/rec0.txt", "海城核能供热项目"), ("records/rec1.txt", "岫岩抽水蓄能电站项目")]
