"""Read stage: bytes on disk → ``str`` exactly as the offsets will refer to it.

UTF-8 (with or without BOM) is tried first because it is unambiguous; anything
else goes to charset-normalizer, a maintained detector, whose answer is kept in
the report so a user can see how a file was decoded.
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
    # Chinese government files that are not UTF-8 are nearly always GB2312/GBK/GB18030;
    # GB18030 is a superset of both, so a clean GB18030 decode is the right answer.
    try:
        text = data.decode("gb18030")
        if _looks_like_text(text):
            return SourceText(text, "gb18030", name)
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or not _looks_like_text(str(best)):
        raise ReadError(f"{name}: cannot be decoded as text (not UTF-8, GB18030 or any encoding the detector knows)")
    return SourceText(str(best), best.encoding, name)


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
