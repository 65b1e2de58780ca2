"""How often a word is part of a person's name, from a lexicon of names shipped in a
package: for Arabic script, the name units of `arabic-name-romanizer` (given names and
family names with their counts, from public name lists and Wikidata). It tells a name
after a role ("عمر الرزاز") from the words of the clause that follows the role
("أعلنت", "الوزارة"), which scripts without capitals cannot show."""

from __future__ import annotations

import sqlite3
from functools import cache
from importlib import resources


@cache
def _arabic_units() -> tuple[sqlite3.Connection, object]:
    from arabic_name_romanizer.normalize import lookup_key

    path = resources.files("arabic_name_romanizer") / "resources" / "names.sqlite3"
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    return con, lookup_key


@cache
def name_count(lexicon: str, word: str) -> int:
    """How many times `word` is recorded as part of a name (0 when never)."""
    if lexicon != "arabic-name-romanizer":
        raise ValueError(f"unknown name lexicon {lexicon!r}")
    con, key = _arabic_units()
    found = con.execute("SELECT sum(count) FROM units WHERE arabic_key = ?",
                        (key(word),)).fetchone()[0]
    return int(found or 0)
