import pytest

from communique.stages.clean import clean, is_boilerplate

PAGE = """Suivez nous sur

Kazakhstan

Entretiens entre le ministre kazakh des Affaires étrangères et le secrétaire d'État américain

PARTAGEZ:

Le ministre a rencontré son homologue à Washington pour des entretiens bilatéraux.

Publicité

Le secrétaire d'État s'est félicité des réformes menées au Kazakhstan.

Laisser un commentaire

Copyright © 2022 Agence. Tous droits réservés.
"""


def test_boilerplate_lines_are_dropped_and_offsets_kept():
    c = clean(PAGE)
    body = [PAGE[s.start:s.end] for s in c.body]
    assert body == [
        "Le ministre a rencontré son homologue à Washington pour des entretiens bilatéraux.",
        "Le secrétaire d'État s'est félicité des réformes menées au Kazakhstan.",
    ]
    assert PAGE[c.title.start:c.title.end].startswith("Entretiens entre le ministre kazakh")


@pytest.mark.parametrize("line", [
    "Suivez nous sur", "PARTAGEZ:", "Publicité", "Laisser un commentaire",
    "Copyright © L'Agence Chinoise de Coopération Internationale pour le Développement.",
    "التعليقات مغلقة.", "京ICP备18041594号", "Share this article", "Поделиться",
])
def test_furniture_lines(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "Le ministre a partagé son analyse de la situation régionale avec ses partenaires.",
    "وناقش الوفدان سبل تسهيل وتنويع التجارة والاستثمار.",
    "Министр иностранных дел Казахстана провёл переговоры с госсекретарём США.",
])
def test_prose_is_kept(line):
    assert not is_boilerplate(line)
