"""Merged events: one record per real-world event, whatever the number of reports, with
how many mentions, articles, sources, stories and languages told it, when it was first
and last reported, and a link to every report's evidence."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from urllib.parse import urlsplit

from .export import EVENT_COLUMNS, event_dict, rows
from .store import Store

MERGED_SQL = f"""SELECT {EVENT_COLUMNS}, g.merged_id, s.story_id
    FROM events e JOIN documents d USING (doc_id) LEFT JOIN event_groups g USING (event_id)
    LEFT JOIN stories s USING (doc_id)
    ORDER BY coalesce(g.merged_id, 'evm-' || e.event_id[4:]), d.published NULLS LAST,
             e.event_id"""

# Flat columns of the CSV and Parquet exports of merged events.
FLAT_COLUMNS = (
    "merged_id", "event_type", "mode", "status", "date", "date_precision",
    "source_country", "source_name", "source_entity_id", "source_qid",
    "target_country", "target_name", "target_entity_id", "target_qid",
    "location_name", "location_country", "cameo", "quad_class", "goldstein", "contexts",
    "n_mentions", "n_articles", "n_sources", "n_stories", "languages", "first_seen",
    "last_seen", "evidence_text", "doc_id", "url", "event_ids",
)


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
    def with_story(r: dict) -> dict:
        return {**event_dict(r), "story_id": r["story_id"]}

    def group_of(r: dict) -> str:  # a report not grouped yet stands alone
        return r["merged_id"] or "evm-" + r["event_id"].removeprefix("ev-")

    for merged_id, group in groupby(rows(store, MERGED_SQL, []), key=group_of):
        record = merge_reports(merged_id, [with_story(r) for r in group])
        if statuses is None or record["status"] in statuses:
            yield record


def flat(m: dict) -> dict:
    src, tgt, loc = m["source"], m["target"], m["location"] or {}
    return {
        "merged_id": m["event_id"], "event_type": m["event_type"], "mode": m["mode"],
        "status": m["status"], "date": m["date"], "date_precision": m["date_precision"],
        "source_country": src["country"], "source_name": src["name"],
        "source_entity_id": src["entity_id"], "source_qid": src["qid"],
        "target_country": tgt["country"], "target_name": tgt["name"],
        "target_entity_id": tgt["entity_id"], "target_qid": tgt["qid"],
        "location_name": loc.get("name"), "location_country": loc.get("country"),
        "cameo": m["cameo"], "quad_class": m["quad_class"], "goldstein": m["goldstein"],
        "contexts": ";".join(m["contexts"]), "n_mentions": m["n_mentions"],
        "n_articles": m["n_articles"], "n_sources": m["n_sources"],
        "n_stories": m["n_stories"], "languages": ";".join(m["languages"]),
        "first_seen": m["first_seen"], "last_seen": m["last_seen"],
        "evidence_text": m["evidence"]["text"], "doc_id": m["doc_id"], "url": m["url"],
        "event_ids": ";".join(x["event_id"] for x in m["mentions"]),
    }
