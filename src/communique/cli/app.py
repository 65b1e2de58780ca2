"""The `communique` command. Each command parses its options and calls a library
function; library errors become one line on stderr and exit code 1 (2 for usage)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from ..errors import CommuniqueError
from ..store import DEFAULT_DB, Store

app = typer.Typer(help="Political event data from diplomatic news in many languages.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
console = Console(stderr=True)
out = Console()

from .kb_commands import kb_app  # noqa: E402

app.add_typer(kb_app, name="kb")

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB file to use.")]
PlotOption = Annotated[str | None, typer.Option(
    "--plot", help="Also draw the figure to FILE.png or FILE.svg.")]


def _fail(message: str, code: int = 1) -> None:
    console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def _progress() -> Progress:
    return Progress(TextColumn("[bold]{task.description}"), BarColumn(),
                    TextColumn("{task.completed} docs, {task.fields[rejected]} rejected"),
                    TimeElapsedColumn(), console=console, transient=False,
                    disable=not console.is_terminal)


@app.command()
def run(inputs: Annotated[list[str], typer.Argument(
            help="JSONL, .txt or .html files, folders, or - for stdin.")],
        db: DbOption = Path(DEFAULT_DB),
        workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
        batch_size: Annotated[int, typer.Option(help="Documents per transaction.")] = 100,
        strict: Annotated[bool, typer.Option(
            "--strict", help="Fail (exit 1) if any input is rejected.")] = False,
        no_ner: Annotated[bool, typer.Option(
            "--no-ner", help="Skip the statistical person-name model.")] = False) -> None:
    """Process articles into the database (re-running the same input adds nothing)."""
    from ..runner import run as run_pipeline

    try:
        with Store(db) as store, _progress() as progress:
            task = progress.add_task("processing", total=None, rejected=0)
            state = {"rejected": 0}

            def tick(n_docs: int, n_rej: int) -> None:
                state["rejected"] += n_rej
                progress.update(task, advance=n_docs, rejected=state["rejected"])

            report = run_pipeline(inputs, store, workers=workers, batch_size=batch_size,
                                  use_ner=not no_ner, on_progress=tick)
            counts = store.counts()
    except CommuniqueError as exc:
        _fail(str(exc))
    if report.old_store_merged:
        old = report.old_store_merged
        console.print(f"{db} was made before merging: merged it first ({old.documents} "
                      f"documents and {old.events} event reports signed).", highlight=False)
    for r in report.rejections:
        console.print(f"[yellow]rejected[/] {r.origin}: {r.reason}", highlight=False,
                      soft_wrap=True)
    console.print(f"{report.documents} documents: {report.added} added, {report.replaced} "
                  f"replaced, {report.unchanged} unchanged; {len(report.rejections)} rejected; "
                  f"{report.events} new events. Store {db}: {counts['documents']} documents "
                  f"in {counts['stories']} stories, {counts['events']} event reports making "
                  f"{counts['merged_events']} events, {counts['entities']} entities.",
                  highlight=False)
    if strict and report.rejections:
        _fail(f"{len(report.rejections)} input(s) rejected (--strict)")


@app.command()
def merge(db: DbOption = Path(DEFAULT_DB)) -> None:
    """Recompute stories and merged events over the whole database (new batches are
    merged as they are stored; this is for databases made by an earlier version)."""
    from ..dedup.backfill import rebuild_all

    if not db.exists():
        _fail(f"{db}: no such database (run 'communique run' first)")
    try:
        with Store(db) as store:
            docs, events = rebuild_all(store.con)
            counts = store.counts()
    except CommuniqueError as exc:
        _fail(str(exc))
    console.print(f"Signatures added: {docs} documents, {events} event reports. Store {db}: "
                  f"{counts['documents']} documents in {counts['stories']} stories, "
                  f"{counts['events']} event reports making {counts['merged_events']} "
                  "events.", highlight=False)


@app.command()
def export(what: Annotated[str, typer.Argument(
               help="events, entities, mentions, pairs (country-pair aggregates by month) "
                    "or stories (articles grouped with their copies and translations)")],
           db: DbOption = Path(DEFAULT_DB),
           fmt: Annotated[str, typer.Option(
               "--format", help="jsonl, csv, parquet, plover (PLOVER JSONL) or gdelt "
                                "(GDELT-style table)")] = "jsonl",
           out_file: Annotated[str | None, typer.Option(
               "--out", help="Output file (default, or -: stdout).")] = None,
           all_statuses: Annotated[bool, typer.Option(
               "--all-statuses",
               help="Also negated, denied and hypothetical events.")] = False,
           merged: Annotated[bool, typer.Option(
               "--merged", help="One row per event, however many reports told it, with "
                                "mention, article and source counts.")] = False) -> None:
    """Write events, entities, mentions, country-pair aggregates or stories."""
    from ..export import export as do_export

    out_file = None if out_file == "-" else out_file  # "-" is stdout, as for inputs
    try:
        with Store(db, read_only=True) as store:
            n = do_export(store, what, fmt, out_file, None if all_statuses else
                          ("occurred", "planned"), merged=merged)
    except CommuniqueError as exc:
        _fail(str(exc))
    if out_file:
        unit = what if fmt == "jsonl" or what != "entities" else "entity mentions (one a row)"
        console.print(f"{n} {unit} written to {out_file}", highlight=False)


@app.command(name="eval")
def evaluate(gold: Annotated[Path, typer.Argument(help="Gold JSONL (one line per document).")],
             db: DbOption = Path(DEFAULT_DB),
             as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Score the database's events and people against a gold file."""
    from ..evaluation import evaluate as score
    from ..evaluation import read_jsonl
    from ..export import entity_dicts, event_dicts

    if not gold.exists():
        _fail(f"{gold}: no such file")
    try:
        gold_docs = read_jsonl(gold)
        with Store(db, read_only=True) as store:
            report = score(gold_docs, list(event_dicts(store)), list(entity_dicts(store)))
    except (CommuniqueError, json.JSONDecodeError, KeyError) as exc:
        _fail(f"{gold}: {exc}")
    if as_json:
        out.print_json(json.dumps(report, default=lambda o: o.__dict__ if hasattr(o, "__dict__")
                                  else [getattr(o, f) for f in o.__slots__]))
        return
    from .report import print_scores

    print_scores(out, report)


