"""The sentence classifier: in step with its exemplars, and sensible in many languages."""

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest
import yaml

from communique.stages.classify import WEIGHTS, EventClassifier

ROOT = Path(__file__).resolve().parent.parent
EXEMPLARS = ROOT / "training" / "exemplars.jsonl"
LANG = ROOT / "src" / "communique" / "lang"


def test_weights_were_trained_on_the_current_exemplars():
    data = np.load(WEIGHTS, allow_pickle=False)
    rows = [json.loads(line) for line in EXEMPLARS.read_text("utf-8").splitlines() if line]
    for path in sorted(LANG.glob("*/triggers.yaml")):
        rows += [{"text": t["example"], "type": t["type"]}
                 for t in yaml.safe_load(path.read_text("utf-8")) or [] if t.get("example")]
    lines = sorted(json.dumps([r["text"], r["type"]], ensure_ascii=False) for r in rows)
    digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
    assert str(data["exemplars_sha256"]) == digest, \
        "exemplars or trigger examples changed: run scripts/train_classifier.py"
    assert data["weights"].shape == (17, 384)  # multilingual-e5-small vectors


# Clear sentences, one event each, in eight languages: the classifier's first choice.
CLEAR = [
    ("The government imposed new sanctions on Iranian banks and froze their assets.",
     "SANCTION"),
    ("وأدانت وزارة الخارجية بشدة الهجوم على السفارة واتهمت الحكومة بالتقصير.", "ACCUSE"),
    ("Россия готова расширять сотрудничество с Казахстаном в энергетике.", "AGREE"),
    ("外交部发言人强烈谴责美方的错误言论。", "ACCUSE"),
    ("El Gobierno envió toneladas de ayuda humanitaria a Gaza.", "AID"),
    ("The two foreign ministers held talks in Beijing on Monday.", "CONSULT"),
    # Signing an agreement is SUPPORT in PLOVER; promising to sign is AGREE.
    ("Les deux pays ont signé un accord de coopération économique.", "SUPPORT"),
    ("The army launched air strikes on rebel positions, killing dozens.", "ASSAULT"),
    ("Президент пригрозил ответными мерами, если санкции не будут сняты.", "THREATEN"),
    ("Thousands of protesters marched in the capital against the government.", "PROTEST"),
    ("Der Außenminister traf seinen chinesischen Amtskollegen in Berlin zu Gesprächen.",
     "CONSULT"),
    ("中国向巴基斯坦提供了紧急人道主义援助。", "AID"),
    ("Le gouvernement a rejeté la proposition de cessez-le-feu.", "REJECT"),
    ("Turkey deployed troops and tanks to the border.", "MOBILIZE"),
]
# Harder ones, where the type depends on who acts or on a second clause: the
# classifier supports the trigger lexicons rather than deciding alone.
HARDER = [
    ("Le président chinois a reçu son homologue brésilien à Pékin pour des entretiens.",
     "CONSULT"),
    ("The minister called on Israel to allow humanitarian aid into Gaza.", "REQUEST"),
    ("يرحب الوزير بالتعاون مع الصين ويدعم جهودها.", "SUPPORT"),
    ("The government expelled the ambassador and closed the embassy.", "COERCE"),
]


def _first_choices(texts: list[str]) -> list[str]:
    return [max(probs, key=probs.get) for probs in EventClassifier().predict(texts)]


@pytest.mark.parametrize("text,expected", CLEAR)
def test_predicts_the_type(text, expected):
    assert _first_choices([text]) == [expected]


def test_accuracy_over_clear_and_harder_sentences():
    # Measured with the shipped weights: 14/14 clear and 3/4 harder, 0.94 in all
    # (held-out language accuracy 0.69-0.85 over 17 classes, see
    # scripts/train_classifier.py). Retraining may trade a sentence or two.
    cases = CLEAR + HARDER
    hits = sum(got == want for got, (_, want) in
               zip(_first_choices([t for t, _ in cases]), cases, strict=True))
    assert hits / len(cases) >= 0.85


@pytest.mark.parametrize("text,context", [
    ("Россия и Казахстан обсудили поставки нефти и газа и строительство АЭС.", "energy"),
    ("وأدان الوزير الغارات الجوية على غزة وطالب بإدخال المساعدات الإنسانية.", "humanitarian"),
    ("双方同意加强人工智能和航天领域合作。", "technology"),
    ("Los ministros acordaron aumentar el comercio bilateral y reducir los aranceles.", "trade"),
])
def test_contexts_across_languages(text, context):
    [(_, contexts)] = EventClassifier().analyse([text])
    assert context in contexts, contexts
