"""Sentence splitting with sentencex, repaired after abbreviations and honorifics.

sentencex is fast and knows ~300 languages but splits after "M." in "M. Wang" or
after "janv." in dates; a piece that ends with a short abbreviation is joined to the
next one.
"""

from __future__ import annotations

import re

from sentencex import segment

from ..records import Segment, Sentence

# A piece ending in an initial or two ("M.", "U.S."); the language's own abbreviations
# ("EE. UU.") are in its profile.
_ABBREV_END = re.compile(r"(?:^|[\s(«\"])(?:[A-ZА-ЯЁ]\.|[A-ZА-ЯЁ]\.\s?[A-ZА-ЯЁ]\.)\s*$")


def split(text: str, segments: tuple[Segment, ...], lang: str,
          honorifics: tuple[str, ...] = (),
          abbreviations: re.Pattern | None = None) -> tuple[Sentence, ...]:
    """Sentences of the kept segments, with offsets into `text`."""
    hon = tuple(h for h in honorifics if h.endswith("."))
    out: list[Sentence] = []
    for para, seg in enumerate(segments):
        chunk = text[seg.start:seg.end]
        pieces: list[tuple[int, int]] = []
        cursor = 0
        for piece in segment(lang, chunk):
            stripped = piece.strip()
            if not stripped:
                continue
            at = chunk.find(stripped, cursor)
            if at < 0:
                continue
            end = at + len(stripped)
            cursor = end
            if pieces and _joins(chunk[pieces[-1][0]:pieces[-1][1]], hon, abbreviations):
                pieces[-1] = (pieces[-1][0], end)
            else:
                pieces.append((at, end))
        for start, end in pieces:
            out.append(Sentence(index=len(out), start=seg.start + start, end=seg.start + end,
                                text=chunk[start:end], paragraph=para))
    return tuple(out)


def _joins(previous: str, honorifics: tuple[str, ...], abbreviations: re.Pattern | None) -> bool:
    tail = previous.rstrip()
    if any(tail.endswith(h) and (len(tail) == len(h) or not tail[-len(h) - 1].isalnum())
           for h in honorifics):
        return True
    ends_short = bool(_ABBREV_END.search(tail)) or bool(abbreviations and
                                                        abbreviations.search(tail))
    return ends_short and not tail.endswith(("...", "…"))
