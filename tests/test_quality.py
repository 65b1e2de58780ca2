"""Quality gate on our own annotated articles (eval/samples.gold.jsonl): eleven languages,
three articles each, every language with its own lenient and strict floor. Floors move
up with the scores; one moves down only for a change that raises the held-out dev part
(real articles by others), and the commit says so. The README's quality table has the
figures."""

from pathlib import Path

import pytest

from communique.evaluation import evaluate, read_jsonl
from communique.export import entity_dicts, event_dicts
from communique.lang import available_languages
from communique.runner import run
from communique.store import Store

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "src" / "communique" / "samples" / "articles.jsonl"
GOLD = ROOT / "eval" / "samples.gold.jsonl"

# Floors sit 0.01-0.02 below the measured scores and only move up.
OVERALL = {"lenient": 0.60, "strict": 0.50}
# The six languages the first floors were set on, scored alone.
OVERALL_LANGUAGES = ("ar", "en", "es", "fr", "ru", "zh")
ORIGINAL = {"lenient": 0.72, "strict": 0.62}
PER_LANGUAGE = {  # lenient, strict
    "ar": (0.84, 0.73), "de": (0.49, 0.43), "en": (0.63, 0.58), "es": (0.80, 0.80),
    "fa": (0.51, 0.51), "fr": (0.67, 0.50), "kk": (0.85, 0.19), "ru": (0.70, 0.54),
    "tr": (0.24, 0.19), "uk": (0.36, 0.36), "zh": (0.68, 0.58),
}
PERSON_BCUBED = 0.85


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    with Store(tmp_path_factory.mktemp("q") / "q.duckdb") as store:
        run([str(SAMPLES)], store)
        gold = read_jsonl(GOLD)
        events, entities = list(event_dicts(store)), list(entity_dicts(store))
        result = evaluate(gold, events, entities)
        result["original"] = evaluate([d for d in gold if d["lang"] in OVERALL_LANGUAGES],
                                      events, None)
        return result


def test_overall_floors(report):
    for mode, floor in OVERALL.items():
        assert report[mode]["overall"].f1 >= floor, (mode, report[mode]["overall"])
    for mode, floor in ORIGINAL.items():
        assert report["original"][mode]["overall"].f1 >= floor, \
            (mode, report["original"][mode]["overall"])


def test_every_language_with_data_has_a_floor():
    assert set(PER_LANGUAGE) == set(available_languages())


@pytest.mark.parametrize("lang", sorted(PER_LANGUAGE))
def test_language_floors(report, lang):
    for mode, floor in zip(("lenient", "strict"), PER_LANGUAGE[lang], strict=True):
        assert report[mode]["per_lang"][lang].f1 >= floor, (mode, report[mode]["per_lang"][lang])


def test_person_resolution_floor(report):
    assert report["entities"]["f1"] >= PERSON_BCUBED, report["entities"]
