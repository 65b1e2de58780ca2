"""The argument rules: who is the source and who the target of a trigger.

Each rule handles one construction and is applied in the order declared in `RULES`:
first the rules that choose both sides at once, then the source rules (the first that
answers wins), then the target rules over the remaining actors ranked by position.
Word-order rules that hold across the languages we cover: the source is the speaker
of reported speech, else the actor before the trigger, else the subject carried over
from the previous sentence; the target is the first actor of another country after the
trigger, else before it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...records import SYMMETRIC_TYPES
from ...textutil import fold
from .actors import Both, Candidate
from .clause import Choice, Clause, Source, Targets
from .repeats import restated, same_meeting
from .ruleset import Rule, RuleSet
from .speech import speaker_after_quotation

CLAUSE_BREAK = re.compile(r"[,;:،؛،]")
SUBJECT_REACH = 40  # how far before a reported trigger its subject may stand
VERB_SUBJECT_REACH = 40  # how far after a verb-first trigger its subject may stand
NEXT_TO = 3  # characters between two words that stand next to each other
VISIT_REACH = 25  # how far after a trigger the place visited may stand
SUBJECT_DEPS = ("nsubj", "nsubj:pass")
OBJECT_DEPS = ("obj", "obl:arg", "iobj", "obl:agent", "nmod")


# -- rules that choose both sides ----------------------------------------------------

def _parse_actor(c: Clause, deps) -> Candidate | None:
    """The first actor inside the subtree of one of `deps`, people first."""
    for d in deps:
        found = [a for a in c.placed if d.subtree_start <= a.start
                 and a.end <= d.subtree_end and not a.is_place]
        people = [a for a in found if a.is_person]
        if people or found:
            return (people or found)[0]
    return None


def dependency_parse(c: Clause) -> Choice | None:
    """Subject and object of the trigger's verb in a dependency parse, where the
    language has one ("La Chine a accusé les États-Unis"); reported speech keeps its
    own rules."""
    deps = c.syntax
    if not deps or c.speaker is not None:
        return None
    inside = [d for d in deps if c.start <= d.start and d.end <= c.end]
    verbs = [d for d in inside if d.head == d.index
             or not (c.start <= deps[d.head].start and deps[d.head].end <= c.end)]
    if not verbs:
        return None
    kids = [d for d in deps if d.head == verbs[0].index and d.index != verbs[0].index]
    subject = _parse_actor(c, [d for d in kids if d.dep in SUBJECT_DEPS])
    obj = _parse_actor(c, [d for d in kids if d.dep in OBJECT_DEPS and d.start >= c.start]) \
        or _parse_actor(c, [d for d in kids if d.dep in OBJECT_DEPS])
    if not (subject and obj and subject.country != obj.country):
        return None
    passive = any(d.dep == "nsubj:pass" for d in kids) and any(d.dep == "obl:agent" for d in kids)
    # "X a été reçu par Y": the subject still visits, the agent hosts.
    return Choice(subject, (obj,), "dependency parse (passive)" if passive else "dependency parse")


def _joint_end(c: Clause) -> int | None:
    """End of the last "the two sides" phrase before the trigger, or the trigger's start
    when one follows it directly ("اتفق الوزيران", verb-subject order)."""
    spans = c.joint_spans()
    ends = [e for _, e in spans if e <= c.start]
    if ends:
        return ends[-1]
    if any(0 <= b - c.end <= NEXT_TO for b, _ in spans):
        return c.start
    return None


def _joint_subject(c: Clause) -> bool:
    """The trigger's subject is "the two sides", with no other actor after it."""
    at = _joint_end(c)
    return at is not None and len(c.joint_pair) == 2 and not [
        a for a in c.before if not a.is_place and a.end > at]


def joint_subject_on_third_party(c: Clause) -> Choice | None:
    """ "The two leaders voiced opposition to China's conduct": both parties of the last
    meeting act, each on the third party named after the trigger."""
    if not _joint_subject(c) or c.type in SYMMETRIC_TYPES:
        return None
    third = [a for a in c.after if a.country not in c.joint_pair and not a.is_place]
    if not third:
        return None
    return Choice(Both(c.joint_pair), (third[0],), "joint subject acting on a third party")


def joint_subject(c: Clause) -> Choice | None:
    """ "Les deux parties ont convenu", "the two sides agreed": the parties of the last
    meeting told (else the document's main pair) act on each other."""
    if not _joint_subject(c):
        return None
    return Choice(c.joint_pair[0], (c.joint_pair[1],),
                  "joint subject: the parties of the last meeting")


def _reported_subject(c: Clause) -> Candidate | None:
    """The reported clause's own subject: right before the trigger with no clause
    boundary in between, or named inside a nominal trigger ("le soutien des
    États-Unis à"); in verb-first languages also inside the trigger."""
    start = max(c.verb_at if c.verb_at is not None and c.verb_at <= c.start
                else c.sentence.start, c.prev_end)
    limit = c.end if c.language.profile.verb_first else c.start
    subjects = [a for a in c.placed if a is not c.speaker and not a.is_place
                and start <= a.start < limit
                and (a.start >= c.start or not CLAUSE_BREAK.search(c.text[a.end:c.start]))
                and (a.start >= c.start or c.start - a.end <= SUBJECT_REACH)]
    found = subjects[-1] if subjects else None
    return found if found is not None and found.country != c.speaker.country else None


