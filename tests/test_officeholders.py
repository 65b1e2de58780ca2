"""The generated office holders (kb/data/officeholders.tsv) and their merge under the
curated persons.yaml."""

import datetime as dt

from communique.kb import DATA, KnowledgeBase, _load_yaml
from communique.kb.officeholders import read_rows

ROLES = {"head_of_state", "head_of_government", "foreign_minister"}


def _rows():
    return read_rows(DATA / "officeholders.tsv")


def test_rows_parse_and_cover_the_world():
    rows = _rows()
    assert rows and {r["role"] for r in rows} == ROLES
    assert all(r["qid"].startswith("Q") and r["name"] and len(r["country"]) == 3 for r in rows)
    leaders = {r["country"] for r in rows if r["role"] != "foreign_minister"}
    ministers = {r["country"] for r in rows if r["role"] == "foreign_minister"}
    assert len(leaders) >= 165 and len(ministers) >= 160
    keys = [(r["qid"], r["country"], r["role"], r["start"]) for r in rows]
    assert len(keys) == len(set(keys))
    assert all(not r["end"] or r["end"] >= "2010" for r in rows)


def test_sources_are_named():
    text = (DATA / "officeholders.tsv").read_text(encoding="utf-8")
    assert "Wikidata" in text and "CC0" in text
    assert "every-politician-scrapers/senegal-ministers@" in text


def test_known_terms():
    rows = {(r["qid"], r["role"], r["country"], r["start"]): r["end"] for r in _rows()}
    assert rows[("Q57438", "head_of_state", "SEN", "2012-04-02")] == ""  # Macky Sall
    assert ("Q6279", "head_of_state", "USA", "2021-01-20") in rows  # Joe Biden
    assert ("Q6279", "head_of_government", "USA", "2021-01-20") in rows
    assert rows[("Q57641", "head_of_government", "HUN", "2010-05-29")] == ""  # Viktor Orbán
    assert ("Q332486", "head_of_state", "IRN") not in rows  # an office, not a person


def test_generated_holders_resolve():
    kb = KnowledgeBase.default()
    holder = kb.holder("head_of_state", "SEN", dt.date(2015, 6, 1))
    assert holder and holder[0].entity_id == "Q57438"
    holder = kb.holder("foreign_minister", "NGA", dt.date(2019, 6, 1))
    assert holder and holder[0].name == "Geoffrey Onyeama"
    holder = kb.holder("head_of_government", "DNK", dt.date(2012, 1, 1))
    assert holder and holder[0].name == "Helle Thorning-Schmidt"


def test_curated_people_win():
    kb = KnowledgeBase.default()
    curated = _load_yaml("persons.yaml", [])
    for item in curated:
        found = [p for p in kb.persons if p.name == item["name"]]
        assert found, item["name"]
    # Kazakhstan is curated: its generated holders add no competing terms.
    holder = kb.holder("head_of_government", "KAZ", dt.date(2015, 1, 1))
    assert holder and holder[0].name == "Karim Massimov" and holder[0].entity_id.startswith("kb-")
    # A curated person known by QID gains only offices of other roles or countries.
    rutte = kb.person("Q57792")
    assert rutte and {(o.role, o.country) for o in rutte.offices} >= {
        ("secretary_general", "NATO"), ("head_of_government", "NLD")}
    assert rutte.name == "Mark Rutte" and "Rutte" in rutte.aliases


def test_one_person_per_qid():
    kb = KnowledgeBase.default()
    ids = [p.entity_id for p in kb.persons if p.entity_id.startswith("Q")]
    assert len(ids) == len(set(ids))
