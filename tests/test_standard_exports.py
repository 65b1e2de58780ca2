"""PLOVER JSONL validates against the schema kept in the repository; the GDELT-style
table has the documented columns."""

import csv
import json
from importlib import resources

import jsonschema
import pytest
from export_readers import as_text, columns, read_rows
from typer.testing import CliRunner

from communique.cli.app import app
from communique.export import GDELT_COLUMNS
from communique.store import Store
from communique.store.schema import MENTIONS

pytestmark = pytest.mark.slow
SAMPLES = str(resources.files("communique") / "samples" / "articles.jsonl")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("x") / "x.duckdb")
    r = CliRunner().invoke(app, ["run", SAMPLES, "--db", path])
    assert r.exit_code == 0, r.output
    return path


def test_plover_jsonl_validates(db, tmp_path):
    out = tmp_path / "plover.jsonl"
    r = CliRunner().invoke(app, ["export", "events", "--db", db, "--format", "plover",
                                 "--out", str(out)])
    assert r.exit_code == 0, r.output
    schema = json.loads((resources.files("communique") / "schemas" /
                         "plover-event.schema.json").read_text("utf-8"))
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(records) > 50
    for rec in records:
        jsonschema.validate(rec, schema)
    bad = dict(records[0], event="PRAISE")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


