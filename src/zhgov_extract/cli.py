"""Command line: ``zhgov-extract extract|eval|schema|batch``."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from zhgov_extract import __version__
from zhgov_extract.read.encoding import ReadError

TYPE_STYLE = {
    "money": "bold green", "percent": "bold cyan", "quantity": "yellow", "enterprise": "bold magenta",
    "project": "bold blue", "region": "white", "organization": "dim", "document": "dim italic",
    "date": "dim", "person": "dim",
}


def _console() -> Console:
    """Colour in a terminal; a wide plain table when piped to a file."""
    return Console(highlight=False, width=None if sys.stdout.isatty() else 160)


def _norm_text(m) -> str:
    n = m.norm
    if n is None:
        return ""
    d = n.model_dump(exclude_none=True) if hasattr(n, "model_dump") else dict(n)
    return ", ".join(f"{k}={v}" for k, v in d.items() if not (k == "qualifier" and v == "exact"))


def _cmd_extract(args) -> int:
    from zhgov_extract.pipeline import Extractor

    ex = Extractor(tokenizer=args.tokenizer, gazetteers=args.gazetteer or ())
    console = _console()
    failed = 0
    for path in args.files:
        try:
            report = ex.extract_file(path)
        except ReadError as exc:
            print(f"zhgov-extract: {exc}", file=sys.stderr)
            failed += 1
            continue
        if args.types:
            wanted = set(args.types.split(","))
            report.mentions = [m for m in report.mentions if m.type in wanted]
        if args.format == "json":
            print(report.model_dump_json(indent=2, exclude_none=True))
        elif args.format == "jsonl":
            print(report.model_dump_json(exclude_none=True))
        else:
            table = Table(title=f"{path}  ({report.encoding}, {report.n_chars} chars, {len(report.mentions)} mentions)")
            for col in ("type", "start", "end", "text", "normalised"):
                table.add_column(col, overflow="fold")
            for m in report.mentions:
                table.add_row(m.type, str(m.start), str(m.end), m.text.replace("\n", "⏎"), _norm_text(m),
                              style=TYPE_STYLE.get(m.type))
            console.print(table)
    return 1 if failed else 0


def _cmd_eval(args) -> int:
    from zhgov_extract.evaluate import SCORED, evaluate

    types = tuple(args.types.split(",")) if args.types else SCORED
    scores = evaluate(args.gold, args.docs, types=types)
    if args.json:
        out = {t: s.as_dict() for t, s in scores.items()}
        if args.errors:
            for t, s in scores.items():
                out[t]["misses"] = s.misses
                out[t]["spurious"] = s.spurious
                out[t]["norm_errors"] = [list(map(str, e)) for e in s.norm_errors]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    console = _console()
    table = Table(title=f"zhgov-extract eval: {args.gold}")
    for col in ("type", "gold", "pred", "exact P", "exact R", "exact F1", "lenient P", "lenient R", "lenient F1", "norm acc"):
        table.add_column(col, justify="right")
    for t, s in scores.items():
        ep, er, ef = s.exact
        lp, lr, lf = s.lenient
        na = "-" if s.norm_accuracy is None else f"{s.norm_accuracy:.3f} ({s.norm_total})"
        table.add_row(t, str(s.gold), str(s.pred), f"{ep:.3f}", f"{er:.3f}", f"{ef:.3f}",
                      f"{lp:.3f}", f"{lr:.3f}", f"{lf:.3f}", na)
    console.print(table)
    ent = scores.get("enterprise")
    if ent is not None and ent.soe_canonical_accuracy is not None:
        console.print(f"enterprise canonical accuracy on central SOEs and their units: "
                      f"{ent.soe_canonical_accuracy:.3f} ({ent.soe_total} matched mentions)")
    if args.errors:
        for t, s in scores.items():
            for d, a, b, txt in s.misses:
                console.print(f"[red]miss[/red]     {t:10} {d} {a}-{b} {txt!r}")
            for d, a, b, txt in s.spurious:
                console.print(f"[yellow]spurious[/yellow] {t:10} {d} {a}-{b} {txt!r}")
            for d, a, txt, g, p in s.norm_errors:
                console.print(f"[magenta]norm[/magenta]     {t:10} {d} {a} {txt!r} gold={g} pred={p}")
    return 0


def _cmd_schema(args) -> int:
    if args.sql or args.dialect:
        from zhgov_extract.store.sinks import ddl

        print(ddl(args.dialect or "sqlite"), end="")
        return 0
    from zhgov_extract.models import Report

    print(json.dumps(Report.model_json_schema(), ensure_ascii=False, indent=2))
    return 0


def _cmd_batch(args) -> int:
    from zhgov_extract.store.batch import BatchInterrupted, BatchOptions, print_summary, run_batch
    from zhgov_extract.store.sinks import SchemaError

    opts = BatchOptions(
        db=args.db, out=str(args.out) if args.out else None, workers=args.workers,
        tokenizer=None if args.tokenizer == "none" else args.tokenizer,
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
    except (SchemaError, ValueError, RuntimeError) as exc:
        print(f"zhgov-extract: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # database unreachable and the like
        import sqlalchemy

        if isinstance(exc, sqlalchemy.exc.SQLAlchemyError):
            print(f"zhgov-extract: database error: {exc}", file=sys.stderr)
            return 2
        raise
    if args.json:
        print(json.dumps(summary.as_dict(), ensure_ascii=False))
    else:
        print_summary(summary, db=opts.db, out=opts.out)
    return 1 if summary.failed else 0


def _positive_int(s: str) -> int:
    v = int(s)
    if v < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {v}")
    return v


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="zhgov-extract", description=__doc__)
    p.add_argument("--version", action="version", version=f"zhgov-extract {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    e = sub.add_parser("extract", help="extract mentions from report files")
    e.add_argument("files", nargs="+", type=Path)
    e.add_argument("--format", choices=("table", "json", "jsonl"), default="table")
    e.add_argument("--types", help="comma-separated mention types to show (default: all)")
    e.add_argument("--tokenizer", default="jieba", choices=("jieba", "rjieba", "auto"))
    e.add_argument("--gazetteer", action="append", type=Path,
                   help="an extra enterprise list (TSV, same columns as gazetteers/other_enterprises.tsv); repeatable")
    e.set_defaults(func=_cmd_extract)

    v = sub.add_parser("eval", help="score against gold (per type exact/lenient P/R/F1, normalisation accuracy)")
    v.add_argument("--gold", required=True, type=Path)
    v.add_argument("--docs", required=True, type=Path, help="folder with <doc_id>.txt files")
    v.add_argument("--types", help="comma-separated types (default: the scored types)")
    v.add_argument("--json", action="store_true")
    v.add_argument("--errors", action="store_true", help="list misses, spurious mentions and wrong values")
    v.set_defaults(func=_cmd_eval)

    s = sub.add_parser("schema", help="print the JSON Schema of a Report, or the SQL tables' DDL")
    s.add_argument("--sql", action="store_true", help="print the CREATE TABLE statements of the batch tables")
    s.add_argument("--dialect", help="SQL dialect for --sql: sqlite (default), postgresql, …")
    s.set_defaults(func=_cmd_schema)

    from zhgov_extract.store.batch import DEFAULT_DB
    from zhgov_extract.read.formats import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS

    b = sub.add_parser("batch", help="extract from folders of reports into a database (resumable)",
                       description="Extract from every report under INPUT (files, folders, globs; .txt .md "
                                   ".docx .pdf .html) into a database; re-running skips what is loaded.")
    b.add_argument("inputs", nargs="+", metavar="INPUT")
    b.add_argument("--db", default=DEFAULT_DB, help=f"SQLAlchemy URL (default {DEFAULT_DB}; "
                                                    "PostgreSQL: postgresql+psycopg://user@host/db)")
    b.add_argument("--out", type=Path, help="also write the results of these inputs to FILE: .jsonl (a "
                                            "document a line), .csv (UTF-8 with BOM) or .parquet (a mention a row)")
    b.add_argument("--workers", type=_positive_int, help="worker processes (default: number of cores)")
    b.add_argument("--dask", metavar="ADDRESS", help="run on a Dask distributed scheduler instead of local processes")
    b.add_argument("--tokenizer", default="jieba", choices=("jieba", "rjieba", "auto", "none"))
    b.add_argument("--gazetteer", action="append", type=Path, help="an extra enterprise list (TSV); repeatable")
    b.add_argument("--max-bytes", type=_positive_int, default=DEFAULT_MAX_BYTES,
                   help=f"refuse files larger than this (default {DEFAULT_MAX_BYTES})")
    b.add_argument("--max-chars", type=_positive_int, default=DEFAULT_MAX_CHARS,
                   help=f"refuse texts longer than this (default {DEFAULT_MAX_CHARS})")
    b.add_argument("--batch-size", type=_positive_int, default=32, help="documents per transaction (default 32)")
    b.add_argument("--no-text", action="store_true", help="do not store the document text in the database")
    b.add_argument("--retry-errors", action="store_true", help="try again the files recorded in the errors table")
    b.add_argument("--no-progress", action="store_true", help="no progress bar")
    b.add_argument("--json", action="store_true", help="print the summary as JSON")
    b.set_defaults(func=_cmd_batch)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
