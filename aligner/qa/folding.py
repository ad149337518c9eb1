"""Length-preserving text folding for matching.

Every QA extractor works on a folded copy of the text and reports spans on the original, so
the fold must map one character to exactly one character: full-width ASCII to ASCII, the
ideographic and no-break spaces to a space, typographic quotes and apostrophes to plain
ones, and Traditional characters to Simplified where OpenCC maps them one to one.
"""

from __future__ import annotations

import unicodedata
from functools import cache

_SPACES = {"\u3000", "\u00a0", "\u2002", "\u2003", "\u2009", "\u202f"}
_PUNCT = {"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "－": "-", "‐": "-", "‑": "-"}


@cache
def _fold_char(ch: str) -> str:
    if ch in _SPACES:
        return " "
    if ch in _PUNCT:
        return _PUNCT[ch]
    if "\uff01" <= ch <= "\uff5e":
        folded = unicodedata.normalize("NFKC", ch)
        if len(folded) == 1:
            return folded
    return ch


@cache
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def fold(text: str, *, simplify: bool = False) -> str:
    """The matching form of `text`, exactly as long as `text`."""
    out = "".join(_fold_char(c) for c in text)
    if simplify:
        converted = _t2s().convert(out)
        if len(converted) == len(out):
            out = converted
    return out


def mask(text: str, spans: list[tuple[int, int]], fill: str = " ") -> str:
    """`text` with the characters of `spans` replaced, so later extractors skip them."""
    chars = list(text)
    for start, end in spans:
        for i in range(start, min(end, len(chars))):
            chars[i] = fill
    return "".join(chars)


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"
