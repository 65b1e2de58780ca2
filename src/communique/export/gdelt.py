"""A GDELT-style table of events: a documented subset of the GDELT 2.0 event columns,
tab-separated, with a header."""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable

from .output import open_output

# GDELT 2.0 event columns we fill, in GDELT's order. NumMentions, NumSources and
# NumArticles are 1 for one report; with --merged they count every report of the event.
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "DATEADDED", "SOURCEURL",
)


def numeric_id(event_id: str) -> int:
    """A stable integer id (GDELT ids are integers) from our event id."""
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:15], 16)


def _actor(a: dict) -> list:
    return [a["country"] or "", a["name"] or "", a["country"] or "", a["sector"] or ""]


def gdelt_row(e: dict) -> list:
    """One event record (a report's or a merged event's) as a row of GDELT_COLUMNS."""
    day = e["date"] or ""
    ymd = day.replace("-", "")
    fraction = ""
    if day:
        y, m, d = (int(x) for x in day.split("-"))
        fraction = f"{y + ((m - 1) * 30 + d) / 365:.4f}"
    cameo = e["cameo"] or ""
    loc = e["location"] or {}
    return [numeric_id(e["event_id"]), ymd, ymd[:6], day[:4], fraction,
            *_actor(e["source"]), *_actor(e["target"]),
            1, cameo, cameo[:3], cameo[:2], e["quad_class"] or "", e["goldstein"] or "",
            e.get("n_mentions", 1), e.get("n_sources", 1), e.get("n_articles", 1),
            loc.get("name") or "", loc.get("country") or "",
            (e["published"] or "").replace("-", ""), e["url"] or ""]


def write_gdelt(events: Iterable[dict], out: str | None) -> int:
    n = 0
    with open_output(out, newline="") as stream:
        writer = csv.writer(stream, delimiter="\t", lineterminator="\n")
        writer.writerow(GDELT_COLUMNS)
        for e in events:
            writer.writerow(gdelt_row(e))
            n += 1
    return n
