"""The normalised pair hash that deduplication keys on.

Two pairs are the same translation unit when their texts agree after the folding that does not
change meaning: Unicode NFKC (full-/half-width), Traditional -> Simplified Chinese (OpenCC t2s),
runs of whitespace collapsed (and trimmed), English lower-cased. The hash is sha256 hex of the
normalised zh + U+0001 + normalised en (the separator cannot occur in either text).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cache

from opencc import OpenCC

_SPACES = re.compile(r"\s+")
SEPARATOR = "\u0001"


@cache
def _t2s() -> OpenCC:
    return OpenCC("t2s")


def _collapse(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def normalise_zh(text: str) -> str:
    if not text:
        return ""
    return _collapse(_t2s().convert(unicodedata.normalize("NFKC", text)))


def normalise_en(text: str) -> str:
    if not text:
        return ""
    return _collapse(unicodedata.normalize("NFKC", text)).lower()


def pair_hash(zh: str, en: str) -> str:
    key = normalise_zh(zh) + SEPARATOR + normalise_en(en)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()
