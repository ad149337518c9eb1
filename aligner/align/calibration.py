"""Confidence calibration coefficients, written by bench/fit_confidence.py (logistic regression
of "this link is exactly a gold link" on the dev sets). Edit by re-running the script."""

from __future__ import annotations

COEFFICIENTS: dict[str, float] = {
    "intercept": 0.203980,
    "logit": 0.955470,
    "log_size": 0.286735,
    "skip": -0.038706,
}
