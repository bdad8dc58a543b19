"""Read stage: bytes on disk → ``str`` exactly as the offsets will refer to it.

The encoding is decided by what the bytes are, not by a detector's guess:

1. a BOM (UTF-8, UTF-16) decides;
2. UTF-8 is tried next because it is unambiguous — and a UTF-8 text with a few
   bad bytes (encoded surrogates, stray NULs, a damaged sector) stays UTF-8: the
   bad bytes become U+FFFD, one character each, with a warning, instead of the
   whole report being lost;
3. otherwise every strict decode among GB18030 (GBK/GB2312's superset), Big5
   and UTF-16 without a BOM is scored by how plausible its text is (the share
   of characters that are ASCII, CJK punctuation or among the frequent hanzi of
   GB2312 level 1 / Big5 level 1), and the best wins, GB18030 on a tie.  A
   wrong decode of Chinese bytes lands on rare characters, so this holds for
   two-character texts where statistical detectors disagree between versions
   (charset-normalizer 3.4.7 reads ``中核集团`` in GBK as ``笢瞄摩芶``);
4. charset-normalizer only for what is none of these (a Latin-1 file, …).

The encoding used is kept in the report; warnings travel with the text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path


class ReadError(ValueError):
    """A file that cannot be turned into text; the message names the file."""


@dataclass(frozen=True)
class SourceText:
    text: str
    encoding: str | None
    path: str | None = None
    warnings: tuple[str, ...] = field(default=())


# At most this share of a file's bytes may be undecodable (replaced by U+FFFD) before the
# file counts as being in another encoding (or no text at all).
STRAY_SHARE = 0.005
# A decode this plausible or better is taken without asking the detector.
PLAUSIBLE = 0.8


def decode_bytes(data: bytes, *, name: str = "<bytes>") -> SourceText:
    """Decode report bytes. Raises :class:`ReadError` with the file name on failure."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _utf8(data[3:], "utf-8-sig", name, required=True)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return SourceText(data.decode("utf-16"), "utf-16", name)
        except UnicodeDecodeError as exc:
            raise ReadError(f"{name}: has a UTF-16 BOM but does not decode ({exc})") from exc
    nuls = data.count(0)
    if nuls:
        utf16 = _utf16_without_bom(data, name)
        if utf16 is not None:
            return utf16
        if nuls > max(1, len(data) * STRAY_SHARE):
            raise ReadError(f"{name}: looks binary ({nuls} NUL bytes), not a text report")
    src = _utf8(data, "utf-8", name, required=False)
    if src is not None:
        return src
    best = _best_chinese(data)
    if best is not None and best[0] >= PLAUSIBLE:
        return _with_nul_warning(SourceText(best[1], best[2], name), name)
    guess = _detector(data)
    if guess is not None:
        return _with_nul_warning(SourceText(guess[0], guess[1], name), name)
    if best is not None and best[0] >= 0.5:
        return _with_nul_warning(SourceText(best[1], best[2], name), name)
    stray = _gb18030_with_strays(data, name)
    if stray is not None:
        return stray
    if nuls:
        raise ReadError(f"{name}: looks binary (NUL bytes), not a text report")
    raise ReadError(f"{name}: cannot be decoded as text (not UTF-8, GB18030, Big5, UTF-16 "
                    f"or any encoding the detector knows)")


