"""Confidence calibration coefficients, written by bench/fit_confidence.py (logistic regression
of "this link is exactly a gold link" on the dev sets). Edit by re-running the script."""

from __future__ import annotations

COEFFICIENTS: dict[str, float] = {
    # Identity until fitted: the confidence is the model's own posterior.
    "intercept": 0.0,
    "logit": 1.0,
}
