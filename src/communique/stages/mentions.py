"""Find who and where a text names: countries, demonyms, organisations, capitals, roles
and people, and tie them together ("le ministre kazakh des Affaires étrangères, Moukhtar
Tleouberdi" is one actor: a person, a role, a country).

People come from the knowledge base's names, from a statistical NER model where an
official packaged one exists (French), from honorifics ("M. Wang", "السيد خيرت
عمروف") and from role phrases followed by a name; later surname-only mentions
("Tleouberdi", "لُو") are linked to the full name given earlier in the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..kb.gazetteer import Gazetteer, Match
from ..lang import LanguageData
from ..records import Mention, Sentence
from ..textutil import CJK_RE, TOKEN_RE, find_spans, fold, is_capitalised

NAME_PARTICLES = frozenset({"le", "la", "de", "du", "van", "von", "der", "da", "al", "el", "bin",
                            "ibn", "ben", "abu", "di", "dos", "das", "del"})
NO_CASE_SCRIPTS = ("ar", "fa", "zh")
ROLE_JOINERS = re.compile(r"^\s*(?:[-–—,،、/]|et|and|y|und|ve|и|і|та|және|و|и\s+о\.)?\s*$", re.I)
MAX_ARABIC_NAME_TOKENS = 3
MAX_NAME_TOKENS = 5


@dataclass(slots=True)
class _Person:
    start: int
    end: int
    reason: str
    kb: Match | None = None
    role: str | None = None
    country: str | None = None
    roles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Role:
    start: int
    end: int
    keys: list[str]
    country: str | None = None
    person: _Person | None = None


def _overlaps(a0: int, a1: int, spans) -> bool:
    return any(a0 < s.end and s.start < a1 for s in spans)


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


def _group_roles(text: str, roles: list[_Role]) -> list[_Role]:
    """ "Vice-Premier ministre et ministre des Affaires étrangères" is one role group."""
    out: list[_Role] = []
    for r in roles:
        if out and ROLE_JOINERS.match(text[out[-1].end:r.start]):
            out[-1] = _Role(out[-1].start, r.end, out[-1].keys + r.keys)
        else:
            out.append(r)
    return out


def _name_tokens(text: str, pos: int, limit: int, lang: str, blocked) -> tuple[int, int] | None:
    """The span of a person's name starting at `pos` (after optional spaces/comma)."""
    m = re.compile(r"[\s,،:]*").match(text, pos)
    cursor = m.end()
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
        if lang not in NO_CASE_SCRIPTS:
            if not is_capitalised(word) and fold(word) not in NAME_PARTICLES:
                break
            if fold(word) in NAME_PARTICLES and count == 0:
                break
        start = tok.start() if start is None else start
        end = tok.end()
        count += 1
        if count >= limit:
            break
    if start is None:
        return None
    # A name does not end on a particle ("Le Drian" yes, "Blinken de" no).
    while True:
        last = list(TOKEN_RE.finditer(text[start:end]))
        if len(last) > 1 and fold(last[-1].group()) in NAME_PARTICLES:
            end = start + last[-2].end()
            continue
        break
    return start, end


def _honorific_persons(sent: Sentence, ld: LanguageData, blocked) -> list[_Person]:
    out = []
    limit = MAX_ARABIC_NAME_TOKENS if ld.iso in ("ar", "fa") else MAX_NAME_TOKENS
    for h in ld.honorifics_before:
        esc = re.escape(h)
        pat = re.compile(rf"(?:(?<=\s)|(?<=^)|(?<=[(«\"'’])|(?<=[وفبل]))(?:ال)?{esc}(?=\s|$)"
                         if not h.endswith(".") else rf"(?<![\w.]){esc}(?=\s)")
        for m in pat.finditer(sent.text):
            span = _name_tokens(sent.text, m.end(), limit, ld.iso, blocked)
            if span:
                out.append(_Person(sent.start + span[0], sent.start + span[1], f"honorific {h}"))
    return out


