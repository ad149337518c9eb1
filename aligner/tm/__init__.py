"""Translation-memory look-up: the most similar stored segments and their translations."""

from __future__ import annotations

from aligner.tm.match import match_score
from aligner.tm.memory import TmMatch, TranslationMemory, ensure_embeddings

__all__ = ["TmMatch", "TranslationMemory", "ensure_embeddings", "match_score"]
