"""Omission/addition model of the semantic QA check: a logistic regression over
(ablation gain, worst piece coverage, length excess, similarity, worst piece
dictionary coverage, longest run of words without a rendering) per side, features
standardised by mean/scale. Fitted by bench/qa_fit_semantic.py on the dev split of
tests/qa/data/qa_cases.jsonl and cases augmented from it and from the pol
benchmark, with USE embeddings. Generated: do not edit."""

SEMANTIC_MODEL: dict = {
    "features": ["gain", "coverage", "excess", "similarity", "lexical", "log1p_gap"],
    "weights": [0.4918, -0.4681, 2.604, -0.4923, -0.4269, 0.4957],
    "mean": [-0.0531, 0.3861, 1.3316, 0.6029, 0.3711, 1.5545],
    "scale": [0.1605, 0.2368, 1.6759, 0.1593, 0.2869, 0.6621],
    "bias": 0.758,
    "threshold": 0.3183,
}
