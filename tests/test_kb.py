"""The knowledge base's data files: complete, consistent, in every language we cover."""

import datetime as dt
from collections import defaultdict

import pytest
from babel import Locale

from communique.kb import KnowledgeBase, countries
from communique.kb.gazetteer import gazetteer
from communique.lang import available_languages

LANGS = ("en", "fr", "ar", "ru", "zh", "es", "de", "kk", "tr", "fa", "uk")
IGOS = ("UN", "EU", "NATO", "OSCE", "SCO", "CSTO", "CIS", "EAEU", "CICA", "ASEAN", "AU", "ARL",
        "GCC", "OIC", "BRICS", "G7", "G20", "OPEC", "IAEA", "WTO", "IMF", "OTS", "C5+1")


def test_every_un_member_with_a_qid():
    known = countries()
    assert len(known) >= 197  # 193 members, Palestine, Holy See, Kosovo, Taiwan
    assert all(qid and qid.startswith("Q") for qid, _ in known.values())
    assert known["KAZ"] == ("Q232", "Kazakhstan")


@pytest.mark.parametrize("lang", LANGS)
def test_country_names_in_every_language(lang):
    territories = Locale.parse(lang).territories
    from communique.kb import country_codes

    a2 = {v: k for k, v in country_codes().items()}
    missing = [c for c in countries() if a2.get(c) not in territories]
    assert missing == [], f"{lang}: no CLDR name for {missing}"


@pytest.mark.parametrize("lang,text,code", [
    ("fr", "les États-Unis", "USA"), ("fr", "sino", "CHN"), ("ar", "كازاخستان", "KAZ"),
    ("ru", "Казахстана", "KAZ"), ("zh", "哈萨克斯坦", "KAZ"), ("es", "Kazajistán", "KAZ"),
    ("de", "Kasachstan", "KAZ"), ("kk", "Қазақстан", "KAZ"), ("tr", "Kazakistan", "KAZ"),
    ("fa", "قزاقستان", "KAZ"), ("uk", "Казахстан", "KAZ"), ("fr", "kazakh", "KAZ"),
    ("ru", "казахстанской", "KAZ"), ("ar", "الكازاخستاني", "KAZ"), ("zh", "哈方", "KAZ"),
    ("fr", "OCS", "SCO"), ("ru", "ШОС", "SCO"), ("fr", "OTSC", "CSTO"),
    ("zh", "上海合作组织", "SCO"),
    ("ar", "منظمة شنغهاي للتعاون", "SCO"), ("fr", "Pékin", "CHN"), ("ru", "Астане", "KAZ"),
])
def test_names_demonyms_organisations_and_capitals(lang, text, code):
    found = gazetteer(lang).find(text)
    assert [m.entry.code for m in found] == [code], (lang, text, found)


@pytest.mark.parametrize("code", IGOS)
def test_organisations_named_in_every_language(code):
    block = KnowledgeBase.default().igos[code]
    missing = [lang for lang in LANGS if not block.get(lang)]
    assert missing == [], f"{code}: no names in {missing}"


def test_offices_use_known_roles_and_do_not_overlap():
    kb = KnowledgeBase.default()
    terms = defaultdict(list)
    for p in kb.persons:
        for o in p.offices:
            assert o.role in kb.roles, (p.name, o.role)
            assert o.start is None or o.end is None or o.start <= o.end, (p.name, o)
            if kb.roles[o.role].single and not o.note:
                terms[(o.role, o.country)].append((o.start or dt.date.min,
                                                   o.end or dt.date.max, p.name))
    for key, spans in terms.items():
        spans.sort()
        for (_s1, e1, n1), (s2, _e2, n2) in zip(spans, spans[1:], strict=False):
            assert s2 >= e1 or n1 == n2, f"{key}: {n1} and {n2} overlap"


def test_every_language_has_role_data():
    assert set(LANGS) <= set(available_languages())
