"""Exports from the store: events and entities as JSONL (the evaluation contract),
CSV and Parquet (flat columns), PLOVER JSONL and a GDELT-style table; merged events;
mentions, country-pair aggregates and stories.

One module per kind of output; this package only gathers their public names.
"""

from __future__ import annotations

from .dispatch import FORMATS, WHAT, export
from .entities import ENTITY_MENTIONS_SQL, entity_dicts
from .events import DEFAULT_STATUSES, EVENT_COLUMNS, event_dict, event_dicts, event_query
from .flat import copy_query, write_records
from .gdelt import GDELT_COLUMNS, gdelt_row, numeric_id, write_gdelt
from .merged import (
    FLAT_COLUMNS,
    MERGED_FIELDS,
    MERGED_SQL,
    flat,
    merge_reports,
    merged_event_dicts,
    source_of,
)
from .output import open_output, write_jsonl, write_lines
from .plover import plover_record, write_plover
from .rows import rows
from .tables import MENTIONS_SQL, PAIRS_SQL, STORIES_SQL

__all__ = [
    "DEFAULT_STATUSES", "ENTITY_MENTIONS_SQL", "EVENT_COLUMNS", "FLAT_COLUMNS", "FORMATS",
    "GDELT_COLUMNS", "MENTIONS_SQL", "MERGED_FIELDS", "MERGED_SQL", "PAIRS_SQL",
    "STORIES_SQL", "WHAT", "copy_query", "entity_dicts", "event_dict", "event_dicts",
    "event_query", "export", "flat", "gdelt_row", "merge_reports", "merged_event_dicts",
    "numeric_id", "open_output", "plover_record", "rows", "source_of", "write_gdelt",
    "write_jsonl", "write_lines", "write_plover", "write_records",
]
