"""The knowledge base: countries, organisations, capitals, roles, people and their offices.

Facts live in data files (`kb/data/`, `lang/<iso>/demonyms.tsv`); country names in
every language come from CLDR through babel. This module loads them into plain
lookups; `gazetteer` turns them into per-language name indexes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import pycountry

from ..datafiles import read_yaml
from ..errors import DataFileError
from . import officeholders
from .names import name_key

DATA = Path(str(resources.files("communique") / "kb" / "data"))

# States and territories that are actors in diplomatic news but lack (or differ from)
# an ISO alpha-3 entry in pycountry's list.
EXTRA_STATES = {"XKX": ("XK", "Kosovo")}


@dataclass(frozen=True, slots=True)
class Office:
    role: str
    country: str
    start: dt.date | None
    end: dt.date | None
    note: str | None = None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Person:
    entity_id: str
    name: str
    country: str | None
    qid: str | None
    aliases: tuple[str, ...]
    offices: tuple[Office, ...]


@dataclass(frozen=True, slots=True)
class Role:
    key: str
    label: str
    sector: str
    office: str  # the office a role phrase resolves to (secretary_of_state -> itself)
    single: bool = False  # one holder at a time


def _load_yaml(name: str, default):
    return read_yaml(DATA / name, default)


def _date(value, where: str) -> dt.date | None:
    if value in (None, "", "null"):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise DataFileError(f"{where}: bad date {value!r}") from exc


@cache
def countries() -> dict[str, tuple[str | None, str]]:
    """alpha-3 -> (Wikidata QID, English name) for the states we treat as actors."""
    path = DATA / "countries.tsv"
    out: dict[str, tuple[str | None, str]] = {}
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith(("#", "iso3\t")):
            continue
        iso3, _, qid, name, _full = line.split("\t")
        out[iso3] = (qid or None, name)
    return out


def country_codes() -> dict[str, str]:
    """alpha-2 -> alpha-3 for every ISO 3166-1 country, plus the extras."""
    out = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    out.update({a2: a3 for a3, (a2, _) in EXTRA_STATES.items()})
    return out


def person_from_dict(item: dict, where: str) -> Person:
    if not isinstance(item, dict) or not item.get("name"):
        raise DataFileError(f"{where}: a person needs a 'name'")
    offices = []
    for o in item.get("offices") or []:
        if not isinstance(o, dict) or "role" not in o:
            raise DataFileError(f"{where}: an office needs a 'role'")
        offices.append(Office(role=o["role"], country=o.get("country") or item.get("country"),
                              start=_date(o.get("start"), where), end=_date(o.get("end"), where),
                              note=o.get("note")))
    qid = item.get("qid")
    entity_id = qid or "kb-" + name_key(item["name"]).replace(" ", "-")
    aliases = tuple(dict.fromkeys([item["name"], *[str(a) for a in item.get("aliases") or []]]))
    return Person(entity_id=entity_id, name=item["name"], country=item.get("country"), qid=qid,
                  aliases=aliases, offices=tuple(offices))


class KnowledgeBase:
    """Read-only facts. Build once per process with `KnowledgeBase.default()`."""

    def __init__(self, roles: dict, igos: dict, capitals: dict, persons: list[Person]):
        self.gazetteers: dict = {}  # per-language name indexes, built on first use
        self.roles = {k: Role(key=k, label=v.get("label", k), sector=v.get("sector", "GOV"),
                              office=v.get("office", k), single=bool(v.get("single")))
                      for k, v in roles.items()}
        self.igos = igos
        self.capitals = capitals
        self.persons = persons
        self._by_id = {p.entity_id: p for p in persons}
        self._by_key: dict[str, list[Person]] = {}
        for p in persons:
            for alias in p.aliases:
                key = name_key(alias)
                if key and p not in self._by_key.setdefault(key, []):
                    self._by_key[key].append(p)
        self._holders: dict[tuple[str, str], list[tuple[Office, Person]]] = {}
        for p in persons:
            for o in p.offices:
                office = self.roles[o.role].office if o.role in self.roles else o.role
                self._holders.setdefault((office, o.country), []).append((o, p))

    @classmethod
    @cache
    def default(cls) -> KnowledgeBase:
        persons = [person_from_dict(item, f"persons.yaml entry {i + 1}")
                   for i, item in enumerate(_load_yaml("persons.yaml", []))]
        roles = _load_yaml("roles.yaml", {})
        path = DATA / "officeholders.tsv"
        if path.exists():  # generated holders, under the curated ones (kb/officeholders.py)
            persons = officeholders.merge(
                persons, officeholders.read_rows(path),
                lambda r: (roles.get(r) or {}).get("office", r), Person, Office)
        return cls(roles=roles, igos=_load_yaml("igos.yaml", {}),
                   capitals=_load_yaml("capitals.yaml", {}), persons=persons)

    def extended(self, persons: list[Person], organisations: list[tuple]) -> KnowledgeBase:
        """This knowledge base plus imported people and organisations. An imported
        record with the id of a known person adds its aliases and offices to it."""
        if not persons and not organisations:
            return self
        merged = {p.entity_id: p for p in self.persons}
        for p in persons:
            old = merged.get(p.entity_id)
            if old is None:
                if p.name:
                    merged[p.entity_id] = p
                continue
            merged[p.entity_id] = Person(
                entity_id=old.entity_id, name=old.name, country=old.country or p.country,
                qid=old.qid or p.qid, aliases=tuple(dict.fromkeys(old.aliases + p.aliases)),
                offices=tuple(dict.fromkeys(old.offices + p.offices)))
        igos = dict(self.igos)
        for code, qid, name, aliases in organisations:
            block = dict(igos.get(code) or {})
            block.setdefault("qid", qid)
            block["en"] = list(dict.fromkeys([*(block.get("en") or []), name, *aliases]))
            igos[code] = block
        roles = {k: {"label": r.label, "sector": r.sector, "office": r.office,
                     "single": r.single} for k, r in self.roles.items()}
        return KnowledgeBase(roles, igos, self.capitals, list(merged.values()))

    def person(self, entity_id: str) -> Person | None:
        return self._by_id.get(entity_id)

    def persons_by_name(self, name: str) -> list[Person]:
        return list(self._by_key.get(name_key(name), []))

    def role(self, key: str | None) -> Role | None:
        return self.roles.get(key) if key else None

    def holder(self, role: str, country: str, day: dt.date | None) -> tuple[Person, Office] | None:
        """Who held `role` for `country` on `day` (None when unknown or ambiguous)."""
        if day is None:
            return None
        office = self.roles[role].office if role in self.roles else role
        found = [(p, o) for o, p in self._holders.get((office, country), []) if o.covers(day)]
        people = {p.entity_id for p, _ in found}
        if len(people) > 1 and role in self.roles and self.roles[office].single:
            # An open-ended term is ended by the next appointment to a one-holder office.
            latest = max(found, key=lambda f: f[1].start or dt.date.min)
            return latest
        return found[0] if len(people) == 1 else None
