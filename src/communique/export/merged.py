"""Merged events: one record per real-world event, whatever the number of reports, with
how many mentions, articles, sources, stories and languages told it, when it was first
and last reported, and a link to every report's evidence."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from urllib.parse import urlsplit

from ..dedup import groups
from ..store import Store
from ..store.schema import EVENTS, FLAT_LAYOUT, FLAT_SOURCES, event_record
from .events import EVENT_JOINS, MERGE_JOINS
from .rows import rows

# Every report with its merged event and story, the reports of one event together,
# the first reported first.
MERGED_SQL = f"""SELECT {EVENTS.select()} {EVENT_JOINS} {MERGE_JOINS}
    ORDER BY coalesce(g.merged_id, 'evm-' || e.event_id[4:]), d.published NULLS LAST,
             e.event_id"""

# Flat columns of the CSV and Parquet exports of merged events.
FLAT_COLUMNS = FLAT_LAYOUT
# What a merged event adds to a report's record.
MERGED_FIELDS = ("n_mentions", "n_articles", "n_sources", "n_stories", "languages",
                 "first_seen", "last_seen", "mentions")


def source_of(url: str | None, doc_id: str) -> str:
    """Who published an article: the host of its URL without 'www.', else the article
    itself (an unknown source counts once per article)."""
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else f"doc:{doc_id}"


def merge_reports(merged_id: str, reports: list[dict]) -> dict:
    """The merged record; `reports` are event dicts (with `story_id`), the first one
    reported first: it anchors the merged event's actors, date and evidence."""
    anchor = reports[0]
    statuses = {r["status"] for r in reports}
    published = sorted(r["published"] for r in reports if r["published"])
    contexts: list[str] = []
    for r in reports:
        contexts.extend(c for c in r["contexts"] if c not in contexts)
    dated = [r for r in reports if r["date_precision"] == "day"] or reports
    return {
        **{k: v for k, v in anchor.items() if k not in ("story_id", "merged_id")},
        "event_id": merged_id,
        "status": "occurred" if "occurred" in statuses else anchor["status"],
        "date": dated[0]["date"], "date_precision": dated[0]["date_precision"],
        "location": next((r["location"] for r in reports if r["location"]), None),
        "contexts": contexts,
        "confidence": max(r["confidence"] for r in reports),
        "n_mentions": len(reports),
        "n_articles": len({r["doc_id"] for r in reports}),
        "n_sources": len({source_of(r["url"], r["doc_id"]) for r in reports}),
        "n_stories": len({r["story_id"] or r["doc_id"] for r in reports}),
        "languages": sorted({r["lang"] for r in reports if r["lang"]}),
        "first_seen": published[0] if published else None,
        "last_seen": published[-1] if published else None,
        "mentions": [{"event_id": r["event_id"], "doc_id": r["doc_id"], "url": r["url"],
                      "published": r["published"], "lang": r["lang"],
                      "story_id": r["story_id"], "evidence": r["evidence"]}
                     for r in reports],
    }


def merged_event_dicts(store: Store, statuses: tuple[str, ...] | None = None
                       ) -> Iterator[dict]:
    """Merged events, the status of each its strongest report's (occurred before planned)."""
    def group_of(r: dict) -> str:  # a report not grouped yet stands alone
        return r["merged_id"] or groups.merged_id(r["event_id"])

    for merged_id, group in groupby(rows(store, MERGED_SQL, []), key=group_of):
        record = merge_reports(merged_id, [event_record(r) for r in group])
        if statuses is None or record["status"] in statuses:
            yield record


def _at(record: dict, path: tuple[str, ...]):
    """The value at `path` in a nested record; None under an absent object (an event
    placed nowhere has no location name)."""
    value = record
    for key in path:
        value = value[key] if value is not None else None
    return value


def _merged_value(m: dict, name: str):
    if name == "event_ids":
        return [x["event_id"] for x in m["mentions"]]
    return m[name]


def flat(m: dict) -> dict:
    """A merged event as one row of flat columns; lists become ';'-separated text."""
    out = {}
    for name in FLAT_LAYOUT:
        col = FLAT_SOURCES.get(name)
        value = _at(m, col.path) if col else _merged_value(m, name)
        out[name] = ";".join(value) if isinstance(value, list) else value
    return out
