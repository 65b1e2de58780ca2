"""The stored records, declared once.

Each column of the `events`, `mentions` and `entities` tables is declared here with its
SQL type, how a record gives its value, and (for events) where it goes in the JSON
export and in the flat table of merged events. The store's inserts, the exports' SELECT
lists, the JSON records and the flat CSV/Parquet columns are all made from these
declarations; a test checks that the tables the migrations build have exactly these
columns. The migrations stay as they are: they are the history of the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..records import Event, Mention
from .columns import Column, Table


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _as_list(values: Any) -> list:
    return list(values or [])


def _actor(side: str) -> tuple[Column, ...]:
    """The six columns of an event's source or target."""
    def col(key: str, flat: bool) -> Column:
        return Column(f"{side}_{key}", "VARCHAR",
                      lambda e, side=side, key=key: getattr(getattr(e, side), key),
                      export=(side, key), flat=f"{side}_{key}" if flat else None)

    return (col("name", True), col("country", True), col("role", False),
            col("sector", False), col("entity_id", True), col("qid", True))


def _location(key: str) -> Column:
    return Column(f"location_{key}", "VARCHAR",
                  lambda e: getattr(e.location, key) if e.location else None,
                  export=("location", key), flat=f"location_{key}")


def _event(name: str, sql: str = "VARCHAR", flat: bool | str = False, **kw) -> Column:
    """A column read from the event attribute of the same name; `flat` True keeps the
    name in the flat table of merged events, a string renames it there."""
    flat_name = name if flat is True else flat or None
    return Column(name, sql, lambda e: getattr(e, name), flat=flat_name, **kw)


EVENTS = Table("events", "e", (
    _event("event_id", flat="merged_id"),
    _event("doc_id", flat=True),
    _event("event_type", flat=True),
    _event("mode", flat=True),
    *_actor("source"),
    *_actor("target"),
    _event("date", "DATE", flat=True, to_json=_iso),
    _event("date_precision", flat=True),
    _location("name"),
    _location("country"),
    Column("evidence_text", "VARCHAR", lambda e: e.evidence.text, export=("evidence", "text"),
           flat="evidence_text"),
    Column("evidence_start", "INTEGER", lambda e: e.evidence.start,
           export=("evidence", "start")),
    Column("evidence_end", "INTEGER", lambda e: e.evidence.end, export=("evidence", "end")),
    _event("trigger"),
    _event("status", flat=True),
    _event("confidence", "DOUBLE"),
    _event("cameo", flat=True),
    _event("quad_class", "INTEGER", flat=True),
    _event("goldstein", "DOUBLE", flat=True),
    _event("lang"),
    # From the event's document and, once merged, its merged event and story.
    Column("url", "VARCHAR", join="d", flat="url"),
    Column("published", "DATE", join="d", to_json=_iso),
    _event("resolution_reason"),
    _event("pipeline_version"),
    Column("contexts", "VARCHAR[]", lambda e: list(e.contexts), to_json=_as_list,
           flat="contexts"),
    Column("merged_id", "VARCHAR", join="g"),
    Column("story_id", "VARCHAR", join="s"),
))


# Where the joined columns come from, by alias: the event's document and, once the
# database is merged, its merged event and story.
EVENT_JOINS = {
    "d": "JOIN documents d USING (doc_id)",
    "g": "LEFT JOIN event_groups g USING (event_id)",
    "s": "LEFT JOIN stories s USING (doc_id)",
}
if {c.join for c in EVENTS.columns if c.join} != set(EVENT_JOINS):
    raise ValueError("every joined event column needs its join, and every join a column")


@dataclass(frozen=True, slots=True)
class Group:
    """A nested object of the export record; null when its `null_unless` key is empty
    (an event placed nowhere has no location, not a location of nulls)."""

    key: str
    keys: tuple[str, ...]
    null_unless: str | None = None


ACTOR_KEYS = ("entity_id", "name", "country", "role", "sector", "qid")

# Each format keeps the column order its users know: the table the order its migrations
# gave it (and plain CSV/Parquet the order of the SELECT list above), the JSON record
# the order of README's "Output fields", the flat table of merged events its own. The
# two layouts below only order what the columns declare: they are checked to name
# every column's place once and nothing else.

