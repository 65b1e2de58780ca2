"""Throughput and peak memory of the default pipeline, store writes included.

Builds a corpus of N articles (default 2,000) from the bundled samples, each with its own
id and publication date, runs it into a fresh DuckDB file and prints articles per second
and peak resident memory (the largest of this process and its workers), and what the
merging of copies and repeated events costs. The corpus is a hard case for merging:
each sample comes back every 18 articles, a copy published a day later, so every
article has copies on many neighbouring days.

    python benchmarks/throughput.py [--articles 2000] [--workers 2]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

from communique.dedup.store import rebuild
from communique.pipeline import Pipeline
from communique.records import Document
from communique.runner import run
from communique.store import Store

SAMPLES = Path(__file__).resolve().parent.parent / "src" / "communique" / "samples"


def build_corpus(path: Path, n: int) -> int:
    samples = [json.loads(line) for line in
               (SAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines() if line]
    chars = 0
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            rec = dict(samples[i % len(samples)])
            rec["id"] = f"bench-{i:06d}-{rec['id']}"
            base = dt.date.fromisoformat(rec["published"])
            rec["published"] = (base + dt.timedelta(days=i // len(samples))).isoformat()
            chars += len(rec["text"])
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return chars


class TreeRSS(threading.Thread):
    """Samples the summed resident memory of this process and its children (Linux)."""

    def __init__(self, every: float = 0.2):
        super().__init__(daemon=True)
        self.every, self.peak, self.running = every, 0, True

    @staticmethod
    def _rss_kb(pid: int) -> int:
        try:
            with open(f"/proc/{pid}/status") as f:
                return next(int(line.split()[1]) for line in f if line.startswith("VmRSS"))
        except (OSError, StopIteration):
            return 0

    def _tree(self) -> list[int]:
        me, pids = os.getpid(), [os.getpid()]
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat") as f:
                        if int(f.read().rsplit(")", 1)[1].split()[1]) == me:
                            pids.append(int(entry))
                except (OSError, IndexError, ValueError):
                    continue
        return pids

    def run(self) -> None:
        while self.running:
            self.peak = max(self.peak, sum(self._rss_kb(p) for p in self._tree()))
            time.sleep(self.every)


def _timed(store: Store) -> dict[str, float]:
    """Sum the seconds spent in the store's batch writes."""
    spent = {"seconds": 0.0}
    write = store.write_batch

    def timed(*args, **kwargs):
        t = time.perf_counter()
        try:
            return write(*args, **kwargs)
        finally:
            spent["seconds"] += time.perf_counter() - t

    store.write_batch = timed
    return spent


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=200)
    ap.add_argument("--no-ner", action="store_true")
    ap.add_argument("--stages", type=int, default=300, metavar="N",
                    help="also time each stage on N articles in one process (0: skip)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        chars = build_corpus(corpus, args.articles)
        sampler = TreeRSS()
        sampler.start()
        with Store(Path(tmp) / "bench.duckdb") as store:
            writing = _timed(store)
            t0 = time.perf_counter()
            report = run([str(corpus)], store, workers=args.workers,
                         batch_size=args.batch_size, use_ner=not args.no_ner)
            elapsed = time.perf_counter() - t0
            counts = store.counts()
            t1 = time.perf_counter()
            rebuild(store.con)
            rebuilt = time.perf_counter() - t1
        sampler.running = False
    print(f"articles: {args.articles} ({chars / args.articles:.0f} characters on average), "
          f"workers: {args.workers}, ner: {not args.no_ner}")
    print(f"elapsed: {elapsed:.1f} s (model loading included)")
    print(f"throughput: {args.articles / elapsed:.1f} articles/s")
    print(f"peak RSS: {peak_rss_mb():.0f} MB (largest process), "
          f"{sampler.peak / 1024:.0f} MB (this process and its workers together)")
    print(f"stored: {counts['documents']} documents, {counts['events']} events, "
          f"{counts['mentions']} mentions; rejected: {len(report.rejections)}")
    print(f"merged: {counts['events']} event reports make {counts['merged_events']} events; "
          f"{counts['documents']} documents make {counts['stories']} stories")
    print(f"store writes, linking and grouping included: {writing['seconds']:.1f} s "
          f"({100 * writing['seconds'] / elapsed:.1f} % of the run, overlapping the workers); "
          f"regrouping the whole store from scratch: {rebuilt:.1f} s")
    if args.stages:
        stage_times(args.stages, not args.no_ner)


def stage_times(n: int, use_ner: bool) -> None:
    """Seconds per stage over n articles in this process, models already loaded."""
    samples = [json.loads(line) for line in
               (SAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines() if line]
    pipeline = Pipeline(use_ner=use_ner).initialize()
    docs = [Document(doc_id=f"s{i}", text=samples[i % len(samples)]["text"],
                     published=dt.date.fromisoformat(samples[i % len(samples)]["published"]))
            for i in range(n)]
    for d in docs[:len(samples)]:  # warm up: language models, gazetteers, NER
        pipeline.process(d)
    pipeline.timings.clear()
    for d in docs:
        pipeline.process(d)
    total = sum(pipeline.timings.values())
    print(f"per-stage time over {n} articles, one process ({1000 * total / n:.1f} ms/article):")
    for stage, sec in pipeline.timings.items():
        print(f"  {stage:10s} {1000 * sec / n:7.2f} ms/article  {100 * sec / total:5.1f} %")
    resolution = pipeline.timings.get("resolve", 0.0)
    print(f"resolution (resolve stage) adds {100 * resolution / (total - resolution):.1f} % "
          "to the time of the other stages")


if __name__ == "__main__":
    main(sys.argv[1:])
