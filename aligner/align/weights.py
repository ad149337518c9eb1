"""Learned link-scoring weights, written by bench/train_weights.py (structured
perceptron on the dev sets in ../shared/bench). Keys are feature names from
features.DENSE plus "type:a-b" priors in the zh-first orientation. Edit by re-running
the script, not by hand.
"""

from __future__ import annotations

WEIGHTS: dict[str, dict[str, float]] = {
    # CRF log-likelihood, L2 0.1, dev sets mac-dev, pol, aca, mag
    "default": {
        "sim": 13.1489,
        "neighbour": -5.2163,
        "merge_gain": 6.0053,
        "cover_gap": -2.7804,
        "length": 0.2946,
        "num_match": 0.0,
        "num_miss": -1.0547,
        "latin_match": 0.0,
        "latin_miss": 0.0,
        "sim_x_size": 1.5979,
        "skip_best": 0.6861,
        "skip_length": -0.8001,
        "ratio_1_1": 1.0069,
        "ratio_1_n": 0.3308,
        "mark_match": 0.1494,
        "mark_miss": -0.3243,
        "type:1-0": -1.838,
        "type:0-1": -7.4229,
        "type:1-1": 1.1598,
        "type:1-2": -0.3414,
        "type:1-3": -2.5247,
        "type:1-4": -4.3945,
        "type:1-5": -7.1983,
        "type:1-6": -8.8014,
        "type:2-1": 2.4916,
        "type:2-2": 0.279,
        "type:2-3": -1.598,
        "type:2-4": -4.4867,
        "type:3-1": 2.8201,
        "type:3-2": 1.1251,
        "type:3-3": -1.1794,
        "type:3-4": -2.5038,
        "type:4-1": 0.7697,
        "type:4-2": -0.5476,
        "type:4-3": -0.6736,
        "type:4-4": -2.1391,
    },
}
TYPE_DEFAULT = -3.0
"""Prior of a link type the weights do not mention (large blocks)."""
