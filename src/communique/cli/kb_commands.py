"""`communique kb import` and `communique kb lookup`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from ..errors import CommuniqueError
from ..store import DEFAULT_DB, Store

kb_app = typer.Typer(help="The knowledge base: import a Wikidata export, look up a name.",
                     no_args_is_help=True)
console = Console(stderr=True)
out = Console()


def _fail(message: str) -> None:
    console.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _fail(f"--as-of must be a date as YYYY-MM-DD, not {value!r}")


@kb_app.command(name="import")
def import_file(file: Annotated[Path, typer.Argument(
                    help="JSON from the Wikidata query service (see README).")],
                db: Annotated[Path, typer.Option("--db", help="DuckDB file.")] = Path(DEFAULT_DB)
                ) -> None:
    """Add people, offices and organisations from a Wikidata query result."""
    from ..kb.wikidata import parse, read_file
    from ..store.kb import import_records, sync_bundled

    try:
        result = parse(read_file(file))
        if not result.persons and not result.organisations:
            _fail(f"{file}: nothing to import ({len(result.skipped)} rows skipped)")
        with Store(db) as store:
            sync_bundled(store)
            import_records(store, result.persons, result.organisations, f"import:{file.name}")
    except CommuniqueError as exc:
        _fail(str(exc))
    n_off = sum(len(p.offices) for p in result.persons)
    out.print(f"imported {len(result.persons)} people ({n_off} offices) and "
              f"{len(result.organisations)} organisations into {db}; "
              f"{len(result.skipped)} rows skipped", highlight=False)
    for line in result.skipped[:10]:
        console.print(f"  skipped {escape(line)}", highlight=False)


@kb_app.command()
def lookup(name: Annotated[str, typer.Argument(help="A name or role phrase, any language.")],
           as_of: Annotated[str | None, typer.Option(
               "--as-of", help="Date (YYYY-MM-DD) for offices and role phrases.")] = None,
           db: Annotated[Path | None, typer.Option(
               "--db", help="Also use what was imported into this DuckDB file.")] = None) -> None:
    """Show what a name resolves to, and why."""
    from ..kb import KnowledgeBase
    from ..kb.lookup import lookup as do_lookup
    from ..store.kb import extension

    day = _date(as_of)
    kb = KnowledgeBase.default()
    try:
        if db is not None:
            with Store(db, read_only=True) as store:
                kb = kb.extended(*extension(store))
        answers = do_lookup(name, kb, day)
    except CommuniqueError as exc:
        _fail(str(exc))
    if not answers:
        _fail(f"{name!r}: no known person or office holder"
              + ("" if day else " (add --as-of DATE to resolve a role phrase)"))
    for a in answers:
        p = a.person
        out.print(f"[bold]{escape(p.name)}[/] ({p.qid or 'no QID'}, {p.country or '?'}) "
                  f"— {escape(a.reason)}", highlight=False)
        if a.office:
            out.print(f"  on {day.isoformat()}: {a.office.role} of {a.office.country}",
                      highlight=False)
        for o in p.offices:
            span = f"{o.start or '?'} – {o.end or 'now'}"
            out.print(f"  {o.role} of {o.country}: {span}", highlight=False, style="dim")
