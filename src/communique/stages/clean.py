"""Drop web furniture (share buttons, ads, comment forms, copyright, navigation) and find
the headline, keeping everything as spans of the original text.

Lines are judged one at a time: by the boilerplate patterns of every language we have
(a French page may carry an English cookie banner), and by shape: a short line with no
sentence punctuation among the page's furniture ("Tendance", "on", "237online.com").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lang import available_languages, load_language
from ..records import Segment

SENTENCE_END = re.compile(r"[.!?…。！？»\"”)؟]\s*$")
WORD_RE = re.compile(r"\w+")
URLISH = re.compile(r"^\S+\.(?:com|org|net|info|ru|kz|fr|cn|gov|io|news|tv)\S*$", re.I)
NO_LETTERS = re.compile(r"^[\W\d_]*$")
CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True, slots=True)
class Cleaned:
    body: tuple[Segment, ...]
    title: Segment | None
    dropped: tuple[Segment, ...]


@cache
def boilerplate_patterns() -> tuple[re.Pattern, ...]:
    out: list[re.Pattern] = []
    for iso in available_languages():
        out.extend(load_language(iso).boilerplate)
    return tuple(out)


def _n_words(line: str) -> int:
    if CJK.search(line):
        return len(CJK.findall(line)) // 2
    return len(WORD_RE.findall(line))


def is_boilerplate(line: str) -> bool:
    stripped = line.strip()
    if not stripped or NO_LETTERS.match(stripped) or URLISH.match(stripped):
        return True
    if len(stripped) > 400:
        return False  # prose paragraphs are not furniture, whatever words they hold
    return any(p.search(stripped) for p in boilerplate_patterns())


def _is_prose(line: str) -> bool:
    return bool(SENTENCE_END.search(line)) or _n_words(line) >= 25


def clean(text: str) -> Cleaned:
    lines: list[Segment] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        content = raw.rstrip("\r\n")
        lead = len(content) - len(content.lstrip())
        if content.strip():
            lines.append(Segment(pos + lead, pos + len(content.rstrip())))
        pos += len(raw)
    furniture = [is_boilerplate(text[s.start:s.end]) for s in lines]
    first_prose = next((i for i, s in enumerate(lines)
                        if _is_prose(text[s.start:s.end]) and not furniture[i]), len(lines))
    body, dropped, title = [], [], None
    for i, seg in enumerate(lines):
        line = text[seg.start:seg.end]
        if furniture[i]:
            dropped.append(seg)
        elif i < first_prose:
            # Before the first paragraph of prose: the headline (the longest such line
            # of four words or more) and page furniture.
            if _n_words(line) >= 4 and (title is None or
                                         seg.end - seg.start > title.end - title.start):
                if title is not None:
                    dropped.append(title)
                title = seg
            else:
                dropped.append(seg)
        elif not _is_prose(line) and _n_words(line) <= 3:
            dropped.append(seg)  # stray labels between paragraphs ("Publicité", "Tendance")
        else:
            body.append(seg)
    return Cleaned(tuple(body), title, tuple(sorted(dropped, key=lambda s: s.start)))
