"""Command line: zhgov-extract extract|eval|schema|batch.

Conventions (git's and spaCy's): a user error is one line on stderr and exit
status 2, never a traceback; a file that cannot be read is reported and the
other files go on (exit 1); output piped into ``head`` stops quietly.  Heavy
modules are imported by the command that needs them, so ``--help`` and a
batch with nothing new to do start at once.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from zhgov_extract import __version__

WIDTH = 100   # the first screen fits a terminal this wide


class UserError(Exception):
    """A mistake in the command line: reported in one line, exit status 2."""


def _console(file=None):
    from rich.console import Console

    out = file or sys.stdout
    width = WIDTH
    if out.isatty():
        width = min(WIDTH, os.get_terminal_size(out.fileno()).columns)
    return Console(file=out, highlight=False, width=width, soft_wrap=False)


def _type_list(spec: str | None, default: tuple[str, ...]) -> tuple[str, ...]:
    """``--types``: comma-separated declared types, ``all``, or the default; unknown names are an error."""
    from zhgov_extract.types import declared_types

    known = declared_types()
    if not spec:
        return default
    if spec.strip() == "all":
        return tuple(known)
    wanted = tuple(t.strip() for t in spec.split(",") if t.strip())
    bad = [t for t in wanted if t not in known]
    if bad or not wanted:
        raise UserError(f"--types: unknown type(s) {', '.join(bad) or repr(spec)}; "
                        f"known: {', '.join(known)} (or all)")
    return wanted


def _extractor(args):
    from zhgov_extract.pipeline import Extractor

    components = [c.strip() for c in args.components.split(",") if c.strip()] if args.components else None
    if args.rules_dir and not Path(args.rules_dir).is_dir():
        raise UserError(f"--rules-dir {args.rules_dir}: no such folder")
    for g in args.gazetteer or ():
        if not Path(g).is_file():
            raise UserError(f"--gazetteer {g}: no such file")
    try:
        return Extractor(tokenizer=None if args.tokenizer == "none" else args.tokenizer, components=components,
                         rules_dir=args.rules_dir, gazetteers=args.gazetteer or ())
    except (ValueError, ImportError) as exc:   # unknown component, rjieba missing, a bad rules file
        raise UserError(str(exc).splitlines()[0]) from None


# ----------------------------------------------------------------- extract
def _cmd_extract(args) -> int:
    from zhgov_extract.display import print_records, print_report
    from zhgov_extract.read.encoding import ReadError
    from zhgov_extract.types import scored_types

    types = _type_list(args.types, scored_types())
    ex = _extractor(args)
    console = _console() if args.format == "table" else None
    failed = 0
    many = len(args.files) > 1
    if args.format == "json" and many:
        sys.stdout.write("[")
    first = True
    for path in args.files:
        try:
            report = ex.extract_file(path)
        except ReadError as exc:
            print(f"zhgov-extract: {exc}", file=sys.stderr)
            failed += 1
            continue
        report.mentions = [m for m in report.mentions if m.type in types]
        if args.format == "json":
            body = report.model_dump_json(indent=2, exclude_none=True)
            sys.stdout.write(("" if first else ",\n") + body if many else body + "\n")
        elif args.format == "jsonl":
            sys.stdout.write(report.model_dump_json(exclude_none=True) + "\n")
        elif args.records:
            print_records(console, report, str(path))
        else:
            print_report(console, report, str(path), types)
        first = False
    if args.format == "json" and many:
        sys.stdout.write("]\n")
    return 1 if failed else 0


# -------------------------------------------------------------------- eval
def _min_f1(specs: list[str] | None) -> dict[str, float]:
    out = {}
    for spec in specs or ():
        name, sep, value = spec.partition("=")
        try:
            out[name.strip()] = float(value)
        except ValueError:
            raise UserError(f"--min-f1 {spec}: expected TYPE=NUMBER, e.g. money=0.9") from None
        if not sep or not 0 <= out[name.strip()] <= 1:
            raise UserError(f"--min-f1 {spec}: expected TYPE=NUMBER with a number from 0 to 1")
    return out


def _cmd_eval(args) -> int:
    from zhgov_extract.evaluate import SCORED, evaluate

    types = _type_list(args.types, SCORED)
    floors = _min_f1(args.min_f1)
    bad = [t for t in floors if t not in types and t != "records"]
    if bad:
        raise UserError(f"--min-f1: {', '.join(bad)} is not among the scored types ({', '.join(types)}) or records")
    for p, what in ((args.gold, "file"), (args.docs, "folder")):
        if not (p.is_file() if what == "file" else p.is_dir()):
            raise UserError(f"--{'gold' if what == 'file' else 'docs'} {p}: no such {what}")
    scores = evaluate(args.gold, args.docs, types=types)
    records = getattr(scores, "records", None)
    below = []
    for t, floor in floors.items():
        f1 = (records.overall.scores[2] if records is not None else None) if t == "records" else scores[t].exact[2]
        if f1 is None or f1 < floor:
            below.append(f"{t} F1 {'-' if f1 is None else f'{f1:.3f}'} < {floor}")
    if args.json:
        out = {t: s.as_dict() for t, s in scores.items()}
        if args.errors:
            for t, s in scores.items():
                out[t]["misses"] = s.misses
                out[t]["spurious"] = s.spurious
                out[t]["norm_errors"] = [list(map(str, e)) for e in s.norm_errors]
        if records is not None:
            out["records"] = records.as_dict(errors=args.errors)
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        from zhgov_extract.display import print_eval

        print_eval(_console(), scores, str(args.gold), errors=args.errors)
    for line in below:
        print(f"zhgov-extract: below the floor: {line}", file=sys.stderr)
    return 1 if below else 0


# ------------------------------------------------------------------ schema
def _cmd_schema(args) -> int:
    if args.sql or args.dialect:
        from zhgov_extract.store.tables import ddl

        try:
            text = ddl(args.dialect or "sqlite")
        except Exception as exc:  # noqa: BLE001 - SQLAlchemy's NoSuchModuleError and the like
            raise UserError(f"--dialect {args.dialect}: unknown SQL dialect ({type(exc).__name__}); "
                            "try sqlite, postgresql, mysql") from None
        sys.stdout.write(text)
        return 0
    from zhgov_extract.models import Report

    print(json.dumps(Report.model_json_schema(), ensure_ascii=False, indent=2))
    return 0


# ------------------------------------------------------------------- batch
def _cmd_batch(args) -> int:
    from zhgov_extract.store.batch import BatchInterrupted, BatchOptions, NothingToRead, print_summary, run_batch
    from zhgov_extract.store.tables import SchemaError

    if args.components:
        import zhgov_extract.pipeline  # noqa: F401  (registers the built-in components)
        from zhgov_extract.registry import RegistryError, get_component

        for name in args.components.split(","):
            try:
                get_component(name.strip())
            except (RegistryError, ValueError, KeyError) as exc:
                raise UserError(str(exc).splitlines()[0]) from None
    opts = BatchOptions(
        db=args.db, out=str(args.out) if args.out else None, workers=args.workers,
        tokenizer=None if args.tokenizer == "none" else args.tokenizer,
        components=tuple(c.strip() for c in args.components.split(",")) if args.components else None,
        rules_dir=str(args.rules_dir) if args.rules_dir else None,
        gazetteers=tuple(str(g) for g in args.gazetteer or ()), max_bytes=args.max_bytes,
        max_chars=args.max_chars, store_text=not args.no_text, retry_errors=args.retry_errors,
        batch_size=args.batch_size, dask=args.dask,
        progress=not args.no_progress and not args.json and sys.stderr.isatty(),
    )
    try:
        summary = run_batch(args.inputs, opts)
    except BatchInterrupted as exc:
        print("zhgov-extract: interrupted; what was finished is saved, run the same command again to go on",
              file=sys.stderr)
        if args.json:
            print(json.dumps(exc.summary.as_dict(), ensure_ascii=False))
        return 130
    except (NothingToRead, SchemaError, ValueError, RuntimeError) as exc:
        raise UserError(str(exc)) from None
    except Exception as exc:  # database unreachable and the like
        import sqlalchemy

        if isinstance(exc, sqlalchemy.exc.SQLAlchemyError):
            raise UserError(f"database error: {str(exc).splitlines()[0]}") from None
        raise
    if args.json:
        print(json.dumps(summary.as_dict(), ensure_ascii=False))
    else:
        print_summary(summary, db=opts.db, out=opts.out)
    return 1 if summary.failed else 0


# ------------------------------------------------------------------ parser
def _positive_int(s: str) -> int:
    try:
        v = int(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {s!r}") from None
    if v < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {v}")
    return v


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):   # one line, exit 2 (argparse prints the whole usage)
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _pipeline_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--tokenizer", default="auto", choices=("jieba", "rjieba", "auto", "none"),
                   help="word segmenter: auto (default: rjieba, else jieba), jieba, rjieba (the same words, "
                        "faster), none (no tokenising: numbers only are as good, enterprises worse)")
    p.add_argument("--components", metavar="A,B", help="pipeline components to run, in order (default: all "
                                                       "built-ins: documents,dates,numeric,enterprise,…)")
    p.add_argument("--rules-dir", type=Path, metavar="DIR",
                   help="a folder with your own numeric.yaml, dates.yaml, enterprise.yaml (see docs/rules.md)")
    p.add_argument("--gazetteer", action="append", type=Path, metavar="LIST.tsv",
                   help="an extra enterprise list (TSV, same columns as gazetteers/other_enterprises.tsv); repeatable")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="zhgov-extract", description="Structured records from Chinese government reports: money, "
                "percentages, quantities, enterprises, projects, each with its offsets in the source text.",
                epilog="Run 'zhgov-extract COMMAND --help' for a command's options. Exit status: 0 done, "
                       "1 some files failed (or eval below --min-f1), 2 usage or setup error.")
    p.add_argument("--version", action="version", version=f"zhgov-extract {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)

    e = sub.add_parser("extract", help="extract mentions (or records) from report files and print them",
                       description="Read each FILE (.txt/.md in any common Chinese encoding, .docx, .pdf, .html) "
                                   "and print its mentions; offsets refer to the text the reader extracts.")
    e.add_argument("files", nargs="+", type=Path, metavar="FILE", help="report files")
    e.add_argument("--format", choices=("table", "json", "jsonl"), default="table",
                   help="table: for people, 100 columns (default); json: one Report object, a JSON array of "
                        "them for several files; jsonl: one Report a line")
    e.add_argument("--types", metavar="T,T|all",
                   help="mention types to show, comma-separated (default: the scored types money, percent, "
                        "quantity, enterprise, project; 'all' adds region, date, organization, person, document)")
    e.add_argument("--records", action="store_true",
                   help="print the records instead (projects, metrics, enterprises), one table per kind")
    _pipeline_options(e)
    e.set_defaults(func=_cmd_extract)

    v = sub.add_parser("eval", help="score against gold (per type exact/lenient P/R/F1, records' facts)",
                       description="Run the extractor over the gold's documents and score it.")
    v.add_argument("--gold", required=True, type=Path, metavar="GOLD.jsonl",
                   help="gold file: one document a line with its mentions (and records)")
    v.add_argument("--docs", required=True, type=Path, metavar="DIR", help="folder with <doc_id>.txt files")
    v.add_argument("--types", metavar="T,T|all", help="types to score, comma-separated (default: the scored types)")
    v.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    v.add_argument("--errors", action="store_true", help="list misses, spurious mentions and wrong values")
    v.add_argument("--min-f1", action="append", metavar="TYPE=X",
                   help="exit 1 if TYPE's exact F1 (or, for 'records', the fact F1) is below X; repeatable")
    v.set_defaults(func=_cmd_eval)

    s = sub.add_parser("schema", help="print the JSON Schema of a Report, or the SQL tables' DDL")
    s.add_argument("--sql", action="store_true", help="print the CREATE TABLE statements of the batch tables")
    s.add_argument("--dialect", help="SQL dialect for --sql: sqlite (default), postgresql, mysql, …")
    s.set_defaults(func=_cmd_schema)

    from zhgov_extract.read.formats import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS
    from zhgov_extract.store.batch import DEFAULT_DB

    b = sub.add_parser("batch", help="extract from folders of reports into a database (resumable)",
                       description="Extract from every report under INPUT (files, folders, globs; .txt .md "
                                   ".docx .pdf .html) into a database; re-running skips what is loaded.")
    b.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="files, folders (recursive) or quoted glob patterns ('**' recurses)")
    b.add_argument("--db", default=DEFAULT_DB, help=f"SQLAlchemy URL (default {DEFAULT_DB}; "
                                                    "PostgreSQL: postgresql+psycopg://user@host/db)")
    b.add_argument("--out", type=Path, metavar="FILE",
                   help="also write the results of these inputs to FILE: .jsonl (a document a line), .csv (UTF-8 "
                        "with BOM) or .parquet (a mention a row), plus FILE's stem.TABLE.csv/.parquet for the "
                        "record tables")
    b.add_argument("--workers", type=_positive_int, help="worker processes (default: number of cores)")
    b.add_argument("--dask", metavar="ADDRESS", help="run on a Dask distributed scheduler instead of local processes")
    _pipeline_options(b)
    b.add_argument("--max-bytes", type=_positive_int, default=DEFAULT_MAX_BYTES, metavar="N",
                   help=f"refuse files larger than this (default {DEFAULT_MAX_BYTES})")
    b.add_argument("--max-chars", type=_positive_int, default=DEFAULT_MAX_CHARS, metavar="N",
                   help=f"refuse texts longer than this (default {DEFAULT_MAX_CHARS})")
    b.add_argument("--batch-size", type=_positive_int, default=32, metavar="N",
                   help="documents per transaction (default 32)")
    b.add_argument("--no-text", action="store_true", help="do not store the document text in the database")
    b.add_argument("--retry-errors", action="store_true", help="try again the files recorded in the errors table")
    b.add_argument("--no-progress", action="store_true", help="no progress bar")
    b.add_argument("--json", action="store_true", help="print the summary as JSON")
    b.set_defaults(func=_cmd_batch)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code = args.func(args)
        sys.stdout.flush()
        return code
    except UserError as exc:
        print(f"zhgov-extract {args.command}: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # the reader (head, less) went away: stop quietly, as git does
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except KeyboardInterrupt:
        print("zhgov-extract: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
