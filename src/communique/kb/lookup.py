"""What a name, in any language or script, resolves to, and why.

Tried in order: an exact alias of a known person (any script, accents and case
aside); the transliteration-proof key of a full name; the key of a single name part
("Тлеуберди", "Tleouberdi"); a role phrase in any language with its country ("le
ministre kazakh des Affaires étrangères"), answered with the office holder on the date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..lang import available_languages, load_language
from ..records import Sentence
from ..textutil import fold
from . import KnowledgeBase, Office, Person
from .names import name_key, surname_keys


@dataclass(frozen=True, slots=True)
class Answer:
    person: Person
    reason: str
    office: Office | None = None  # the office held on the date asked, if any


def _held(person: Person, day: dt.date | None) -> Office | None:
    if day is None:
        return None
    held = [o for o in person.offices if o.covers(day)]
    return held[0] if held else None


def lookup(name: str, kb: KnowledgeBase, as_of: dt.date | None = None) -> list[Answer]:
    name = " ".join(name.split())
    if not name:
        return []
    folded = fold(name)
    exact = [p for p in kb.persons if any(fold(a) == folded for a in p.aliases)]
    if exact:
        return [Answer(p, f"alias {name!r}", _held(p, as_of)) for p in exact]
    by_key = kb.persons_by_name(name)
    if by_key and " " in name.strip():
        return [Answer(p, f"name key {name_key(name)!r}", _held(p, as_of)) for p in by_key]
    keys = surname_keys(name)
    if len(keys) == 1:
        key = next(iter(keys))
        found = [p for p in kb.persons
                 if any(key in surname_keys(a) and len(surname_keys(a)) > 1 for a in p.aliases)]
        if found:
            return [Answer(p, f"name part key {key!r}", _held(p, as_of)) for p in found]
    return _by_role(name, kb, as_of)


def _by_role(text: str, kb: KnowledgeBase, as_of: dt.date | None) -> list[Answer]:
    """A role phrase with its country, in whichever language it is written."""
    from ..stages.mentions import find_mentions
    from .gazetteer import gazetteer

    if as_of is None:
        return []
    sentence = Sentence(index=0, start=0, end=len(text), text=text)
    for iso in available_languages():
        mentions = find_mentions(text, (sentence,), load_language(iso), gazetteer(iso, kb))
        for m in mentions:
            if m.kind == "ROLE" and m.country and m.role:
                found = kb.holder(m.role, m.country, as_of)
                if found:
                    person, office = found
                    return [Answer(person, f"{office.role} of {m.country} on "
                                           f"{as_of.isoformat()} (role phrase in {iso})", office)]
    return []
