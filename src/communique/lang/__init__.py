"""Per-language data: trigger lexicons, roles, honorifics, markers, boilerplate, demonyms,
and the profile the shared code asks instead of comparing language codes.

Everything a language needs lives in files under `lang/<iso>/` (and, for what a script's
languages share, `lang/scripts.yaml`); this module only reads and compiles them. Adding a
language means adding a folder. `LANG_ROOT` is read at each call, so a test may point it
elsewhere (then call `clear_caches()`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from ..datafiles import read_yaml
from ..errors import DataFileError
from ..records import PLOVER_TYPES
from ..textutil import fold
from .profile import Profile, load_profile, read_scripts

LANG_ROOT = Path(str(resources.files("communique") / "lang"))
FLAGS = re.IGNORECASE | re.UNICODE


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    pattern: re.Pattern
    mode: str | None = None
    cameo: str | None = None
    example: str | None = None
    status: str | None = None  # a trigger may itself say "planned" (e.g. "will visit")


@dataclass(frozen=True, slots=True)
class LanguageData:
    iso: str
    triggers: tuple[Trigger, ...]
    roles: tuple[tuple[str, re.Pattern], ...]
    honorifics_before: tuple[str, ...]
    honorifics_after: tuple[str, ...]
    markers: dict[str, re.Pattern | None]
    boilerplate: tuple[re.Pattern, ...]
    demonyms: tuple[tuple[str, str], ...]  # (code, form); form "=Name" is a short name
    profile: Profile
    locative: frozenset[str] = frozenset()  # folded words that put a place name as location
    connector: frozenset[str] = frozenset()  # between a role phrase and its country
    conjunction: frozenset[str] = frozenset()  # joins two actors into one group
    # single words that may also stand between two conjoined actors ("de", "la")
    conjunct_fillers: frozenset[str] = frozenset()
    name_stop: frozenset[str] = frozenset()  # words that end a name (scripts without case)
    case_endings: tuple[str, ...] = ()  # inflections names take ("Астане", "Лавровым")
    ignorable: re.Pattern | None = None  # skipped when matching triggers ("pas", "nicht")
    role_gap: re.Pattern | None = None  # between a country and its role ("驻华")


def available_languages() -> tuple[str, ...]:
    return tuple(sorted(p.name for p in LANG_ROOT.iterdir()
                        if p.is_dir() and (p / "triggers.yaml").exists()))


def language_folder(iso: str) -> Path:
    return LANG_ROOT / iso


@cache
def scripts() -> dict[str, dict]:
    """`scripts.yaml`: what the languages of each script share."""
    return read_scripts(LANG_ROOT / "scripts.yaml")


@cache
def key_particles() -> frozenset[str]:
    """Words a transliterated name's key leaves out ("al", "von", "mr"): scripts are
    transliterated to Latin letters before keys are made (kb/names.py)."""
    return frozenset(str(w) for block in scripts().values()
                     for w in block.get("key_particles") or [])


@cache
def profile(iso: str) -> Profile:
    return load_profile(language_folder(iso) / "profile.yaml", scripts(), available_languages())


def clear_caches() -> None:
    """Forget loaded data, after `LANG_ROOT` changed."""
    for f in (scripts, key_particles, profile, load_language):
        f.cache_clear()


_yaml = read_yaml


def _compile(pattern: str, where: str) -> re.Pattern:
    try:
        return re.compile(pattern, FLAGS)
    except re.error as exc:
        raise DataFileError(f"{where}: bad pattern {pattern!r}: {exc}") from exc


def _alternation(patterns: list[str], where: str) -> re.Pattern | None:
    if not patterns:
        return None
    return _compile("|".join(f"(?:{p})" for p in patterns), where)


def _triggers(path: Path) -> tuple[Trigger, ...]:
    out = []
    for i, item in enumerate(_yaml(path, [])):
        where = f"{path}: entry {i + 1}"
        if not isinstance(item, dict) or "pattern" not in item or "type" not in item:
            raise DataFileError(f"{where}: needs 'type' and 'pattern'")
        if item["type"] not in PLOVER_TYPES:
            raise DataFileError(f"{where}: unknown event type {item['type']!r}")
        cameo = item.get("cameo")
        out.append(Trigger(type=item["type"], pattern=_compile(str(item["pattern"]), where),
                           mode=item.get("mode"), cameo=str(cameo) if cameo else None,
                           example=item.get("example"), status=item.get("status")))
    return tuple(out)


def _demonyms(path: Path) -> tuple[tuple[str, str], ...]:
    if not path.exists():
        return ()
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].strip() or not parts[1].strip():
            raise DataFileError(f"{path}:{n}: expected CODE<TAB>form")
        rows.append((parts[0].strip(), parts[1].strip()))
    return tuple(rows)


SYNTAX_KEYS = frozenset({"locative", "connector", "conjunction", "conjunct_fillers",
                         "name_stop", "case_endings", "ignorable", "role_gap"})


def _syntax(path: Path) -> dict:
    syntax = _yaml(path, {})
    if not isinstance(syntax, dict):
        raise DataFileError(f"{path}: expected a mapping")
    unknown = sorted(set(syntax) - SYNTAX_KEYS)
    if unknown:
        raise DataFileError(f"{path}: unknown key {unknown[0]!r} (known: "
                            f"{', '.join(sorted(SYNTAX_KEYS))}; how the language is treated "
                            "goes in profile.yaml)")
    return syntax


@cache
def load_language(iso: str) -> LanguageData:
    folder = language_folder(iso)
    if not (folder / "triggers.yaml").exists():
        raise DataFileError(f"no language data for {iso!r}")
    roles = []
    for key, patterns in _yaml(folder / "roles.yaml", {}).items():
        for p in patterns or []:
            roles.append((key, _compile(str(p), f"{folder}/roles.yaml: {key}")))
    hon = _yaml(folder / "honorifics.yaml", {})
    if isinstance(hon, list):
        hon = {"before": hon}
    markers = {key: _alternation([str(p) for p in pats or []], f"{folder}/markers.yaml: {key}")
               for key, pats in _yaml(folder / "markers.yaml", {}).items()}
    boiler = tuple(_compile(str(p), f"{folder}/boilerplate.yaml")
                   for p in _yaml(folder / "boilerplate.yaml", []))
    syntax = _syntax(folder / "syntax.yaml")

    def words(key: str) -> frozenset[str]:
        return frozenset(fold(str(w)) for w in syntax.get(key) or [])

    return LanguageData(
        iso=iso, triggers=_triggers(folder / "triggers.yaml"), roles=tuple(roles),
        honorifics_before=tuple(str(h) for h in hon.get("before") or []),
        honorifics_after=tuple(str(h) for h in hon.get("after") or []),
        markers=markers, boilerplate=boiler, demonyms=_demonyms(folder / "demonyms.tsv"),
        profile=profile(iso),
        locative=words("locative"), connector=words("connector"),
        conjunction=words("conjunction"), conjunct_fillers=words("conjunct_fillers"),
        name_stop=words("name_stop"),
        case_endings=tuple(sorted(words("case_endings"), key=len, reverse=True)),
        ignorable=_alternation([str(p) for p in syntax.get("ignorable") or []],
                               f"{folder}/syntax.yaml: ignorable"),
        role_gap=_alternation([str(p) for p in syntax.get("role_gap") or []],
                              f"{folder}/syntax.yaml: role_gap"))