# The export record of an event report, keys in this order.
EXPORT_LAYOUT: tuple[str | Group, ...] = (
    "event_id", "doc_id", "event_type", "mode", Group("source", ACTOR_KEYS),
    Group("target", ACTOR_KEYS), "date", "date_precision",
    Group("location", ("name", "country"), null_unless="name"),
    Group("evidence", ("text", "start", "end")), "contexts", "trigger", "status",
    "confidence", "cameo", "quad_class", "goldstein", "lang", "url", "published",
    "resolution_reason", "pipeline_version", "merged_id", "story_id",
)

# What merging adds to the flat table (see export/merged.py), and the flat table's
# column order: event columns by their `flat` names, merged counts among them.
MERGED_FLAT = ("n_mentions", "n_articles", "n_sources", "n_stories", "languages",
               "first_seen", "last_seen", "event_ids")
FLAT_LAYOUT = (
    "merged_id", "event_type", "mode", "status", "date", "date_precision",
    "source_country", "source_name", "source_entity_id", "source_qid",
    "target_country", "target_name", "target_entity_id", "target_qid",
    "location_name", "location_country", "cameo", "quad_class", "goldstein", "contexts",
    "n_mentions", "n_articles", "n_sources", "n_stories", "languages", "first_seen",
    "last_seen", "evidence_text", "doc_id", "url", "event_ids",
)

_BY_PATH = {c.path: c for c in EVENTS.columns}
FLAT_SOURCES = {c.flat: c for c in EVENTS.columns if c.flat}


def _layout_paths() -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for item in EXPORT_LAYOUT:
        if isinstance(item, Group):
            out.extend((item.key, k) for k in item.keys)
        else:
            out.append((item,))
    return out


if sorted(_layout_paths()) != sorted(_BY_PATH):
    raise ValueError("EXPORT_LAYOUT does not match the event columns' export paths")
if sorted(FLAT_LAYOUT) != sorted([*FLAT_SOURCES, *MERGED_FLAT]):
    raise ValueError("FLAT_LAYOUT does not match the event columns' flat names")


def _json_value(row: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    col = _BY_PATH[path]
    # Joined columns are absent from a database made before merging.
    return col.to_json(row.get(col.name) if col.join else row[col.name])


def event_record(row: Mapping[str, Any]) -> dict:
    """One selected event row (by column name) as the nested export record."""
    out: dict[str, Any] = {}
    for item in EXPORT_LAYOUT:
        if not isinstance(item, Group):
            out[item] = _json_value(row, (item,))
        elif item.null_unless and not row[f"{item.key}_{item.null_unless}"]:
            out[item.key] = None
        else:
            out[item.key] = {k: _json_value(row, (item.key, k)) for k in item.keys}
    return out


def event_row(event: Event) -> dict[str, Any]:
    """The stored columns of one event, by name."""
    return {c.name: c.read(event) for c in EVENTS.stored}


@dataclass(frozen=True, slots=True)
class DocMention:
    """A mention with the document it was found in: one row of `mentions`."""

    doc_id: str
    mention: Mention


def _mention(name: str, sql: str = "VARCHAR", attr: str | None = None) -> Column:
    return Column(name, sql, lambda r: getattr(r.mention, attr or name))


MENTIONS = Table("mentions", "m", (
    Column("doc_id", "VARCHAR", lambda r: r.doc_id),
    _mention("start_char", "INTEGER", "start"),
    _mention("end_char", "INTEGER", "end"),
    _mention("kind"),
    _mention("text"),
    _mention("sentence", "INTEGER"),
    _mention("country"),
    _mention("role"),
    _mention("entity_id"),
    _mention("name"),
    _mention("qid"),
    _mention("head", "BOOLEAN"),
    _mention("is_location", "BOOLEAN", "location"),
    _mention("reason"),
))

ENTITIES = Table("entities", "en", tuple(
    Column(name, "VARCHAR", lambda ent, name=name: getattr(ent, name))
    for name in ("entity_id", "type", "name", "country", "qid")))

TABLES = (EVENTS, MENTIONS, ENTITIES)
