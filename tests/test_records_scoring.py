"""Records scoring (spec "Records / Scoring"): small invented gold/pred pairs, one per rule."""
from __future__ import annotations

import copy
import json

import pytest

from zhgov_extract.models import MentionRef, MetricRecord, OwnerRef, ProjectRecord, InvestmentRef, CapacityRef, RecordRegion
from zhgov_extract.records.scoring import score_records

TEXT = ("辽宁示例新材料有限公司年产5万吨电熔镁砂项目总投资3.5亿元，2024年开工建设。"
        "2024年全市规模以上工业增加值同比增长6.2%。")


def ref(s: str, nth: int = 0) -> dict:
    """``{start, end, text}`` of the nth occurrence of ``s`` in TEXT."""
    i = -1
    for _ in range(nth + 1):
        i = TEXT.index(s, i + 1)
    return {"start": i, "end": i + len(s), "text": s}


def project(**kw) -> dict:
    rec = {"kind": "project", "anchor": ref("辽宁示例新材料有限公司年产5万吨电熔镁砂项目"),
           "owners": [{**ref("辽宁示例新材料有限公司"), "canonical": "辽宁示例新材料有限公司"}],
           "investment": [{**ref("3.5亿元"), "value": "350000000", "kind": "total"}],
           "capacity": [{**ref("5万吨"), "value": "50000", "unit": "吨"}],
           "region": {"code": "210300", "name": "鞍山市", "from_heading": False},
           "status": "started", "year": "2024"}
    rec.update(kw)
    return rec


def metric(**kw) -> dict:
    rec = {"kind": "metric", "anchor": ref("6.2%"), "indicator": ref("规模以上工业增加值"),
           "role": "change", "direction": "increase", "basis": "yoy", "period": "2024",
           "region": {"code": "210300", "name": "鞍山市"}}
    rec.update(kw)
    return rec


def run(gold: list[dict], pred: list[dict]):
    return score_records({"d": {"doc_id": "d", "mentions": [], "records": gold}}, {"d": pred})


def field_f1(sc, kind: str, f: str) -> tuple[int, int, int]:
    s = sc.fields[(kind, f)]
    return s.gold, s.pred, s.tp


def test_identical_records_score_one_on_every_field():
    sc = run([project(), metric()], [project(), metric()])
    for (kind, f), s in sc.fields.items():
        assert s.gold == s.pred == s.tp == 1, (kind, f)
    assert sc.overall.scores == (1.0, 1.0, 1.0)
    assert sc.anchors["project"].tp == sc.anchors["metric"].tp == 1
    assert sc.indicator_lenient.tp == 1
    assert sc.errors == []


# each field changed alone: only that field's fact is wrong, with both values in the error
CHANGES = [
    ("project", "owner", {"owners": [{**ref("辽宁示例新材料有限公司"), "canonical": "辽宁示例集团有限公司"}]},
     "辽宁示例新材料有限公司", "辽宁示例集团有限公司"),
    ("project", "investment", {"investment": [{**ref("3.5亿元"), "value": "350000000", "kind": "annual"}]},
     "350000000 total", "350000000 annual"),
    ("project", "capacity", {"capacity": [{**ref("5万吨"), "value": "5", "unit": "万吨"}]},
     "50000 吨", "5 万吨"),
    ("project", "region", {"region": {"code": "210381", "name": "海城市"}}, "210300", "210381"),
    ("project", "status", {"status": "under_construction"}, "started", "under_construction"),
    ("project", "year", {"year": "2025"}, "2024", "2025"),
    ("metric", "indicator", {"indicator": ref("工业增加值")}, "'规模以上工业增加值'", "'工业增加值'"),
    ("metric", "role", {"role": "value"}, "change", "value"),
    ("metric", "direction", {"direction": "decrease"}, "increase", "decrease"),
    ("metric", "basis", {"basis": "mom"}, "yoy", "mom"),
    ("metric", "period", {"period": "2024-12"}, "2024", "2024-12"),
    ("metric", "region", {"region": {"code": None, "name": "鞍山高新区"}}, "210300", "鞍山高新区"),
]


@pytest.mark.parametrize("kind,f,change,gold_shown,pred_shown", CHANGES, ids=[c[1] + "-" + c[0] for c in CHANGES])
def test_one_wrong_field(kind, f, change, gold_shown, pred_shown):
    pred = [project(**change), metric()] if kind == "project" else [project(), metric(**change)]
    sc = run([project(), metric()], pred)
    assert field_f1(sc, kind, f) == (1, 1, 0)
    for (k, other), s in sc.fields.items():
        if (k, other) != (kind, f):
            assert s.tp == s.gold == s.pred == 1, (k, other)
    assert sc.anchors[kind].tp == 1  # the anchor itself is right
    [err] = sc.errors
    assert (err.kind, err.field, err.why) == (kind, f, "wrong")
    assert str(err.as_dict()["gold"]).startswith(gold_shown) and str(err.as_dict()["pred"]).startswith(pred_shown)


