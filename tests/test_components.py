"""Registry, declared types, validated user output, round trips (issue 12)."""
from __future__ import annotations

import pytest
import regex

from conftest import corpus_files
from zhgov_extract import ComponentError, Extractor, RegistryError, declare_type, register_component
from zhgov_extract.models import Report
from zhgov_extract.read.encoding import read_text
from zhgov_extract.text.doc import Span


def test_documented_phone_number_type_touches_one_module():
    declare_type("phone", style="cyan", description="a mobile phone number")

    @register_component("test_phone_numbers", assigns=("phone",))
    def phone_numbers(extractor):
        pat = regex.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")

        def run(doc):
            doc.spans.extend(Span("phone", m.start(), m.end(), {"digits": m.group()}) for m in pat.finditer(doc.text))
        return run

    ex = Extractor(components=["documents", "dates", "numeric", "test_phone_numbers"], tokenizer=None)
    r = ex("咨询电话13800138000，投资3亿元。")
    assert [(m.type, m.text) for m in r.mentions] == [("phone", "13800138000"), ("money", "3亿元")]
    assert Report.model_validate_json(r.model_dump_json()) == r


def test_duplicate_name_is_an_error():
    @register_component("test_dup")
    def one(ex):
        return lambda doc: None

    with pytest.raises(RegistryError, match="test_dup"):
        @register_component("test_dup")
        def other(ex):
            return lambda doc: None


def test_user_output_is_validated_and_errors_name_the_component():
    @register_component("test_bad_norm")
    def bad(ex):
        return lambda doc: doc.spans.append(Span("money", 0, 2, {"value": "1", "qualifier": "typo"}))

    @register_component("test_undeclared")
    def undeclared(ex):
        return lambda doc: doc.spans.append(Span("nonsense", 0, 2))

    @register_component("test_raises")
    def raises(ex):
        def run(doc):
            raise RuntimeError("boom")
        return run

    for name, what in (("test_bad_norm", "invalid money norm"), ("test_undeclared", "not declared"),
                       ("test_raises", "boom")):
        with pytest.raises(ComponentError, match=name) as info:
            Extractor(components=[name], tokenizer=None)("投资3亿元。")
        assert what in str(info.value)


def test_disable_and_unknown_names():
    ex = Extractor(disable=["projects", "records", "regions"], tokenizer=None)
    assert "projects" not in ex.component_names and "numeric" in ex.component_names
    with pytest.raises(RegistryError, match="nope"):
        Extractor(components=["nope"])


def test_round_trip_on_every_corpus_report(extractor):
    reports = []
    for path in corpus_files():
        src = read_text(path)
        r = extractor(src.text, doc_id=path.stem, source=src)
        assert Report.model_validate_json(r.model_dump_json()) == r
        reports.append(r)
    # changing one report's fields-set (as pydantic does on assignment) leaves the others alone
    a, b = reports[0], reports[1]
    before = b.model_dump_json()
    a.mentions[0].__pydantic_fields_set__.discard("sentence")
    a.mentions[0].sentence = a.mentions[0].sentence
    assert b.model_dump_json() == before
    assert Report.model_validate_json(a.model_dump_json()) == a
