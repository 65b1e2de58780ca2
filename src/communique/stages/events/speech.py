"""Reported speech: who is speaking in a sentence, and in a quotation spread over
several sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...lang import LanguageData
from ...records import Sentence
from ...textutil import find_spans
from .actors import Candidate

OPEN_QUOTES = "«“„\""
ATTRIBUTION_AFTER_QUOTE = re.compile(r"[,»\"”]\s*$")
RIGHT_AFTER = 3  # characters between a speech verb and the person who speaks
INVERTED_REACH = 30  # how far after an inverted speech verb its speaker may come


@dataclass(frozen=True, slots=True)
class Speech:
    speaker: Candidate
    verb_at: int  # where the speech verb starts


def _at_verb(prefix: str, actors: list[Candidate], v0: int, v1: int) -> Candidate | None:
    """The speaker of the speech verb at [v0, v1), if this verb names one; `prefix` is
    the sentence up to the verb."""
    # A person right after the verb speaks: "said Wang", "a déclaré M. Wang", "وأكد لو".
    right_after = [a for a in actors if 0 <= a.start - v1 <= RIGHT_AFTER and a.is_person]
    if right_after:
        return right_after[0]
    if ATTRIBUTION_AFTER_QUOTE.search(prefix):
        # Inverted attribution closes a quote: '..., a déclaré M. Wang' / '..., said Wang'.
        after = [a for a in actors if a.start >= v0 and a.start - v1 <= INVERTED_REACH
                 and a.kind in ("PERSON", "ROLE", "COUNTRY", "IGO")]
        return after[0] if after else None
    before = [a for a in actors if a.end <= v0 and a.kind != "CAPITAL" and not a.is_place]
    people = [a for a in before if a.is_person]
    if people:  # the sentence's subject: "Niinistö held a call with Putin and said"
        return people[0]
    return before[-1] if before else None


def speaker(text: str, sent: Sentence, actors: list[Candidate],
            ld: LanguageData) -> Speech | None:
    """The speaker of reported speech in the sentence, if any."""
    pat = ld.markers.get("speech")
    if pat is None:
        return None
    for m0, m1 in find_spans(pat, sent.text):
        v0, v1 = sent.start + m0, sent.start + m1
        found = _at_verb(text[sent.start:v0], actors, v0, v1)
        if found is not None:
            return Speech(found, v0)
    return None


def speaker_after_quotation(text: str, sentences: tuple[Sentence, ...],
                            by_sent: dict[int, list[Candidate]],
                            ld: LanguageData) -> dict[int, Candidate]:
    """ "« Nous ... » a déclaré M. Wang": the sentences of a quotation are spoken by the
    speaker named where it closes in the paragraph."""
    out: dict[int, Candidate] = {}
    paragraphs: dict[int, list[Sentence]] = {}
    for s in sentences:
        paragraphs.setdefault(s.paragraph, []).append(s)
    for sents in paragraphs.values():
        depth = 0
        inside: list[int] = []
        for s in sents:
            opened = depth > 0 or any(s.text.lstrip().startswith(q) for q in OPEN_QUOTES)
            depth += sum(s.text.count(q) for q in "«“") - sum(s.text.count(q) for q in "»”")
            if not opened:
                continue
            inside.append(s.index)
            if depth > 0:
                continue
            found = speaker(text, s, by_sent.get(s.index, []), ld)
            if found:
                out.update((i, found.speaker) for i in inside)
            inside, depth = [], 0
    return out
