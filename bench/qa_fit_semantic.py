"""Fit the omission/addition model of the semantic QA check (aligner/qa/semantic.py).

Each pair gives two rows, one per side, with the evidence that this side carries content the
other lacks (ablation gain, worst piece coverage, length excess, overall similarity). Positive
rows: the side holding the extra content in "drop a clause" and "add a sentence" cases.
Negative rows: both sides of every clean pair. Only the dev split is used; a ridge-penalised
logistic regression (Newton steps, numpy) gives the weights, and the threshold is set so that
at most --false-alarms of the dev clean pairs are flagged. The test split is only reported.

    python -m bench.qa_fit_semantic            # fit and report
    python -m bench.qa_fit_semantic --write    # and write aligner/qa/semantic_calibration.py
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from aligner.qa.check import QAContext
from aligner.qa.runner import views_from_dicts
from aligner.qa.semantic import SemanticCheck, side_evidence

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "qa" / "data" / "qa_cases.jsonl"
OUT = ROOT / "aligner" / "qa" / "semantic_calibration.py"
POSITIVE = {"clause_drop", "sentence_add"}


def extra_side(case: dict) -> str | None:
    """Side holding content the other lacks, for the cases that have one."""
    if case["kind"] == "sentence_add":
        return case["side"]
    if case["kind"] == "clause_drop":
        return "en" if case["side"] == "zh" else "zh"
    return None


def fit_logistic(x: np.ndarray, y: np.ndarray, ridge: float = 1.0) -> np.ndarray:
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-xb @ w))
        grad = xb.T @ (y - p) - ridge * np.r_[w[:-1], 0.0]
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + ridge * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w += step
        if np.abs(step).max() < 1e-8:
            break
    return w


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=Path, default=CASES)
    parser.add_argument(
        "--false-alarms",
        type=float,
        default=0.02,
        help="share of dev clean pairs the threshold may flag",
    )
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()

    from aligner.qa.embedding import load_embedder

    cases = [json.loads(x) for x in args.cases.read_text("utf-8").splitlines() if x.strip()]
    cases = [c for c in cases if c["label"] == "clean" or c["kind"] in POSITIVE]
    views = views_from_dicts(cases)
    ctx = QAContext(embedder=load_embedder())
    SemanticCheck().prepare(views, ctx)
    rows, labels, splits, pair_of = [], [], [], []
    for n, (case, view) in enumerate(zip(cases, views, strict=True)):
        for ev in side_evidence(view, ctx):
            target = extra_side(case)
            if case["label"] == "error" and ev.lang != target:
                continue  # the other side of an error case is neither clean nor the error
            rows.append(ev.features())
            labels.append(float(case["label"] == "error"))
            splits.append(case["split"])
            pair_of.append(n)
    x, y = np.array(rows), np.array(labels)
    dev = np.array(splits) == "dev"
    mean, scale = x[dev].mean(0), x[dev].std(0)
    w = fit_logistic(((x - mean) / scale)[dev], y[dev])
    scores = ((x - mean) / scale) @ w[:-1] + w[-1]
    pair_score: dict[int, float] = {}
    for i, s in zip(pair_of, scores, strict=True):
        pair_score[i] = max(pair_score.get(i, -1e9), float(s))
    clean_dev = [
        pair_score[i]
        for i, c in enumerate(cases)
        if c["label"] == "clean" and c["split"] == "dev" and i in pair_score
    ]
    threshold = float(np.quantile(clean_dev, 1 - args.false_alarms))
    print("features: gain, coverage, excess, similarity")
    print("weights", np.round(w[:-1], 3), "bias", round(float(w[-1]), 3))
    print(f"threshold {threshold:.3f} (dev clean false-alarm target {args.false_alarms:.0%})")
    for split in ("dev", "test"):
        for label in ("clean", "error"):
            sel = [
                i
                for i, c in enumerate(cases)
                if c["split"] == split and c["label"] == label and i in pair_score
            ]
            hit = sum(pair_score[i] >= threshold for i in sel)
            print(
                f"  {split:4s} {label:5s} flagged {hit}/{len(sel)} = {hit / max(len(sel), 1):.1%}"
            )
    if args.write:
        model = {
            "weights": [round(float(v), 4) for v in w[:-1]],
            "mean": [round(float(v), 4) for v in mean],
            "scale": [round(float(v), 4) for v in scale],
            "bias": round(float(w[-1]), 4),
            "threshold": round(threshold, 4),
        }
        OUT.write_text(
            '"""Omission/addition model of the semantic QA check: a logistic regression over\n'
            "(ablation gain, worst piece coverage, length excess, similarity) per side, features\n"
            "standardised by mean/scale. Fitted by bench/qa_fit_semantic.py on the dev split of\n"
            'tests/qa/data/qa_cases.jsonl with USE embeddings. Generated: do not edit."""\n\n'
            f"SEMANTIC_MODEL: dict = {json.dumps(model, indent=4)}\n",
            "utf-8",
        )
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