def test_record_off_the_gold_anchor_gives_only_wrong_facts():
    off = project(anchor=ref("5万吨电熔镁砂项目"))  # right fields, anchor not a gold anchor
    sc = run([project()], [off])
    assert sc.overall.tp == 0 and sc.overall.pred == sc.overall.gold == 6
    assert sc.anchors["project"].as_dict()["f1"] == 0.0
    whys = {e.why for e in sc.errors}
    assert whys == {"anchor_missed", "anchor_spurious"}
    assert sum(e.why == "anchor_spurious" for e in sc.errors) == 6


def test_same_anchor_other_kind_does_not_match():
    as_metric = {"kind": "metric", "anchor": ref("3.5亿元"), "role": "value"}
    sc = run([as_metric], [{"kind": "project", "anchor": ref("3.5亿元"), "status": "started"}])
    assert sc.anchors["metric"].tp == sc.anchors["project"].tp == 0
    assert sc.overall.tp == 0


def test_decimals_compare_as_decimals():
    gold = project(investment=[{**ref("3.5亿元"), "value": "350000000", "kind": "total"}],
                   capacity=[{**ref("5万吨"), "value": "1.5", "unit": "吨"}])
    pred = project(investment=[{**ref("3.5亿元"), "value": "350000000.00", "kind": "total"}],
                   capacity=[{**ref("5万吨"), "value": "1.50", "unit": "吨"}])
    sc = run([gold], [pred])
    assert field_f1(sc, "project", "investment") == (1, 1, 1)
    assert field_f1(sc, "project", "capacity") == (1, 1, 1)
    pred["capacity"][0]["value"] = "1.51"
    assert field_f1(run([gold], [pred]), "project", "capacity") == (1, 1, 0)


def test_indicator_exact_and_lenient():
    gold = metric(indicator=ref("规模以上工业增加值"))
    overlapping = metric(indicator=ref("全市规模以上工业"))
    sc = run([gold], [overlapping])
    assert field_f1(sc, "metric", "indicator") == (1, 1, 0)
    assert sc.indicator_lenient.tp == 1 and sc.as_dict()["indicator"]["lenient"]["f1"] == 1.0
    disjoint = metric(indicator=ref("2024年", 1))
    sc = run([gold], [disjoint])
    assert sc.indicator_lenient.tp == 0


def test_null_fields_give_no_fact():
    bare_gold = metric(direction=None, basis=None, period=None, region=None, indicator=None)
    sc = run([bare_gold], [copy.deepcopy(bare_gold)])
    assert sc.overall.gold == 1 and sc.overall.tp == 1  # only the role
    for f in ("indicator", "direction", "basis", "period", "region"):
        assert field_f1(sc, "metric", f) == (0, 0, 0)
    # a value where the gold has null is a spurious fact: precision falls, recall does not
    sc = run([bare_gold], [metric(direction=None, basis="yoy", period=None, region=None, indicator=None)])
    assert field_f1(sc, "metric", "basis") == (0, 1, 0)
    assert sc.overall.scores[1] == 1.0 and sc.overall.scores[0] == 0.5
    [err] = sc.errors
    assert (err.field, err.why, err.gold, err.pred) == ("basis", "spurious", None, "yoy")
    # empty lists and a region without code or name give nothing either
    sc = run([project(owners=[], investment=[], capacity=[], region={"code": None, "name": None},
                      status=None, year=None)], [])
    assert sc.overall.gold == 0 and sc.anchors["project"].gold == 1


def test_region_code_else_name_and_width_folded_names():
    sc = run([metric()], [metric(region={"code": "210300", "name": "鞍山"})])
    assert field_f1(sc, "metric", "region") == (1, 1, 1)  # the code decides
    zone = {"code": None, "name": "鞍山（高新）区"}
    sc = run([metric(region=zone)], [metric(region={"code": None, "name": "鞍山(高新)区"})])
    assert field_f1(sc, "metric", "region") == (1, 1, 1)
    owner = [{**ref("辽宁示例新材料有限公司"), "canonical": "华润（集团）有限公司"}]
    pred_owner = [{**ref("辽宁示例新材料有限公司"), "canonical": "华润(集团)有限公司"}]
    assert field_f1(run([project(owners=owner)], [project(owners=pred_owner)]), "project", "owner") == (1, 1, 1)


