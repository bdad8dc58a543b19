"""Read stage: bytes on disk → ``str`` exactly as the offsets will refer to it.

UTF-8 (with or without BOM) is tried first because it is unambiguous; anything
else goes to charset-normalizer, a maintained detector (GB2312/GBK are read as
their superset GB18030, Big5 as Big5), with a GB18030 check for short texts
that fool detectors.  The encoding used is kept in the report.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes


class ReadError(ValueError):
    """A file that cannot be turned into text; the message names the file."""


@dataclass(frozen=True)
class SourceText:
    text: str
    encoding: str
    path: str | None = None


def decode_bytes(data: bytes, *, name: str = "<bytes>") -> SourceText:
    """Decode report bytes. Raises :class:`ReadError` with the file name on failure."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return SourceText(data[3:].decode("utf-8"), "utf-8-sig", name)
        except UnicodeDecodeError as exc:
            raise ReadError(f"{name}: starts with a UTF-8 BOM but is not valid UTF-8 ({exc})") from exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return SourceText(data.decode("utf-16"), "utf-16", name)
        except UnicodeDecodeError as exc:
            raise ReadError(f"{name}: has a UTF-16 BOM but does not decode ({exc})") from exc
    if b"\x00" in data[:4096]:
        raise ReadError(f"{name}: looks binary (NUL bytes), not a text report")
    try:
        return SourceText(data.decode("utf-8"), "utf-8", name)
    except UnicodeDecodeError:
        pass
    # Not UTF-8: ask the detector.  Its answer is taken when it names a Chinese
    # encoding (GB2312/GBK are read as GB18030, their superset; Big5 as Big5).
    best = from_bytes(data).best()
    if best is not None and best.encoding.replace("_", "").lower() in _CHINESE:
        enc = "gb18030" if best.encoding.lower().startswith("gb") else best.encoding
        try:
            return SourceText(data.decode(enc), enc, name)
        except UnicodeDecodeError:
            pass
    # Short texts fool detectors (中核集团 in GBK reads as Korean cp949): a clean GB18030
    # decode that is mostly Chinese characters is the better answer for these reports.
    try:
        text = data.decode("gb18030")
        if _looks_like_text(text) and _cjk_share(text) >= 0.3:
            return SourceText(text, "gb18030", name)
    except UnicodeDecodeError:
        pass
    if best is None or not _looks_like_text(str(best)):
        raise ReadError(f"{name}: cannot be decoded as text (not UTF-8, GB18030 or any encoding the detector knows)")
    return SourceText(str(best), best.encoding, name)


_CHINESE = {"gb2312", "gbk", "gb18030", "big5", "big5hkscs", "hz", "cp936", "cp950"}


def _cjk_share(text: str) -> float:
    sample = [c for c in text[:5000] if not c.isspace()]
    if not sample:
        return 0.0
    return sum(1 for c in sample if "\u4e00" <= c <= "\u9fff") / len(sample)


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    bad = sum(1 for ch in text[:20000] if (ord(ch) < 32 and ch not in "\n\r\t\f") or ch == "\ufffd")
    return bad / min(len(text), 20000) < 0.01


def read_text(path: str | Path) -> SourceText:
    """Read a text report from disk (``.txt``/``.md``), detecting its encoding."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ReadError(f"{p}: cannot be read ({exc.strerror or exc})") from exc
    return decode_bytes(data, name=str(p))
