"""Shared code never asks which language it reads: it asks the language's profile.

These tests fail when a comparison with a language code ("ar", "zh", ...) or a table
keyed by language code comes back outside `lang/`, and show that a new language is a new
folder: mentions are found in it with no code change.
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

import communique
from communique import lang
from communique.errors import DataFileError
from communique.kb import KnowledgeBase
from communique.kb.gazetteer import gazetteer
from communique.lang import available_languages, load_language
from communique.provenance import FoundBy
from communique.records import Sentence
from communique.stages.mentions import find_mentions

PACKAGE = Path(communique.__file__).parent
CODES = frozenset(available_languages())


def _codes_in(node: ast.AST) -> list[str]:
    """Language codes written as a string literal, or inside a literal tuple/list/set."""
    items = node.elts if isinstance(node, ast.Tuple | ast.List | ast.Set) else [node]
    return [i.value for i in items
            if isinstance(i, ast.Constant) and isinstance(i.value, str) and i.value in CODES]


def language_code_uses(source: str) -> list[tuple[int, str]]:
    """(line, code) of each comparison with a language code (`==`, `!=`, `in`, `not in`,
    a `case` pattern), and each dict literal keyed by one."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            for op, right in zip(node.ops, node.comparators, strict=True):
                if isinstance(op, ast.Eq | ast.NotEq | ast.In | ast.NotIn):
                    found += [(node.lineno, c) for side in (node.left, right)
                              for c in _codes_in(side)]
        elif isinstance(node, ast.MatchValue):
            found += [(node.lineno, c) for c in _codes_in(node.value)]
        elif isinstance(node, ast.Dict):
            found += [(node.lineno, c) for k in node.keys if k is not None
                      for c in _codes_in(k)]
    return found


def shared_modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "lang" not in p.relative_to(PACKAGE).parts)


def test_the_check_sees_each_kind_of_comparison():
    source = ('a = lang == "ar"\nb = "zh" != x\nc = iso in ("ar", "fa")\n'
              'd = iso not in {"ru"}\ne = {"fr": "fr_core_news_sm"}\n'
              'f = word in ("de", "la")\ng = x == "en-GB"\n'
              'match iso:\n    case "kk":\n        pass\n')
    assert [c for _, c in language_code_uses(source)] == ["ar", "zh", "ar", "fa", "ru", "fr",
                                                          "de", "kk"]


def test_no_language_code_comparisons_outside_lang():
    found = [f"{p.relative_to(PACKAGE)}:{line}: {code!r}"
             for p in shared_modules()
             for line, code in language_code_uses(p.read_text(encoding="utf-8"))]
    assert found == [], "ask the language profile instead:\n" + "\n".join(found)


