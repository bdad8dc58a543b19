"""Readers by file type: bytes on disk → :class:`SourceDocument` (text + provenance).

Each reader returns the document text exactly as the mention offsets will refer
to it, plus where it came from: the path, the format, the encoding the text was
decoded with (``None`` for PDF, whose text layer has none), the SHA-256 of the
file's bytes (the *content hash* a batch uses to skip what it already loaded)
and the SHA-256 of the text.

Failures raise :class:`FormatError`, a :class:`~zhgov_extract.read.encoding.ReadError`
with a short machine-readable ``reason`` (``unreadable``, ``binary``, ``empty``,
``truncated``, ``too_large``, ``corrupt``, ``no_text``, ``unsupported``,
``decode``) so a batch can file it in its errors table and carry on.

========  =====================================================================
format    reader
========  =====================================================================
txt, md   :func:`zhgov_extract.read.encoding.decode_bytes` (BOM, UTF-8, GB18030/GBK, Big5, UTF-16)
docx      python-docx: body paragraphs and tables in document order (cells tab-separated)
pdf       pdfplumber's text layer, pages separated by form feeds (chosen by measurement:
          see docs/batch.md and ``benchmarks/pdf_readers.py``)
html      readability-lxml's main block (navigation, headers, sidebars, footers dropped;
          chosen over trafilatura by measurement, see docs/batch.md), one line per block
========  =====================================================================
"""
from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from zhgov_extract.read.encoding import ReadError, SourceText, decode_bytes

DEFAULT_MAX_BYTES = 64 * 1024 * 1024   # a file larger than this is refused unread
DEFAULT_MAX_CHARS = 2_000_000          # a text longer than this is refused before extraction

EXTENSIONS: dict[str, str] = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
    ".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html", ".xhtml": "html",
}

# Leading bytes of formats that must never be read as text.
_BINARY_MAGIC = (
    b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"\x7fELF",
    b"\xd0\xcf\x11\xe0", b"Rar!", b"7z\xbc\xaf", b"BZh", b"\x00\x00\x00",
)


class FormatError(ReadError):
    """A file that cannot be read as a report; ``reason`` is a short code for the errors table."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class SourceDocument(SourceText):
    """A :class:`~zhgov_extract.read.encoding.SourceText` with the provenance a batch keeps."""

    format: str = "txt"
    sha256: str = ""        # of the file's bytes: the content hash
    text_sha256: str = ""   # of the UTF-8 text (what Report.text_sha256 holds)
    n_bytes: int = 0


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def detect_format(path: str | Path) -> str | None:
    """The format a file's extension names, or ``None`` for an extension no reader handles."""
    return EXTENSIONS.get(Path(path).suffix.lower())


def sniff_format(data: bytes) -> str:
    """The format the bytes themselves show, for a file whose extension names none."""
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04") and b"word/" in data[:65536]:
        return "docx"
    if re.match(rb"(?i)(<!doctype html|<html|<\?xml[^>]*>\s*<html)", head.lstrip(b"\xef\xbb\xbf")):
        return "html"
    return "txt"


def read_document(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
                  max_chars: int = DEFAULT_MAX_CHARS, fmt: str | None = None) -> SourceDocument:
    """Read one report file of any supported format: the one reader of the library.

    ``extract``, :meth:`~zhgov_extract.pipeline.Extractor.extract_file`, ``eval`` and
    ``batch`` all read through here, so offsets mean the same everywhere.  A file whose
    extension names no format is read by what its bytes are (PDF, .docx, HTML, else text).
    """
    p = Path(path)
    data = read_bytes(p, max_bytes=max_bytes)
    fmt = fmt or detect_format(p) or sniff_format(data)
    return parse_bytes(data, str(p), fmt=fmt, max_chars=max_chars)


