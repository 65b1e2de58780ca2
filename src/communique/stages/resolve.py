"""Resolve mentions to entities: known people by name (in any script), role phrases to
the office holder on the article's date, and everyone else to a cross-document cluster
keyed on a transliteration-proof name key. Every resolution records its reason.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import replace

from ..kb import KnowledgeBase
from ..kb.names import name_key
from ..provenance import FoundBy
from ..records import Entity, Mention
from ..textutil import CJK_RE


def person_cluster_id(name: str) -> str:
    key = name_key(name) or name.casefold()
    return "person-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _surname_source(m: Mention) -> str | None:
    """The full name a surname-only mention stands for."""
    return m.full_name if m.found_by == FoundBy.SURNAME else None


def resolve(mentions: tuple[Mention, ...], kb: KnowledgeBase,
            day: dt.date | None) -> tuple[tuple[Mention, ...], tuple[Entity, ...]]:
    """Entities for the document's mentions; `day` is the date offices are read at."""
    by_surface: dict[str, tuple[str, str, str | None, str | None]] = {}
    resolved: list[Mention] = []
    # Full names first, so that surname-only mentions can borrow their resolution.
    order = sorted(range(len(mentions)),
                   key=lambda i: (_surname_source(mentions[i]) is not None, i))
    out: dict[int, Mention] = {}
    for i in order:
        m = mentions[i]
        if m.kind != "PERSON":
            out[i] = _resolve_other(m, kb, day)
            continue
        full = _surname_source(m)
        if full and full in by_surface:
            eid, name, qid, why = by_surface[full]
            out[i] = replace(m, entity_id=eid, name=name, qid=qid,
                             reason=f"{m.reason}; {why}")
            continue
        if m.entity_id:  # a knowledge-base alias
            by_surface[m.text] = (m.entity_id, m.name or m.text, m.qid, "knowledge-base name")
            out[i] = m
            continue
        # Name keys need letters to work on: CJK names and very short keys only match
        # the knowledge base's aliases exactly.
        key = name_key(m.text)
        usable = len(key.replace(" ", "")) >= 5 and not CJK_RE.search(m.text)
        candidates = kb.persons_by_name(m.text) if usable else []
        if len(candidates) == 1:
            p = candidates[0]
            why = f"knowledge-base name key of {p.name}"
            by_surface[m.text] = (p.entity_id, p.name, p.qid, why)
            out[i] = replace(m, entity_id=p.entity_id, name=p.name, qid=p.qid,
                             country=m.country or p.country, reason=f"{m.reason}; {why}")
            continue
        base = full or m.text
        eid = person_cluster_id(base)
        by_surface[m.text] = (eid, base, None, "name-key cluster")
        out[i] = replace(m, entity_id=eid, name=base, reason=f"{m.reason}; name-key cluster")
    resolved = [out[i] for i in range(len(mentions))]
    resolved = _share_attributes(resolved, kb, day)
    resolved = _roles_to_people(resolved, kb)
    return tuple(resolved), _entities(resolved, kb)


MINISTER_FAMILY = frozenset({"minister", "foreign_minister", "secretary_of_state",
                             "deputy_prime_minister", "defence_minister", "energy_minister",
                             "trade_minister", "economy_minister", "finance_minister",
                             "interior_minister"})


def _same_office(kb: KnowledgeBase, a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    ra, rb = kb.role(a), kb.role(b)
    oa, ob = (ra.office if ra else a), (rb.office if rb else b)
    return oa == ob or (a == "minister" and ob in MINISTER_FAMILY)


def _roles_to_people(mentions: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """ "Le ministre a informé ...", "the US Secretary of State said ...": a role phrase
    standing alone is the person of that office named earlier in the document."""
    out = []
    seen: list[Mention] = []  # people so far, in text order
    for m in sorted(mentions, key=lambda x: x.start):
        if m.kind == "PERSON" and m.entity_id:
            seen.append(m)
        elif m.kind == "ROLE" and m.head and not m.name:
            match = next((p for p in reversed(seen) if _same_office(kb, m.role, p.role)
                          and (m.country is None or p.country == m.country)), None)
            if match is not None:
                m = replace(m, entity_id=match.entity_id, name=match.name, qid=match.qid,
                            country=m.country or match.country,
                            reason=f"the {m.role.replace('_', ' ')} named before: {match.name}")
        out.append(m)
    index = {id(m): i for i, m in enumerate(mentions)}
    return sorted(out, key=lambda x: (x.start, index.get(id(x), 0)))


def _resolve_other(m: Mention, kb: KnowledgeBase, day: dt.date | None) -> Mention:
    if m.kind != "ROLE" or not m.head or not m.country or not m.role:
        return m
    found = kb.holder(m.role, m.country, day)
    if not found:
        return m
    person, office = found
    return replace(m, entity_id=person.entity_id, name=person.name, qid=person.qid,
                   reason=f"holder of {office.role} for {m.country} on {day.isoformat()}")


def _share_attributes(mentions: list[Mention], kb: KnowledgeBase,
                      day: dt.date | None) -> list[Mention]:
    """A person's country and role, once known in the document, hold for all mentions."""
    country: dict[str, str] = {}
    role: dict[str, str] = {}
    for m in mentions:
        if m.kind == "PERSON" and m.entity_id:
            if m.country:
                country.setdefault(m.entity_id, m.country)
            if m.role:
                role.setdefault(m.entity_id, m.role)
    out = []
    for m in mentions:
        if m.kind == "PERSON" and m.entity_id:
            p = kb.person(m.entity_id)
            c = m.country or country.get(m.entity_id) or (p.country if p else None)
            r = m.role or role.get(m.entity_id)
            if r is None and p and day:
                held = [o for o in p.offices if o.covers(day)]
                r = held[0].role if held else None
            m = replace(m, country=c, role=r)
        out.append(m)
    return out


def _entities(mentions: list[Mention], kb: KnowledgeBase) -> tuple[Entity, ...]:
    found: dict[str, Entity] = {}
    for m in mentions:
        if not m.entity_id or m.kind == "ROLE":
            continue
        kind = "PERSON" if m.kind == "PERSON" else ("IGO" if m.kind == "IGO" else "COUNTRY")
        ent = found.get(m.entity_id)
        aliases = (ent.aliases if ent else ()) + ((m.text,) if m.text not in
                                                  (ent.aliases if ent else ()) else ())
        name = m.name or m.text
        if ent and kind == "PERSON" and not m.qid and len(ent.name) >= len(name):
            name = ent.name
        found[m.entity_id] = Entity(entity_id=m.entity_id, type=kind, name=name,
                                    country=m.country if kind == "PERSON" else m.entity_id,
                                    qid=m.qid, aliases=aliases)
    return tuple(found.values())
