"""Code events: a trigger from the language's lexicon (or the sentence classifier), a
source and a target from the argument rules (`rules.py`), then a date, a place, a
status and the evidence (`record.py`). Actors joined by a conjunction after the trigger
each get their own event; a meeting or a statement told twice is kept once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ...doc import Doc
from ...kb import KnowledgeBase
from ...records import Event, Sentence
from .actors import Both, Candidate, by_sentence, main_pair
from .clause import Choice, Clause
from .record import event_id, make_event
from .rules import RULES, choose
from .ruleset import Rule, RuleSet
from .speech import speaker
from .triggers import Found, sentence_triggers

__all__ = ["RULES", "Rule", "RuleSet", "code_events", "event_id", "main_pair"]


@dataclass(frozen=True, slots=True)
class _Context:
    """What holds for the whole document while its sentences are coded."""

    doc: Doc
    kb: KnowledgeBase
    version: str
    rules: RuleSet
    by_sent: dict[int, list[Candidate]]
    pair: tuple[str, ...]
    quoted: dict[int, Candidate]


def code_events(doc: Doc, kb: KnowledgeBase, version: str,
                rules: RuleSet = RULES) -> tuple[Event, ...]:
    """Events of one document, which must have its language, sentences, mentions and
    anchor date (and, where the classifier ran, its analysis)."""
    by_sent = by_sentence(doc.mentions)
    quoted: dict[int, Candidate] = {}
    for rule in rules.phase("speech"):
        quoted.update(rule.apply(doc.text, doc.sentences, by_sent, doc.language))
    ctx = _Context(doc, kb, version, rules, by_sent, main_pair(doc.mentions), quoted)
    events: list[Event] = []
    last_source: Candidate | None = None
    for sent in doc.sentences:
        last_source = _code_sentence(ctx, sent, events, last_source)
    return tuple(events)


def _first_subject(actors: list[Candidate], before: int | None = None) -> Candidate | None:
    found = [a for a in actors if not a.is_place and (before is None or a.start < before)]
    return found[0] if found else None


def _code_sentence(ctx: _Context, sent: Sentence, events: list[Event],
                   last_source: Candidate | None) -> Candidate | None:
    """Append the sentence's events; return the subject the next sentence inherits."""
    ld = ctx.doc.language
    actors = ctx.by_sent.get(sent.index, [])
    found = sentence_triggers(sent, ld, ctx.doc.probs(sent.index), actors)
    if not found:
        return _first_subject(actors) or last_source
    meetings = [e for e in events if e.event_type == "CONSULT"]
    joint_pair = ((meetings[-1].source.country, meetings[-1].target.country)
                  if meetings else ctx.pair)
    own = speaker(ctx.doc.text, sent, actors, ld)
    base = Clause(text=ctx.doc.text, sentence=sent, actors=tuple(actors), start=0, end=0,
                  trigger=found[0].trigger, language=ld,
                  speaker=ctx.quoted.get(sent.index) or (own.speaker if own else None),
                  verb_at=own.verb_at if own else None, pair=ctx.pair, joint_pair=joint_pair,
                  syntax=ctx.doc.syntax.get(sent.index))
    seen: set[tuple] = set()
    prev_end = sent.start
    for f in found:
        clause = _at(base, f, last_source, prev_end)
        prev_end = f.end
        choice = choose(clause, ctx.rules)
        if choice is None:
            continue
        _add_events(ctx, clause, choice, f, events, seen)
        if isinstance(choice.source, Candidate):
            last_source = choice.source
    if not isinstance(last_source, Candidate) or last_source.mention.sentence != sent.index:
        last_source = _first_subject(actors, found[0].start) or last_source
    return last_source


def _at(base: Clause, f: Found, last_source: Candidate | None, prev_end: int) -> Clause:
    return replace(base, start=f.start, end=f.end, trigger=f.trigger,
                   last_source=last_source, prev_end=prev_end)


def _add_events(ctx: _Context, c: Clause, choice: Choice, f: Found, events: list[Event],
                seen: set[tuple]) -> None:
    """One event for each source–target pair of countries, unless already told."""
    sources = list(choice.source.countries) if isinstance(choice.source, Both) \
        else [choice.source]
    for source in sources:
        for target in choice.targets:
            src_c = source.country if isinstance(source, Candidate) else source
            tgt_c = target.country if isinstance(target, Candidate) else target
            key = (c.type, src_c, tgt_c)
            if not src_c or not tgt_c or src_c == tgt_c or key in seen:
                continue
            seen.add(key)
            ev = make_event(ctx.doc, c, source, target, choice.reason, ctx.kb, ctx.version,
                            f.by_classifier)
            if not any(rule.apply(ev, events) for rule in ctx.rules.phase("filter")):
                events.append(ev)
