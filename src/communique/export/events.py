"""Event reports as the nested records of the JSONL export (the evaluation contract):
the columns and the record's shape come from the declaration in `store/schema.py`."""

from __future__ import annotations

from collections.abc import Iterator

from ..store import Store
from ..store.schema import EVENT_JOINS as JOINS
from ..store.schema import EVENTS, event_record
from .rows import rows

DEFAULT_STATUSES = ("occurred", "planned")

# Every column of a report and of its document, without what merging joins in.
EVENT_COLUMNS = EVENTS.select(without=("g", "s"))
EVENT_JOINS = f"FROM events e {JOINS['d']}"
MERGE_JOINS = f"{JOINS['g']} {JOINS['s']}"


def event_query(store: Store, statuses: tuple[str, ...] | None) -> tuple[str, list]:
    """Every report with its merged event and story (a database made before merging
    has neither)."""
    if store.has("event_groups"):
        sql = f"SELECT {EVENTS.select()} {EVENT_JOINS} {MERGE_JOINS}"
    else:
        sql = f"SELECT {EVENT_COLUMNS} {EVENT_JOINS}"
    params: list = []
    if statuses:
        sql += " WHERE e.status IN (SELECT unnest(?))"
        params.append(list(statuses))
    return sql + " ORDER BY e.doc_id, e.evidence_start, e.event_id", params


def event_dict(row: dict) -> dict:
    """One selected event row, by column name, as the nested record of the JSONL export."""
    return event_record(row)


def event_dicts(store: Store, statuses=DEFAULT_STATUSES) -> Iterator[dict]:
    sql, params = event_query(store, statuses)
    return (event_record(r) for r in rows(store, sql, params))
