import datetime as dt
import json
import string

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from communique.errors import StoreError
from communique.ingest import read_jsonl_lines
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
from communique.store.columns import ARROW_TYPES
from communique.store.schema import TABLES


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
        before = s.counts()
        bad = _processed("d2", "Deux.")
        bad = Processed(**{**{f: getattr(bad, f) for f in bad.__slots__},
                           "mentions": bad.mentions + bad.mentions})  # duplicate primary key
        with pytest.raises(StoreError, match="batch not stored.*(?i:constraint)"):
            s.write_batch([bad], [])
        assert s.counts() == before
        assert s.con.execute("SELECT doc_id FROM documents").fetchall() == [("d1",)]
        assert s.con.execute("SELECT count(*) FROM events WHERE doc_id = 'd2'"
                             ).fetchone()[0] == 0


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_live_tables_have_the_declared_columns(tmp_path, table):
    """The migrations and the declaration must not drift apart: same names, same types,
    same order (inserts name their columns, but exports select in this order)."""
    with Store(tmp_path / "s.duckdb") as s:
        live = s.con.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_name = ? ORDER BY ordinal_position", [table.name]).fetchall()
    assert live == [(c.name, c.sql) for c in table.stored]
    assert all(c.sql in ARROW_TYPES for c in table.stored)


# Any text, lone surrogates (category Cs) included: JSON can carry them as "\ud800".
# Surrogates get an alphabet of their own, or they would be drawn once in a thousand.
ANY_TEXT = st.text(alphabet=st.one_of(
    st.characters(categories=("Cs",)),
    st.characters(codec=None, categories=("L", "M", "N", "P", "S", "Z"))),
    min_size=1, max_size=40).filter(str.strip)


def _expected(text: str) -> str:
    return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)


@settings(max_examples=40, deadline=None)
@example([("a", "x\ud800y"), ("b", "\udfff")])
@given(st.lists(st.tuples(st.text(string.ascii_lowercase, min_size=1, max_size=6), ANY_TEXT),
                min_size=1, max_size=8, unique_by=lambda t: t[0]))
def test_round_trip_any_text(tmp_path_factory, docs):
    """Records read as JSON lines and stored: a lone surrogate becomes U+FFFD in place
    (same length, so offsets hold) and never stops the batch."""
    lines = [json.dumps({"id": i, "text": t}) for i, t in docs]
    read = list(read_jsonl_lines(lines, "h.jsonl"))
    assert all(isinstance(d, Document) for d in read)
    db = tmp_path_factory.mktemp("h") / "h.duckdb"
    with Store(db) as s:
        s.write_batch([_processed(d.doc_id, d.text) for d in read], [])
        stored = dict(s.con.execute("SELECT doc_id, text FROM documents").fetchall())
        assert stored == {i: _expected(t) for i, t in docs}
        assert all(len(stored[i]) == len(t) for i, t in docs)
        again = s.write_batch([_processed(d.doc_id, d.text) for d in read], [])
        assert again.added == 0 and again.unchanged == len(docs)


@pytest.mark.slow
def test_a_lone_surrogate_does_not_stop_the_batch(tmp_path):
    from communique.runner import run

    text = ("Le ministre chinois des Affaires étrangères, Wang Yi, s'est entretenu mercredi "
            "à Pékin avec son homologue kazakh Mourat Nourtléou. \ud800 Fin.")
    src = tmp_path / "in.jsonl"
    # The escape is written as JSON text: the record carries a lone surrogate.
    src.write_text("\n".join([
        '{"id": "bad", "published": "2024-03-20", "text": ' + json.dumps(text) + "}",
        json.dumps({"id": "good", "published": "2024-03-20", "text": text.replace(
            "\ud800", "")}),
    ]), encoding="utf-8")
    assert "\\ud800" in src.read_text(encoding="utf-8")
    with Store(tmp_path / "s.duckdb") as s:
        report = run([str(src)], s)
        assert (report.added, report.rejections) == (2, [])
        stored = s.con.execute("SELECT text FROM documents WHERE doc_id = 'bad'").fetchone()[0]
        assert stored == text.replace("\ud800", "\ufffd")
        events = s.con.execute("SELECT event_type, evidence_text, evidence_start, evidence_end "
                               "FROM events WHERE doc_id = 'bad'").fetchall()
    assert [e[0] for e in events] == ["CONSULT"]
    assert all(stored[start:end] == evidence for _, evidence, start, end in events)
