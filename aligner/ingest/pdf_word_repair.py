"""Repairs to a page's positioned words before the layout reads them.

Abutting pieces: a word set in two sizes comes out of the engines as two words that touch,
one higher than the other: the masthead symbol ("A" + "/60/PV.25", a large "S" before
"/PV.8422"), ordinals with a superscript ("25" + "th plenary meeting"). Pieces whose boxes
touch horizontally and overlap vertically are one word, placed on the line of its smaller
piece (the text line it belongs to).

Letter-spaced words: justified text in older UN records sometimes spreads a line by
spacing its letters ("K i n g d o m  o f  G r e a t  B r i t a i n"), and text engines then
return every letter as a word. In such a run the gaps are of two sizes: between the letters
of a word and, wider, between words. The run is regrouped at the wide gaps. A run whose gaps
are all alike is one letter-spaced word only when its letters spell an English word.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
import statistics

from aligner.ingest.lexicon import zipf
from aligner.ingest.pdf_words import Word

# Runs shorter than this are left alone ("a I"); a normal line rarely has four one-letter
# words in a row.
MIN_RUN = 4
# Between words the gap is at least this many times the gap between letters.
WORD_GAP_RATIO = 2.0
# A gap wider than this many line heights (a column gutter) ends a run.
MAX_GAP = 1.5
# Pieces closer than this share of the smaller one's height touch (a space is wider), if
# one is at least SIZE_RATIO times the other's height and they share half the smaller one's.
TOUCH = 0.12
SIZE_RATIO = 1.3
_LETTER = re.compile(r"^[^\W\d_][.,;:!?)”’]?$")


def close_letter_spacing(words: list[Word]) -> list[Word]:
    """The row's words (sorted left to right) with letter-spaced runs joined into words."""
    out: list[Word] = []
    i = 0
    while i < len(words):
        j = i + 1
        if _LETTER.match(words[i].text):
            while (
                j < len(words)
                and _LETTER.match(words[j].text)
                and words[j].x0 - words[j - 1].x1 < MAX_GAP * words[j].size
                and not _ends_word(words[j - 1].text)
            ):
                j += 1
        if j - i >= MIN_RUN:
            out.extend(_regroup(words[i:j]))
        else:
            out.extend(words[i:j])
        i = j
    return out


def _ends_word(text: str) -> bool:
    return len(text) > 1  # a letter with punctuation after it ends its word


def _regroup(run: list[Word]) -> list[Word]:
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(run)]
    small, large = min(gaps), max(gaps)
    if large >= WORD_GAP_RATIO * max(small, 0.5):
        threshold = (small + large) / 2
    elif zipf("".join(w.text for w in run)) >= 3.0:
        threshold = large + 1.0  # one letter-spaced word
    else:
        return run
    groups = [[run[0]]]
    for gap, word in zip(gaps, run[1:], strict=True):
        if gap < threshold:
            groups[-1].append(word)
        else:
            groups.append([word])
    return [_merge(group) for group in groups]


def _merge(group: list[Word]) -> Word:
    return Word(
        "".join(w.text for w in group),
        group[0].x0,
        group[-1].x1,
        min(w.top for w in group),
        max(w.bottom for w in group),
        max(w.size for w in group),
    )


def join_abutting(words: list[Word]) -> list[Word]:
    """The page's words with touching pieces of one word joined (see the module docstring).
    Only a word of another size than the page's text can be such a piece."""
    if len(words) < 2:
        return words
    usual = statistics.median(w.size for w in words)
    band = math.sqrt(SIZE_RATIO)
    if all(usual / band < w.size < usual * band for w in words):
        return words
    order = sorted(words, key=lambda w: w.x0)
    starts = [w.x0 for w in order]
    by_end = sorted(range(len(order)), key=lambda j: order[j].x1)
    ends = [order[j].x1 for j in by_end]
    # right_of[i] = j: word j is the piece glued on after word i.
    right_of: dict[int, int] = {}
    for i, word in enumerate(order):
        if usual / band < word.size < usual * band:
            continue
        # An odd-sized piece: glue on what touches it on the right, and glue it on what it
        # touches on the left.
        for left, right in (
            (i, _touching(word, order, starts)),
            (_touched_by(word, order, by_end, ends), i),
        ):
            if left is not None and right is not None and right not in right_of.values():
                right_of.setdefault(left, right)
    if not right_of:
        return words
    glued_on = set(right_of.values())
    out: list[Word] = []
    for i, word in enumerate(order):
        if i in glued_on:
            continue
        seen = {i}
        while i in right_of and right_of[i] not in seen:
            i = right_of[i]
            seen.add(i)
            word = _glue(word, order[i])
        out.append(word)
    return out


def _fits(word: Word, other: Word) -> bool:
    """`other` starts where `word` ends, on the same line, in another size."""
    if abs(other.x0 - word.x1) > TOUCH * min(word.size, other.size):
        return False
    small, large = sorted((word.size, other.size))
    overlap = min(word.bottom, other.bottom) - max(word.top, other.top)
    return large >= SIZE_RATIO * small and overlap >= 0.5 * small


def _touching(word: Word, order: list[Word], starts: list[float]) -> int | None:
    """The word that starts where `word` ends."""
    reach = TOUCH * word.size
    lo = bisect.bisect_left(starts, word.x1 - reach)
    hi = bisect.bisect_right(starts, word.x1 + reach)
    return next((j for j in range(lo, hi) if _fits(word, order[j])), None)


def _touched_by(word: Word, order: list[Word], by_end: list[int], ends: list[float]) -> int | None:
    """The word that ends where `word` starts."""
    reach = TOUCH * word.size
    lo = bisect.bisect_left(ends, word.x0 - reach)
    hi = bisect.bisect_right(ends, word.x0 + reach)
    return next((by_end[k] for k in range(lo, hi) if _fits(order[by_end[k]], word)), None)


def _glue(left: Word, right: Word) -> Word:
    line = min(left, right, key=lambda w: w.size)
    return Word(left.text + right.text, left.x0, right.x1, line.top, line.bottom, line.size)
