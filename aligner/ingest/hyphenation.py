"""Undoing end-of-line hyphenation in English text.

A line ending in `Secre-` before `tary-General` was split inside a word: the hyphen
goes. A line ending in `Guinea-` before `Bissau` was split at a real hyphen: it
stays. The decision uses, in order:
1. the document itself: the same word written elsewhere on one line, joined or
   hyphenated (the strongest evidence: it is this record's own spelling);
2. capitalisation: a capital after the break (`Secretary-`/`General`, `inter-`/`State`)
   marks a compound, since words are not split before a capital;
3. an English frequency lexicon (wordfreq): the joined word must be about as common as
   its rarer half (`provo`+`cations` -> provocations) or the first half must not be a
   word on its own; two common words whose joined form is rare (`long`+`standing`,
   `zero`+`sum`) stay hyphenated.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from aligner.ingest.lexicon import zipf as _zipf

_TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:[-'’][A-Za-z\u00c0-\u024f]+)*")
# How much rarer (in Zipf units) than its rarer half a joined word may be.
_JOIN_MARGIN = 1.0
# Below this Zipf frequency a fragment is not taken for a word of its own.
_WORD_ZIPF = 3.0


class Dehyphenator:
    """Decides line-end hyphens with evidence from one document's text."""

    def __init__(self, lines: list[str]) -> None:
        self.words: Counter[str] = Counter()
        self.pairs: Counter[str] = Counter()
        for line in lines:
            tokens = _TOKEN.findall(line)
            # The fragments at a line-end hyphen are not words of the document.
            if line.rstrip().endswith("-") and tokens:
                tokens = tokens[:-1]
            for token in tokens:
                parts = [p.casefold() for p in re.split(r"-", token)]
                self.words.update(parts)
                if len(parts) > 1:
                    self.words[token.casefold()] += 1
                    self.pairs.update(f"{a}-{b}" for a, b in itertools.pairwise(parts))
        self.decisions: list[tuple[str, str, bool]] = []

    def keep_hyphen(self, left: str, right: str) -> bool:
        """True when `left-` + `right` is a hyphenated compound, False when one word."""
        keep = self._decide(left, right)
        self.decisions.append((left, right, keep))
        return keep

    def _decide(self, left: str, right: str) -> bool:
        if not left or not right or not left[-1].isalpha() or not right[0].isalpha():
            return True
        joined = (left + right).casefold()
        hyphenated = f"{left.casefold()}-{right.casefold()}"
        seen_joined, seen_hyphenated = self.words[joined], self.pairs[hyphenated]
        if seen_joined != seen_hyphenated:
            return seen_hyphenated > seen_joined
        if right[0].isupper():
            return True
        z_left, z_right, z_joined = _zipf(left), _zipf(right), _zipf(joined)
        if z_joined > 0 and z_joined >= min(z_left, z_right) - _JOIN_MARGIN:
            return False
        return z_left >= _WORD_ZIPF and z_right >= _WORD_ZIPF
