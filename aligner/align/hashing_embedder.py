"""A torch-free, deterministic embedder: hashed character n-grams.

The test double for anything that needs an `Embedder` in unit tests: same interface, instant,
identical output on every machine. It knows no cross-lingual meaning (Chinese and English texts
share almost no n-grams), so tests that need translation equivalence use the real model.
"""

from __future__ import annotations

import hashlib
import unicodedata

import numpy as np

from aligner.align.embedder import Embedder


class HashingEmbedder(Embedder):
    def __init__(
        self,
        dim: int = 256,
        ngram_range: tuple[int, int] = (1, 3),
        *,
        memory_cache_mb: float | None = None,
    ) -> None:
        super().__init__("hashing", memory_cache_mb=memory_cache_mb)
        self._hash_dim = dim
        self._dim = dim
        self.ngram_range = ngram_range

    @property
    def name(self) -> str:
        return f"hashing-{self._hash_dim}"

    @property
    def cache_key(self) -> str:
        return self.name

    def _embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self._hash_dim), dtype=np.float32)
        lo, hi = self.ngram_range
        for row, text in enumerate(texts):
            norm = " ".join(unicodedata.normalize("NFKC", text).lower().split())
            padded = f" {norm} "
            for n in range(lo, hi + 1):
                for k in range(len(padded) - n + 1):
                    digest = hashlib.blake2b(padded[k : k + n].encode(), digest_size=8).digest()
                    h = int.from_bytes(digest, "little")
                    # The sign bit keeps unrelated n-grams from adding up in one bucket.
                    out[row, h % self._hash_dim] += 1.0 if (h >> 63) else -1.0
            if not out[row].any():
                out[row, 0] = 1.0  # empty text: a fixed unit vector rather than NaN
        return out