@app.command()
def demo(db: DbOption = Path("communique-demo.duckdb")) -> None:
    """Process the bundled sample articles (six languages) and summarise what was found."""
    from ..runner import run as run_pipeline
    from .report import print_demo

    samples = Path(str(__import__("communique").__file__)).parent / "samples" / "articles.jsonl"
    try:
        with Store(db) as store, _progress() as progress:
            task = progress.add_task("processing samples", total=None, rejected=0)
            report = run_pipeline([str(samples)], store,
                                  on_progress=lambda n, r: progress.update(task, advance=n))
            print_demo(out, store, report, db)
    except CommuniqueError as exc:
        _fail(str(exc))


@app.command()
def dyad(a: Annotated[str, typer.Argument(help="Actor code (KAZ, USA, EU, ...).")],
         b: Annotated[str | None, typer.Argument(help="Second actor; omit for all pairs.")] = None,
         db: DbOption = Path(DEFAULT_DB),
         by: Annotated[str, typer.Option(help="day, week, month or year")] = "month",
         date_from: Annotated[str | None, typer.Option("--from", help="YYYY-MM-DD")] = None,
         date_to: Annotated[str | None, typer.Option("--to", help="YYYY-MM-DD")] = None,
         plot: PlotOption = None) -> None:
    """Events between two actors (or one actor and everyone) per period, with a sparkline.
    Each event counts once however many articles reported it."""
    from rich.table import Table

    from ..analytics import dyad as do_dyad
    from ..analytics import sparkline

    start, end = _dates(date_from, date_to)
    pair = f"{a.upper()}–{b.upper()}" if b else f"{a.upper()} and all"
    try:
        if plot:
            from ..plots import figure_path

            figure_path(plot)
        with Store(db, read_only=True) as store:
            rows = do_dyad(store, a.upper(), b.upper() if b else None, by, start, end)
        if rows and plot:
            from ..plots import timeline

            timeline(rows, f"{pair}: events by {by}", plot, by)
    except CommuniqueError as exc:
        _fail(str(exc))
    if not rows:
        out.print(f"no dated events for {pair}", highlight=False)
        return
    table = Table(by, "events", "reports", "Q1", "Q2", "Q3", "Q4", "mean Goldstein", "types",
                  title=f"{pair}, by {by}")
    for r in rows:
        table.add_row(r.period.isoformat(), str(r.events), str(r.reports), *map(str, r.by_quad),
                      "" if r.mean_goldstein is None else f"{r.mean_goldstein:+.2f}", r.types)
    out.print(table)
    out.print(f"events  {sparkline([r.events for r in rows])}", highlight=False)
    if plot:
        console.print(f"timeline written to {plot}", highlight=False)


@app.command()
def network(country: Annotated[str | None, typer.Option(
                "--country", help="Only the ties of this actor (KAZ, EU, ...).")] = None,
            db: DbOption = Path(DEFAULT_DB),
            date_from: Annotated[str | None, typer.Option("--from", help="YYYY-MM-DD")] = None,
            date_to: Annotated[str | None, typer.Option("--to", help="YYYY-MM-DD")] = None,
            top: Annotated[int, typer.Option(help="Show the N heaviest ties.")] = 30,
            plot: PlotOption = None) -> None:
    """Who interacts with whom: pairs of actors weighted by their events."""
    from rich.table import Table

    from ..analytics import network as do_network

    start, end = _dates(date_from, date_to)
    if top < 1:
        _fail("--top must be at least 1")
    who = country.upper() if country else None
    title = f"ties of {who}" if who else "all ties"
    try:
        if plot:
            from ..plots import figure_path

            figure_path(plot)
        with Store(db, read_only=True) as store:
            ties = do_network(store, who, start, end, top)
        if ties and plot:
            from ..plots import network as draw

            draw(ties, f"communique: {title}", plot)
    except CommuniqueError as exc:
        _fail(str(exc))
    if not ties:
        out.print(f"no events between two actors ({title})", highlight=False)
        return
    table = Table("actor", "actor", "events", "reports", "Q1", "Q2", "Q3", "Q4",
                  "mean Goldstein", title=f"{title}, heaviest first")
    for t in ties:
        table.add_row(t.a, t.b, str(t.events), str(t.reports), *map(str, t.by_quad),
                      "" if t.mean_goldstein is None else f"{t.mean_goldstein:+.2f}")
    out.print(table)
    if plot:
        console.print(f"network written to {plot}", highlight=False)


def _dates(date_from: str | None, date_to: str | None):
    import datetime as dt

    try:
        return (dt.date.fromisoformat(date_from) if date_from else None,
                dt.date.fromisoformat(date_to) if date_to else None)
    except ValueError:
        _fail("--from and --to take dates as YYYY-MM-DD")


def main() -> None:
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    try:
        app()
    except KeyboardInterrupt:
        console.print("interrupted")
        sys.exit(130)
