"""Sentence alignment of two sentence lists: `align_sentences`.

Two passes over the (src x tgt) grid, both solved by the banded DP in dp.py:
1. a cheap pass (1-1, 1-2, 2-1, 1-0, 0-1 on sentence cosines) over the full grid, or, for long
   inputs, around the path of a coarsened copy of the input, to find where the path runs;
2. the full model (every block type up to max_side / max_one_to_many, learned weights over span
   cosines, neighbour margins, length ratio, exact evidence, paragraph anchors) in a narrow band
   around the first path.
Each resulting link then gets a calibrated confidence (confidence.py).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np

from aligner.align import dp
from aligner.align.confidence import link_confidences
from aligner.align.embedder import Embedder, get_embedder
from aligner.align.features import DENSE, N_DENSE, LengthModel, Scorer
from aligner.align.params import AlignParams
from aligner.align.spans import SpanContext, build_table
from aligner.align.weights import TYPE_DEFAULT, WEIGHTS
from aligner.errors import AlignmentError, InputError

# log(en chars / zh chars) of translated text, and its spread (from the dev sets' gold links).
_LENGTH_PRIOR = {("zh", "en"): (1.05, 0.30)}
_GENERIC_LENGTH = (0.0, 0.30)
_FIRST_PASS_TYPES = [(1, 0), (0, 1), (1, 1), (1, 2), (2, 1)]
_FIRST_PASS_THRESHOLD = 0.3  # cosine above which a pair is worth more than leaving both out


@dataclass(frozen=True)
class Link:
    """One alignment link: source and target sentence indices (either may be empty)."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    confidence: float

    @property
    def type(self) -> str:
        return f"{len(self.src)}-{len(self.tgt)}"


def align_sentences(
    src: Sequence[str],
    tgt: Sequence[str],
    *,
    src_lang: str,
    tgt_lang: str,
    embedder: Embedder | None = None,
    src_breaks: Sequence[int] | None = None,
    tgt_breaks: Sequence[int] | None = None,
    params: AlignParams | None = None,
) -> list[Link]:
    """Align two lists of sentences; links cover every sentence of both sides, in order.

    `src_breaks`/`tgt_breaks` are indices of sentences that start a paragraph: soft anchors used
    only when both are given.
    """
    with single_blas_thread():
        problem = SentenceProblem.build(
            src,
            tgt,
            src_lang=src_lang,
            tgt_lang=tgt_lang,
            embedder=embedder,
            src_breaks=src_breaks,
            tgt_breaks=tgt_breaks,
            params=params,
        )
        return problem.solve()


def single_blas_thread() -> AbstractContextManager[object]:
    """The DP's matrix products are small: BLAS threads cost more than they save (measured 2x
    slower on 2 cores). Embedding, done before, keeps its own thread setting."""
    controller = _blas_controller()
    if controller is None:  # pragma: no cover - threadpoolctl is a declared dependency
        return nullcontext()
    return controller.limit(limits=1, user_api="blas")


@cache
def _blas_controller() -> Any:
    # Finding the loaded BLAS libraries takes milliseconds: once per process, not per turn.
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # pragma: no cover
        return None
    return ThreadpoolController()


