"""Stories and merged events in the store, kept up to date batch by batch.

Each batch stores its documents' signatures and its events' keys, links the new items to
everything stored (candidates come from equality joins and a date window, then
`rules` decides), and regroups only the groups the new links touch. Since the rules are
pairwise and group ids come from the first report, the result is the same whatever the
order or the batches in which articles arrive; `rebuild` recomputes everything from
scratch and must agree with it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from ..records import SYMMETRIC_TYPES, Processed, Signature
from ..stages.signature import NUM_PERM
from ..store.arrow import insert_columns
from ..store.rows import fetch_dicts, fetch_values
from . import groups, rules

VECTOR_DIM = 512
REBUILD_SLICE = 200


def _vectors(values: list) -> pa.Array:
    """A FLOAT[512] column (nulls where no vector)."""
    flat = np.zeros((len(values), VECTOR_DIM), dtype=np.float32)
    missing = [v is None for v in values]
    for i, v in enumerate(values):
        if v is not None:
            flat[i] = v
    return pa.FixedSizeListArray.from_arrays(pa.array(flat.ravel()), VECTOR_DIM,
                                             mask=pa.array(missing) if any(missing) else None)


def bands(minhash: np.ndarray) -> list[int]:
    """The signature cut into 32 bands of two values, each packed into one integer."""
    h = np.asarray(minhash, dtype=np.uint64)
    return [int((h[i] << np.uint64(32)) | h[i + 1]) for i in range(0, len(h), 2)]


@dataclass(frozen=True, slots=True)
class EventSignature:
    """What links an event report to others: its actor keys and evidence vector."""

    event_id: str
    source_key: str
    target_key: str
    vector: object = None  # float32[512], or None when not computed


def store_signatures(con, processed: list[Processed]) -> None:
    insert_doc_signatures(con, [(p.document.doc_id, p.signature) for p in processed
                                if p.signature is not None])
    insert_event_signatures(con, [EventSignature(e.event_id, _key(e.source), _key(e.target),
                                                 p.event_vectors.get(e.event_id))
                                  for p in processed for e in p.events])


def insert_doc_signatures(con, docs: list[tuple[str, Signature]]) -> None:
    insert_columns(con, "doc_signatures", {
        "doc_id": pa.array([d for d, _ in docs], pa.string()),
        "text_hash": pa.array([s.text_hash for _, s in docs], pa.string()),
        "minhash": pa.FixedSizeListArray.from_arrays(
            pa.array(np.concatenate([s.minhash for _, s in docs])
                     if docs else np.zeros(0, np.uint32), pa.uint32()), 64),
        "vector": _vectors([s.vector for _, s in docs])})
    band_rows = [{"band": b, "value": v, "doc_id": d}
                 for d, s in docs for b, v in enumerate(bands(s.minhash))]
    insert_columns(con, "doc_bands", {
        "band": pa.array([r["band"] for r in band_rows], pa.uint8()),
        "value": pa.array([r["value"] for r in band_rows], pa.uint64()),
        "doc_id": pa.array([r["doc_id"] for r in band_rows], pa.string())})


def insert_event_signatures(con, events: list[EventSignature]) -> None:
    insert_columns(con, "event_signatures", {
        "event_id": pa.array([e.event_id for e in events], pa.string()),
        "source_key": pa.array([e.source_key for e in events], pa.string()),
        "target_key": pa.array([e.target_key for e in events], pa.string()),
        "vector": _vectors([e.vector for e in events])}, conflict="ON CONFLICT DO NOTHING")


def actor_key(country: str | None, entity_id: str | None, name: str | None) -> str:
    """An actor's key for merging ("" when it has none)."""
    return rules.actor_key(country, entity_id, name) or ""


def _key(actor) -> str:
    return actor_key(actor.country, actor.entity_id, actor.name)


def unsigned(con) -> bool:
    """True when some stored document has no signature (stored before merging existed)."""
    return con.execute("SELECT EXISTS (SELECT 1 FROM documents WHERE doc_id NOT IN "
                       "(SELECT doc_id FROM doc_signatures))").fetchone()[0]


