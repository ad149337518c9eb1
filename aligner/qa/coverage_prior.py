"""How often a word is rendered on the other side of a faithful UN translation: the prior that
turns a run of unrendered words into evidence of an omission.

Free translation leaves some words without a dictionary rendering in every pair, but not the
same words: 进行, 方面, 有关 or "ensure", "relevant" are unrendered in many faithful pairs, while
阴谋 / "plot", 伪造 / "forged" or "session" almost always find their gloss on the other side.
A run of unrendered words that are usually rendered is what a dropped phrase leaves; a run of
words that are often left free is loose translation. The omission model
(aligner/qa/semantic.py) weighs each unrendered word of a run by the log odds of its being
rendered (`weighted_run`).

The rates are counted once on the development half of the UN Parallel Corpus dev pairs
(bench/qa_learn_associations.py → data/unpc_coverage.tsv, dictionary words and dictionary
gloss stems only, no names) and smoothed toward each language's overall rate, so a word seen
once or never says little.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

SHIPPED = Path(__file__).with_name("data") / "unpc_coverage.tsv"
SMOOTHING = 2.0
"""Pseudo-counts at the language's overall rate added to each word's own counts."""
DEFAULT_RATE = {"zh": 0.76, "en": 0.84}
"""Overall share of content words rendered on the other side (UNPC development half), used
when no table is loaded."""
RUN_PENALTY = 1.5
"""What a rendered word inside a run costs it (a dropped phrase survives one stray match)."""
RUN_OFFSET = 0.5
"""Added to each unrendered word's log odds: a word rendered half of the time still counts a
little toward a run. (0.0 with SMOOTHING 5 caught more of the fitter's drops, but its clean
rate held out rose from 1.1 % to 1.4 % at the same development rate: not kept.)"""


@dataclass
class CoveragePrior:
    counts: dict[str, dict[str, tuple[int, int]]] = field(default_factory=dict)
    """lang -> word (zh) or stem (en) -> (times rendered, times seen)."""
    overall: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_RATE))

    def rate(self, lang: str, key: str) -> float:
        """Smoothed share of the word's occurrences rendered on the other side."""
        base = self.overall.get(lang, DEFAULT_RATE[lang])
        covered, seen = self.counts.get(lang, {}).get(key, (0, 0))
        return (covered + SMOOTHING * base) / (seen + SMOOTHING)

    def weight(self, lang: str, key: str) -> float:
        """What an unrendered word adds to a run: the log odds of its being rendered."""
        p = min(max(self.rate(lang, key), 0.01), 0.99)
        return math.log(p / (1.0 - p)) + RUN_OFFSET

    @classmethod
    def count(cls, observations: Iterable[tuple[str, str, bool]]) -> CoveragePrior:
        """From (lang, key, rendered) observations."""
        seen: dict[str, Counter[str]] = {"zh": Counter(), "en": Counter()}
        covered: dict[str, Counter[str]] = {"zh": Counter(), "en": Counter()}
        for lang, key, rendered in observations:
            seen[lang][key] += 1
            covered[lang][key] += rendered
        counts = {lang: {k: (covered[lang][k], n) for k, n in seen[lang].items()} for lang in seen}
        overall = {
            lang: (
                sum(covered[lang].values()) / total
                if (total := sum(seen[lang].values()))
                else DEFAULT_RATE[lang]
            )
            for lang in seen
        }
        return cls(counts, overall)

    def rows(self, min_seen: int = 1) -> list[str]:
        out = [f"#overall\t{lang}\t{rate:.4f}" for lang, rate in sorted(self.overall.items())]
        for lang in ("zh", "en"):
            for key, (covered, seen) in sorted(self.counts.get(lang, {}).items()):
                if seen >= min_seen:
                    out.append(f"{lang}\t{key}\t{covered}\t{seen}")
        return out


def weighted_run(weights: list[float | None]) -> float:
    """Best run score over a side's content words in order: an unrendered word adds its
    weight (CoveragePrior.weight), a rendered one (None) costs RUN_PENALTY."""
    best = cur = 0.0
    for w in weights:
        cur = max(0.0, cur + (-RUN_PENALTY if w is None else w))
        best = max(best, cur)
    return best


@lru_cache(maxsize=1)
def shipped() -> CoveragePrior:
    """The rates shipped with the checks (the overall rates alone when the file is missing)."""
    try:
        lines = SHIPPED.read_text("utf-8").splitlines()
    except OSError:
        return CoveragePrior()
    prior = CoveragePrior({"zh": {}, "en": {}})
    for line in lines:
        parts = line.split("\t")
        if parts[0] == "#overall" and len(parts) == 3:
            prior.overall[parts[1]] = float(parts[2])
        elif len(parts) == 4 and parts[0] in prior.counts:
            prior.counts[parts[0]][parts[1]] = (int(parts[2]), int(parts[3]))
    return prior
