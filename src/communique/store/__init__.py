"""The embedded store: a DuckDB file, a schema built by numbered migrations, and
idempotent batch writes keyed on stable ids.

Re-running the same input changes nothing (a document whose content hash is unchanged
is skipped); a changed document replaces its own rows; each batch is one transaction,
so a failure leaves what was stored before untouched.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import duckdb

from ..dedup import store as dedup
from ..errors import StoreError
from ..records import Processed, Rejection
from .arrow import insert_rows
from .rows import fetch_dicts, fetch_values
from .schema import ENTITIES, EVENTS, MENTIONS, DocMention

MIGRATIONS = Path(str(resources.files("communique") / "store" / "migrations"))
DEFAULT_DB = "communique.duckdb"


@dataclass(frozen=True, slots=True)
class BatchResult:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    rejected: int = 0
    events: int = 0


def migrations() -> list[tuple[int, str, str]]:
    out = []
    for path in sorted(MIGRATIONS.glob("*.sql")):
        number = int(path.name.split("_", 1)[0])
        out.append((number, path.stem, path.read_text(encoding="utf-8")))
    return out


class Store:
    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False):
        self.path = str(path)
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no such database (run 'communique run' first)")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open database: {exc}") from exc
        if not read_only:
            self.migrate()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def migrate(self) -> list[str]:
        """Apply the migrations not yet recorded; return their names."""
        self.con.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER "
                         "PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP DEFAULT "
                         "current_timestamp)")
        done = set(fetch_values(self.con, "SELECT version FROM schema_migrations"))
        applied = []
        for number, name, sql in migrations():
            if number in done:
                continue
            try:
                self.con.execute("BEGIN TRANSACTION")
                self.con.execute(sql)
                self.con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
                                 [number, name])
                self.con.execute("COMMIT")
            except duckdb.Error as exc:
                self.con.execute("ROLLBACK")
                raise StoreError(f"{self.path}: migration {name} failed: {exc}") from exc
            applied.append(name)
        return applied

    def known_hashes(self, doc_ids: Iterable[str]) -> dict[str, str]:
        ids = list(doc_ids)
        if not ids:
            return {}
        rows = fetch_dicts(self.con, "SELECT doc_id, content_hash FROM documents WHERE doc_id "
                                     "IN (SELECT unnest(?))", [ids])
        return {r["doc_id"]: r["content_hash"] for r in rows}

    def write_batch(self, processed: list[Processed], rejections: list[Rejection]) -> BatchResult:
        known = self.known_hashes(p.document.doc_id for p in processed)
        plan = _plan(processed, known)
        try:
            self.con.execute("BEGIN TRANSACTION")
            self._write(plan, rejections)
            self.con.execute("COMMIT")
        except Exception as exc:
            # Not only DuckDB's errors: merging runs Python inside the transaction.
            self.con.execute("ROLLBACK")
            raise StoreError(f"{self.path}: batch not stored: {exc}") from exc
        return BatchResult(len(plan.fresh) - len(plan.replace_ids), len(plan.replace_ids),
                           len(processed) - len(plan.fresh), len(rejections),
                           sum(len(p.events) for p in plan.fresh))

    def _write(self, plan: _Plan, rejections: list[Rejection]) -> None:
        """The batch's writes, inside the caller's transaction."""
        con, fresh = self.con, plan.fresh
        regroup = dedup.forget(con, plan.replace_ids)
        if plan.replace_ids:
            for table in ("mentions", "events", "documents"):
                con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?))",
                            [plan.replace_ids])
        insert_rows(con, "documents (doc_id, content_hash, url, published, "
                    "published_source, lang, title, origin, text, n_sentences, "
                    "pipeline_version)", [_document_row(p) for p in fresh])
        MENTIONS.insert(con, [DocMention(p.document.doc_id, m) for p in fresh
                              for m in p.mentions])
        EVENTS.insert(con, [e for p in fresh for e in p.events],
                      conflict="ON CONFLICT DO NOTHING")
        entities = {}
        for ent in (ent for p in fresh for ent in p.entities):
            entities.setdefault(ent.entity_id, ent)
        ENTITIES.insert(con, entities.values(), conflict="ON CONFLICT DO NOTHING")
        dedup.store_signatures(con, fresh)
        dedup.refresh(con, [p.document.doc_id for p in fresh], *regroup)
        if rejections:
            con.executemany(
                "INSERT INTO rejects (reject_id, origin, doc_id, reason) VALUES (?, ?, ?, ?) "
                "ON CONFLICT DO UPDATE SET last_seen = now(), times = rejects.times + 1",
                [(_reject_id(r), r.origin, r.doc_id, r.reason) for r in rejections])

    def has(self, table: str) -> bool:
        return bool(self.con.execute("SELECT count(*) FROM information_schema.tables "
                                     "WHERE table_name = ?", [table]).fetchone()[0])

    def require(self, table: str, what: str) -> None:
        """Fail with a clear message when a database opened read-only predates `table`."""
        if not self.has(table):
            raise StoreError(f"{self.path}: this database has no {what} yet; run "
                             f"'communique merge --db {self.path}' once to build them")

    def counts(self) -> dict[str, int]:
        out = {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
               for t in ("documents", "mentions", "entities", "events", "rejects")}
        out["stories"] = self.con.execute(
            "SELECT count(DISTINCT story_id) FROM stories").fetchone()[0]
        out["merged_events"] = self.con.execute(
            "SELECT count(DISTINCT merged_id) FROM event_groups").fetchone()[0]
        return out


@dataclass(frozen=True, slots=True)
class _Plan:
    """What a batch changes: the documents to store (first of each id, content changed
    or new) and, among them, those that replace a stored version."""

    fresh: tuple[Processed, ...]
    replace_ids: list[str]


def _plan(processed: list[Processed], known: dict[str, str]) -> _Plan:
    fresh: dict[str, Processed] = {}
    for p in processed:
        d = p.document
        if known.get(d.doc_id) != p.content_hash and d.doc_id not in fresh:
            fresh[d.doc_id] = p
    return _Plan(tuple(fresh.values()), [i for i in fresh if i in known])


def _document_row(p: Processed) -> tuple:
    d = p.document
    return (d.doc_id, p.content_hash, d.url, d.published, d.published_source, p.lang, d.title,
            d.origin, d.text, len(p.sentences),
            p.events[0].pipeline_version if p.events else None)


def _reject_id(r: Rejection) -> str:
    return hashlib.sha1(f"{r.origin}|{r.reason}".encode()).hexdigest()[:16]
