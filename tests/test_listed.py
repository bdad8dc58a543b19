"""Listed-company gazetteer: the loader, the anchored-only rule and its effect on matching."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from zhgov_extract.link.gazetteer import CURATED_FILES, ENTERPRISE_FILES, EnterpriseGazetteer, read_tsv
from zhgov_extract.resources import gazetteer_path

ROOT = Path(__file__).resolve().parents[1]
HEADER = "id\tcanonical\taliases\tformer\tcategory\tcode\texchange\tboard\tanchored_only\tnotes"


def _write(tmp_path: Path, rows: list[str]) -> Path:
    p = tmp_path / "listed.tsv"
    p.write_text("# source: invented rows for a test\n" + HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return p


def test_listed_file_is_loaded_last():
    assert ENTERPRISE_FILES[-1] == "listed_companies.tsv" and ENTERPRISE_FILES[:-1] == CURATED_FILES


def test_shipped_file_shape():
    rows = read_tsv(gazetteer_path("listed_companies.tsv"))
    assert len(rows) > 5000
    assert len({r["id"] for r in rows}) == len(rows)
    assert len({r["code"] for r in rows}) == len(rows)
    for r in rows:
        names = {r["canonical"], *r["aliases"].split("|"), *r["former"].split("|")} - {""}
        assert set(r["anchored_only"].split("|")) - {""} <= names, r["id"]
        assert r["category"] in {"central_soe", "central_soe_unit", "local_soe", "private", "foreign", "financial", "unknown"}


def test_anchored_names_stay_out_of_the_automaton(tmp_path):
    p = _write(tmp_path, [
        "lst:900001\t甲乙丙丁科技股份有限公司\t海天\t\tunknown\t900001\tSSE\tSSE main\t海天\t",
        "lst:900002\t戊己庚辛股份有限公司\t戊己庚辛\t旧戊己\tfinancial\t900002\tSZSE\tSZSE main\t\t",
    ])
    gaz = EnterpriseGazetteer(files=[p])
    assert gaz.lookup("海天") is None
    assert gaz.lookup_anchored("海天").canonical == "甲乙丙丁科技股份有限公司"
    assert gaz.lookup("旧戊己").canonical == "戊己庚辛股份有限公司"  # a former short name links
    assert gaz.lookup("戊己庚辛").code == "900002"
    text = "今年海天气晴朗，戊己庚辛在本市投资。"
    assert [n for _, _, n, _ in gaz.iter_matches(text)] == ["戊己庚辛"]
    assert "海天" not in gaz.words  # nor added to the tokenizer's dictionary


def test_curated_row_keeps_its_names_and_gets_the_listed_ones(tmp_path):
    curated = tmp_path / "curated.tsv"
    curated.write_text("# source: test\nid\tcanonical\taliases\tcategory\tnotes\n"
                       "ent:1\t甲乙集团股份有限公司\t甲乙集团\tprivate\t\n", encoding="utf-8")
    listed = _write(tmp_path, ["lst:900003\t甲乙集团股份有限公司\t甲乙股份\t甲乙实业\tunknown\t900003\tSSE\tSSE main\t\t"])
    gaz = EnterpriseGazetteer(files=[curated, listed])
    ent = gaz.lookup("甲乙股份")
    assert ent is gaz.lookup("甲乙集团") and ent.category == "private" and ent.code == "900003"
    assert gaz.lookup("甲乙实业") is ent
    assert len(gaz.entities) == 1


@pytest.fixture(scope="module")
def rule():
    sys.path.insert(0, str(ROOT / "scripts"))
    import build_listed_companies as b

    jieba_mod, freqs = b._jieba()
    endings = ["材料", "能源", "电器", "股份", "港"]
    return lambda name: b.anchored_reason(name, jieba_mod, freqs, {"深圳", "张家界", "宁德"}, endings)


@pytest.mark.parametrize("name", ["美的", "海天", "太阳能", "张家界", "美丽生态", "深圳能源", "新材料", "新产业"])
def test_everyday_short_names_are_anchored_only(rule, name):
    assert rule(name), name


@pytest.mark.parametrize("name", ["格力电器", "比亚迪", "中核钛白", "恒瑞医药"])
def test_distinctive_short_names_match_anywhere(rule, name):
    assert rule(name) is None, name


def test_former_names_of_dictionary_words_are_anchored_only():
    """A former short name (商业网点) made of dictionary words is anchored; the same test does
    not apply to a current short name, and a name with an organisation word (海信) stays."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import build_listed_companies as b

    jieba_mod, freqs = b._jieba()
    assert b.anchored_reason("商业网点", jieba_mod, freqs, set(), [], former=True)
    assert b.anchored_reason("商业网点", jieba_mod, freqs, set(), []) is None
    assert b.anchored_reason("海信电器", jieba_mod, freqs, set(), [], former=True) is None


def test_clean_short_names():
    sys.path.insert(0, str(ROOT / "scripts"))
    from build_listed_companies import clean_short

    assert clean_short("万  科Ａ") == "万科"
    assert clean_short("*ST星源") == "星源"
    assert clean_short("G浦发") == "浦发"
    assert clean_short("百济神州-U") == "百济神州"
    assert clean_short("TCL科技") == "TCL科技"


def test_extractor_links_a_listed_short_name_and_ignores_an_everyday_one():
    from zhgov_extract.pipeline import Extractor

    ex = Extractor(components=["documents", "dates", "numeric", "enterprise"])
    rep = ex("中核钛白将在园区建设钛白粉生产线。全市新产业、新业态加快发展。")
    ents = {m.text: m.norm.entity_id for m in rep.mentions if m.type == "enterprise"}
    assert ents.get("中核钛白") == "lst:002145"
    assert "新产业" not in ents
