"""Find who and where a text names: countries, demonyms, organisations, capitals, roles
and people, and tie them together ("le ministre kazakh des Affaires étrangères, Moukhtar
Tleouberdi" is one actor: a person, a role, a country).

People come from the knowledge base's names, from a statistical NER model where the
language's profile names one, from honorifics ("M. Wang", "السيد خيرت
عمروف") and from role phrases followed by a name; later surname-only mentions
("Tleouberdi", "لُو") are linked to the full name given earlier in the document.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ..kb import name_lexicon
from ..kb.gazetteer import Gazetteer, Match
from ..lang import LanguageData
from ..lang.profile import Profile
from ..provenance import FoundBy, describe
from ..records import Mention, Sentence
from ..textutil import CJK_RE, TOKEN_RE, find_spans, fold, is_capitalised
from . import segment

# A country may stand this far after its role phrase ("ministre ... du Kazakhstan").
MAX_ROLE_COUNTRY_GAP = 25


@dataclass(slots=True)
class _Person:
    start: int
    end: int
    found_by: FoundBy
    kb: Match | None = None
    role: str | None = None
    country: str | None = None
    roles: list[str] = field(default_factory=list)
    cue: str | None = None  # the honorific that introduced the name
    full_name: str | None = None  # set when the name is a surname of another

    def as_surname_of(self, full: str) -> None:
        self.found_by, self.cue, self.full_name = FoundBy.SURNAME, None, full


@dataclass(slots=True)
class _Role:
    start: int
    end: int
    keys: list[str]
    country: str | None = None
    person: _Person | None = None


@dataclass(slots=True)
class _Rel:
    start: int
    end: int


@dataclass(slots=True)
class _Finds:
    """What one sentence names, before people are tied to roles and countries."""

    sent: Sentence
    entities: list[Match]
    roles: list[_Role]
    persons: list[_Person]


def _overlaps(a0: int, a1: int, spans) -> bool:
    return any(a0 < s.end and s.start < a1 for s in spans)


def _extend(persons: list[_Person], found) -> None:
    """Add each person found unless an earlier one already covers its words."""
    for p in found:
        if not _overlaps(p.start, p.end, persons):
            persons.append(p)


def _roles(sent: Sentence, ld: LanguageData) -> list[_Role]:
    found = []
    for key, pat in ld.roles:
        for m0, m1 in find_spans(pat, sent.text):
            if m1 > m0:
                found.append((sent.start + m0, sent.start + m1, key))
    found.sort(key=lambda r: (r[0], -(r[1] - r[0])))
    out: list[_Role] = []
    for start, end, key in found:
        if out and start < out[-1].end:
            continue
        out.append(_Role(start, end, [key]))
    return out


def _group_roles(text: str, roles: list[_Role], profile: Profile) -> list[_Role]:
    """ "Vice-Premier ministre et ministre des Affaires étrangères" is one role group."""
    out: list[_Role] = []
    for r in roles:
        if out and profile.role_joiners.match(text[out[-1].end:r.start]):
            out[-1] = _Role(out[-1].start, r.end, out[-1].keys + r.keys)
        else:
            out.append(r)
    return out


def _may_join_name(word: str, count: int, profile: Profile) -> bool:
    """In a cased script a name goes on with capitalised words and particles, but does
    not start with a particle."""
    if not profile.cased:
        return True
    particle = fold(word) in profile.name_particles
    return (is_capitalised(word) or particle) and not (particle and count == 0)


def _name_tokens(text: str, pos: int, limit: int, profile: Profile,
                 blocked) -> tuple[int, int] | None:
    """The span of a person's name starting at `pos` (after optional spaces/comma)."""
    cursor = re.compile(r"[\s,،:]*").match(text, pos).end()
    start = end = None
    count = 0
    for tok in TOKEN_RE.finditer(text, cursor):
        gap = text[(end if end is not None else cursor):tok.start()]
        if end is not None and not re.fullmatch(r"[\s\-‐]{0,2}", gap):
            break
        if end is None and gap.strip():
            break
        word = tok.group()
        if _overlaps(tok.start(), tok.end(), blocked) or CJK_RE.search(word) or word.isdigit():
            break
        if not _may_join_name(word, count, profile):
            break
        start = tok.start() if start is None else start
        end = tok.end()
        count += 1
        if count >= limit:
            break
    if start is None:
        return None
    return start, _without_trailing_particles(text, start, end, profile)


