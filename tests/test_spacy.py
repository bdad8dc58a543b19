"""The spaCy component (zhgov_extract.integrations.spacy): discovery, spans, ents, alignment, serialisation."""
from __future__ import annotations

import json
import pickle
import re
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor

import pytest
import spacy
from spacy.tokens import DocBin

from conftest import CORPUS, ROOT
from zhgov_extract.integrations.spacy import ZhgovExtract, register_extensions, select_ents
from zhgov_extract.types import declared_types, scored_types

ZH = {"nlp": {"tokenizer": {"segmenter": "jieba"}}}
SEEDS = sorted((CORPUS / "raw").glob("*.txt"))
# invented sentences (not from the corpus)
DEMO = "2024年，中核集团与鞍山市签约，总投资 14.8 亿元，同比增长7.4%。"
# jieba's word 家央企 holds the end of the quantity 12家: the span must expand to it
SPLIT_TOKEN = "今年新增12家央企子公司落户本市。"
RECORDS_TEXT = "中核集团投资50亿元建设鞍山核能供热项目，预计2025年开工，年产值增长12%。"
GAZ_ROW = "ent:t01\t青禾智造科技有限公司\t青禾智造\tprivate\tinvented for tests/test_spacy.py\n"
GAZ_TEXT = "青禾智造与中核集团签约，投资5亿元，建设3条产线。"


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("zh", config=ZH)
    nlp.add_pipe("zhgov_extract")
    return nlp


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory):
    path = tmp_path_factory.mktemp("gaz") / "mine.tsv"
    path.write_text("id\tcanonical\taliases\tcategory\tnotes\n" + GAZ_ROW, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def nlp_custom(gazetteer):
    nlp = spacy.blank("zh", config=ZH)
    nlp.add_pipe("zhgov_extract", config={"types": ["enterprise", "money"], "disable": ["organizations"],
                                          "gazetteers": [str(gazetteer)], "spans_key": "gov"})
    return nlp


def _annotations(doc) -> dict:
    """Everything the component sets, as plain values (to compare two Docs)."""
    key = "zhgov" if "zhgov" in doc.spans else "gov"
    return {
        "spans": [(s.label_, s.start_char, s.end_char, s._.source_offsets, s._.norm, s._.canonical)
                  for s in doc.spans[key]],
        "ents": [(e.label_, e.start_char, e.end_char, e._.source_offsets, e._.norm) for e in doc.ents],
        "mentions": doc._.zhgov_mentions,
        "records": doc._.zhgov_records,
    }


# ------------------------------------------------------------------ discovery
def _pycon_blocks() -> list[tuple[str, str]]:
    """The ``pycon`` examples of README's spaCy section and of docs/spacy.md, in order."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## spaCy"):]
    section = section[:section.find("\n## ", 1)]
    docs = (ROOT / "docs" / "spacy.md").read_text(encoding="utf-8")
    return [(name, block) for name, text in (("README.md", section), ("docs/spacy.md", docs))
            for block in re.findall(r"```pycon\n(.*?)```", text, re.S)]


def test_entry_point_in_a_fresh_process_runs_the_documented_examples():
    """spaCy finds the factory through the entry point (nothing imports zhgov_extract before
    ``add_pipe``), and README and docs/spacy.md print what they show."""
    blocks = _pycon_blocks()
    assert len(blocks) >= 4
    code = textwrap.dedent("""
        import doctest, json, sys
        assert "zhgov_extract" not in sys.modules
        parser, runner, globs = doctest.DocTestParser(), doctest.DocTestRunner(), {}
        for name, block in json.loads(sys.stdin.read()):
            test = parser.get_doctest(block, globs, name, name, 0)
            runner.run(test, clear_globs=False)
            globs.update(test.globs)
        print("tried", runner.tries, "failed", runner.failures)
        sys.exit(1 if runner.failures else 0)
    """)
    p = subprocess.run([sys.executable, "-c", code], input=json.dumps(blocks), capture_output=True, text=True,
                       timeout=600)
    assert p.returncode == 0, p.stdout[-4000:] + p.stderr[-2000:]
    assert "failed 0" in p.stdout


def test_package_import_does_not_import_spacy():
    code = ("import sys, zhgov_extract, zhgov_extract.integrations; from zhgov_extract import Extractor; "
            "assert 'spacy' not in sys.modules, 'spacy imported'")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr[-3000:]


# ------------------------------------------------------------- spans and ents
@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem[:3])
def test_seed_spans_and_ents(nlp, path):
    text = path.read_text(encoding="utf-8")
    doc = nlp(text)
    report = nlp.get_pipe("zhgov_extract").extractor(text)
    spans = doc.spans["zhgov"]
    assert doc.text == text
    # every mention is a span, label = type, covering the exact offsets kept in source_offsets
    assert sorted((s.label_, *s._.source_offsets) for s in spans) == sorted((m.type, m.start, m.end)
                                                                            for m in report.mentions)
    for s in spans:
        a, b = s._.source_offsets
        assert s.start_char <= a < b <= s.end_char
        assert s.label_ in declared_types()
    by_offsets = {(m.type, m.start, m.end): m for m in report.mentions}
    for s in spans:
        m = by_offsets[(s.label_, *s._.source_offsets)]
        assert s._.norm == (m.norm.model_dump() if hasattr(m.norm, "model_dump") else m.norm)
        assert s._.canonical == (m.norm.canonical if m.type == "enterprise" else None)
    # ents: a subset of the spans, no token in two ents, and every span left out overlaps
    # an ent that ranks before it (scored type first, then longer, then earlier)
    assert len(doc.ents) > 0
    ent_keys = {(e.label_, e.start, e.end) for e in doc.ents}
    assert ent_keys <= {(s.label_, s.start, s.end) for s in spans}
    tokens = [i for e in doc.ents for i in range(e.start, e.end)]
    assert len(tokens) == len(set(tokens))
    scored = set(scored_types())

    def rank(s):
        a, b = s._.source_offsets
        return s.label_ not in scored, a - b, a, s.label_

    for s in spans:
        if (s.label_, s.start, s.end) in ent_keys:
            continue
        blockers = [e for e in doc.ents if e.start < s.end and s.start < e.end]
        assert blockers and all(rank(e) <= rank(s) for e in blockers), (s.text, s.label_)
    assert doc._.zhgov_records == [r.model_dump(mode="json") for r in report.records]


def _pointers(x):
    """Every nested dict with start/end/text: a pointer into the text."""
    if isinstance(x, dict):
        if {"start", "end", "text"} <= x.keys() and x["start"] is not None:
            yield x
        for v in x.values():
            yield from _pointers(v)
    elif isinstance(x, list):
        for v in x:
            yield from _pointers(v)


def test_records_of_every_kind_as_dicts(nlp):
    doc = nlp(RECORDS_TEXT)
    report = nlp.get_pipe("zhgov_extract").extractor(RECORDS_TEXT)
    records = doc._.zhgov_records
    assert records == [r.model_dump(mode="json") for r in report.records]
    assert {r["kind"] for r in records} == {"project", "metric", "enterprise"}
    pointers = list(_pointers(records))
    assert len(pointers) >= 6
    assert all(doc.text[p["start"]:p["end"]] == p["text"] for p in pointers)
    records[0]["kind"] = "changed"                  # the getter hands out a copy
    assert doc._.zhgov_records[0]["kind"] != "changed"


def _doc_with(nlp, text, mentions):
    """A Doc whose zhgov mentions are given (type, start, end): the ents rule on its own."""
    register_extensions()
    doc = nlp.make_doc(text)
    rows, spans = [], []
    for type_, a, b in mentions:
        span = doc.char_span(a, b, label=type_, alignment_mode="expand")
        rows.append({"type": type_, "start": a, "end": b, "text": text[a:b], "norm": None,
                     "span": [span.start_char, span.end_char]})
        spans.append(span)
    rows.sort(key=lambda r: r["span"])
    doc._.zhgov_store = {"mentions": rows, "records": []}
    return doc, spans


def test_ents_rule_scored_first_then_longest_then_earliest(nlp):
    """The rule on hand-made mentions (the texts are invented, the overlaps deliberate)."""
    def ents(text, mentions):
        doc, spans = _doc_with(nlp, text, mentions)
        return [(e.label_, e.text) for e in select_ents(doc, spans)]

    # a region nested in an enterprise: the longer scored mention
    assert ents("鞍山市钢铁集团公司投资8亿元", [("region", 0, 3), ("enterprise", 0, 9), ("money", 11, 14)]) == [
        ("enterprise", "鞍山市钢铁集团公司"), ("money", "8亿元")]
    # an unscored organization longer than the scored enterprise inside it: the scored one
    assert ents("中核集团鞍山办事处", [("organization", 0, 9), ("enterprise", 0, 4)]) == [("enterprise", "中核集团")]
    # the same characters claimed by two scored types: the type name decides (money before quantity)
    assert ents("投资8亿元", [("quantity", 2, 5), ("money", 2, 5)]) == [("money", "8亿元")]
    # same type, same length, overlapping: the earlier one
    assert ents("建设甲乙丙丁工程", [("project", 2, 8), ("project", 0, 6)]) == [("project", "建设甲乙丙丁")]


def test_alignment_expands_and_keeps_exact_offsets(nlp):
    doc = nlp(SPLIT_TOKEN)
    (q,) = [s for s in doc.spans["zhgov"] if s.label_ == "quantity"]
    assert [t.text for t in q] == ["12", "家央企"]            # the token boundary is not the mention's
    assert q.text == "12家央企"
    assert q._.source_offsets == (4, 7) and SPLIT_TOKEN[4:7] == "12家"
    assert q._.norm["value"] == "12" and q._.norm["unit"] == "家"
    assert q in doc.ents


# --------------------------------------------------------------- configuration
def test_config_types_gazetteers_disable_and_spans_key(nlp_custom):
    doc = nlp_custom(GAZ_TEXT)
    assert "zhgov" not in doc.spans
    labels = {s.label_ for s in doc.spans["gov"]}
    assert labels == {"enterprise", "money"}                  # quantity 3条 is filtered out by types
    canon = {s.text: s._.canonical for s in doc.spans["gov"] if s.label_ == "enterprise"}
    assert canon == {"青禾智造": "青禾智造科技有限公司", "中核集团": "中国核工业集团有限公司"}
    pipe = nlp_custom.get_pipe("zhgov_extract")
    assert "organizations" not in pipe.extractor.component_names
    assert pipe.extractor is pipe.extractor                    # built once


@pytest.mark.parametrize("config, message", [({"disable": ["no_such_component"]}, "no_such_component"),
                                             ({"tokenizer": "hanlp"}, "tokenizer")])
def test_bad_config_fails_at_add_pipe(config, message):
    nlp = spacy.blank("zh", config=ZH)
    with pytest.raises(Exception, match=message):
        nlp.add_pipe("zhgov_extract", config=config)


# ------------------------------------------------------- processes and files
def test_pipe_with_two_processes(nlp):
    texts = [DEMO, SPLIT_TOKEN, GAZ_TEXT]
    one = [_annotations(d) for d in nlp.pipe(texts)]
    two = [_annotations(d) for d in nlp.pipe(texts, n_process=2, batch_size=1)]
    assert two == one
    assert all(a["spans"] for a in one)


def test_threads_share_one_extractor_built_once():
    """Four threads hit a fresh pipeline at once: one build, and each Doc gets its own mentions."""
    nlp = spacy.blank("zh", config=ZH)
    pipe = nlp.add_pipe("zhgov_extract", config={"components": ["documents", "dates", "numeric"], "tokenizer": None})
    builds, build = [], pipe._build
    pipe._build = lambda: builds.append(1) or build()
    texts = [f"投资{n}亿元，增长{n}%。" for n in range(1, 9)]
    with ThreadPoolExecutor(4) as pool:
        docs = list(pool.map(nlp, texts))
    assert builds == [1]
    for n, doc in enumerate(docs, 1):
        assert [(e.label_, e._.norm["value"]) for e in doc.ents] == [("money", f"{n}00000000"), ("percent", str(n))]


def test_component_pickles_without_its_extractor(nlp):
    pipe = nlp.get_pipe("zhgov_extract")
    pipe.extractor  # noqa: B018  (built)
    copy = pickle.loads(pickle.dumps(pipe))
    assert isinstance(copy, ZhgovExtract) and copy._extractor is None
    assert copy.types == pipe.types and copy.tokenizer == pipe.tokenizer


def test_to_disk_and_load_carry_config_and_gazetteer(nlp_custom, gazetteer, tmp_path):
    before = _annotations(nlp_custom(GAZ_TEXT))
    nlp_custom.to_disk(tmp_path / "pipeline")
    moved = gazetteer.with_suffix(".moved")
    gazetteer.rename(moved)                     # the saved pipeline carries its own copy of the list
    try:
        loaded = spacy.load(tmp_path / "pipeline")
        after = _annotations(loaded(GAZ_TEXT))
    finally:
        moved.rename(gazetteer)
    assert loaded.pipe_names == ["zhgov_extract"]
    assert loaded.get_pipe("zhgov_extract").types == ["enterprise", "money"]
    assert after == before
    assert "青禾智造科技有限公司" in {r["canonical"] for r in after["records"] if r["kind"] == "enterprise"}


def test_docbin_round_trip_keeps_extension_values(nlp):
    docs = list(nlp.pipe([DEMO, SPLIT_TOKEN]))
    data = DocBin(docs=docs, store_user_data=True).to_bytes()
    back = list(DocBin().from_bytes(data).get_docs(spacy.blank("zh", config=ZH).vocab))
    assert [_annotations(d) for d in back] == [_annotations(d) for d in docs]
    assert back[0].ents[1]._.canonical == "中国核工业集团有限公司"
