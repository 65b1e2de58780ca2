"""The actors a sentence names, as the event coder sees them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ...records import Mention

# Mentions that can act: people, offices, states, organisations, governments by their
# capital or seat. Places are kept too, marked `location`, for visits and event places.
ACTING_KINDS = ("PERSON", "ROLE", "COUNTRY", "IGO", "CAPITAL", "SEAT")
PEOPLE = ("PERSON", "ROLE")
# Mentions that stand for a state or an organisation (a place's seat does not count).
STATE_KINDS = ("PERSON", "ROLE", "COUNTRY", "IGO", "CAPITAL")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A mention that may be the source or the target of an event."""

    start: int
    end: int
    mention: Mention

    @property
    def country(self) -> str | None:
        return self.mention.country

    @property
    def kind(self) -> str:
        return self.mention.kind

    @property
    def is_person(self) -> bool:
        return self.mention.kind in PEOPLE

    @property
    def is_place(self) -> bool:
        return self.mention.location


@dataclass(frozen=True, slots=True)
class Both:
    """Both parties of a joint subject, each the source of its own event."""

    countries: tuple[str, ...]


def candidates(mentions: list[Mention]) -> list[Candidate]:
    """The sentence's actors in text order: head mentions of acting kinds; an office
    with no country says too little to act."""
    out = [Candidate(m.start, m.end, m) for m in mentions
           if m.head and m.kind in ACTING_KINDS and (m.kind != "ROLE" or m.country)]
    return sorted(out, key=lambda a: a.start)


def by_sentence(mentions: tuple[Mention, ...]) -> dict[int, list[Candidate]]:
    grouped: dict[int, list[Mention]] = {}
    for m in mentions:
        grouped.setdefault(m.sentence, []).append(m)
    return {k: candidates(v) for k, v in grouped.items()}


def main_pair(mentions: tuple[Mention, ...]) -> tuple[str, ...]:
    """The two countries (or organisations) a document is mostly about."""
    counts = Counter(m.country for m in mentions
                     if m.country and m.kind in STATE_KINDS)
    return tuple(c for c, _ in counts.most_common(2))