def _without_trailing_particles(text: str, start: int, end: int, profile: Profile) -> int:
    """A name does not end on a particle ("Le Drian" yes, "Blinken de" no)."""
    while True:
        last = list(TOKEN_RE.finditer(text[start:end]))
        if len(last) > 1 and fold(last[-1].group()) in profile.name_particles:
            end = start + last[-2].end()
            continue
        return end


@functools.lru_cache(maxsize=1024)
def _honorific_pattern(honorific: str, clitics: tuple[str, ...], article: str) -> re.Pattern:
    """A title standing alone, or (in scripts that glue them) after a clitic and with
    the article ("والسيد")."""
    esc = re.escape(honorific)
    if honorific.endswith("."):
        return re.compile(rf"(?<![\w.]){esc}(?=\s)")
    before = [r"(?<=\s)", r"(?<=^)", r"(?<=[(«\"'’])", *(f"(?<={re.escape(c)})" for c in clitics)]
    with_article = f"(?:{re.escape(article)})?" if article else ""
    return re.compile(f"(?:{'|'.join(before)}){with_article}{esc}" + r"(?=\s|$)")


def _honorific_persons(sent: Sentence, ld: LanguageData, blocked) -> list[_Person]:
    out = []
    profile = ld.profile
    clitics = profile.clitics
    for h in ld.honorifics_before:
        pat = _honorific_pattern(h, clitics.letters, clitics.article)
        for m in pat.finditer(sent.text):
            span = _name_tokens(sent.text, m.end(), profile.max_name_tokens, profile, blocked)
            if span:
                out.append(_Person(sent.start + span[0], sent.start + span[1],
                                   FoundBy.HONORIFIC, cue=h))
    return out


def find_mentions(text: str, sentences: tuple[Sentence, ...], ld: LanguageData, gaz: Gazetteer,
                  ner: dict[int, list[tuple[int, int]]] | None = None) -> tuple[Mention, ...]:
    """All mentions in the document's sentences, tied into actors."""
    found = _disambiguate({sent.index: gaz.find(sent.text, sent.start) for sent in sentences})
    per_sent = [_sentence_finds(text, sent, found[sent.index], ld,
                                (ner or {}).get(sent.index, []))
                for sent in sentences]
    _add_surnames(text, per_sent, ld.profile)
    out: list[Mention] = []
    for finds in per_sent:
        finds.roles = _group_roles(text, finds.roles, ld.profile)
        out.extend(_tie(text, finds, ld))
    return tuple(sorted(out, key=lambda m: m.start))


def _sentence_finds(text: str, sent: Sentence, matches: list[Match], ld: LanguageData,
                    model_spans: list[tuple[int, int]]) -> _Finds:
    """Entities, roles and people of one sentence; people found in several ways keep the
    first way (knowledge base, honorific, role phrase, model)."""
    entities = [m for m in matches if m.entry.kind != "PERSON"]
    roles = _roles(sent, ld)
    persons = [_Person(m.start, m.end, FoundBy.KB_NAME, kb=m)
               for m in matches if m.entry.kind == "PERSON"]
    blocked = [_Rel(x.start - sent.start, x.end - sent.start)
               for x in (*entities, *roles, *persons)]
    _extend(persons, _honorific_persons(sent, ld, blocked))
    _extend(persons, _names_after_roles(text, sent, entities, roles, ld, blocked))
    _extend(persons, _model_persons(text, model_spans, entities, roles))
    return _Finds(sent, entities, roles, persons)


def _names_after_roles(text: str, sent: Sentence, entities: list[Match], roles: list[_Role],
                       ld: LanguageData, blocked) -> list[_Person]:
    """The name right after each role phrase (and its country), read as the script
    allows: capitalised words, words up to a stop word, or a name's shape."""
    out = []
    profile = ld.profile
    for r in roles:
        after = _skip_attached(text, r.end, entities, ld)
        if profile.names_after_role == "capitalised":
            rel = _name_tokens(sent.text, after - sent.start, profile.max_role_name_tokens,
                               profile, blocked)
            span = (sent.start + rel[0], sent.start + rel[1]) if rel else None
        elif profile.names_after_role == "characters":
            span = _shaped_name_after(text, after, ld)
        else:
            span = _words_after_role(text, after, sent.end, ld, entities, roles)
            start = _name_start(text, span, profile) if span else None
            span = (start, span[1]) if start is not None else None
        if span:
            out.append(_Person(span[0], span[1], FoundBy.AFTER_ROLE))
    return out


