"""Actors across languages, scripts and time: golden sentences we wrote, one per language,
where a role phrase and the article's date decide who is meant."""

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

import communique
from communique.cli.app import app
from communique.kb import KnowledgeBase
from communique.kb.lookup import lookup
from communique.kb.wikidata import parse, read_file
from communique.runner import run
from communique.store import Store
from communique.store.kb import extension

DATA = Path(__file__).parent / "data"

# "Kazakhstan's foreign minister received the French ambassador in Astana on Tuesday."
KAZ_FM = [
    ("fr", "Le ministre kazakh des Affaires étrangères a reçu mardi à Astana l'ambassadeur de "
           "France."),
    ("en", "Kazakhstan's Foreign Minister met the French ambassador in Astana on Tuesday."),
    ("ar", "استقبل وزير الخارجية الكازاخستاني يوم الثلاثاء في أستانا سفير فرنسا."),
    ("ru", "Министр иностранных дел Казахстана во вторник принял в Астане посла Франции."),
    ("zh", "哈萨克斯坦外长周二在阿斯塔纳会见了法国驻哈大使。"),
    ("es", "El canciller de Kazajistán recibió el martes en Astaná al embajador de Francia."),
    ("kk", "Қазақстан Сыртқы істер министрі сейсенбі күні Астанада Франция елшісін қабылдады."),
]


@pytest.mark.parametrize("lang,text", KAZ_FM)
@pytest.mark.parametrize("published,expected", [("2021-01-21", "Mukhtar Tleuberdi"),
                                                ("2024-03-01", "Murat Nurtleu")])
def test_role_and_date_decide_the_person(lang, text, published, expected):
    events = communique.extract(text, published=published, lang=lang)
    assert events, f"{lang}: no event"
    ev = events[0]
    assert ev.source.name == expected, (lang, ev.source)
    assert ev.source.country == "KAZ" and ev.target.country == "FRA"
    assert "holder of foreign_minister" not in ev.resolution_reason  # reason is on the mention


@pytest.mark.parametrize("phrase,day,expected", [
    ("US Secretary of State", "2019-06-01", "Mike Pompeo"),
    ("US Secretary of State", "2022-06-01", "Antony Blinken"),
    ("ministre chinois des Affaires étrangères", "2023-04-01", "Qin Gang"),
    ("ministre chinois des Affaires étrangères", "2021-04-01", "Wang Yi"),
    ("الرئيس الأمريكي", "2023-01-05", "Joe Biden"),
    ("美国总统", "2018-05-01", "Donald Trump"),
])
def test_role_phrases_resolve_on_their_date(phrase, day, expected):
    answers = lookup(phrase, KnowledgeBase.default(), dt.date.fromisoformat(day))
    assert [a.person.name for a in answers] == [expected]


@pytest.mark.parametrize("form", ["Тлеуберди", "مختار تلاوبردي", "Tleouberdi",
                                  "Moukhtar Tleouberdi", "Мұхтар Тілеуберді"])
def test_lookup_any_script(form):
    answers = lookup(form, KnowledgeBase.default())
    assert [a.person.name for a in answers] == ["Mukhtar Tleuberdi"]
    assert answers[0].reason == f"alias '{form}'"  # each form is a listed alias


def test_name_key_finds_unlisted_spelling():
    answers = lookup("Mouhtar Tleouberdy", KnowledgeBase.default())
    assert [a.person.name for a in answers] == ["Mukhtar Tleuberdi"]
    assert answers[0].reason == "name key 'mtr tlbrd'"


def test_wikidata_import_parses_people_offices_and_organisations():
    result = parse(read_file(DATA / "wikidata_export.json"))
    [person] = result.persons
    assert person.qid == "Q90000001" and person.country == "KAZ"
    assert set(person.aliases) >= {"Aigerim Testova", "Айгерим Тестова", "Aïguerim Testova"}
    [office] = person.offices
    assert (office.role, office.country, office.start) == ("foreign_minister", "KAZ",
                                                           dt.date(2030, 1, 10))
    assert [o[0] for o in result.organisations] == ["CTF"]
    assert any("Court jester" in s for s in result.skipped)


def test_import_extends_resolution_and_is_idempotent(tmp_path):
    db = str(tmp_path / "kb.duckdb")
    runner = CliRunner()
    for _ in range(2):
        r = runner.invoke(app, ["kb", "import", str(DATA / "wikidata_export.json"), "--db", db])
        assert r.exit_code == 0, r.output
        assert "imported 1 people (1 offices) and 1 organisations" in r.output
    with Store(db) as store:
        assert store.con.execute("SELECT count(*) FROM kb_offices WHERE source LIKE 'import:%'"
                                 ).fetchone()[0] == 1
        persons, orgs = extension(store)
    kb = KnowledgeBase.default().extended(persons, orgs)
    answers = lookup("Kazakh Foreign Minister", kb, dt.date(2030, 6, 1))
    assert [a.person.qid for a in answers] == ["Q90000001"]
    r = runner.invoke(app, ["kb", "lookup", "Айгерим Тестова", "--db", db])
    assert r.exit_code == 0 and "Q90000001" in r.output
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "f1", "published": "2030-06-02", "text": "Le ministre kazakh des '
                   'Affaires étrangères a reçu lundi à Astana son homologue turc."}\n',
                   encoding="utf-8")
    with Store(db) as store:
        run([str(src)], store)
        row = store.con.execute("SELECT source_entity_id, source_name FROM events").fetchone()
    assert row == ("Q90000001", "Aigerim Testova")


def test_kb_lookup_cli_errors():
    runner = CliRunner()
    r = runner.invoke(app, ["kb", "lookup", "Nobody Atall"])
    assert r.exit_code == 1 and "no known person" in r.output
    r = runner.invoke(app, ["kb", "lookup", "x", "--as-of", "yesterday"])
    assert r.exit_code == 1 and "YYYY-MM-DD" in r.output
    r = runner.invoke(app, ["kb", "import", "/nonexistent/file.json"])
    assert r.exit_code == 1 and "cannot read" in r.output


def test_people_outside_the_kb_cluster_across_documents(tmp_path):
    src = tmp_path / "two.jsonl"
    src.write_text(
        '{"id": "a", "published": "2022-05-03", "text": "Le ministre kazakh des Affaires '
        'étrangères a rencontré lundi à Washington le président du centre de réflexion, '
        'John Hamre."}\n'
        '{"id": "b", "published": "2022-05-04", "text": "John Hamre a reçu mardi à Washington '
        'le ministre kazakh des Affaires étrangères. M. Hamre a salué les réformes."}\n',
        encoding="utf-8")
    with Store(tmp_path / "c.duckdb") as store:
        run([str(src)], store)
        rows = store.con.execute("SELECT DISTINCT entity_id FROM mentions WHERE kind='PERSON' "
                                 "AND text LIKE '%Hamre%'").fetchall()
    assert len(rows) == 1 and rows[0][0].startswith("person-")
