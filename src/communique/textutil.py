"""Folding and tokenising text for matching, with offsets kept into the original."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator

from .folds import letter_folds

# Letters and digits plus combining marks (Arabic harakat, Latin accents in NFD form)
# and the Arabic tatweel, so that "لُو" or "Tokaïev" stay one token.
TOKEN_RE = re.compile(r"[^\W_][\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u0640\u200c]*")
CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def fold(text: str) -> str:
    """Case-, accent- and script-variant-insensitive form used as a lookup key."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.translate(letter_folds()).replace("’", "'").replace("ʼ", "'")
    return " ".join(text.casefold().split())


def tokens(text: str, offset: int = 0) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, surface) of word tokens, offsets shifted by `offset`."""
    for m in TOKEN_RE.finditer(text):
        yield m.start() + offset, m.end() + offset, m.group()


def is_cjk(text: str) -> bool:
    return bool(CJK_RE.search(text))


def is_capitalised(token: str) -> bool:
    """True for a token whose first letter is upper case (Latin, Cyrillic, Greek)."""
    return token[:1].isupper()


# Arabic-script marks that writers add or leave out at will: harakat, shadda, sukun,
# superscript alef, tatweel. Patterns are written without them.
_OPTIONAL_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


@functools.lru_cache(maxsize=4096)
def _unmarked(text: str) -> tuple[str, tuple[int, ...]]:
    keep = [i for i, ch in enumerate(text) if not _OPTIONAL_MARKS.match(ch)]
    return "".join(text[i] for i in keep), tuple(keep) + (len(text),)


@functools.lru_cache(maxsize=4096)
def _has_marks(text: str) -> bool:
    return _OPTIONAL_MARKS.search(text) is not None


def find_spans(pattern: re.Pattern, text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each match in `text`, ignoring optional Arabic marks."""
    if not _has_marks(text):
        for m in pattern.finditer(text):
            yield m.start(), m.end()
        return
    bare, index = _unmarked(text)
    for m in pattern.finditer(bare):
        end = index[m.end() - 1] + 1 if m.end() > m.start() else index[m.start()]
        yield index[m.start()], end


def has_match(pattern: re.Pattern | None, text: str) -> bool:
    return pattern is not None and next(find_spans(pattern, text), None) is not None
