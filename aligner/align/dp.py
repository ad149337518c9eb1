"""The dynamic-programming core: best monotone path through a banded grid. Pure numpy, no I/O.

Cell (i, j) means "the first i source and j target sentences are aligned". A link of type (a, b)
goes from (i - a, j - b) to (i, j). Row i only holds the columns [lo[i], hi[i]) (the band), so
time and memory are O(n * band width * link types): a full grid is the special case
lo = 0, hi = m + 1. Scores are supplied by the caller as one (n + 1, W) array per link type,
`scores[t][i, w]` being the score of the type-t link that ends at (i, lo[i] + w).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

NEG = -1e30  # "impossible"; finite so that sums stay well-defined


class Band:
    """Per-row column ranges [lo[i], hi[i]) of a grid with n + 1 rows and m + 1 columns."""

    def __init__(self, lo: np.ndarray, hi: np.ndarray, m: int) -> None:
        self.lo = np.asarray(lo, dtype=np.int64)
        self.hi = np.asarray(hi, dtype=np.int64)
        self.m = m
        if self.lo[0] != 0 or self.hi[-1] != m + 1:
            raise ValueError("band must contain the start (0, 0) and the end (n, m)")
        self.width = int((self.hi - self.lo).max())

    @property
    def n(self) -> int:
        return len(self.lo) - 1

    @classmethod
    def full(cls, n: int, m: int) -> Band:
        return cls(np.zeros(n + 1, np.int64), np.full(n + 1, m + 1, np.int64), m)

    @classmethod
    def around_path(cls, path: Sequence[tuple[int, int]], n: int, m: int, radius: int) -> Band:
        """Band holding every path cell plus `radius` rows/columns on each side of it."""
        lo = np.full(n + 1, m + 1, np.int64)
        hi = np.zeros(n + 1, np.int64)
        for i, j in path:
            r0, r1 = max(0, i - radius), min(n, i + radius) + 1
            lo[r0:r1] = np.minimum(lo[r0:r1], j - radius)
            hi[r0:r1] = np.maximum(hi[r0:r1], j + radius + 1)
        lo = np.clip(lo, 0, m)
        hi = np.clip(hi, 1, m + 1)
        # Monotone envelopes keep every row reachable from the row before it.
        lo = np.minimum.accumulate(lo[::-1])[::-1]
        hi = np.maximum.accumulate(hi)
        lo[0], hi[-1] = 0, m + 1
        return cls(lo, hi, m)

    def columns(self, i: int) -> np.ndarray:
        return np.arange(self.lo[i], self.lo[i] + self.width)

    def grid(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(rows, cols, valid) arrays of shape (n + 1, W) for every band cell."""
        rows = np.repeat(np.arange(self.n + 1)[:, None], self.width, axis=1)
        cols = self.lo[:, None] + np.arange(self.width)[None, :]
        valid = cols < self.hi[:, None]
        return rows, cols, valid


def viterbi(
    band: Band, types: Sequence[tuple[int, int]], scores: Sequence[np.ndarray]
) -> list[tuple[int, int, int, int]]:
    """Best path from (0, 0) to (n, m); returns its links as (i_start, j_start, a, b)."""
    total, back = _forward(band, types, scores, soft=False)
    return _traceback(band, types, back, total)


def forward_totals(
    band: Band, types: Sequence[tuple[int, int]], scores: Sequence[np.ndarray], soft: bool = False
) -> np.ndarray:
    """Best (or, with soft, log-sum-exp) score from (0, 0) to every band cell, (n + 1, W)."""
    return _forward(band, types, scores, soft)[0]


def _groups(
    types: Sequence[tuple[int, int]], scores: Sequence[np.ndarray]
) -> tuple[list[int], list[tuple[int, np.ndarray, np.ndarray, np.ndarray]]]:
    """Insertion types, and the other types grouped by source count a: (a, type ids, b values,
    stacked scores (n + 1, len(group), W)), so that each DP row takes one numpy step per a."""
    ins = [t for t, (a, _) in enumerate(types) if a == 0]
    if any(types[t][1] != 1 for t in ins):
        raise ValueError("only 0-1 insertions are supported")
    groups = []
    for a in sorted({a for a, _ in types if a > 0}):
        ids = np.array([t for t, (aa, _) in enumerate(types) if aa == a])
        bs = np.array([types[t][1] for t in ids])
        groups.append((a, ids, bs, np.stack([scores[t] for t in ids], axis=1)))
    return ins, groups


def _logsumexp0(x: np.ndarray) -> np.ndarray:
    top = x.max(axis=0)
    return top + np.log(np.exp(x - top).sum(axis=0))


