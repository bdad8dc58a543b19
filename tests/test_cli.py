"""The command line, run as a user runs it."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import CORPUS

SEED = CORPUS / "raw" / "000_c626203ca909a36d.txt"


def run(*args):
    return subprocess.run([sys.executable, "-m", "zhgov_extract.cli", *args], capture_output=True, text=True)


def test_extract_json():
    p = run("extract", str(SEED), "--format", "json")
    assert p.returncode == 0, p.stderr
    report = json.loads(p.stdout)
    text = SEED.read_text(encoding="utf-8")
    money = [m for m in report["mentions"] if m["type"] == "money"]
    assert money and all(text[m["start"]:m["end"]] == m["text"] for m in money)


def test_extract_table_and_jsonl():
    p = run("extract", str(SEED), "--types", "money")
    assert p.returncode == 0 and "3021.27" in p.stdout
    p = run("extract", str(SEED), str(SEED), "--format", "jsonl")
    assert len(p.stdout.strip().splitlines()) == 2


def test_extract_bad_file_is_clear(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x00\xff" * 100)
    p = run("extract", str(bad))
    assert p.returncode == 1 and "bad.txt" in p.stderr


def test_eval_json_and_errors():
    p = run("eval", "--gold", str(CORPUS / "gold" / "seeds.jsonl"), "--docs", str(CORPUS / "raw"),
            "--json", "--errors", "--types", "money,percent")
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert set(out) == {"money", "percent"}
    assert {"exact", "lenient", "norm_accuracy", "misses", "spurious"} <= set(out["money"])


def test_schema():
    p = run("schema")
    assert json.loads(p.stdout)["title"] == "Report"