def forget(con, doc_ids: list[str]) -> tuple[set[str], set[str]]:
    """Drop what the dedup tables hold of documents about to be replaced; return the
    other members of their stories and merged events, to be regrouped."""
    if not doc_ids:
        return set(), set()
    docs = set(fetch_values(
        con, "SELECT doc_id FROM stories WHERE story_id IN (SELECT story_id FROM stories "
        "WHERE doc_id IN (SELECT unnest($1))) AND doc_id NOT IN (SELECT unnest($1))",
        [doc_ids]))
    old_events = "SELECT event_id FROM events WHERE doc_id IN (SELECT unnest($1))"
    events = set(fetch_values(
        con, f"SELECT event_id FROM event_groups WHERE merged_id IN (SELECT merged_id FROM "
        f"event_groups WHERE event_id IN ({old_events})) AND event_id NOT IN ({old_events})",
        [doc_ids]))
    # The reports linked to the removed ones may sit in other groups of the same linked
    # component (split by date); all of it is regrouped.
    events |= set(fetch_values(
        con, f"SELECT unnest([event_a, event_b]) FROM event_links WHERE event_a IN "
        f"({old_events}) OR event_b IN ({old_events})", [doc_ids]))
    docs |= set(fetch_values(
        con, "SELECT unnest([doc_a, doc_b]) FROM doc_links WHERE doc_a IN "
        "(SELECT unnest($1)) OR doc_b IN (SELECT unnest($1))", [doc_ids]))
    removed_events = set(fetch_values(con, old_events, [doc_ids]))
    events -= removed_events
    docs -= set(doc_ids)
    for sql in (
            "DELETE FROM doc_signatures WHERE doc_id IN (SELECT unnest($1))",
            "DELETE FROM doc_bands WHERE doc_id IN (SELECT unnest($1))",
            "DELETE FROM doc_links WHERE doc_a IN (SELECT unnest($1)) "
            "OR doc_b IN (SELECT unnest($1))",
            "DELETE FROM stories WHERE doc_id IN (SELECT unnest($1))",
            f"DELETE FROM event_signatures WHERE event_id IN ({old_events})",
            f"DELETE FROM event_links WHERE event_a IN ({old_events}) "
            f"OR event_b IN ({old_events})",
            f"DELETE FROM event_groups WHERE event_id IN ({old_events})"):
        con.execute(sql, [doc_ids])
    return docs, events


_DOCS = """SELECT s.doc_id, s.text_hash, s.minhash, s.vector, d.lang, d.published
    FROM doc_signatures s JOIN documents d USING (doc_id)"""

DOC_CANDIDATES = f"""
WITH n AS ({_DOCS} WHERE s.doc_id IN (SELECT unnest($ids))), a AS ({_DOCS}),
pairs AS (
    SELECT n.doc_id AS x, a.doc_id AS y FROM n JOIN a
        ON a.text_hash = n.text_hash AND a.doc_id <> n.doc_id
    UNION
    SELECT nb.doc_id, ab.doc_id FROM doc_bands nb JOIN doc_bands ab
        ON ab.band = nb.band AND ab.value = nb.value AND ab.doc_id <> nb.doc_id
        WHERE nb.doc_id IN (SELECT unnest($ids))
    UNION
    SELECT n.doc_id, a.doc_id FROM n JOIN a
        ON a.published BETWEEN n.published - {rules.STORY_DAYS}
                           AND n.published + {rules.STORY_DAYS}
        AND a.doc_id <> n.doc_id
        AND array_cosine_similarity(n.vector, a.vector) >= {rules.TRANSLATION_MIN})
SELECT p.x AS x_doc_id, dx.lang AS x_lang, dx.published AS x_published,
       dx.text_hash AS x_text_hash, p.y AS y_doc_id, dy.lang AS y_lang,
       dy.published AS y_published, dy.text_hash AS y_text_hash,
       CASE WHEN dx.text_hash <> dy.text_hash AND dx.lang = dy.lang
            THEN len(list_filter(list_zip(dx.minhash::UINTEGER[], dy.minhash::UINTEGER[]),
                                 lambda v: v[1] = v[2])) / {NUM_PERM} ELSE 0 END AS minhash,
       array_cosine_similarity(dx.vector, dy.vector) AS cosine
FROM pairs p JOIN a dx ON dx.doc_id = p.x JOIN a dy ON dy.doc_id = p.y"""

_EVENTS = """SELECT e.event_id, e.doc_id, e.event_type, e.status, e.date, e.date_precision,
    k.source_key, k.target_key, k.vector FROM events e JOIN event_signatures k USING (event_id)"""

# An event key's columns, prefixed by side (x: the new report, y: a candidate).
_EVENT_KEYS = ", ".join(f"e{{side}}.{name} AS {{side}}_{name}" for name in (
    "event_id", "doc_id", "event_type", "status", "source_key", "target_key", "date",
    "date_precision"))

