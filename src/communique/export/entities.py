"""Entities with the mentions that name them: nested for JSONL, one mention a row for
CSV and Parquet."""

from __future__ import annotations

from collections.abc import Iterator

from ..store import Store
from ..store.schema import ENTITIES
from .rows import rows

# Role phrases ("the foreign minister") point at a person without naming them.
_NAMING = "m.entity_id IS NOT NULL AND m.kind <> 'ROLE'"

ENTITY_MENTIONS_SQL = (f"SELECT {ENTITIES.select()}, m.doc_id, m.text, m.start_char, "
                       "m.end_char FROM entities en LEFT JOIN mentions m "
                       "ON m.entity_id = en.entity_id AND m.kind <> 'ROLE' "
                       "ORDER BY en.entity_id, m.doc_id, m.start_char")


def entity_dicts(store: Store) -> Iterator[dict]:
    mentions: dict[str, list[dict]] = {}
    for m in rows(store, "SELECT m.entity_id, m.doc_id, m.text, m.start_char, m.end_char "
                         f"FROM mentions m WHERE {_NAMING} ORDER BY m.doc_id, m.start_char",
                  []):
        mentions.setdefault(m["entity_id"], []).append(
            {"doc_id": m["doc_id"], "text": m["text"], "start": m["start_char"],
             "end": m["end_char"]})
    for ent in rows(store, f"SELECT {ENTITIES.select()} FROM entities en "
                           "ORDER BY en.entity_id", []):
        yield {**ent, "mentions": mentions.get(ent["entity_id"], [])}