def read_bytes(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes; a file over ``max_bytes`` is refused without being read."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise FormatError("too_large", f"{p}: {size} bytes, over the limit of {max_bytes}")
        with open(p, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except FormatError:
        raise
    except OSError as exc:
        raise FormatError("unreadable", f"{p}: cannot be read ({exc.strerror or exc})") from exc
    if len(data) > max_bytes:   # grew while we looked
        raise FormatError("too_large", f"{p}: over the limit of {max_bytes} bytes")
    return data


def parse_bytes(data: bytes, path: str, *, fmt: str | None = None,
                max_chars: int = DEFAULT_MAX_CHARS) -> SourceDocument:
    """Turn a file's bytes into a :class:`SourceDocument`; ``fmt`` defaults to the extension's."""
    fmt = fmt or detect_format(path)
    if fmt is None:
        raise FormatError("unsupported", f"{path}: no reader for extension {Path(path).suffix!r}")
    if not data:
        raise FormatError("empty", f"{path}: empty file (0 bytes)")
    reader = _READERS[fmt]
    try:
        text, encoding, warnings = reader(data, path)
    except FormatError:
        raise
    except ReadError as exc:
        raise FormatError(_reason_of(str(exc)), str(exc)) from exc
    except MemoryError as exc:
        raise FormatError("too_large", f"{path}: out of memory while reading") from exc
    except Exception as exc:  # a library's own parse error: the file is damaged
        raise FormatError("corrupt", f"{path}: cannot be parsed as {fmt} ({type(exc).__name__}: {exc})") from exc
    if not text.strip():
        reason = "no_text" if fmt in ("pdf", "docx", "html") else "empty"
        raise FormatError(reason, f"{path}: no text" + (" layer (scanned PDF?)" if fmt == "pdf" else ""))
    if len(text) > max_chars:
        raise FormatError("too_large", f"{path}: {len(text)} characters, over the limit of {max_chars}")
    return SourceDocument(text=text, encoding=encoding, path=path, format=fmt,
                          sha256=sha256_bytes(data), text_sha256=text_sha256(text),
                          n_bytes=len(data), warnings=tuple(warnings))


def _reason_of(message: str) -> str:
    if "truncated" in message:
        return "truncated"
    if "binary" in message:
        return "binary"
    if "cannot be read" in message:
        return "unreadable"
    return "decode"


# -------------------------------------------------------------------- text
def _read_plain(data: bytes, path: str):
    head = data[:8]
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) and head.startswith(_BINARY_MAGIC):
        raise FormatError("binary", f"{path}: looks binary (magic bytes {head[:4]!r}), not a text report")
    src = decode_bytes(data, name=path)
    return src.text, src.encoding, list(src.warnings)


# -------------------------------------------------------------------- docx
def _read_docx(data: bytes, path: str):
    if not data.startswith(b"PK"):
        raise FormatError("corrupt", f"{path}: not a .docx (no ZIP signature)")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        truncated = b"PK\x05\x06" not in data[-66000:]
        raise FormatError("truncated" if truncated else "corrupt",
                          f"{path}: " + ("truncated .docx (ZIP directory missing)" if truncated
                                         else f"damaged .docx ({exc})")) from exc
    try:
        bad = zf.testzip()
    except Exception as exc:
        raise FormatError("corrupt", f"{path}: damaged .docx ({exc})") from exc
    if bad is not None:
        raise FormatError("corrupt", f"{path}: damaged .docx (bad CRC in {bad})")
    if "word/document.xml" not in zf.namelist():
        raise FormatError("corrupt", f"{path}: a ZIP file but not a Word document (no word/document.xml)")

    import docx  # python-docx
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(_docx_paragraph_text(child))
        elif child.tag == qn("w:tbl"):
            for row in child.iter(qn("w:tr")):
                cells = []
                for tc in row.iterchildren(qn("w:tc")):
                    cells.append(" ".join(_docx_paragraph_text(p) for p in tc.iterchildren(qn("w:p"))).strip())
                lines.append("\t".join(cells))
    return "\n".join(lines), "utf-8", []


def _docx_paragraph_text(p) -> str:
    from docx.oxml.ns import qn

    out = []
    for el in p.iter():
        tag = el.tag
        if tag == qn("w:t"):
            out.append(el.text or "")
        elif tag == qn("w:tab"):
            out.append("\t")
        elif tag in (qn("w:br"), qn("w:cr")):
            out.append("\n")
    return "".join(out)


# --------------------------------------------------------------------- pdf
def _read_pdf(data: bytes, path: str):
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise FormatError("corrupt", f"{path}: not a PDF (no %PDF header)")
    if b"%%EOF" not in data[-2048:]:
        raise FormatError("truncated", f"{path}: truncated PDF (no %%EOF marker at the end)")
    import logging

    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pages: list[str] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                pages.append(page.extract_text() or "")
                page.close()   # drop the page's parsed objects: memory stays flat on long PDFs
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise FormatError("unreadable", f"{path}: encrypted PDF ({type(exc).__name__})") from exc
    except Exception as exc:
        raise FormatError("corrupt", f"{path}: damaged PDF ({type(exc).__name__}: {exc})") from exc
    return "\f".join(pages), None, []


# -------------------------------------------------------------------- html
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_HTML_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030"}


def decode_html(data: bytes, path: str) -> SourceText:
    """HTML bytes → str: BOM, then the ``<meta charset>``, then :func:`decode_bytes`."""
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:   # valid UTF-8 with non-ASCII is UTF-8, whatever the page declares (often wrongly)
            text = data.decode("utf-8")
            if not text.isascii():
                return SourceText(text, "utf-8", path)
        except UnicodeDecodeError:
            pass
        m = _META_CHARSET.search(data[:4096])
        if m:
            declared = m.group(1).decode("ascii").lower()
            enc = _HTML_ALIASES.get(declared, declared)
            try:
                return SourceText(data.decode(enc), enc, path)
            except (LookupError, UnicodeDecodeError):
                pass   # the declaration lies: detect instead
    return decode_bytes(data, name=path)


def _read_html(data: bytes, path: str):
    src = decode_html(data, path)
    html, encoding = src.text, src.encoding
    if not re.search(r"<\s*(html|body|div|p|article|h\d|table|br)\b", html[:200000], re.I):
        raise FormatError("corrupt", f"{path}: no HTML markup")
    text = _html_main_text(html)
    return text, encoding, list(src.warnings)


_BLOCK_TAGS = {"p", "div", "section", "article", "li", "ul", "ol", "tr", "table", "tbody", "thead", "h1", "h2",
               "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt", "dl", "center", "header", "footer",
               "figure", "figcaption", "form", "hr"}
_CELL_TAGS = {"td", "th"}


def _html_main_text(html: str) -> str:
    """The article of a page: readability-lxml picks the main block, we turn it into lines of text."""
    import lxml.html
    from readability import Document

    try:
        summary = Document(html).summary(html_partial=True)
        text = _block_text(lxml.html.fromstring(summary)) if summary and summary.strip() else ""
    except Exception:  # noqa: BLE001 - readability gives up on some pages: fall back
        text = ""
    if len(text.strip()) < 20:
        return _html_fallback_text(html)
    title = _html_title(html)
    if title and title not in text[: len(title) + 200]:
        text = title + "\n" + text        # the heading is often outside the article block
    return text


def _block_text(root) -> str:
    """Text of an element tree, one line per block element, table cells tab-separated."""
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "br":
            el.tail = "\n" + (el.tail or "")
        elif tag in _BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
        elif tag in _CELL_TAGS:
            el.tail = "\t" + (el.tail or "")
    lines = []
    for line in root.text_content().split("\n"):
        cells = [" ".join(c.split()) for c in line.rstrip("\t").split("\t")]
        line = "\t".join(cells).strip()
        if line:
            lines.append(line)
    return "\n".join(lines)


def _html_title(html: str) -> str | None:
    """The page's heading: an <h1>, else an <h2>/<h3> whose text the <title> starts with."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except Exception:  # noqa: BLE001
        return None
    page_title = " ".join((tree.findtext(".//title") or "").split())
    for tag in ("h1", "h2", "h3"):
        for el in tree.iter(tag):
            t = " ".join(el.text_content().split())
            if t and (tag == "h1" or (page_title and page_title.startswith(t))):
                return t
    return None


def _html_fallback_text(html: str) -> str:
    """Body text minus scripts, styles and the usual page furniture."""
    import lxml.html

    tree = lxml.html.fromstring(html)
    for el in tree.xpath("//script|//style|//noscript|//nav|//header|//footer|//aside|//form"):
        el.drop_tree()
    body = tree.find("body")
    return _block_text(body if body is not None else tree)


_READERS = {"txt": _read_plain, "md": _read_plain, "docx": _read_docx, "pdf": _read_pdf, "html": _read_html}
