"""Omission/addition model of the semantic QA check: a logistic regression over
(ablation gain, worst piece coverage, length excess, similarity) per side, features
standardised by mean/scale. Fitted by bench/qa_fit_semantic.py on the dev split of
tests/qa/data/qa_cases.jsonl with USE embeddings. Generated: do not edit."""

SEMANTIC_MODEL: dict = {
    "weights": [1.3053, -0.4986, 2.0509, -0.3842],
    "mean": [-0.1444, 0.5434, 0.4175, 0.7096],
    "scale": [0.1293, 0.2045, 0.7442, 0.083],
    "bias": -4.9231,
    "threshold": -0.6506,
}
