"""The pipeline, assembled once: clean → language → sentences → mentions → resolve →
events. Models load in `initialize()`; a Pipeline pickles without them, so worker
processes (or a distributed engine) rebuild their own."""

from __future__ import annotations

import dataclasses
import hashlib
import time

import numpy as np

from . import __version__
from .errors import UnsupportedLanguageError
from .kb import KnowledgeBase
from .kb.gazetteer import gazetteer
from .lang import load_language
from .records import Document, Processed
from .stages import dates
from .stages.classify import EventClassifier, embed
from .stages.clean import clean
from .stages.events import code_events
from .stages.language import LanguageIdentifier
from .stages.mentions import find_mentions
from .stages.ner import parse
from .stages.resolve import resolve
from .stages.sentences import split
from .stages.signature import LEAD, lead_vector, text_signature


def content_hash(doc: Document) -> str:
    raw = "\x1f".join([doc.text, str(doc.published or ""), doc.lang or "", doc.url or ""])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class Pipeline:
    """`extension`: people and organisations imported into the store, added to the
    bundled knowledge base (see `store.kb.extension`)."""

    def __init__(self, use_ner: bool = True, extension: tuple[list, list] | None = None,
                 use_classifier: bool = True):
        self.use_ner = use_ner
        self.use_classifier = use_classifier
        self.classifier = EventClassifier()
        self.extension = extension or ([], [])
        self.version = __version__
        self.identifier = LanguageIdentifier()
        self._ner: dict[str, object] = {}
        self._kb: KnowledgeBase | None = None
        self.timings: dict[str, float] = {}  # seconds spent per stage, summed over documents

    def __getstate__(self):
        return {"use_ner": self.use_ner, "extension": self.extension,
                "use_classifier": self.use_classifier}

    def __setstate__(self, state):
        self.__init__(use_ner=state["use_ner"], extension=state["extension"],
                      use_classifier=state["use_classifier"])

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

    def process(self, doc: Document) -> Processed:
        """Everything found in one document. Raises CommuniqueError for a rejection."""
        clock = _Clock(self.timings)
        cleaned = clean(doc.text)
        body = "\n".join(doc.text[s.start:s.end] for s in cleaned.body)
        if not body.strip():
            raise UnsupportedLanguageError("no article text left after removing boilerplate")
        clock.lap("clean")
        lang = self.identifier.identify(body, doc.lang)
        clock.lap("language")
        if doc.published is None:
            stamp = _published_from_text(doc.text, cleaned, lang)
            if stamp:
                doc = dataclasses.replace(doc, published=stamp, published_source="text")
        ld = load_language(lang)
        kb = self.kb
        sentences = split(doc.text, cleaned.body, lang, ld.honorifics_before)
        clock.lap("sentences")
        ner, syntax = parse(ld.profile, sentences, self._ner) if self.use_ner else (None, {})
        clock.lap("ner")
        mentions = find_mentions(doc.text, sentences, ld, gazetteer(lang, kb), ner)
        clock.lap("mentions")
        day = dates.document_anchor([s.text for s in sentences], lang, doc.published)
        mentions, entities = resolve(mentions, kb, day)
        clock.lap("resolve")
        vectors, chosen = self._embed(sentences, mentions)
        analysed = self._classify(vectors, chosen)
        clock.lap("classifier")
        events = code_events(doc.doc_id, doc.text, lang, sentences, mentions, ld, kb,
                             doc.published, self.version,
                             {i: p for i, (p, _) in analysed.items()}, syntax)
        sentence_at = {s.start: s.index for s in sentences}
        events = tuple(dataclasses.replace(e, contexts=analysed[i][1])
                       if (i := sentence_at.get(e.evidence.start)) in analysed else e
                       for e in events)
        clock.lap("events")
        event_vectors = {}
        if self.use_classifier:
            evidence = {e.evidence.start for e in events}
            vectors.update(self._vectors([s for s in sentences if s.start in evidence
                                          and s.index not in vectors]))
            event_vectors = {e.event_id: vectors[i] for e in events
                             if (i := sentence_at.get(e.evidence.start)) in vectors}
        lead = [vectors[s.index] for s in sentences[:LEAD] if s.index in vectors]
        signature = text_signature(body, lead_vector(lead))
        clock.lap("signature")
        return Processed(document=dataclasses.replace(doc, lang=lang),
                         content_hash=content_hash(doc), lang=lang, segments=cleaned.body,
                         sentences=sentences, mentions=mentions, events=events,
                         entities=entities, signature=signature, event_vectors=event_vectors)

    def _vectors(self, sentences) -> dict[int, np.ndarray]:
        x = embed([s.text for s in sentences])
        return {s.index: x[k] for k, s in enumerate(sentences)}

    def _embed(self, sentences, mentions) -> tuple[dict[int, np.ndarray], list[int]]:
        """Embeddings of the lead and of the sentences the classifier reads (those
        naming actors of two or more countries), in one call to the encoder; and the
        indexes of the latter."""
        if not self.use_classifier:
            return {}, []
        countries: dict[int, set[str]] = {}
        for m in mentions:
            if m.country and m.kind in ("PERSON", "ROLE", "COUNTRY", "IGO", "CAPITAL"):
                countries.setdefault(m.sentence, set()).add(m.country)
        chosen = [s.index for s in sentences if len(countries.get(s.index, ())) >= 2]
        wanted = set(chosen)
        return self._vectors([s for s in sentences
                              if s.index < LEAD or s.index in wanted]), chosen

    def _classify(self, vectors, chosen) -> dict[int, tuple[dict[str, float], tuple]]:
        """Type probabilities and contexts of the chosen sentences."""
        if not chosen or not self.classifier.available:
            return {}
        x = np.stack([vectors[i] for i in chosen])
        return dict(zip(chosen, self.classifier.analyse_vectors(x), strict=True))


class _Clock:
    def __init__(self, sink: dict[str, float]):
        self.sink = sink
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.sink[stage] = self.sink.get(stage, 0.0) + now - self.last
        self.last = now


def _published_from_text(text: str, cleaned, lang: str):
    """A date stamp among the page's furniture ("Mis à jour : 2021-01-22")."""
    for seg in cleaned.dropped:
        if seg.start > 2000:
            break
        found = [f for f in dates.explicit_dates(text[seg.start:seg.end], lang)
                 if f.precision == "day"]
        if found:
            return found[0].date
    return None
