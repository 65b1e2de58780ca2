"""Whether an event happened: occurred, planned, negated, denied or hypothetical, read
from the language's markers around the trigger."""

from __future__ import annotations

from ...textutil import has_match
from .clause import Clause

NEGATION_BEFORE = 40  # "подписание соглашений не планируется": negation may follow a
NEGATION_AFTER = 25  # nominal trigger, so it is looked for on both sides
NO_PLANNED = frozenset({"AGREE", "REQUEST", "THREATEN"})  # intents are already future


def _masked(c: Clause) -> str:
    """The sentence with people's names blanked: a name is no marker ("لُو", Lu, is not
    "لو", if)."""
    s = c.sentence
    text = s.text
    for a in c.actors:
        if a.kind == "PERSON" and s.start <= a.start < a.end <= s.end:
            i, j = a.start - s.start, a.end - s.start
            text = text[:i] + " " * (j - i) + text[j:]
    return text


def status(c: Clause) -> str:
    if c.trigger.status:
        return c.trigger.status
    markers = c.language.markers
    text = _masked(c)
    t0, t1 = c.start - c.sentence.start, c.end - c.sentence.start
    window = text[:max(0, t0) + 1]
    around = text[max(0, t0 - NEGATION_BEFORE):max(0, t1) + NEGATION_AFTER]
    if has_match(markers.get("denial"), window):
        return "denied"
    if c.type != "REJECT" and has_match(markers.get("negation"), around):
        return "negated"
    if has_match(markers.get("hypothetical"), window):
        return "hypothetical"
    if c.type not in NO_PLANNED and has_match(markers.get("planned"), text):
        return "planned"
    return "occurred"
