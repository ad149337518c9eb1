"""Every knob of the sentence aligner, in one dataclass.

Each field is also a flag of `verbalign align-sentences` (the CLI derives the flags from the
field metadata below), and the non-default ones are written into the signature, so a result can
always be reproduced.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any


def _knob(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class AlignParams:
    max_side: int = _knob(4, "Largest n-m block with n, m >= 2 (4 allows up to 4-4).")
    max_one_to_many: int = _knob(
        6,
        "Largest 1-n block, one Chinese sentence to n English ones (long Chinese sentences "
        "are often split); n-1 blocks stop at max_side.",
    )
    band: int = _knob(
        8, "Second pass: half-width, in sentences, of the search band around the first path."
    )
    full_search_cells: int = _knob(
        2_500_000,
        "First pass: search the full src x tgt grid up to this many cells; beyond it, align a "
        "coarsened copy first and search around that path (keeps long inputs near-linear).",
    )
    margin: bool = _knob(
        True, "Score spans relative to their neighbours (a local CSLS-style margin)."
    )
    length_model: bool = _knob(True, "Use the length-ratio model (zh-en character ratio).")
    evidence: bool = _knob(
        True, "Use exact evidence: numbers, document symbols, Latin-script names on both sides."
    )
    break_weight: float = _knob(
        1.0,
        "Weight of paragraph starts as soft anchors (0 ignores them). Only applies when both "
        "sides give paragraph starts.",
    )
    weights: str = _knob(
        "default", "Name of the learned scoring weights (see aligner/align/weights.py)."
    )
    mbr_penalty: float = _knob(
        0.35,
        "Decoding: pick the path with the most expected correct links, sum(posterior - "
        "penalty) over its links (minimum Bayes risk); a negative value uses the single "
        "best-scoring path (Viterbi) instead.",
    )

    def with_(self, **changes: Any) -> AlignParams:
        return replace(self, **changes)

    def non_default(self) -> dict[str, Any]:
        base = AlignParams()
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if getattr(self, f.name) != getattr(base, f.name)
        }

    def link_types(self) -> list[tuple[int, int]]:
        """Allowed (X count, Y count) blocks in the zh-first orientation, 1-0 and 0-1 included."""
        types = [(1, 0), (0, 1)]
        for a in range(1, self.max_side + 1):
            top = max(self.max_side, self.max_one_to_many) if a == 1 else self.max_side
            types.extend((a, b) for b in range(1, top + 1))
        return types

    def span_lengths(self) -> tuple[int, int]:
        """Longest span that needs an embedding on the X (Chinese) and Y (English) side."""
        return self.max_side, max(self.max_side, self.max_one_to_many)
