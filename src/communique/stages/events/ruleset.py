"""A named, ordered set of rules that can be switched off one at a time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    phase: str  # which step of coding applies it (see rules.PHASES)
    apply: Callable

    @property
    def doc(self) -> str:
        return (self.apply.__doc__ or "").strip().splitlines()[0]


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Rules in their declared order. `without(name)` gives the same set less one rule,
    which is how tests show that each rule matters."""

    rules: tuple[Rule, ...]

    def phase(self, phase: str) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.phase == phase)

    def names(self) -> tuple[str, ...]:
        return tuple(r.name for r in self.rules)

    def enabled(self, name: str) -> bool:
        return any(r.name == name for r in self.rules)

    def without(self, *names: str) -> RuleSet:
        unknown = set(names) - set(self.names())
        if unknown:
            raise KeyError(f"no such rule: {', '.join(sorted(unknown))}")
        return RuleSet(tuple(r for r in self.rules if r.name not in names))
