"""Event dates: explicit dates in a sentence, weekdays and relative days, resolved against
the article's publication date or the document's own anchor date; never against today.

Month and weekday names come from CLDR (babel) for each language, with regional
locales where the press uses other names (Levantine "تشرين الثاني" is ar_SY's
November). We parse these ourselves rather than with dateparser: its search mode is
slow on long texts and misses those names (see the README).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from babel.dates import get_day_names, get_month_names

from ..errors import DataFileError
from ..lang import _yaml, language_folder
from ..textutil import fold

FLAGS = re.IGNORECASE | re.UNICODE
CJK = re.compile(r"[\u3400-\u9fff]")
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


@dataclass(frozen=True, slots=True)
class FoundDate:
    date: dt.date
    precision: str  # day, month, year
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class DateGrammar:
    months: dict[str, int]
    weekdays: dict[str, int]
    full: tuple[re.Pattern, ...]  # day month year, month day year, numeric forms
    day_month: tuple[re.Pattern, ...]  # day month (year from context)
    month_year: tuple[re.Pattern, ...]
    weekday: re.Pattern | None
    relative: dict[str, re.Pattern]


def _alt(names) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


@cache
def grammar(lang: str) -> DateGrammar:
    path = language_folder(lang) / "dates.yaml"
    conf = _yaml(path, {})
    months, weekdays = _cldr_names(conf.get("cldr_locales") or [lang],
                                   conf.get("weekday_widths") or ["wide"])
    m = _alt(months)
    month = rf"(?P<month>{m})\.?(?:\s*/\s*(?:{m})\.?)?"
    year = r"(?P<year>(?:19|20)\d\d)"
    day = r"(?P<day>[0-3]?\d)"
    # The language's own words around a date's numbers: "1er", "3.", "3rd"; "3 de enero
    # de 2021", "January of 2021"; "2021 жылғы 3 қаңтар".
    ordinal = _optional(_word_list(conf, "ordinal_suffixes", path))
    joiner = _optional(_word_list(conf, "joiners", path), r"\s+")
    year_marker = _optional(_word_list(conf, "year_markers", path))
    full = tuple(re.compile(p, FLAGS) for p in [
        rf"\b{day}{ordinal}\s+{joiner}{month}\s+{joiner}{year}",
        rf"\b{month}\s+{day}{ordinal},?\s+{year}",
        rf"\b{year}\s*{year_marker}\s*{day}\s+{month}",
        r"\b(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b",
        r"\b(?P<dd>[0-3]?\d)[./](?P<dm>[01]?\d)[./](?P<dy>(?:19|20)\d\d)\b",
        r"(?P<zy>(?:19|20)\d\d)\s*年\s*(?P<zm>[01]?\d)\s*月\s*(?P<zd>[0-3]?\d)\s*日",
    ])
    day_month = tuple(re.compile(p, FLAGS) for p in [
        rf"\b{day}{ordinal}\s+{joiner}{month}\b",
        rf"\b{month}\s+{day}{ordinal}\b",
        r"(?<![\d年])(?P<zm>[01]?\d)\s*月\s*(?P<zd>[0-3]?\d)\s*日",
    ])
    month_year = (re.compile(rf"{month}\s+{joiner}{year}", FLAGS),
                  re.compile(rf"{year}\s*年\s*(?P<zm>[01]?\d)\s*月", FLAGS))
    weekdays, wd = _weekday_pattern(weekdays)
    return DateGrammar(months, weekdays, full, day_month, month_year, wd, _relative(conf))


def _cldr_names(locales: list[str], widths: list[str]) -> tuple[dict[str, int], dict[str, int]]:
    """Folded month and weekday names of the locales, with their numbers."""
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for loc in locales:
        for width in ("wide", "abbreviated", "short"):
            for ctx in ("format", "stand-alone"):
                try:
                    for num, name in (get_month_names(width, ctx, locale=loc).items()
                                      if width != "short" else ()):
                        key = fold(name).rstrip(".")
                        if len(key) >= 3 and not key.isdigit():
                            months.setdefault(key, num)
                    if width in widths:
                        for num, name in get_day_names(width, ctx, locale=loc).items():
                            if len(name) >= 2:
                                weekdays.setdefault(fold(name), num)
                except (ValueError, LookupError):
                    continue
    return months, weekdays


def _word_list(conf: dict, key: str, path) -> list[str]:
    """The words under `key`, folded like the text they are matched in ("º" is "o")."""
    words = conf.get(key) or []
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        raise DataFileError(f"{path}: {key}: expected a list of words")
    return [fold(w) for w in words]


def _optional(words: list[str], after: str = "") -> str:
    """An optional group matching any of `words` (each followed by `after`)."""
    return f"(?:(?:{_alt(words)}){after})?" if words else ""


def _weekday_pattern(weekdays: dict[str, int]) -> tuple[dict[str, int], re.Pattern | None]:
    if not weekdays:
        return weekdays, None
    # "в среду", "el martes": a weekday's name less its last letter, inflected freely.
    stems = {(w[:-1] if len(w) >= 5 else w): n for w, n in weekdays.items()}
    edge = "" if any(CJK.search(w) for w in stems) else r"(?:^|[\s(«\"]|\b)"
    return stems, re.compile(rf"{edge}(?P<wd>{_alt(stems)})\w*", FLAGS)


def _relative(conf: dict) -> dict[str, re.Pattern]:
    relative = {}
    for key in ("today", "yesterday", "tomorrow", "next_day", "previous_day"):
        pats = conf.get(key) or []
        if pats:
            relative[key] = re.compile("|".join(f"(?:{p})" for p in pats), FLAGS)
    return relative


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _all(patterns: tuple[re.Pattern, ...], text: str) -> list[re.Match]:
    """Matches of several patterns, earliest and longest first, without overlaps."""
    found = sorted((m for p in patterns for m in p.finditer(text)),
                   key=lambda m: (m.start(), -m.end()))
    out, last = [], -1
    for m in found:
        if m.start() >= last:
            out.append(m)
            last = m.end()
    return out


def _month_of(g: DateGrammar, text: str | None) -> int | None:
    if not text:
        return None
    return g.months.get(fold(text).rstrip("."))


def explicit_dates(text: str, lang: str, year_hint: int | None = None) -> list[FoundDate]:
    """Every date written out in `text` (day, or month precision)."""
    g = grammar(lang)
    norm = fold(text).translate(DIGITS)  # offsets below serve ordering only
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for m in _all(g.full, norm):
        gd = m.groupdict()
        if gd.get("iy"):
            d = _safe(int(gd["iy"]), int(gd["im"]), int(gd["id"]))
        elif gd.get("dy"):
            d = _safe(int(gd["dy"]), int(gd["dm"]), int(gd["dd"]))
        elif gd.get("zy"):
            d = _safe(int(gd["zy"]), int(gd["zm"]), int(gd["zd"]))
        else:
            month = _month_of(g, gd.get("month"))
            d = _safe(int(gd["year"]), month, int(gd["day"])) if month else None
        if d:
            found.append(FoundDate(d, "day", m.start(), m.end()))
            taken.append(m.span())
    if year_hint:
        for m in _all(g.day_month, norm):
            if any(s <= m.start() < e for s, e in taken):
                continue
            gd = m.groupdict()
            month = int(gd["zm"]) if gd.get("zm") else _month_of(g, gd.get("month"))
            day = int(gd["zd"] if gd.get("zd") else gd["day"])
            d = _safe(year_hint, month, day) if month else None
            if d:
                found.append(FoundDate(d, "day", m.start(), m.end()))
                taken.append(m.span())
    for m in _all(g.month_year, norm):
        if any(s <= m.start() < e for s, e in taken):
            continue
        gd = m.groupdict()
        month = int(gd["zm"]) if gd.get("zm") else _month_of(g, gd.get("month"))
        if month:
            found.append(FoundDate(dt.date(int(gd["year"]), month, 1), "month",
                                   m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def weekday_date(text: str, lang: str, published: dt.date) -> dt.date | None:
    """The latest date on or before `published` that falls on a weekday named in text."""
    g = grammar(lang)
    if g.weekday is None:
        return None
    m = g.weekday.search(fold(text))
    if not m:
        return None
    target = g.weekdays.get(m.group("wd"))
    if target is None:
        return None
    return published - dt.timedelta(days=(published.weekday() - target) % 7)


def relative_shift(text: str, lang: str) -> tuple[str, int] | None:
    """("published", n) or ("anchor", n) for today/yesterday/the next day..."""
    g = grammar(lang)
    for key, (base, shift) in {"next_day": ("anchor", 1), "previous_day": ("anchor", -1),
                               "yesterday": ("published", -1), "today": ("published", 0),
                               "tomorrow": ("published", 1)}.items():
        pat = g.relative.get(key)
        if pat is not None and pat.search(text):
            return base, shift
    return None


def document_anchor(texts: list[str], lang: str, published: dt.date | None) -> dt.date | None:
    """The day a report is about: the first date its sentences give, written out ("le 21
    janvier 2021") or relative to publication ("yesterday", "on Friday"), never after
    publication; else the publication date."""
    hint = published.year if published else None
    for text in texts:
        wd = weekday_date(text, lang, published) if published else None
        for f in explicit_dates(text, lang, hint):
            if f.precision == "day" and (published is None or f.date <= published) \
                    and not (wd and _background(f.date, published)):
                return f.date
        if published is None:
            continue
        shift = relative_shift(text, lang)
        if shift and shift[0] == "published":
            return published + dt.timedelta(days=shift[1])
        if wd:
            return wd
    return published


def _background(day: dt.date, published: dt.date | None) -> bool:
    """A written-out date more than a week before publication, in a sentence that also
    names a weekday of that week, is background ("depuis le 11 mars"), not the event."""
    return published is not None and (published - day).days > 7


def event_date(sentence: str, lang: str, published: dt.date | None,
               anchor: dt.date | None) -> tuple[dt.date | None, str | None]:
    """Date and precision of an event told in `sentence`."""
    hint = (published or anchor).year if (published or anchor) else None
    shift = relative_shift(sentence, lang)
    if shift:
        base = published if shift[0] == "published" else (anchor or published)
        if base:
            return base + dt.timedelta(days=shift[1]), "day"
    days = [f for f in explicit_dates(sentence, lang, hint) if f.precision == "day"]
    wd = weekday_date(sentence, lang, published) if published else None
    if days and not (wd and _background(days[0].date, published)):
        return days[0].date, "day"
    if wd:
        return wd, "day"
    if anchor:
        return anchor, "day"
    return None, None