def speaker_accuses_reported_subject(c: Clause) -> Choice | None:
    """ "M. Wang a dit que la partie américaine a attaqué la Chine": the speaker accuses
    the subject of the misdeed reported."""
    if c.type != "ACCUSE" or not c.reported:
        return None
    reported = _reported_subject(c)
    if reported is None:
        return None
    return Choice(c.speaker, (reported,), "speaker accuses the subject of the reported act")


# -- source rules --------------------------------------------------------------------

def reported_clause_subject(c: Clause) -> Source | None:
    """ "Lavrov said that Kazakhstan had agreed to ...": the reported clause's own subject
    acts, not the speaker."""
    if not c.reported:
        return None
    reported = _reported_subject(c)
    return Source(reported, "subject of the reported clause", True) if reported else None


def speaker_of_reported_speech(c: Clause) -> Source | None:
    """ "Wang Yi a déclaré que ...", "وأكد لو أن": the speaker acts."""
    return Source(c.speaker, "speaker of reported speech", True) if c.reported else None


def person_before_trigger(c: Clause) -> Source | None:
    """ "Après le Brésil, Lavrov visitera ...": a named person before the trigger acts,
    before any state or place."""
    people = [a for a in c.before if not a.is_place and a.kind == "PERSON"]
    return Source(people[0], "person before the trigger") if people else None


def actor_before_trigger(c: Clause) -> Source | None:
    """ "La Chine a condamné ...", "Moscow accused ...": the first actor before the
    trigger is its subject."""
    subjects = [a for a in c.before if not a.is_place]
    return Source(subjects[0], "actor before the trigger") if subjects else None


def verb_subject_order(c: Clause) -> Source | None:
    """ "استقبل الرئيس ... نظيره": in verb-first languages the person (or actor right)
    after the verb is its subject."""
    if not c.language.profile.verb_first:
        return None
    found = [a for a in c.inside + c.after if not a.is_place
             and (a.is_person or a.start - c.end <= NEXT_TO)
             and a.start - c.start <= VERB_SUBJECT_REACH]
    return Source(found[0], "person right after the verb (verb-subject order)") if found else None


def parties_after_trigger(c: Clause) -> Source | None:
    """ "négociations entre la Russie et l'Ukraine", "talks between X and Y took place":
    the first of two parties named after a symmetric trigger's first word, inside the
    trigger or after it."""
    between = [a for a in c.inside + c.after if not a.is_place]
    if c.type not in SYMMETRIC_TYPES or len({a.country for a in between}) < 2:
        return None
    return Source(between[0], "first of the parties after the trigger")


def stateless_person_before_trigger(c: Clause) -> Source | None:
    """ "Deputy National Security Advisor Jon Finer met with Kazakhstan's envoy": a named
    person of unknown country before the trigger acts for the other party of the story
    than the actor named after the trigger (a readout names its own side's official
    without a country)."""
    people = [a for a in c.actors if not a.country and a.kind == "PERSON" and a.end <= c.start]
    others = [a for a in c.after if not a.is_place] or c.after
    home = _other_party(c.pair, others[0].country) if others else None
    if not people or home is None:
        return None
    a = people[0]
    return Source(Candidate(a.start, a.end, replace(a.mention, country=home)),
                  "person before the trigger; country: the other party of the story")


def subject_carried_over(c: Clause) -> Source | None:
    """ "Il a également félicité ...": a sentence with no subject of its own continues
    the subject of the sentence before."""
    if c.last_source is None or not c.last_source.country:
        return None
    return Source(c.last_source, "subject carried over from the previous sentence")


# -- ranking of target candidates ----------------------------------------------------

def object_inside_trigger(c: Clause, src: Source) -> list[Candidate]:
    """ "a appelé la Chine à", "обвинил Бразилию в", "accused Tokyo of": an actor inside
    the trigger is its object, the first candidate for target."""
    return [a for a in c.inside if a is not src.actor and a.country != src.actor.country]


def ranked(c: Clause, src: Source, rules: RuleSet) -> list[Candidate]:
    """Target candidates, nearest first: after the trigger, then before it, places last."""
    own = src.actor.country
    if src.speech:
        others = [a for a in c.placed if a is not src.actor and a is not c.speaker
                  and a.country != own]
        return [a for a in others if a.start >= c.end and not a.is_place] + \
               [a for a in others if a.start < c.end and not a.is_place] + \
               [a for a in others if a.is_place]
    objects = [o for r in rules.phase("rank") for o in r.apply(c, src)]
    return objects + [a for a in c.after if a.country != own and not a.is_place] + \
        [a for a in c.before if a.country != own and not a.is_place] + \
        [a for a in c.after if a.country != own] + [a for a in c.before if a.country != own]


