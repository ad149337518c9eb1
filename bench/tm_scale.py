"""TM look-up at archive scale: exact search against the ANN graph, 10^4 to 10^6 segments.

    python -m bench.tm_scale [--sizes 10000 100000 1000000] [--queries 300] [--k 10]
                             [--engines exact usearch faiss] [--json]

Stored vectors are synthetic but shaped like real ones: each is a random mixture of two real
USE embeddings of UN sentences (the UN Parallel Corpus dev set in ../shared/real, embedded
once and cached in var/) plus a little noise, so they have the clusters and density of real
TM vectors, not the uniform spread of random Gaussians (which flatters nothing and no index).
Queries are half lightly perturbed stored vectors (a translator's edited sentence) and half
new mixtures (a sentence the TM does not hold). For every size: exact search p50/p99, and per
ANN engine the build time, p50/p99 search latency (one query at a time, one thread, exact
re-ranking of the candidates included), recall@k against exact search, and memory. `usearch`
is the product's index (aligner/tm/index.py); `faiss` (HNSW, flat vectors) is measured for
the choice between them and is needed only for this bench.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from aligner.tm.index import ExactIndex, UsearchIndex, VectorIndex
from bench.paths import VAR

BASE = VAR / "tm_scale_base.npy"
UNPC = Path(__file__).resolve().parents[1].parent / "shared" / "real" / "unpc-dev"


def base_vectors() -> np.ndarray:
    if BASE.exists():
        return np.load(BASE)
    from aligner.align.embedder import Embedder

    lines: list[str] = []
    for lang in ("zh", "en"):
        text = (UNPC / f"{lang}.txt").read_text(encoding="utf-8")
        lines += [line for line in text.splitlines() if line.strip()]
    print(f"embedding {len(lines)} UNPC dev sentences once (cached in {BASE})", file=sys.stderr)
    vectors = Embedder().encode(lines)
    BASE.parent.mkdir(parents=True, exist_ok=True)
    np.save(BASE, vectors)
    return vectors


def _unit(v: np.ndarray) -> np.ndarray:
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    return v.astype(np.float32, copy=False)


def synthetic(base: np.ndarray, n: int, rng: np.random.Generator) -> np.ndarray:
    out = np.empty((n, base.shape[1]), dtype=np.float32)
    step = 100_000
    for s in range(0, n, step):
        m = min(step, n - s)
        mix = base[rng.integers(0, len(base), m)] + 0.5 * base[rng.integers(0, len(base), m)]
        mix += 0.05 * rng.standard_normal(mix.shape, dtype=np.float32)
        out[s : s + m] = _unit(mix)
    return out


def queries(base: np.ndarray, stored: np.ndarray, n: int, rng: np.random.Generator) -> np.ndarray:
    edited = stored[rng.integers(0, len(stored), n // 2)].copy()
    edited += 0.03 * rng.standard_normal(edited.shape, dtype=np.float32)
    return np.vstack([_unit(edited), synthetic(base, n - n // 2, rng)])


def percentile_ms(values: list[float], q: float) -> float:
    return round(1000 * float(np.quantile(values, q)), 3)


def timed_search(
    index: VectorIndex, qs: np.ndarray, k: int
) -> tuple[list[np.ndarray], list[float]]:
    found, lat = [], []
    for q in qs:
        t0 = time.perf_counter()
        pos, _sims = index.search(q, k)
        lat.append(time.perf_counter() - t0)
        found.append(pos)
    return found, lat


class FaissHnsw(VectorIndex):
    """faiss IndexHNSWFlat (inner product on unit vectors), for comparison only."""

    kind = "faiss"

    def __init__(self, vectors: np.ndarray) -> None:
        import faiss

        super().__init__(vectors)
        faiss.omp_set_num_threads(2)
        self.graph = faiss.IndexHNSWFlat(vectors.shape[1], 32, faiss.METRIC_INNER_PRODUCT)
        self.graph.hnsw.efConstruction = 80
        self.graph.add(vectors)
        self.graph.hnsw.efSearch = 128
        faiss.omp_set_num_threads(1)

    def candidates(self, query: np.ndarray, k: int) -> np.ndarray:
        _d, ids = self.graph.search(query[None, :], 2 * k)
        return ids[0][ids[0] >= 0].astype(np.int64)


def build(engine: str, vectors: np.ndarray) -> tuple[VectorIndex, float, int]:
    t0 = time.perf_counter()
    index: VectorIndex
    if engine == "usearch":
        index = UsearchIndex.build(vectors)
        graph_bytes = int(index.graph.memory_usage)
    elif engine == "faiss":
        import faiss

        index = FaissHnsw(vectors)
        graph_bytes = len(faiss.serialize_index(index.graph)) - vectors.nbytes
    else:
        raise ValueError(engine)
    return index, time.perf_counter() - t0, graph_bytes


def run_size(
    base: np.ndarray, n: int, engines: list[str], n_queries: int, k: int, seed: int
) -> list[dict[str, Any]]:
    rng = np.random.default_rng(seed)
    stored = synthetic(base, n, rng)
    qs = queries(base, stored, n_queries, rng)
    exact = ExactIndex(stored)
    exact_search(exact, qs[:5], k)  # warm
    truth, lat = timed_search(exact, qs, k)
    rows = [
        {
            "segments": n,
            "engine": "exact",
            "build_s": 0.0,
            "p50_ms": percentile_ms(lat, 0.5),
            "p99_ms": percentile_ms(lat, 0.99),
            f"recall@{k}": 1.0,
            "memory_mb": round(stored.nbytes / 2**20),
        }
    ]
    print(_line(rows[-1], k), flush=True)
    for engine in engines:
        if engine == "exact":
            continue
        index, seconds, graph_bytes = build(engine, stored)
        timed_search(index, qs[:5], k)  # warm
        found, lat = timed_search(index, qs, k)
        recall = np.mean(
            [len(set(f.tolist()) & set(t.tolist())) / k for f, t in zip(found, truth, strict=True)]
        )
        rows.append(
            {
                "segments": n,
                "engine": engine,
                "build_s": round(seconds, 1),
                "p50_ms": percentile_ms(lat, 0.5),
                "p99_ms": percentile_ms(lat, 0.99),
                f"recall@{k}": round(float(recall), 4),
                "memory_mb": round((stored.nbytes + graph_bytes) / 2**20),
            }
        )
        print(_line(rows[-1], k), flush=True)
        del index
    return rows


def exact_search(index: VectorIndex, qs: np.ndarray, k: int) -> None:
    for q in qs:
        index.search(q, k)


def _line(row: dict[str, Any], k: int) -> str:
    return (
        f"{row['segments']:>9,} {row['engine']:<8} build {row['build_s']:>7.1f} s  "
        f"p50 {row['p50_ms']:>8.3f} ms  p99 {row['p99_ms']:>8.3f} ms  "
        f"recall@{k} {row[f'recall@{k}']:.4f}  memory {row['memory_mb']:>6} MB"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--engines", nargs="+", default=["exact", "usearch"])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", type=Path, help="also write the rows to this file")
    args = ap.parse_args(argv)
    from threadpoolctl import threadpool_limits

    base = base_vectors()
    rows: list[dict[str, Any]] = []
    with threadpool_limits(1, user_api="blas"):  # one query, one core: as the server runs it
        for n in args.sizes:
            rows += run_size(base, n, args.engines, args.queries, args.k, args.seed)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
