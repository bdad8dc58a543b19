"""The spaCy component ``zhgov_extract``: the library inside a spaCy pipeline.

spaCy finds it through the ``spacy_factories`` entry point, so
``nlp.add_pipe("zhgov_extract")`` needs no import.  The component runs one
:class:`~zhgov_extract.Extractor` (built once per pipeline, on first use) over
``doc.text`` and writes the report onto the Doc:

* ``doc.spans[spans_key]`` — every mention, nested ones included, label = type;
* ``doc.ents`` — a non-overlapping selection (:func:`select_ents`);
* ``doc._.zhgov_mentions`` / ``doc._.zhgov_records`` — the report as plain dicts;
* ``span._.norm``, ``span._.canonical``, ``span._.source_offsets``.

All of it is stored once, in ``doc._.zhgov_store``, and read through getters:
spaCy keys stored span values by character range only (two mentions of
different types can expand to the same tokens), and a ``DocBin`` turns every
stored list into a tuple while ``Doc.to_bytes`` turns tuples into lists; the
getters look spans up by label and range and always hand out fresh lists.

Only this module imports spaCy; ``docs/spacy.md`` describes the rules.
"""
# No ``from __future__ import annotations``: spaCy 3.7 validates the factory's arguments from
# its signature and cannot resolve annotations left as strings.
import json
import shutil
import threading
from bisect import bisect_left
from pathlib import Path
from typing import Iterable, List, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from zhgov_extract import __version__

FACTORY = "zhgov_extract"
_MANIFEST = "zhgov_extract.json"
_UNALIGNED = float("inf")   # sort key of a mention no token range could hold (kept last)


# ---------------------------------------------------------------- extensions
def _stored(doc: Doc, part: str):
    store = doc._.zhgov_store
    return store[part] if store else None


def _lists(x):
    """A fresh copy with every sequence a list (whatever the serialiser made of it)."""
    if isinstance(x, dict):
        return {k: _lists(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_lists(v) for v in x]
    return x


def _mention_of(span: Span) -> dict | None:
    """The stored mention behind a span: same label, same character range (the first, if several)."""
    mentions = _stored(span.doc, "mentions")
    if not mentions:
        return None
    a, b, label = span.start_char, span.end_char, span.label_
    i = bisect_left(mentions, a, key=_span_start)
    while i < len(mentions) and mentions[i]["span"] and mentions[i]["span"][0] == a:
        m = mentions[i]
        if m["span"][1] == b and m["type"] == label:
            return m
        i += 1
    return None


def _span_start(m: dict) -> float:
    return m["span"][0] if m["span"] else _UNALIGNED


def _get_norm(span: Span) -> dict | None:
    m = _mention_of(span)
    return _lists(m["norm"]) if m else None


def _get_canonical(span: Span) -> str | None:
    m = _mention_of(span)
    return m["norm"]["canonical"] if m and m["type"] == "enterprise" and m["norm"] else None


def _get_source_offsets(span: Span) -> tuple[int, int] | None:
    m = _mention_of(span)
    return (m["start"], m["end"]) if m else None


def _get_mentions(doc: Doc) -> list[dict] | None:
    mentions = _stored(doc, "mentions")
    return _lists(mentions) if mentions is not None else None


def _get_records(doc: Doc) -> list[dict] | None:
    records = _stored(doc, "records")
    return _lists(records) if records is not None else None


_DOC_GETTERS = {"zhgov_mentions": _get_mentions, "zhgov_records": _get_records}
_SPAN_GETTERS = {"norm": _get_norm, "canonical": _get_canonical, "source_offsets": _get_source_offsets}


def register_extensions() -> None:
    """Declare the ``._.`` attributes (idempotent).

    The component calls it; call it yourself to read ``span._.norm`` from Docs
    loaded from a ``DocBin`` in a process that never built the component.  An
    attribute of the same name registered by another package is an error
    rather than silently replaced.
    """
    if not Doc.has_extension("zhgov_store"):
        Doc.set_extension("zhgov_store", default=None)
    for cls, getters in ((Doc, _DOC_GETTERS), (Span, _SPAN_GETTERS)):
        for name, getter in getters.items():
            if cls.has_extension(name):
                known = cls.get_extension(name)[2]
                if (getattr(known, "__module__", None), getattr(known, "__qualname__", None)) != (
                        getter.__module__, getter.__qualname__):
                    raise ValueError(f"{cls.__name__.lower()}._.{name} is already registered by another "
                                     f"package; {FACTORY} needs it ({cls.__name__}.remove_extension({name!r}) first)")
                continue
            cls.set_extension(name, getter=getter)


# ------------------------------------------------------------------ doc.ents
def select_ents(doc: Doc, spans: Iterable[Span]) -> list[Span]:
    """A non-overlapping choice among the aligned mention spans, for ``doc.ents``.

    Greedy in this order: scored types first (money, percent, quantity,
    enterprise, project: what ``zhgov-extract eval`` measures), then the longer
    mention (in source characters), then the earlier one, then the type name.
    A span is taken when none of its tokens is taken yet.
    """
    from zhgov_extract.types import scored_types

    scored = set(scored_types())

    def rank(span: Span):
        a, b = span._.source_offsets or (span.start_char, span.end_char)
        return span.label_ not in scored, a - b, a, span.label_

    taken = bytearray(len(doc))
    chosen = []
    for span in sorted(spans, key=rank):
        if any(taken[span.start:span.end]):
            continue
        taken[span.start:span.end] = b"\x01" * len(span)
        chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)


