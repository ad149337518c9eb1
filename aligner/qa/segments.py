"""Clause-sized pieces of one side of a pair, for finding which piece has no counterpart.

Sentences are cut at their end punctuation, then at clause punctuation (，；： / , ; : —);
pieces too short to carry meaning on their own are glued to the next one.
"""

from __future__ import annotations

import re
from itertools import pairwise

_ZH_CUT = re.compile(r"(?<=[。！？；：，])|(?<=——)")
_EN_CUT = re.compile(r"(?<=[.?!;:])\s+|(?<=,)\s+|\s+(?=[—–]\s)")
MIN_ZH = 6
MIN_EN_WORDS = 4
MAX_PIECES = 12


def pieces(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) spans covering `text`, clause-sized, at most MAX_PIECES of them."""
    cut = _ZH_CUT if lang == "zh" else _EN_CUT
    cuts = [m.end() if lang == "en" else m.start() for m in cut.finditer(text)]
    bounds = [*sorted({0, *(b for b in cuts if 0 <= b <= len(text))}), len(text)]
    raw = [(a, b) for a, b in pairwise(bounds) if text[a:b].strip()]
    merged: list[tuple[int, int]] = []
    for a, b in raw:
        if merged and _too_short(text[merged[-1][0] : merged[-1][1]], lang):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    if len(merged) > 1 and _too_short(text[merged[-1][0] : merged[-1][1]], lang):
        last = merged.pop()
        merged[-1] = (merged[-1][0], last[1])
    while len(merged) > MAX_PIECES:
        # glue the shortest neighbouring pair until the count is bounded
        i = min(range(len(merged) - 1), key=lambda k: merged[k + 1][1] - merged[k][0])
        merged[i : i + 2] = [(merged[i][0], merged[i + 1][1])]
    return merged


def _too_short(piece: str, lang: str) -> bool:
    if lang == "zh":
        return len(re.sub(r"[\s\W]", "", piece)) < MIN_ZH
    return len(re.findall(r"\w+", piece)) < MIN_EN_WORDS


def without(text: str, span: tuple[int, int]) -> str:
    return (text[: span[0]] + text[span[1] :]).strip()
