"""The pipeline, assembled once: clean → language → sentences → parse → mentions →
anchor → resolve → classify → events → signature. Each stage takes the document record
(`doc.Doc`) and returns it with what it provides filled in; `STAGES` declares what each
needs and provides, and the order is checked when the module loads.

Models load in `initialize()`; a Pipeline pickles without them, so worker processes (or
a distributed engine) rebuild their own.
"""

from __future__ import annotations

import dataclasses
import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .doc import Doc, SentenceAnalysis
from .errors import UnsupportedLanguageError
from .kb import KnowledgeBase
from .kb.gazetteer import gazetteer
from .lang import load_language
from .records import Document, Processed
from .stages import dates
from .stages.classify import EventClassifier, embed, embed_for_types
from .stages.clean import clean
from .stages.events import RULES, RuleSet, code_events
from .stages.events.actors import STATE_KINDS
from .stages.language import LanguageIdentifier
from .stages.mentions import find_mentions
from .stages.ner import parse
from .stages.resolve import resolve
from .stages.sentences import split
from .stages.signature import LEAD, lead_vector, text_signature
from .version import __version__

# The classifier reads sentences naming actors of at least this many countries.
CLASSIFIED_COUNTRIES = 1


def content_hash(doc: Document) -> str:
    raw = "\x1f".join([doc.text, str(doc.published or ""), doc.lang or "", doc.url or ""])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Stage:
    """One step: a method of Pipeline taking and returning the `Doc`, the record fields
    it reads, and those it fills in."""

    name: str
    run: Callable[[Pipeline, Doc], Doc]
    needs: tuple[str, ...]
    gives: tuple[str, ...]


def check_order(stages: tuple[Stage, ...]) -> None:
    """Every field a stage needs is given by a stage before it."""
    known = {"document"}
    for stage in stages:
        missing = [n for n in stage.needs if n not in known]
        if missing:
            raise ValueError(f"stage {stage.name!r} needs {', '.join(missing)} before it")
        known.update(stage.gives)


