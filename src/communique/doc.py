"""The document record: what every stage reads and fills in.

One `Doc` travels through the pipeline (see `pipeline.py`). It starts as the ingested
`Document`; each stage returns a copy with the fields it provides filled in, so the
sentences, parse, mentions, anchor date, classifier probabilities and events of one
article live in one place instead of being handed from stage to stage as loose
arguments.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

from .records import Dep, Document, Entity, Event, Mention, Segment, Sentence, Signature

if TYPE_CHECKING:
    from .lang import LanguageData

_EMPTY: Mapping = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class SentenceAnalysis:
    """The sentence classifier's reading of one sentence: a probability for each PLOVER
    type (and NONE), and the PLOVER contexts it evokes."""

    probs: Mapping[str, float]
    contexts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Doc:
    """One article and everything the stages found in it so far. Offsets point into
    `document.text`."""

    document: Document
    lang: str | None = None
    language: LanguageData | None = None  # the language's data and profile
    body: tuple[Segment, ...] = ()  # kept text, in order
    title: Segment | None = None
    dropped: tuple[Segment, ...] = ()  # web furniture
    sentences: tuple[Sentence, ...] = ()
    # person spans found by a statistical model, and the dependency parse, by sentence
    people: Mapping[int, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    syntax: Mapping[int, tuple[Dep, ...]] = field(default_factory=dict)
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    anchor: dt.date | None = None  # the date the article's relative dates count from
    vectors: Mapping[int, object] = field(default_factory=dict, compare=False)  # by sentence
    analysis: Mapping[int, SentenceAnalysis] = field(default_factory=dict)  # by sentence
    events: tuple[Event, ...] = ()
    event_vectors: Mapping[str, object] = field(default_factory=dict, compare=False)
    signature: Signature | None = None

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def doc_id(self) -> str:
        return self.document.doc_id

    @property
    def published(self) -> dt.date | None:
        return self.document.published

    @property
    def body_text(self) -> str:
        return "\n".join(self.text[s.start:s.end] for s in self.body)

    def probs(self, sentence: int) -> Mapping[str, float]:
        found = self.analysis.get(sentence)
        return found.probs if found else _EMPTY

    def contexts(self, sentence: int) -> tuple[str, ...]:
        found = self.analysis.get(sentence)
        return found.contexts if found else ()
