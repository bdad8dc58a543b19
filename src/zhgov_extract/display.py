"""What ``zhgov-extract`` prints for people: mentions, records and scores as tables 100 columns wide.

Amounts show as written and as a readable value (``3021.27亿元 → 302,127,000,000``),
long texts are cut with an ellipsis, styles come from the type declarations
(:mod:`zhgov_extract.types`).
"""
from __future__ import annotations

from collections import Counter

from rich.cells import cell_len
from rich.table import Table

from zhgov_extract.types import type_spec

_QUALIFIER = {"over": ">", "under": "<", "about": "≈", "nearly": "≲", "approx_more": "≳"}
_PERCENT = {"percent": "%", "percentage_point": " pp", "multiple": "×"}


def grouped(value: str | None) -> str:
    """A decimal string with thousands separators: ``302127000000`` → ``302,127,000,000``."""
    if value is None:
        return "?"
    sign = "-" if value.startswith("-") else ""
    whole, dot, frac = value.lstrip("-").partition(".")
    if not whole.isdigit():
        return value
    return f"{sign}{int(whole):,}{dot}{frac}"


def readable(m) -> str:
    """The normalised value of a mention, for reading: ``302,127,000,000 CNY``, ``7.4%``, ``金川集团股份有限公司``."""
    n = m.norm
    if n is None:
        return ""
    d = n.model_dump(exclude_none=True) if hasattr(n, "model_dump") else dict(n)
    if m.type in ("money", "percent", "quantity"):
        if "value" in d:
            v = grouped(d["value"])
        else:
            v = f"{grouped(d.get('low'))}–{grouped(d.get('high'))}"
        q = _QUALIFIER.get(d.get("qualifier", "exact"), "")
        if m.type == "money":
            per = f"/{d['per']}" if d.get("per") else ""
            return f"{q}{v} {d.get('currency', 'CNY')}{per}"
        if m.type == "percent":
            unit = d.get("unit", "percent")
            return f"{q}×{v}" if unit == "multiple" else f"{q}{v}{_PERCENT.get(unit, unit)}"
        return f"{q}{v} {d.get('unit', '')}".rstrip()
    if m.type == "enterprise":
        return d.get("canonical", "")
    if m.type == "region":
        return " ".join(str(d[k]) for k in ("name", "code") if d.get(k))
    if "value" in d:
        return str(d["value"])
    return ", ".join(f"{k}={v}" for k, v in d.items())


def _cut(s: str | None, n: int) -> str:
    """At most ``n`` terminal cells (a hanzi takes two), line breaks shown as ⏎, an ellipsis when cut."""
    s = (s or "").replace("\n", "⏎").replace("\f", "⏎").replace("\t", " ")
    if cell_len(s) <= n:
        return s
    while cell_len(s) > n - 1:
        s = s[:-1]
    return s + "…"


def emit(console, renderable) -> None:
    """Print; into a pipe or file without the padding at the ends of lines (what a person copies)."""
    if console.is_terminal:
        console.print(renderable)
        return
    with console.capture() as cap:
        console.print(renderable)
    console.file.write("\n".join(line.rstrip() for line in cap.get().split("\n")))


def _table(title: str, columns: list[tuple[str, int | None, str]]) -> Table:
    t = Table(title=title, title_justify="left", expand=False, pad_edge=False, box=None, header_style="bold")
    for name, width, justify in columns:
        t.add_column(name, max_width=width, no_wrap=True, overflow="ellipsis", justify=justify)
    return t


def print_report(console, report, path: str, types) -> None:
    """One row per mention (the chosen types), then one summary line per type."""
    warn = f", {len(report.warnings)} warning(s)" if report.warnings else ""
    t = _table(f"{_cut(path, 60)}  {report.encoding or '-'}, {report.n_chars:,} chars{warn}",
               [("type", 10, "left"), ("where", 11, "right"), ("as written", 30, "left"), ("value", 44, "left")])
    for m in report.mentions:
        spec = type_spec(m.type)
        t.add_row(m.type, f"{m.start}-{m.end}", _cut(m.text, 30), _cut(readable(m), 44),
                  style=spec.style if spec else None)
    emit(console, t)
    for w in report.warnings:
        console.print(f"[yellow]warning:[/yellow] {_cut(w, 90)}")
    console.print(_summary(report, types))


def _summary(report, types) -> str:
    by_type: dict[str, list] = {}
    for m in report.mentions:
        by_type.setdefault(m.type, []).append(m)
    lines = []
    for t in types:
        ms = by_type.get(t, [])
        line = f"{t:<12}{len(ms):>4}"
        if t == "money" and ms:
            big = max((m for m in ms if getattr(m.norm, "value", None)), default=None,
                      key=lambda m: float(m.norm.value))
            if big is not None:
                line += f"   largest {big.text.replace(chr(10), '')} → {grouped(big.norm.value)}"
        elif t == "enterprise" and ms:
            cats = Counter(m.norm.category for m in ms if m.norm is not None)
            names = len({m.norm.canonical for m in ms if m.norm is not None})
            line += f"   {names} distinct, {cats.get('central_soe', 0) + cats.get('central_soe_unit', 0)} " \
                    f"mention(s) of central SOEs"
        elif t in ("percent", "quantity", "project") and ms:
            line += f"   {len({m.text for m in ms})} distinct"
        lines.append(line)
    return "\n".join(lines)


def _ref(r) -> str:
    return "" if r is None else r.text