class Pipeline:
    """`extension`: people and organisations imported into the store, added to the
    bundled knowledge base (see `store.kb.extension`). `rules`: the argument rules of
    the event coder (all of them unless a caller leaves some out)."""

    def __init__(self, use_ner: bool = True, extension: tuple[list, list] | None = None,
                 use_classifier: bool = True, rules: RuleSet = RULES):
        self.use_ner = use_ner
        self.use_classifier = use_classifier
        self.rules = rules
        self.classifier = EventClassifier()
        self.extension = extension or ([], [])
        self.version = __version__
        self.identifier = LanguageIdentifier()
        self._ner: dict[str, object] = {}
        self._kb: KnowledgeBase | None = None
        self.timings: dict[str, float] = {}  # seconds spent per stage, summed over documents

    def __getstate__(self):
        return {"use_ner": self.use_ner, "extension": self.extension,
                "use_classifier": self.use_classifier, "rules": self.rules}

    def __setstate__(self, state):
        self.__init__(**state)

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            self._kb = KnowledgeBase.default().extended(*self.extension)
        return self._kb

    def initialize(self) -> Pipeline:
        self.identifier.initialize()
        if self.use_classifier:
            self.classifier.initialize()
        _ = self.kb
        return self

    def analyse(self, document: Document, only: tuple[str, ...] | None = None) -> Doc:
        """The document record with every stage applied, or the stages named in `only`
        (in pipeline order, checked like the whole). Raises CommuniqueError for a
        rejection."""
        stages = STAGES if only is None else select(only)
        doc = Doc(document=document)
        for stage in stages:
            start = time.perf_counter()
            doc = stage.run(self, doc)
            self.timings[stage.name] = self.timings.get(stage.name, 0.0) + \
                time.perf_counter() - start
        return doc

    def process(self, document: Document) -> Processed:
        """What the store keeps of one document."""
        doc = self.analyse(document)
        return Processed(document=dataclasses.replace(doc.document, lang=doc.lang),
                         content_hash=content_hash(doc.document), lang=doc.lang,
                         segments=doc.body, sentences=doc.sentences, mentions=doc.mentions,
                         events=doc.events, entities=doc.entities, signature=doc.signature,
                         event_vectors=dict(doc.event_vectors))

    # -- stages ------------------------------------------------------------------

    def _clean(self, doc: Doc) -> Doc:
        cleaned = clean(doc.text)
        doc = dataclasses.replace(doc, body=cleaned.body, title=cleaned.title,
                                  dropped=cleaned.dropped)
        if not doc.body_text.strip():
            raise UnsupportedLanguageError("no article text left after removing boilerplate")
        return doc

    def _language(self, doc: Doc) -> Doc:
        lang = self.identifier.identify(doc.body_text, doc.document.lang)
        document = doc.document
        if document.published is None:
            stamp = _published_from_text(doc, lang)
            if stamp:
                document = dataclasses.replace(document, published=stamp,
                                               published_source="text")
        return dataclasses.replace(doc, document=document, lang=lang,
                                   language=load_language(lang))

    def _sentences(self, doc: Doc) -> Doc:
        return dataclasses.replace(doc, sentences=split(
            doc.text, doc.body, doc.lang, doc.language.honorifics_before,
            doc.language.profile.abbreviations))

    def _parse_stage(self, doc: Doc) -> Doc:
        people, syntax = parse(doc.language.profile, doc.sentences, self._ner) \
            if self.use_ner else (None, {})
        return dataclasses.replace(doc, people=people or {}, syntax=syntax or {})

    def _mentions(self, doc: Doc) -> Doc:
        return dataclasses.replace(doc, mentions=find_mentions(
            doc.text, doc.sentences, doc.language, gazetteer(doc.lang, self.kb),
            doc.people or None))

    def _anchor(self, doc: Doc) -> Doc:
        return dataclasses.replace(doc, anchor=dates.document_anchor(
            [s.text for s in doc.sentences], doc.lang, doc.published))

    def _resolve(self, doc: Doc) -> Doc:
        mentions, entities = resolve(doc.mentions, self.kb, doc.anchor)
        return dataclasses.replace(doc, mentions=mentions, entities=entities)

    def _classify(self, doc: Doc) -> Doc:
        """Embeddings of the lead and of the sentences naming actors of two or more
        countries, in one call to the encoder; the classifier's reading of the latter."""
        if not self.use_classifier:
            return doc
        countries: dict[int, set[str]] = {}
        for m in doc.mentions:
            if m.country and m.kind in STATE_KINDS:
                countries.setdefault(m.sentence, set()).add(m.country)
        chosen = [s.index for s in doc.sentences
                  if len(countries.get(s.index, ())) >= CLASSIFIED_COUNTRIES]
        wanted = set(chosen)
        vectors = _vectors([s for s in doc.sentences if s.index < LEAD or s.index in wanted])
        analysis = {}
        if chosen and self.classifier.available:
            texts = [s.text for s in doc.sentences if s.index in wanted]
            read = self.classifier.analyse_vectors(np.stack([vectors[i] for i in chosen]),
                                                   embed_for_types(texts))
            analysis = {i: SentenceAnalysis(p, ctx)
                        for i, (p, ctx) in zip(chosen, read, strict=True)}
        return dataclasses.replace(doc, vectors=vectors, analysis=analysis)

    def _events(self, doc: Doc) -> Doc:
        return dataclasses.replace(doc, events=code_events(doc, self.kb, self.version,
                                                           self.rules))

    def _signature(self, doc: Doc) -> Doc:
        """The article's signature, and an embedding of each event's evidence sentence;
        sentences the classifier stage embedded are not embedded again."""
        vectors = dict(doc.vectors)
        event_vectors = {}
        if self.use_classifier:
            at = {s.start: s for s in doc.sentences}
            evidence = {at[e.evidence.start].index for e in doc.events}
            vectors.update(_vectors([s for s in doc.sentences if s.index not in vectors
                                     and (s.index < LEAD or s.index in evidence)]))
            event_vectors = {e.event_id: vectors[at[e.evidence.start].index]
                             for e in doc.events if at[e.evidence.start].index in vectors}
        lead = [vectors[s.index] for s in doc.sentences[:LEAD] if s.index in vectors]
        return dataclasses.replace(doc, vectors=vectors, event_vectors=event_vectors,
                                   signature=text_signature(doc.body_text, lead_vector(lead)))


STAGES = (
    Stage("clean", Pipeline._clean, ("document",), ("body", "title", "dropped")),
    Stage("language", Pipeline._language, ("body",), ("lang", "language")),
    Stage("sentences", Pipeline._sentences, ("body", "language"), ("sentences",)),
    Stage("ner", Pipeline._parse_stage, ("sentences",), ("people", "syntax")),
    Stage("mentions", Pipeline._mentions, ("sentences", "people"), ("mentions",)),
    Stage("anchor", Pipeline._anchor, ("sentences",), ("anchor",)),
    Stage("resolve", Pipeline._resolve, ("mentions", "anchor"), ("mentions", "entities")),
    Stage("classifier", Pipeline._classify, ("sentences", "mentions"), ("vectors", "analysis")),
    Stage("events", Pipeline._events,
          ("sentences", "mentions", "anchor", "analysis", "syntax"), ("events",)),
    Stage("signature", Pipeline._signature, ("sentences",),
          ("signature", "vectors", "event_vectors")),
)
check_order(STAGES)


def select(names: tuple[str, ...]) -> tuple[Stage, ...]:
    """The named stages in pipeline order, checked to need nothing left out."""
    unknown = set(names) - {s.name for s in STAGES}
    if unknown:
        raise ValueError(f"no such stage: {', '.join(sorted(unknown))}")
    chosen = tuple(s for s in STAGES if s.name in names)
    check_order(chosen)
    return chosen


def _vectors(sentences) -> dict[int, np.ndarray]:
    x = embed([s.text for s in sentences])
    return {s.index: x[k] for k, s in enumerate(sentences)}


def _published_from_text(doc: Doc, lang: str):
    """A date stamp among the page's furniture ("Mis à jour : 2021-01-22")."""
    for seg in doc.dropped:
        if seg.start > 2000:
            break
        found = [f for f in dates.explicit_dates(doc.text[seg.start:seg.end], lang)
                 if f.precision == "day"]
        if found:
            return found[0].date
    return None
