import datetime as dt
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from communique.records import (
    Actor,
    Document,
    Entity,
    Event,
    Evidence,
    Mention,
    Processed,
    Rejection,
)
from communique.store import Store


def _processed(doc_id: str, text: str, n_events: int = 1, published=None) -> Processed:
    doc = Document(doc_id=doc_id, text=text, published=published, lang="fr")
    events = tuple(
        Event(event_id=f"ev-{doc_id}-{i}", doc_id=doc_id, event_type="CONSULT",
              source=Actor(name="A", country="KAZ", entity_id="Q1"),
              target=Actor(name=None, country="USA"),
              evidence=Evidence(text=text[:10], start=0, end=min(10, len(text))),
              date=dt.date(2021, 1, 21), cameo="040", quad_class=1, goldstein=1.0,
              pipeline_version="t")
        for i in range(n_events))
    mentions = (Mention(start=0, end=1, text=text[:1], kind="PERSON", sentence=0,
                        entity_id="Q1"),)
    return Processed(document=doc, content_hash=str(hash((text, published))), lang="fr",
                     segments=(), sentences=(), mentions=mentions, events=events,
                     entities=(Entity("Q1", "PERSON", "A", "KAZ", "Q1"),))


def test_migrations_are_recorded_once(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        assert s.migrate() == []  # already applied on open
        assert s.con.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] >= 1
    with Store(db) as s:
        assert s.counts()["documents"] == 0


def test_same_batch_twice_adds_nothing(tmp_path):
    with Store(tmp_path / "s.duckdb") as s:
        batch = [_processed("d1", "Texte un."), _processed("d2", "Texte deux.", 2)]
        r1 = s.write_batch(batch, [Rejection("f.jsonl:3", "invalid JSON")])
        before = s.counts()
        r2 = s.write_batch(batch, [Rejection("f.jsonl:3", "invalid JSON")])
        assert (r1.added, r2.added, r2.unchanged) == (2, 0, 2)
        assert s.counts() == before
        assert before["events"] == 3 and before["rejects"] == 1
        assert s.con.execute("SELECT times FROM rejects").fetchone()[0] == 2


def test_changed_document_replaces_its_rows(tmp_path):
    with Store(tmp_path / "s.duckdb") as s:
        s.write_batch([_processed("d1", "Texte un.", 3), _processed("d2", "Autre.", 1)], [])
        r = s.write_batch([_processed("d1", "Texte un, corrigé.", 1)], [])
        assert r.replaced == 1
        assert s.counts()["events"] == 2
        assert s.con.execute("SELECT text FROM documents WHERE doc_id='d1'").fetchone()[0] == \
            "Texte un, corrigé."


def test_duplicate_ids_inside_one_batch_are_stored_once(tmp_path):
    with Store(tmp_path / "s.duckdb") as s:
        r = s.write_batch([_processed("d1", "Un."), _processed("d1", "Un.")], [])
        assert (r.added, r.unchanged) == (1, 1)
        assert s.counts()["documents"] == 1


def test_failed_batch_keeps_what_was_stored(tmp_path):
    with Store(tmp_path / "s.duckdb") as s:
        s.write_batch([_processed("d1", "Un.")], [])
        bad = _processed("d2", "Deux.")
        bad = Processed(**{**{f: getattr(bad, f) for f in bad.__slots__},
                           "mentions": bad.mentions + bad.mentions})  # duplicate primary key
        try:
            s.write_batch([bad], [])
        except Exception:
            pass
        assert s.counts()["documents"] == 1


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.text(string.ascii_lowercase, min_size=1, max_size=6),
                          st.text(min_size=1, max_size=40).filter(str.strip)),
                min_size=1, max_size=8, unique_by=lambda t: t[0]))
def test_round_trip_any_text(tmp_path_factory, docs):
    db = tmp_path_factory.mktemp("h") / "h.duckdb"
    with Store(db) as s:
        s.write_batch([_processed(i, t) for i, t in docs], [])
        stored = dict(s.con.execute("SELECT doc_id, text FROM documents").fetchall())
        assert stored == dict(docs)
        again = s.write_batch([_processed(i, t) for i, t in docs], [])
        assert again.added == 0 and again.unchanged == len(docs)
