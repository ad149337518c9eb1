"""What every kind of evidence hands to the extractor: a term pair and where it was seen."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Candidate:
    zh: str
    en: str
    type: str
    source: str
    """Name of the evidence that produced it: "definition", "speaker", "member_state"..."""
    score: float
    """Confidence this evidence alone gives the pair, 0-1."""
    pair_indices: set[int] = field(default_factory=set)
    """Indices (PairText.index) of the aligned pairs in which both terms were seen."""
    zh_variants: list[str] = field(default_factory=list)
    en_variants: list[str] = field(default_factory=list)
