"""An article's content signature, the keys by which copies, reposts and translations
of it are found (stages/../dedup):

- a hash of its folded text, equal for exact copies whatever the page furniture;
- a MinHash (datasketch) of its word 3-grams, whose agreement estimates the share of
  3-grams two articles have in common: reposts with small edits in the same language;
- the mean multilingual sentence embedding of its lead, close for translations and
  rewrites of the same report in any language.
"""

from __future__ import annotations

import hashlib

import numpy as np
from datasketch import MinHash

from ..records import Signature
from ..textutil import CJK_RE, TOKEN_RE, fold

NUM_PERM = 64
SEED = 20240101
SHINGLE = 3
LEAD = 6  # sentences of the lead that make the article's vector


def _words(text: str) -> list[str]:
    out: list[str] = []
    for m in TOKEN_RE.finditer(fold(text)):
        w = m.group()
        # Chinese and Japanese have no spaces: each character is a word.
        out.extend(list(w) if CJK_RE.search(w) else [w])
    return out


def text_signature(body: str, vector: np.ndarray | None = None) -> Signature:
    words = _words(body)
    text_hash = hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()[:20]
    grams = {" ".join(words[i:i + SHINGLE]).encode("utf-8")
             for i in range(max(1, len(words) - SHINGLE + 1))}
    mh = MinHash(num_perm=NUM_PERM, seed=SEED)
    mh.update_batch(sorted(grams))
    return Signature(text_hash, np.asarray(mh.hashvalues, dtype=np.uint32), vector)


def lead_vector(vectors: list[np.ndarray]) -> np.ndarray | None:
    """Unit mean of the lead sentences' embeddings."""
    if not vectors:
        return None
    mean = np.mean(np.stack(vectors), axis=0)
    norm = float(np.linalg.norm(mean))
    return (mean / norm).astype(np.float32) if norm else None


def minhash_similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two articles' 3-gram sets."""
    return float(np.mean(np.asarray(a) == np.asarray(b)))
