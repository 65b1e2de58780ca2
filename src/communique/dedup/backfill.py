"""Signatures for what a store holds without them (documents and events stored by a
version without merging): computed again from the stored text and evidence."""

from __future__ import annotations

from ..lang import load_language
from ..stages.classify import embed
from ..stages.clean import clean
from ..stages.sentences import split
from ..stages.signature import LEAD, lead_vector, text_signature
from . import rules
from .store import insert_doc_signatures, insert_event_signatures


def backfill(con, with_vectors: bool = True) -> tuple[int, int]:
    """Add the missing signatures; return how many documents and events got one."""
    docs = con.execute("SELECT doc_id, text, lang FROM documents WHERE doc_id NOT IN "
                       "(SELECT doc_id FROM doc_signatures) ORDER BY doc_id").fetchall()
    signed = []
    for doc_id, text, lang in docs:
        cleaned = clean(text)
        body = "\n".join(text[s.start:s.end] for s in cleaned.body)
        vector = None
        if with_vectors and lang:
            sentences = split(text, cleaned.body, lang, load_language(lang).honorifics_before)
            vector = lead_vector(list(embed([s.text for s in sentences[:LEAD]])))
        signed.append((doc_id, text_signature(body, vector)))
    insert_doc_signatures(con, signed)
    events = con.execute(
        "SELECT event_id, source_country, source_entity_id, source_name, target_country, "
        "target_entity_id, target_name, evidence_text FROM events WHERE event_id NOT IN "
        "(SELECT event_id FROM event_signatures) ORDER BY event_id").fetchall()
    vectors = embed([e[7] for e in events]) if with_vectors and events else [None] * len(events)
    insert_event_signatures(con, [
        (e[0], rules.actor_key(*e[1:4]) or "", rules.actor_key(*e[4:7]) or "", v)
        for e, v in zip(events, vectors, strict=True)])
    return len(signed), len(events)


def rebuild_all(con) -> tuple[int, int]:
    """Backfill signatures, then recompute every story and merged event, in one
    transaction; return what `backfill` did."""
    from .store import rebuild

    con.execute("BEGIN TRANSACTION")
    try:
        done = backfill(con)
        rebuild(con)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return done