# -- target rules --------------------------------------------------------------------

def _visited(c: Clause, src: Source) -> list[Candidate]:
    return [a for a in c.after if a.is_place and a.country != src.actor.country
            and a.start - c.end <= VISIT_REACH]


def host_named_after_place(c: Clause, src: Source, rank: list[Candidate]) -> Targets | None:
    """ "met in Astana with his Kazakh counterpart, Tleuberdi": the host named after the
    place is the target, not the place."""
    visited = _visited(c, src)
    after = c.after
    host = next((a for a in rank if visited and a in after and not a.is_place
                 and a.country == visited[0].country), None)
    return Targets((host,), conjoinable=True) if host is not None else None


def place_visited(c: Clause, src: Source, rank: list[Candidate]) -> Targets | None:
    """ "s'est rendu à Pékin", "arrived in Moscow": the place visited stands for its
    government when no one nearer is named."""
    visited = _visited(c, src)
    if c.type != "CONSULT" or not visited or (rank and visited[0].start >= rank[0].start):
        return None
    return Targets((visited[0],), "; target: the place visited")


def nearest_candidate(c: Clause, src: Source, rank: list[Candidate]) -> Targets | None:
    """The nearest actor of another country, after the trigger first."""
    return Targets((rank[0],), conjoinable=True) if rank else None


def both_parties_addressed(c: Clause, src: Source, rank: list[Candidate]) -> Targets | None:
    """ "called on the two countries to ...": a third party addresses both parties of
    the story."""
    if len(c.pair) != 2 or src.actor.country in c.pair or \
            not any(b >= c.start for b, _ in c.joint_spans()):
        return None
    return Targets(tuple(c.pair), "; targets: the two parties")


def _other_party(pair: tuple[str, ...], country: str | None) -> str | None:
    """The document's other main party than `country`, if `country` is one of two."""
    if len(pair) != 2 or country not in pair:
        return None
    return pair[1] if pair[0] == country else pair[0]


def _partner(c: Clause, src: Source) -> str | None:
    return _other_party(c.pair, src.actor.country)


def stateless_person_of_partner(c: Clause, src: Source, rank: list[Candidate]) -> Targets | None:
    """A named person of unknown country after the trigger belongs to the other side of
    the story."""
    partner = _partner(c, src)
    stateless = [a for a in c.actors if not a.country and a.kind == "PERSON"
                 and a.start >= c.end]
    if partner is None or not stateless:
        return None
    a = stateless[0]
    return Targets((Candidate(a.start, a.end, replace(a.mention, country=partner)),),
                   "; target's country: main pair")


def main_pair_partner(c: Clause, src: Source, rank: list[Candidate]) -> Targets | None:
    """No one else named: the source acts on the other party of the story."""
    partner = _partner(c, src)
    return Targets((partner,), "; target: main pair") if partner else None


def conjoined_targets(c: Clause, head: Candidate, own: str | None) -> list[Candidate]:
    """ "les dirigeants de l'UE et de la Belgique": actors joined to the target by a
    conjunction are targets too."""
    group = [head]
    ld = c.language
    for a in c.placed:
        if a.start <= group[-1].start:
            continue
        gap = fold(c.text[group[-1].end:a.start].strip(" ,"))
        words = set(gap.split())
        if gap == "" or gap in ld.conjunction or (
                words and words <= (ld.conjunction | ld.connector | ld.conjunct_fillers)):
            group.append(a)
        else:
            break
    return [a for a in group if a.country != own] or [head]


RULES = RuleSet(tuple(Rule(f.__name__, phase, f) for phase, fs in (
    ("speech", (speaker_after_quotation,)),
    ("choice", (dependency_parse, joint_subject_on_third_party, joint_subject,
                speaker_accuses_reported_subject)),
    ("source", (reported_clause_subject, speaker_of_reported_speech, person_before_trigger,
                actor_before_trigger, verb_subject_order, parties_after_trigger,
                stateless_person_before_trigger, subject_carried_over)),
    ("rank", (object_inside_trigger,)),
    ("target", (host_named_after_place, place_visited, nearest_candidate,
                both_parties_addressed, stateless_person_of_partner, main_pair_partner)),
    ("expand", (conjoined_targets,)),
    ("filter", (same_meeting, restated)),
) for f in fs))


def choose(c: Clause, rules: RuleSet = RULES) -> Choice | None:
    """Source and targets for one trigger by the first rules that answer, or None."""
    for rule in rules.phase("choice"):
        found = rule.apply(c)
        if found is not None:
            return found
    src = next((s for r in rules.phase("source") if (s := r.apply(c)) is not None), None)
    if src is None:
        return None
    rank = ranked(c, src, rules)
    for rule in rules.phase("target"):
        found = rule.apply(c, src, rank)
        if found is None:
            continue
        targets = list(found.head)
        if found.conjoinable:
            for r in rules.phase("expand"):
                targets = r.apply(c, targets[0], src.actor.country)
        return Choice(src.actor, tuple(targets), src.reason + found.suffix)
    return None
