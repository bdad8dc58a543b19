"""Tokenise stage: jieba words with offsets, with the gazetteer names kept whole.

Each :class:`Tokenizer` owns its own jieba dictionary (no module-level state),
so two extractors with different gazetteers do not interfere.  ``rjieba`` (the
jieba-rs binding) is used when asked for and installed: the same dictionary
and the same segmentation model, several times faster.
"""
from __future__ import annotations

import logging
import re
from typing import Iterable, Protocol


_SPLIT = re.compile(r"([-_])")


class Tokenizer(Protocol):
    name: str

    def add_words(self, words: Iterable[str]) -> None: ...

    def tokenize(self, text: str) -> list[tuple[str, int, int]]: ...


class JiebaTokenizer:
    name = "jieba"

    def __init__(self) -> None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        self._tok = jieba.Tokenizer()
        self._tok.initialize()

    def add_words(self, words: Iterable[str]) -> None:
        for w in words:
            if len(w) >= 2:
                self._tok.add_word(w, freq=2000, tag="nt")

    def tokenize(self, text: str) -> list[tuple[str, int, int]]:
        return list(self._tok.tokenize(text, HMM=True))


class RJiebaTokenizer:
    name = "rjieba"

    def __init__(self) -> None:
        import rjieba

        self._tok = rjieba.Jieba()

    def add_words(self, words: Iterable[str]) -> None:
        for w in words:
            if len(w) >= 2:
                self._tok.add_word(w, 2000, "nt")

    def tokenize(self, text: str) -> list[tuple[str, int, int]]:
        toks = self._tok.tokenize(text, "default", True)
        if "-" not in text and "_" not in text:
            return toks
        out: list[tuple[str, int, int]] = []
        for w, a, b in toks:
            if len(w) > 1 and ("-" in w or "_" in w):
                # jieba-rs keeps 2020-2024 and a_b whole; jieba splits at - and _
                pos = a
                for part in _SPLIT.split(w):
                    if part:
                        out.append((part, pos, pos + len(part)))
                        pos += len(part)
            else:
                out.append((w, a, b))
        return out


def rjieba_available() -> bool:
    try:
        import rjieba  # noqa: F401
    except ImportError:
        return False
    return True


def make_tokenizer(backend: str = "auto") -> Tokenizer:
    """``jieba``, ``rjieba``, ``auto`` (rjieba if installed), or ``none``."""
    if backend == "auto":
        backend = "rjieba" if rjieba_available() else "jieba"
    if backend == "jieba":
        return JiebaTokenizer()
    if backend == "rjieba":
        if not rjieba_available():
            raise ImportError("tokenizer backend 'rjieba' needs: pip install 'zhgov-extract[fast]'")
        return RJiebaTokenizer()
    raise ValueError(f"unknown tokenizer backend {backend!r} (jieba, rjieba, auto)")
