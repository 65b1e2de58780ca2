"""Per-language name indexes: find countries, demonyms, organisations, capitals and known
people in a sentence, longest match first.

Word-separated scripts are matched on folded token n-grams (so "Etats-Unis",
"États Unis" and "ÉTATS-UNIS" are one key); where the language's profile lists clitics,
tokens are also tried without them (Arabic و، ف، ب، ل، ك، ال); Chinese is scanned
character by character.
Acronyms (UE, OCS, ШОС, US) are matched case-sensitively so that "us" is no country.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache

from babel import Locale
from babel.core import UnknownLocaleError

from ..lang import load_language
from ..lang.profile import Clitics
from ..textutil import CJK_RE, TOKEN_RE, fold
from . import EXTRA_STATES, KnowledgeBase, countries, country_codes

LOWER_CASE_KINDS = frozenset({"DEMONYM"})  # written without a capital in many languages
KIND_PRIORITY = {"PERSON": 0, "IGO": 1, "COUNTRY": 2, "DEMONYM": 3, "CAPITAL": 4, "SEAT": 5}
ACRONYM_RE = re.compile(r"^[A-ZА-ЯЁІЇЄҚҒҮҰҢӨҺӘ0-9+&.\- ]{2,12}$")
# The knowledge base shows every entity by its English name, whatever the text's language.
DISPLAY_LANGUAGE = "en"
_SEP_OK = re.compile(r"^[\s\-‐‑'’.·]*$")
# A clitic is taken off a word only when at least this many letters are left: shorter
# words are words of their own.
_MIN_STEM = 3


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str  # COUNTRY, DEMONYM, IGO, CAPITAL, SEAT, PERSON
    code: str  # ISO alpha-3, IGO code, or a person's entity id
    name: str  # canonical display name
    qid: str | None = None
    country: str | None = None  # a person's country
    lower: bool = False  # the form is written without capitals ("européens", "kazakh")


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    text: str
    entry: Entry
    # Other readings of the same words ("巴方": Brazil, Pakistan or Palestine), for the
    # document to decide between.
    alternatives: tuple[Entry, ...] = ()


def _key(text: str) -> str:
    return " ".join(m.group() for m in TOKEN_RE.finditer(fold(text)))


def _clitic_variants(token: str, clitics: Clitics) -> list[str]:
    """A folded token and the same token without its leading clitics: a conjunction,
    then a preposition, then the article (or a preposition fused with it)."""
    out = [token]
    t = token
    for letters in (clitics.conjunctions, clitics.prepositions):
        glued = next((c for c in letters if t.startswith(c)), None)
        if glued and len(t) - len(glued) >= _MIN_STEM:
            t = t[len(glued):]
            out.append(t)
    for v in list(out):
        out.extend(_without_article(v, clitics.article))
    for fused in clitics.fused_article:
        if t.startswith(fused) and len(t) - len(fused) >= _MIN_STEM:
            out.append(t[len(fused):])
    return out


def _without_article(key: str, article: str) -> list[str]:
    if article and key.startswith(article) and len(key) - len(article) >= _MIN_STEM:
        return [key[len(article):]]
    return []


def _skip_letters(surface: str, n: int) -> int:
    """Characters of `surface` that hold its first `n` base letters (marks included)."""
    if n <= 0:
        return 0
    seen = 0
    for i, ch in enumerate(surface):
        if not unicodedata.combining(ch) and ch not in "\u0640":
            seen += 1
            if seen > n:
                return i
    return len(surface)


class Gazetteer:
    def __init__(self, lang: str, clitics: Clitics | None = None,
                 endings: tuple[str, ...] = (), cased: bool = False):
        self.lang = lang
        self.clitics = clitics or Clitics()
        self.folded: dict[str, list[Entry]] = {}
        self.exact: dict[str, list[Entry]] = {}
        self.cjk: dict[str, list[Entry]] = {}
        self.max_tokens = 1
        self.max_cjk = 1
        self.endings = endings
        self.stems: dict[str, list[Entry]] = {}  # keys whose last word lost its ending
        # In a script with capitals, names are written with one: a match in lower case
        # only ("того", that, is not Того, Togo) can only be a demonym ("kazakh").
        self.cased = cased

    def add(self, form: str, entry: Entry) -> None:
        form = form.strip()
        if not form:
            return
        if CJK_RE.search(form):
            if len(form) < 2:
                return  # a single character would fire everywhere
            self.cjk.setdefault(form.lower(), []).append(entry)
            self.max_cjk = max(self.max_cjk, len(form))
            return
        if ACRONYM_RE.match(form) and not form.istitle():
            self.exact.setdefault(form, []).append(entry)
            return
        key = _key(form)
        if len(key) < 3 and entry.kind != "PERSON":
            return
        if not any(c.isupper() for c in form):
            entry = replace(entry, lower=True)
        for bare in _without_article(key, self.clitics.article):
            self.folded.setdefault(bare, []).append(entry)
        self.folded.setdefault(key, []).append(entry)
        if self.endings:
            self.stems.setdefault(self._stem(key), []).append(entry)
        self.max_tokens = max(self.max_tokens, key.count(" ") + 1)

    def _stem_word(self, word: str) -> str:
        if len(word) < 4:
            return word
        for e in self.endings:
            if word.endswith(e) and len(word) - len(e) >= 3:
                return word[:-len(e)]
        return word

    def _stem(self, key: str) -> str:
        """Every word of a key less its case ending ("белого дома" -> "бел дом")."""
        return " ".join(self._stem_word(w) for w in key.split(" "))

    def _inflected(self, key: str) -> list[Entry] | None:
        """Entries for a key whose words carry case endings ("в Астане", "Белого дома")."""
        if not self.endings:
            return None
        stem = self._stem(key)
        # "дел" (affairs) carries no ending, and a one-word stem this short ("дел" from
        # "дела") says too little: neither is "Дели" (Delhi).
        if stem == key or (" " not in stem and len(stem) < 4):
            return None
        return self.stems.get(stem)

    def find(self, text: str, offset: int = 0) -> list[Match]:
        """All non-overlapping matches in `text`, offsets shifted by `offset`."""
        found = self._find_tokens(text)
        if self.cjk and CJK_RE.search(text):
            found += self._find_cjk(text)
        found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        out, last_end = [], -1
        for start, end, entries in found:
            if start < last_end:
                continue
            if self.cased and not any(c.isupper() for c in text[start:end]):
                entries = [e for e in entries if e.lower or e.kind in LOWER_CASE_KINDS]
                if not entries:
                    continue
            entry = min(entries, key=lambda e: KIND_PRIORITY.get(e.kind, 9))
            others = tuple(e for e in entries if e.kind == entry.kind and e.code != entry.code)
            out.append(Match(start + offset, end + offset, text[start:end], entry, others))
            last_end = end
        return out

    def _find_tokens(self, text: str) -> list[tuple[int, int, list[Entry]]]:
        toks = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)
                if not CJK_RE.search(m.group())]
        folded = [fold(t) for _, _, t in toks]
        # joinable[k]: tokens k and k+1 may belong to one name (only spaces, hyphens,
        # apostrophes or dots between them).
        joinable = [_SEP_OK.match(text[toks[k][1]:toks[k + 1][0]]) is not None
                    for k in range(len(toks) - 1)]
        out = []
        i = 0
        while i < len(toks):
            hit = None
            firsts = (_clitic_variants(folded[i], self.clitics) if self.clitics.glued
                      else [folded[i]])
            for n in range(min(self.max_tokens, len(toks) - i), 0, -1):
                j = i + n - 1
                if n > 1 and not all(joinable[i:j]):
                    continue
                if n == 1 and toks[i][2] in self.exact:
                    hit = (toks[i][0], toks[i][1], self.exact[toks[i][2]])
                    break
                rest = " ".join(folded[i + 1:j + 1])
                for first in firsts:
                    key = f"{first} {rest}" if rest else first
                    entries = self.folded.get(key) or self._inflected(key)
                    if entries:
                        start = toks[i][0] + _skip_letters(toks[i][2],
                                                           len(folded[i]) - len(first))
                        hit = (start, toks[j][1], entries)
                        break
                if hit:
                    break
                exact = text[toks[i][0]:toks[j][1]]
                if n > 1 and exact in self.exact:
                    hit = (toks[i][0], toks[j][1], self.exact[exact])
                    break
            if hit:
                out.append(hit)
                while i < len(toks) and toks[i][0] < hit[1]:
                    i += 1
            else:
                i += 1
        return out

    def _find_cjk(self, text: str) -> list[tuple[int, int, list[Entry]]]:
        low = text.lower()
        out, i = [], 0
        while i < len(low):
            if not CJK_RE.match(low[i]):
                i += 1
                continue
            for n in range(min(self.max_cjk, len(low) - i), 1, -1):
                entries = self.cjk.get(low[i:i + n])
                if entries:
                    out.append((i, i + n, entries))
                    i += n
                    break
            else:
                i += 1
        return out


# Territories that act in diplomatic news besides the states of capitals.yaml. Other
# CLDR territories are left out: "Réunion" or "Jersey" are common words first.
EXTRA_ACTORS = frozenset({"HKG", "MAC"})


@cache
def _states() -> frozenset[str]:
    return frozenset(countries()) | frozenset(KnowledgeBase.default().capitals) | EXTRA_ACTORS


@cache
def _cldr_names(lang: str) -> dict[str, str]:
    try:
        territories = Locale.parse(lang).territories
    except (UnknownLocaleError, ValueError):
        return {}
    codes = country_codes()
    states = _states()
    return {codes[a2]: name for a2, name in territories.items()
            if a2 in codes and (codes[a2] in states or not states)}


def _lang_forms(block, lang: str) -> list[str]:
    if not isinstance(block, dict):
        return []
    forms = block.get(lang) or []
    return [forms] if isinstance(forms, str) else [str(f) for f in forms]


def gazetteer(lang: str, kb: KnowledgeBase | None = None) -> Gazetteer:
    """The index for one language: its own forms, those of the languages its profile
    also indexes (English), and known people."""
    kb = kb or KnowledgeBase.default()
    if lang not in kb.gazetteers:
        kb.gazetteers[lang] = _build(lang, kb)
    return kb.gazetteers[lang]


def _build(lang: str, kb: KnowledgeBase) -> Gazetteer:
    data = load_language(lang)
    g = Gazetteer(lang, data.profile.clitics, data.case_endings, data.profile.cased)
    langs = [lang, *data.profile.also_index]
    english = dict(_cldr_names(DISPLAY_LANGUAGE))
    for code, (_, name) in EXTRA_STATES.items():
        english.setdefault(code, name)
    known = countries()
    for code, (_, name) in known.items():
        english[code] = name
    for lg in langs:
        for code, name in _cldr_names(lg).items():
            g.add(name, Entry("COUNTRY", code, english.get(code, name),
                              qid=known.get(code, (None,))[0]))
        for code, form in load_language(lg).demonyms:
            kind = "COUNTRY" if form.startswith("=") else "DEMONYM"
            if code in kb.igos:
                kind = "IGO"
            qid = (kb.igos[code].get("qid") if kind == "IGO" and isinstance(kb.igos[code], dict)
                   else known.get(code, (None,))[0])
            g.add(form.lstrip("="), Entry(kind, code, english.get(code, code), qid=qid))
        for code, block in kb.igos.items():
            names = _lang_forms(block, lg)
            # An organisation's own bodies (European Council, UN Security Council) act
            # for it: events carry the parent's code, the body stays in the name.
            actor = block.get("parent", code) if isinstance(block, dict) else code
            for form in names:
                g.add(form, Entry("IGO", actor, (_lang_forms(block, DISPLAY_LANGUAGE) or [code])[0],
                                  qid=block.get("qid")))
        for code, block in kb.capitals.items():
            display = (_lang_forms(block, DISPLAY_LANGUAGE) or [code])[0]
            for form in _lang_forms(block, lg):
                g.add(form, Entry("CAPITAL", code, display, qid=block.get("qid")))
            seats = block.get("seats") or []
            for seat in seats if isinstance(seats, list) else [seats]:
                label = (_lang_forms(seat, DISPLAY_LANGUAGE) or [display])[0]
                for form in _lang_forms(seat, lg):
                    g.add(form, Entry("SEAT", code, label))
    for p in kb.persons:
        for alias in p.aliases:
            if len(alias) >= 4 or CJK_RE.search(alias):
                g.add(alias, Entry("PERSON", p.entity_id, p.name, p.qid, p.country))
    return g
