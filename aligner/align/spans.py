"""Sentence spans of both sides: their embeddings (each distinct span embedded once) and the
banded cosine tables that link scoring reads from.

The aligner always works zh-first: side X is the Chinese side and Y the English side when the
pair is zh-en in either order, so one set of learned weights serves both directions.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from aligner.align.dp import Band
from aligner.align.embedder import Embedder
from aligner.align.evidence import SentenceEvidence, sentence_evidence
from aligner.models import join_sentences

_BLOCK = 64  # rows per matmul block when filling a banded table


def span_texts(sentences: Sequence[str], max_len: int) -> dict[int, list[str]]:
    """Layer k -> the texts of every run of k consecutive sentences, by start position."""
    n = len(sentences)
    return {
        k: [join_sentences(list(sentences[p : p + k])) for p in range(n - k + 1)]
        for k in range(1, min(max_len, n) + 1)
    }


@dataclass
class SimTable:
    """cos(X-span starting at p, Y-span starting at q) for q in [qlo[p], qlo[p] + width)."""

    qlo: np.ndarray
    data: np.ndarray  # (rows, width), NaN outside the computed band

    def get(self, p: np.ndarray, q: np.ndarray) -> np.ndarray:
        out = np.full(p.shape, np.nan, dtype=np.float32)
        rows = self.data.shape[0]
        okp = (p >= 0) & (p < rows)
        pc = np.where(okp, p, 0)
        idx = q - self.qlo[pc]
        ok = okp & (idx >= 0) & (idx < self.data.shape[1])
        out[ok] = self.data[pc[ok], idx[ok]]
        return out


def build_table(ax: np.ndarray, by: np.ndarray, qlo: np.ndarray, width: int) -> SimTable:
    """Cosines of ax[p] with by[qlo[p] : qlo[p] + width], by blocked matrix products."""
    rows = ax.shape[0]
    data = np.full((rows, width), np.nan, dtype=np.float32)
    for p0 in range(0, rows, _BLOCK):
        p1 = min(rows, p0 + _BLOCK)
        qa = int(qlo[p0:p1].min())
        qb = int(min(by.shape[0], (qlo[p0:p1] + width).max()))
        if qb <= qa:
            continue
        block = ax[p0:p1] @ by[qa:qb].T
        cols = qlo[p0:p1, None] + np.arange(width)[None, :] - qa
        ok = (cols >= 0) & (cols < qb - qa)
        data[p0:p1][ok] = block[np.nonzero(ok)[0], cols[ok]]
    return SimTable(np.asarray(qlo, dtype=np.int64), data)


class SpanContext:
    """Everything about the two sentence lists that scoring needs, computed once."""

    def __init__(
        self,
        xs: Sequence[str],
        ys: Sequence[str],
        embedder: Embedder,
        max_len_x: int,
        max_len_y: int,
    ) -> None:
        self.xs, self.ys = list(xs), list(ys)
        self.n, self.m = len(self.xs), len(self.ys)
        self.max_len = max(max_len_x, max_len_y)
        started = time.perf_counter()
        self.ex: dict[int, np.ndarray] = embedder.encode_spans(self.xs, max_len_x)
        self.ey: dict[int, np.ndarray] = embedder.encode_spans(self.ys, max_len_y)
        self.embed_seconds = time.perf_counter() - started
        self.x_ev: list[SentenceEvidence] = [sentence_evidence(t) for t in self.xs]
        self.y_ev: list[SentenceEvidence] = [sentence_evidence(t) for t in self.ys]
        self.x_len_cum = np.concatenate([[0], np.cumsum([e.length for e in self.x_ev])])
        self.y_len_cum = np.concatenate([[0], np.cumsum([e.length for e in self.y_ev])])
        self.tables: dict[tuple[int, int], SimTable] = {}

    def x_length(self, start: np.ndarray, end: np.ndarray) -> np.ndarray:
        return self.x_len_cum[end] - self.x_len_cum[start]

    def y_length(self, start: np.ndarray, end: np.ndarray) -> np.ndarray:
        return self.y_len_cum[end] - self.y_len_cum[start]

    def build_tables(self, band: Band, layers: Sequence[tuple[int, int]]) -> None:
        """Fill the cosine tables for the given (x layer, y layer) pairs around `band`."""
        n, k = self.n, self.max_len
        rows_lo = np.clip(np.arange(n + 1) - 1, 0, n)
        rows_hi = np.clip(np.arange(n + 1) + k + 1, 0, n)
        qlo_all = np.clip(band.lo[rows_lo] - k - 1, 0, max(self.m - 1, 0))
        qhi_all = np.clip(band.hi[rows_hi] + 1, 1, self.m)
        self.tables = {}
        for ka, kb in layers:
            if ka not in self.ex or kb not in self.ey:
                continue
            ax = self.ex[ka]
            qlo = qlo_all[: ax.shape[0]].copy()
            width = int(max(1, (qhi_all[: ax.shape[0]] - qlo).max()))
            self.tables[(ka, kb)] = build_table(ax, self.ey[kb], qlo, width)

    def sim(self, ka: int, kb: int, p: np.ndarray, q: np.ndarray) -> np.ndarray:
        """cos of X[p:p+ka] and Y[q:q+kb]; from a table when built, else computed directly."""
        table = self.tables.get((ka, kb))
        if table is not None:
            out = table.get(p, q)
            missing = np.isnan(out)
        else:
            out = np.full(p.shape, np.nan, dtype=np.float32)
            missing = np.ones(p.shape, dtype=bool)
        ok = missing & (p >= 0) & (q >= 0) & (p + ka <= self.n) & (q + kb <= self.m)
        if ok.any() and ka in self.ex and kb in self.ey:
            out[ok] = np.einsum("nd,nd->n", self.ex[ka][p[ok]], self.ey[kb][q[ok]])
        return out
