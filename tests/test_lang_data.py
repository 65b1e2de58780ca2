"""Every language's data files load, and every trigger matches its own example."""

import re

import pytest

from communique.lang import available_languages, load_language
from communique.records import PLOVER_TYPES

LANGS = available_languages()
REQUIRED = ("fr", "ar", "en", "ru", "zh", "es", "de", "kk", "tr", "fa", "uk")


def test_all_required_languages_are_present():
    assert set(REQUIRED) <= set(LANGS)


@pytest.mark.parametrize("iso", LANGS)
def test_triggers_cover_every_type_and_match_their_examples(iso):
    data = load_language(iso)
    assert {t.type for t in data.triggers} == set(PLOVER_TYPES)
    for t in data.triggers:
        assert t.pattern.groups == 0, f"{iso}: capturing group in {t.pattern.pattern!r}"
        if t.example:
            assert t.pattern.search(t.example), f"{iso}: {t.pattern.pattern!r} !~ {t.example!r}"


@pytest.mark.parametrize("iso", LANGS)
def test_boilerplate_never_drops_a_long_sentence(iso):
    data = load_language(iso)
    prose = ("The minister said that the two countries would continue to strengthen their "
             "cooperation in trade, energy and security over the coming years, " * 3)
    for p in data.boilerplate:
        assert not p.search(prose), f"{iso}: {p.pattern!r} drops prose"


@pytest.mark.parametrize("iso", LANGS)
def test_roles_and_demonyms(iso):
    data = load_language(iso)
    assert data.roles, f"{iso}: no roles"
    assert len(data.demonyms) >= 150, f"{iso}: too few demonyms"
    assert all(re.fullmatch(r"[A-Z][A-Z0-9+_]{1,9}", code) for code, _ in data.demonyms)
