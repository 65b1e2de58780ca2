"""Run the pipeline over inputs into a store, in batches, in one or more processes."""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from .dedup import store as dedup_store
from .dedup.backfill import rebuild_all
from .errors import CommuniqueError
from .ingest import iter_inputs
from .pipeline import Pipeline
from .records import Document, Processed, Rejection
from .store import Store
from .store.kb import extension as kb_extension
from .store.kb import sync_bundled

_worker_pipeline: Pipeline | None = None


@dataclass(frozen=True, slots=True)
class OldStoreMerged:
    """What merging a database made before merging existed did: signatures computed
    for its documents and event reports, then every story and merged event grouped."""

    documents: int
    events: int


@dataclass
class RunReport:
    documents: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    events: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    old_store_merged: OldStoreMerged | None = None  # set when `run` merged an old database


def merge_old_store(store: Store) -> OldStoreMerged | None:
    """Merge a database made before merging existed (some stored document has no
    signature): sign and group all it holds, in one transaction, so that new articles
    merge with the old ones. None when every document is signed already: then nothing
    is recomputed (`communique merge` recomputes everything on request)."""
    if not dedup_store.unsigned(store.con):
        return None
    return OldStoreMerged(*rebuild_all(store.con))


def _init_worker(use_ner: bool, extension=None) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline(use_ner=use_ner, extension=extension).initialize()


def _process(item: Document | Rejection) -> Processed | Rejection:
    if isinstance(item, Rejection):
        return item
    try:
        return _worker_pipeline.process(item)
    except CommuniqueError as exc:
        return Rejection(item.origin or item.doc_id, str(exc), item.doc_id)


def _batches(items: Iterator, size: int) -> Iterator[list]:
    while True:
        chunk = list(islice(items, size))
        if not chunk:
            return
        yield chunk


def run(inputs: Iterable[str], store: Store, workers: int = 1, batch_size: int = 100,
        use_ner: bool = True, on_progress: Callable[[int, int], None] | None = None
        ) -> RunReport:
    """Process every input into `store`; one transaction per batch.

    Before the first batch, the bundled knowledge base is synchronised into the store
    and a database made before merging existed is merged (`merge_old_store`; the
    report's `old_store_merged` says what it did).

    With several workers, documents stream through a process pool while the main process
    writes finished batches, so storing overlaps with processing.
    """
    sync_bundled(store)
    report = RunReport(old_store_merged=merge_old_store(store))
    extension = kb_extension(store)
    items = iter_inputs(inputs)
    pool = None
    if workers > 1:
        # One numeric thread per worker: the workers already use every core, and BLAS
        # threads on top of them (natasha, the sentence encoder) only fight each other.
        for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(var, "1")
        pool = mp.get_context("spawn").Pool(workers, initializer=_init_worker,
                                            initargs=(use_ner, extension))
        results = pool.imap(_process, items, chunksize=4)
    else:
        _init_worker(use_ner, extension)
        results = map(_process, items)
    try:
        for batch in _batches(results, batch_size):
            processed = [r for r in batch if isinstance(r, Processed)]
            rejected = [r for r in batch if isinstance(r, Rejection)]
            res = store.write_batch(processed, rejected)
            n_docs = sum(1 for r in batch if isinstance(r, Processed) or r.doc_id is not None)
            report.documents += n_docs
            report.added += res.added
            report.replaced += res.replaced
            report.unchanged += res.unchanged
            report.events += res.events
            report.rejections.extend(rejected)
            if on_progress:
                on_progress(n_docs, len(rejected))
    finally:
        if pool:
            pool.terminate()
            pool.join()
    return report
