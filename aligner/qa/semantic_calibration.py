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
            "log1p_words",
            "log1p_rival_fill",
            "fill_contrast"
        ],
        "weights": [
            -0.4931,
            0.1077,
            -0.0276,
            2.5111,
            0.3017,
            0.0638,
            0.572,
            0.2285,
            -0.0931,
            0.4192,
            0.0069,
            0.517
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
            2.789,
            0.751,
            0.6079
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
            0.673,
            0.6024,
            0.8593
        ],
        "bias": 2.0406,
        "threshold": 4.1724,
        "info_threshold": 2.1062,
        "gate": 1.3869,
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
            "coverage_contrast"
        ],
        "weights": [
            -0.5676,
            0.3057,
            0.5887,
            1.9423,
            0.6658,
            -0.085,
            0.5102,
            0.4912,
            0.1279,
            0.5433,
            -0.217,
            0.5642,
            -1.3614,
            -0.0407,
            -0.1889
        ],
        "mean": [
            0.291,
            1.8064,
            0.5018,
            3.324,
            0.2061,
            0.5574,
            1.8419,
            1.0399,
            1.0057,
            2.9545,
            0.7714,
            1.0705,
            0.5562,
            0.2943,
            -0.2294
        ],
        "scale": [
            0.2803,
            0.6926,
            0.2256,
            2.8761,
            0.3332,
            0.5745,
            0.7199,
            0.9092,
            0.8875,
            0.5948,
            0.6188,
            0.889,
            0.1825,
            0.2389,
            0.3197
        ],
        "bias": 4.442,
        "threshold": 2.3802,
        "info_threshold": 0.7366,
        "precision": 0.5
    }
}
