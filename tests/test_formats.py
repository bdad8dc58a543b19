"""Readers by format: the text as the offsets refer to it, provenance, and refusals with reasons."""
from __future__ import annotations

import hashlib
import io
import re
import zipfile
from pathlib import Path

import pytest
from rapidfuzz.distance import Levenshtein

from zhgov_extract.read.formats import (FormatError, SourceDocument, detect_format, parse_bytes, read_document,
                                   text_sha256)
from zhgov_extract.pipeline import Extractor

FIX = Path(__file__).parent / "data" / "formats"
SEED = (FIX / "seed003.txt").read_text(encoding="utf-8")
DEV01 = (FIX / "dev01.txt").read_text(encoding="utf-8")
_WS = re.compile(r"\s+")


def nows(s: str) -> str:
    return _WS.sub("", s)


@pytest.mark.parametrize("encoding,expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gb18030", "gb18030"), ("gbk", "gb18030"),
    ("utf-16", "utf-16"),
])
@pytest.mark.parametrize("ext", [".txt", ".md"])
def test_plain_text_encodings(tmp_path, encoding, expected, ext):
    p = tmp_path / f"r{ext}"
    data = SEED.encode(encoding)
    p.write_bytes(data)
    d = read_document(p)
    assert d.text == SEED
    assert d.encoding == expected
    assert d.format == ext[1:]
    assert d.path == str(p)
    assert d.sha256 == hashlib.sha256(data).hexdigest()
    assert d.text_sha256 == hashlib.sha256(SEED.encode()).hexdigest()
    assert d.n_bytes == len(data)


def test_docx_text_is_the_seed():
    d = read_document(FIX / "seed003.docx")
    assert d.format == "docx" and d.encoding == "utf-8"
    assert d.text == SEED


def test_docx_tables_in_body_order(tmp_path):
    import docx

    doc = docx.Document()
    doc.add_paragraph("表1 主要指标")
    t = doc.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "指标", "增长"
    t.cell(1, 0).text, t.cell(1, 1).text = "地区生产总值", "5.3%"
    doc.add_paragraph("全年固定资产投资增长4.1%。")
    p = tmp_path / "t.docx"
    doc.save(p)
    assert read_document(p).text == "表1 主要指标\n指标\t增长\n地区生产总值\t5.3%\n全年固定资产投资增长4.1%。"


@pytest.mark.parametrize("name,ref", [("seed003", SEED), ("dev01", DEV01)])
def test_pdf_text_layer(name, ref):
    d = read_document(FIX / f"{name}.pdf")
    assert d.format == "pdf" and d.encoding is None
    # layout wraps lines, so compare without whitespace: every character, in order
    assert nows(d.text) == nows(ref)
    assert Levenshtein.normalized_similarity(d.text, ref) > 0.95


@pytest.mark.parametrize("name,ref", [("seed003", SEED), ("dev01", DEV01)])
def test_html_main_text_without_navigation(name, ref):
    d = read_document(FIX / f"{name}.html")
    assert d.format == "html" and d.encoding == "utf-8"
    assert Levenshtein.normalized_similarity(nows(d.text), nows(ref)) > 0.99
    for furniture in ("网站标识码", "相关新闻", "当前位置", "无障碍", "主办单位", "var _hmt"):
        assert furniture not in d.text


