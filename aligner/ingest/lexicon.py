"""The English frequency lexicon (wordfreq) behind hyphenation and split-word repair.

Both ask "is this string a word, and how common?" for many strings that are not words
("draf", "reporte", "hostiliti"). wordfreq's zipf_frequency tokenizes and normalises
every query (~150 µs for an unseen string), so strings of letters are looked up directly
in its frequency table instead, which gives the same Zipf value.
"""

from __future__ import annotations

import math
from functools import cache, lru_cache


@cache
def _frequencies() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en")


@lru_cache(maxsize=1 << 17)
def zipf(word: str) -> float:
    """Zipf frequency of an English word of letters (0.0 when unknown): log10 of its
    frequency per billion words, rounded like wordfreq's zipf_frequency."""
    frequency = _frequencies().get(word.casefold(), 0.0)
    return round(math.log10(frequency) + 9, 2) if frequency > 0 else 0.0
