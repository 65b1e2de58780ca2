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
])
def test_status(lang, text, status):
    events = communique.extract(text, published="2024-03-20", lang=lang)
    assert events, "no event"
    assert events[0].status == status, [(e.event_type, e.status) for e in events]
