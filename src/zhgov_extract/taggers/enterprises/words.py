"""Word knowledge the name rules consult: jieba's dictionary (frequency, part of speech)
and a memoised test for characters a name can hold."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import regex


class CharClass(dict):
    """Does one character match a character-class pattern?  Memoised per character:
    the taggers ask this of single characters many thousands of times a document.
    (Filling the memo from several threads is safe: each entry is a pure function of its key.)"""

    def __init__(self, pattern: str) -> None:
        super().__init__()
        self.pattern = regex.compile(pattern)

    def __missing__(self, ch: str) -> bool:
        hit = self[ch] = self.pattern.fullmatch(ch) is not None
        return hit


NAME_CHAR = CharClass(r"[\p{Han}A-Za-z·&]")  # a character a name can hold


@lru_cache(maxsize=1)
def jieba_dictionary() -> tuple[dict[str, int], dict[str, str]]:
    """jieba's own dictionary: word → frequency, and word → part-of-speech tag (frequency ≥ 3).

    Trade names are rarely everyday words (frequency), and a name starts after the
    verbs and function words before it (tags)."""
    try:
        import jieba
    except ImportError:
        return {}, {}
    freqs: dict[str, int] = {}
    tags: dict[str, str] = {}
    try:
        with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) >= 2:
                    freqs[parts[0]] = n = int(parts[1])
                    if len(parts) == 3 and n >= 3:
                        tags[parts[0]] = parts[2]
    except OSError:
        return {}, {}
    return freqs, tags
