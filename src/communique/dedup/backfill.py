"""Signatures for what a store holds without them (documents and events stored by a
version without merging): computed again from the stored text and evidence."""

from __future__ import annotations

from ..errors import CommuniqueError
from ..pipeline import Pipeline
from ..records import Document
from ..stages.classify import embed
from ..stages.signature import text_signature
from ..store.rows import fetch_dicts, fetch_values
from .store import (
    EventSignature,
    actor_key,
    insert_doc_signatures,
    insert_event_signatures,
    rebuild,
)

CHUNK = 200  # documents (or evidence sentences) embedded and stored at a time
# The pipeline's own stages that make an article's signature.
SIGNATURE_STAGES = ("clean", "language", "sentences", "signature")
# What an event's actor keys are made of (see rules.actor_key).
_EVENT_ACTORS = ("event_id, source_country, source_entity_id, source_name, "
                 "target_country, target_entity_id, target_name")


def backfill(con, with_vectors: bool = True) -> tuple[int, int]:
    """Add the missing signatures, a slice at a time; return how many documents and
    events got one."""
    missing = fetch_values(con, "SELECT doc_id FROM documents WHERE doc_id NOT IN "
                                "(SELECT doc_id FROM doc_signatures) ORDER BY doc_id")
    pipeline = Pipeline(use_ner=False, use_classifier=with_vectors)
    for i in range(0, len(missing), CHUNK):
        docs = fetch_dicts(con, "SELECT doc_id, text, lang FROM documents WHERE doc_id IN "
                                "(SELECT unnest(?)) ORDER BY doc_id", [missing[i:i + CHUNK]])
        insert_doc_signatures(con, [(d["doc_id"], _signature(pipeline, d)) for d in docs])
    events = fetch_dicts(con, f"SELECT {_EVENT_ACTORS}, evidence_text FROM events "
                              "WHERE event_id NOT IN (SELECT event_id FROM event_signatures) "
                              "ORDER BY event_id")
    for i in range(0, len(events), CHUNK):
        part = events[i:i + CHUNK]
        vectors = (embed([e["evidence_text"] for e in part]) if with_vectors
                   else [None] * len(part))
        insert_event_signatures(con, [
            EventSignature(e["event_id"], _actor_key(e, "source"), _actor_key(e, "target"), v)
            for e, v in zip(part, vectors, strict=True)])
    return len(missing), len(events)


def _actor_key(event: dict, side: str) -> str:
    return actor_key(event[f"{side}_country"], event[f"{side}_entity_id"],
                     event[f"{side}_name"])


def _signature(pipeline: Pipeline, row: dict):
    """The signature the pipeline's own stages give the stored text; a text they now
    reject (nothing left after cleaning) gets the signature of no text."""
    document = Document(doc_id=row["doc_id"], text=row["text"], lang=row["lang"])
    try:
        return pipeline.analyse(document, only=SIGNATURE_STAGES).signature
    except CommuniqueError:
        return text_signature("", None)


def rebuild_all(con) -> tuple[int, int]:
    """Backfill signatures, then recompute every story and merged event, in one
    transaction; return what `backfill` did."""
    con.execute("BEGIN TRANSACTION")
    try:
        done = backfill(con)
        rebuild(con)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return done
