"""Typed, frozen records that flow through the pipeline.

Every stage takes records and returns new ones; nothing is edited in place. Offsets
(`start`, `end`) always point into the original document text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})


@dataclass(frozen=True, slots=True)
class Document:
    """One article as ingested: the original text and what we know about it."""

    doc_id: str
    text: str
    published: dt.date | None = None
    url: str | None = None
    lang: str | None = None
    title: str | None = None
    origin: str = ""  # file (and line) the record came from
    published_source: str | None = None  # record, html-meta, text


@dataclass(frozen=True, slots=True)
class Segment:
    """A kept (non-boilerplate) stretch of the original text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Dep:
    """One token of a dependency parse: its span, relation, head and subtree span."""

    start: int
    end: int
    dep: str
    head: int  # index of the head token in the sentence
    index: int
    subtree_start: int
    subtree_end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that names an actor, a place or a role."""

    start: int
    end: int
    text: str
    kind: str  # PERSON, COUNTRY, IGO, CAPITAL, SEAT, ROLE, JOINT
    sentence: int
    country: str | None = None  # ISO alpha-3 or IGO code
    role: str | None = None  # role key from kb/data/roles.yaml
    entity_id: str | None = None
    name: str | None = None  # canonical name when resolved
    qid: str | None = None
    reason: str = ""  # why it was found and resolved this way, for people to read
    head: bool = True  # False when part of a larger actor (the country of a role phrase)
    location: bool = False  # a place where something happened ("à Beijing"), not an actor
    found_by: str = ""  # how it was found: a `provenance.FoundBy` value
    cue: str | None = None  # what found it: the honorific ("M."), the gazetteer entry kind
    full_name: str | None = None  # for a surname: the full name met in the document


@dataclass(frozen=True, slots=True)
class Actor:
    name: str | None
    country: str | None
    role: str | None = None
    sector: str | None = None
    entity_id: str | None = None
    qid: str | None = None
    mention_start: int | None = None
    mention_end: int | None = None


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Event:
    event_id: str
    doc_id: str
    event_type: str
    source: Actor
    target: Actor
    evidence: Evidence
    mode: str | None = None
    date: dt.date | None = None
    date_precision: str | None = None  # day, month, year
    location: Location | None = None
    trigger: str = ""
    status: str = "occurred"  # occurred, planned, negated, hypothetical
    confidence: float = 0.5
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    lang: str | None = None
    resolution_reason: str = ""
    pipeline_version: str = ""
    contexts: tuple[str, ...] = ()  # PLOVER contexts: diplomatic, economic, energy, ...


@dataclass(frozen=True, slots=True)
class Entity:
    entity_id: str
    type: str  # PERSON, COUNTRY, IGO
    name: str
    country: str | None = None
    qid: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Rejection:
    origin: str  # file name, with ":line" where it applies
    reason: str
    doc_id: str | None = None


@dataclass(frozen=True, slots=True)
class Signature:
    """What identifies an article's content across copies and languages (see
    stages/signature.py): numpy arrays, kept out of equality."""

    text_hash: str  # of the folded article text: exact copies
    minhash: object = field(compare=False)  # uint32[64], MinHash of word 3-grams: reposts
    vector: object = field(default=None, compare=False)  # float32[512] lead embedding


@dataclass(frozen=True, slots=True)
class Processed:
    """Everything the pipeline found in one document."""

    document: Document
    content_hash: str
    lang: str
    segments: tuple[Segment, ...]
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    events: tuple[Event, ...]
    entities: tuple[Entity, ...] = field(default=())
    signature: Signature | None = None
    # float32[512] embedding of each event's evidence sentence, by event id
    event_vectors: dict = field(default_factory=dict, compare=False)
