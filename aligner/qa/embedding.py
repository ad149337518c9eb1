"""The embedding model the semantic QA check uses: the project's default embedder (USE
multilingual v3, see aligner.align.embedder), loaded once per process on first use."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def load_embedder(model: str | None = None, *, cache_path: Path | None = None) -> Any:
    from aligner.align.embedder import get_embedder

    return get_embedder(model, cache_path=cache_path)
