"""Models of the semantic QA check (aligner/qa/semantic.py): the zh-en length ratio
of official UN translations, and two logistic regressions over per-side evidence
(features standardised by mean/scale): `lexical` (dictionary coverage and length)
and `full` (plus embedding similarity and coverage). Fitted by
bench/qa_fit_semantic.py on the development half of the UN Parallel Corpus dev
pairs with clause drops and added sentences. Generated: do not edit."""

SEMANTIC_MODEL: dict = {
    "length": {"centre": 1.172, "var_floor": 0.02353, "var_per_char": 0.4588, "pairs": 1970},
    "lexical": {
        "features": ["lexical", "log1p_gap", "share", "excess", "log1p_sentences", "log1p_clauses"],
        "weights": [-0.8024, 1.3314, 0.7011, 2.9224, 0.4762, 0.3764],
        "mean": [0.5252, 1.2891, 0.6688, 2.0903, 0.1624, 0.4454],
        "scale": [0.3469, 0.8409, 0.2549, 2.8169, 0.3037, 0.5559],
        "bias": 1.4048,
        "threshold": 2.5874,
        "info_threshold": 1.4509,
        "gate": -0.0946,
        "precision": 0.5,
    },
    "full": {
        "features": [
            "lexical",
            "log1p_gap",
            "share",
            "excess",
            "log1p_sentences",
            "log1p_clauses",
            "similarity",
            "coverage",
        ],
        "weights": [-0.7869, 1.3487, 1.1187, 2.9425, 0.6553, 0.0893, -0.7656, -0.5104],
        "mean": [0.2801, 1.8382, 0.5134, 3.5291, 0.2558, 0.6341, 0.5337, 0.2401],
        "scale": [0.2906, 0.7477, 0.2402, 2.8495, 0.3532, 0.6143, 0.1931, 0.2323],
        "bias": 4.937,
        "threshold": 2.7981,
        "info_threshold": 1.4829,
        "precision": 0.5,
    },
}
