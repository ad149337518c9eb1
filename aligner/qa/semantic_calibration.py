"""Models of the semantic QA check (aligner/qa/semantic.py): the zh-en length ratio
of official UN translations, and two logistic regressions over per-side evidence
(features standardised by mean/scale): `lexical` (dictionary coverage and length)
and `full` (plus embedding similarity, coverage and leave-one-out gain). Fitted by
bench/qa_fit_semantic.py on the development half of the UN Parallel Corpus dev
pairs with clause drops and added sentences. Generated: do not edit."""

SEMANTIC_MODEL: dict = {
    "length": {
        "centre": 1.172,
        "var_floor": 0.02353,
        "var_per_char": 0.4588,
        "pairs": 1970
    },
    "lexical": {
        "features": [
            "lexical",
            "log1p_gap",
            "share",
            "excess",
            "log1p_sentences",
            "log1p_clauses",
            "log1p_run",
            "run_contrast",
            "gap_contrast",
            "log1p_words",
            "log1p_rival_fill",
            "fill_contrast"
        ],
        "weights": [
            -0.487,
            -0.0094,
            -0.1963,
            2.5264,
            0.3006,
            0.0559,
            0.5243,
            0.2355,
            -0.0025,
            0.4809,
            -0.0143,
            0.4905
        ],
        "mean": [
            0.5002,
            1.3323,
            0.6425,
            1.9329,
            0.1448,
            0.409,
            1.3507,
            0.5743,
            0.5564,
            2.78,
            0.7399,
            0.6108
        ],
        "scale": [
            0.3236,
            0.7571,
            0.2393,
            2.5082,
            0.2918,
            0.5302,
            0.7825,
            0.854,
            0.8322,
            0.674,
            0.5978,
            0.8538
        ],
        "bias": 2.0793,
        "threshold": 3.9424,
        "info_threshold": 2.0452,
        "gate": 1.3771,
        "precision": 0.5
    },
    "full": {
        "features": [
            "lexical",
            "log1p_gap",
            "share",
            "excess",
            "log1p_sentences",
            "log1p_clauses",
            "log1p_run",
            "run_contrast",
            "gap_contrast",
            "log1p_words",
            "log1p_rival_fill",
            "fill_contrast",
            "similarity",
            "coverage",
            "coverage_contrast",
            "loo_gain",
            "loo_contrast"
        ],
        "weights": [
            -0.5223,
            -0.208,
            0.3218,
            1.6976,
            0.5621,
            -0.0415,
            0.4474,
            0.6016,
            -0.0954,
            0.5243,
            -0.1054,
            0.4355,
            -0.31,
            -0.1266,
            0.0009,
            1.6017,
            0.7048
        ],
        "mean": [
            0.3,
            1.7757,
            0.5103,
            3.2312,
            0.2049,
            0.5435,
            1.8121,
            1.0032,
            0.9679,
            2.9529,
            0.7878,
            1.0244,
            0.5571,
            0.3003,
            -0.2153,
            0.1288,
            0.1147
        ],
        "scale": [
            0.2797,
            0.6818,
            0.2214,
            2.7486,
            0.3363,
            0.5805,
            0.71,
            0.903,
            0.8814,
            0.5534,
            0.6181,
            0.8789,
            0.1787,
            0.2335,
            0.3213,
            0.1006,
            0.1134
        ],
        "bias": 4.8368,
        "threshold": 2.4302,
        "info_threshold": 0.606,
        "precision": 0.5
    }
}
