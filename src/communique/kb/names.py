"""Name keys that survive transliteration between scripts and spelling conventions.

"Mukhtar Tileuberdi", "Moukhtar Tleouberdi", "Мухтар Тлеуберди" and "مختار تلاوبردي"
differ in vowels, in digraphs chosen by each language's press (ou/u, kh/h, v/f) and in
script. A key keeps the consonant skeleton of each name part after transliterating to
Latin, with those digraphs folded, so all of them share one key.
"""

from __future__ import annotations

import re

from anyascii import anyascii

from ..lang import key_particles
from ..textutil import fold

# Ordered: longer digraphs first. Each maps a spelling convention to one letter.
_DIGRAPHS = (
    ("shch", "s"), ("sch", "s"), ("tch", "c"), ("zh", "j"), ("kh", "k"), ("gh", "g"),
    ("ch", "c"), ("sh", "s"), ("ph", "f"), ("th", "t"), ("dj", "j"), ("dzh", "j"),
    ("ts", "c"), ("tz", "c"), ("ck", "k"), ("qu", "k"), ("ou", "u"),
    ("ce", "se"), ("ci", "si"),  # soft c in Romance spellings: Inácio / Инасиу
)
_LETTERS = str.maketrans({"q": "k", "c": "k", "v": "f", "w": "", "y": "", "x": "ks",
                          "z": "s", "'": "", "`": ""})
_VOWELS = re.compile(r"[aeiouh]")


def latin(text: str) -> str:
    """Fold and transliterate to lower-case ASCII."""
    return anyascii(fold(text)).lower()


def part_key(part: str) -> str:
    """Consonant skeleton of one name part ("Tleouberdi" -> "tlbrd")."""
    p = re.sub(r"[^a-z]", "", part)
    for a, b in _DIGRAPHS:
        p = p.replace(a, b)
    p = p.translate(_LETTERS)
    if not p:
        return ""
    head, rest = p[0], _VOWELS.sub("", p[1:])
    skeleton = (head if head not in "aeiouh" else "") + rest
    return re.sub(r"(.)\1+", r"\1", skeleton)


def name_parts(name: str) -> list[str]:
    parts = [p for p in re.split(r"[\s\-·‧・.]+", latin(name)) if p]
    particles = key_particles()
    return [p for p in parts if p not in particles] or parts


def _short_form(part: str) -> str:
    """Short parts ("Lu", "Yi", "Wang") carry too few consonants for a skeleton."""
    p = part
    for a, b in _DIGRAPHS:
        p = p.replace(a, b)
    return p.replace("w", "u").replace("y", "i")


def name_key(name: str) -> str:
    """Key for a full name: skeletons of its parts in order ("mktr tlbrd")."""
    keys = []
    for p in name_parts(name):
        k = part_key(p)
        keys.append(k if len(k) >= 3 else _short_form(p))
    return " ".join(k for k in keys if k)


def surname_keys(name: str) -> set[str]:
    """Skeletons of each part, for matching "M. Wang" or "Tleouberdi" to a full name."""
    out = set()
    for p in name_parts(name):
        k = part_key(p)
        out.add(k if len(k) >= 3 else _short_form(p))
    return {k for k in out if len(k) >= 2}
