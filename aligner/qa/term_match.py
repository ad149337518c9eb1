"""Lenient matching of a term's forms in the other side of a pair.

The term check finds a term strictly (the exact form) on one side and then asks whether its
equivalent is on the other side. Translators do not keep terms intact, so that second question
is answered leniently:

- Chinese: a term may be split once by a short insertion that carries no punctuation, as long as
  both parts keep at least two characters (常驻代表 in 常驻联合国代表, 关系正常化 in
  关系实现正常化). Single-character halves are not allowed: 主…权 would match far too much.
- English: the content words of the term, stemmed (Snowball), may appear in any order and
  inflection within a short window ("normalization of relations" in "normalize their
  relations", "peaceful settlement" in "settle our disputes peacefully", "Minister for Foreign
  Affairs" in "Ministers for Foreign Affairs"). Function words of the term are optional. Words
  whose stem another UN term shares (developed / developing, Secretariat / Secretary) match only
  themselves.

Strict presence stays the test for *finding* a term, so leniency can only remove flags, never
raise new ones.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from aligner.qa.folding import fold

MAX_ZH_INSERTION = 6
"""Characters that may stand between the two halves of a split Chinese term."""
MIN_ZH_PART = 2
EN_WINDOW_SLACK = 3
"""Extra tokens a window may hold beyond the term's content words."""
MIN_PREFIX_STEM = 5
"""Stems at least this long also match when one is a prefix of the other (sovereign /
sovereignty), which Snowball leaves apart."""

EN_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "for",
        "and",
        "or",
        "in",
        "on",
        "to",
        "at",
        "by",
        "with",
        "from",
        "as",
        "into",
        "its",
        "their",
        "his",
        "her",
        "our",
    ]
)
_ZH_BREAK = "，。；：！？、,.;:!?（）()《》“”\"'"
_TOKEN = re.compile(r"[A-Za-z0-9]+")


@cache
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


# Words that share a stem (or a stem prefix) with another word of a different UN term, and must
# therefore match only themselves: "developed countries" are not "developing countries", the
# Secretariat is not the Secretary(-General), "conventional weapons" hold no Convention, a
# "national" is not a Nation, a High Commissioner is not a Commission.
_OWN_STEM = {
    w: "=" + w.rstrip("s")
    for w in """developed underdeveloped secretariat secretariats conventional national nationals
    commissioner commissioners representative representatives united""".split()  # noqa: SIM905
}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer().stemWord(word.lower())


def _term_stem(word: str) -> str:
    """`stem`, except for the words that must match only themselves in a term (_OWN_STEM)."""
    return _OWN_STEM.get(word.lower()) or stem(word)


def en_stems(text: str) -> list[str]:
    """Stemmed word tokens of an English text, in order (hyphenated words give several)."""
    return [_term_stem(t) for t in _TOKEN.findall(text)]


def _content_stems(form: str) -> list[str]:
    # the "s" of a possessive ("Children's") is no word of its own
    return [
        _term_stem(t)
        for t in _TOKEN.findall(form)
        if t.lower() not in EN_FUNCTION_WORDS and t != "s"
    ]


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= MIN_PREFIX_STEM and long.startswith(short)


def en_loosely_present(form: str, stems: list[str]) -> bool:
    """Whether the content words of `form` occur, in any order and inflection, inside one
    window of the stemmed text `stems` (see en_stems)."""
    wanted = _content_stems(form)
    if not wanted:
        return False
    window = len(wanted) + EN_WINDOW_SLACK
    for start, stem in enumerate(stems):
        if not any(_same(stem, w) for w in wanted):
            continue
        span = stems[start : start + window]
        if all(any(_same(s, w) for s in span) for w in wanted):
            return True
    return False


@lru_cache(maxsize=4096)
def _zh_pattern(form: str) -> re.Pattern[str] | None:
    form = fold(form, simplify=True)
    if len(form) < 2 * MIN_ZH_PART:
        return None
    gap = f"[^{re.escape(_ZH_BREAK)}]{{1,{MAX_ZH_INSERTION}}}"
    splits = [
        re.escape(form[:k]) + gap + re.escape(form[k:])
        for k in range(MIN_ZH_PART, len(form) - MIN_ZH_PART + 1)
    ]
    return re.compile("|".join(splits))


def zh_loosely_present(form: str, folded: str) -> bool:
    """Whether the Chinese `form` occurs in `folded`, contiguous or split once by a short
    insertion (see the module docstring)."""
    target = fold(form, simplify=True)
    if target and target in folded:
        return True
    pattern = _zh_pattern(form)
    return bool(pattern and pattern.search(folded))
