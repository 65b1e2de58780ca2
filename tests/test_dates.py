import datetime as dt

import pytest

from communique.stages.dates import document_anchor, event_date, explicit_dates

D = dt.date


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "Le 21 janvier 2021, le ministre a appelé.", D(2021, 1, 21)),
    ("fr", "Mis à jour : 2021-01-22", D(2021, 1, 22)),
    ("en", "On January 21, 2021 the ministers spoke.", D(2021, 1, 21)),
    ("en", "On 3 March 2022 the council met.", D(2022, 3, 3)),
    ("ru", "21 января 2021 года министры провели переговоры.", D(2021, 1, 21)),
    ("es", "El 3 de marzo de 2022 los cancilleres se reunieron.", D(2022, 3, 3)),
    ("ar", "وأُجري الحوار الأخير يوم 6 تشرين الثاني/نوفمبر 2023.", D(2023, 11, 6)),
    ("ar", "في 15 يناير 2024 التقى الوزيران.", D(2024, 1, 15)),
    ("zh", "2021年1月21日，王毅同哈萨克斯坦外长通电话。", D(2021, 1, 21)),
    ("de", "Am 5. Mai 2023 trafen sich die Minister.", D(2023, 5, 5)),
    # Words around the numbers come from each language's dates.yaml.
    ("fr", "Le 1er février 2022, les ministres ont signé.", D(2022, 2, 1)),
    ("en", "On January 3rd, 2021 the ministers spoke.", D(2021, 1, 3)),
    ("es", "El 1º de enero del 2023 entró en vigor.", D(2023, 1, 1)),
    ("kk", "2021 жылғы 3 қаңтарда министрлер кездесті.", D(2021, 1, 3)),
])
def test_explicit_day_dates(lang, text, expected):
    found = [f for f in explicit_dates(text, lang) if f.precision == "day"]
    assert found and found[0].date == expected


def test_month_precision():
    found = explicit_dates("في نيويورك في أيلول/سبتمبر 2023", "ar")
    assert [(f.date, f.precision) for f in found] == [(D(2023, 9, 1), "month")]


@pytest.mark.parametrize("lang,text,published,expected", [
    ("fr", "Wang Yi a tenu vendredi à Beijing un dialogue.", D(2024, 3, 20), D(2024, 3, 15)),
    ("ru", "В пятницу министры провели переговоры.", D(2024, 3, 20), D(2024, 3, 15)),
    ("en", "The minister said on Tuesday that talks would go on.", D(2024, 3, 20),
     D(2024, 3, 19)),
    ("es", "Ayer el canciller recibió a su homólogo.", D(2024, 3, 20), D(2024, 3, 19)),
    ("es", "El canciller recibió el viernes a su homólogo.", D(2024, 3, 20), D(2024, 3, 15)),
    ("zh", "国家主席周五下午在北京同巴西总统举行会谈。", D(2023, 4, 15), D(2023, 4, 14)),
    ("ru", "Президент в среду принял лидера КНДР.", D(2023, 9, 14), D(2023, 9, 13)),
    # A date long before publication, in a sentence that names this week's weekday, is
    # background: the visit is "este lunes".
    ("es", "Boric fue recibido este lunes en Buenos Aires, en su primera visita desde que "
           "asumió el cargo el pasado 11 de marzo.", D(2022, 4, 5), D(2022, 4, 4)),
])
def test_relative_to_publication(lang, text, published, expected):
    assert event_date(text, lang, published, None) == (expected, "day")


def test_next_day_lands_on_the_anchor_plus_one():
    text = "وأجرى لقاءً دبلوماسياً في أوزبكستان في اليوم التالي لزيارة كازاخستان"
    assert event_date(text, "ar", None, D(2023, 11, 6)) == (D(2023, 11, 7), "day")


def test_no_date_without_publication_or_anchor():
    assert event_date("Wang Yi a tenu vendredi un dialogue.", "fr", None, None) == (None, None)


def test_anchor_ignores_dates_after_publication():
    texts = ["Le sommet aura lieu le 3 mars 2030.", "Le 21 janvier 2021, il a appelé."]
    assert document_anchor(texts, "fr", D(2021, 1, 22)) == D(2021, 1, 21)