def _name_start(text: str, span: tuple[int, int], profile: Profile) -> int | None:
    """Without capitals, a run of words after a role holds a name from its first word
    that names are made of (the profile's name lexicon): "السابق صدام حسين" is "صدام
    حسين"; a run with no such word ("أعلنت", "الوزارة") holds none. Without a lexicon,
    the whole run."""
    if not profile.name_lexicon:
        return span[0]
    for tok in TOKEN_RE.finditer(text, span[0], span[1]):
        if name_lexicon.name_count(profile.name_lexicon, tok.group()) >= profile.name_min_count:
            return tok.start()
    return None


def _model_persons(text: str, spans: list[tuple[int, int]], entities: list[Match],
                   roles: list[_Role]) -> list[_Person]:
    """The model's person spans, less the countries and roles on their edges; a span
    must hold a capitalised word."""
    out = []
    for s0, s1 in spans:
        s0, s1 = _trim(text, s0, s1, entities, roles)
        if s1 > s0 and any(is_capitalised(t.group()) for t in TOKEN_RE.finditer(text[s0:s1])):
            out.append(_Person(s0, s1, FoundBy.NER))
    return out


def _disambiguate(found: dict[int, list[Match]]) -> dict[int, list[Match]]:
    """An ambiguous name takes the reading the rest of the document names plainly."""
    plain: dict[str, int] = {}
    for matches in found.values():
        for m in matches:
            if not m.alternatives:
                plain[m.entry.code] = plain.get(m.entry.code, 0) + 1
    out = {}
    for i, matches in found.items():
        fixed = []
        for m in matches:
            if m.alternatives:
                best = max((m.entry, *m.alternatives), key=lambda e: plain.get(e.code, 0))
                if best is not m.entry and plain.get(best.code, 0) > plain.get(m.entry.code, 0):
                    m = Match(m.start, m.end, m.text, best, ())
            fixed.append(m)
        out[i] = fixed
    return out


def _skip_attached(text: str, pos: int, entities: list[Match], ld: LanguageData) -> int:
    """Past a country or demonym that belongs to the role phrase ending at `pos`."""
    for e in entities:
        gap = text[pos:e.start]
        if e.start >= pos and len(gap) <= MAX_ROLE_COUNTRY_GAP \
                and fold(gap.strip()) in ld.connector | {""}:
            return e.end
    return pos


def _words_after_role(text: str, pos: int, stop: int, ld: LanguageData, entities, roles):
    """Words after a role phrase in a script without capitals, until punctuation, a
    word that cannot be part of a name ("الرئيس المصري عبد الفتاح السيسي، أمس") or `stop`
    (the sentence's end)."""
    start = end = None
    count = 0
    profile = ld.profile
    for tok in TOKEN_RE.finditer(text, pos, stop):
        gap = text[(end if end is not None else pos):tok.start()]
        if gap.strip() or not _may_be_name_word(tok, count, ld, entities, roles):
            break
        start = tok.start() if start is None else start
        end = tok.end()
        count += 1
        if count == profile.max_role_name_tokens:
            break
    return (start, end) if start is not None else None


def _may_be_name_word(tok: re.Match, count: int, ld: LanguageData, entities, roles) -> bool:
    word = fold(tok.group())
    if word in ld.name_stop or word.isdigit() or _overlaps(tok.start(), tok.end(), entities) \
            or _overlaps(tok.start(), tok.end(), roles):
        return False
    # "عباس بوقف": past the first word, one glued to a preposition starts the rest of the
    # clause (but "بن" is a name's "son of").
    profile = ld.profile
    return not (count and word.startswith(profile.name_breaking_prefixes)
                and word not in profile.name_words)


def _shaped_name_after(text: str, pos: int, ld: LanguageData):
    """A name of the script's shape right after a role: "外长王毅会见" → 王毅;
    "外长爱德华多·雷纳"."""
    profile = ld.profile
    m = profile.name_shape.match(text, pos) if profile.name_shape else None
    if not m or (profile.not_a_name and profile.not_a_name.match(m.group())) \
            or m.group()[0] in ld.name_stop:
        return None
    if profile.segmenter:
        end = segment.name_end(profile.segmenter, text, pos, m.end(), profile.not_name_tags)
        return (pos, end) if end else None
    name = m.group()
    # A plain three-character run whose last character cannot end a name is a two-
    # character name followed by a verb ("王毅会").
    if name.isalpha() and len(name) == 3 and name[2] in ld.name_stop:
        return pos, pos + 2
    return m.start(), m.end()


