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
        done = {r[0] for r in self.con.execute("SELECT version FROM schema_migrations").fetchall()}
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
        rows = self.con.execute("SELECT doc_id, content_hash FROM documents WHERE doc_id IN "
                                "(SELECT unnest(?))", [ids]).fetchall()
        return dict(rows)

    def write_batch(self, processed: list[Processed], rejections: list[Rejection]) -> BatchResult:
        known = self.known_hashes(p.document.doc_id for p in processed)
        added = replaced = unchanged = n_events = 0
        docs, mentions, events, entities = [], [], [], {}
        replace_ids = []
        fresh: list[Processed] = []
        seen_in_batch: set[str] = set()
        for p in processed:
            d = p.document
            if known.get(d.doc_id) == p.content_hash or d.doc_id in seen_in_batch:
                unchanged += 1
                continue
            seen_in_batch.add(d.doc_id)
            fresh.append(p)
            if d.doc_id in known:
                replace_ids.append(d.doc_id)
                replaced += 1
            else:
                added += 1
            docs.append((d.doc_id, p.content_hash, d.url, d.published, d.published_source,
                         p.lang, d.title, d.origin, d.text, len(p.sentences),
                         p.events[0].pipeline_version if p.events else None))
            mentions.extend((d.doc_id, m.start, m.end, m.kind, m.text, m.sentence, m.country,
                             m.role, m.entity_id, m.name, m.qid, m.head, m.location, m.reason)
                            for m in p.mentions)
            for e in p.events:
                s, t = e.source, e.target
                events.append((e.event_id, e.doc_id, e.event_type, e.mode, s.name, s.country,
                               s.role, s.sector, s.entity_id, s.qid, t.name, t.country, t.role,
                               t.sector, t.entity_id, t.qid, e.date, e.date_precision,
                               e.location.name if e.location else None,
                               e.location.country if e.location else None, e.evidence.text,
                               e.evidence.start, e.evidence.end, e.trigger, e.status,
                               e.confidence, e.cameo, e.quad_class, e.goldstein, e.lang,
                               e.resolution_reason, e.pipeline_version, list(e.contexts)))
            n_events += len(p.events)
            for ent in p.entities:
                entities.setdefault(ent.entity_id, (ent.entity_id, ent.type, ent.name,
                                                    ent.country, ent.qid))
        rejects = [(_reject_id(r), r.origin, r.doc_id, r.reason) for r in rejections]
        try:
            self.con.execute("BEGIN TRANSACTION")
            regroup = dedup.forget(self.con, replace_ids)
            if replace_ids:
                for table in ("mentions", "events", "documents"):
                    self.con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?))",
                                     [replace_ids])
            insert_rows(self.con, "documents (doc_id, content_hash, url, published, "
                        "published_source, lang, title, origin, text, n_sentences, "
                        "pipeline_version)", docs)
            insert_rows(self.con, "mentions", mentions)
            insert_rows(self.con, "events", events, conflict="ON CONFLICT DO NOTHING")
            insert_rows(self.con, "entities", list(entities.values()),
                        conflict="ON CONFLICT DO NOTHING")
            dedup.store_signatures(self.con, fresh)
            dedup.refresh(self.con, [p.document.doc_id for p in fresh], *regroup)
            if rejects:
                self.con.executemany(
                    "INSERT INTO rejects (reject_id, origin, doc_id, reason) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT DO UPDATE SET last_seen = now(), "
                    "times = rejects.times + 1", rejects)
            self.con.execute("COMMIT")
        except Exception as exc:
            # Not only DuckDB's errors: merging runs Python inside the transaction.
            self.con.execute("ROLLBACK")
            raise StoreError(f"{self.path}: batch not stored: {exc}") from exc
        return BatchResult(added, replaced, unchanged, len(rejections), n_events)

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


def _reject_id(r: Rejection) -> str:
    return hashlib.sha1(f"{r.origin}|{r.reason}".encode()).hexdigest()[:16]
