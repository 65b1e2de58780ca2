"""Person names and dependency parses from the statistical backend a language's profile
names: `natasha` (stages/natasha_ru.py, models bundled in the package) or
`spacy:<package>`, an official spaCy pipeline from PyPI. A backend whose package is not
installed is skipped: mentions then come from the other sources alone."""

from __future__ import annotations

import importlib.util

from ..lang.profile import Profile
from ..records import Dep, Sentence

People = dict[int, list[tuple[int, int]]]  # person spans (document offsets) by sentence
Parses = dict[int, tuple[Dep, ...]]  # each sentence's parse

# spaCy components the mention and event stages do not read; leaving them out saves time.
_SPACY_EXCLUDE = ["lemmatizer", "morphologizer", "attribute_ruler"]
_PERSON_LABELS = ("PER", "PERSON")


def parse(profile: Profile, sentences: tuple[Sentence, ...],
          models: dict[str, object]) -> tuple[People | None, Parses]:
    """Person spans and parses of the sentences; (None, {}) without a usable backend.
    `models` caches loaded spaCy pipelines by package name."""
    if profile.ner == "natasha" and importlib.util.find_spec("natasha") is not None:
        from . import natasha_ru

        return natasha_ru.analyse(sentences)
    nlp = _spacy_model(profile.ner_package, models) if profile.ner == "spacy" else None
    if nlp is None:
        return None, {}
    return _spacy_parse(nlp, sentences)


def _spacy_model(package: str, models: dict[str, object]):
    if package not in models:
        if importlib.util.find_spec(package) is None:
            models[package] = None
        else:
            import spacy

            models[package] = spacy.load(package, exclude=_SPACY_EXCLUDE)
    return models[package]


def _spacy_parse(nlp, sentences: tuple[Sentence, ...]) -> tuple[People, Parses]:
    people: People = {}
    syntax: Parses = {}
    for sent, parsed in zip(sentences, nlp.pipe(s.text for s in sentences), strict=True):
        for ent in parsed.ents:
            if ent.label_ in _PERSON_LABELS:
                people.setdefault(sent.index, []).append(
                    (sent.start + ent.start_char, sent.start + ent.end_char))
        if parsed.has_annotation("DEP"):
            syntax[sent.index] = _deps(parsed, sent.start)
    return people, syntax


def _deps(parsed, offset: int) -> tuple[Dep, ...]:
    """The parse as `Dep` records, offsets into the document."""
    return tuple(Dep(offset + t.idx, offset + t.idx + len(t), t.dep_, t.head.i, t.i,
                     offset + t.left_edge.idx, offset + t.right_edge.idx + len(t.right_edge))
                 for t in parsed)