def print_records(console, report, path: str) -> None:
    """The report's records, one table per kind (projects, metrics, enterprises)."""
    kinds: dict[str, list] = {}
    for r in report.records:
        kinds.setdefault(r.kind, []).append(r)
    console.print(f"[bold]{_cut(path, 70)}[/bold]  {len(report.records)} records")
    if "project" in kinds:
        t = _table("projects", [("project", 28, "left"), ("owner", 22, "left"), ("investment", 16, "left"),
                                ("region", 8, "left"), ("status", 11, "left"), ("year", 4, "left")])
        for r in kinds["project"]:
            inv = "; ".join(f"{i.text}({i.kind})" for i in r.investment)
            region = (r.region.name or r.region.text or "") + ("*" if r.region.from_heading else "") \
                if r.region else ""
            t.add_row(_cut(r.anchor.text, 28), _cut(", ".join(o.canonical for o in r.owners), 22),
                      _cut(inv, 16), _cut(region, 8), r.status or "", r.year or "")
        emit(console, t)
    if "metric" in kinds:
        t = _table("metrics", [("indicator", 24, "left"), ("as written", 14, "left"), ("value", 20, "left"),
                               ("role", 6, "left"), ("dir", 3, "left"), ("basis", 5, "left"),
                               ("period", 9, "left"), ("region", 6, "left")])
        for r in kinds["metric"]:
            value = grouped(r.value) + (f" {r.unit}" if r.unit else "") if r.value else "-"
            direction = {"increase": "↑", "decrease": "↓"}.get(r.direction or "", "")
            t.add_row(_cut(_ref(r.indicator), 24), _cut(r.anchor.text, 14), _cut(value, 20), r.role,
                      direction, r.basis or "", r.period or "", _cut(r.region.name if r.region else "", 6))
        emit(console, t)
    if "enterprise" in kinds:
        t = _table("enterprises", [("canonical", 40, "left"), ("category", 16, "left"), ("mentions", 8, "right"),
                                   ("first as written", 24, "left")])
        for r in kinds["enterprise"]:
            t.add_row(_cut(r.canonical, 40), r.category, str(len(r.mentions)),
                      _cut(r.mentions[0].text if r.mentions else "", 24))
        emit(console, t)
    if "project" in kinds:
        console.print("region*: taken from the heading the project is listed under")


def print_eval(console, scores, title: str, *, errors: bool = False) -> None:
    table = Table(title=f"zhgov-extract eval: {title}")
    for col in ("type", "gold", "pred", "exact P", "exact R", "exact F1", "lenient F1", "norm acc"):
        table.add_column(col, justify="right")
    for t, s in scores.items():
        ep, er, ef = s.exact
        na = "-" if s.norm_accuracy is None else f"{s.norm_accuracy:.3f} ({s.norm_total})"
        table.add_row(t, str(s.gold), str(s.pred), f"{ep:.3f}", f"{er:.3f}", f"{ef:.3f}", f"{s.lenient[2]:.3f}", na)
    console.print(table)
    ent = scores.get("enterprise")
    if ent is not None and ent.soe_canonical_accuracy is not None:
        console.print(f"enterprise canonical accuracy on central SOEs and their units: "
                      f"{ent.soe_canonical_accuracy:.3f} ({ent.soe_total} matched mentions)")
    records = getattr(scores, "records", None)
    if records is not None:
        console.print(records.table())
    if errors:
        for t, s in scores.items():
            for d, a, b, txt in s.misses:
                console.print(f"[red]miss[/red]     {t:10} {d} {a}-{b} {txt!r}")
            for d, a, b, txt in s.spurious:
                console.print(f"[yellow]spurious[/yellow] {t:10} {d} {a}-{b} {txt!r}")
            for d, a, txt, g, p in s.norm_errors:
                console.print(f"[magenta]norm[/magenta]     {t:10} {d} {a} {txt!r} gold={g} pred={p}")
        if records is not None:
            for line in records.error_lines():
                console.print(line)


def print_batch_summary(summary, *, db: str, out: str | None = None, file=None) -> None:
    import sys

    from rich.console import Console

    console = Console(file=file or sys.stdout, highlight=False)
    t = Table(title="zhgov-extract batch", show_header=False)
    t.add_column("", style="bold")
    t.add_column("", justify="right")
    rows = [
        ("files found", summary.files), ("loaded", summary.loaded),
        ("already loaded (skipped)", summary.skipped), ("duplicate content (skipped)", summary.duplicates),
        ("failed", summary.errors), ("new error rows", summary.errors_new),
        ("ignored (unknown extension)", summary.ignored), ("mentions", summary.mentions),
        ("characters", summary.chars), ("workers", summary.workers),
        ("seconds", f"{summary.seconds:.1f}"), ("documents/s", f"{summary.docs_per_s:.1f}"),
        ("characters/s", f"{summary.chars_per_s:,.0f}"),
    ]
    for k, v in rows:
        t.add_row(k, str(v))
    for reason, n in sorted(summary.reasons.items()):
        t.add_row(f"  failed: {reason}", str(n), style="red")
    console.print(t)
    console.print(f"database: {_redact(db)}" + (f"   output: {out} ({summary.out_rows} rows)" if out else ""))
    if summary.errors:
        console.print("[red]some files failed: see the errors table "
                      "(SELECT source_path, reason, message FROM errors)[/red]")


def _redact(url: str) -> str:
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001
        return url
