"""In scripts with capitals, a name matched only in lower case is a common word."""

import pytest

from communique.kb.gazetteer import gazetteer


@pytest.mark.parametrize(("lang", "text", "codes"), [
    ("ru", "Помимо того, Того и Россия подписали соглашение.", ["TGO", "RUS"]),
    ("tr", "Teklif kabul edildi, Kabil'de görüşme yapıldı.", ["AFG"]),
    ("es", "El euro subió frente a la Unión Europea.", ["EU"]),
    ("fr", "Les dirigeants européens ont salué la décision.", ["EU"]),
    ("en", "The kazakh envoy met Chad's minister.", ["KAZ", "TCD"]),
])
def test_lower_case_names_are_words(lang, text, codes):
    assert [m.entry.code for m in gazetteer(lang).find(text)] == codes
