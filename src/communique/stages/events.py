"""Code events: a trigger from the language's lexicon, a source and a target actor from
the sentence's structure, a date, a place, a status, and the evidence.

Word-order rules that hold across the languages we cover: the source is the speaker of
reported speech, else the actor before the trigger (the subject), else the subject
carried over from the previous sentence ("Il a également félicité ..."); the target is
the first actor of another country after the trigger, else before it. "The two sides"
stands for the document's main pair of countries. Actors joined by a conjunction after
the trigger ("les dirigeants de l'UE et de la Belgique") each get their own event.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, replace

from ..codes import codes_for
from ..kb import KnowledgeBase
from ..lang import LanguageData, Trigger
from ..records import (
    SYMMETRIC_TYPES,
    Actor,
    Dep,
    Event,
    Evidence,
    Location,
    Mention,
    Sentence,
)
from ..textutil import find_spans, fold, has_match
from . import dates

OPEN_QUOTES = "«“„\""
CLOSE_QUOTES = "»”\""


@dataclass(frozen=True, slots=True)
class _Actor:
    start: int
    end: int
    mention: Mention

    @property
    def country(self) -> str | None:
        return self.mention.country


def _actors(mentions: list[Mention]) -> list[_Actor]:
    out = []
    for m in mentions:
        if not m.head or m.kind not in ("PERSON", "ROLE", "COUNTRY", "IGO", "CAPITAL", "SEAT"):
            continue
        if m.kind == "ROLE" and not m.country:
            continue
        out.append(_Actor(m.start, m.end, m))
    return sorted(out, key=lambda a: a.start)


def main_pair(mentions: tuple[Mention, ...]) -> tuple[str, ...]:
    """The two countries (or organisations) a document is mostly about."""
    counts = Counter(m.country for m in mentions
                     if m.country and m.kind in ("PERSON", "ROLE", "COUNTRY", "IGO", "CAPITAL"))
    return tuple(c for c, _ in counts.most_common(2))


def _without(text: str, pattern: re.Pattern | None) -> tuple[str, list[int] | None]:
    """`text` less the spans `pattern` matches, and each kept character's old index
    (None when nothing was removed)."""
    if pattern is None or not pattern.search(text):
        return text, None
    keep, index, last = [], [], 0
    for m in pattern.finditer(text):
        keep.append(text[last:m.start()])
        index.extend(range(last, m.start()))
        last = m.end()
    keep.append(text[last:])
    index.extend(range(last, len(text) + 1))
    return "".join(keep), index


def _find_triggers(sent: Sentence, ld: LanguageData) -> list[tuple[int, int, Trigger]]:
    found = []
    text, index = _without(sent.text, ld.ignorable)
    for trig in ld.triggers:
        for m0, m1 in find_spans(trig.pattern, text):
            if m1 > m0 and index is not None:
                m0, m1 = index[m0], index[m1 - 1] + 1
            if m1 > m0:
                found.append((sent.start + m0, sent.start + m1, trig))
    # Among overlapping matches the more specific wins: one that names a mode ("entretien
    # téléphonique" over "eu un entretien"), then the longer one.
    background = ld.markers.get("background")
    if background is not None:  # "since the invasion of Ukraine" tells no new event
        found = [f for f in found
                 if not background.search(sent.text[max(0, f[0] - sent.start - 25):
                                                    f[0] - sent.start])]
    found.sort(key=lambda f: (f[2].mode is None, -(f[1] - f[0]), f[0]))
    out: list[tuple[int, int, Trigger]] = []
    for f in found:
        if any(f[0] < o[1] and o[0] < f[1] for o in out):
            continue
        out.append(f)
    return sorted(out, key=lambda f: f[0])


def _speaker(text: str, sent: Sentence, actors: list[_Actor], ld: LanguageData):
    """(speaker, verb start) for reported speech in the sentence, if any."""
    pat = ld.markers.get("speech")
    if pat is None:
        return None, None
    for m0, m1 in find_spans(pat, sent.text):
        v0, v1 = sent.start + m0, sent.start + m1
        # A person right after the verb speaks: "said Wang", "a déclaré M. Wang", "وأكد لو".
        right_after = [a for a in actors if 0 <= a.start - v1 <= 3
                       and a.mention.kind in ("PERSON", "ROLE")]
        if right_after:
            return right_after[0], v0
        # Inverted attribution closes a quote: '..., a déclaré M. Wang' / '..., said Wang'.
        if re.search(r"[,»\"”]\s*$", text[sent.start:v0]):
            after = [a for a in actors if a.start >= v0 and a.start - v1 <= 30
                     and a.mention.kind in ("PERSON", "ROLE", "COUNTRY", "IGO")]
            if after:
                return after[0], v0
            continue
        before = [a for a in actors if a.end <= v0 and a.mention.kind != "CAPITAL"
                  and not a.mention.location]
        people = [a for a in before if a.mention.kind in ("PERSON", "ROLE")]
        if people:  # the sentence's subject: "Niinistö held a call with Putin and said"
            return people[0], v0
        if before:
            return before[-1], v0
    return None, None


def _quote_speakers(text: str, sentences: tuple[Sentence, ...], by_sent, ld: LanguageData):
    """For sentences inside a quotation, the speaker named after it in the paragraph."""
    out: dict[int, _Actor] = {}
    paragraphs: dict[int, list[Sentence]] = {}
    for s in sentences:
        paragraphs.setdefault(s.paragraph, []).append(s)
    for sents in paragraphs.values():
        depth = 0
        inside: list[int] = []
        for s in sents:
            opened = depth > 0 or any(s.text.lstrip().startswith(q) for q in OPEN_QUOTES)
            depth += sum(s.text.count(q) for q in "«“") - sum(s.text.count(q) for q in "»”")
            if opened:
                inside.append(s.index)
                if depth <= 0:
                    speaker, _ = _speaker(text, s, by_sent.get(s.index, []), ld)
                    if speaker:
                        for i in inside:
                            out[i] = speaker
                    inside = []
                    depth = 0
    return out


def _joint_end(sent: Sentence, ld: LanguageData, before: int, after: int) -> int | None:
    """End of the last "the two sides" phrase before the trigger (`before`), or `before`
    itself when one follows the trigger directly ("اتفق الوزيران", verb-subject order)."""
    pat = ld.markers.get("joint")
    if pat is None:
        return None
    spans = [(sent.start + b, sent.start + e) for b, e in find_spans(pat, sent.text)]
    ends = [e for _, e in spans if e <= before]
    if ends:
        return ends[-1]
    if any(0 <= b - after <= 3 for b, _ in spans):
        return before
    return None


def _status(sent: Sentence, ld: LanguageData, trig: Trigger, t0: int, t1: int,
            actors: list[_Actor]) -> str:
    if trig.status:
        return trig.status
    text = sent.text
    for a in actors:  # a name is no marker: "لُو" (Lu) is not "لو" (if)
        if a.mention.kind == "PERSON" and sent.start <= a.start < a.end <= sent.end:
            i, j = a.start - sent.start, a.end - sent.start
            text = text[:i] + " " * (j - i) + text[j:]
    sent = Sentence(sent.index, sent.start, sent.end, text, sent.paragraph)
    window = sent.text[:max(0, t0 - sent.start) + 1]
    # "подписание соглашений не планируется": negation may follow a nominal trigger.
    around = sent.text[max(0, t0 - sent.start - 40):max(0, t1 - sent.start) + 25]
    if has_match(ld.markers.get("denial"), window):
        return "denied"
    if trig.type != "REJECT" and has_match(ld.markers.get("negation"), around):
        return "negated"
    if has_match(ld.markers.get("hypothetical"), window):
        return "hypothetical"
    if trig.type not in ("AGREE", "REQUEST", "THREATEN") and \
            has_match(ld.markers.get("planned"), sent.text):
        return "planned"
    return "occurred"


def _group_after(text: str, actors: list[_Actor], first: _Actor, ld: LanguageData):
    """The first target and the actors joined to it by conjunctions."""
    group = [first]
    for a in actors:
        if a.start <= group[-1].start:
            continue
        gap = fold(text[group[-1].end:a.start].strip(" ,"))
        words = set(gap.split())
        if gap == "" or gap in ld.conjunction or (words and words <= (ld.conjunction | ld.connector
                                                                      | {"de", "la", "le", "l"})):
            group.append(a)
        else:
            break
    return group


def _actor_record(a: _Actor | None, kb: KnowledgeBase, country: str | None = None) -> Actor:
    if a is None:
        return Actor(name=None, country=country)
    m = a.mention
    role = kb.role(m.role)
    sector = role.sector if role else ("IGO" if m.kind == "IGO" else
                                       "GOV" if m.kind in ("CAPITAL", "SEAT") else None)
    name = m.name if m.kind in ("PERSON", "ROLE") else (m.name or m.text)
    return Actor(name=name, country=m.country, role=role.label if role else None, sector=sector,
                 entity_id=m.entity_id if m.kind != "ROLE" or m.name else None,
                 qid=m.qid, mention_start=a.start, mention_end=a.end)


def event_id(doc_id: str, start: int, etype: str, src: str | None, tgt: str | None) -> str:
    raw = f"{doc_id}|{start}|{etype}|{src}|{tgt}"
    return "ev-" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


# The classifier's say: an event it finds alone needs this probability; a trigger it
# judges NONE with VETO probability (and its type below VETO_TYPE) is dropped.
CLASSIFIER_ALONE = 0.8
VETO = 0.9
VETO_TYPE = 0.02


def code_events(doc_id: str, text: str, lang: str, sentences: tuple[Sentence, ...],
                mentions: tuple[Mention, ...], ld: LanguageData, kb: KnowledgeBase,
                published: dt.date | None, version: str,
                probs: dict[int, dict[str, float]] | None = None,
                syntax: dict[int, tuple[Dep, ...]] | None = None) -> tuple[Event, ...]:
    """Events of one document. `probs`: the sentence classifier's type probabilities for
    some sentences (by index), used to confirm triggers and find what they miss."""
    probs = probs or {}
    syntax = syntax or {}
    by_sent: dict[int, list[_Actor]] = {}
    for m in mentions:
        by_sent.setdefault(m.sentence, []).append(m)
    by_sent = {k: _actors(v) for k, v in by_sent.items()}
    pair = main_pair(mentions)
    anchor = dates.document_anchor([s.text for s in sentences], lang, published)
    quoted = _quote_speakers(text, sentences, by_sent, ld)
    events: list[Event] = []
    last_source: _Actor | None = None
    for sent in sentences:
        actors = by_sent.get(sent.index, [])
        p = probs.get(sent.index, {})
        triggers = _drop_embedded(_find_triggers(sent, ld))
        if p and triggers and p.get("NONE", 0) >= VETO:
            triggers = [t for t in triggers if p.get(t[2].type, 0) >= VETO_TYPE]
        if not triggers and p:
            best = max(p, key=p.get)
            if best != "NONE" and p[best] >= CLASSIFIER_ALONE:
                subjects = [a for a in actors if not a.mention.location and a.country]
                if subjects:
                    at = subjects[0].end
                    triggers = [(at, at, Trigger(type=best, pattern=NO_PATTERN))]
        meetings = [e for e in events if e.event_type == "CONSULT"]
        joint_pair = ((meetings[-1].source.country, meetings[-1].target.country)
                      if meetings else pair)
        if not triggers:
            subjects = [a for a in actors if not a.mention.location]
            if subjects:
                last_source = subjects[0]
            continue
        speaker, verb_at = _speaker(text, sent, actors, ld)
        speaker = quoted.get(sent.index) or speaker
        seen: set[tuple] = set()
        prev_end = sent.start
        for t0, t1, trig in triggers:
            made = (_from_parse(syntax.get(sent.index), actors, t0, t1, trig, speaker)
                    or _code_one(text, sent, actors, t0, t1, trig, speaker, verb_at,
                                 last_source, pair, joint_pair, ld, prev_end))
            prev_end = t1
            if not made:
                continue
            source, targets, why = made
            pairs = ([(c, t) for c in source.countries for t in targets]
                     if isinstance(source, _Both) else [(source, t) for t in targets])
            for source, target in pairs:
                src_c = source.country if isinstance(source, _Actor) else source
                tgt_c = target.country if isinstance(target, _Actor) else target
                if not src_c or not tgt_c or src_c == tgt_c:
                    continue
                key = (trig.type, src_c, tgt_c)
                if key in seen:
                    continue
                seen.add(key)
                ev = _make_event(doc_id, text, lang, sent, t0, t1, trig, source, target,
                                 why, actors, kb, published, anchor, ld, version, p)
                if ev.event_type == "CONSULT" and any(
                        _same_meeting(ev, o) for o in events if o.event_type == "CONSULT"):
                    continue
                if any(_restated(ev, o) for o in events if o.evidence.start != ev.evidence.start):
                    continue
                events.append(ev)
            if isinstance(source, _Actor):
                last_source = source
        if not isinstance(last_source, _Actor) or last_source.mention.sentence != sent.index:
            subjects = [a for a in actors if not a.mention.location and a.start < triggers[0][0]]
            if subjects:
                last_source = subjects[0]
    return tuple(events)


NO_PATTERN = re.compile(r"(?!)")  # the classifier's events have no trigger words


# Triggers whose object is another trigger: "agreed to hold a meeting", "called on X to
# sanction Y". The embedded one is the content of the intent, not an event of its own.
EMBEDDING_TYPES = frozenset({"AGREE", "REQUEST", "THREATEN"})
EMBED_WINDOW = 60


def _drop_embedded(triggers):
    out = []
    for t0, t1, trig in triggers:
        if any(o.type in EMBEDDING_TYPES and o1 <= t0 <= o1 + EMBED_WINDOW
               for _, o1, o in out):
            continue
        out.append((t0, t1, trig))
    return out


def _is_person_id(entity_id: str | None) -> bool:
    return bool(entity_id) and entity_id.startswith(("Q", "person-", "kb-"))


def _same_meeting(a: Event, b: Event) -> bool:
    """Two CONSULT records of one document that tell the same meeting: the same pair, no
    conflicting date, and not two different named people for the same country."""
    if {a.source.country, a.target.country} != {b.source.country, b.target.country}:
        return False
    if a.date and b.date and a.date != b.date:
        return False
    people_a = {x.country: x.entity_id for x in (a.source, a.target) if _is_person_id(x.entity_id)}
    people_b = {x.country: x.entity_id for x in (b.source, b.target) if _is_person_id(x.entity_id)}
    return all(people_b.get(c, e) == e for c, e in people_a.items())


CONTENT_WORD = re.compile(r"\w{4,}")


def _restated(a: Event, b: Event) -> bool:
    """The same statement told twice in one article (a lead and its quotation)."""
    if a.event_type != b.event_type:
        return False
    # The same speaker, the same addressee: two parties saying alike are two statements.
    if (a.source.country, a.target.country) != (b.source.country, b.target.country):
        return False
    wa = {w.casefold() for w in CONTENT_WORD.findall(a.evidence.text)}
    wb = {w.casefold() for w in CONTENT_WORD.findall(b.evidence.text)}
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.5


SUBJECT_DEPS = ("nsubj", "nsubj:pass")
OBJECT_DEPS = ("obj", "obl:arg", "iobj", "obl:agent", "nmod")


def _from_parse(deps: tuple[Dep, ...] | None, actors: list[_Actor], t0: int, t1: int,
                trig: Trigger, speaker):
    """Source and target from a dependency parse, where one exists (French): the
    subject of the trigger's verb and its object, when both name actors of two
    countries. Reported speech keeps its own rules."""
    if not deps or speaker is not None:
        return None
    inside = [d for d in deps if t0 <= d.start and d.end <= t1]
    verbs = [d for d in inside if not (t0 <= deps[d.head].start and deps[d.head].end <= t1)
             or d.head == d.index]
    if not verbs:
        return None
    verb = verbs[0]
    kids = [d for d in deps if d.head == verb.index and d.index != verb.index]

    def actor_in(ds) -> _Actor | None:
        for d in ds:
            found = [a for a in actors if a.country and d.subtree_start <= a.start
                     and a.end <= d.subtree_end and not a.mention.location]
            people = [a for a in found if a.mention.kind in ("PERSON", "ROLE")]
            if people or found:
                return (people or found)[0]
        return None

    subject = actor_in([d for d in kids if d.dep in SUBJECT_DEPS])
    obj = actor_in([d for d in kids if d.dep in OBJECT_DEPS and d.start >= t0]) or \
        actor_in([d for d in kids if d.dep in OBJECT_DEPS])
    if subject and obj and subject.country != obj.country:
        passive = any(d.dep == "nsubj:pass" for d in kids) and any(
            d.dep == "obl:agent" for d in kids)
        if passive:  # "X a été reçu par Y": Y hosts, X visits
            return subject, [obj], "dependency parse (passive)"
        return subject, [obj], "dependency parse"
    return None


CLAUSE_BREAK = re.compile(r"[,;:،؛،]")


@dataclass(frozen=True, slots=True)
class _Both:
    """Both parties of a joint subject, each the source of its own event."""

    countries: tuple[str, ...]


def _code_one(text, sent, actors, t0, t1, trig, speaker, verb_at, last_source, pair,
              joint_pair, ld, prev_end=0):
    """(source, [targets], reason) for one trigger, or None."""
    stateless = [a for a in actors if not a.country and a.mention.kind == "PERSON"
                 and a.start >= t1]
    actors = [a for a in actors if a.country]
    before = [a for a in actors if a.end <= t0]
    after = [a for a in actors if a.start >= t1]
    joint_at = _joint_end(sent, ld, t0, t1)
    if joint_at is not None and len(joint_pair) == 2 and not [
            a for a in before if not a.mention.location and a.end > joint_at]:
        third = [a for a in after if a.country not in joint_pair and not a.mention.location]
        if third and trig.type not in SYMMETRIC_TYPES:
            # "the leaders voiced strong opposition to China's conduct": both act on a third
            return _Both(joint_pair), [third[0]], "joint subject acting on a third party"
        return joint_pair[0], [joint_pair[1]], "joint subject: the parties of the last meeting"
    if speaker is not None and speaker.country and (verb_at is None or verb_at <= t0
                                                    or speaker.start >= verb_at):
        clause_start = max(verb_at if verb_at is not None and verb_at <= t0 else sent.start,
                           prev_end)
        # The reported clause's own subject: right before the trigger, no clause boundary
        # in between, or named inside a nominal trigger ("le soutien des États-Unis à").
        subjects = [a for a in actors if a is not speaker and not a.mention.location
                    and clause_start <= a.start < (t1 if ld.verb_first else t0)
                    and (a.start >= t0 or not CLAUSE_BREAK.search(text[a.end:t0]))
                    and (a.start >= t0 or t0 - a.end <= 40)]
        reported = subjects[-1] if subjects else None
        if reported is not None and reported.country != speaker.country:
            if trig.type == "ACCUSE":
                # "M. Wang a dit que la partie américaine a attaqué la Chine": Wang accuses.
                return speaker, [reported], "speaker accuses the subject of the reported act"
            source, why = reported, "subject of the reported clause"
        else:
            source, why = speaker, "speaker of reported speech"
        others = [a for a in actors if a is not source and a is not speaker
                  and a.country != source.country]
        ranked = [a for a in others if a.start >= t1 and not a.mention.location] + \
                 [a for a in others if a.start < t1 and not a.mention.location] + \
                 [a for a in others if a.mention.location]
    else:
        subjects = [a for a in before if not a.mention.location]
        people = [a for a in subjects if a.mention.kind == "PERSON"]
        inside = [a for a in actors if t0 <= a.start and a.end <= t1]
        verb_subject = [a for a in inside + after if not a.mention.location
                        and (a.mention.kind in ("PERSON", "ROLE") or a.start - t1 <= 3)
                        and a.start - t0 <= 40] if ld.verb_first else []
        between = [a for a in after if not a.mention.location]
        if people:
            # The person or office nearest the verb acts ("Après le Brésil, Lavrov visitera").
            source, why = people[0], "person before the trigger"
        elif subjects:
            source, why = subjects[0], "actor before the trigger"
        elif verb_subject:
            source, why = verb_subject[0], "person right after the verb (verb-subject order)"
        elif trig.type in SYMMETRIC_TYPES and len({a.country for a in between}) >= 2:
            # "négociations entre X et Y", "talks between X and Y"
            source, why = between[0], "first of the parties after the trigger"
        elif last_source is not None and last_source.country:
            source, why = last_source, "subject carried over from the previous sentence"
        else:
            return None
        src_c = source.country
        # An actor inside the trigger is its object: "a appelé la Chine à", "обвинил
        # Бразилию в", "accused Tokyo of".
        objects = [a for a in inside if a is not source and a.country != src_c]
        ranked = objects + \
                 [a for a in after if a.country != src_c and not a.mention.location] + \
                 [a for a in before if a.country != src_c and not a.mention.location] + \
                 [a for a in after if a.country != src_c] + \
                 [a for a in before if a.country != src_c]
    src_c = source.country
    visited = [a for a in after if a.mention.location and a.country != src_c
               and a.start - t1 <= 25]
    # "met in Astana with his Kazakh counterpart, Tleuberdi": the host named after the
    # place is the target; the place only when no one of its country is named.
    host = next((a for a in ranked if a in after and not a.mention.location
                 and visited and a.country == visited[0].country), None)
    if host is not None:
        ranked = [host] + [a for a in ranked if a is not host]
    elif trig.type == "CONSULT" and visited and (not ranked or
                                                  visited[0].start < ranked[0].start):
        return source, [visited[0]], why + "; target: the place visited"
    if ranked:
        targets = _group_after(text, actors, ranked[0], ld)
        targets = [a for a in targets if a.country != src_c] or [ranked[0]]
        return source, targets, why
    if len(pair) == 2 and src_c not in pair and _joint_end(sent, ld, len(text) + sent.end, 0) \
            is not None and any(sent.start + b >= t0 for b, _ in
                                find_spans(ld.markers["joint"], sent.text)):
        # "called on the two countries to ...": both parties of the story are addressed
        return source, list(pair), why + "; targets: the two parties"
    if src_c in pair and len(pair) == 2:
        partner = pair[1] if pair[0] == src_c else pair[0]
        if stateless:  # a named person of unknown country: the other side of the story
            m = replace(stateless[0].mention, country=partner)
            return source, [_Actor(stateless[0].start, stateless[0].end, m)], \
                why + "; target's country: main pair"
        return source, [partner], why + "; target: main pair"
    return None


def _make_event(doc_id, text, lang, sent, t0, t1, trig, source, target, why, actors, kb,
                published, anchor, ld, version, probs=None) -> Event:
    src = source if isinstance(source, _Actor) else None
    tgt = target if isinstance(target, _Actor) else None
    src_rec = _actor_record(src, kb, source if isinstance(source, str) else None)
    tgt_rec = _actor_record(tgt, kb, target if isinstance(target, str) else None)
    day, precision = dates.event_date(sent.text, lang, published, anchor)
    places = [a for a in actors if a.mention.location]
    location = None
    if places:
        p = places[0].mention
        location = Location(name=p.name or p.text, country=p.country)
    mode = trig.mode
    if trig.type == "CONSULT" and mode is None and location and location.country:
        if location.country == tgt_rec.country:
            mode = "visit"
        elif location.country == src_rec.country:
            mode = "host"
    codes = codes_for(trig.type, mode, trig.cameo)
    confidence = 0.5 + (0.15 if src else 0) + (0.15 if tgt else 0) + \
        (0.1 if src and src.mention.kind in ("PERSON", "ROLE") else 0)
    if probs:
        confidence = (confidence + probs.get(trig.type, 0.0)) / 2
        if trig.pattern is NO_PATTERN:
            why = f"sentence classifier (p={probs.get(trig.type, 0.0):.2f}); {why}"
    return Event(
        event_id=event_id(doc_id, t0, trig.type, src_rec.country, tgt_rec.country),
        doc_id=doc_id, event_type=trig.type, source=src_rec, target=tgt_rec,
        evidence=Evidence(text=sent.text, start=sent.start, end=sent.end), mode=mode, date=day,
        date_precision=precision, location=location, trigger=text[t0:t1],
        status=_status(sent, ld, trig, t0, t1, actors), confidence=round(min(confidence, 0.95), 2),
        cameo=codes.cameo, quad_class=codes.quad_class, goldstein=codes.goldstein, lang=lang,
        resolution_reason=why, pipeline_version=version)
