"""Turn a chosen source and target into an `Event` record: actors, date, place, mode,
codes, status, confidence and evidence."""

from __future__ import annotations

import hashlib

from ...codes import codes_for
from ...doc import Doc
from ...kb import KnowledgeBase
from ...records import Actor, Event, Evidence, Location
from .. import dates
from .actors import Candidate
from .clause import Actorish, Clause
from .status import status


def event_id(doc_id: str, start: int, etype: str, src: str | None, tgt: str | None) -> str:
    raw = f"{doc_id}|{start}|{etype}|{src}|{tgt}"
    return "ev-" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def actor_record(a: Actorish, kb: KnowledgeBase) -> Actor:
    """The exported actor for a mention, or for a bare country code."""
    if isinstance(a, str):
        return Actor(name=None, country=a)
    m = a.mention
    role = kb.role(m.role)
    sector = role.sector if role else ("IGO" if m.kind == "IGO" else
                                       "GOV" if m.kind in ("CAPITAL", "SEAT") else None)
    name = m.name if m.kind in ("PERSON", "ROLE") else (m.name or m.text)
    return Actor(name=name, country=m.country, role=role.label if role else None, sector=sector,
                 entity_id=m.entity_id if m.kind != "ROLE" or m.name else None,
                 qid=m.qid, mention_start=a.start, mention_end=a.end)


def _location(c: Clause) -> Location | None:
    places = [a for a in c.actors if a.is_place]
    if not places:
        return None
    p = places[0].mention
    return Location(name=p.name or p.text, country=p.country)


def _mode(c: Clause, location: Location | None, src: Actor, tgt: Actor) -> str | None:
    """A meeting's mode: the trigger's own, else a visit or a hosting by where it was."""
    if c.trigger.mode is not None or c.type != "CONSULT" or not location or not location.country:
        return c.trigger.mode
    if location.country == tgt.country:
        return "visit"
    if location.country == src.country:
        return "host"
    return None


def _confidence(source: Actorish, target: Actorish, p: float | None) -> float:
    """Higher when both sides are named mentions, higher still for a person acting;
    averaged with the classifier's probability of the type where it read the sentence."""
    named = isinstance(source, Candidate)
    value = 0.5 + (0.15 if named else 0) + (0.15 if isinstance(target, Candidate) else 0) + \
        (0.1 if named and source.is_person else 0)
    if p is not None:
        value = (value + p) / 2
    return round(min(value, 0.95), 2)


def make_event(doc: Doc, c: Clause, source: Actorish, target: Actorish, why: str,
               kb: KnowledgeBase, version: str, by_classifier: bool) -> Event:
    src, tgt = actor_record(source, kb), actor_record(target, kb)
    probs = doc.probs(c.sentence.index)
    p = probs.get(c.type, 0.0) if probs else None
    if by_classifier and probs:
        why = f"sentence classifier (p={p:.2f}); {why}"
    day, precision = dates.event_date(c.sentence.text, doc.lang, doc.published, doc.anchor)
    location = _location(c)
    mode = _mode(c, location, src, tgt)
    codes = codes_for(c.type, mode, c.trigger.cameo)
    s = c.sentence
    return Event(
        event_id=event_id(doc.doc_id, c.start, c.type, src.country, tgt.country),
        doc_id=doc.doc_id, event_type=c.type, source=src, target=tgt,
        evidence=Evidence(text=s.text, start=s.start, end=s.end), mode=mode, date=day,
        date_precision=precision, location=location, trigger=doc.text[c.start:c.end],
        status=status(c), confidence=_confidence(source, target, p), cameo=codes.cameo,
        quad_class=codes.quad_class, goldstein=codes.goldstein, lang=doc.lang,
        resolution_reason=why, pipeline_version=version, contexts=doc.contexts(s.index))
