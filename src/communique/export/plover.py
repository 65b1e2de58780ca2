"""Events as PLOVER JSONL, validated by `schemas/plover-event.schema.json`."""

from __future__ import annotations

from collections.abc import Iterable

from ..version import __version__
from .merged import MERGED_FIELDS
from .output import write_jsonl


def _actor(a: dict) -> dict:
    return {"code": a["country"], "name": a["name"], "sector": a["sector"],
            "role": a["role"], "wikidata": a["qid"], "entity_id": a["entity_id"]}


def plover_record(e: dict) -> dict:
    """One event record (a report's or a merged event's, which keeps its counts and
    reports) in PLOVER's shape."""
    return {
        "id": e["event_id"], "date": e["date"], "date_precision": e["date_precision"],
        "event": e["event_type"], "mode": e["mode"], "context": e["contexts"],
        "status": e["status"], "actor": _actor(e["source"]), "recipient": _actor(e["target"]),
        "location": e["location"], "text": e["evidence"]["text"],
        "citation": {"doc_id": e["doc_id"], "url": e["url"], "published": e["published"],
                     "language": e["lang"], "start": e["evidence"]["start"],
                     "end": e["evidence"]["end"]},
        "cameo": e["cameo"], "quad_class": e["quad_class"], "goldstein": e["goldstein"],
        "confidence": e["confidence"],
        "coder": f"communique {e['pipeline_version'] or __version__}",
    } | {k: e[k] for k in MERGED_FIELDS if k in e}


def write_plover(events: Iterable[dict], out: str | None) -> int:
    return write_jsonl((plover_record(e) for e in events), out)
