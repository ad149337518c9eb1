"""Nearest-neighbour search over the TM's unit vectors: exact, or approximate (HNSW).

`ExactIndex` multiplies the query by every stored vector: a few milliseconds up to ~10^5
units, and exact. Past `ANN_MIN_UNITS`, `UsearchIndex` (an HNSW graph from the `usearch`
package, the optional `verbalign[ann]` extra) answers in well under a millisecond at 10^6
units with recall@10 above 0.98 (`python -m bench.tm_scale`). Without the extra, exact search
is used at every size.

Both answer with row positions (0..n-1 of the vectors they were built from) and exact cosines:
the ANN graph only chooses the candidates; their cosines are recomputed from the float32
vectors, so a match percentage never depends on which index found it.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

ANN_MIN_UNITS = 50_000
"""Below this many units, exact search is as fast as the graph and needs no build."""
INDEX_ENV = "VERBALIGN_TM_INDEX"
"""auto (default: ANN past ANN_MIN_UNITS when usearch is installed), exact, or ann."""


class VectorIndex(ABC):
    kind: ClassVar[str]

    def __init__(self, vectors: np.ndarray) -> None:
        self.vectors = vectors
        """(n, dim) float32 unit rows: exact cosines of the candidates come from here."""

    def __len__(self) -> int:
        return int(self.vectors.shape[0])

    @abstractmethod
    def candidates(self, query: np.ndarray, k: int) -> np.ndarray:
        """Positions of (about) the k rows nearest to `query`, in no particular order."""

    def search(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(positions, cosines) of the k nearest rows, best first."""
        n = len(self)
        if n == 0 or k <= 0:
            return np.zeros(0, np.int64), np.zeros(0, np.float32)
        pos = self.candidates(query, min(k, n))
        sims = self.vectors[pos] @ query
        order = np.argsort(-sims, kind="stable")[:k]
        return pos[order], sims[order]


class ExactIndex(VectorIndex):
    kind = "exact"

    def candidates(self, query: np.ndarray, k: int) -> np.ndarray:
        sims = self.vectors @ query
        if k >= len(sims):
            return np.arange(len(sims), dtype=np.int64)
        return np.argpartition(-sims, k - 1)[:k].astype(np.int64)


class UsearchIndex(VectorIndex):
    """HNSW over int8-quantised copies of the vectors (cosine metric)."""

    kind = "usearch"
    CONNECTIVITY = 16
    EXPANSION_ADD = 64
    EXPANSION_SEARCH = 512
    """Candidates the graph search keeps. bench.tm_scale at 10^6 segments: 128 finds 89 % of
    the exact top 10 (p50 0.7 ms), 512 finds 95 % (p50 6 ms), still far below the 10-20 ms
    of embedding the query; oversampling does not help, the graph walk is what misses."""
    DTYPE = "i8"
    OVERSAMPLE = 2
    """The graph is asked for this many times k: the exact re-ranking then repairs most of
    what the int8 quantisation reorders."""

    def __init__(self, vectors: np.ndarray, graph: Any) -> None:
        super().__init__(vectors)
        self.graph = graph

    @classmethod
    def build(cls, vectors: np.ndarray, *, threads: int = 0) -> UsearchIndex:
        from usearch.index import Index

        graph = Index(
            ndim=int(vectors.shape[1]),
            metric="cos",
            dtype=cls.DTYPE,
            connectivity=cls.CONNECTIVITY,
            expansion_add=cls.EXPANSION_ADD,
            expansion_search=cls.EXPANSION_SEARCH,
        )
        if len(vectors):
            keys = np.arange(len(vectors), dtype=np.uint64)
            graph.add(keys, vectors, threads=threads or (os.cpu_count() or 1))
        return cls(vectors, graph)

    @classmethod
    def load(cls, vectors: np.ndarray, path: Path) -> UsearchIndex:
        from usearch.index import Index

        graph = Index.restore(str(path), view=False)
        if graph is None or len(graph) != len(vectors):
            raise ValueError(f"{path} does not hold an index of {len(vectors)} vectors")
        graph.expansion_search = cls.EXPANSION_SEARCH
        return cls(vectors, graph)

    def save(self, path: Path) -> None:
        self.graph.save(str(path))

    def candidates(self, query: np.ndarray, k: int) -> np.ndarray:
        found = self.graph.search(query, k * self.OVERSAMPLE, threads=1)
        return np.asarray(found.keys, dtype=np.int64)


def ann_available() -> bool:
    try:
        import usearch.index  # noqa: F401
    except ImportError:
        return False
    return True


def index_mode() -> str:
    mode = os.environ.get(INDEX_ENV, "auto").strip().lower() or "auto"
    if mode not in ("auto", "exact", "ann"):
        from aligner.errors import InputError

        raise InputError(f"{INDEX_ENV} must be auto, exact or ann, not {mode!r}")
    return mode


def wants_ann(n_units: int, mode: str | None = None) -> bool:
    """Whether a store of `n_units` units gets the ANN graph (else exact search)."""
    mode = mode or index_mode()
    if mode == "exact" or not ann_available():
        return False
    return mode == "ann" or n_units >= ANN_MIN_UNITS
