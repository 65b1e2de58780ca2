"""Chinese name boundaries come from a word segmenter, not from the characters around
them: a name after a role ends where a word ends, and verbs or time words are no name."""

import datetime as dt

import pytest

from communique.lang import load_language
from communique.records import Document
from communique.stages import segment

HAN = load_language("zh").profile


@pytest.mark.parametrize(("text", "name"), [
    ("洪都拉斯总统希奥马拉·卡斯特罗本月访华。", "希奥马拉·卡斯特罗"),
    ("墨西哥外长爱德华多·恩里克·雷纳举行会谈。", "爱德华多·恩里克·雷纳"),
    ("国务委员兼外长王毅会见了他。", "王毅"),
    ("日本驻华大使垂秀夫表示反对。", "垂秀夫"),
    ("公安部部长孙卫东会见泰国客人。", "孙卫东"),
])
def test_names_after_roles_end_at_a_word(pipeline, text, name):
    doc = pipeline.analyse(Document(doc_id="z", text=text, lang="zh",
                                    published=dt.date(2023, 6, 1)))
    assert [m.text for m in doc.mentions if m.kind == "PERSON"] == [name]


@pytest.mark.parametrize("text", ["国家主席推动两国合作。", "外长承认世界格局变化。",
                                  "国务委员兼外长出席会议。"])
def test_words_that_start_no_name(pipeline, text):
    doc = pipeline.analyse(Document(doc_id="z", text=text, lang="zh",
                                    published=dt.date(2023, 6, 1)))
    assert [m.text for m in doc.mentions if m.kind == "PERSON"] == []


def test_name_end_directly():
    text = "王毅会见外宾"  # the name's shape takes three characters; the word ends at two
    assert segment.name_end(HAN.segmenter, text, 0, 3, HAN.not_name_tags) == 2
    assert segment.name_end(HAN.segmenter, "推动合作", 0, 3, HAN.not_name_tags) is None
    with pytest.raises(ValueError, match="unknown segmenter"):
        segment.words("nope", text)
