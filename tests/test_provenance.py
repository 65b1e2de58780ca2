"""How a mention was found is a typed field; resolution reads the field, never the
exported sentence; the NER backend comes from the language's profile."""

from __future__ import annotations

import dataclasses

import pytest

from communique.kb import KnowledgeBase
from communique.kb.gazetteer import gazetteer
from communique.lang import load_language
from communique.provenance import FoundBy, describe
from communique.records import Mention, Sentence
from communique.stages import ner
from communique.stages.mentions import find_mentions
from communique.stages.resolve import resolve


def _mentions(iso: str, text: str) -> tuple[Mention, ...]:
    sentences, start = [], 0
    for i, part in enumerate(text.split("|")):
        sentences.append(Sentence(index=i, start=start, end=start + len(part), text=part))
        start += len(part) + 1
    return find_mentions(text.replace("|", " "), tuple(sentences), load_language(iso),
                         gazetteer(iso))


@pytest.mark.parametrize("found_by,cue,full_name,text", [
    (FoundBy.KB_NAME, None, None, "knowledge-base name"),
    (FoundBy.NER, None, None, "named-entity model"),
    (FoundBy.AFTER_ROLE, None, None, "name after role"),
    (FoundBy.ROLE_PHRASE, None, None, "role phrase"),
    (FoundBy.HONORIFIC, "M.", None, "honorific M."),
    (FoundBy.GAZETTEER, "demonym", None, "gazetteer demonym"),
    (FoundBy.SURNAME, None, "Moukhtar Tleouberdi", "surname of Moukhtar Tleouberdi"),
])
def test_the_exported_reason_is_rendered_from_the_fields(found_by, cue, full_name, text):
    assert describe(found_by, cue, full_name) == text


def test_mentions_carry_how_they_were_found():
    text = ("Le ministre des Affaires étrangères, Aidos Zhanbolatov, a reçu M. Quentavel."
            "|Zhanbolatov a salué le Kazakhstan.")
    by_text = {m.text: m for m in _mentions("fr", text)}
    assert by_text["Aidos Zhanbolatov"].found_by == FoundBy.AFTER_ROLE
    assert (by_text["Quentavel"].found_by, by_text["Quentavel"].cue) == (FoundBy.HONORIFIC, "M.")
    surname = by_text["Zhanbolatov"]
    assert (surname.found_by, surname.full_name) == (FoundBy.SURNAME, "Aidos Zhanbolatov")
    assert surname.reason == "surname of Aidos Zhanbolatov"
    kaz = by_text["Kazakhstan"]
    assert (kaz.found_by, kaz.cue, kaz.reason) == (FoundBy.GAZETTEER, "country",
                                                   "gazetteer country")


def test_resolution_follows_the_typed_surname_link_not_the_reason_text():
    full = Mention(start=0, end=17, text="Aidos Zhanbolatov", kind="PERSON", sentence=0,
                   found_by=FoundBy.AFTER_ROLE, reason="name after role")
    # A reason that reads like a surname link, on a mention that is not one, links nothing.
    decoy = Mention(start=30, end=37, text="Karimov", kind="PERSON", sentence=1,
                    found_by=FoundBy.NER, reason="surname of Aidos Zhanbolatov")
    short = dataclasses.replace(decoy, start=40, end=51, text="Zhanbolatov",
                                found_by=FoundBy.SURNAME, full_name="Aidos Zhanbolatov",
                                reason="found another way")
    out, _ = resolve((full, decoy, short), KnowledgeBase.default(), None)
    assert out[2].entity_id == out[0].entity_id
    assert out[1].entity_id != out[0].entity_id
    assert out[2].reason.startswith("found another way; ")


class _Profile:
    """Only the fields the NER dispatch reads."""

    def __init__(self, backend: str, package: str = ""):
        self.ner, self.ner_package = backend, package


def test_a_language_without_a_backend_or_its_package_has_no_model_spans():
    sents = (Sentence(index=0, start=0, end=5, text="Hello"),)
    assert ner.parse(_Profile(""), sents, {}) == (None, {})
    models: dict[str, object] = {}
    assert ner.parse(_Profile("spacy", "no_such_spacy_package_xx"), sents, models) == (None, {})
    assert models == {"no_such_spacy_package_xx": None}  # looked up once


def test_the_profiles_name_the_backends():
    assert (load_language("fr").profile.ner, load_language("fr").profile.ner_package) == \
        ("spacy", "fr_core_news_sm")
    assert load_language("ru").profile.ner == "natasha"
    assert load_language("ar").profile.ner == ""
