"""Read a user's Wikidata export (the JSON the Wikidata query service returns) into
people, their offices and organisations.

Both shapes the query service offers are read: the SPARQL results document
(`{"head": ..., "results": {"bindings": [...]}}`) and the simplified list of objects
that its "Download JSON" button gives. Variable names are listed in README.md; offices
are recognised from their English label with the same role patterns the pipeline uses
("Minister of Foreign Affairs of Kazakhstan" is foreign_minister of KAZ).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataFileError
from . import Office, Person

QID_RE = re.compile(r"(Q\d+)$")
ALIASES = {
    "person": ("person", "item", "human"),
    "name": ("personLabel", "itemLabel", "humanLabel", "name"),
    "alias": ("alias", "altLabel", "personAltLabel", "itemAltLabel", "nativeName"),
    "position": ("position", "office"),
    "position_label": ("positionLabel", "officeLabel"),
    "country": ("countryCode", "iso3", "country", "jurisdictionCode"),
    "start": ("start", "startTime", "from"),
    "end": ("end", "endTime", "to"),
    "org": ("org", "organisation", "organization"),
    "org_label": ("orgLabel", "organisationLabel", "organizationLabel"),
    "org_code": ("short", "acronym", "shortName", "code"),
    "org_alias": ("orgAltLabel", "orgAlias"),
}


@dataclass
class ImportResult:
    persons: list[Person] = field(default_factory=list)
    organisations: list[tuple[str, str | None, str, tuple[str, ...]]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _value(row: dict, key: str) -> str | None:
    for name in ALIASES[key]:
        v = row.get(name)
        if isinstance(v, dict):
            v = v.get("value")
        if v not in (None, ""):
            return str(v)
    return None


def _qid(value: str | None) -> str | None:
    if not value:
        return None
    m = QID_RE.search(value.strip().rstrip("/"))
    return m.group(1) if m else None


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.lstrip("+")[:10])
    except ValueError:
        return None


def rows_of(data: object) -> list[dict]:
    if isinstance(data, dict) and "results" in data:
        bindings = (data.get("results") or {}).get("bindings")
        if isinstance(bindings, list):
            return [b for b in bindings if isinstance(b, dict)]
    if isinstance(data, list) and all(isinstance(r, dict) for r in data):
        return data
    raise DataFileError("not a Wikidata query result: expected SPARQL JSON results or a "
                        "list of objects")


def read_file(path: str | Path) -> list[dict]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: not valid JSON: {exc}") from exc
    try:
        return rows_of(data)
    except DataFileError as exc:
        raise DataFileError(f"{path}: {exc}") from exc


class OfficeReader:
    """English office labels to (role key, country) with the pipeline's own data."""

    def __init__(self):
        from ..lang import load_language
        from .gazetteer import gazetteer

        self.roles = load_language("en").roles
        self.gaz = gazetteer("en")

    def role(self, label: str) -> str | None:
        best = None
        for key, pat in self.roles:
            for m in pat.finditer(label):
                if best is None or m.end() - m.start() > best[0]:
                    best = (m.end() - m.start(), key)
        return best[1] if best else None

    def country(self, label: str) -> str | None:
        for m in self.gaz.find(label):
            if m.entry.kind in ("COUNTRY", "DEMONYM", "IGO", "CAPITAL"):
                return m.entry.code
        return None


def parse(rows: list[dict], reader: OfficeReader | None = None) -> ImportResult:
    reader = reader or OfficeReader()
    out = ImportResult()
    names: dict[str, str] = {}
    aliases: dict[str, set[str]] = defaultdict(set)
    offices: dict[str, set[Office]] = defaultdict(set)
    orgs: dict[str, dict] = {}
    for n, row in enumerate(rows, 1):
        org = _qid(_value(row, "org"))
        if org:
            entry = orgs.setdefault(org, {"name": None, "code": None, "aliases": set()})
            entry["name"] = entry["name"] or _value(row, "org_label")
            entry["code"] = entry["code"] or _value(row, "org_code")
            if _value(row, "org_alias"):
                entry["aliases"].add(_value(row, "org_alias"))
            continue
        qid = _qid(_value(row, "person"))
        if not qid:
            out.skipped.append(f"row {n}: no person or organisation id")
            continue
        name = _value(row, "name")
        if name and not QID_RE.fullmatch(name):
            names.setdefault(qid, name)
        alias = _value(row, "alias")
        if alias:
            aliases[qid].add(alias)
        label = _value(row, "position_label")
        if not label:
            continue
        role = reader.role(label)
        code = _value(row, "country")
        country = code.upper() if code and re.fullmatch(r"[A-Za-z]{2,5}", code) else None
        country = country or reader.country(label)
        if not role or not country:
            out.skipped.append(f"row {n}: office not recognised: {label!r}")
            continue
        start, end = _date(_value(row, "start")), _date(_value(row, "end"))
        offices[qid].add(Office(role=role, country=country, start=start, end=end,
                                note=f"imported: {label}"))
    for qid in sorted(set(names) | set(offices)):
        if qid not in names:
            out.skipped.append(f"{qid}: no name label")
            continue
        held = sorted(offices[qid], key=lambda o: (o.start or dt.date.min, o.role))
        country = Counter(o.country for o in held).most_common(1)[0][0] if held else None
        out.persons.append(Person(entity_id=qid, name=names[qid], country=country, qid=qid,
                                  aliases=tuple(sorted({names[qid], *aliases[qid]})),
                                  offices=tuple(held)))
    for qid, entry in sorted(orgs.items()):
        if not entry["name"]:
            out.skipped.append(f"{qid}: organisation without a label")
            continue
        code = entry["code"] or qid
        out.organisations.append((code, qid, entry["name"],
                                  tuple(sorted(entry["aliases"] | {entry["name"]}))))
    return out
