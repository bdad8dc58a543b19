"""The public API: types, errors, empty input, schema, pipe, file reading."""
from __future__ import annotations

import hashlib
import json

import pytest

from zhgov_extract import Extractor, ReadError, Report, extract, read_text


def test_extract_returns_sorted_report():
    r = extract("总投资 14.8 亿元，同比增长7.4%，建成3个项目。", doc_id="x")
    assert isinstance(r, Report)
    assert r.doc_id == "x"
    assert [m.start for m in r.mentions] == sorted(m.start for m in r.mentions)
    assert r.text_sha256 == hashlib.sha256("总投资 14.8 亿元，同比增长7.4%，建成3个项目。".encode()).hexdigest()
    assert {m.type for m in r.mentions} >= {"money", "percent", "quantity"}


@pytest.mark.parametrize("bad", [None, 123, b"bytes", ["a"]])
def test_non_str_is_type_error(bad):
    with pytest.raises(TypeError, match="str"):
        extract(bad)


def test_empty_text_gives_empty_report():
    for t in ("", "   \n\n  "):
        r = extract(t)
        assert r.mentions == [] and r.records == []


def test_schema_is_published():
    schema = Report.model_json_schema()
    assert schema["title"] == "Report"
    assert "mentions" in schema["properties"]
    json.dumps(schema)


def test_round_trip_json():
    r = extract("投资10亿至20亿元，增长1.6倍。")
    again = Report.model_validate_json(r.model_dump_json())
    assert again == r
    assert [type(m).__name__ for m in again.mentions] == [type(m).__name__ for m in r.mentions]


def test_built_mentions_are_independent_models(numeric_only):
    """Mentions are built without validation and share internals: they must still act as separate models."""
    r = numeric_only("投资3亿元，增长5%，建成12座、8座。")
    a, b = [m for m in r.mentions if m.type == "quantity"][:2]
    a.start += 100
    a.norm.value = "99"
    assert b.start != a.start and b.norm.value != "99"
    copy = b.model_copy(update={"text": "x"})
    assert copy.text == "x" and b.text != "x"
    assert a.model_fields_set == set(type(a).model_fields)
    assert b.model_dump(exclude_unset=True) == b.model_dump()
    assert Report.model_validate_json(r.model_dump_json()) == r


def test_pipe_reuses_extractor(numeric_only):
    out = list(numeric_only.pipe(["增长5%", "投资3亿元"], doc_ids=["a", "b"]))
    assert [r.doc_id for r in out] == ["a", "b"]
    assert [m.text for m in out[1].mentions if m.type == "money"] == ["3亿元"]


def test_unknown_component():
    with pytest.raises(ValueError, match="unknown component"):
        Extractor(components=["nope"])


@pytest.mark.parametrize("encoding,bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gb18030", b""), ("gbk", b"")])
def test_read_encodings(tmp_path, encoding, bom):
    text = "鞍山市2024年一般公共预算收入增长7.4%，总投资１２．５亿元。"
    p = tmp_path / "r.txt"
    p.write_bytes(bom + text.encode(encoding))
    src = read_text(p)
    assert src.text == text
    assert src.encoding in ("utf-8", "utf-8-sig", "gb18030")
    r = Extractor(tokenizer=None).extract_file(p)
    assert r.encoding == src.encoding
    assert [m.text for m in r.mentions if m.type == "money"] == ["１２．５亿元"]


def test_bom_is_dropped_from_offsets(tmp_path):
    p = tmp_path / "b.txt"
    p.write_bytes(b"\xef\xbb\xbf" + "投资3亿元".encode())
    r = Extractor(tokenizer=None).extract_file(p)
    (m,) = [m for m in r.mentions if m.type == "money"]
    assert (m.start, m.end) == (2, 5)


def test_undecodable_file_names_the_file(tmp_path):
    p = tmp_path / "broken.txt"
    p.write_bytes(b"\x00\x01\x02binary\xff\xfe\x00" * 50)
    with pytest.raises(ReadError, match="broken.txt"):
        read_text(p)


def test_missing_file_names_the_file(tmp_path):
    with pytest.raises(ReadError, match="nothere.txt"):
        read_text(tmp_path / "nothere.txt")


def test_big5_and_short_gbk(tmp_path):
    from zhgov_extract.read.encoding import decode_bytes

    big5 = "台北市政府與鴻海精密工業股份有限公司簽約，投資新台幣100億元。"
    src = decode_bytes(big5.encode("big5"), name="tw.txt")
    assert src.text == big5 and src.encoding.lower().startswith("big5")
    short = decode_bytes("中核集团".encode("gbk"), name="short.txt")
    assert short.text == "中核集团" and short.encoding == "gb18030"
