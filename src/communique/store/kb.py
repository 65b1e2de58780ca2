"""The knowledge base inside the store: the bundled facts, kept in step with the package,
and what users import. `extension()` gives the imported part back to the pipeline."""

from __future__ import annotations

import hashlib
from collections import defaultdict

import duckdb

from ..errors import StoreError
from ..kb import DATA, KnowledgeBase, Office, Person
from . import Store
from .arrow import insert_rows
from .rows import fetch_dicts, fetch_values

BUNDLED = "bundled"


def bundled_fingerprint() -> str:
    h = hashlib.sha256()
    for name in ("persons.yaml", "officeholders.tsv", "igos.yaml", "roles.yaml"):
        path = DATA / name
        if path.exists():
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _write(store: Store, persons: list[Person], orgs, source: str) -> None:
    ids = [p.entity_id for p in persons]
    con = store.con
    con.execute("DELETE FROM kb_aliases WHERE entity_id IN (SELECT unnest(?)) AND "
                "entity_id IN (SELECT entity_id FROM kb_persons WHERE source = ?)", [ids, source])
    con.execute("DELETE FROM kb_offices WHERE entity_id IN (SELECT unnest(?)) AND source = ?",
                [ids, source])
    con.execute("DELETE FROM kb_persons WHERE entity_id IN (SELECT unnest(?)) AND source = ?",
                [ids, source])
    skip = "ON CONFLICT DO NOTHING"
    insert_rows(con, "kb_persons",
                [(p.entity_id, p.qid, p.name, p.country, source) for p in persons], skip)
    insert_rows(con, "kb_aliases", [(p.entity_id, a) for p in persons for a in p.aliases],
                skip)
    insert_rows(con, "kb_offices", [(p.entity_id, o.role, o.country, o.start, o.end, o.note,
                                     source) for p in persons for o in p.offices])
    codes = [o[0] for o in orgs]
    con.execute("DELETE FROM kb_organisations WHERE code IN (SELECT unnest(?)) AND source = ?",
                [codes, source])
    insert_rows(con, "kb_organisations",
                [(code, qid, name, source) for code, qid, name, _ in orgs], skip)
    insert_rows(con, "kb_aliases",
                [(code, a) for code, _, _, aliases in orgs for a in aliases], skip)

def sync_bundled(store: Store, kb: KnowledgeBase | None = None) -> bool:
    """Load the package's knowledge base into the store when it changed; True if loaded."""
    kb = kb or KnowledgeBase.default()
    fingerprint = bundled_fingerprint()
    if fetch_values(store.con, "SELECT value FROM kb_meta WHERE key = 'bundled'") == \
            [fingerprint]:
        return False
    orgs = [(code, block.get("qid"), (block.get("en") or [code])[0], ())
            for code, block in kb.igos.items() if isinstance(block, dict)]
    try:
        store.con.execute("BEGIN TRANSACTION")
        for table in ("kb_offices", "kb_organisations"):
            store.con.execute(f"DELETE FROM {table} WHERE source = ?", [BUNDLED])
        store.con.execute("DELETE FROM kb_aliases WHERE entity_id IN (SELECT entity_id FROM "
                          "kb_persons WHERE source = ?)", [BUNDLED])
        store.con.execute("DELETE FROM kb_persons WHERE source = ?", [BUNDLED])
        _write(store, kb.persons, orgs, BUNDLED)
        store.con.execute("INSERT OR REPLACE INTO kb_meta VALUES ('bundled', ?)", [fingerprint])
        store.con.execute("COMMIT")
    except duckdb.Error as exc:
        store.con.execute("ROLLBACK")
        raise StoreError(f"{store.path}: knowledge base not loaded: {exc}") from exc
    return True


def import_records(store: Store, persons: list[Person], orgs, source: str) -> None:
    try:
        store.con.execute("BEGIN TRANSACTION")
        _write(store, persons, orgs, source)
        store.con.execute("COMMIT")
    except duckdb.Error as exc:
        store.con.execute("ROLLBACK")
        raise StoreError(f"{store.path}: import not stored: {exc}") from exc


def extension(store: Store) -> tuple[list[Person], list[tuple]]:
    """People and organisations imported by users (everything not bundled)."""
    con = store.con
    try:
        people = fetch_dicts(con, "SELECT entity_id, qid, name, country FROM kb_persons "
                                  "WHERE source <> ?", [BUNDLED])
    except duckdb.Error:
        return [], []  # a read-only store made before the knowledge-base tables existed
    offices: dict[str, list[Office]] = defaultdict(list)
    for o in fetch_dicts(con, "SELECT entity_id, role, country, start_date, end_date, note "
                              "FROM kb_offices WHERE source <> ? ORDER BY entity_id, "
                              "start_date", [BUNDLED]):
        offices[o["entity_id"]].append(Office(o["role"], o["country"], o["start_date"],
                                              o["end_date"], o["note"]))
    aliases: dict[str, list[str]] = defaultdict(list)
    for a in fetch_dicts(con, "SELECT entity_id, alias FROM kb_aliases ORDER BY alias"):
        aliases[a["entity_id"]].append(a["alias"])
    persons = [Person(entity_id=p["entity_id"], name=p["name"], country=p["country"],
                      qid=p["qid"], aliases=tuple(dict.fromkeys([p["name"],
                                                                 *aliases[p["entity_id"]]])),
                      offices=tuple(offices[p["entity_id"]])) for p in people]
    # Offices and aliases imported for people the package already knows.
    known = {p.entity_id for p in persons}
    for eid in sorted(set(offices) - known):
        persons.append(Person(entity_id=eid, name="", country=None, qid=eid,
                              aliases=tuple(aliases[eid]), offices=tuple(offices[eid])))
    orgs = [(o["code"], o["qid"], o["name"], tuple(aliases[o["code"]])) for o in fetch_dicts(
        con, "SELECT code, qid, name FROM kb_organisations WHERE source <> ?", [BUNDLED])]
    return persons, orgs
