"""Features of a candidate link (a block of a X sentences and b Y sentences).

The DP scores a link as weights . features; the weights are learned on the dev sets
(bench/train_weights.py). The same function computes the features of every band cell and of the
gold links, so training and decoding can never disagree about what a feature means.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from aligner.align.spans import SpanContext

# Named dense features; then one indicator per link type (its prior).
DENSE = (
    "sim",  # cosine of the two span embeddings
    "neighbour",  # best cosine of either span with the sentence just outside the other span
    "merge_gain",  # sim minus the best single sentence pair inside the block (0 for 1-1)
    "cover_gap",  # sim minus the worst member-to-other-span cosine (0 for 1-1)
    "length",  # -z^2 of the log length ratio under the length model
    "num_match",
    "num_miss",
    "latin_match",
    "latin_miss",
    "sim_x_size",  # sim * (a + b - 2): lets bigger blocks need more similarity
    "skip_best",  # for 1-0/0-1: best cosine of the lone sentence with any nearby sentence
    "skip_length",  # for 1-0/0-1: log length of the lone sentence
    "ratio_1_1",  # |log(m / n)| on 1-1 links: unequal sentence counts mean fewer 1-1 links
    "ratio_1_n",  # log(m / n) * sign(b - a): ... and more blocks that split towards that side
    "mark_match",  # ? ! and quotation marks present on both sides
    "mark_miss",  # ... on one side only
)
N_DENSE = len(DENSE)
_CAP = 4.0


@dataclass(frozen=True)
class LengthModel:
    """log((len_y + 1) / (len_x + 1)) ~ Normal(mu, sigma), mu adapted to the document."""

    mu: float
    sigma: float

    @classmethod
    def for_document(
        cls, ctx: SpanContext, prior_mu: float, sigma: float, prior_weight: float = 20.0
    ) -> LengthModel:
        lx, ly = float(ctx.x_len_cum[-1]), float(ctx.y_len_cum[-1])
        doc_mu = float(np.log((ly + 1.0) / (lx + 1.0)))
        # A short input says little about its own ratio: shrink towards the language prior.
        k = float(min(ctx.n, ctx.m))
        mu = (k * doc_mu + prior_weight * prior_mu) / (k + prior_weight)
        return cls(mu, sigma)


class Scorer:
    """Computes link features for one document (a pair of sentence lists)."""

    def __init__(
        self,
        ctx: SpanContext,
        types: Sequence[tuple[int, int]],
        length_model: LengthModel | None,
        evidence: bool,
    ) -> None:
        self.ctx = ctx
        self.types = list(types)
        self.type_index = {t: k for k, t in enumerate(self.types)}
        self.length_model = length_model
        self.evidence = evidence
        self.n_features = N_DENSE + len(self.types)
        self._x_best: np.ndarray | None = None
        self._y_best: np.ndarray | None = None
        self._vocab_ready = False
        self._count_ratio = float(np.log((ctx.m + 1.0) / (ctx.n + 1.0)))

    # --- exact evidence -------------------------------------------------------------
    def _prepare_evidence(self) -> None:
        """Counts of the tokens that occur on both sides, as prefix sums over positions."""
        ctx = self.ctx
        x_num = [e.numbers for e in ctx.x_ev]
        y_num = [e.numbers for e in ctx.y_ev]
        # Names and symbols marked on the X (Chinese) side are sought among all Y words.
        x_lat = [e.latin for e in ctx.x_ev]
        y_lat = [e.words for e in ctx.y_ev]
        self._num = _SharedTokens(x_num, y_num)
        self._lat = _SharedTokens(x_lat, y_lat)
        self._marks = _SharedTokens([e.marks for e in ctx.x_ev], [e.marks for e in ctx.y_ev])
        self._vocab_ready = True

    def _skip_best(self) -> tuple[np.ndarray, np.ndarray]:
        if self._x_best is None or self._y_best is None:
            table = self.ctx.tables.get((1, 1))
            xb = np.zeros(self.ctx.n, np.float32)
            yb = np.zeros(self.ctx.m, np.float32)
            if table is not None and self.ctx.n and self.ctx.m:
                data = np.nan_to_num(table.data, nan=-1.0)
                xb = data.max(axis=1)[: self.ctx.n]
                cols = table.qlo[:, None] + np.arange(data.shape[1])[None, :]
                ok = cols < self.ctx.m
                yb = np.full(self.ctx.m, -1.0, np.float32)
                np.maximum.at(yb, cols[ok], data[ok])
            self._x_best, self._y_best = xb, yb
        return self._x_best, self._y_best

    # --- features -------------------------------------------------------------------
    def features(self, a: int, b: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """(N, n_features) for links of type (a, b) ending at cells (i[k], j[k])."""
        ctx = self.ctx
        i = np.asarray(i, dtype=np.int64)
        j = np.asarray(j, dtype=np.int64)
        out = np.zeros((len(i), self.n_features), dtype=np.float32)
        t = self.type_index.get((a, b))
        if t is not None:
            out[:, N_DENSE + t] = 1.0
        if len(i) == 0:
            return out
        col = {name: k for k, name in enumerate(DENSE)}
        if a and b:
            # A per-link constant like (b - a) * r would sum to the same over every path; these
            # depend on how many links of each kind the path uses.
            if a == b == 1:
                out[:, col["ratio_1_1"]] = abs(self._count_ratio)
            out[:, col["ratio_1_n"]] = self._count_ratio * float(np.sign(b - a))
        if a == 0 or b == 0:
            xb, yb = self._skip_best()
            if a == 1:
                best, length = xb[i - 1], ctx.x_length(i - 1, i)
            else:
                best, length = yb[j - 1], ctx.y_length(j - 1, j)
            out[:, col["skip_best"]] = best
            out[:, col["skip_length"]] = np.log1p(length) / 5.0
            return out
        p, q = i - a, j - b
        sim = np.nan_to_num(ctx.sim(a, b, p, q), nan=0.0)
        out[:, col["sim"]] = sim
        out[:, col["sim_x_size"]] = sim * (a + b - 2)
        # Neighbours: the Y sentences just before/after T against S, the X ones against T.
        ny = np.fmax(ctx.sim(a, 1, p, q - 1), ctx.sim(a, 1, p, j))
        nx = np.fmax(ctx.sim(1, b, p - 1, q), ctx.sim(1, b, i, q))
        both = np.stack([nx, ny])
        present = ~np.isnan(both)
        out[:, col["neighbour"]] = np.where(present, both, 0.0).sum(0) / np.maximum(
            present.sum(0), 1
        )
        if a + b > 2:
            best_pair = np.full(len(i), -1.0, np.float32)
            for dx in range(a):
                for dy in range(b):
                    best_pair = np.fmax(best_pair, ctx.sim(1, 1, p + dx, q + dy))
            worst = np.full(len(i), 1.0, np.float32)
            if b > 1:
                for dy in range(b):
                    worst = np.fmin(worst, ctx.sim(a, 1, p, q + dy))
            if a > 1:
                for dx in range(a):
                    worst = np.fmin(worst, ctx.sim(1, b, p + dx, q))
            out[:, col["merge_gain"]] = sim - best_pair
            out[:, col["cover_gap"]] = sim - worst
        if self.length_model is not None:
            lx = ctx.x_length(p, i).astype(np.float64)
            ly = ctx.y_length(q, j).astype(np.float64)
            z = (np.log((ly + 1.0) / (lx + 1.0)) - self.length_model.mu) / self.length_model.sigma
            out[:, col["length"]] = -np.minimum(z * z, 16.0)
        if self.evidence:
            if not self._vocab_ready:
                self._prepare_evidence()
            match, miss_x, miss_y = self._num.compare(p, i, q, j)
            out[:, col["num_match"]] = np.minimum(match, _CAP)
            out[:, col["num_miss"]] = np.minimum(miss_x + miss_y, _CAP)
            match, miss_x, _ = self._lat.compare(p, i, q, j)
            out[:, col["latin_match"]] = np.minimum(match, _CAP)
            out[:, col["latin_miss"]] = np.minimum(miss_x, _CAP)
            match, miss_x, miss_y = self._marks.compare(p, i, q, j)
            out[:, col["mark_match"]] = np.minimum(match, _CAP)
            out[:, col["mark_miss"]] = np.minimum(miss_x + miss_y, _CAP)
        return out


class _SharedTokens:
    """Token counts per sentence on both sides, for matching inside spans."""

    def __init__(self, xs: Sequence[dict[str, int]], ys: Sequence[dict[str, int]]) -> None:
        vocab = sorted({t for c in xs for t in c} & {t for c in ys for t in c})
        index = {t: k for k, t in enumerate(vocab)}
        v = max(1, len(vocab))
        cx = np.zeros((len(xs) + 1, v), np.int32)
        cy = np.zeros((len(ys) + 1, v), np.int32)
        tx = np.zeros(len(xs) + 1, np.int32)
        ty = np.zeros(len(ys) + 1, np.int32)
        for k, c in enumerate(xs):
            tx[k + 1] = sum(c.values())
            for tok, cnt in c.items():
                if tok in index:
                    cx[k + 1, index[tok]] = cnt
        for k, c in enumerate(ys):
            ty[k + 1] = sum(c.values())
            for tok, cnt in c.items():
                if tok in index:
                    cy[k + 1, index[tok]] = cnt
        self.cx, self.cy = np.cumsum(cx, axis=0), np.cumsum(cy, axis=0)
        self.tx, self.ty = np.cumsum(tx), np.cumsum(ty)
        self.any_shared = bool(vocab)

    def compare(
        self, p: np.ndarray, i: np.ndarray, q: np.ndarray, j: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(matched, unmatched on X, unmatched on Y) token counts between X[p:i] and Y[q:j]."""
        nx = (self.tx[i] - self.tx[p]).astype(np.float32)
        ny = (self.ty[j] - self.ty[q]).astype(np.float32)
        match = np.zeros(len(p), np.float32)
        if self.any_shared:
            both = ((self.tx[i] - self.tx[p]) > 0) & ((self.ty[j] - self.ty[q]) > 0)
            if both.any():
                sx = self.cx[i[both]] - self.cx[p[both]]
                sy = self.cy[j[both]] - self.cy[q[both]]
                match[both] = np.minimum(sx, sy).sum(axis=1)
        return match, nx - match, ny - match