def _trim(text: str, s0: int, s1: int, entities: list[Match], roles: list[_Role]):
    """Cut country names and role words off the edges of a model's person span."""
    for span in sorted([*((e.start, e.end) for e in entities), *((r.start, r.end) for r in roles)]):
        if span[0] <= s0 < span[1]:
            s0 = span[1]
        if span[0] < s1 <= span[1]:
            s1 = span[0]
    while s0 < s1 and not text[s0].isalnum():
        s0 += 1
    while s1 > s0 and not text[s1 - 1].isalnum():
        s1 -= 1
    return s0, s1


@dataclass(slots=True)
class _NameParts:
    """Parts of the full names met in a document, each pointing at its full name."""

    parts: dict[str, str] = field(default_factory=dict)  # folded, three letters or more
    short: dict[str, str] = field(default_factory=dict)  # two letters ("Xi"): after a title
    exact: dict[str, str] = field(default_factory=dict)  # short marked Arabic names, as written

    def full_name(self, word: str, after_title: bool = False) -> str | None:
        return self.parts.get(fold(word)) or self.exact.get(word) or (
            self.short.get(fold(word)) if after_title else None)


def _name_parts(text: str, per_sent: list[_Finds], profile: Profile) -> _NameParts:
    found = _NameParts()
    for finds in per_sent:
        for p in finds.persons:
            full = text[p.start:p.end]
            toks = [t.group() for t in TOKEN_RE.finditer(full)]
            if len(toks) < 2:
                continue
            for t in toks:
                f = fold(t)
                if f in profile.name_particles:
                    continue
                if len(f) >= 3:
                    found.parts.setdefault(f, full)
                elif len(f) == 2 and t[:1].isupper():
                    found.short.setdefault(f, full)
                elif len(t) > len(f):  # short Arabic names are told apart by their marks
                    found.exact.setdefault(t, full)
    return found


def _add_surnames(text: str, per_sent: list[_Finds], profile: Profile) -> None:
    """Link "Tleouberdi", "M. Wang" or "لُو" to the full name met elsewhere in the text."""
    names = _name_parts(text, per_sent, profile)
    if not names.parts and not names.exact:
        return
    for finds in per_sent:  # "M. Wang" found by its honorific is Wang Yi too
        for p in finds.persons:
            toks = [t.group() for t in TOKEN_RE.finditer(text[p.start:p.end])]
            if p.kb is None and len(toks) == 1:
                full = names.full_name(toks[0], after_title=p.found_by == FoundBy.HONORIFIC)
                if full:
                    p.as_surname_of(full)
    for finds in per_sent:
        finds.persons.extend(_bare_surnames(finds, names, profile))
        finds.persons.sort(key=lambda p: p.start)


def _bare_surnames(finds: _Finds, names: _NameParts, profile: Profile) -> list[_Person]:
    """Words of the sentence, outside every mention, that are part of a full name."""
    out = []
    sent = finds.sent
    for tok in TOKEN_RE.finditer(sent.text):
        s0, s1 = sent.start + tok.start(), sent.start + tok.end()
        word = tok.group()
        if _overlaps(s0, s1, finds.persons) or _overlaps(s0, s1, finds.entities):
            continue
        if profile.cased and not is_capitalised(word):
            continue
        full = names.full_name(word)
        if full:
            out.append(_Person(s0, s1, FoundBy.SURNAME, full_name=full))
    return out


def _attach_country(text: str, r: _Role, entities: list[Match], ld: LanguageData):
    """The country of a role phrase: inside it, right after it, or right before it
    ("China's", "日本驻华大使"). Returns (entity or None, entity right after or None)."""
    inside = [e for e in entities if r.start <= e.start and e.end <= r.end]
    after = [e for e in entities if e.start >= r.end
             and len(text[r.end:e.start]) <= MAX_ROLE_COUNTRY_GAP
             and fold(text[r.end:e.start].strip(" ,")) in ld.connector | {""}
             and "," not in text[r.end:e.start]]
    before = [e for e in entities if e.end <= r.start
              and (re.fullmatch(r"(?:['’]s)?\s*", text[e.end:r.start]) or
                   (ld.role_gap is not None and ld.role_gap.fullmatch(text[e.end:r.start])))
              and e.entry.kind in ("COUNTRY", "DEMONYM", "IGO")]
    pick = inside or after[:1] or before[-1:]
    return (pick[0] if pick else None), (after[0] if after else None)