def find_mentions(text: str, sentences: tuple[Sentence, ...], ld: LanguageData, gaz: Gazetteer,
                  ner: dict[int, list[tuple[int, int]]] | None = None) -> tuple[Mention, ...]:
    """All mentions in the document's sentences, tied into actors."""
    found = {sent.index: gaz.find(sent.text, sent.start) for sent in sentences}
    found = _disambiguate(found)
    per_sent = []
    for sent in sentences:
        matches = found[sent.index]
        entities = [m for m in matches if m.entry.kind != "PERSON"]
        roles = _roles(sent, ld)
        persons = [_Person(m.start, m.end, "knowledge-base name", kb=m)
                   for m in matches if m.entry.kind == "PERSON"]
        rel_blocked = [_Rel(m.start - sent.start, m.end - sent.start) for m in entities] + \
                      [_Rel(r.start - sent.start, r.end - sent.start) for r in roles] + \
                      [_Rel(p.start - sent.start, p.end - sent.start) for p in persons]
        for p in _honorific_persons(sent, ld, rel_blocked):
            if not _overlaps(p.start, p.end, persons):
                persons.append(p)
        if ld.iso in ("ar", "fa", "zh"):
            for r in roles:
                after = _skip_attached(text, r.end, entities, ld)
                span = (_cjk_name_after(text, after, ld) if ld.iso == "zh" else
                        _arabic_name_after(text, after, sent.end, ld, entities, roles))
                if span and not _overlaps(span[0], span[1], persons):
                    persons.append(_Person(span[0], span[1], "name after role"))
        if ld.iso not in NO_CASE_SCRIPTS:
            for r in roles:
                after = r.end
                for e in entities:  # "ministre ... du Kazakhstan Mukhtar Tleuberdi"
                    gap = text[after:e.start]
                    if e.start >= after and fold(gap.strip()) in ld.connector | {""} \
                            and len(gap) <= 25:
                        after = e.end
                        break
                span = _name_tokens(sent.text, after - sent.start, MAX_NAME_TOKENS, ld.iso,
                                    rel_blocked)
                if span:
                    s0, s1 = sent.start + span[0], sent.start + span[1]
                    if not _overlaps(s0, s1, persons):
                        persons.append(_Person(s0, s1, "name after role"))
        for s0, s1 in (ner or {}).get(sent.index, []):
            s0, s1 = _trim(text, s0, s1, entities, roles)
            if s1 > s0 and not _overlaps(s0, s1, persons) and any(
                    is_capitalised(t.group()) for t in TOKEN_RE.finditer(text[s0:s1])):
                persons.append(_Person(s0, s1, "named-entity model"))
        per_sent.append((sent, entities, roles, persons))

    _add_surnames(text, per_sent, ld)

    out: list[Mention] = []
    for sent, entities, roles, persons in per_sent:
        out.extend(_tie(text, sent, entities, _group_roles(text, roles), persons, ld))
    return tuple(sorted(out, key=lambda m: m.start))


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
        if e.start >= pos and len(gap) <= 25 and fold(gap.strip()) in ld.connector | {""}:
            return e.end
    return pos


def _arabic_name_after(text: str, pos: int, limit: int, ld: LanguageData, entities, roles):
    """Up to four words after a role phrase, until punctuation or a word that cannot be
    part of a name ("الرئيس المصري عبد الفتاح السيسي، أمس")."""
    start = end = None
    count = 0
    for tok in TOKEN_RE.finditer(text, pos, limit):
        gap = text[(end if end is not None else pos):tok.start()]
        if gap.strip():
            break
        word = fold(tok.group())
        if word in ld.name_stop or _overlaps(tok.start(), tok.end(), entities) or \
                _overlaps(tok.start(), tok.end(), roles) or word.isdigit():
            break
        if count and word[:1] == "ب" and word != "بن":
            break  # "عباس بوقف": a word with the preposition ب starts the rest of the clause
        start = tok.start() if start is None else start
        end = tok.end()
        count += 1
        if count == 4:
            break
    return (start, end) if start is not None else None


CJK_NAME = re.compile(r"[\u4e00-\u9fff]{1,6}(?:[·・][\u4e00-\u9fff]{1,6})+|[\u4e00-\u9fff]{2,3}")


CJK_NOT_NAME = re.compile(
    r"周[一二三四五六日天末]|星期|[今昨明前]天|近日|日前|当地|[本上下]周|此前|随后")


def _cjk_name_after(text: str, pos: int, ld: LanguageData):
    """A Chinese name right after a role: "外长王毅会见" → 王毅; "外长爱德华多·雷纳"."""
    m = CJK_NAME.match(text, pos)
    if not m or CJK_NOT_NAME.match(m.group()) or m.group()[0] in ld.name_stop:
        return None
    name = m.group()
    if "·" not in name and "・" not in name and len(name) == 3 and name[2] in ld.name_stop:
        return pos, pos + 2
    return m.start(), m.end()


@dataclass(slots=True)
class _Rel:
    start: int
    end: int


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


