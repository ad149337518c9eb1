"""Chinese word boundaries for matching names: is a substring a word, or part of one?

Chinese has no spaces, so a name found by substring search may be part of another word: 中国
(China) inside 发展中国家 (developing countries), 南非 (South Africa) inside 撒哈拉以南非洲,
朝鲜 inside 南朝鲜. jieba's segmentation (its own dictionary, no HMM guessing, a private
tokenizer so other users of jieba's global dictionary do not change it) gives the word
boundaries; a hit is part of another word when a word of the segmentation starts before it and
runs into it, or starts inside it and runs past its end. A word that merely starts with the
name (中国人民, 乍得湖) keeps the name: the concept is there.
"""

from __future__ import annotations

import logging
import threading
from functools import lru_cache
from typing import Any

_lock = threading.Lock()
_tokenizer: list[Any] = []


def _jieba() -> Any:
    with _lock:
        if not _tokenizer:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            tokenizer = jieba.Tokenizer()
            tokenizer.initialize()
            _tokenizer.append(tokenizer)
        return _tokenizer[0]


@lru_cache(maxsize=8192)
def word_bounds(text: str) -> tuple[frozenset[int], frozenset[int]]:
    """(start offsets, end offsets) of the words of `text`."""
    starts, ends = set(), set()
    pos = 0
    for word in _jieba().cut(text, HMM=False):
        starts.add(pos)
        pos += len(word)
        ends.add(pos)
    return frozenset(starts), frozenset(ends)


def crosses_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] begins inside a word, or ends inside a word that began inside
    it (see the module docstring)."""
    starts, ends = word_bounds(text)
    if start not in starts:
        return True
    if end in ends:
        return False
    # the hit ends inside a word: fine if that word started where the hit did (中国人民)
    last_start = max(s for s in starts if s < end)
    return last_start != start