def _attach_person(text: str, r: _Role, tail: int, persons: list[_Person]) -> None:
    """The first person right after the role phrase (and its country), or right before
    it with a comma between, holds the role."""
    for p in persons:
        gap_after = text[tail:p.start] if p.start >= tail else None
        gap_before = text[p.end:r.start] if p.end <= r.start else None
        if (gap_after is not None and re.fullmatch(r"[\s,،:]{0,3}", gap_after)) or \
           (gap_before is not None and re.fullmatch(r"\s*[,،]\s*", gap_before)):
            if p.role is None:
                p.role = _main_role(r.keys)
                p.roles = r.keys
                p.country = r.country
                r.person = p
            break


def _tie(text: str, finds: _Finds, ld: LanguageData) -> list[Mention]:
    attached_entities: set[int] = set()
    for r in finds.roles:
        country, after = _attach_country(text, r, finds.entities, ld)
        if country is not None:
            r.country = country.entry.code
            attached_entities.add(id(country))
        tail = max(r.end, after.end) if after is not None else r.end
        _attach_person(text, r, tail, finds.persons)
    return [*(_person_mention(text, finds.sent, p) for p in finds.persons),
            *(_role_mention(text, finds.sent, r) for r in finds.roles),
            *(_entity_mention(text, finds.sent, e, id(e) not in attached_entities, ld)
              for e in finds.entities)]


def _person_mention(text: str, sent: Sentence, p: _Person) -> Mention:
    kb = p.kb.entry if p.kb else None
    return Mention(start=p.start, end=p.end, text=text[p.start:p.end], kind="PERSON",
                   sentence=sent.index, country=p.country or (kb.country if kb else None),
                   role=p.role, entity_id=kb.code if kb else None,
                   name=kb.name if kb else None, qid=kb.qid if kb else None,
                   reason=describe(p.found_by, p.cue, p.full_name), found_by=p.found_by,
                   cue=p.cue, full_name=p.full_name)


def _role_mention(text: str, sent: Sentence, r: _Role) -> Mention:
    return Mention(start=r.start, end=r.end, text=text[r.start:r.end], kind="ROLE",
                   sentence=sent.index, country=r.country, role=_main_role(r.keys),
                   head=r.person is None, reason=describe(FoundBy.ROLE_PHRASE),
                   found_by=FoundBy.ROLE_PHRASE)


def _entity_mention(text: str, sent: Sentence, e: Match, head: bool,
                    ld: LanguageData) -> Mention:
    location = _after_locative(text, sent.start, e.start, ld) or \
        _after_locative_clitic(text, sent.start, e.start, ld.profile)
    kind = "COUNTRY" if e.entry.kind in ("COUNTRY", "DEMONYM") else e.entry.kind
    cue = e.entry.kind.lower()
    return Mention(start=e.start, end=e.end, text=e.text, kind=kind, sentence=sent.index,
                   country=e.entry.code, name=e.entry.name, qid=e.entry.qid,
                   entity_id=e.entry.code, head=head,
                   location=location and kind in ("COUNTRY", "CAPITAL", "SEAT"),
                   reason=describe(FoundBy.GAZETTEER, cue), found_by=FoundBy.GAZETTEER, cue=cue)


def _after_locative(text: str, floor: int, start: int, ld: LanguageData) -> bool:
    """True when the word right before `start` is a locative ("à", "in", "في", "в")."""
    window = text[max(floor, start - 16):start]
    words = list(TOKEN_RE.finditer(window))
    if not words:
        return False
    last = words[-1]
    between = window[last.end():]
    return fold(last.group()) in ld.locative and re.fullmatch(r"[\s'’]*", between) is not None


def _after_locative_clitic(text: str, floor: int, start: int, profile: Profile) -> bool:
    """True when a locative preposition is glued to the place name ("بموسكو")."""
    return any(start - len(c) >= floor and text[start - len(c):start] == c
               for c in profile.locative_clitics)


ROLE_PRIORITY = ("head_of_state", "head_of_government", "foreign_minister", "secretary_of_state",
                 "secretary_general", "commission_president", "council_president",
                 "high_representative", "first_deputy_foreign_minister",
                 "deputy_foreign_minister", "assistant_secretary_of_state", "state_councilor",
                 "defence_minister")


def _main_role(keys: list[str]) -> str:
    for k in ROLE_PRIORITY:
        if k in keys:
            return k
    return next((k for k in keys if k != "deputy_prime_minister"), keys[0])
