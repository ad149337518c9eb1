"""The CAT-style match percentage of a stored segment against a query.

Translators read a TM match as "how much of this segment can I reuse": 100 means identical,
the 70s-90s mean small edits. The character-level edit similarity (rapidfuzz's normalised
Indel ratio, on the matching form) measures exactly that, and works for Chinese, which has no
spaces to count words by. Embedding similarity adds what edits miss (reordered clauses,
paraphrase) but never outweighs the edit evidence, and only an identical segment scores 100.
"""

from __future__ import annotations

from rapidfuzz import fuzz

FUZZY_WEIGHT = 0.75
"""Share of the edit similarity in the match; the rest is the embedding cosine (x100)."""


def fuzzy_score(query_folded: str, candidate_folded: str) -> float:
    """0-100 character-level similarity of two matching forms."""
    return float(fuzz.ratio(query_folded, candidate_folded))


def match_score(query_folded: str, candidate_folded: str, cosine: float) -> int:
    """0-100: 100 only for an identical segment, otherwise at most 99."""
    if query_folded == candidate_folded:
        return 100
    fuzzy = fuzzy_score(query_folded, candidate_folded)
    semantic = max(0.0, min(1.0, cosine)) * 100.0
    return min(99, round(FUZZY_WEIGHT * fuzzy + (1 - FUZZY_WEIGHT) * semantic))