# ----------------------------------------------------------------- component
class ZhgovExtract:
    """Runs one Extractor over each Doc; the Extractor is built once, on first use.

    Built lazily (under a lock) so that ``spacy.load`` can first swap in the
    gazetteers saved with the pipeline (``from_disk``) and the paths in the
    config need not exist on the loading machine.
    """

    def __init__(self, nlp: Language, name: str = FACTORY, *, types: Optional[List[str]] = None,
                 components: Optional[List[str]] = None, disable: Iterable[str] = (),
                 tokenizer: Optional[str] = "auto", gazetteers: Iterable[str] = (),
                 spans_key: str = "zhgov") -> None:
        from zhgov_extract.pipeline import get_component  # the pipeline module registers the built-ins

        register_extensions()
        for c in list(components or ()) + list(disable):
            get_component(c)                 # an unknown name fails at add_pipe, not at the first doc
        _check_tokenizer(tokenizer)
        self.name = name
        self.types = list(types) if types is not None else None
        self.components = list(components) if components is not None else None
        self.disable = list(disable)
        self.tokenizer = tokenizer
        self.gazetteers = [Path(p) for p in gazetteers]
        self.spans_key = spans_key
        self._extractor = None
        self._lock = threading.Lock()

    # -------------------------------------------------------------- running
    @property
    def extractor(self):
        """The pipeline's Extractor, built on first access (once, whichever thread asks first)."""
        if self._extractor is None:
            with self._lock:
                if self._extractor is None:
                    self._extractor = self._build()
        return self._extractor

    def _build(self):
        from zhgov_extract import Extractor
        from zhgov_extract.types import declared_types

        kwargs = {} if self.components is None else {"components": self.components}
        ex = Extractor(disable=self.disable, tokenizer=self.tokenizer, gazetteers=self.gazetteers, **kwargs)
        unknown = sorted(set(self.types or ()) - set(declared_types()))
        if unknown:
            raise ValueError(f"{self.name}: unknown mention types {unknown}; declared: {', '.join(declared_types())}")
        return ex

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        """``nlp.initialize()`` builds the Extractor now instead of at the first Doc."""
        self.extractor  # noqa: B018

    def __call__(self, doc: Doc) -> Doc:
        report = self.extractor(doc.text)
        keep = set(self.types) if self.types is not None else None
        rows = []
        for m in report.mentions:
            if keep is not None and m.type not in keep:
                continue
            span = doc.char_span(m.start, m.end, label=m.type, alignment_mode="expand")
            if span is not None and not len(span):
                span = None
            row = m.model_dump(mode="json")
            row["span"] = [span.start_char, span.end_char] if span is not None else None
            rows.append((row, span))
        rows.sort(key=lambda r: (_span_start(r[0]), r[0]["span"][1] if r[0]["span"] else 0, r[0]["start"]))
        doc._.zhgov_store = {"mentions": [row for row, _ in rows],
                             "records": [r.model_dump(mode="json") for r in report.records]}
        spans = [span for _, span in rows if span is not None]
        doc.spans[self.spans_key] = spans
        doc.ents = select_ents(doc, spans)
        return doc

    # ------------------------------------------------------------ pickling
    def __getstate__(self) -> dict:
        """Without the Extractor and the lock: a process that unpickles the component builds its own."""
        state = dict(self.__dict__)
        state["_extractor"] = None
        del state["_lock"]
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()
        register_extensions()

    # ------------------------------------------------------- serialisation
    def to_disk(self, path, *, exclude: Iterable[str] = ()) -> None:
        """Copy the extra gazetteers into the pipeline folder, so a saved pipeline carries its lists."""
        path = Path(path)
        (path / "gazetteers").mkdir(parents=True, exist_ok=True)
        names = []
        for i, src in enumerate(self.gazetteers):
            name = f"{i:02d}_{src.name}"
            shutil.copyfile(src, path / "gazetteers" / name)
            names.append(name)
        (path / _MANIFEST).write_text(json.dumps({"gazetteers": names, "zhgov_extract": __version__},
                                                 ensure_ascii=False, indent=1), encoding="utf-8")

    def from_disk(self, path, *, exclude: Iterable[str] = ()) -> "ZhgovExtract":
        """Use the gazetteers saved by :meth:`to_disk` (the Extractor is built with them on first use)."""
        path = Path(path)
        manifest = json.loads((path / _MANIFEST).read_text(encoding="utf-8"))
        self.gazetteers = [path / "gazetteers" / n for n in manifest["gazetteers"]]
        self._extractor = None
        return self

    def __repr__(self) -> str:
        return f"<{FACTORY} types={self.types or 'all'} tokenizer={self.tokenizer}>"


def _check_tokenizer(backend: str | None) -> None:
    if backend not in (None, "jieba", "rjieba", "auto"):
        raise ValueError(f"tokenizer must be 'jieba', 'rjieba', 'auto' or null, got {backend!r}")


@Language.factory(
    FACTORY,
    default_config={"types": None, "components": None, "disable": [], "tokenizer": "auto",
                    "gazetteers": [], "spans_key": "zhgov"},
    assigns=["doc.ents", "token.ent_iob", "token.ent_type", "doc._.zhgov_store"],
)
def make_zhgov_extract(nlp: Language, name: str, types: Optional[List[str]], components: Optional[List[str]],
                       disable: List[str], tokenizer: Optional[str], gazetteers: List[str],
                       spans_key: str) -> ZhgovExtract:
    """``nlp.add_pipe("zhgov_extract", config={...})``: the keys are :class:`ZhgovExtract`'s arguments."""
    return ZhgovExtract(nlp, name, types=types, components=components, disable=disable, tokenizer=tokenizer,
                        gazetteers=gazetteers, spans_key=spans_key)