# ------------------------------------------------------------------- UTF-8
def _utf8(data: bytes, encoding: str, name: str, *, required: bool) -> SourceText | None:
    """UTF-8, allowing a few undecodable bytes (replaced); ``None`` when it is not UTF-8 at all."""
    try:
        return _with_nul_warning(SourceText(data.decode("utf-8"), encoding, name), name)
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end == len(data) and _valid_utf8(data[:exc.start]):
            # cut inside the final character: a truncated file, not a stray byte
            raise ReadError(f"{name}: UTF-8 text cut in the middle of a character (last "
                            f"{len(data) - exc.start} bytes incomplete): truncated file?") from None
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if bad <= max(1, len(data) * STRAY_SHARE) and multibyte >= 10 * bad:
        first = text.index("\ufffd")
        return _with_nul_warning(SourceText(text, encoding, name, (
            f"{name}: {bad} undecodable byte sequence(s) replaced by U+FFFD (first at character {first})",)), name)
    if required:
        raise ReadError(f"{name}: starts with a UTF-8 BOM but is not valid UTF-8")
    return None


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def _with_nul_warning(src: SourceText, name: str) -> SourceText:
    """Stray NUL characters become U+FFFD (one character each, so no offset moves), with a warning."""
    n = src.text.count("\x00")
    if not n:
        return src
    return SourceText(src.text.replace("\x00", "\ufffd"), src.encoding, src.path, src.warnings + (
        f"{name}: {n} NUL byte(s) replaced by U+FFFD (first at character {src.text.index(chr(0))})",))


# ------------------------------------------------------- UTF-16, GB, Big5
def _utf16_without_bom(data: bytes, name: str) -> SourceText | None:
    """UTF-16 without a BOM: ASCII in it shows as NULs on every other byte."""
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if max(even, odd) < 2 or min(even, odd) > max(even, odd) // 4:
        return None
    enc = "utf-16-le" if odd > even else "utf-16-be"
    try:
        text = data.decode(enc)
    except UnicodeDecodeError:
        return None
    return SourceText(text, enc, name) if plausibility(text) >= PLAUSIBLE else None


def _best_chinese(data: bytes) -> tuple[float, str, str] | None:
    """(plausibility, text, encoding) of the most plausible strict decode, GB18030 first on a tie."""
    best = None
    candidates = ["gb18030", "big5"] + (["utf-16-le", "utf-16-be"] if len(data) % 2 == 0 else [])
    for enc in candidates:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = plausibility(text)
        if best is None or score > best[0]:
            best = (score, text, enc)
    return best


def _gb18030_with_strays(data: bytes, name: str) -> SourceText | None:
    """A GB18030 text with a few damaged bytes: decoded with U+FFFD for them, with a warning."""
    text = data.decode("gb18030", "replace")
    bad = text.count("\ufffd")
    if bad > max(1, len(data) * STRAY_SHARE) or plausibility(text) < PLAUSIBLE:
        return None
    return SourceText(text, "gb18030", name, (
        f"{name}: {bad} undecodable byte sequence(s) replaced by U+FFFD (first at character "
        f"{text.index(chr(0xFFFD))})",))


def _detector(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    text = str(best)
    if plausibility(text) < PLAUSIBLE:
        return None
    return text, best.encoding


@lru_cache(maxsize=1)
def _frequent_hanzi() -> frozenset[str]:
    """GB2312 level 1 (3,755 characters by frequency) and Big5's frequent set (5,401): common Chinese."""
    chars = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    for lead in range(0xA4, 0xC7):
        for trail in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            try:
                chars.add(bytes((lead, trail)).decode("big5"))
            except UnicodeDecodeError:
                pass
    return frozenset(chars)


def _plain(ch: str) -> bool:
    o = ord(ch)
    return (0x20 <= o < 0x7F or 0x2000 <= o <= 0x206F or 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E
            or o in (0xB7, 0xD7, 0x2103, 0x2116) or 0x2160 <= o <= 0x2179 or 0x2460 <= o <= 0x249B)


def plausibility(text: str, sample: int = 20000) -> float:
    """Share of the non-space characters that are plain (ASCII, CJK punctuation) or frequent hanzi."""
    frequent = _frequent_hanzi()
    n = ok = 0
    for ch in text[:sample]:
        if ch in " \t\r\n\f\u3000":
            continue
        n += 1
        if ch in frequent or _plain(ch):
            ok += 1
    return ok / n if n else 1.0


def read_text(path: str | Path) -> SourceText:
    """Read a report from disk in any supported format (see :func:`zhgov_extract.read.formats.read_document`)."""
    from zhgov_extract.read.formats import read_document

    return read_document(path)
