"""Word translations learned from the batch being checked, by association.

A general dictionary (CC-CEDICT, aligner/qa/lexicon.py) misses much of the vocabulary of UN
documents in the sense they use it: 会议 is "session" as often as "meeting", 临时 is
"provisional", 委员会 "Commission". A batch of aligned pairs from the same kind of documents
says it by itself: a Chinese word and an English stem that keep occurring in the same pairs
translate each other. The Dice coefficient of their pair counts measures it; a pair with a
real omission is one among hundreds and does not make an association.

Small batches (a few pairs) learn nothing by themselves. The associations learned once from
the development half of the UN Parallel Corpus dev pairs, general vocabulary only
(data/unpc_associations.tsv, made by bench/qa_learn_associations.py), are added to every
batch's: a single record then reads with the same UN senses as a large batch.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

MIN_PAIRS = 200
"""Batches smaller than this learn nothing: counts of one or two say nothing."""
MIN_JOINT = 3
MIN_DICE = 0.25
MAX_DOC_SHARE = 0.2
"""Words in more than this share of the pairs are too common to tell anything."""
SHIPPED = Path(__file__).with_name("data") / "unpc_associations.tsv"


@dataclass
class BatchAssociations:
    links: dict[str, frozenset[str]] = field(default_factory=dict)
    """Chinese word -> English stems it is associated with."""

    @property
    def empty(self) -> bool:
        return not self.links

    def related(self, zh_word: str, en_stems: frozenset[str]) -> bool:
        linked = self.links.get(zh_word)
        return bool(linked and linked & en_stems)

    def merged(self, other: BatchAssociations) -> BatchAssociations:
        """The links of both."""
        if other.empty:
            return self
        links = dict(self.links)
        for z, stems in other.links.items():
            links[z] = links.get(z, frozenset()) | stems
        return BatchAssociations(links)

    def zh_words_for(self, en_stem: str) -> frozenset[str]:
        return self._reverse().get(en_stem, frozenset())

    def _reverse(self) -> dict[str, frozenset[str]]:
        if not hasattr(self, "_rev"):
            rev: dict[str, set[str]] = {}
            for z, stems in self.links.items():
                for e in stems:
                    rev.setdefault(e, set()).add(z)
            self._rev = {e: frozenset(z) for e, z in rev.items()}
        return self._rev


def learn(pairs: Iterable[tuple[set[str], set[str]]]) -> BatchAssociations:
    """Associations from (Chinese content words, English content stems) per pair."""
    pairs = list(pairs)
    if len(pairs) < MIN_PAIRS:
        return BatchAssociations()
    zc: Counter[str] = Counter()
    ec: Counter[str] = Counter()
    joint: Counter[tuple[str, str]] = Counter()
    for zh, en in pairs:
        zc.update(zh)
        ec.update(en)
    limit = MAX_DOC_SHARE * len(pairs)
    for zh, en in pairs:
        zs = [z for z in zh if MIN_JOINT <= zc[z] <= limit]
        es = [e for e in en if MIN_JOINT <= ec[e] <= limit]
        for z in zs:
            for e in es:
                joint[(z, e)] += 1
    links: dict[str, set[str]] = {}
    for (z, e), n in joint.items():
        if n >= MIN_JOINT and 2 * n / (zc[z] + ec[e]) >= MIN_DICE:
            links.setdefault(z, set()).add(e)
    return BatchAssociations({z: frozenset(es) for z, es in links.items()})


@lru_cache(maxsize=1)
def shipped() -> BatchAssociations:
    """The general associations shipped with the checks (empty when the file is missing)."""
    try:
        lines = SHIPPED.read_text("utf-8").splitlines()
    except OSError:
        return BatchAssociations()
    links = {}
    for line in lines:
        if line.startswith("#") or "\t" not in line:
            continue
        zh, stems = line.split("\t", 1)
        links[zh] = frozenset(stems.split())
    return BatchAssociations(links)
