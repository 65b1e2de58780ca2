"""Find the words that code an event in a sentence: the language's trigger lexicon,
confirmed (or completed) by the sentence classifier."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ...lang import LanguageData, Trigger
from ...records import Sentence
from ...textutil import find_spans
from .actors import Candidate

# The classifier's say: an event it finds alone needs this probability; a trigger it
# judges NONE with VETO probability (and its type below VETO_TYPE) is dropped.
CLASSIFIER_ALONE = 0.5
VETO = 0.9
VETO_TYPE = 0.02
# A sentence's only lexicon trigger, of a type the classifier gives less than
# RETYPE_BELOW, takes the classifier's type when that type has RETYPE or more.
RETYPE = 0.5
RETYPE_BELOW = 0.05

NO_PATTERN = re.compile(r"(?!)")  # the classifier's events have no trigger words

# Triggers whose object is another trigger: "agreed to hold a meeting", "called on X to
# sanction Y". The embedded one is the content of the intent, not an event of its own.
EMBEDDING_TYPES = frozenset({"AGREE", "REQUEST", "THREATEN"})
EMBED_WINDOW = 60
BACKGROUND_WINDOW = 25


@dataclass(frozen=True, slots=True)
class Found:
    """A trigger matched at [start, end) of the document text."""

    start: int
    end: int
    trigger: Trigger

    @property
    def by_classifier(self) -> bool:
        return self.trigger.pattern is NO_PATTERN


def _without(text: str, pattern: re.Pattern | None) -> tuple[str, list[int] | None]:
    """`text` less the spans `pattern` matches, and each kept character's old index
    (None when nothing was removed)."""
    if pattern is None or not pattern.search(text):
        return text, None
    keep, index, last = [], [], 0
    for m in pattern.finditer(text):
        keep.append(text[last:m.start()])
        index.extend(range(last, m.start()))
        last = m.end()
    keep.append(text[last:])
    index.extend(range(last, len(text) + 1))
    return "".join(keep), index


def _matches(sent: Sentence, ld: LanguageData) -> list[Found]:
    """Every lexicon match, with words the language lets stand between a trigger's
    parts ("pas", "nicht") skipped."""
    found = []
    text, index = _without(sent.text, ld.ignorable)
    for trig in ld.triggers:
        for m0, m1 in find_spans(trig.pattern, text):
            if m1 > m0 and index is not None:
                m0, m1 = index[m0], index[m1 - 1] + 1
            if m1 > m0:
                found.append(Found(sent.start + m0, sent.start + m1, trig))
    return found


def lexicon_triggers(sent: Sentence, ld: LanguageData) -> list[Found]:
    """Non-overlapping trigger matches in text order."""
    found = _matches(sent, ld)
    background = ld.markers.get("background")
    if background is not None:  # "since the invasion of Ukraine" tells no new event
        found = [f for f in found if not background.search(
            sent.text[max(0, f.start - sent.start - BACKGROUND_WINDOW):f.start - sent.start])]
    # Among overlapping matches the more specific wins: one that names a mode ("entretien
    # téléphonique" over "eu un entretien"), then the longer one.
    found.sort(key=lambda f: (f.trigger.mode is None, -(f.end - f.start), f.start))
    out: list[Found] = []
    for f in found:
        if not any(f.start < o.end and o.start < f.end for o in out):
            out.append(f)
    return sorted(out, key=lambda f: f.start)


def drop_embedded(found: list[Found]) -> list[Found]:
    """Leave out a trigger that is the content of an intent just before it."""
    out: list[Found] = []
    for f in found:
        if not any(o.trigger.type in EMBEDDING_TYPES and o.end <= f.start <= o.end + EMBED_WINDOW
                   for o in out):
            out.append(f)
    return out


def _retyped(found: Found, probs: Mapping[str, float]) -> Found:
    """The trigger, with the classifier's type where it is sure the lexicon's is wrong."""
    best = max((t for t in probs if t != "NONE"), key=probs.get)
    if probs[best] < RETYPE or probs.get(found.trigger.type, 0) >= RETYPE_BELOW:
        return found
    trigger = Trigger(type=best, pattern=found.trigger.pattern, status=found.trigger.status)
    return Found(found.start, found.end, trigger)


def sentence_triggers(sent: Sentence, ld: LanguageData, probs: Mapping[str, float],
                      actors: list[Candidate]) -> list[Found]:
    """The sentence's triggers: the lexicon's, less those the classifier vetoes; or,
    when the lexicon finds none, the classifier's confident type, placed after the
    first acting subject."""
    found = drop_embedded(lexicon_triggers(sent, ld))
    if probs and found and probs.get("NONE", 0) >= VETO:
        found = [f for f in found if probs.get(f.trigger.type, 0) >= VETO_TYPE]
    if len(found) == 1 and probs:  # a sentence's reading says nothing of a second trigger
        return [_retyped(found[0], probs)]
    if found or not probs:
        return found
    best = max(probs, key=probs.get)
    if best == "NONE" or probs[best] < CLASSIFIER_ALONE:
        return []
    subjects = [a for a in actors if not a.is_place and a.country]
    if not subjects:
        return []
    at = subjects[0].end
    return [Found(at, at, Trigger(type=best, pattern=NO_PATTERN))]