EVENT_CANDIDATES = f"""
WITH n AS ({_EVENTS} WHERE e.event_id IN (SELECT unnest($ids))), a AS ({_EVENTS}),
pairs AS (
    SELECT n.event_id AS x, a.event_id AS y FROM n JOIN a
        ON a.event_type = n.event_type AND a.source_key = n.source_key
        AND a.target_key = n.target_key AND a.event_id <> n.event_id
    UNION
    SELECT n.event_id, a.event_id FROM n JOIN a
        ON a.event_type = n.event_type AND a.source_key = n.target_key
        AND a.target_key = n.source_key AND a.event_id <> n.event_id
        WHERE n.event_type IN (SELECT unnest($symmetric)))
SELECT {_EVENT_KEYS.format(side="x")}, {_EVENT_KEYS.format(side="y")},
       l.doc_a IS NOT NULL AS same_story,
       array_cosine_similarity(ex.vector, ey.vector) AS cosine
FROM pairs p JOIN a ex ON ex.event_id = p.x JOIN a ey ON ey.event_id = p.y
LEFT JOIN doc_links l ON l.doc_a = least(ex.doc_id, ey.doc_id)
                     AND l.doc_b = greatest(ex.doc_id, ey.doc_id)
WHERE CASE WHEN ex.date_precision = 'day' AND ey.date_precision = 'day'
           THEN abs(date_diff('day', ex.date, ey.date)) <= {rules.WINDOW_DAYS}
           ELSE year(ex.date) = year(ey.date) END"""


def _insert_links(con, table: str, names: tuple[str, str, str],
                  found: dict[tuple[str, str], tuple[str, float]]) -> None:
    a, b, why = names
    insert_columns(con, table, {
        a: pa.array([p[0] for p in found], pa.string()),
        b: pa.array([p[1] for p in found], pa.string()),
        why: pa.array([v[0] for v in found.values()], pa.string()),
        "score": pa.array([v[1] for v in found.values()], pa.float64())},
        conflict="ON CONFLICT DO NOTHING")


