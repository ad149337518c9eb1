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
        "features": ["lexical", "log1p_gap", "share", "excess", "similarity", "coverage"],
        "weights": [-1.0, 1.0, -1.0, 1.0, -1.0, -1.0],
        "mean": [0.5, 1.0, 0.5, 0.5, 0.6, 0.4],
        "scale": [0.3, 0.6, 0.2, 1.0, 0.15, 0.2],
        "bias": -3.0,
        "threshold": 2.0,
        "info_threshold": 1.0,
        "precision": 0.5,
    },
}
