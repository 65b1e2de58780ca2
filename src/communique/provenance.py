"""How a mention was found: a closed set of ways, kept on the `Mention` record as typed
fields (`found_by`, `cue`, `full_name`), and the sentence that tells a reader the same."""

from __future__ import annotations

from enum import StrEnum


class FoundBy(StrEnum):
    KB_NAME = "knowledge-base name"  # a known person's alias in the gazetteer
    NER = "named-entity model"  # a person span from the statistical model
    HONORIFIC = "honorific"  # the words after a title ("M. Wang"); cue: the title
    AFTER_ROLE = "name after role"  # "le ministre des Affaires étrangères, Wang Yi"
    SURNAME = "surname"  # one part of a full name met in the document; full_name: it
    ROLE_PHRASE = "role phrase"  # an office ("the US Secretary of State")
    GAZETTEER = "gazetteer"  # a country, demonym, organisation or capital; cue: its kind


def describe(found_by: str, cue: str | None = None, full_name: str | None = None) -> str:
    """The mention's reason as exported ("honorific M.", "surname of Wang Yi")."""
    found_by = FoundBy(found_by)
    if found_by == FoundBy.SURNAME:
        return f"surname of {full_name}"
    if found_by in (FoundBy.HONORIFIC, FoundBy.GAZETTEER):
        return f"{found_by.value} {cue}"
    return found_by.value
