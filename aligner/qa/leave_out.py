"""Leave-one-out evidence of an omission: a run of words whose removal makes a side *more*
like the other side.

A faithful pair loses meaning shared with the other side whatever run of words is taken out
of one side, so its similarity to the other side drops. A side that carries a clause the other
side lacks is the opposite: without that clause it says exactly what the other side says, and
its similarity rises. The best such rise over the side's runs of words (`gain`) is the
omission model's evidence (aligner/qa/semantic.py), with its contrast to the other side's best
rise (loose translation raises both a little, an omission one side a lot).

Cheap with the project's embedder: multilingual USE sums its per-token features before its
output network (aligner/align/use_module.py), so the side without tokens i..j is the output
network on (the side's sum minus the rows i..j), up to the few convolution windows that cross
the cut. One forward pass per side gives every run; only the small output network runs per
run. Runs start and end at word starts (sentencepiece's word mark; every token in Chinese) and
are RUN_TOKENS long, up to MAX_SHARE of the side. Other embedders (no token features) give no
evidence: the model then leaves the features out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

RUN_TOKENS = (3, 4, 5, 6, 8, 10, 13, 16, 20, 25, 32, 40)
"""Lengths (tokens) of the runs tried from each word start: a prepositional phrase to a
clause of a long sentence."""
MAX_SHARE = 0.6
"""Runs longer than this share of the side's tokens are not tried: what is left of the side
says too little to be compared."""
CHUNK = 64
"""Pairs whose token rows are computed and held at once."""


@dataclass(frozen=True)
class LeaveOut:
    """One side's leave-one-out evidence."""

    gain: float
    """Best rise of the side's cosine with the other side when one run is taken out (negative
    when every run lowers it)."""
    tokens: tuple[int, int] | None
    """That run, as content-token indices [start, end)."""


def token_encoder(embedder: Any) -> Any | None:
    """The USE encoder behind `embedder` when it has token features, else None."""
    get = getattr(embedder, "use_encoder", None)
    return get() if get is not None else None


def leave_out(encoder: Any, zh: str, en: str) -> tuple[LeaveOut, LeaveOut]:
    """(zh side's, en side's) evidence of a pair."""
    return leave_out_batch(encoder, [(zh, en)])[0]


def leave_out_batch(
    encoder: Any, pairs: Sequence[tuple[str, str]]
) -> list[tuple[LeaveOut, LeaveOut]]:
    """Evidence of many pairs: the token forward passes run in batches of CHUNK pairs (the
    token rows of a batch are held at once: ~120 KB a side)."""
    out: list[tuple[LeaveOut, LeaveOut]] = []
    for k in range(0, len(pairs), CHUNK):
        out += _batch(encoder, pairs[k : k + CHUNK])
    return out


def _batch(encoder: Any, pairs: Sequence[tuple[str, str]]) -> list[tuple[LeaveOut, LeaveOut]]:
    texts = [t for pair in pairs for t in pair]
    rows = encoder.token_rows(texts)
    totals = np.stack([r.sum(0) for r in rows]).astype(np.float32)
    whole = encoder.embed_pools(totals, np.array([len(r) for r in rows], np.float32))
    out = []
    for k, (_, en) in enumerate(pairs):
        zh_rows, en_rows = rows[2 * k], rows[2 * k + 1]
        zh_emb, en_emb = whole[2 * k], whole[2 * k + 1]
        zh_starts = [True] * (len(zh_rows) - 2)
        en_starts = encoder.word_starts(en)
        out.append(
            (
                _side(encoder, zh_rows, zh_starts, en_emb, float(zh_emb @ en_emb)),
                _side(encoder, en_rows, en_starts, zh_emb, float(zh_emb @ en_emb)),
            )
        )
    return out


def runs(word_starts: Sequence[bool]) -> np.ndarray:
    """[start, end) content-token runs to try, in rows of the BOS-prefixed token table: from
    each word start, the first word start (or the end) at least each RUN_TOKENS length on."""
    n = len(word_starts)
    bounds = [i for i, s in enumerate(word_starts) if s] + [n]
    if not word_starts or not word_starts[0]:
        bounds = [0, *bounds]
    limit = MAX_SHARE * n
    found: set[tuple[int, int]] = set()
    ends = np.array(bounds)
    for a in bounds[:-1]:
        for size in RUN_TOKENS:
            if size > limit:
                break
            j = int(np.searchsorted(ends, a + size))
            if j >= len(ends) or ends[j] - a > limit:
                break
            found.add((a, int(ends[j])))
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    return np.array(sorted(found), dtype=np.int64) + 1  # row 0 is BOS


def _side(
    encoder: Any, rows: np.ndarray, word_starts: Sequence[bool], other: np.ndarray, base: float
) -> LeaveOut:
    spans = runs(word_starts)
    if not len(spans):
        return LeaveOut(0.0, None)
    cum = np.vstack([np.zeros((1, rows.shape[1]), np.float64), np.cumsum(rows, 0, np.float64)])
    pools = (cum[-1] - (cum[spans[:, 1]] - cum[spans[:, 0]])).astype(np.float32)
    lens = (len(rows) - (spans[:, 1] - spans[:, 0])).astype(np.float32)
    gains = encoder.embed_pools(pools, lens) @ other - base
    best = int(np.argmax(gains))
    a, b = spans[best] - 1
    return LeaveOut(float(gains[best]), (int(a), int(b)))
