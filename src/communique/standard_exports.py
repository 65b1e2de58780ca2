"""Event exports in the shapes other tools read: PLOVER JSONL (validated by
`schemas/plover-event.schema.json`) and a GDELT-style table (a documented subset of the
GDELT 2.0 event columns, tab-separated, with a header)."""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator

from . import __version__
from .export import open_output, write_lines

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


# What a merged event adds to the PLOVER record (see merged.py).
MERGED_FIELDS = ("n_mentions", "n_articles", "n_sources", "n_stories", "languages",
                 "first_seen", "last_seen", "mentions")


def plover_record(e: dict) -> dict:
    def actor(a: dict) -> dict:
        return {"code": a["country"], "name": a["name"], "sector": a["sector"],
                "role": a["role"], "wikidata": a["qid"], "entity_id": a["entity_id"]}

    return {
        "id": e["event_id"], "date": e["date"], "date_precision": e["date_precision"],
        "event": e["event_type"], "mode": e["mode"], "context": e["contexts"],
        "status": e["status"], "actor": actor(e["source"]), "recipient": actor(e["target"]),
        "location": e["location"], "text": e["evidence"]["text"],
        "citation": {"doc_id": e["doc_id"], "url": e["url"], "published": e["published"],
                     "language": e["lang"], "start": e["evidence"]["start"],
                     "end": e["evidence"]["end"]},
        "cameo": e["cameo"], "quad_class": e["quad_class"], "goldstein": e["goldstein"],
        "confidence": e["confidence"],
        "coder": f"communique {e['pipeline_version'] or __version__}",
    } | {k: e[k] for k in MERGED_FIELDS if k in e}


def numeric_id(event_id: str) -> int:
    """A stable integer id (GDELT ids are integers) from our event id."""
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:15], 16)


def gdelt_row(e: dict) -> list:
    day = e["date"] or ""
    ymd = day.replace("-", "")
    year = day[:4]
    fraction = ""
    if day:
        y, m, d = (int(x) for x in day.split("-"))
        fraction = f"{y + ((m - 1) * 30 + d) / 365:.4f}"
    cameo = e["cameo"] or ""
    src, tgt = e["source"], e["target"]
    loc = e["location"] or {}
    return [numeric_id(e["event_id"]), ymd, ymd[:6], year, fraction,
            src["country"] or "", src["name"] or "", src["country"] or "", src["sector"] or "",
            tgt["country"] or "", tgt["name"] or "", tgt["country"] or "", tgt["sector"] or "",
            1, cameo, cameo[:3], cameo[:2], e["quad_class"] or "", e["goldstein"] or "",
            e.get("n_mentions", 1), e.get("n_sources", 1), e.get("n_articles", 1),
            loc.get("name") or "", loc.get("country") or "",
            (e["published"] or "").replace("-", ""), e["url"] or ""]


def write_plover(events: Iterator[dict], out: str | None) -> int:
    return write_lines((json.dumps(plover_record(e), ensure_ascii=False) for e in events), out)


def write_gdelt(events: Iterator[dict], out: str | None) -> int:
    n = 0
    with open_output(out, newline="") as stream:
        writer = csv.writer(stream, delimiter="\t", lineterminator="\n")
        writer.writerow(GDELT_COLUMNS)
        for e in events:
            writer.writerow(gdelt_row(e))
            n += 1
    return n
