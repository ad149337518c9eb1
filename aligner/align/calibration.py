"""Confidence calibration coefficients, written by bench/fit_confidence.py (logistic regression
of "this link is exactly a gold link" on the dev sets). Edit by re-running the script."""

from __future__ import annotations

COEFFICIENTS: dict[str, float] = {
    "intercept": 0.193786,
    "logit": 0.944532,
    "log_size": 0.297216,
    "skip": -0.044254,
}
