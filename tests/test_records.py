"""Enterprise records: one per canonical enterprise, with all its mentions."""
from __future__ import annotations


def test_one_record_per_canonical(extractor):
    r = extractor("中核集团与中国核工业集团有限公司签约。鞍钢、鞍钢集团和海城华宇镁砖有限公司合作。")
    recs = {x.canonical: x for x in r.records if x.kind == "enterprise"}
    assert [m.text for m in recs["中国核工业集团有限公司"].mentions] == ["中核集团", "中国核工业集团有限公司"]
    assert [m.text for m in recs["鞍钢集团有限公司"].mentions] == ["鞍钢", "鞍钢集团"]
    assert recs["鞍钢集团有限公司"].category == "central_soe"
    assert "海城华宇镁砖有限公司" in recs
    n_mentions = sum(len(x.mentions) for x in recs.values())
    assert n_mentions == sum(1 for m in r.mentions if m.type == "enterprise")


def test_records_on_seed(extractor, seeds_gold):
    from conftest import CORPUS

    text = (CORPUS / "raw" / "001_f1675f7559fffd25.txt").read_text(encoding="utf-8")
    r = extractor(text)
    ents = [x for x in r.records if x.kind == "enterprise"]
    angang = [x for x in ents if x.canonical == "鞍钢集团有限公司"]
    assert len(angang) == 1 and len(angang[0].mentions) >= 20
    for rec in ents:
        for m in rec.mentions:
            assert text[m.start:m.end] == m.text
