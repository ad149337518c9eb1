"""Models of the semantic QA check (aligner/qa/semantic.py): the zh-en length ratio
of official UN translations, and two logistic regressions over per-side evidence
(features standardised by mean/scale): `lexical` (dictionary coverage and length)
and `full` (plus embedding similarity and coverage). Fitted by
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
            "log1p_words"
        ],
        "weights": [
            -0.4846,
            0.1564,
            -0.0213,
            2.553,
            0.2928,
            0.0719,
            0.5251,
            0.4325,
            0.1077,
            0.4
        ],
        "mean": [
            0.4969,
            1.3399,
            0.6393,
            1.9329,
            0.1448,
            0.409,
            1.3589,
            0.5744,
            0.556,
            2.789
        ],
        "scale": [
            0.3231,
            0.758,
            0.2396,
            2.5082,
            0.2918,
            0.5302,
            0.7839,
            0.8588,
            0.8364,
            0.673
        ],
        "bias": 2.0132,
        "threshold": 4.2455,
        "info_threshold": 2.1657,
        "gate": 0.6415,
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
            "similarity",
            "coverage",
            "coverage_contrast"
        ],
        "weights": [
            -0.3458,
            0.3118,
            0.4161,
            2.5196,
            0.4516,
            -0.0634,
            0.2017,
            0.764,
            0.6467,
            0.5743,
            -1.0325,
            -0.4423,
            0.135
        ],
        "mean": [
            0.3813,
            1.5914,
            0.5673,
            2.5076,
            0.1731,
            0.4918,
            1.6161,
            0.7419,
            0.7185,
            2.9335,
            0.6048,
            0.3574,
            -0.1623
        ],
        "scale": [
            0.2956,
            0.6952,
            0.2259,
            2.6192,
            0.3138,
            0.5627,
            0.7217,
            0.9194,
            0.8963,
            0.596,
            0.176,
            0.2487,
            0.3317
        ],
        "bias": 2.5889,
        "threshold": 2.3695,
        "info_threshold": 0.8554,
        "precision": 0.5
    }
}
