"""What the argument rules see of one trigger: the `Clause`, and what they return."""

from __future__ import annotations

from dataclasses import dataclass

from ...lang import LanguageData, Trigger
from ...records import Dep, Sentence
from ...textutil import find_spans
from .actors import Both, Candidate


@dataclass(frozen=True, slots=True)
class Clause:
    """One trigger in its sentence, with the document context the rules may use."""

    text: str  # the whole document
    sentence: Sentence
    actors: tuple[Candidate, ...]  # the sentence's actors, with or without a country
    start: int  # the trigger's span in the document
    end: int
    trigger: Trigger
    language: LanguageData
    speaker: Candidate | None = None  # of reported speech, in or around the sentence
    verb_at: int | None = None  # where the sentence's own speech verb starts
    last_source: Candidate | None = None  # the subject of the sentences before
    pair: tuple[str, ...] = ()  # the document's two main parties
    joint_pair: tuple[str, ...] = ()  # the parties of the last meeting told, else `pair`
    prev_end: int = 0  # where the previous trigger of the sentence ends
    syntax: tuple[Dep, ...] | None = None  # the sentence's dependency parse, if any

    @property
    def type(self) -> str:
        return self.trigger.type

    @property
    def placed(self) -> list[Candidate]:
        """Actors whose country is known."""
        return [a for a in self.actors if a.country]

    @property
    def before(self) -> list[Candidate]:
        return [a for a in self.placed if a.end <= self.start]

    @property
    def after(self) -> list[Candidate]:
        return [a for a in self.placed if a.start >= self.end]

    @property
    def inside(self) -> list[Candidate]:
        return [a for a in self.placed if self.start <= a.start and a.end <= self.end]

    @property
    def reported(self) -> bool:
        """The trigger is inside reported speech whose speaker has a country."""
        return self.speaker is not None and bool(self.speaker.country) and (
            self.verb_at is None or self.verb_at <= self.start
            or self.speaker.start >= self.verb_at)

    def joint_spans(self) -> list[tuple[int, int]]:
        """Document spans of "the two sides" phrases in the sentence."""
        pat = self.language.markers.get("joint")
        if pat is None:
            return []
        s = self.sentence.start
        return [(s + b, s + e) for b, e in find_spans(pat, self.sentence.text)]


Actorish = Candidate | str  # an actor mention, or a bare country code


@dataclass(frozen=True, slots=True)
class Choice:
    """The source and targets a rule chose for a trigger, and why."""

    source: Candidate | Both
    targets: tuple[Actorish, ...]
    reason: str


@dataclass(frozen=True, slots=True)
class Source:
    """A source chosen by a source rule; `speech` when it came from reported speech,
    which ranks the remaining actors differently."""

    actor: Candidate
    reason: str
    speech: bool = False


@dataclass(frozen=True, slots=True)
class Targets:
    """Targets chosen by a target rule; `head` is expanded to the actors conjoined
    with it when `conjoinable`."""

    head: tuple[Actorish, ...]
    suffix: str = ""  # added to the source's reason
    conjoinable: bool = False