def _add_surnames(text: str, per_sent, ld: LanguageData) -> None:
    """Link "Tleouberdi", "M. Wang" or "لُو" to the full name met elsewhere in the text."""
    parts: dict[str, str] = {}
    short: dict[str, str] = {}  # two-letter parts ("Xi"), linked only after an honorific
    exact: dict[str, str] = {}
    for _, _, _, persons in per_sent:
        for p in persons:
            toks = [t.group() for t in TOKEN_RE.finditer(text[p.start:p.end])]
            if len(toks) < 2:
                continue
            for t in toks:
                f = fold(t)
                if f in NAME_PARTICLES:
                    continue
                if len(f) >= 3:
                    parts.setdefault(f, text[p.start:p.end])
                elif len(f) == 2 and t[:1].isupper():
                    short.setdefault(f, text[p.start:p.end])
                elif len(t) > len(f):  # short Arabic names are told apart by their marks
                    exact.setdefault(t, text[p.start:p.end])
    if not parts and not exact:
        return
    for _, _, _, persons in per_sent:  # "M. Wang" found by its honorific is Wang Yi too
        for p in persons:
            toks = [t.group() for t in TOKEN_RE.finditer(text[p.start:p.end])]
            if p.kb is None and len(toks) == 1:
                full = parts.get(fold(toks[0])) or exact.get(toks[0]) or (
                    short.get(fold(toks[0])) if p.reason.startswith("honorific") else None)
                if full:
                    p.reason = f"surname of {full}"
    for sent, entities, _roles, persons in per_sent:
        for tok in TOKEN_RE.finditer(sent.text):
            s0, s1 = sent.start + tok.start(), sent.start + tok.end()
            word = tok.group()
            if _overlaps(s0, s1, persons) or _overlaps(s0, s1, entities):
                continue
            if ld.iso not in NO_CASE_SCRIPTS and not is_capitalised(word):
                continue
            full = parts.get(fold(word)) or exact.get(word)
            if full:
                persons.append(_Person(s0, s1, f"surname of {full}"))
        persons.sort(key=lambda p: p.start)


def _tie(text: str, sent: Sentence, entities: list[Match], roles: list[_Role],
         persons: list[_Person], ld: LanguageData) -> list[Mention]:
    attached_entities: set[int] = set()
    for r in roles:
        inside = [e for e in entities if r.start <= e.start and e.end <= r.end]
        after = [e for e in entities if e.start >= r.end and len(text[r.end:e.start]) <= 25
                 and fold(text[r.end:e.start].strip(" ,")) in ld.connector | {""}
                 and "," not in text[r.end:e.start]]
        before = [e for e in entities if e.end <= r.start
                  and (re.fullmatch(r"(?:['’]s)?\s*", text[e.end:r.start]) or
                       (ld.role_gap is not None and ld.role_gap.fullmatch(text[e.end:r.start])))
                  and e.entry.kind in ("COUNTRY", "DEMONYM", "IGO")]
        pick = (inside or after[:1] or before[-1:])
        if pick:
            e = pick[0]
            r.country = e.entry.code
            attached_entities.add(id(e))
        tail = max([r.end, *(e.end for e in after[:1])])
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
    out: list[Mention] = []
    for p in persons:
        kb = p.kb.entry if p.kb else None
        out.append(Mention(start=p.start, end=p.end, text=text[p.start:p.end], kind="PERSON",
                           sentence=sent.index, country=p.country or (kb.country if kb else None),
                           role=p.role, entity_id=kb.code if kb else None,
                           name=kb.name if kb else None, qid=kb.qid if kb else None,
                           reason=p.reason))
    for r in roles:
        out.append(Mention(start=r.start, end=r.end, text=text[r.start:r.end], kind="ROLE",
                           sentence=sent.index, country=r.country, role=_main_role(r.keys),
                           head=r.person is None, reason="role phrase"))
    for e in entities:
        location = _after_locative(text, sent.start, e.start, ld) or (
            ld.iso == "ar" and e.start > 0 and text[e.start - 1] in "ب" and
            e.start - 1 >= sent.start)
        kind = "COUNTRY" if e.entry.kind in ("COUNTRY", "DEMONYM") else e.entry.kind
        out.append(Mention(start=e.start, end=e.end, text=e.text, kind=kind, sentence=sent.index,
                           country=e.entry.code, name=e.entry.name, qid=e.entry.qid,
                           entity_id=e.entry.code, head=id(e) not in attached_entities,
                           location=location and kind in ("COUNTRY", "CAPITAL", "SEAT"),
                           reason=f"gazetteer {e.entry.kind.lower()}"))
    return out


def _after_locative(text: str, floor: int, start: int, ld: LanguageData) -> bool:
    """True when the word right before `start` is a locative ("à", "in", "في", "в")."""
    window = text[max(floor, start - 16):start]
    words = list(TOKEN_RE.finditer(window))
    if not words:
        return False
    last = words[-1]
    between = window[last.end():]
    return fold(last.group()) in ld.locative and re.fullmatch(r"[\s'’]*", between) is not None


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
