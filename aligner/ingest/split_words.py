"""Rejoining English words that text extraction split with a space.

Extracted text from some PDFs has spaces inside words ("draf t", "af ter", "reporte dly",
"hostiliti es", "ef f orts", "W e", "large -scale"): the PDF positioned the letters one by
one and the extractor took a kerning gap for a space. The damage is baked into the text,
so it is repaired from the words alone, with the English frequency lexicon (wordfreq):
two to four neighbouring pieces are joined when the joined form is a word and
- a piece is a fragment, not a word: a single letter other than "a"/"A"/"I", or a string
  rarer than any word of the record's vocabulary ("dly", "hostiliti", "pted"); or
- every piece is a rare word, and the joined word is far more frequent than the rarer piece
  ("af"+"ter" -> "after", "bef"+"ore" -> "before"); a frequent piece ("a", "in", "for",
  "be") blocks this, since "a bout", "in deed" or "be cause" can be meant.
Two real words whose joined form is rarer than they are stay apart ("per cent",
"on going", "a part", "some one"). A capital letter alone joins only when the joined
word is clearly more frequent than its other piece ("W e" -> "We"; "Section B and" stays).
A hyphen spaced off the word it binds ("large -scale") is closed up.

Measured on 4,000 clean sentences of the UN Parallel Corpus (English side of its
development set, `python -m bench.real_pdf --repair`): the repair changes nothing there.
"""

from __future__ import annotations

import re

from aligner.ingest.lexicon import zipf

# A word token and what surrounds it: leading punctuation, letters, trailing rest.
_TOKEN = re.compile(r"\S+")
_LETTERS = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_LEADING_LETTERS = re.compile(r"^([A-Za-z\u00c0-\u024f]+)(.*)$", re.S)
# The left piece: the letters a token ends with, unless an apostrophe or a digit binds them
# to what is before ("women's and", "1950s and" are no "s"+"and").
_TRAILING_LETTERS = re.compile(r"^(.*?(?<![’'\w]))([A-Za-z\u00c0-\u024f]+)$", re.S)
# "large -scale": a hyphen spaced off the word after it, none after it.
_SPACED_HYPHEN = re.compile(r"(?<=[A-Za-z\u00c0-\u024f]) -(?=[A-Za-z\u00c0-\u024f]{2})")
# "Council’ s": an apostrophe's ending spaced off.
_SPACED_POSSESSIVE = re.compile(r"(?<=[A-Za-z])([’'])\s+(?=(?:s|t|ll|re|ve|d|m)\b)")
# Zipf frequencies (wordfreq, English): at or above WORD a string is a word; a fragment
# is rarer than FRAGMENT.
WORD = 3.0
FRAGMENT = 2.5
# A piece rarer than NONSENSE is no English at all; next to one, a joined form as rare as
# RARE_WORD is taken for the word.
NONSENSE = 1.0
RARE_WORD = 2.5
# Joining words that are all rare: the joined form must be this much more frequent
# than the rarer piece, and no piece this frequent.
RARE_PIECES_MARGIN = 1.3
COMMON_PIECE = 5.0
# A capital letter alone ("W" of "W e"): the joined word must be this much more frequent
# than the piece after it.
CAPITAL_MARGIN = 1.0
_LONE_WORDS = frozenset({"a", "A", "I"})


def rejoin_split_words(text: str) -> str:
    """`text` with words split by extraction joined again; anything else unchanged."""
    if not _LETTERS.search(text):
        return text
    text = _SPACED_HYPHEN.sub("-", text)
    text = _SPACED_POSSESSIVE.sub(r"\1", text)
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    if len(spans) < 2:
        return text
    tokens = [text[s:e] for s, e in spans]
    out: list[str] = []
    last = 0
    for i, n, replacement in _best_joins(tokens):
        out.append(text[last : spans[i][0]])
        out.append(replacement)
        last = spans[i + n - 1][1]
    out.append(text[last:])
    return "".join(out)


