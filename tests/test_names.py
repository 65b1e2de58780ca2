import pytest

from communique.kb.names import name_key, surname_keys


@pytest.mark.parametrize("forms", [
    ["Mukhtar Tileuberdi", "Moukhtar Tleouberdi", "Mukhtar Tleuberdi", "Мухтар Тлеуберди",
     "مختار تلاوبردي"],
    ["Kairat Umarov", "Кайрат Умаров", "خيرت عمروف"],
    ["Kassym-Jomart Tokayev", "Kassym-Jomart Tokaïev", "Касым-Жомарт Токаев",
     "قاسم جومارت توكاييف"],
    ["Murat Nurtleu", "Mourat Nourtléou", "Мурат Нуртлеу"],
    ["Donald Lu", "دونالد لُو"],
])
def test_variants_share_a_key(forms):
    assert len({name_key(f) for f in forms}) == 1


@pytest.mark.parametrize("a,b", [("Antony Blinken", "Anthony Albanese"),
                                 ("Wang Yi", "Wang Wentao"),
                                 ("Murat Nurtleu", "Mukhtar Tleuberdi")])
def test_different_people_differ(a, b):
    assert name_key(a) != name_key(b)


def test_surname_keys():
    assert name_key("Tleouberdi") in surname_keys("Mukhtar Tleuberdi")