def _forward(
    band: Band, types: Sequence[tuple[int, int]], scores: Sequence[np.ndarray], soft: bool
) -> tuple[np.ndarray, np.ndarray]:
    n, width = band.n, band.width
    lo, hi = band.lo, band.hi
    # One spare column of NEG at the end: out-of-band reads are pointed there.
    total = np.full((n + 1, width + 1), NEG, dtype=np.float64)
    back = np.full((n + 1, width), -1, dtype=np.int16)
    ins, groups = _groups(types, scores)
    w_idx = np.arange(width)
    for i in range(n + 1):
        row = np.full(width, NEG)
        brow = back[i]
        if i == 0:
            row[0] = 0.0
        for a, ids, bs, stacked in groups:
            if i - a < 0:
                continue
            # Column j = lo[i] + w comes from column j - b of row i - a.
            src = w_idx[None, :] + (lo[i] - lo[i - a]) - bs[:, None]
            src[(src < 0) | (src >= width)] = width
            cand = total[i - a][src] + stacked[i]
            if soft:
                row = np.logaddexp(row, _logsumexp0(cand))
            else:
                k = cand.argmax(axis=0)
                best = cand[k, w_idx]
                better = best > row
                row[better] = best[better]
                brow[better] = ids[k[better]]
        for t in ins:
            # Sequential within the row: F[w] = max(R[w], F[w-1] + s[w]), solved in closed form
            # as F = c + cummax(R - c) with c the running sum of insertion scores (log-sum-exp
            # instead of max for the soft version).
            step = np.maximum(scores[t][i], -1e6)  # an impossible step stays hopeless
            step[0] = 0.0
            c = np.cumsum(step)
            if soft:
                row = np.logaddexp.accumulate(row - c) + c
            else:
                best = np.maximum.accumulate(row - c) + c
                better = best > row + 1e-9
                row = np.where(better, best, row)
                brow[better] = t
        row[lo[i] + w_idx >= hi[i]] = NEG
        total[i, :width] = row
    return total[:, :width], back


def backward_totals(
    band: Band, types: Sequence[tuple[int, int]], scores: Sequence[np.ndarray], soft: bool = False
) -> np.ndarray:
    """Best (or log-sum-exp) score from every band cell to (n, m), (n + 1, W). With
    forward_totals this gives max-marginals or, soft, link posteriors."""
    n, width = band.n, band.width
    lo, hi = band.lo, band.hi
    total = np.full((n + 1, width + 1), NEG, dtype=np.float64)
    w_idx = np.arange(width)
    ins, groups = _groups(types, scores)
    # Scores of the link *arriving* at a cell, padded like total.
    padded = [np.concatenate([g[3], np.full((n + 1, len(g[1]), 1), NEG)], axis=2) for g in groups]
    for i in range(n, -1, -1):
        row = np.full(width, NEG)
        if i == n:
            row[band.m - lo[n]] = 0.0
        for (a, _ids, bs, _stacked), pad in zip(groups, padded, strict=True):
            if i + a > n:
                continue
            # Column j = lo[i] + w leads to column j + b of row i + a.
            dst = w_idx[None, :] + (lo[i] - lo[i + a]) + bs[:, None]
            dst[(dst < 0) | (dst >= width)] = width
            cand = total[i + a][dst] + np.take_along_axis(pad[i + a], dst, axis=1)
            row = (
                np.logaddexp(row, _logsumexp0(cand)) if soft else np.maximum(row, cand.max(axis=0))
            )
        for t in ins:
            # G[w] = max(R[w], G[w+1] + s[w+1]), right to left, in closed form.
            s_next = np.concatenate([np.maximum(scores[t][i, 1:], -1e6), [0.0]])
            c = np.cumsum(s_next[::-1])[::-1]  # c[w] = sum of s_next[w:]
            acc = np.logaddexp.accumulate if soft else np.maximum.accumulate
            # The k = w term of the accumulation is R[w] itself: no second log-add.
            row = acc((row - c)[::-1])[::-1] + c
        row[lo[i] + w_idx >= hi[i]] = NEG
        total[i, :width] = row
    return total[:, :width]


def link_posteriors(
    band: Band, types: Sequence[tuple[int, int]], scores: Sequence[np.ndarray]
) -> tuple[list[np.ndarray], float]:
    """P(link of type t ends at band cell) under the distribution over paths that is
    proportional to exp(path score); also returns log Z."""
    fwd = forward_totals(band, types, scores, soft=True)
    bwd = backward_totals(band, types, scores, soft=True)
    log_z = float(fwd[band.n, band.m - band.lo[band.n]])
    n, width = band.n, band.width
    fpad = np.concatenate([fwd, np.full((n + 1, 1), NEG)], axis=1)
    rows = np.arange(n + 1)[:, None]
    w_idx = np.arange(width)[None, :]
    out = []
    for t, (a, b) in enumerate(types):
        post = np.zeros((n + 1, width))
        if a <= n:
            r = rows[a:]
            src = w_idx + (band.lo[r] - band.lo[r - a]) - b
            src[(src < 0) | (src >= width)] = width
            lp = fpad[r - a, src] + scores[t][a:] + bwd[a:] - log_z
            post[a:] = np.exp(np.minimum(lp, 0.0))
        out.append(post)
    return out, log_z


def _traceback(
    band: Band, types: Sequence[tuple[int, int]], back: np.ndarray, total: np.ndarray
) -> list[tuple[int, int, int, int]]:
    i, j = band.n, band.m
    if total[i, j - band.lo[i]] <= NEG / 2:
        raise ValueError("no path through the band")
    links = []
    while i > 0 or j > 0:
        t = int(back[i, j - band.lo[i]])
        if t < 0:
            raise ValueError("broken back-pointer")
        a, b = types[t]
        i, j = i - a, j - b
        links.append((i, j, a, b))
    links.reverse()
    return links
