"""When two articles tell the same story, and when two event reports tell the same
event. Both are pure functions of the two items, so the groups they make do not depend
on the order or the batches in which articles arrive."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..records import SYMMETRIC_TYPES

# Articles: the share of word 3-grams two same-language articles must have in common to
# be reposts of each other (MinHash estimate), and the lead-embedding cosine that marks
# a translation or close rewrite; both published at most STORY_DAYS apart. Translations
# of a report score 0.78 to 0.86 here; independent reports of one meeting 0.5 to 0.74.
# REPOST_MIN is above 33/64, so that two signatures agreeing that much always share one
# of the 32 two-value bands the store indexes them by (see dedup/store.py).
REPOST_MIN = 0.52
TRANSLATION_MIN = 0.77
STORY_DAYS = 3
# Events: reports of the same type and actors dated at most WINDOW_DAYS apart are one
# event when their evidence sentences are this close (cosine of multilingual
# embeddings), or when they come from one article or from two articles linked directly
# (copy, repost, translation: a pairwise fact, unlike membership of a story).
# Reports dated only to the month or year need closer evidence.
WINDOW_DAYS = 1
EVIDENCE_MIN = 0.40
COARSE_EVIDENCE_MIN = 0.60
ASSERTED = frozenset({"occurred", "planned"})


@dataclass(frozen=True, slots=True)
class DocKey:
    doc_id: str
    lang: str | None
    published: dt.date | None
    text_hash: str


def doc_link(a: DocKey, b: DocKey, minhash_sim: float, cosine: float | None
             ) -> tuple[str, float] | None:
    """(kind, score) when `a` and `b` belong to one story: copy, repost or translation."""
    if a.text_hash == b.text_hash:
        return "copy", 1.0
    if a.published is None or b.published is None or \
            abs((a.published - b.published).days) > STORY_DAYS:
        return None
    if a.lang == b.lang and minhash_sim >= REPOST_MIN:
        return "repost", round(minhash_sim, 4)
    if cosine is not None and cosine >= TRANSLATION_MIN:
        return ("translation" if a.lang != b.lang else "rewrite"), round(cosine, 4)
    return None


@dataclass(frozen=True, slots=True)
class EventKey:
    event_id: str
    doc_id: str
    event_type: str
    status: str
    source: str | None  # actor key: country code, else entity id, else folded name
    target: str | None
    date: dt.date | None
    precision: str | None


def actor_key(country: str | None, entity_id: str | None, name: str | None) -> str | None:
    if country:
        return country
    if entity_id:
        return entity_id
    return " ".join(name.casefold().split()) if name else None


def _same_actors(a: EventKey, b: EventKey) -> bool:
    if a.source is None and a.target is None:
        return False
    if (a.source, a.target) == (b.source, b.target):
        return True
    return a.event_type in SYMMETRIC_TYPES and (a.source, a.target) == (b.target, b.source)


def _dates(a: EventKey, b: EventKey) -> str | None:
    """'day' when both are dated to the day within the window, 'coarse' when a month or
    year date contains the other's date, None when the dates keep them apart."""
    if a.date is None or b.date is None:
        return None
    if a.precision == "day" and b.precision == "day":
        return "day" if abs((a.date - b.date).days) <= WINDOW_DAYS else None
    coarse = "year" if "year" in (a.precision, b.precision) else "month"
    if a.date.year != b.date.year or (coarse == "month" and a.date.month != b.date.month):
        return None
    return "coarse"


def event_link(a: EventKey, b: EventKey, same_story: bool, cosine: float | None
               ) -> tuple[str, float] | None:
    """(reason, score) when reports `a` and `b` tell one event."""
    if a.event_type != b.event_type or not _same_actors(a, b):
        return None
    if (a.status in ASSERTED) != (b.status in ASSERTED) or (
            a.status not in ASSERTED and a.status != b.status):
        return None
    dates = _dates(a, b)
    if dates is None:
        return None
    if a.doc_id == b.doc_id:
        return "same article", 1.0
    if same_story:
        return "same story", 1.0
    if cosine is None:
        return None
    needed = EVIDENCE_MIN if dates == "day" else COARSE_EVIDENCE_MIN
    return ("similar evidence", round(cosine, 4)) if cosine >= needed else None
