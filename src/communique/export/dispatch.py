"""`export`: which records, in which format, to which file."""

from __future__ import annotations

from ..errors import CommuniqueError
from ..store import Store
from .entities import ENTITY_MENTIONS_SQL, entity_dicts
from .events import DEFAULT_STATUSES, event_dicts, event_query
from .flat import copy_query, write_records
from .gdelt import write_gdelt
from .merged import FLAT_COLUMNS, flat, merged_event_dicts
from .output import write_jsonl
from .plover import write_plover
from .rows import rows
from .tables import NEEDS_MERGING, TABLE_SQL

FORMATS = ("jsonl", "csv", "parquet", "plover", "gdelt")
STANDARD = {"plover": write_plover, "gdelt": write_gdelt}
WHAT = ("events", "entities", "mentions", "pairs", "stories")


def _check_format(fmt: str, out: str | None) -> None:
    if fmt not in FORMATS:
        raise CommuniqueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet" and not out:
        raise CommuniqueError("Parquet needs a file: add --out FILE.parquet")


def export(store: Store, what: str, fmt: str, out: str | None,
           statuses: tuple[str, ...] | None = DEFAULT_STATUSES, merged: bool = False) -> int:
    """Write events, entities, mentions or pair aggregates; return the rows written.
    `merged`: one row per merged event instead of one per report."""
    if merged:
        if what != "events":
            raise CommuniqueError("--merged is for events only")
        return _export_merged(store, fmt, out, statuses)
    _check_format(fmt, out)
    if what not in WHAT:
        raise CommuniqueError(f"cannot export {what!r}; choose {', '.join(WHAT)}")
    if fmt in STANDARD:
        if what != "events":
            raise CommuniqueError(f"--format {fmt} is for events only")
        return STANDARD[fmt](event_dicts(store, statuses), out)
    if what in TABLE_SQL:
        return _export_table(store, what, fmt, out)
    if fmt == "jsonl":
        return write_jsonl(event_dicts(store, statuses) if what == "events"
                           else entity_dicts(store), out)
    sql, params = (event_query(store, statuses) if what == "events"
                   else (ENTITY_MENTIONS_SQL, []))
    return copy_query(store, sql, params, fmt, out)


def _export_table(store: Store, what: str, fmt: str, out: str | None) -> int:
    """Mentions, pairs or stories: one query each."""
    if what in NEEDS_MERGING:
        store.require("event_groups", "merged events")
    sql = TABLE_SQL[what]
    if fmt == "jsonl":
        return write_jsonl(rows(store, sql, []), out, default=str)
    return copy_query(store, sql, [], fmt, out)


def _export_merged(store: Store, fmt: str, out: str | None,
                   statuses: tuple[str, ...] | None) -> int:
    _check_format(fmt, out)
    store.require("event_groups", "merged events")
    events = merged_event_dicts(store, statuses)
    if fmt in STANDARD:
        return STANDARD[fmt](events, out)
    if fmt == "jsonl":
        return write_jsonl(events, out)
    return write_records([flat(m) for m in events], FLAT_COLUMNS, fmt, out)