def _ordered(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _doc_key(row: dict, side: str) -> rules.DocKey:
    return rules.DocKey(row[f"{side}_doc_id"], row[f"{side}_lang"], row[f"{side}_published"],
                        row[f"{side}_text_hash"])


def link_documents(con, doc_ids: list[str]) -> None:
    found: dict[tuple[str, str], tuple[str, float]] = {}
    for row in fetch_dicts(con, DOC_CANDIDATES, {"ids": doc_ids}):
        a, b = _doc_key(row, "x"), _doc_key(row, "y")
        pair = _ordered(a.doc_id, b.doc_id)
        if pair in found:
            continue
        link = rules.doc_link(a, b, row["minhash"], row["cosine"])
        if link:
            found[pair] = link
    _insert_links(con, "doc_links", ("doc_a", "doc_b", "kind"), found)


def _event_key(row: dict, side: str) -> rules.EventKey:
    def get(name: str):
        return row[f"{side}_{name}"]

    return rules.EventKey(get("event_id"), get("doc_id"), get("event_type"), get("status"),
                          get("source_key") or None, get("target_key") or None, get("date"),
                          get("date_precision"))


def link_events(con, event_ids: list[str]) -> None:
    found: dict[tuple[str, str], tuple[str, float]] = {}
    for row in fetch_dicts(con, EVENT_CANDIDATES, {"ids": event_ids,
                                                   "symmetric": sorted(SYMMETRIC_TYPES)}):
        a, b = _event_key(row, "x"), _event_key(row, "y")
        pair = _ordered(a.event_id, b.event_id)
        if pair in found:
            continue
        link = rules.event_link(a, b, bool(row["same_story"]), row["cosine"])
        if link:
            found[pair] = link
    _insert_links(con, "event_links", ("event_a", "event_b", "reason"), found)


def _closure(con, table: str, a: str, b: str, seeds: Iterable[str]
             ) -> tuple[set[str], set[tuple[str, str]]]:
    """Every item reachable from `seeds` through the links of `table`."""
    nodes = set(seeds)
    frontier, edges = set(nodes), set()
    while frontier:
        links = fetch_dicts(con, f"SELECT {a}, {b} FROM {table} WHERE {a} IN "
                                 f"(SELECT unnest($1)) OR {b} IN (SELECT unnest($1))",
                            [sorted(frontier)])
        frontier = set()
        for link in links:
            x, y = link[a], link[b]
            edges.add((x, y))
            for z in (x, y):
                if z not in nodes:
                    nodes.add(z)
                    frontier.add(z)
    return nodes, edges


@dataclass(frozen=True, slots=True)
class Grouping:
    """A table of groups: members by `id_col` in `group_col`, the groups named by `name`
    after their anchor and cut by `split` (given each member's row of `order_sql`)."""

    table: str
    id_col: str
    group_col: str
    order_sql: str
    name: Callable[[str], str]
    split: Callable[[list[str], set[tuple[str, str]], dict], list[list[str]]] | None = None


def _regroup(con, grouping: Grouping, nodes: set[str], edges: set[tuple[str, str]]) -> None:
    """Replace the groups of `nodes`: connected components of `edges` (cut by the
    grouping's `split`), each named after its anchor, the member published first."""
    if not nodes:
        return
    table, id_col, group_col = grouping.table, grouping.id_col, grouping.group_col
    name, split = grouping.name, grouping.split
    info = {r[id_col]: r for r in fetch_dicts(con, grouping.order_sql, [sorted(nodes)])}
    parts_of = groups.components(nodes, edges)
    group_of = {m: i for i, members in enumerate(parts_of) for m in members}
    links_of: dict[int, set[tuple[str, str]]] = {}
    for a, b in edges:
        links_of.setdefault(group_of[a], set()).add((a, b))
    group_of_member: dict[str, str] = {}
    for i, members in enumerate(parts_of):
        members = [m for m in members if m in info]
        parts = (split(members, links_of.get(i, set()), info) if split and len(members) > 1
                 else [members])
        for part in parts:
            gid = name(groups.anchor(part, lambda m: (info[m]["published"] is None,
                                                      info[m]["published"])))
            group_of_member.update((m, gid) for m in part)
    con.execute(f"DELETE FROM {table} WHERE {id_col} IN (SELECT unnest($1))", [sorted(nodes)])
    insert_columns(con, table, {id_col: pa.array(list(group_of_member), pa.string()),
                                group_col: pa.array(list(group_of_member.values()),
                                                    pa.string())})


def _by_date(members: list[str], links: set[tuple[str, str]], info: dict) -> list[list[str]]:
    dated = {m: (info[m]["date"], info[m]["date_precision"], info[m]["published"])
             for m in members}
    return groups.split_by_date(members, links, dated, rules.WINDOW_DAYS)


# Anchors: the document published first (undated ones last), then the smallest id.
_DOC_ORDER = ("SELECT doc_id, published FROM documents WHERE doc_id IN (SELECT unnest($1))")
_EVENT_ORDER = ("SELECT e.event_id, d.published, e.date, e.date_precision FROM events e "
                "JOIN documents d USING (doc_id) WHERE e.event_id IN (SELECT unnest($1))")


STORIES = Grouping("stories", "doc_id", "story_id", _DOC_ORDER, groups.story_id)
MERGED_EVENTS = Grouping("event_groups", "event_id", "merged_id", _EVENT_ORDER,
                         groups.merged_id, _by_date)


def refresh(con, doc_ids: list[str], more_docs: Iterable[str] = (),
            more_events: Iterable[str] = ()) -> None:
    """Link the documents `doc_ids` (and their events), just stored, to everything in
    the store, and regroup what the links touch (and `more_*`, the members of groups
    that lost a replaced document)."""
    event_ids = fetch_values(con, "SELECT event_id FROM events WHERE doc_id IN "
                                  "(SELECT unnest($1))", [doc_ids]) if doc_ids else []
    if doc_ids:
        link_documents(con, doc_ids)
        link_events(con, event_ids)
    nodes, edges = _closure(con, "doc_links", "doc_a", "doc_b", [*doc_ids, *more_docs])
    _regroup(con, STORIES, nodes, edges)
    nodes, edges = _closure(con, "event_links", "event_a", "event_b",
                            [*event_ids, *more_events])
    _regroup(con, MERGED_EVENTS, nodes, edges)


def rebuild(con) -> None:
    """Recompute every link and group from the stored signatures."""
    for table in ("doc_links", "event_links", "stories", "event_groups"):
        con.execute(f"DELETE FROM {table}")
    doc_ids = fetch_values(con, "SELECT doc_id FROM documents ORDER BY doc_id")
    # In slices, as batches come: the same links and groups, in bounded memory.
    for i in range(0, len(doc_ids), REBUILD_SLICE):
        refresh(con, doc_ids[i:i + REBUILD_SLICE])
