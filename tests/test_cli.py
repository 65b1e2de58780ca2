import json

import pytest
from export_readers import as_text, at, columns, read_rows
from typer.testing import CliRunner

from communique.cli.app import app
from communique.store.schema import EVENTS

runner = CliRunner()
COMMANDS = ["run", "export", "eval", "demo", "dyad", "kb"]


@pytest.mark.parametrize("cmd", COMMANDS)
def test_every_command_has_help(cmd):
    r = runner.invoke(app, [cmd, "--help"])
    assert r.exit_code == 0 and "Usage" in r.output


def test_missing_input_is_one_clear_line(tmp_path):
    r = runner.invoke(app, ["run", str(tmp_path / "nope.jsonl"), "--db", str(tmp_path / "x.db")])
    assert r.exit_code == 1
    assert "no such file or folder" in r.output
    assert "Traceback" not in r.output


def test_export_from_missing_database(tmp_path):
    r = runner.invoke(app, ["export", "events", "--db", str(tmp_path / "none.duckdb")])
    assert r.exit_code == 1 and "no such database" in r.output


TEXT = ("Le ministre chinois des Affaires étrangères, Wang Yi, s'est entretenu mercredi à "
        "Pékin avec son homologue kazakh Mourat Nourtléou.")


@pytest.mark.slow
def test_run_export_formats_and_strict(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join([
        json.dumps({"id": "a", "published": "2024-03-20", "text": TEXT}), "{broken"]),
        encoding="utf-8")
    db = str(tmp_path / "x.duckdb")
    r = runner.invoke(app, ["run", str(src), "--db", db])
    assert r.exit_code == 0, r.output
    assert "1 rejected" in r.output and "in.jsonl:2" in r.output
    r = runner.invoke(app, ["run", str(src), "--db", db, "--strict"])
    assert r.exit_code == 1
    exported = {}
    for fmt in ("jsonl", "csv", "parquet"):
        out = tmp_path / f"events.{fmt}"
        r = runner.invoke(app, ["export", "events", "--db", db, "--format", fmt, "--out", str(out)])
        assert r.exit_code == 0, r.output
        exported[fmt] = read_rows(out, fmt)
    [ev] = exported["jsonl"]
    assert (ev["doc_id"], ev["event_type"], ev["date"], ev["status"]) == \
        ("a", "CONSULT", "2024-03-20", "occurred")
    assert {ev["source"]["country"], ev["target"]["country"]} == {"CHN", "KAZ"}
    evidence = ev["evidence"]
    assert TEXT[evidence["start"]:evidence["end"]] == evidence["text"] == TEXT
    # CSV and Parquet: the declared columns, in order, holding the JSONL record's values.
    for fmt in ("csv", "parquet"):
        assert columns(tmp_path / f"events.{fmt}", fmt) == [c.name for c in EVENTS.columns]
        [row] = exported[fmt]
        for c in EVENTS.columns:
            if c.name != "contexts":  # a list: "[a, b]" in CSV
                assert as_text(row[c.name]) == as_text(at(ev, c.path)), (fmt, c.name)
    assert exported["parquet"][0]["contexts"] == ev["contexts"]
    # "--out -" is stdout, as "-" is for inputs: no file named "-" appears.
    r = runner.invoke(app, ["export", "events", "--db", db, "--out", "-"], catch_exceptions=False)
    assert r.exit_code == 0 and not (tmp_path / "-").exists()
    assert [json.loads(line) for line in r.stdout.splitlines() if line.startswith("{")] == \
        exported["jsonl"]
    r = runner.invoke(app, ["export", "events", "--db", db, "--format", "xml"])
    assert r.exit_code == 1 and "unknown format" in r.output


@pytest.mark.slow
def test_demo_runs_on_bundled_samples(tmp_path):
    db = tmp_path / "demo.duckdb"
    r = runner.invoke(app, ["demo", "--db", str(db)])
    assert r.exit_code == 0, r.output
    assert "events per country pair" in r.output
    for lang in ("fr", "ar", "en", "ru", "zh", "es"):
        assert f"[{lang}]" in r.output