def _best_joins(tokens: list[str]) -> list[tuple[int, int, str]]:
    """The joins (first token, how many tokens, joined text) that absorb the most pieces:
    "I n f avour" is "In favour" (four pieces joined), not "Inf avour" (three)."""
    count = len(tokens)
    # best[i]: (pieces absorbed, zipf sum of the joined words) over tokens[i:], and the
    # choice made at i: how many tokens join there (1 = none) and into what.
    best: list[tuple[tuple[int, float], int, str]] = [((0, 0.0), 1, "")] * (count + 1)
    for i in range(count - 1, -1, -1):
        (pieces, score), _, _ = best[i + 1]
        choice = ((pieces, score), 1, "")
        for n, joined, word in _joins_at(tokens, i):
            (rest_pieces, rest_score), _, _ = best[i + n]
            candidate = ((rest_pieces + n, rest_score + zipf(word)), n, joined)
            if candidate[0] > choice[0]:
                choice = candidate
        best[i] = choice
    joins = []
    i = 0
    while i < count:
        _, n, joined = best[i]
        if n > 1:
            joins.append((i, n, joined))
        i += n
    return joins


def _joins_at(tokens: list[str], i: int) -> list[tuple[int, str, str]]:
    """Every way tokens i, i+1 (up to i+3) are one split word: (n, joined text, the word)."""
    head = _TRAILING_LETTERS.match(tokens[i])
    if head is None:
        return []
    found = []
    for n in (2, 3, 4):
        if i + n > len(tokens):
            break
        middle = tokens[i + 1 : i + n - 1]
        if middle and not (_LETTERS.fullmatch(middle[-1]) and _is_fragment(middle[-1])):
            break
        last = _LEADING_LETTERS.match(tokens[i + n - 1])
        if last is None or _bound_letter(last.group(1), last.group(2)):
            continue  # "by e-mail", "a T-shirt": a letter bound to a compound is no fragment
        pieces = [head.group(2), *middle, last.group(1)]
        if is_split(pieces):
            word = "".join(pieces)
            found.append((n, head.group(1) + word + last.group(2), word))
    return found


def is_split(pieces: list[str]) -> bool:
    """True when the pieces are one word that extraction split. The cheap tests on the
    pieces come first: most neighbouring words fail them before any look-up of the join."""
    first, rest = pieces[0], pieces[1:]
    if first[1:] != first[1:].lower() or any(p != p.lower() for p in rest):
        return False  # case changes inside: names, acronyms ("UN Women"), not one word
    joined = "".join(pieces)
    if len(pieces) > 2 or first in _LONE_WORDS:
        # "a"/"I" are words ("a bout of", "a part"): only fragments join them ("I n" -> "In").
        # Three or four pieces ("ef f orts", "O f f icial"): all but the first are fragments,
        # so a real word after a split ("o f the") is not swallowed.
        return all(_is_fragment(p) for p in rest) and zipf(joined) >= WORD
    second = rest[0]
    if len(first) == 1 and first.isupper():
        # "W e" -> "We", "T he" -> "The", but "Section B and", "Plan B is" stay.
        z_joined = zipf(joined)
        return z_joined >= WORD and z_joined - zipf(second) >= CAPITAL_MARGIN
    if _is_fragment(first) or _is_fragment(second):
        # A piece that is no string of English at all ("reaf", "acilitators") lets a rarer
        # word of UN prose join ("reaffirms", "facilitators").
        nonsense = any(len(p) > 1 and zipf(p) < NONSENSE for p in (first, second))
        return zipf(joined) >= (RARE_WORD if nonsense else WORD)
    z_first, z_second = zipf(first), zipf(second)
    if max(z_first, z_second) >= COMMON_PIECE:
        return False
    z_joined = zipf(joined)
    return z_joined >= WORD and z_joined - min(z_first, z_second) >= RARE_PIECES_MARGIN


def _bound_letter(letters: str, after: str) -> bool:
    return len(letters) == 1 and after[:1] != "" and after[:1] in "-’'"


def _is_fragment(piece: str) -> bool:
    if len(piece) == 1:
        return piece not in _LONE_WORDS
    return zipf(piece) < FRAGMENT
