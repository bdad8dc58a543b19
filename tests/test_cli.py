"""The command line, run as a user runs it: conventions, the first screen, every reader."""
from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

from conftest import CORPUS
from zhgov_extract.read.formats import read_document

SEED = CORPUS / "raw" / "000_c626203ca909a36d.txt"
ROOT = Path(__file__).parent.parent
FORMATS = sorted((Path(__file__).parent / "data" / "formats").iterdir())


def run(*args, **kw):
    return subprocess.run([sys.executable, "-m", "zhgov_extract", *args], capture_output=True, text=True,
                          timeout=300, **kw)


def one_line_error(p, *words):
    """A user error: exit 2, one line on stderr naming the problem, no traceback."""
    assert p.returncode == 2, (p.returncode, p.stderr)
    assert len(p.stderr.strip().splitlines()) == 1, p.stderr
    assert "Traceback" not in p.stderr
    for w in words:
        assert w in p.stderr, p.stderr


# ------------------------------------------------------------------ readers
def test_extract_reads_every_format_with_offsets_into_its_text():
    """One reader: .txt, .docx, .pdf, .html through `extract`, offsets checked against the reader's text."""
    p = run("extract", *map(str, FORMATS), "--format", "json", "--types", "all", "--tokenizer", "none")
    assert p.returncode == 0, p.stderr
    reports = json.loads(p.stdout)
    assert isinstance(reports, list) and len(reports) == len(FORMATS)
    by_format = {}
    for path, report in zip(FORMATS, reports):
        text = read_document(path).text
        assert report["n_chars"] == len(text) and report["source_path"] == str(path)
        assert report["mentions"], path
        bad = [m for m in report["mentions"] if text[m["start"]:m["end"]] != m["text"]]
        assert not bad, (path, bad[:3])
        assert all("<" not in m["text"] for m in report["mentions"])      # never inside HTML markup
        by_format.setdefault(path.stem, {})[path.suffix] = {(m["type"], m["text"].replace("\n", "").replace(" ", ""))
                                                            for m in report["mentions"] if m["type"] == "money"}
    for stem, sets in by_format.items():   # the same report in four formats: the same amounts
        assert sets[".docx"] == sets[".txt"], stem
        assert sets[".txt"] <= sets[".pdf"] | sets[".html"], stem


# --------------------------------------------------------------- conventions
def test_python_dash_m_and_help_for_every_option():
    p = run("--help")
    assert p.returncode == 0 and "`" not in p.stdout and "extract" in p.stdout
    from zhgov_extract.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.choices and "extract" in a.choices)
    missing = [f"{name} {a.option_strings or a.dest}" for name, sp in sub.choices.items() for a in sp._actions
               if not a.help and a.dest != "help"]
    assert not missing


def test_json_over_several_files_is_one_array():
    p = run("extract", str(SEED), str(SEED), "--format", "json", "--tokenizer", "none")
    assert p.returncode == 0, p.stderr
    reports = json.loads(p.stdout)
    assert [r["doc_id"] for r in reports] == [SEED.stem, SEED.stem]
    one = json.loads(run("extract", str(SEED), "--format", "json", "--tokenizer", "none").stdout)
    assert one["doc_id"] == SEED.stem
    p = run("extract", str(SEED), str(SEED), "--format", "jsonl", "--tokenizer", "none")
    assert len(p.stdout.strip().splitlines()) == 2


@pytest.mark.parametrize("args,words", [
    (("extract", str(SEED), "--types", "money,bogus"), ("bogus", "known")),
    (("extract", str(SEED), "--components", "numeric,bogus"), ("bogus",)),
    (("extract", str(SEED), "--rules-dir", "/nonexistent"), ("rules-dir",)),
    (("extract", str(SEED), "--format", "xml"), ("xml",)),
    (("schema", "--sql", "--dialect", "bogus"), ("bogus",)),
    (("eval", "--gold", "nope.jsonl", "--docs", "."), ("nope.jsonl",)),
    (("eval", "--gold", str(CORPUS / "gold" / "seeds.jsonl"), "--docs", str(CORPUS / "raw"),
      "--min-f1", "money"), ("money",)),
    (("batch", "/nonexistent/*.txt", "--db", "sqlite://"), ("nothing to read",)),
    (("batch", str(SEED), "--components", "bogus", "--db", "sqlite://"), ("bogus",)),
    (("batch", str(SEED), "--workers", "0"), ("at least 1",)),
])
def test_user_errors_are_one_line_and_exit_2(args, words):
    one_line_error(run(*args), *words)


