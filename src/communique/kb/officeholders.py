"""Generated office holders (`kb/data/officeholders.tsv`, written by
scripts/build_officeholders.py from Wikidata): heads of state, heads of government and
foreign ministers of the world's states from 2010, merged under the curated persons.yaml.

The curated file wins. A generated term of an office that overlaps a curated term of
the same office and country is dropped (the curated holder stands, whatever the
spelling of the other name). A generated person with the QID of a curated one only
adds offices for a role and country the curated person holds no office of (a Prime
Minister curated as a later Secretary-General gains the premiership); one with only
the name key of a curated person adds nothing, as the two may be different people.
What remains becomes `Person` records with the QID as entity id, the name, and the
surname as an alias when no other person shares it.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from pathlib import Path

from ..errors import DataFileError
from .names import name_key, name_parts

APPROXIMATE = "date precision of the source: {}"
OVERLAP = "overlaps another holder's term in the source"


def _day(value: str, last: bool, where: str) -> tuple[dt.date | None, str | None]:
    """An ISO date of reduced precision as a day (its first, or its last when `last`)."""
    if not value:
        return None, None
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            return dt.date(*parts), None
        year, month = parts[0], parts[1] if len(parts) == 2 else (12 if last else 1)
        day = calendar.monthrange(year, month)[1] if last else 1
        return dt.date(year, month, day), "year" if len(parts) == 1 else "month"
    except (ValueError, IndexError) as exc:
        raise DataFileError(f"{where}: bad date {value!r}") from exc


def read_rows(path: Path) -> list[dict]:
    """The TSV's rows as dicts (comment lines skipped)."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    if not lines:
        return []
    header = lines[0].split("\t")
    rows = []
    for n, line in enumerate(lines[1:], 2):
        cells = line.split("\t")
        if len(cells) != len(header):
            raise DataFileError(f"{path.name} data line {n}: {len(cells)} columns")
        rows.append(dict(zip(header, cells, strict=True)))
    return rows


def _office(row: dict, where: str, office_cls):
    start, p1 = _day(row["start"], False, where)
    end, p2 = _day(row["end"], True, where)
    precision = p1 or p2
    return office_cls(role=row["role"], country=row["country"], start=start, end=end,
                      note=APPROXIMATE.format(precision) if precision else None)


def _overlaps(office, terms) -> bool:
    lo, hi = office.start or dt.date.min, office.end or dt.date.max
    return any(lo < (e or dt.date.max) and (s or dt.date.min) < hi for s, e in terms)


def _surname(name: str) -> str | None:
    words = name.split()
    if "," in name or len(name_parts(name)) < 2 or len(words) < 2:
        return None
    last = words[-1]
    return last if last[:1].isupper() and len(last) >= 3 and not last.isupper() else None


def _add_office(persons: list, i: int, office) -> None:
    p = persons[i]
    persons[i] = type(p)(entity_id=p.entity_id, name=p.name, country=p.country, qid=p.qid,
                         aliases=p.aliases, offices=(*p.offices, office))


def _mark_overlaps(people: dict, office_of, office_cls) -> None:
    """Note the generated terms that overlap another holder's term of the same office
    (rival claimants, acting holders, loose dates in the source)."""
    spans: dict[tuple[str, str], list] = {}
    for qid, (_, _, offices) in people.items():
        for i, o in enumerate(offices):
            spans.setdefault((office_of(o.role), o.country), []).append((o, qid, i))
    for items in spans.values():
        for o, qid, i in items:
            if any(q != qid and _overlaps(o, [(x.start, x.end)]) for x, q, _ in items):
                offices = people[qid][2]
                offices[i] = office_cls(role=o.role, country=o.country, start=o.start,
                                        end=o.end, note=OVERLAP if not o.note
                                        else f"{o.note}; {OVERLAP}")


def merge(curated: list, rows: list[dict], office_of, person_cls, office_cls) -> list:
    """`curated` with the generated persons and offices added (see the module's
    docstring). `office_of(role)` gives the office a role resolves to."""
    by_qid = {p.qid: i for i, p in enumerate(curated) if p.qid}
    taken_keys = {name_key(a) for p in curated for a in p.aliases}
    held = {(p.qid, o.role, o.country) for p in curated if p.qid for o in p.offices}
    terms: dict[tuple[str, str], list] = {}
    for p in curated:
        for o in p.offices:
            terms.setdefault((office_of(o.role), o.country), []).append((o.start, o.end))
    out = list(curated)
    people: dict[str, tuple[str, str, list]] = {}
    for n, row in enumerate(rows, 2):
        qid, name = row["qid"], row["name"]
        if qid not in by_qid and name_key(name) in taken_keys:
            continue
        office = _office(row, f"officeholders.tsv data line {n}", office_cls)
        if _overlaps(office, terms.get((office_of(office.role), office.country), ())):
            continue
        if qid in by_qid:  # a curated person: only a role and country it holds nothing of
            if (qid, office.role, office.country) not in held:
                _add_office(out, by_qid[qid], office)
            continue
        people.setdefault(qid, (name, row["country"], []))[2].append(office)
    _mark_overlaps(people, office_of, office_cls)
    surnames = Counter(name_key(s) for name, _, _ in people.values() if (s := _surname(name)))
    for qid, (name, country, offices) in people.items():
        aliases = [name]
        s = _surname(name)
        if s and surnames[name_key(s)] == 1 and name_key(s) not in taken_keys:
            aliases.append(s)
        out.append(person_cls(entity_id=qid, name=name, country=country, qid=qid,
                              aliases=tuple(aliases), offices=tuple(offices)))
    return out