class SentenceProblem:
    """One alignment problem, kept in the zh-first orientation (X = Chinese side)."""

    def __init__(
        self,
        ctx: SpanContext | None,
        n: int,
        m: int,
        swapped: bool,
        params: AlignParams,
        x_breaks: Sequence[int] | None,
        y_breaks: Sequence[int] | None,
        length_prior: tuple[float, float],
    ) -> None:
        self.ctx = ctx
        self.n, self.m = n, m
        self.swapped = swapped
        self.params = params
        self.types = params.link_types()
        self.x_breaks = x_breaks
        self.y_breaks = y_breaks
        self.length_prior = length_prior
        self.band: dp.Band | None = None
        self.scorer: Scorer | None = None
        self.feats: list[np.ndarray] = []
        self.fixed: list[np.ndarray] = []
        self.last_path: list[tuple[int, int, int, int]] = []
        self.last_posteriors: list[np.ndarray] = []

    @classmethod
    def build(
        cls,
        src: Sequence[str],
        tgt: Sequence[str],
        *,
        src_lang: str,
        tgt_lang: str,
        embedder: Embedder | None = None,
        src_breaks: Sequence[int] | None = None,
        tgt_breaks: Sequence[int] | None = None,
        params: AlignParams | None = None,
    ) -> SentenceProblem:
        params = params or AlignParams()
        _check_sentences(src, "source")
        _check_sentences(tgt, "target")
        src_lang, tgt_lang = src_lang.lower(), tgt_lang.lower()
        swapped = (src_lang, tgt_lang) == ("en", "zh")
        xs, ys = (tgt, src) if swapped else (src, tgt)
        xb, yb = (tgt_breaks, src_breaks) if swapped else (src_breaks, tgt_breaks)
        pair = (tgt_lang, src_lang) if swapped else (src_lang, tgt_lang)
        prior = _LENGTH_PRIOR.get(pair, _GENERIC_LENGTH)
        if not xs or not ys:
            return cls(None, len(xs), len(ys), swapped, params, xb, yb, prior)
        embedder = embedder or get_embedder()
        ctx = SpanContext(xs, ys, embedder, *params.span_lengths())
        problem = cls(ctx, len(xs), len(ys), swapped, params, xb, yb, prior)
        problem.prepare()
        return problem

    @property
    def embed_seconds(self) -> float:
        """Time the span embeddings took (0 when they were all cached)."""
        return self.ctx.embed_seconds if self.ctx is not None else 0.0

    # --- passes -----------------------------------------------------------------------
    def prepare(self) -> None:
        """First pass, band, and the feature arrays of every band cell."""
        ctx = self.ctx
        assert ctx is not None
        path = first_pass_path(
            ctx.ex[1], ctx.ey[1], ctx.ex.get(2), ctx.ey.get(2), self.params.full_search_cells
        )
        self.band = dp.Band.around_path(path, self.n, self.m, self.params.band)
        ctx.build_tables(self.band, [t for t in self.types if t[0] and t[1]])
        mu, sigma = self.length_prior
        length = LengthModel.for_document(ctx, mu, sigma) if self.params.length_model else None
        self.scorer = Scorer(ctx, self.types, length, self.params.evidence)
        rows, cols, valid = self.band.grid()
        self.feats = []
        self.fixed = []
        anchors = self._anchor_sets()
        for a, b in self.types:
            ok = valid & (rows >= a) & (cols >= b) & (cols <= self.m)
            f = np.zeros((*rows.shape, N_DENSE), dtype=np.float32)
            f[ok] = self.scorer.features(a, b, rows[ok], cols[ok])[:, :N_DENSE]
            fixed = np.where(ok, 0.0, dp.NEG)
            if anchors is not None and a and b:
                fixed[ok] -= self.params.break_weight * _anchor_violations(
                    anchors, a, b, rows[ok], cols[ok]
                )
            self.feats.append(f)
            self.fixed.append(fixed)

    def _anchor_sets(self) -> tuple[np.ndarray, np.ndarray] | None:
        if self.x_breaks is None or self.y_breaks is None or self.params.break_weight <= 0:
            return None
        xb = np.zeros(self.n + 1, bool)
        yb = np.zeros(self.m + 1, bool)
        xb[[k for k in self.x_breaks if 0 <= k < self.n]] = True
        yb[[k for k in self.y_breaks if 0 <= k < self.m]] = True
        xb[0] = yb[0] = True
        px, py = int(xb.sum()), int(yb.sum())
        # Paragraphs only anchor when both sides have a comparable number of them.
        if abs(px - py) > max(1, 0.15 * max(px, py)):
            return None
        return xb, yb

    def scores(self, weights: dict[str, float] | None = None) -> list[np.ndarray]:
        w = dict(weights or _named_weights(self.params.weights))
        if not self.params.margin:
            w["neighbour"] = 0.0
        # float64: the CRF objective sums thousands of link scores; float32 rounding there
        # made L-BFGS line searches fail before convergence.
        dense = np.array([w.get(name, 0.0) for name in DENSE], dtype=np.float64)
        out = []
        for (a, b), f, fixed in zip(self.types, self.feats, self.fixed, strict=True):
            bias = w.get(f"type:{a}-{b}", TYPE_DEFAULT)
            out.append(f @ dense + bias + fixed)
        return out

    def decode(self, weights: dict[str, float] | None = None) -> list[tuple[int, int, int, int]]:
        """The single best-scoring path (Viterbi), as used in training."""
        assert self.band is not None
        return dp.viterbi(self.band, self.types, self.scores(weights))

    def solve(self, weights: dict[str, float] | None = None) -> list[Link]:
        if self.ctx is None:
            # One side is empty: everything on the other side is unmatched.
            path = [(i, 0, 1, 0) for i in range(self.n)] + [(0, j, 0, 1) for j in range(self.m)]
            return self._to_links(path, [0.5] * len(path))
        assert self.band is not None
        scores = self.scores(weights)
        posteriors, _ = dp.link_posteriors(self.band, self.types, scores)
        if self.params.mbr_penalty >= 0:
            # Minimum Bayes risk: strict F1 rewards each exactly right link, so maximise the
            # expected number of them, less a small price per link (measured on the dev sets:
            # +0.1 to +0.2 strict F1 points over Viterbi on MAC-Dev, pol and aca).
            gain = [
                np.where(s > dp.NEG / 2, p - self.params.mbr_penalty, dp.NEG)
                for s, p in zip(scores, posteriors, strict=True)
            ]
            path = dp.viterbi(self.band, self.types, gain)
        else:
            path = dp.viterbi(self.band, self.types, scores)
        conf = link_confidences(self, path, posteriors)
        self.last_path, self.last_posteriors = path, posteriors  # for calibration fitting
        return self._to_links(path, conf)

    def _to_links(
        self, path: Sequence[tuple[int, int, int, int]], conf: Sequence[float]
    ) -> list[Link]:
        links = []
        for (i0, j0, a, b), c in zip(path, conf, strict=True):
            x = tuple(range(i0, i0 + a))
            y = tuple(range(j0, j0 + b))
            src, tgt = (y, x) if self.swapped else (x, y)
            links.append(Link(src, tgt, float(c)))
        return links