def _copy_language(tmp_path: Path, source: str, new: str) -> Path:
    """A language root holding every bundled language plus `new`, a copy of `source`."""
    root = tmp_path / "lang"
    shutil.copytree(PACKAGE / "lang", root, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    shutil.copytree(root / source, root / new)
    return root


@pytest.fixture
def lang_root(monkeypatch):
    """Point the loader at another data root for one test."""
    def use(root: Path) -> None:
        monkeypatch.setattr(lang, "LANG_ROOT", root)
        lang.clear_caches()
    yield use
    monkeypatch.undo()
    lang.clear_caches()


def _mentions(iso: str, text: str):
    sentence = Sentence(index=0, start=0, end=len(text), text=text)
    return find_mentions(text, (sentence,), load_language(iso),
                         gazetteer(iso, KnowledgeBase.default().extended([], [])))


def test_a_new_arabic_script_language_is_a_new_folder(tmp_path, lang_root):
    lang_root(_copy_language(tmp_path, "ar", "xa"))
    assert "xa" in available_languages()
    text = "واستقبل الرئيس المصري عبد الفتاح السيسي وزير الخارجية الروسي في القاهرة."
    found = {(m.kind, m.text, m.found_by) for m in _mentions("xa", text)}
    assert ("PERSON", "عبد الفتاح السيسي", FoundBy.AFTER_ROLE) in found, found
    assert ("COUNTRY", "المصري", FoundBy.GAZETTEER) in found, found
    # The same as Arabic, but for the capital: capitals' names are kept per language in
    # the knowledge base, which has none for the new code.
    in_arabic = {(m.kind, m.text, m.found_by) for m in _mentions("ar", text)}
    assert found == {f for f in in_arabic if f[0] != "CAPITAL"}


def test_a_new_latin_script_language_is_a_new_folder(tmp_path, lang_root):
    root = tmp_path / "lang"
    shutil.copytree(PACKAGE / "lang", root, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    folder = root / "xl"
    folder.mkdir()
    shutil.copy(root / "en" / "triggers.yaml", folder / "triggers.yaml")
    (folder / "profile.yaml").write_text("script: latin\nrole_joiners: [och]\n"
                                         "also_index: [en]\n", encoding="utf-8")
    (folder / "roles.yaml").write_text('foreign_minister: ["utrikesminister"]\n',
                                       encoding="utf-8")
    (folder / "honorifics.yaml").write_text('before: ["herr"]\n', encoding="utf-8")
    (folder / "syntax.yaml").write_text('connector: ["", "i"]\n', encoding="utf-8")
    lang_root(root)
    text = "Utrikesminister i Kazakhstan Sven Andersson och herr Wang i Stockholm."
    found = {(m.kind, m.text, m.found_by, m.cue) for m in _mentions("xl", text)}
    assert ("PERSON", "Sven Andersson", FoundBy.AFTER_ROLE, None) in found, found
    assert ("PERSON", "Wang", FoundBy.HONORIFIC, "herr") in found, found
    assert ("COUNTRY", "Kazakhstan", FoundBy.GAZETTEER, "country") in found, found


@pytest.mark.parametrize("profile,message", [
    ("role_joiners: [and]\n", "'script'"),
    ("script: runic\n", "script 'runic'"),
    ("script: latin\nverb_frist: true\n", "unknown key 'verb_frist'"),
    ("script: latin\nner: stanza\n", "ner: expected none, natasha or spacy:<package>"),
    ("script: latin\nner: 'spacy:'\n", "ner: expected"),
    ("script: latin\nmax_name_tokens: 0\n", "max_name_tokens: expected a positive"),
    ("script: latin\ncased: maybe\n", "cased: expected true or false"),
    ("script: latin\nalso_index: [qq]\n", "also_index: no language folder 'qq'"),
    ("script: latin\nname_shape: '[a-'\n", "name_shape: bad pattern"),
    ("script: latin\nclitics: {suffixes: [x]}\n", "clitics: unknown key 'suffixes'"),
    ("script: latin\nrole_joiners: and\n", "role_joiners: expected a list of words"),
    ("script: latin\nfold: {a: b}\n", "unknown key 'fold'"),  # folding holds for all text
])
def test_a_bad_profile_is_a_clear_error(tmp_path, lang_root, profile, message):
    root = _copy_language(tmp_path, "en", "xb")
    (root / "xb" / "profile.yaml").write_text(profile, encoding="utf-8")
    lang_root(root)
    with pytest.raises(DataFileError, match="profile.yaml") as err:
        load_language("xb")
    assert message in str(err.value)


def test_syntax_keys_have_one_home(tmp_path, lang_root):
    root = _copy_language(tmp_path, "ar", "xc")
    with open(root / "xc" / "syntax.yaml", "a", encoding="utf-8") as f:
        f.write("verb_first: true\n")
    lang_root(root)
    with pytest.raises(DataFileError, match="unknown key 'verb_first'.*profile.yaml"):
        load_language("xc")


def test_profiles_say_what_the_code_used_to_hard_code():
    ar, fr, ru, zh, en = (load_language(i).profile for i in ("ar", "fr", "ru", "zh", "en"))
    assert (ar.script, ar.cased, ar.verb_first, ar.max_name_tokens) == ("arabic", False, True, 3)
    assert ar.clitics.article == "ال" and "ب" in ar.clitics.prepositions
    assert (fr.ner, fr.ner_package) == ("spacy", "fr_core_news_sm")
    assert ru.ner == "natasha" and ru.cased
    assert zh.names_after_role == "characters" and zh.name_shape.fullmatch("王毅")
    assert en.also_index == () and fr.also_index == ("en",)
    assert "von" in fr.name_particles
