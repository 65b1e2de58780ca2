"""Rows read from the store by column name, never by position."""

from __future__ import annotations

from collections.abc import Iterator

from ..store import Store


def rows(store: Store, sql: str, params: list) -> Iterator[dict]:
    """Rows as dicts keyed by the query's column names, fetched in chunks on a cursor of
    their own (so that a caller may run other queries while it reads)."""
    cur = store.con.cursor()
    cur.execute(sql, params)
    cols = [c[0] for c in cur.description]
    while chunk := cur.fetchmany(2048):
        for values in chunk:
            yield dict(zip(cols, values, strict=True))
