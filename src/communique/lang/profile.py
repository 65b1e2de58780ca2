"""A language's profile: what the shared code needs to know about a language instead of
comparing its code: its script and whether that script has letter case, the clitics
attached to words, how a name is read, which NER backend parses it, which other
languages' names the gazetteer indexes for it.

`lang/scripts.yaml` holds the facts a script's languages share (Arabic clitics, the shape
of a Chinese name); `lang/<iso>/profile.yaml` names its script and may override any of
them. Both are checked here, so a typo is a `DataFileError` naming file and key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..datafiles import read_yaml
from ..errors import DataFileError
from ..textutil import fold

NAMES_AFTER_ROLE = ("capitalised", "words", "characters")
NER_BACKENDS = ("natasha", "spacy")
DEFAULT_MAX_NAME_TOKENS = 5
# Punctuation that joins two role phrases of one person in any language
# ("Vice-Premier ministre / ministre des Affaires étrangères").
ROLE_JOINING_MARKS = ("-", "–", "—", ",", "/")

# Keys a script gives its languages (a profile may override them); keys that hold for
# all text whatever its language (letter folding, name keys); keys only a profile has.
INHERITED_KEYS = frozenset({"cased", "name_particles", "names_after_role", "clitics",
                            "name_breaking_prefixes", "name_words", "name_shape", "not_a_name",
                            "max_role_name_tokens", "segmenter", "not_name_tags",
                            "name_lexicon", "name_min_count"})
SCRIPT_KEYS = INHERITED_KEYS | {"fold", "key_particles"}
PROFILE_KEYS = INHERITED_KEYS | {"script", "role_joiners", "abbreviations", "verb_first",
                                 "max_name_tokens", "locative_clitics", "ner", "also_index"}
SEGMENTERS = ("jieba",)
NAME_LEXICONS = ("arabic-name-romanizer",)
CLITIC_KEYS = frozenset({"conjunctions", "prepositions", "article", "fused_article"})


@dataclass(frozen=True, slots=True)
class Clitics:
    """Letters written attached to the next word (Arabic و، ف، ب، ل، ك، ال)."""

    conjunctions: tuple[str, ...] = ()
    prepositions: tuple[str, ...] = ()
    article: str = ""
    fused_article: tuple[str, ...] = ()  # a preposition fused with the article ("لل")

    @property
    def glued(self) -> bool:
        """Whether any word may carry clitics to try it without."""
        return bool(self.conjunctions or self.prepositions or self.article
                    or self.fused_article)

    @property
    def letters(self) -> tuple[str, ...]:
        """Conjunctions and prepositions: what may stand glued before a word."""
        return self.conjunctions + self.prepositions


@dataclass(frozen=True, slots=True)
class Profile:
    script: str
    cased: bool  # capitals mark names
    names_after_role: str  # capitalised | words | characters
    clitics: Clitics = Clitics()
    name_particles: frozenset[str] = frozenset()  # lower-case words inside names
    role_joiners: re.Pattern | None = None  # the whole gap between two role phrases
    abbreviations: re.Pattern | None = None  # at a piece's end: the sentence goes on
    verb_first: bool = False  # verb–subject order
    max_name_tokens: int = DEFAULT_MAX_NAME_TOKENS  # a name after an honorific
    max_role_name_tokens: int = DEFAULT_MAX_NAME_TOKENS  # a name after a role phrase
    locative_clitics: tuple[str, ...] = ()  # attached to a place: the place is a location
    name_breaking_prefixes: tuple[str, ...] = ()  # a word starting so ends a name
    name_words: frozenset[str] = frozenset()  # ... unless it is one of these
    name_shape: re.Pattern | None = None  # names in scripts without spaces
    not_a_name: re.Pattern | None = None  # words of a name's shape that are not names
    segmenter: str = ""  # "" or jieba: word boundaries for scripts without spaces
    not_name_tags: tuple[str, ...] = ()  # the segmenter's tags no name starts with
    name_lexicon: str = ""  # "" or arabic-name-romanizer: how often a word is in names
    name_min_count: int = 1  # ... and how often it must be for a name to start with it
    ner: str = ""  # "", natasha or spacy
    ner_package: str = ""  # the spaCy package
    also_index: tuple[str, ...] = ()  # languages whose names the gazetteer adds


def read_scripts(path: Path) -> dict[str, dict]:
    """The script table, each entry checked."""
    data = read_yaml(path, {})
    if not isinstance(data, dict):
        raise DataFileError(f"{path}: expected a mapping of script names")
    for name, block in data.items():
        if not isinstance(block, dict):
            raise DataFileError(f"{path}: {name}: expected a mapping")
        _check_keys(block, SCRIPT_KEYS, f"{path}: {name}")
    return data


def load_profile(path: Path, scripts: dict[str, dict], languages: tuple[str, ...]) -> Profile:
    """The profile in `path`, completed from its script's entry in `scripts`."""
    own = read_yaml(path, None)
    if not isinstance(own, dict):
        raise DataFileError(f"{path}: missing or not a mapping (needs at least 'script')")
    _check_keys(own, PROFILE_KEYS, str(path))
    script = own.get("script")
    if script is None:
        raise DataFileError(f"{path}: needs 'script' (one of {', '.join(scripts)})")
    if script not in scripts:
        raise DataFileError(f"{path}: script {script!r} is not one of {', '.join(scripts)} "
                            "(lang/scripts.yaml)")
    merged = {**{k: v for k, v in scripts[script].items() if k in INHERITED_KEYS}, **own}
    reader = _Reader(merged, str(path))
    backend, package = _ner(merged.get("ner"), str(path))
    return Profile(
        script=script, cased=reader.flag("cased"),
        names_after_role=reader.choice("names_after_role", NAMES_AFTER_ROLE),
        clitics=_clitics(merged.get("clitics"), str(path)),
        name_particles=frozenset(fold(w) for w in reader.words("name_particles")),
        role_joiners=_role_joiners(reader.words("role_joiners")),
        abbreviations=_abbreviations(reader.words("abbreviations")),
        verb_first=reader.flag("verb_first"),
        max_name_tokens=reader.count("max_name_tokens"),
        max_role_name_tokens=reader.count("max_role_name_tokens"),
        locative_clitics=reader.words("locative_clitics"),
        name_breaking_prefixes=reader.words("name_breaking_prefixes"),
        name_words=frozenset(reader.words("name_words")),
        name_shape=reader.pattern("name_shape"), not_a_name=reader.pattern("not_a_name"),
        segmenter=reader.choice("segmenter", SEGMENTERS, ""),
        not_name_tags=reader.words("not_name_tags"),
        name_lexicon=reader.choice("name_lexicon", NAME_LEXICONS, ""),
        name_min_count=reader.count("name_min_count", 1),
        ner=backend, ner_package=package,
        also_index=_also_index(reader.words("also_index"), languages, str(path)))