def _named_weights(name: str) -> dict[str, float]:
    try:
        return WEIGHTS[name]
    except KeyError:
        raise InputError(f"unknown weights {name!r}; known: {', '.join(sorted(WEIGHTS))}") from None


def _anchor_violations(
    anchors: tuple[np.ndarray, np.ndarray], a: int, b: int, i: np.ndarray, j: np.ndarray
) -> np.ndarray:
    xb, yb = anchors
    p, q = i - a, j - b
    viol = (xb[p] != yb[q]).astype(np.float64)
    for d in range(1, a):
        viol += xb[p + d]
    for d in range(1, b):
        viol += yb[q + d]
    return viol


def _check_sentences(sentences: Sequence[str], side: str) -> None:
    for k, s in enumerate(sentences):
        if not isinstance(s, str):
            raise InputError(f"{side} sentence {k} is not text")


# --- first pass ---------------------------------------------------------------------------
def first_pass_path(
    x1: np.ndarray, y1: np.ndarray, x2: np.ndarray | None, y2: np.ndarray | None, full_cells: int
) -> list[tuple[int, int]]:
    """Cells (i, j) of a rough path, from 1-1/1-2/2-1/skip links on sentence cosines."""
    n, m = len(x1), len(y1)
    if (n + 1) * (m + 1) <= full_cells or min(n, m) < 8:
        band = dp.Band.full(n, m)
    else:
        # Too big for the full grid: align block averages first (Vecalign's coarse-to-fine).
        f = math.ceil(math.sqrt((n + 1) * (m + 1) / (full_cells / 4)))
        cx, cy = _coarsen(x1, f), _coarsen(y1, f)
        coarse = first_pass_path(cx, cy, _pairs(cx), _pairs(cy), full_cells)
        fine = [(min(n, i * f), min(m, j * f)) for i, j in coarse]
        band = dp.Band.around_path(fine, n, m, 2 * f)
    tables = {}
    rows_for = np.arange(n + 1)
    for a, b, xa, yb in ((1, 1, x1, y1), (1, 2, x1, y2), (2, 1, x2, y1)):
        if xa is None or yb is None or len(xa) == 0 or len(yb) == 0:
            continue
        qlo = np.clip(band.lo[np.clip(rows_for[: len(xa)] + a, 0, n)] - b, 0, len(yb) - 1)
        tables[(a, b)] = build_table(xa, yb, qlo, band.width + 2)
    rows, cols, valid = band.grid()
    scores = []
    for a, b in _FIRST_PASS_TYPES:
        s = np.full(rows.shape, dp.NEG)
        ok = valid & (rows >= a) & (cols >= b) & (cols <= m)
        if a and b:
            table = tables.get((a, b))
            if table is not None:
                sim = table.get(rows[ok] - a, cols[ok] - b)
                s[ok] = np.where(np.isnan(sim), dp.NEG, (sim - _FIRST_PASS_THRESHOLD) * (a + b) / 2)
        else:
            s[ok] = 0.0
        scores.append(s)
    path = dp.viterbi(band, _FIRST_PASS_TYPES, scores)
    cells = [(0, 0)]
    for i0, j0, a, b in path:
        cells.append((i0 + a, j0 + b))
    return cells


def _coarsen(v: np.ndarray, f: int) -> np.ndarray:
    n = len(v)
    k = math.ceil(n / f)
    out = np.zeros((k, v.shape[1]), dtype=np.float32)
    np.add.at(out, np.arange(n) // f, v)
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)


def _pairs(v: np.ndarray) -> np.ndarray:
    if len(v) < 2:
        return v[:0]
    s = v[:-1] + v[1:]
    return s / np.maximum(np.linalg.norm(s, axis=1, keepdims=True), 1e-12)


__all__ = ["AlignParams", "AlignmentError", "Link", "SentenceProblem", "align_sentences"]