def test_gdelt_table_has_the_documented_columns(db, tmp_path):
    out = tmp_path / "gdelt.tsv"
    r = CliRunner().invoke(app, ["export", "events", "--db", db, "--format", "gdelt",
                                 "--out", str(out)])
    assert r.exit_code == 0, r.output
    with open(out, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    assert tuple(rows[0]) == GDELT_COLUMNS
    assert all(row["GLOBALEVENTID"].isdigit() for row in rows)
    assert {row["QuadClass"] for row in rows} <= {"1", "2", "3", "4"}
    assert all(row["EventRootCode"] == row["EventCode"][:2] for row in rows)


def test_standard_formats_are_for_events_only(db):
    r = CliRunner().invoke(app, ["export", "entities", "--db", db, "--format", "plover"])
    assert r.exit_code == 1 and "events only" in r.output


def test_dyad_counts_by_month(db):
    from communique.analytics import dyad, sparkline
    from communique.store import Store

    with Store(db, read_only=True) as store:
        rows = dyad(store, "CHN", "BRA", by="month")
        total = store.con.execute(
            "SELECT count(*) FROM events WHERE date IS NOT NULL AND status IN "
            "('occurred', 'planned') AND ((source_country = 'CHN' AND target_country = 'BRA')"
            " OR (source_country = 'BRA' AND target_country = 'CHN'))").fetchone()[0]
        merged = store.con.execute(
            "SELECT count(DISTINCT g.merged_id) FROM events e JOIN event_groups g "
            "USING (event_id) WHERE date IS NOT NULL AND status IN ('occurred', 'planned') "
            "AND ((source_country = 'CHN' AND target_country = 'BRA')"
            " OR (source_country = 'BRA' AND target_country = 'CHN'))").fetchone()[0]
    assert rows and sum(r.reports for r in rows) == total
    assert sum(r.events for r in rows) == merged < total  # one meeting, several reports
    assert all(sum(r.by_quad) == r.events for r in rows)
    assert sparkline([1, 4, 8]) == "▁▄█"
    r = CliRunner().invoke(app, ["dyad", "CHN", "BRA", "--db", db, "--by", "month"])
    assert r.exit_code == 0 and "CHN–BRA" in r.output
    r = CliRunner().invoke(app, ["dyad", "CHN", "--db", db, "--by", "fortnight"])
    assert r.exit_code == 1 and "--by must be one of" in r.output


@pytest.fixture(scope="module")
def tables(db, tmp_path_factory):
    """Mentions and pairs exported in each flat format, with the rows the store holds."""
    from communique.export import rows
    from communique.export.tables import TABLE_SQL

    folder = tmp_path_factory.mktemp("tables")
    out = {}
    with Store(db, read_only=True) as store:
        for what in ("pairs", "mentions"):
            out[what, "store"] = list(rows(store, TABLE_SQL[what], []))
            for fmt in ("jsonl", "csv", "parquet"):
                path = folder / f"{what}.{fmt}"
                r = CliRunner().invoke(app, ["export", what, "--db", db, "--format", fmt,
                                             "--out", str(path)])
                assert r.exit_code == 0, r.output
                assert f"{len(out[what, 'store'])} {what} written" in r.output
                out[what, fmt] = (read_rows(path, fmt),
                                  None if fmt == "jsonl" else columns(path, fmt))
    return out


PAIR_COLUMNS = ["month", "source_country", "target_country", "event_type", "quad_class",
                "events", "reports", "mean_goldstein", "articles"]


@pytest.mark.parametrize("what", ["pairs", "mentions"])
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_pairs_and_mentions_exports(tables, what, fmt):
    """Every format holds the store's rows, value for value, in declared columns."""
    stored = tables[what, "store"]
    exported, header = tables[what, fmt]
    names = PAIR_COLUMNS if what == "pairs" else [c.name for c in MENTIONS.columns]
    assert list(stored[0]) == names
    if header is not None:
        assert header == names
    assert len(exported) == len(stored) > 10
    for got, want in zip(exported, stored, strict=True):
        assert {k: as_text(v) for k, v in got.items()} == \
            {k: as_text(v) for k, v in want.items()}


def test_mention_offsets_and_pair_counts_hold(db, tables):
    from communique.analytics import MERGED_EVENTS

    with Store(db, read_only=True) as store:
        texts = dict(store.con.execute("SELECT doc_id, text FROM documents").fetchall())
        events, reports = store.con.execute(
            f"SELECT count(*), sum(reports) FROM {MERGED_EVENTS} WHERE status IN "
            "('occurred', 'planned') AND date IS NOT NULL").fetchone()
    mentions, _ = tables["mentions", "parquet"]
    assert all(texts[m["doc_id"]][m["start_char"]:m["end_char"]] == m["text"]
               for m in mentions)
    pairs, _ = tables["pairs", "csv"]
    # Each merged event counted once, beside the reports that told it.
    assert sum(int(p["events"]) for p in pairs) == events < reports
    assert sum(int(p["reports"]) for p in pairs) == reports
    assert {p["quad_class"] for p in pairs} <= {"1", "2", "3", "4"}


def test_plots_and_network_on_the_demo_database(db, tmp_path):
    png, svg, net = tmp_path / "chn.png", tmp_path / "chn.svg", tmp_path / "net.png"
    for path in (png, svg):
        r = CliRunner().invoke(app, ["dyad", "CHN", "--db", db, "--plot", str(path)])
        assert r.exit_code == 0, r.output
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    assert "<svg" in svg.read_text(encoding="utf-8")[:500]
    r = CliRunner().invoke(app, ["network", "--db", db, "--country", "chn", "--plot", str(net)])
    assert r.exit_code == 0, r.output
    assert "ties of CHN" in r.output and "JPN" in r.output
    assert net.read_bytes()[:4] == b"\x89PNG"
    r = CliRunner().invoke(app, ["network", "--db", db, "--plot", str(tmp_path / "x.pdf")])
    assert r.exit_code == 1 and ".png or .svg" in r.output


def test_network_ties_count_events_once(db):
    from communique.analytics import network
    from communique.store import Store

    with Store(db, read_only=True) as store:
        ties = network(store)
        assert ties == sorted(ties, key=lambda t: -t.events)
        assert all(t.a < t.b and t.events <= t.reports for t in ties)
        assert any(t.events < t.reports for t in ties)
        assert network(store, "ARG") and all("ARG" in (t.a, t.b) for t in network(store, "ARG"))
