"""The event record declared once (store/schema.py): what is stored, what is exported,
and that a record survives the store."""

from __future__ import annotations

import datetime as dt

from communique.export import event_dicts, flat
from communique.records import Actor, Document, Event, Evidence, Location, Processed
from communique.store import Store
from communique.store.schema import (
    EVENTS,
    FLAT_LAYOUT,
    MERGED_FLAT,
    event_record,
    event_row,
)

TEXT = "Mercredi à Astana, le ministre a reçu son homologue français."
EVENT = Event(
    event_id="ev-1", doc_id="d1", event_type="CONSULT",
    source=Actor("Murat Nurtleu", "KAZ", role="foreign_minister", sector="GOV",
                 entity_id="Q1", qid="Q1", mention_start=20, mention_end=31),
    target=Actor(None, "FRA", role="foreign_minister"),
    evidence=Evidence(TEXT, 0, len(TEXT)), mode="host", date=dt.date(2024, 3, 20),
    date_precision="day", location=Location("Astana", "KAZ"), trigger="a reçu",
    confidence=0.9, cameo="040", quad_class=1, goldstein=1.0, lang="fr",
    resolution_reason="holder", pipeline_version="t", contexts=("diplomatic",))

EXPECTED = {
    "event_id": "ev-1", "doc_id": "d1", "event_type": "CONSULT", "mode": "host",
    "source": {"entity_id": "Q1", "name": "Murat Nurtleu", "country": "KAZ",
               "role": "foreign_minister", "sector": "GOV", "qid": "Q1"},
    "target": {"entity_id": None, "name": None, "country": "FRA",
               "role": "foreign_minister", "sector": None, "qid": None},
    "date": "2024-03-20", "date_precision": "day",
    "location": {"name": "Astana", "country": "KAZ"},
    "evidence": {"text": TEXT, "start": 0, "end": len(TEXT)},
    "contexts": ["diplomatic"], "trigger": "a reçu", "status": "occurred",
    "confidence": 0.9, "cameo": "040", "quad_class": 1, "goldstein": 1.0, "lang": "fr",
    "url": "https://example.org/a", "published": "2024-03-21",
    "resolution_reason": "holder", "pipeline_version": "t", "merged_id": None,
    "story_id": None,
}
JOINED = {"url": "https://example.org/a", "published": dt.date(2024, 3, 21),
          "merged_id": None, "story_id": None}


def test_a_stored_row_has_every_stored_column():
    row = event_row(EVENT)
    assert list(row) == [c.name for c in EVENTS.stored]
    assert (row["source_name"], row["target_country"], row["location_name"]) == \
        ("Murat Nurtleu", "FRA", "Astana")
    assert (row["evidence_start"], row["evidence_end"], row["contexts"]) == \
        (0, len(TEXT), ["diplomatic"])


def test_the_export_record_in_its_documented_order():
    record = event_record(event_row(EVENT) | JOINED)
    assert record == EXPECTED
    assert list(record) == list(EXPECTED)
    assert list(record["source"]) == list(EXPECTED["source"])


def test_an_event_placed_nowhere_has_no_location_object():
    row = event_row(Event(**{**{f: getattr(EVENT, f) for f in EVENT.__slots__},
                             "location": None})) | JOINED
    assert (row["location_name"], row["location_country"]) == (None, None)
    assert event_record(row)["location"] is None


def test_flat_columns_come_from_the_declaration():
    merged = {**EXPECTED, "event_id": "evm-1", "n_mentions": 2, "n_articles": 2,
              "n_sources": 1, "n_stories": 1, "languages": ["fr", "ru"],
              "first_seen": "2024-03-21", "last_seen": "2024-03-22",
              "mentions": [{"event_id": "ev-1"}, {"event_id": "ev-2"}]}
    row = flat(merged)
    assert list(row) == list(FLAT_LAYOUT)
    assert set(MERGED_FLAT) < set(FLAT_LAYOUT)
    assert (row["merged_id"], row["source_country"], row["location_name"]) == \
        ("evm-1", "KAZ", "Astana")
    assert (row["contexts"], row["languages"], row["event_ids"]) == \
        ("diplomatic", "fr;ru", "ev-1;ev-2")
    assert flat({**merged, "location": None})["location_country"] is None


def test_an_event_survives_the_store(tmp_path):
    doc = Document("d1", TEXT, published=dt.date(2024, 3, 21), url="https://example.org/a",
                   lang="fr")
    processed = Processed(document=doc, content_hash="h", lang="fr", segments=(),
                          sentences=(), mentions=(), events=(EVENT,))
    with Store(tmp_path / "s.duckdb") as store:
        store.write_batch([processed], [])
        [record] = list(event_dicts(store))
    assert record["merged_id"].startswith("evm-") and record["story_id"].startswith("st-")
    assert {**record, "merged_id": None, "story_id": None} == EXPECTED
    assert TEXT[record["evidence"]["start"]:record["evidence"]["end"]] == \
        record["evidence"]["text"]
