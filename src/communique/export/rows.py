"""Rows read from the store by column name, never by position."""

from __future__ import annotations

from collections.abc import Iterator

from ..store import Store
from ..store.rows import iter_dicts


def rows(store: Store, sql: str, params: list) -> Iterator[dict]:
    """Rows as dicts keyed by the query's column names, streamed in chunks."""
    return iter_dicts(store.con, sql, params)
