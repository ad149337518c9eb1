"""Expected zh-en length ratio and how far a pair departs from it.

The model (aligner/qa/length_calibration.py) is fitted on gold-aligned benchmark pairs by
bench/qa_calibrate_length.py, separately for Chinese originals, English originals and both.
"""

from __future__ import annotations

import math
import re

from aligner.qa.length_calibration import LENGTH_MODEL


def nchar(text: str) -> int:
    return len(re.sub(r"\s", "", text))


def length_z(zh: str, en: str, original: str | None = None) -> float:
    """How many standard deviations the English side is longer (+) or shorter (-) than the
    calibrated expectation for this Chinese length; 0.0 when a side is empty."""
    n_zh, n_en = nchar(zh), nchar(en)
    if not n_zh or not n_en:
        return 0.0
    model = LENGTH_MODEL.get(original or "unknown", LENGTH_MODEL["unknown"])
    sd = math.sqrt(model["var_floor"] + model["var_per_char"] / n_zh)
    return (math.log(n_en / n_zh) - model["centre"]) / sd
