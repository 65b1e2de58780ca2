"""Exports from the store: events and entities as JSONL (the evaluation contract), CSV
and Parquet (flat columns, written by DuckDB itself)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .analytics import MERGED_EVENTS
from .errors import CommuniqueError
from .store import Store

FORMATS = ("jsonl", "csv", "parquet", "plover", "gdelt")
DEFAULT_STATUSES = ("occurred", "planned")

EVENT_COLUMNS = """e.event_id, e.doc_id, e.event_type, e.mode,
    e.source_name, e.source_country, e.source_role, e.source_sector, e.source_entity_id,
    e.source_qid, e.target_name, e.target_country, e.target_role, e.target_sector,
    e.target_entity_id, e.target_qid, e.date, e.date_precision, e.location_name,
    e.location_country, e.evidence_text, e.evidence_start, e.evidence_end, e.trigger, e.status,
    e.confidence, e.cameo, e.quad_class, e.goldstein, e.lang, d.url, d.published,
    e.resolution_reason, e.pipeline_version, e.contexts"""


MENTIONS_SQL = """SELECT doc_id, start_char, end_char, kind, text, sentence, country, role,
    entity_id, name, qid, head, is_location, reason FROM mentions ORDER BY doc_id, start_char"""

# Country-pair aggregates: per month, directed pair and PLOVER type, over events that
# occurred or are planned (merged: each counted once, with its reports and the articles
# that told them), with their QuadClass and mean Goldstein.
PAIRS_SQL = """SELECT date_trunc('month', date)::DATE AS month, source_country, target_country,
    event_type, any_value(quad_class) AS quad_class, count(*) AS events,
    sum(reports)::INTEGER AS reports, round(avg(goldstein), 3) AS mean_goldstein,
    len(list_distinct(flatten(list(docs)))) AS articles
    FROM {merged} WHERE status IN ('occurred', 'planned') AND date IS NOT NULL
    GROUP BY ALL ORDER BY month, source_country, target_country, event_type"""


# Stories: every article with its story, the story's size, and how it is linked to the
# other articles of its story (copy, repost, translation, rewrite).
STORIES_SQL = """SELECT s.story_id, d.doc_id, d.published, d.lang, d.url, d.title,
    count(*) OVER (PARTITION BY s.story_id) AS story_articles,
    (SELECT string_agg(DISTINCT l.kind, ';' ORDER BY l.kind) FROM doc_links l
     WHERE l.doc_a = d.doc_id OR l.doc_b = d.doc_id) AS links
    FROM stories s JOIN documents d USING (doc_id)
    ORDER BY s.story_id, d.published NULLS LAST, d.doc_id"""
WHAT = ("events", "entities", "mentions", "pairs", "stories")


def _event_query(store: Store, statuses: tuple[str, ...] | None) -> tuple[str, list]:
    """Every report with its merged event and story (a database made before merging
    has neither)."""
    sql = (f"SELECT {EVENT_COLUMNS}, g.merged_id, s.story_id FROM events e "
           "JOIN documents d USING (doc_id) LEFT JOIN event_groups g USING (event_id) "
           "LEFT JOIN stories s USING (doc_id)") if store.has("event_groups") else (
        f"SELECT {EVENT_COLUMNS} FROM events e JOIN documents d USING (doc_id)")
    params: list = []
    if statuses:
        sql += " WHERE e.status IN (SELECT unnest(?))"
        params.append(list(statuses))
    return sql + " ORDER BY e.doc_id, e.evidence_start, e.event_id", params


def _actor(row: dict, side: str) -> dict:
    return {"entity_id": row[f"{side}_entity_id"], "name": row[f"{side}_name"],
            "country": row[f"{side}_country"], "role": row[f"{side}_role"],
            "sector": row[f"{side}_sector"], "qid": row[f"{side}_qid"]}


def event_dict(r: dict) -> dict:
    """One stored event row (EVENT_COLUMNS) as the nested record of the JSONL export."""
    return {
        "event_id": r["event_id"], "doc_id": r["doc_id"], "event_type": r["event_type"],
        "mode": r["mode"], "source": _actor(r, "source"), "target": _actor(r, "target"),
        "date": r["date"].isoformat() if r["date"] else None,
        "date_precision": r["date_precision"],
        "location": ({"name": r["location_name"], "country": r["location_country"]}
                     if r["location_name"] else None),
        "evidence": {"text": r["evidence_text"], "start": r["evidence_start"],
                     "end": r["evidence_end"]},
        "contexts": list(r["contexts"] or []),
        "trigger": r["trigger"], "status": r["status"], "confidence": r["confidence"],
        "cameo": r["cameo"], "quad_class": r["quad_class"], "goldstein": r["goldstein"],
        "lang": r["lang"], "url": r["url"],
        "published": r["published"].isoformat() if r["published"] else None,
        "resolution_reason": r["resolution_reason"],
        "pipeline_version": r["pipeline_version"],
        "merged_id": r.get("merged_id"), "story_id": r.get("story_id"),
    }


def rows(store: Store, sql: str, params: list) -> Iterator[dict]:
    """Rows as dicts, fetched in chunks on a cursor of their own."""
    cur = store.con.cursor()
    cur.execute(sql, params)
    cols = [c[0] for c in cur.description]
    while chunk := cur.fetchmany(2048):
        for values in chunk:
            yield dict(zip(cols, values, strict=True))


def event_dicts(store: Store, statuses=DEFAULT_STATUSES) -> Iterator[dict]:
    sql, params = _event_query(store, statuses)
    return (event_dict(r) for r in rows(store, sql, params))


def entity_dicts(store: Store) -> Iterator[dict]:
    ents = store.con.execute("SELECT entity_id, type, name, country, qid FROM entities "
                             "ORDER BY entity_id").fetchall()
    mentions: dict[str, list[dict]] = {}
    for eid, doc_id, text, start, end in store.con.execute(
            "SELECT entity_id, doc_id, text, start_char, end_char FROM mentions "
            "WHERE entity_id IS NOT NULL AND kind <> 'ROLE' "
            "ORDER BY doc_id, start_char").fetchall():
        mentions.setdefault(eid, []).append({"doc_id": doc_id, "text": text, "start": start,
                                             "end": end})
    for eid, etype, name, country, qid in ents:
        yield {"entity_id": eid, "type": etype, "name": name, "country": country, "qid": qid,
               "mentions": mentions.get(eid, [])}


def export(store: Store, what: str, fmt: str, out: str | None,
           statuses: tuple[str, ...] | None = DEFAULT_STATUSES, merged: bool = False) -> int:
    """Write events, entities, mentions or pair aggregates; return the rows written.
    `merged`: one row per merged event instead of one per report."""
    if merged:
        if what != "events":
            raise CommuniqueError("--merged is for events only")
        return _export_merged(store, fmt, out, statuses)
    if fmt not in FORMATS:
        raise CommuniqueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if what not in WHAT:
        raise CommuniqueError(f"cannot export {what!r}; choose {', '.join(WHAT)}")
    if fmt == "parquet" and not out:
        raise CommuniqueError("Parquet needs a file: add --out FILE.parquet")
    if fmt in ("plover", "gdelt"):
        if what != "events":
            raise CommuniqueError(f"--format {fmt} is for events only")
        from .standard_exports import write_gdelt, write_plover

        writer = write_plover if fmt == "plover" else write_gdelt
        return writer(event_dicts(store, statuses), out)
    if what in ("mentions", "pairs", "stories"):
        if what != "mentions":
            store.require("event_groups", "merged events")
        sql = {"mentions": MENTIONS_SQL, "stories": STORIES_SQL,
               "pairs": PAIRS_SQL.format(merged=MERGED_EVENTS)}[what]
        params = []
        if fmt == "jsonl":
            return write_lines((json.dumps(r, ensure_ascii=False, default=str)
                                for r in rows(store, sql, params)), out)
    elif fmt == "jsonl":
        records = event_dicts(store, statuses) if what == "events" else entity_dicts(store)
        return write_lines((json.dumps(r, ensure_ascii=False) for r in records), out)
    elif what == "events":
        sql, params = _event_query(store, statuses)
    else:
        sql = ("SELECT en.entity_id, en.type, en.name, en.country, en.qid, m.doc_id, m.text, "
               "m.start_char, m.end_char FROM entities en LEFT JOIN mentions m "
               "ON m.entity_id = en.entity_id AND m.kind <> 'ROLE' "
               "ORDER BY en.entity_id, m.doc_id, m.start_char")
        params = []
    if out:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        rel = store.con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
        target = out.replace("'", "''")
        store.con.execute(f"COPY ({sql}) TO '{target}' (FORMAT {fmt})", params)
        return rel
    cur = store.con.execute(sql, params)
    writer = csv.writer(sys.stdout)
    writer.writerow([c[0] for c in cur.description])
    n = 0
    for row in cur.fetchall():
        writer.writerow(row)
        n += 1
    return n


def _export_merged(store: Store, fmt: str, out: str | None,
                   statuses: tuple[str, ...] | None) -> int:
    from .merged import FLAT_COLUMNS, flat, merged_event_dicts

    if fmt not in FORMATS:
        raise CommuniqueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet" and not out:
        raise CommuniqueError("Parquet needs a file: add --out FILE.parquet")
    store.require("event_groups", "merged events")
    events = merged_event_dicts(store, statuses)
    if fmt in ("plover", "gdelt"):
        from .standard_exports import write_gdelt, write_plover

        return (write_plover if fmt == "plover" else write_gdelt)(events, out)
    if fmt == "jsonl":
        return write_lines((json.dumps(m, ensure_ascii=False) for m in events), out)
    records = [flat(m) for m in events]
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        Path(out).parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.Table.from_pylist(records) if records else
                       pa.table({c: pa.array([], pa.string()) for c in FLAT_COLUMNS}), out)
        return len(records)
    with open_output(out, newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=FLAT_COLUMNS)
        writer.writeheader()
        writer.writerows(records)
    return len(records)


@contextmanager
def open_output(out: str | None, newline: str | None = None):
    """A file to write (its folder made) or, without a name, stdout."""
    if not out:
        yield sys.stdout
        return
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline=newline) as f:
        yield f


def write_lines(lines, out: str | None) -> int:
    n = 0
    with open_output(out) as stream:
        for line in lines:
            stream.write(line + "\n")
            n += 1
    return n
