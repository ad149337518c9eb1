"""Calibrated link confidences.

The scoring weights are trained as a CRF over paths (bench/train_weights.py), so the forward-
backward pass gives every link its posterior probability: the share of all alignments, weighted
by their scores, that contain exactly this link. A link is uncertain exactly when another
segmentation explains the text nearly as well. Platt scaling (a logistic regression on the
posterior's log-odds and the block size, fitted on the dev sets by bench/fit_confidence.py)
corrects the model's over- or under-confidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from aligner.align.calibration import COEFFICIENTS

if TYPE_CHECKING:
    from aligner.align.sentences import SentenceProblem

_EPS = 1e-6


def confidence_features(
    problem: SentenceProblem, path: Sequence[tuple[int, int, int, int]], post: Sequence[np.ndarray]
) -> dict[str, np.ndarray]:
    """Per-link inputs of the calibration model, by name; `post` from dp.link_posteriors."""
    band = problem.band
    assert band is not None
    index = {t: k for k, t in enumerate(problem.types)}
    p = np.array([post[index[(a, b)]][i + a, j + b - band.lo[i + a]] for i, j, a, b in path])
    p = np.clip(p, _EPS, 1 - _EPS)
    size = np.array([a + b for _, _, a, b in path], dtype=np.float64)
    skip = np.array([float(a == 0 or b == 0) for _, _, a, b in path])
    return {"logit": np.log(p / (1 - p)), "log_size": np.log(size), "skip": skip}


def calibrate(features: dict[str, np.ndarray]) -> np.ndarray:
    n = len(next(iter(features.values())))
    z = np.full(n, COEFFICIENTS.get("intercept", 0.0))
    for name, values in features.items():
        z += COEFFICIENTS.get(name, 0.0) * values
    return 1.0 / (1.0 + np.exp(-z))


def link_confidences(
    problem: SentenceProblem,
    path: Sequence[tuple[int, int, int, int]],
    posteriors: Sequence[np.ndarray],
) -> np.ndarray:
    if not path:
        return np.zeros(0)
    return calibrate(confidence_features(problem, path, posteriors))
