"""Events, not articles: stories and merged events over a corpus we wrote, where three
real meetings are each reported by three articles in three languages and a fourth
meeting of the same two presidents, two years earlier, must stay apart."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import numpy as np
import pytest

from communique.dedup import groups, rules
from communique.dedup import store as dedup_store
from communique.export import merged_event_dicts
from communique.ingest import iter_inputs
from communique.store import Store

CORPUS = Path(__file__).parent / "data" / "three_events.jsonl"
D = dt.date
PUBLISHED, MET = D(2023, 3, 1), D(2023, 2, 28)


def doc(doc_id, lang="fr", published=PUBLISHED, text_hash="h"):
    return rules.DocKey(doc_id, lang, published, text_hash)


def ev(eid, doc_id="a", etype="CONSULT", status="occurred", src="USA", tgt="KAZ",
       date=MET, precision="day"):
    return rules.EventKey(eid, doc_id, etype, status, src, tgt, date, precision)


# --- rules -------------------------------------------------------------------------

def test_copies_link_whatever_the_date():
    assert rules.doc_link(doc("a"), doc("b", published=None), 0.0, None) == ("copy", 1.0)


def test_reposts_need_the_same_language_and_close_dates():
    a, b = doc("a", text_hash="x"), doc("b", text_hash="y")
    assert rules.doc_link(a, b, 0.6, 0.5)[0] == "repost"
    assert rules.doc_link(a, dataclasses.replace(b, lang="en"), 0.6, 0.5) is None
    assert rules.doc_link(a, dataclasses.replace(b, published=D(2023, 3, 9)), 0.9, 0.9) is None
    assert rules.doc_link(a, b, 0.4, 0.5) is None


def test_translations_are_close_leads_in_other_languages():
    a, b = doc("a", text_hash="x"), doc("b", lang="ar", text_hash="y")
    assert rules.doc_link(a, b, 0.0, 0.8)[0] == "translation"
    assert rules.doc_link(a, b, 0.0, 0.7) is None


def test_same_event_needs_type_actors_and_dates():
    a = ev("1")
    assert rules.event_link(a, ev("2", doc_id="b"), False, 0.5) == ("similar evidence", 0.5)
    # CONSULT is symmetric: the actors may come in either order.
    assert rules.event_link(a, ev("2", doc_id="b", src="KAZ", tgt="USA"), False, 0.5) == \
        ("similar evidence", 0.5)
    assert rules.event_link(a, ev("2", doc_id="b", etype="AGREE"), False, 0.9) is None
    assert rules.event_link(a, ev("2", doc_id="b", date=D(2023, 3, 2)), True, 0.9) is None
    assert rules.event_link(a, ev("2", doc_id="b"), False, 0.3) is None
    assert rules.event_link(a, ev("2", doc_id="b"), True, None) == ("same story", 1.0)
    assert rules.event_link(a, ev("2"), False, None) == ("same article", 1.0)


def test_directed_events_keep_their_direction():
    a = ev("1", etype="ACCUSE", src="CHN", tgt="USA")
    assert rules.event_link(a, ev("2", doc_id="b", etype="ACCUSE", src="USA", tgt="CHN"),
                            True, 0.9) is None
    assert rules.event_link(a, ev("2", doc_id="b", etype="ACCUSE", src="CHN", tgt="USA"),
                            False, 0.5) == ("similar evidence", 0.5)


def test_statuses_and_coarse_dates():
    a = ev("1")
    assert rules.event_link(a, ev("2", doc_id="b", status="planned"), False, 0.5) == \
        ("similar evidence", 0.5)
    assert rules.event_link(a, ev("2", doc_id="b", status="negated"), True, 0.9) is None
    month = ev("2", doc_id="b", date=D(2023, 2, 1), precision="month")
    assert rules.event_link(a, month, False, 0.5) is None
    assert rules.event_link(a, month, False, 0.7) == ("similar evidence", 0.7)
    assert rules.event_link(a, dataclasses.replace(month, date=D(2023, 3, 1)), True, 1) is None
    assert rules.event_link(a, ev("2", doc_id="b", date=None, precision=None), True, 1) is None


def test_components_and_anchors():
    parts = groups.components(["a", "b", "c", "d", "e"], [("b", "a"), ("c", "b"), ("e", "d")])
    assert sorted(parts) == [["a", "b", "c"], ["d", "e"]]
    order = {"a": (2,), "b": (1,), "c": (1,)}
    assert groups.anchor(["a", "b", "c"], order.__getitem__) == "b"
    assert groups.merged_id("ev-0123456789abcdef") == "evm-0123456789abcdef"


def test_a_chain_of_daily_reports_is_cut_into_events():
    # A spokesman accuses every day; each day's reports link to the next day's.
    dated = {f"d{i}-{k}": (D(2024, 5, 1) + dt.timedelta(days=i), "day", D(2024, 5, 1))
             for i in range(6) for k in range(2)}
    dated["month"] = (D(2024, 5, 1), "month", D(2024, 5, 3))
    members = sorted(dated)
    links = {(f"d{i}-0", f"d{i}-1") for i in range(6)}
    links |= {(f"d{i}-1", f"d{i + 1}-0") for i in range(5)} | {("d3-0", "month")}
    parts = groups.split_by_date(members, links, dated, window=1)
    assert sorted(parts) == [["d0-0", "d0-1", "d1-0", "d1-1"], ["d2-0", "d2-1", "d3-0",
                                                                 "d3-1", "month"],
                             ["d4-0", "d4-1", "d5-0", "d5-1"]]
    # Unlinked reports of one day stay apart.
    assert sorted(groups.split_by_date(["a", "b"], set(), {
        "a": (D(2024, 5, 1), "day", None), "b": (D(2024, 5, 1), "day", None)}, 1)) == [
        ["a"], ["b"]]


def test_bands_guarantee_candidates_above_the_repost_threshold():
    import numpy as np

    rng = np.random.default_rng(1)
    for _ in range(200):
        a = rng.integers(0, 2**32, 64, dtype=np.uint64).astype(np.uint32)
        b = rng.integers(0, 2**32, 64, dtype=np.uint64).astype(np.uint32)
        same = rng.choice(64, int(np.ceil(rules.REPOST_MIN * 64)), replace=False)
        b[same] = a[same]
        assert set(enumerate(dedup_store.bands(a))) & set(enumerate(dedup_store.bands(b)))


# --- the corpus, end to end --------------------------------------------------------

@pytest.fixture(scope="module")
def processed(pipeline):
    return [pipeline.process(d) for d in iter_inputs([str(CORPUS)])]


def fill(path, batches) -> Store:
    store = Store(path)
    for batch in batches:
        store.write_batch(batch, [])
    return store


def summary(store: Store) -> dict[str, tuple]:
    """Merged id → (documents, mentions, articles, sources, stories, languages)."""
    return {m["event_id"]: (tuple(sorted(x["doc_id"] for x in m["mentions"])),
                            m["n_mentions"], m["n_articles"], m["n_sources"], m["n_stories"],
                            tuple(m["languages"]))
            for m in merged_event_dicts(store)}


@pytest.fixture(scope="module")
def merged(processed, tmp_path_factory):
    store = fill(tmp_path_factory.mktemp("m") / "m.duckdb", [processed])
    yield summary(store)
    store.close()


def test_three_events_in_three_languages_and_one_apart(merged):
    by_docs = {v[0]: v[1:] for v in merged.values()}
    assert set(by_docs) == {("ev1-ar", "ev1-fr", "ev1-ru"), ("ev2-en", "ev2-es", "ev2-zh"),
                            ("ev3-en", "ev3-fr", "ev3-ru"), ("other-ru",)}
    for docs, (mentions, articles, sources, stories, langs) in by_docs.items():
        n = len(docs)
        assert (mentions, articles, sources, stories, len(langs)) == (n, n, n, n, n)


def test_batches_and_order_do_not_change_the_result(processed, merged, tmp_path):
    store = fill(tmp_path / "one_by_one.duckdb", [[p] for p in reversed(processed)])
    assert summary(store) == merged
    before = store.counts()
    store.write_batch(processed, [])  # the same articles again
    assert store.counts() == before
    assert summary(store) == merged
    dedup_store.rebuild(store.con)
    assert summary(store) == merged


def test_a_copy_joins_the_story_not_the_event_count(processed, merged, tmp_path, pipeline):
    source = next(p for p in processed if p.document.doc_id == "ev2-es")
    copy = pipeline.process(dataclasses.replace(
        source.document, doc_id="ev2-es-copy", url="https://otro-diario.example/copia"))
    store = fill(tmp_path / "copy.duckdb", [processed, [copy]])
    now = summary(store)
    assert set(now) == set(merged)
    event = next(k for k, v in now.items() if "ev2-es-copy" in v[0])
    assert now[event][1:5] == (4, 4, 4, 3)  # mentions, articles, sources; stories unchanged
    kind = store.con.execute("SELECT kind FROM doc_links WHERE doc_b = 'ev2-es-copy'").fetchall()
    assert kind == [("copy",)]


def test_a_replaced_article_leaves_its_event(processed, merged, tmp_path, pipeline):
    store = fill(tmp_path / "replace.duckdb", [processed])
    original = next(p for p in processed if p.document.doc_id == "ev1-fr")
    changed = pipeline.process(dataclasses.replace(
        original.document, text="Le Parlement a adopté le budget de la culture jeudi."))
    store.write_batch([changed], [])
    now = summary(store)
    assert len(now) == 4
    event1 = next(v for v in now.values() if "ev1-ru" in v[0])
    assert event1[0] == ("ev1-ar", "ev1-ru") and event1[2] == 2
    assert store.con.execute("SELECT count(*) FROM event_groups g LEFT JOIN events e "
                             "USING (event_id) WHERE e.event_id IS NULL").fetchone()[0] == 0


def test_merged_exports_load_as_they_are(processed, tmp_path):
    import jsonschema
    import pandas as pd
    from export_readers import as_text, columns, read_rows

    from communique.export import GDELT_COLUMNS, export, flat
    from communique.store.schema import FLAT_LAYOUT

    store = fill(tmp_path / "x.duckdb", [processed])
    schema = json.loads((Path(__file__).parents[1] / "src" / "communique" / "schemas" /
                         "plover-event.schema.json").read_text())
    assert export(store, "events", "plover", str(tmp_path / "p.jsonl"), merged=True) == 4
    for line in (tmp_path / "p.jsonl").read_text().splitlines():
        jsonschema.validate(json.loads(line), schema)
    export(store, "events", "gdelt", str(tmp_path / "g.tsv"), merged=True)
    table = pd.read_csv(tmp_path / "g.tsv", sep="\t", dtype={"EventCode": str})
    assert list(table.columns) == list(GDELT_COLUMNS)
    assert sorted(table["NumArticles"]) == [1, 3, 3, 3]
    assert set(table["EventCode"]) == {"040"}
    export(store, "events", "parquet", str(tmp_path / "m.parquet"), merged=True)
    frame = pd.read_parquet(tmp_path / "m.parquet")
    assert sorted(frame["n_mentions"]) == [1, 3, 3, 3]
    # The flat formats hold the JSONL records' values in the declared flat columns.
    export(store, "events", "jsonl", str(tmp_path / "m.jsonl"), merged=True)
    export(store, "events", "csv", str(tmp_path / "m.csv"), merged=True)
    records = read_rows(tmp_path / "m.jsonl", "jsonl")
    assert list(frame.columns) == columns(tmp_path / "m.csv", "csv") == list(FLAT_LAYOUT)
    for fmt in ("csv", "parquet"):
        got = [{k: as_text(v) for k, v in row.items()}
               for row in read_rows(tmp_path / f"m.{fmt}", fmt)]
        assert got == [{k: as_text(v) for k, v in flat(m).items()} for m in records]
    first = min(records, key=lambda m: m["event_id"])
    assert flat(first)["event_ids"] == ";".join(x["event_id"] for x in first["mentions"])
    assert flat(first)["merged_id"] == first["event_id"] and \
        first["event_id"].startswith("evm-")
    with pytest.raises(Exception, match="--merged is for events only"):
        export(store, "entities", "jsonl", None, merged=True)


def test_an_older_database_is_merged_from_its_stored_text(processed, merged, tmp_path):
    from communique.dedup.backfill import rebuild_all

    store = fill(tmp_path / "old.duckdb", [processed])
    signatures = "SELECT doc_id, text_hash, minhash, vector FROM doc_signatures ORDER BY doc_id"
    made_by_run = store.con.execute(signatures).fetchall()
    for table in ("doc_signatures", "doc_bands", "event_signatures", "doc_links",
                  "event_links", "stories", "event_groups"):
        store.con.execute(f"DELETE FROM {table}")
    assert rebuild_all(store.con) == (10, 10)
    assert summary(store) == merged
    assert rebuild_all(store.con) == (0, 0)
    # The same stages made them: the same hashes, and the same lead embedding.
    remade = store.con.execute(signatures).fetchall()
    assert [r[:3] for r in remade] == [r[:3] for r in made_by_run]
    for old, new in zip(made_by_run, remade, strict=True):
        assert float(np.dot(old[3], new[3])) > 0.999, old[0]


def test_merge_command_and_run_summary(tmp_path):
    from typer.testing import CliRunner

    from communique.cli.app import app

    db = str(tmp_path / "cli.duckdb")
    runner = CliRunner()
    result = runner.invoke(app, ["run", str(CORPUS), "--db", db])
    assert result.exit_code == 0, result.output
    assert "10 event reports making 4 events" in " ".join(result.output.split())
    assert "made before merging" not in result.output
    # The same database as an earlier version left it: `run` merges it first, and says so.
    with Store(db) as store:
        for table in ("doc_signatures", "doc_bands", "event_signatures", "doc_links",
                      "event_links", "stories", "event_groups"):
            store.con.execute(f"DELETE FROM {table}")
    result = runner.invoke(app, ["run", str(CORPUS), "--db", db])
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "made before merging: merged it first (10 documents and 10 event reports" in out
    assert "10 unchanged" in out and "making 4 events" in out
    result = runner.invoke(app, ["export", "events", "--merged", "--db", db])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 4
    result = runner.invoke(app, ["merge", "--db", db])
    assert result.exit_code == 0 and "making 4 events" in " ".join(result.output.split())
    result = runner.invoke(app, ["merge", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "no such database" in result.output


def test_translations_make_one_story_and_independent_reports_do_not(processed, pipeline,
                                                                     tmp_path):
    translations = [pipeline.process(d) for d in
                    iter_inputs([str(CORPUS.with_name("translations.jsonl"))])]
    store = fill(tmp_path / "t.duckdb", [processed, translations])
    story = dict(store.con.execute("SELECT doc_id, story_id FROM stories").fetchall())
    assert story["t-fr"] == story["t-en"] == story["t-ar"]
    kinds = {k for (k,) in store.con.execute(
        "SELECT kind FROM doc_links WHERE doc_a LIKE 't-%' AND doc_b LIKE 't-%'").fetchall()}
    assert kinds == {"translation"}
    # Three outlets' own reports of one meeting are three stories, one event.
    assert len({story[d] for d in ("ev1-ru", "ev1-fr", "ev1-ar")}) == 3
    event1 = next(v for v in summary(store).values() if "ev1-ru" in v[0])
    assert event1[0] == ("ev1-ar", "ev1-fr", "ev1-ru", "t-ar", "t-en", "t-fr")
    # t-fr is ev1-fr again (same text, same outlet): a copy, so the translations join
    # ev1-fr's story; 6 reports and articles, 5 outlets, 3 independent stories.
    assert story["t-fr"] == story["ev1-fr"]
    assert event1[1:5] == (6, 6, 5, 3)
    from communique.export import export

    export(store, "stories", "jsonl", str(tmp_path / "stories.jsonl"))
    rows = {r["doc_id"]: r for r in map(json.loads, open(tmp_path / "stories.jsonl"))}
    assert len(rows) == 13 and rows["t-ar"]["story_articles"] == 4
    assert rows["t-fr"]["links"] == "copy;translation" and rows["ev1-ru"]["links"] is None


# --- stores built by hand: removal, rollback, databases made before merging ----------

def report(doc_id, day, axes=(), text=None, n_events=1):
    """A processed article with `n_events` ACCUSE CHN→USA reports dated `day` days after
    1 May 2024, their evidence vector the unit mean of the given axes."""
    import numpy as np

    from communique.pipeline import content_hash
    from communique.records import Actor, Document, Event, Evidence, Processed
    from communique.stages.events import event_id
    from communique.stages.signature import text_signature

    text = text or f"Report {doc_id}: " + " ".join(f"w{doc_id}{i}" for i in range(30))
    date = D(2024, 5, 1) + dt.timedelta(days=day)
    doc = Document(doc_id, text, date, url=f"https://{doc_id}.example/a", lang="en")
    vec = np.zeros(512, np.float32)
    vec[list(axes)] = 1
    vec /= max(1.0, float(np.linalg.norm(vec)))
    events = tuple(Event(event_id(doc_id, k, "ACCUSE", "CHN", "USA"), doc_id, "ACCUSE",
                         Actor("China", "CHN"), Actor("USA", "USA"), Evidence(text[:9], 0, 9),
                         date=date, date_precision="day", lang="en")
                   for k in range(n_events))
    return Processed(document=doc, content_hash=content_hash(doc), lang="en", segments=(),
                     sentences=(), mentions=(), events=events,
                     signature=text_signature(text), event_vectors={e.event_id: vec
                                                                    for e in events})


def groups_of(store) -> list[list[str]]:
    out: dict[str, list[str]] = {}
    for doc_id, merged_id in store.con.execute(
            "SELECT e.doc_id, g.merged_id FROM event_groups g JOIN events e USING (event_id)"
            ).fetchall():
        out.setdefault(merged_id, []).append(doc_id)
    return sorted(sorted(v) for v in out.values())


def test_removing_a_report_regroups_its_whole_linked_component(tmp_path):
    # x–r, r–y and z–y are linked; the date cut makes {x, r}, {z}, {y}.
    store = fill(tmp_path / "cut.duckdb", [[report("x", 0, [0]), report("r", 1, [0, 1]),
                                            report("z", 1, [2]), report("y", 2, [1, 2])]])
    assert groups_of(store) == [["r", "x"], ["y"], ["z"]]
    store.write_batch([report("r", 1, text="Le budget de la culture.", n_events=0)], [])
    incremental = groups_of(store)
    dedup_store.rebuild(store.con)
    assert incremental == groups_of(store) == [["x"], ["y", "z"]]


def test_a_failure_inside_merging_rolls_the_batch_back(tmp_path):
    import numpy as np

    from communique.errors import StoreError

    store = fill(tmp_path / "tx.duckdb", [[report("a", 0, [0])]])
    before = store.counts()
    bad = report("b", 0, [0])
    bad.event_vectors[bad.events[0].event_id] = np.zeros(256, np.float32)
    with pytest.raises(StoreError, match="batch not stored"):
        store.write_batch([bad], [])
    assert store.counts() == before
    store.write_batch([report("c", 0, [0])], [])  # the connection is usable again
    assert store.counts()["documents"] == 2 and groups_of(store) == [["a", "c"]]


def test_a_database_made_before_merging_is_merged_on_the_next_run(processed, merged,
                                                                   tmp_path):
    from communique.runner import OldStoreMerged, run

    store = fill(tmp_path / "old.duckdb", [processed[:-1]])
    for table in ("doc_signatures", "doc_bands", "event_signatures", "doc_links",
                  "event_links", "stories", "event_groups"):
        store.con.execute(f"DELETE FROM {table}")
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    last = tmp_path / "last.jsonl"
    last.write_text(lines[-1] + "\n", encoding="utf-8")
    report = run([str(last)], store)
    assert summary(store) == merged
    # The merge is a step the report names: what it signed before the new batch.
    assert report.old_store_merged == OldStoreMerged(
        len(processed) - 1, sum(len(p.events) for p in processed[:-1]))
    assert run([str(last)], store).old_store_merged is None  # nothing old left to merge
