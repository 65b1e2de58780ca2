"""Without capitals, a name after a role must start with a word names are made of."""

import datetime as dt

import pytest

from communique.kb.name_lexicon import name_count
from communique.records import Document

LEXICON = "arabic-name-romanizer"


def test_counts():
    assert name_count(LEXICON, "عمر") > 100 and name_count(LEXICON, "حسين") > 100
    assert name_count(LEXICON, "أعلنت") == 0 and name_count(LEXICON, "الوزارة") == 0
    with pytest.raises(ValueError, match="unknown name lexicon"):
        name_count("nope", "عمر")


@pytest.mark.parametrize(("lang", "text", "people"), [
    ("ar", "وقال رئيس الوزراء الأردني عمر الرزاز إن بلاده ترحب بالمساعدات.", ["عمر الرزاز"]),
    ("ar", "وأكد الرئيس العراقي السابق صدام حسين ذلك.", ["صدام حسين"]),
    ("ar", "وقال وزير الخارجية بدوره إن الوزارة أعلنت ذلك.", []),
    ("fa", "وزیر امور خارجه اعلام کرد که این کشور آماده است.", []),
])
def test_names_after_roles(pipeline, lang, text, people):
    doc = pipeline.analyse(Document(doc_id="n", text=text, lang=lang,
                                    published=dt.date(2018, 6, 11)))
    assert [m.text for m in doc.mentions if m.kind == "PERSON"] == people
