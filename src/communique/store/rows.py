"""Query results as dicts keyed by column name: code that reads a row names the
columns it reads, so a column added to a query or a table cannot shift the others."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

CHUNK = 2048  # rows fetched at a time


def _named(cur) -> Iterator[dict[str, Any]]:
    names = [c[0] for c in cur.description]
    while chunk := cur.fetchmany(CHUNK):
        for values in chunk:
            yield dict(zip(names, values, strict=True))


def fetch_dicts(con, sql: str, params: Any = None) -> list[dict[str, Any]]:
    """Every row of `sql` on `con` itself (so inside its open transaction), each a dict
    keyed by the query's column names."""
    return list(_named(con.execute(sql, params if params is not None else [])))


def iter_dicts(con, sql: str, params: Any = None) -> Iterator[dict[str, Any]]:
    """The rows of `sql` as dicts, fetched in chunks on a cursor of their own, so that
    the caller may run other queries while it reads (a cursor does not see what an
    open transaction of `con` has not committed)."""
    cur = con.cursor()
    cur.execute(sql, params if params is not None else [])
    yield from _named(cur)


def fetch_values(con, sql: str, params: Any = None) -> list[Any]:
    """The values of a one-column query (ids to delete, regroup or sign)."""
    cur = con.execute(sql, params if params is not None else [])
    if len(cur.description) != 1:
        raise ValueError(f"one column expected, not {len(cur.description)}: {sql}")
    return [values[0] for values in cur.fetchall()]
