"""Learned link-scoring weights, written by bench/train_weights.py (structured perceptron on the
dev sets in ../shared/bench). Keys are feature names from features.DENSE plus "type:a-b" priors
in the zh-first orientation. Edit by re-running the script, not by hand.
"""

from __future__ import annotations

WEIGHTS: dict[str, dict[str, float]] = {
    # Hand-set starting point; replaced by the trained weights.
    "default": {
        "sim": 4.0,
        "neighbour": -2.0,
        "merge_gain": 2.0,
        "cover_gap": -1.0,
        "length": 0.2,
        "num_match": 0.5,
        "num_miss": -0.3,
        "latin_match": 0.5,
        "latin_miss": -0.2,
        "sim_x_size": 0.5,
        "skip_best": -2.0,
        "skip_length": -1.0,
        "type:1-0": 0.0,
        "type:0-1": 0.0,
        "type:1-1": -0.5,
        "type:1-2": -1.5,
        "type:2-1": -1.5,
    },
}
TYPE_DEFAULT = -3.0
"""Prior of a link type the weights do not mention (large blocks)."""
