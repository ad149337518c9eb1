"""Where benchmark runs keep their caches (git-ignored var/)."""

from __future__ import annotations

from pathlib import Path

from aligner.align.embedder import Embedder, get_embedder

ROOT = Path(__file__).resolve().parents[1]
VAR = ROOT / "var"
EMBED_CACHE = VAR / "embeddings.sqlite"


def embedder_for_bench(model: str | None = None) -> Embedder:
    return get_embedder(model, cache_path=EMBED_CACHE)
