"""One pipeline: read → normalise → tokenise → tag → link → records.

Components are plain callables ``component(doc) -> None`` registered by name
(the spirit of spaCy's registry): the :class:`Extractor` loads rules,
gazetteers and the tokenizer once, then runs its components in order over
each document.  Users can add their own with :func:`register_component`.
"""
from __future__ import annotations

import bisect
import gc
import hashlib
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

from zhgov_extract import records, taggers  # noqa: F401  (registers the built-in components)
from zhgov_extract.models import EnterpriseRecord, MentionRef, Record, Report, Sentence, builder
from zhgov_extract.read.encoding import SourceText
from zhgov_extract.records.build import LinkedRecord, build_linked
from zhgov_extract.read.formats import read_document
from zhgov_extract.registry import ComponentInfo, get_component, register_component, registered_components
from zhgov_extract.taggers.numeric import NumericRules
from zhgov_extract.text.doc import Doc
from zhgov_extract.text.normalize import normalize
from zhgov_extract.text.tokenize import Tokenizer, make_tokenizer
from zhgov_extract.types import type_spec

__all__ = ["Extractor", "ComponentError", "extract", "register_component", "registered_components"]

DEFAULT_COMPONENTS = ("documents", "dates", "numeric", "enterprise", "organizations", "regions", "projects",
                      "project_owners", "records", "regions_on_their_own")


class ComponentError(RuntimeError):
    """A component failed, or emitted a span the declared types do not allow; the message names it."""