def _check_keys(block: dict, allowed: frozenset[str], where: str) -> None:
    unknown = sorted(set(block) - allowed)
    if unknown:
        raise DataFileError(f"{where}: unknown key {unknown[0]!r} "
                            f"(known: {', '.join(sorted(allowed))})")


class _Reader:
    """Typed reads of one merged profile mapping, each failing with file and key."""

    def __init__(self, data: dict, where: str):
        self.data, self.where = data, where

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            raise DataFileError(f"{self.where}: {key}: expected true or false, got {value!r}")
        return value

    def count(self, key: str, default: int = DEFAULT_MAX_NAME_TOKENS) -> int:
        value = self.data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise DataFileError(f"{self.where}: {key}: expected a positive whole number, "
                                f"got {value!r}")
        return value

    def words(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key) or []
        if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
            raise DataFileError(f"{self.where}: {key}: expected a list of words")
        return tuple(value)

    def choice(self, key: str, allowed: tuple[str, ...], default: str | None = None) -> str:
        """One of `allowed`; `default` when the key is absent and a default is given."""
        if default is not None and key not in self.data:
            return default
        value = self.data.get(key)
        if value not in allowed:
            raise DataFileError(f"{self.where}: {key}: expected one of {', '.join(allowed)}, "
                                f"got {value!r}")
        return value

    def pattern(self, key: str) -> re.Pattern | None:
        value = self.data.get(key)
        if value is None:
            return None
        try:
            return re.compile(str(value))
        except re.error as exc:
            raise DataFileError(f"{self.where}: {key}: bad pattern {value!r}: {exc}") from exc


def _clitics(block, where: str) -> Clitics:
    if block is None:
        return Clitics()
    if not isinstance(block, dict):
        raise DataFileError(f"{where}: clitics: expected a mapping")
    _check_keys(block, CLITIC_KEYS, f"{where}: clitics")
    reader = _Reader(block, f"{where}: clitics")
    article = block.get("article") or ""
    if not isinstance(article, str):
        raise DataFileError(f"{where}: clitics: article: expected text")
    return Clitics(conjunctions=reader.words("conjunctions"),
                   prepositions=reader.words("prepositions"), article=article,
                   fused_article=reader.words("fused_article"))


def _spaced(phrase: str) -> str:
    """A phrase as a pattern whose spaces match any run of white space."""
    return r"\s+".join(re.escape(w) for w in phrase.split())


def _role_joiners(words: tuple[str, ...]) -> re.Pattern:
    marks = "".join(re.escape(m) for m in ROLE_JOINING_MARKS)
    alternatives = "|".join([f"[{marks}]", *(_spaced(w) for w in words)])
    return re.compile(rf"^\s*(?:{alternatives})?\s*$", re.IGNORECASE)


def _abbreviations(words: tuple[str, ...]) -> re.Pattern | None:
    if not words:
        return None
    # Written with or without the space inside ("EE. UU.", "EE.UU.").
    alternatives = "|".join(r"\s?".join(re.escape(w) for w in a.split()) for a in words)
    return re.compile(rf"(?:^|[\s(«\"])(?:{alternatives})\s*$")


def _ner(value, where: str) -> tuple[str, str]:
    if value in (None, "none"):
        return "", ""
    backend, _, package = str(value).partition(":")
    if backend not in NER_BACKENDS or (backend == "spacy") != bool(package):
        raise DataFileError(f"{where}: ner: expected none, natasha or spacy:<package>, "
                            f"got {value!r}")
    return backend, package


def _also_index(codes: tuple[str, ...], languages: tuple[str, ...], where: str):
    for code in codes:
        if code not in languages:
            raise DataFileError(f"{where}: also_index: no language folder {code!r}")
    return codes
