"""Translation-memory look-up over the stored aligned pairs.

Every pair with both sides is a TM unit. Candidates come from two cheap recalls over all units
of the source language: nearest neighbours by embedding cosine and nearest by character edit
similarity (rapidfuzz); the union is scored with `match.match_score` and the best k returned
with their aligned translation and provenance. The embedding matrix is built once per
(model, language) and rebuilt only when the store's pairs change (`data_version`); vectors are
persisted in the store so a restart does not re-embed.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz import fuzz, process

from aligner.errors import InputError
from aligner.store.matching import fold
from aligner.store.repository import Repository
from aligner.store.request_text import check_text
from aligner.store.rows import PairRow
from aligner.tm.match import fuzzy_score, match_score

if TYPE_CHECKING:
    from aligner.align.embedder import Embedder

MAX_K = 50
MAX_TEXT_CHARS = 5000
RECALL = 50
"""Candidates taken from each recall before scoring (at least 10 x k)."""


@dataclass
class TmMatch:
    match: int
    """0-100, as CAT tools report it."""
    fuzzy: float
    """Character edit similarity, 0-100."""
    similarity: float
    """Embedding cosine, -1..1."""
    source: str
    target: str
    pair: PairRow


@dataclass
class _Index:
    version: int
    units: list[PairRow]
    folded: list[str]
    matrix: np.ndarray


class TranslationMemory:
    def __init__(self, store: Repository, embedder: Embedder) -> None:
        self.store = store
        self.embedder = embedder
        self._indexes: dict[str, _Index] = {}
        self._lock = threading.Lock()

    def lookup(
        self,
        text: str,
        source_lang: str,
        k: int = 5,
        *,
        min_match: int = 0,
        symbol: str | None = None,
    ) -> list[TmMatch]:
        query = check_text(text, "text to look up", MAX_TEXT_CHARS, multiline=True)
        if source_lang not in ("zh", "en"):
            raise InputError(f"source_lang must be zh or en, not {source_lang!r}")
        if not 1 <= k <= MAX_K:
            raise InputError(f"k must be between 1 and {MAX_K}")
        if not 0 <= min_match <= 100:
            raise InputError("min_match must be between 0 and 100")
        index = self.index(source_lang)
        chosen = range(len(index.units))
        if symbol is not None:
            self.store.get_record(symbol)  # NotFoundError for an unknown symbol
            chosen = [i for i, u in enumerate(index.units) if u.symbol == symbol]
        candidates = list(chosen)
        if not candidates:
            return []
        target_lang = "en" if source_lang == "zh" else "zh"
        q_folded = fold(query)
        q_vec = self.embedder.encode([query])[0]
        sims = index.matrix[candidates] @ q_vec
        recall = max(RECALL, 10 * k)
        pool = {candidates[i] for i in np.argsort(-sims)[:recall]}
        folded = [index.folded[i] for i in candidates]
        for _choice, _score, pos in process.extract(
            q_folded, folded, scorer=fuzz.ratio, limit=recall
        ):
            pool.add(candidates[pos])
        sim_of = dict(zip(candidates, sims.tolist(), strict=True))
        scored = []
        for i in pool:
            unit = index.units[i]
            cos = float(sim_of[i])
            m = match_score(q_folded, index.folded[i], cos)
            if m >= min_match:
                scored.append(
                    TmMatch(
                        match=m,
                        fuzzy=round(fuzzy_score(q_folded, index.folded[i]), 1),
                        similarity=round(cos, 4),
                        source=getattr(unit, source_lang),
                        target=getattr(unit, target_lang),
                        pair=unit,
                    )
                )
        scored.sort(key=lambda t: (-t.match, -t.similarity, t.pair.id))
        return scored[:k]

    def index(self, source_lang: str) -> _Index:
        version = self.store.data_version()
        with self._lock:
            current = self._indexes.get(source_lang)
            if current is not None and current.version == version:
                return current
            units = self.store.tm_units(source_lang)
            matrix = ensure_embeddings(self.store, self.embedder, units, source_lang)
            built = _Index(version, units, [fold(getattr(u, source_lang)) for u in units], matrix)
            self._indexes[source_lang] = built
            return built


def ensure_embeddings(
    store: Repository, embedder: Embedder, units: list[PairRow], language: str
) -> np.ndarray:
    """The (len(units), dim) matrix of the units' `language` side, embedding what is missing."""
    model = embedder.name
    dim = embedder.dim
    if not units:
        return np.zeros((0, dim), dtype=np.float32)
    have = store.get_embeddings(model, language, [u.id for u in units])
    missing = [u for u in units if u.id not in have]
    if missing:
        texts = [getattr(u, language) for u in missing]
        vecs = embedder.encode(texts)
        fresh = {u.id: (t, v) for u, t, v in zip(missing, texts, vecs, strict=True)}
        store.put_embeddings(model, language, fresh)
        have.update({pid: v for pid, (_t, v) in fresh.items()})
    return np.stack([have[u.id] for u in units]).astype(np.float32, copy=False)
