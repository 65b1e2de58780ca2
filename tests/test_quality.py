"""Quality gate on our own annotated articles (eval/samples.gold.jsonl): six languages,
three articles each. Floors only move up; the README's quality table has the figures."""

from pathlib import Path

import pytest

from communique.evaluation import evaluate, read_jsonl
from communique.export import entity_dicts, event_dicts
from communique.runner import run
from communique.store import Store

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "src" / "communique" / "samples" / "articles.jsonl"
GOLD = ROOT / "eval" / "samples.gold.jsonl"

OVERALL = {"lenient": 0.64, "strict": 0.54}
PER_LANGUAGE = {"ar": 0.60, "en": 0.52, "es": 0.80, "fr": 0.64, "ru": 0.52, "zh": 0.72}
PERSON_BCUBED = 0.86


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    with Store(tmp_path_factory.mktemp("q") / "q.duckdb") as store:
        run([str(SAMPLES)], store)
        return evaluate(read_jsonl(GOLD), list(event_dicts(store)), list(entity_dicts(store)))


def test_overall_floors(report):
    for mode, floor in OVERALL.items():
        assert report[mode]["overall"].f1 >= floor, (mode, report[mode]["overall"])


@pytest.mark.parametrize("lang", sorted(PER_LANGUAGE))
def test_language_floors(report, lang):
    assert report["lenient"]["per_lang"][lang].f1 >= PER_LANGUAGE[lang], \
        report["lenient"]["per_lang"][lang]


def test_person_resolution_floor(report):
    assert report["entities"]["f1"] >= PERSON_BCUBED, report["entities"]
