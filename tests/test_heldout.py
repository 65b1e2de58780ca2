"""The held-out set's files (eval/heldout): locators and gold agree, and the set keeps
the size it is reported at. Rebuilding the texts needs the source repositories
(scripts/heldout.py build), so this checks the committed files only."""

import importlib.util
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))  # the script imports its sibling modules
_spec = importlib.util.spec_from_file_location("heldout", ROOT / "scripts" / "heldout.py")
heldout = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(heldout)


def test_files_are_consistent():
    assert heldout.check() == 0


def test_size_and_split():
    locs = heldout.locators()
    per_lang = Counter(loc["lang"] for loc in locs)
    test = [loc for loc in locs if loc["split"] == "test"]
    assert len(locs) >= 60 and len(test) * 2 >= len(locs)
    assert len({loc["lang"] for loc in test}) >= 9
    for lang in ("fr", "ar", "en", "ru", "zh", "es", "de", "tr", "fa"):
        assert per_lang[lang] >= 6, lang


def test_no_article_text_is_committed():
    for g in heldout.gold().values():
        for e in g["events"]:
            assert "evidence" not in e
            start, end = e["evidence_span"]
            assert 0 <= start < end
    for loc in heldout.locators():
        assert len(loc["sha256"]) == 64 and "text" not in loc
