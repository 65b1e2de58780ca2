"""Negated, hypothetical and planned events are marked, in several languages."""

import pytest

import communique


@pytest.mark.parametrize("lang,text,status", [
    ("en", "The Chinese foreign minister did not meet his Japanese counterpart in Tokyo.",
     "negated"),
    ("fr", "Le ministre russe ne s'est pas entretenu avec son homologue turc.", "negated"),
    ("ru", "Министр иностранных дел России не встретился с турецким коллегой.", "negated"),
    ("en", "If Russia deploys troops, the European Union will impose sanctions on Moscow.",
     "hypothetical"),
    ("fr", "Le président français se rendra la semaine prochaine en Chine pour une visite "
           "d'État.", "planned"),
    ("en", "Kazakhstan's Foreign Minister met the French ambassador in Astana on Tuesday.",
     "occurred"),
    ("en", "Moscow denied that its troops had attacked Ukrainian positions near Kharkiv.",
     "denied"),
    ("ru", "Кремль опроверг сообщения о том, что Россия нанесла удар по Киеву.", "denied"),
    ("ar", "ونفت إسرائيل أنها قصفت مواقع في جنوب لبنان.", "denied"),
])
def test_status(lang, text, status):
    events = communique.extract(text, published="2024-03-20", lang=lang)
    assert events, "no event"
    # A denial may also be coded itself (REJECT); the denied act carries the status.
    coded = [e for e in events if not (status == "denied" and e.event_type == "REJECT")]
    assert coded and coded[0].status == status, [(e.event_type, e.status) for e in events]
