"""Flat tables as CSV or Parquet: a query's rows written by DuckDB itself, or records
made in Python (merged events) written with their declared columns."""

from __future__ import annotations

import csv
import sys
from collections.abc import Sequence

import pyarrow as pa
import pyarrow.parquet as pq

from ..store import Store
from .output import open_output, prepare


def copy_query(store: Store, sql: str, params: list, fmt: str, out: str | None) -> int:
    """The rows of `sql` as `fmt` (csv or parquet) in `out`, or CSV on stdout."""
    if not out:
        return _csv_stdout(store, sql, params)
    target = prepare(out).replace("'", "''")
    # COPY answers with the number of rows it wrote.
    return store.con.execute(f"COPY ({sql}) TO '{target}' (FORMAT {fmt})", params).fetchone()[0]


def _csv_stdout(store: Store, sql: str, params: list) -> int:
    cur = store.con.execute(sql, params)
    writer = csv.writer(sys.stdout)
    writer.writerow([c[0] for c in cur.description])
    n = 0
    for values in cur.fetchall():
        writer.writerow(values)  # every column, in the query's order
        n += 1
    return n


def write_records(records: list[dict], columns: Sequence[str], fmt: str,
                  out: str | None) -> int:
    """Records with the keys `columns` as CSV (to `out` or stdout) or Parquet."""
    if fmt == "parquet":
        pq.write_table(pa.Table.from_pylist(records) if records else
                       pa.table({c: pa.array([], pa.string()) for c in columns}), out)
        return len(records)
    with open_output(out, newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(columns))
        writer.writeheader()
        writer.writerows(records)
    return len(records)
