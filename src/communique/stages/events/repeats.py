"""Events an article tells twice: the same meeting named again, a lead restated in its
quotation. Each check is a rule of its own (see rules.FILTERS)."""

from __future__ import annotations

import re

from ...records import Event

CONTENT_WORD = re.compile(r"\w{4,}")
RESTATED_OVERLAP = 0.5  # share of content words two restatements have in common


def _is_person_id(entity_id: str | None) -> bool:
    return bool(entity_id) and entity_id.startswith(("Q", "person-", "kb-"))


def same_meeting(new: Event, told: list[Event]) -> bool:
    """A meeting told again in the article ("the talks", "during the visit"): the same
    pair of countries, no conflicting date, and not two different named people for the
    same country."""
    if new.event_type != "CONSULT":
        return False
    return any(_one_meeting(new, o) for o in told if o.event_type == "CONSULT")


def _one_meeting(a: Event, b: Event) -> bool:
    if {a.source.country, a.target.country} != {b.source.country, b.target.country}:
        return False
    if a.date and b.date and a.date != b.date:
        return False
    people_a = {x.country: x.entity_id for x in (a.source, a.target) if _is_person_id(x.entity_id)}
    people_b = {x.country: x.entity_id for x in (b.source, b.target) if _is_person_id(x.entity_id)}
    return all(people_b.get(c, e) == e for c, e in people_a.items())


def restated(new: Event, told: list[Event]) -> bool:
    """The same statement told twice in one article (a lead and its quotation): the
    same type, speaker and addressee, in another sentence with half its content words
    in common. Two parties saying alike are two statements."""
    return any(_restates(new, o) for o in told if o.evidence.start != new.evidence.start)


def _restates(a: Event, b: Event) -> bool:
    if a.event_type != b.event_type:
        return False
    if (a.source.country, a.target.country) != (b.source.country, b.target.country):
        return False
    wa = {w.casefold() for w in CONTENT_WORD.findall(a.evidence.text)}
    wb = {w.casefold() for w in CONTENT_WORD.findall(b.evidence.text)}
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= RESTATED_OVERLAP
