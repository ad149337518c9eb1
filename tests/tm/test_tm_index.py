"""Exact and ANN vector search, and the index files kept beside the store."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from aligner.errors import InputError
from aligner.tm import index_file
from aligner.tm.index import (
    ANN_MIN_UNITS,
    INDEX_ENV,
    ExactIndex,
    UsearchIndex,
    index_mode,
    wants_ann,
)

usearch = pytest.importorskip("usearch", reason="the ANN extra (verbalign[ann]) is not installed")


def clustered(n: int, dim: int = 64, seed: int = 0) -> np.ndarray:
    """Unit vectors in 40 clusters: shaped like sentence embeddings, unlike uniform noise."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((40, dim))
    v = centres[rng.integers(0, 40, n)] + 0.4 * rng.standard_normal((n, dim))
    return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)


def test_exact_search_ranks_by_cosine() -> None:
    vectors = clustered(500)
    q = vectors[17]
    pos, sims = ExactIndex(vectors).search(q, 5)
    assert pos[0] == 17 and sims[0] == pytest.approx(1.0, abs=1e-5)
    expected = np.argsort(-(vectors @ q))[:5]
    np.testing.assert_array_equal(pos, expected)
    assert list(sims) == sorted(sims, reverse=True)
    assert ExactIndex(vectors[:3]).search(q, 10)[0].shape == (3,)
    assert ExactIndex(np.zeros((0, 64), np.float32)).search(q, 5)[0].shape == (0,)


def test_ann_finds_what_exact_search_finds_with_the_same_cosines() -> None:
    vectors = clustered(3000)
    # One build thread: a parallel HNSW build inserts in whatever order the threads run, so
    # under load its graph (and a rare top-1) differs from run to run; the test must not.
    exact, ann = ExactIndex(vectors), UsearchIndex.build(vectors, threads=1)
    rng = np.random.default_rng(1)
    hits = 0
    for i in rng.integers(0, len(vectors), 50):
        q = vectors[i] + 0.05 * rng.standard_normal(vectors.shape[1]).astype(np.float32)
        q /= np.linalg.norm(q)
        e_pos, _ = exact.search(q, 10)
        a_pos, a_sims = ann.search(q, 10)
        hits += len(set(a_pos.tolist()) & set(e_pos.tolist()))
        # Cosines are recomputed from the float32 vectors, whichever index found the row.
        np.testing.assert_allclose(a_sims, vectors[a_pos] @ q, rtol=1e-6)
        assert a_pos[0] == e_pos[0]
    assert hits / 500 >= 0.95


def test_index_files_round_trip_and_are_refused_when_stale(tmp_path: Path) -> None:
    vectors = clustered(800)
    built = UsearchIndex.build(vectors)
    fp = index_file.fingerprint([1, 2, 3], ["a", "b", "c"])
    index_file.save(tmp_path, "use-m-v3", "zh", fp, built)
    loaded = index_file.load(tmp_path, "use-m-v3", "zh", fp, 64)
    assert loaded is not None
    vecs, again = loaded
    np.testing.assert_array_equal(vecs, vectors)
    q = vectors[5]
    np.testing.assert_array_equal(again.search(q, 5)[0], built.search(q, 5)[0])
    other = index_file.fingerprint([1, 2, 3], ["a", "b", "changed"])
    assert other != fp
    assert index_file.load(tmp_path, "use-m-v3", "zh", other, 64) is None  # stale
    assert index_file.load(tmp_path, "use-m-v3", "en", fp, 64) is None  # never built
    assert index_file.load(tmp_path, "use-m-v3", "zh", fp, 32) is None  # other model size
    graph = next(tmp_path.glob("*.usearch"))
    graph.write_bytes(b"not an index")
    assert index_file.load(tmp_path, "use-m-v3", "zh", fp, 64) is None  # damaged


def test_index_dir_is_derived_from_the_database(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(index_file.INDEX_DIR_ENV, raising=False)
    assert index_file.index_dir_for("var/verbalign.db") == Path("var/verbalign.db.tm")
    assert index_file.index_dir_for("postgresql://u@h/db") is None
    assert index_file.index_dir_for(None) is None
    monkeypatch.setenv(index_file.INDEX_DIR_ENV, "/srv/tm")
    assert index_file.index_dir_for("var/verbalign.db") == Path("/srv/tm")


def test_the_ann_threshold_and_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(INDEX_ENV, raising=False)
    assert index_mode() == "auto"
    assert not wants_ann(ANN_MIN_UNITS - 1) and wants_ann(ANN_MIN_UNITS)
    assert wants_ann(10, "ann") and not wants_ann(10**7, "exact")
    monkeypatch.setenv(INDEX_ENV, "fastest")
    with pytest.raises(InputError):
        index_mode()
