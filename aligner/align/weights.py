"""Learned link-scoring weights, written by bench/train_weights.py (structured
perceptron on the dev sets in ../shared/bench). Keys are feature names from
features.DENSE plus "type:a-b" priors in the zh-first orientation. Edit by re-running
the script, not by hand.
"""

from __future__ import annotations

WEIGHTS: dict[str, dict[str, float]] = {
    # CRF log-likelihood, L2 0.1, dev sets mac-dev, pol, aca, mag
    "default": {
        "sim": 13.4832,
        "neighbour": -5.3671,
        "merge_gain": 5.8778,
        "cover_gap": -2.7315,
        "length": 0.2966,
        "num_match": 0.0,
        "num_miss": -1.0105,
        "latin_match": 0.0,
        "latin_miss": 0.0,
        "sim_x_size": 1.5489,
        "skip_best": 0.9961,
        "skip_length": -0.7579,
        "ratio_1_1": 0.9888,
        "ratio_1_n": 0.6342,
        "type:1-0": -1.8593,
        "type:0-1": -7.473,
        "type:1-1": 1.0173,
        "type:1-2": -0.5417,
        "type:1-3": -2.7047,
        "type:1-4": -4.4577,
        "type:1-5": -7.1127,
        "type:1-6": -8.5809,
        "type:2-1": 2.3471,
        "type:2-2": 0.1475,
        "type:2-3": -1.7595,
        "type:2-4": -4.5916,
        "type:3-1": 2.7488,
        "type:3-2": 1.0393,
        "type:3-3": -1.1172,
        "type:3-4": -2.4857,
        "type:4-1": 0.7381,
        "type:4-2": -0.6701,
        "type:4-3": -0.6181,
        "type:4-4": -1.8423,
    },
}
TYPE_DEFAULT = -3.0
"""Prior of a link type the weights do not mention (large blocks)."""
