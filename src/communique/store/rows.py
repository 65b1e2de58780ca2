"""Query results as dicts keyed by column name: code that reads a row names the
columns it reads, so a column added to a query or a table cannot shift the others."""

from __future__ import annotations

from typing import Any


def fetch_dicts(con, sql: str, params: Any = None) -> list[dict[str, Any]]:
    """Every row of `sql`, each a dict keyed by the query's column names."""
    cur = con.execute(sql, params if params is not None else [])
    names = [c[0] for c in cur.description]
    return [dict(zip(names, values, strict=True)) for values in cur.fetchall()]


def fetch_values(con, sql: str, params: Any = None) -> list[Any]:
    """The values of a one-column query (ids to delete, regroup or sign)."""
    cur = con.execute(sql, params if params is not None else [])
    if len(cur.description) != 1:
        raise ValueError(f"one column expected, not {len(cur.description)}: {sql}")
    return [values[0] for values in cur.fetchall()]