def test_several_owners_are_several_facts():
    two = [{**ref("辽宁示例新材料有限公司"), "canonical": "甲公司"}, {**ref("辽宁示例新材料有限公司"), "canonical": "乙公司"}]
    sc = run([project(owners=two)], [project(owners=two[:1])])
    assert field_f1(sc, "project", "owner") == (2, 1, 1)
    [err] = sc.errors
    assert (err.why, err.gold, err.pred) == ("missed", "乙公司", None)


def test_enterprise_records_not_scored_and_unannotated_docs_skipped():
    ent = {"kind": "enterprise", "canonical": "甲公司", "category": "private", "mentions": []}
    sc = run([metric()], [metric(), ent])
    assert sc.overall.pred == sc.overall.gold
    gold = {"a": {"doc_id": "a", "mentions": [], "records": [metric()]},
            "b": {"doc_id": "b", "mentions": []}}  # b: records not annotated
    sc = score_records(gold, {"a": [metric()], "b": [project()]})
    assert sc.docs == 1 and sc.anchors["project"].pred == 0
    assert score_records({"b": gold["b"]}, {"b": [project()]}) is None


def test_model_dumps_score_like_gold():
    """Predicted records come as ``model_dump()`` of the models, with more keys than the gold."""
    a = ref("辽宁示例新材料有限公司年产5万吨电熔镁砂项目")
    rec = ProjectRecord(anchor=MentionRef(**a),
                        owners=[OwnerRef(**ref("辽宁示例新材料有限公司"), canonical="辽宁示例新材料有限公司")],
                        investment=[InvestmentRef(**ref("3.5亿元"), value="350000000.0", kind="total")],
                        capacity=[CapacityRef(**ref("5万吨"), value="50000", unit="吨")],
                        region=RecordRegion(code="210300", name="鞍山市"), status="started",
                        status_text=MentionRef(**ref("开工建设")), year="2024")
    m = MetricRecord(anchor=MentionRef(**ref("6.2%")), type="percent", value="6.2", unit="percent",
                     indicator=MentionRef(**ref("规模以上工业增加值")), role="change", direction="increase",
                     basis="yoy", period="2024", region=RecordRegion(code="210300", name="鞍山市"))
    sc = run([project(), metric()], [rec.model_dump(), m.model_dump()])
    assert sc.overall.scores == (1.0, 1.0, 1.0), [e.as_dict() for e in sc.errors]


def test_eval_cli_prints_records_table_and_json(tmp_path, capsys):
    from zhgov_extract.cli import main

    (tmp_path / "d.txt").write_text(TEXT, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc_id": "d", "mentions": [], "records": [project(), metric()]},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["eval", "--gold", str(gold), "--docs", str(tmp_path), "--types", "money", "--json", "--errors"]) == 0
    out = json.loads(capsys.readouterr().out)
    rec = out["records"]
    assert rec["docs"] == 1 and rec["overall"]["gold"] == 12
    assert rec["kinds"]["metric"]["anchor"]["gold"] == 1 and "lenient" in rec["indicator"]
    missed = {(e["field"], e["why"]) for e in rec["errors"] if e["gold"] is not None}
    assert len([e for e in rec["errors"] if e["gold"] is not None]) == 12 - rec["overall"]["tp"]
    assert all(w in ("anchor_missed", "missed", "wrong") for _, w in missed)
    assert main(["eval", "--gold", str(gold), "--docs", str(tmp_path), "--types", "money", "--errors"]) == 0
    text = capsys.readouterr().out
    assert "project anchors" in text and "indicator (lenient)" in text
    # a gold file without records: no records scores, no error
    gold.write_text(json.dumps({"doc_id": "d", "mentions": []}) + "\n", encoding="utf-8")
    assert main(["eval", "--gold", str(gold), "--docs", str(tmp_path), "--types", "money", "--json"]) == 0
    assert "records" not in json.loads(capsys.readouterr().out)


def test_error_lines_keep_brackets_of_the_text():
    from rich.console import Console

    sc = run([metric(period="[2024]")], [metric(period="2024")])
    console = Console(record=True, width=200)
    for line in sc.error_lines():
        console.print(line)
    assert "gold=[2024] pred=2024" in console.export_text()


def test_table_marks_fields_with_no_facts():
    from rich.console import Console

    sc = run([metric(basis=None)], [metric(basis=None, direction="decrease")])
    console = Console(record=True, width=200)
    console.print(sc.table())
    rows = {line.split("│")[1].strip(): [c.strip() for c in line.split("│")[2:-1]]
            for line in console.export_text().splitlines() if line.count("│") > 2}
    assert rows["basis"] == ["0", "0", "0", "-", "-", "-"]  # nothing to score is not a perfect score
    assert rows["direction"] == ["1", "1", "0", "0.000", "0.000", "0.000"]
    assert rows["metric anchors"][:3] == ["1", "1", "1"]