def test_a_missing_file_is_reported_and_the_others_go_on(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x00\xff" * 100)
    p = run("extract", str(bad), str(SEED), "--format", "jsonl", "--tokenizer", "none")
    assert p.returncode == 1 and "bad.txt" in p.stderr and "Traceback" not in p.stderr
    assert len(p.stdout.splitlines()) == 1


def test_broken_pipe_is_quiet():
    proc = subprocess.Popen([sys.executable, "-m", "zhgov_extract", "extract", str(SEED), str(SEED), str(SEED),
                             "--types", "all", "--tokenizer", "none"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()                  # as `| head -1` does
    _, err = proc.communicate(timeout=300)
    assert b"Traceback" not in err and b"Error" not in err, err


def test_extract_pipeline_options(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    for f in (ROOT / "rules").glob("*.yaml"):
        (rules / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    p = run("extract", str(SEED), "--tokenizer", "none", "--components", "documents,numeric", "--rules-dir",
            str(rules), "--format", "json", "--types", "all")
    assert p.returncode == 0, p.stderr
    types = {m["type"] for m in json.loads(p.stdout)["mentions"]}
    assert "money" in types and "enterprise" not in types


def test_eval_min_f1_sets_the_exit_status():
    args = ("eval", "--gold", str(CORPUS / "gold" / "seeds.jsonl"), "--docs", str(CORPUS / "raw"), "--json")
    ok = run(*args, "--min-f1", "money=0.5", "--min-f1", "percent=0.5")
    assert ok.returncode == 0, ok.stderr
    scores = {t: s["exact"]["f1"] for t, s in json.loads(ok.stdout).items() if t != "records"}
    t, f1 = min(scores.items(), key=lambda kv: kv[1])
    assert f1 < 1.0
    low = run(*args, "--min-f1", f"{t}={f1 + 0.0001:.4f}")
    assert low.returncode == 1 and f"{t} F1" in low.stderr


# -------------------------------------------------------------- first screen
def test_first_screen_fits_100_columns_with_readable_amounts():
    p = run("extract", str(SEED))
    assert p.returncode == 0, p.stderr
    lines = p.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= 100
    assert "3021.27 亿元" in p.stdout and "302,127,000,000 CNY" in p.stdout
    rows = [line.split()[0] for line in lines[2:] if re.match(r"\S+\s+\d+-\d+\s", line)]
    assert set(rows) <= {"money", "percent", "quantity", "enterprise", "project"}     # the scored types
    summary = [line.split()[0] for line in lines if re.match(r"^[a-z]+\s+\d+(\s|$)", line)]
    assert summary == ["money", "percent", "quantity", "enterprise", "project"]
    more = run("extract", str(SEED), "--types", "all").stdout
    assert re.search(r"^region\s", more, re.M) and re.search(r"^date\s", more, re.M)


def test_readme_first_screen_is_what_the_command_prints():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```text\n\$ zhgov-extract extract (\S+)\n(.*?)```", readme, re.S)
    assert block, "the README shows the first screen in a ```text block"
    shown = block.group(2).rstrip("\n").split("\n")
    out = run("extract", block.group(1), cwd=ROOT).stdout.rstrip("\n").split("\n")
    cut = shown.index("…")
    head, tail = shown[:cut], shown[cut + 1:]
    assert out[:len(head)] == head and out[-len(tail):] == tail


def test_records_tables_for_each_kind():
    from rich.console import Console

    from batch_corpus import record_reports
    from zhgov_extract.display import print_records

    buf = io.StringIO()
    report, src = record_reports()[1]
    print_records(Console(file=buf, width=100), report, src.path)
    out = buf.getvalue()
    assert "projects" in out and "metrics" in out
    assert "岫岩抽水蓄能电站项目" in out and "中国核工业集团有限公司"[:10] in out and "岫岩县*" in out
    assert "地区生产总值" in out and "↑" in out and "yoy" in out
    assert max(cell_len(line) for line in out.splitlines()) <= 100
    p = run("extract", str(SEED), "--records", "--tokenizer", "none")
    assert p.returncode == 0 and "enterprises" in p.stdout


def test_schema():
    assert json.loads(run("schema").stdout)["title"] == "Report"


def test_readme_python_example_prints_its_records():
    """The README's Python example runs and prints the record lines it shows."""
    import contextlib
    import io

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = readme[readme.index("## Python"):]
    code = code[code.index("```python\n") + 10:code.index("ex = Extractor()")]
    shown = [line[2:] for line in code.splitlines() if line.startswith("# ") and ("项目" in line or "%" in line)
             and not line.startswith("# project") and not line.startswith("# percent")]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})
    printed = out.getvalue().splitlines()
    assert shown and all(line in printed for line in shown), (shown, printed)
