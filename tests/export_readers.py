"""Reading exported files back, to compare what each format holds."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pyarrow.parquet as pq


def read_rows(path: Path, fmt: str) -> list[dict]:
    """The records of an exported file: JSON objects, CSV rows (text), Parquet rows."""
    if fmt == "jsonl":
        return [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    if fmt == "csv":
        with open(path, encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))
    return pq.read_table(path).to_pylist()


def columns(path: Path, fmt: str) -> list[str]:
    if fmt == "parquet":
        return pq.read_table(path).column_names
    with open(path, encoding="utf-8", newline="") as f:
        return next(csv.reader(f))


def as_text(value) -> str:
    """A value as the CSV export writes it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def at(record: dict, path: tuple[str, ...]):
    """The value at `path` in a nested record (None under a null object)."""
    for key in path:
        record = record[key] if record is not None else None
    return record
