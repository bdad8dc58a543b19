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


def test_seed_004_county_list_items_take_their_heading():
    """Issue 13: every item of the county-headed list in seed 004 has its county, from the heading."""
    import json
    from pathlib import Path

    from zhgov_extract import Extractor
    from zhgov_extract.read.encoding import read_text

    root = Path(__file__).resolve().parents[1]
    gold = next(json.loads(line) for line in open(root / "corpus/gold/seeds.jsonl", encoding="utf-8")
                if json.loads(line)["doc_id"].startswith("004"))
    src = read_text(root / "corpus/raw" / f"{gold['doc_id']}.txt")
    report = Extractor()(src.text, doc_id=gold["doc_id"], source=src)
    ours = {(r.anchor.start, r.anchor.end): r for r in report.records if r.kind == "project"}
    headed = [g for g in gold["records"] if g["kind"] == "project" and (g.get("region") or {}).get("from_heading")]
    assert len(headed) >= 20
    for g in headed:
        r = ours.get((g["anchor"]["start"], g["anchor"]["end"]))
        assert r is not None, g["anchor"]["text"]
        assert (r.region.code, r.region.from_heading) == (g["region"]["code"], True), g["anchor"]["text"]
