"""Translation-memory look-up: the most similar stored segments and their translations."""

from __future__ import annotations

from aligner.tm.match import match_score
from aligner.tm.memory import (
    IndexStats,
    TmMatch,
    TranslationMemory,
    close_shared_memories,
    ensure_embeddings,
    index_record,
    shared_memory,
)

__all__ = [
    "IndexStats",
    "TmMatch",
    "TranslationMemory",
    "close_shared_memories",
    "ensure_embeddings",
    "index_record",
    "match_score",
    "shared_memory",
]
