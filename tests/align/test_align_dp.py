"""The DP core against brute force on small random grids."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.special import logsumexp

from aligner.align.dp import Band, backward_totals, forward_totals, link_posteriors, viterbi

TYPES = [(1, 0), (0, 1), (1, 1), (1, 2), (2, 1), (2, 2), (1, 3)]


def all_paths(n: int, m: int, scores: list[np.ndarray]) -> list[tuple[float, list[tuple]]]:
    out: list[tuple[float, list[tuple]]] = []

    def walk(i: int, j: int, total: float, links: list[tuple]) -> None:
        if (i, j) == (n, m):
            out.append((total, links))
            return
        for t, (a, b) in enumerate(TYPES):
            if i + a <= n and j + b <= m:
                walk(i + a, j + b, total + scores[t][i + a, j + b], [*links, (t, i + a, j + b)])

    walk(0, 0, 0.0, [])
    return out


@pytest.mark.parametrize("seed", range(8))
def test_viterbi_and_posteriors_match_brute_force(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n, m = (int(x) for x in rng.integers(1, 5, 2))
    scores = [rng.normal(size=(n + 1, m + 1)) for _ in TYPES]
    band = Band.full(n, m)
    paths = all_paths(n, m, scores)
    best = max(s for s, _ in paths)
    path = viterbi(band, TYPES, scores)
    got = sum(scores[TYPES.index((a, b))][i + a, j + b] for i, j, a, b in path)
    assert got == pytest.approx(best)
    assert forward_totals(band, TYPES, scores)[n, m] == pytest.approx(best)
    assert backward_totals(band, TYPES, scores)[0, 0] == pytest.approx(best)
    post, log_z = link_posteriors(band, TYPES, scores)
    assert log_z == pytest.approx(logsumexp([s for s, _ in paths]))
    expected = np.zeros((len(TYPES), n + 1, m + 1))
    for s, links in paths:
        for t, i, j in links:
            expected[t, i, j] += np.exp(s - log_z)
    np.testing.assert_allclose(np.array(post), expected, atol=1e-9)


def test_band_around_the_best_path_keeps_it() -> None:
    rng = np.random.default_rng(7)
    n, m = 40, 55
    scores = [rng.normal(size=(n + 1, m + 1)) for _ in TYPES]
    full = viterbi(Band.full(n, m), TYPES, scores)
    cells = [(0, 0)] + [(i + a, j + b) for i, j, a, b in full]
    band = Band.around_path(cells, n, m, 2)
    assert band.width < m + 1
    rows, cols, valid = band.grid()
    banded = []
    for s in scores:
        x = np.full(rows.shape, -1e30)
        x[valid] = s[rows[valid], cols[valid]]
        banded.append(x)
    assert viterbi(band, TYPES, banded) == full


def test_band_must_hold_start_and_end() -> None:
    with pytest.raises(ValueError):
        Band(np.array([1, 1]), np.array([3, 3]), 2)
