"""The machinery behind the table declarations of `schema.py`: a column says once what
it is called, its SQL type, how a record gives its value and where it goes in an
export; a table turns its columns into insert batches and SELECT lists, so that no
column list is written out twice and no row is read by position."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from .arrow import insert_table

# Arrow types for the SQL types the declarations use. Typed arrays keep a batch whose
# values are all missing (no event with a location, say) from reaching DuckDB as nulls
# of no type.
ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "DOUBLE": pa.float64(),
    "DATE": pa.date32(),
    "BOOLEAN": pa.bool_(),
    "VARCHAR[]": pa.list_(pa.string()),
}


def same(value: Any) -> Any:
    return value


@dataclass(frozen=True, slots=True)
class Column:
    """One column. `read` gives its value from the record a row is made of; a column
    without `read` is not stored in the table but joined in from the table aliased
    `join` when rows are selected (an event's `url` comes from its document)."""

    name: str
    sql: str
    read: Callable[[Any], Any] | None = None
    join: str = ""
    export: tuple[str, ...] = ()  # path in the nested export record; () means (name,)
    to_json: Callable[[Any], Any] = same
    flat: str | None = None  # its name in the flat table of merged events, if it is there

    @property
    def path(self) -> tuple[str, ...]:
        return self.export or (self.name,)

    @property
    def arrow_type(self) -> pa.DataType:
        return ARROW_TYPES[self.sql]


@dataclass(frozen=True, slots=True)
class Table:
    """A table's columns in the order its migrations create them (joined ones where
    exports select them)."""

    name: str
    alias: str
    columns: tuple[Column, ...]

    def __post_init__(self) -> None:
        names = [c.name for c in self.columns]
        if len(set(names)) != len(names):
            raise ValueError(f"{self.name}: a column is declared twice")

    @property
    def stored(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.read is not None)

    def select(self, without: Iterable[str] = ()) -> str:
        """The SELECT list of every column, qualified by its table's alias; columns
        joined from the tables aliased in `without` are left out."""
        skip = set(without)
        return ", ".join(f"{c.join or self.alias}.{c.name}" for c in self.columns
                         if not c.join or c.join not in skip)

    def batch(self, records: Iterable[Any]) -> pa.Table:
        """The stored columns of `records` as a typed Arrow table."""
        records = list(records)
        return pa.table({c.name: pa.array([c.read(r) for r in records], c.arrow_type)
                         for c in self.stored})

    def insert(self, con, records: Iterable[Any], conflict: str = "") -> None:
        """Insert `records` by column name."""
        names = ", ".join(c.name for c in self.stored)
        insert_table(con, f"{self.name} ({names})", self.batch(records), conflict)