@contextmanager
def _no_cyclic_gc():
    """Pause the cyclic garbage collector while one document is processed.

    A report is tens of thousands of small acyclic objects (freed by reference
    counting), and each burst of allocations would otherwise trigger collections
    that rescan every report the caller still holds: 14–18% of the run time in
    ``benchmarks/throughput.py``.  The collector is restored after the document
    (left off if the caller had turned it off), so cycles are still collected.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class Extractor:
    """Load once, extract many: ``Extractor()(text)`` → :class:`Report`.

    Parameters
    ----------
    components:
        names of registered components to run, in order (default: all built-ins).
    disable:
        names to leave out of ``components`` (``Extractor(disable=["projects"])``).
    tokenizer:
        ``"auto"`` (default: rjieba, else jieba), ``"jieba"``, ``"rjieba"`` or ``None`` to skip tokenising;
        rjieba and jieba cut the same words, rjieba faster.
    rules_dir / gazetteers:
        optional overrides: a folder with your own ``numeric.yaml``; extra gazetteer
        TSV files (same columns as the shipped ones) added to the built-in lists.
    """

    def __init__(
        self,
        *,
        components: Iterable[str] | None = None,
        disable: Iterable[str] = (),
        tokenizer: str | None = "auto",
        rules_dir: str | Path | None = None,
        gazetteers: Iterable[str | Path] = (),
    ) -> None:
        self.rules_dir = Path(rules_dir) if rules_dir else None
        self.numeric_rules = NumericRules.load(self.rules_dir / "numeric.yaml" if self.rules_dir else None)
        self.extra_gazetteers = [Path(p) for p in gazetteers]
        self.tokenizer: Tokenizer | None = make_tokenizer(tokenizer) if tokenizer else None
        names = list(components) if components is not None else list(DEFAULT_COMPONENTS)
        disabled = set(disable)
        infos: list[ComponentInfo] = [get_component(n) for n in list(names) + list(disabled)][:len(names)]
        infos = [i for i in infos if i.name not in disabled]
        self.component_names = [i.name for i in infos]
        self._components = []
        for info in infos:
            try:
                run = info.factory(self)
            except Exception as exc:
                raise ComponentError(f"component {info.name!r} could not be built: {exc}") from exc
            self._components.append((info, run))

    # ------------------------------------------------------------------ API
    def __call__(self, text: str, *, doc_id: str | None = None, source: SourceText | None = None) -> Report:
        if not isinstance(text, str):
            raise TypeError(f"extract() needs the document text as str, got {type(text).__name__}"
                            + (" (decode bytes first, or use extract_file())" if isinstance(text, (bytes, bytearray)) else ""))
        sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        report = Report(doc_id=doc_id, text_sha256=sha, n_chars=len(text),
                        source_path=source.path if source else None,
                        encoding=source.encoding if source else None)
        if not text.strip():
            return report
        with _no_cyclic_gc():
            doc = self.make_doc(text, doc_id=doc_id)
            for info, component in self._components:
                n_before = len(doc.spans)
                try:
                    component(doc)
                except Exception as exc:
                    raise ComponentError(f"component {info.name!r} failed on document {doc_id or '?'}: {exc}") from exc
                if not info.builtin:
                    _check_spans(info.name, doc.spans[n_before:], len(doc.text))
            return self._to_report(doc, report)

    def make_doc(self, text: str, *, doc_id: str | None = None) -> Doc:
        doc = Doc(source=text, norm=normalize(text), doc_id=doc_id, tokenizer=self.tokenizer)
        doc.set_protected([])
        return doc

    def pipe(self, texts: Iterable[str], *, doc_ids: Iterable[str] | None = None) -> Iterator[Report]:
        """Extract from many texts, reusing the loaded rules and tokenizer."""
        ids = iter(doc_ids) if doc_ids is not None else None
        for text in texts:
            yield self(text, doc_id=next(ids) if ids is not None else None)

    def analyze(self) -> list[dict]:
        """What each component assigns and requires, in order (as spaCy's ``analyze_pipes``)."""
        return [{"name": i.name, "assigns": list(i.assigns), "requires": list(i.requires)} for i, _ in self._components]

    def extract_file(self, path: str | Path, *, doc_id: str | None = None) -> Report:
        """Read a report (.txt/.md in any common Chinese encoding, .docx, .pdf, .html) and extract from it."""
        src = read_document(path)
        report = self(src.text, doc_id=doc_id or Path(path).stem, source=src)
        report.warnings[:0] = src.warnings   # the reader's (bytes replaced, …) before the pipeline's
        return report

    # ------------------------------------------------------------ internals
    def _to_report(self, doc: Doc, report: Report) -> Report:
        """Map every span to source offsets and build the typed mentions (the hot path)."""
        nt = doc.norm
        source = doc.source
        rn, rs = nt._runs_norm, nt._runs_src  # the offset map, inlined: this loop runs per mention
        sent_starts, sentences = nt._sent_starts, nt.sentences
        builders = _BUILDERS
        bisect_right = bisect.bisect_right
        mentions = []
        seen = set()
        for span in doc.spans:
            start, end = span.start, span.end
            if end <= start:
                continue
            k = bisect_right(rn, start) - 1
            a = rs[k] + start - rn[k]
            last = end - 1
            k = bisect_right(rn, last, k) - 1
            b = rs[k] + last - rn[k] + 1
            type_ = span.type
            key = (type_, a, b)
            if key in seen:
                continue
            seen.add(key)
            make_mention, make_norm = builders.get(type_) or _builders(type_)
            norm = span.norm
            if norm is not None and make_norm is not None:
                norm = make_norm(dict(norm))  # a copy: a component may share one dict between spans
            j = bisect_right(sent_starts, a) - 1
            sentence = j if j >= 0 and a < sentences[j][1] else -1
            mentions.append(make_mention({"start": a, "end": b, "text": source[a:b], "sentence": sentence,
                                          "type": type_, "norm": norm}))
        mentions.sort(key=_mention_order)
        report.mentions = mentions
        make_sentence = _SENTENCE
        report.sentences = [make_sentence({"start": a, "end": b}) for a, b in sentences]
        to_source = nt.to_source
        report.records = [_map_record(r, to_source, source) for r in doc.records] + enterprise_records(mentions)
        report.warnings = list(doc.warnings)
        return report


def _mention_order(m) -> tuple:
    d = m.__dict__
    return d["start"], -d["end"], d["type"]


_BUILDERS: dict[str, tuple] = {}
_SENTENCE = builder(Sentence)
_MENTION_REF = builder(MentionRef)
_ENTERPRISE_RECORD = builder(EnterpriseRecord)


def _builders(type_: str) -> tuple:
    """(mention builder, norm builder or None) for a mention type, from its declaration in ``types``."""
    from zhgov_extract.models import MENTION_CLASSES, OtherMention

    spec = type_spec(type_)
    cls = MENTION_CLASSES.get(type_, OtherMention)
    norm_cls = spec.norm if spec is not None and type_ in MENTION_CLASSES else None
    pair = (builder(cls), builder(norm_cls) if norm_cls else None)
    _BUILDERS[type_] = pair
    return pair


def _check_spans(component: str, spans: list, n_chars: int) -> None:
    """Validate what a user component added: a declared type, offsets inside the text, a valid norm."""
    for sp in spans:
        spec = type_spec(getattr(sp, "type", None))
        if spec is None:
            raise ComponentError(f"component {component!r} emitted type {getattr(sp, 'type', None)!r}, "
                                 "which is not declared (zhgov_extract.types.declare_type)")
        if not (0 <= sp.start < sp.end <= n_chars):
            raise ComponentError(f"component {component!r} emitted a {sp.type} span [{sp.start}, {sp.end}) "
                                 f"outside the text (0..{n_chars})")
        if sp.norm is not None:
            try:
                if spec.norm is not None:
                    sp.norm = spec.norm.model_validate(sp.norm).model_dump()
                elif not isinstance(sp.norm, dict):
                    raise TypeError(f"norm must be a dict, got {type(sp.norm).__name__}")
            except Exception as exc:
                raise ComponentError(f"component {component!r} emitted an invalid {sp.type} norm: {exc}") from exc


_RECORD_ADAPTER = None


def _map_record(rec: dict, to_source, source: str):
    """A record built in normalised coordinates → the published model in source coordinates.

    Every nested dict with ``start``/``end`` is a pointer into the text: it is
    mapped back and its ``text`` taken from the source, so each field can be
    checked against the characters it came from.  A record another component
    made is validated (a wrong field fails here, with the field's name).
    """
    if type(rec) is LinkedRecord:  # the built-in linker's: its shape is known, built field by field
        return build_linked(rec, to_source, source)
    global _RECORD_ADAPTER
    if _RECORD_ADAPTER is None:
        from pydantic import TypeAdapter
        _RECORD_ADAPTER = TypeAdapter(Record)

    def walk(x):  # only dicts and lists are descended into: a record is mostly scalars
        if isinstance(x, dict):
            y = {k: walk(v) if isinstance(v, (dict, list)) else v for k, v in x.items()}
            if isinstance(y.get("start"), int) and isinstance(y.get("end"), int):
                a, b = to_source(y["start"], y["end"])
                y["start"], y["end"], y["text"] = a, b, source[a:b]
            return y
        return [walk(v) if isinstance(v, (dict, list)) else v for v in x]

    out = walk(rec)
    if isinstance(out.get("same_as"), (list, tuple)):
        out["same_as"] = to_source(*out["same_as"])
    return _RECORD_ADAPTER.validate_python(out)


def enterprise_records(mentions) -> list[EnterpriseRecord]:
    """One record per canonical enterprise in the document, with all its mentions, in text order."""
    groups: dict[str, list] = {}
    for m in mentions:
        if m.type == "enterprise":
            groups.setdefault(m.norm.canonical, []).append(m)
    out = []
    for canonical, ms in groups.items():
        n = ms[0].norm
        out.append(_ENTERPRISE_RECORD({
            "kind": "enterprise", "canonical": canonical, "category": n.category, "group": n.group,
            "entity_id": n.entity_id,
            "mentions": [_MENTION_REF({"start": m.start, "end": m.end, "text": m.text}) for m in ms],
        }))
    return out


_DEFAULT: Extractor | None = None


def default_extractor() -> Extractor:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT


def extract(text: str, *, doc_id: str | None = None) -> Report:
    """Extract every mention and record from one document's text (a shared default Extractor)."""
    return default_extractor()(text, doc_id=doc_id)