def test_html_declared_gb2312(tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    from make_format_fixtures import make_html

    p = tmp_path / "gb.htm"
    make_html(DEV01, p, encoding="gb18030")
    assert b'charset="gb2312"' in p.read_bytes()
    d = read_document(p)
    assert d.encoding == "gb18030"
    assert nows(DEV01)[:200] in nows(d.text)


def test_source_document_is_a_source_text_for_the_extractor():
    d = read_document(FIX / "seed003.pdf")
    assert isinstance(d, SourceDocument)
    r = Extractor(tokenizer=None)(d.text, doc_id="seed003", source=d)
    assert r.source_path == d.path and r.encoding is None
    assert r.text_sha256 == d.text_sha256 == text_sha256(d.text)
    assert r.mentions and all(d.text[m.start:m.end] == m.text for m in r.mentions)


def test_detect_format():
    assert detect_format("a/B.HTM") == "html"
    assert detect_format("x.markdown") == "md"
    assert detect_format("x.doc") is None


def _zip(**files: str) -> bytes:
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w") as z:
        for k, v in files.items():
            z.writestr(k, v)
    return b.getvalue()


PDF = (FIX / "dev01.pdf").read_bytes()
DOCX = (FIX / "dev01.docx").read_bytes()


@pytest.mark.parametrize("name,data,reason", [
    ("e.txt", b"", "empty"),
    ("e.md", b" \n\r\n\t", "empty"),
    ("b.txt", b"abc\x00\x01\x02" * 100, "binary"),
    ("png.txt", b"\x89PNG\r\n\x1a\n" + b"x" * 100, "binary"),
    ("pdf.txt", PDF, "binary"),
    ("cut.txt", "增长百分之五".encode()[:-1], "truncated"),
    ("cut.pdf", PDF[: len(PDF) // 2], "truncated"),
    ("cut.docx", DOCX[: len(DOCX) // 2], "truncated"),
    ("zip.docx", _zip(**{"a.txt": "x"}), "corrupt"),
    ("txt.docx", "纯文本".encode(), "corrupt"),
    ("txt.pdf", "纯文本".encode(), "corrupt"),
    ("nohtml.html", "只是文字，没有标记".encode(), "corrupt"),
    ("script.html", b"<html><body><script>x()</script></body></html>", "no_text"),
    ("x.doc", b"\xd0\xcf\x11\xe0", "unsupported"),
])
def test_refusals_have_reasons(name, data, reason):
    with pytest.raises(FormatError) as ei:
        parse_bytes(data, name)
    assert ei.value.reason == reason, str(ei.value)
    assert name in str(ei.value)


def test_pdf_without_text_layer(tmp_path):
    # a one-page PDF with no text (what a scanned page looks like to a text-layer reader)
    import pypdfium2

    pdf = pypdfium2.PdfDocument.new()
    pdf.new_page(595, 842)
    buf = io.BytesIO()
    pdf.save(buf)
    with pytest.raises(FormatError) as ei:
        parse_bytes(buf.getvalue(), "scan.pdf")
    assert ei.value.reason == "no_text"


def test_too_large_is_refused_unread(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:
        fh.truncate(10_000_001)
    with pytest.raises(FormatError) as ei:
        read_document(p, max_bytes=10_000_000)
    assert ei.value.reason == "too_large"
    with pytest.raises(FormatError) as ei:
        parse_bytes(("长" * 101).encode(), "long.txt", max_chars=100)
    assert ei.value.reason == "too_large"


def test_unreadable(tmp_path):
    with pytest.raises(FormatError) as ei:
        read_document(tmp_path / "missing.txt")
    assert ei.value.reason == "unreadable"
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(FormatError) as ei:
        read_document(tmp_path / "dir.txt")
    assert ei.value.reason == "unreadable"


# ------------------------------------------------ one reader: encodings and stray bytes
SHORT = ["中核集团", "鞍山", "国资委", "增长5%", "总投资14.8亿元", "鴻海精密"]


@pytest.mark.parametrize("text", SHORT)
@pytest.mark.parametrize("encoding,expected", [("gbk", "gb18030"), ("utf-16-le", "utf-16-le"),
                                               ("utf-16-be", "utf-16-be")])
def test_short_texts_do_not_depend_on_the_detector(monkeypatch, text, encoding, expected):
    """Short GBK (and BOM-less UTF-16) is decided by plausibility, never by charset-normalizer's guess."""
    from zhgov_extract.read import encoding as enc_mod

    def wrong_guess(data):  # what charset-normalizer 3.4.7 answered for 中核集团 in GBK
        raise AssertionError("the detector must not decide a plausible Chinese decode")

    monkeypatch.setattr(enc_mod, "_detector", wrong_guess)
    src = enc_mod.decode_bytes(text.encode(encoding), name="short.txt")
    assert (src.text, src.encoding) == (text, expected)


def test_big5_beats_a_gb18030_misreading():
    from zhgov_extract.read.encoding import decode_bytes

    tw = "台北市政府與鴻海精密工業股份有限公司簽約，投資新台幣100億元。"
    src = decode_bytes(tw.encode("big5"), name="tw.txt")
    assert (src.text, src.encoding) == (tw, "big5")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(tmp_path, encoding):
    p = tmp_path / "u16.txt"
    p.write_bytes(SEED.encode(encoding))
    d = read_document(p)
    assert (d.text, d.encoding, d.warnings) == (SEED, encoding, ())


@pytest.mark.parametrize("stray,what", [
    ("\ud800\udfff".encode("utf-8", "surrogatepass"), "undecodable"),  # 6 bytes of encoded surrogates
    (b"\x00\x00", "NUL"),
    (b"\xff", "undecodable"),
])
def test_a_few_bad_bytes_lose_nothing_but_themselves(tmp_path, stray, what):
    cut = len(SEED.encode()[:3000].decode("utf-8", "ignore").encode())   # a character boundary
    data = SEED.encode()[:cut] + stray + SEED.encode()[cut:]
    p = tmp_path / "stray.txt"
    p.write_bytes(data)
    d = read_document(p)
    assert d.encoding == "utf-8"
    assert len(d.warnings) == 1 and what in d.warnings[0] and "stray.txt" in d.warnings[0]
    head = SEED.encode()[:cut].decode()
    assert d.text.startswith(head) and d.text.endswith(SEED[len(head):])
    assert set(d.text[len(head):len(d.text) - len(SEED) + len(head)]) == {"\ufffd"}
    report = Extractor(tokenizer=None).extract_file(p)
    assert report.warnings[:1] == list(d.warnings)
    assert all(d.text[m.start:m.end] == m.text for m in report.mentions)


def test_gb18030_with_a_damaged_byte(tmp_path):
    data = SEED.encode("gb18030")
    data = data[:400] + b"\xff" + data[400:]
    d = parse_bytes(data, "g.txt")
    assert d.encoding == "gb18030" and "undecodable" in d.warnings[0]
    assert d.text.count("\ufffd") == 1


def test_many_bad_bytes_are_still_refused():
    with pytest.raises(FormatError) as e:
        parse_bytes(SEED.encode("utf-8")[:2000] + bytes(range(128, 256)) * 4, "bad.txt")
    assert e.value.reason in ("decode", "binary")


def test_extension_unknown_is_read_by_its_bytes(tmp_path):
    p = tmp_path / "report"
    p.write_bytes((FIX / "seed003.pdf").read_bytes())
    assert read_document(p).format == "pdf"
    p.write_bytes(SEED.encode("gbk"))
    assert (read_document(p).format, read_document(p).text) == ("txt", SEED)
