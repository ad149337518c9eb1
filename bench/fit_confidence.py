"""Fit the confidence calibration (aligner/align/calibration.py) on the dev sets and report it.

Each predicted link is labelled 1 when it is exactly a gold link (the strict criterion). A
logistic regression on the link's posterior log-odds, block size and skip flag maps the model's
posterior to a probability. Reported: expected calibration error (10 equal-width bins) and the
accuracy and share of links with confidence > 0.9, before and after calibration, in-sample and
leave-one-set-out (fit on three dev sets, measure on the fourth).

    python -m bench.fit_confidence [--write]
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

import numpy as np
from scipy.optimize import minimize

from aligner.align.confidence import confidence_features
from bench.corpora import DEV_SETS, load_set
from bench.evaluate import DocProblem, build_problems

NAMES = ("logit", "log_size", "skip")
CALIBRATION_FILE = "aligner/align/calibration.py"


def link_table(problems: Sequence[DocProblem]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(features, labels, set index) for every predicted link of every document."""
    xs, ys, sets = [], [], []
    for p in problems:
        pr = p.problem
        links = pr.solve()  # the production decoding (MBR by default)
        path = pr.last_path
        feats = confidence_features(pr, path, pr.last_posteriors)
        gold = {(tuple(s), tuple(t)) for s, t in p.doc.gold}
        for k, link in enumerate(links):
            xs.append([feats[n][k] for n in NAMES])
            ys.append(float((link.src, link.tgt) in gold))
            sets.append(DEV_SETS.index(p.doc.set))
    return np.array(xs), np.array(ys), np.array(sets)


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1e-3) -> np.ndarray:
    design = np.hstack([np.ones((len(x), 1)), x])

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = design @ w
        p = 1 / (1 + np.exp(-z))
        ll = np.sum(y * -np.logaddexp(0, -z) + (1 - y) * -np.logaddexp(0, z))
        return -ll / len(y) + l2 * w @ w, -(design.T @ (y - p)) / len(y) + 2 * l2 * w

    w0 = np.zeros(design.shape[1])
    w0[1] = 1.0
    return minimize(loss, w0, jac=True, method="L-BFGS-B").x


def predict(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(w[0] + x @ w[1:])))


def ece(p: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    edges = np.linspace(0, 1, bins + 1)
    idx = np.clip(np.digitize(p, edges) - 1, 0, bins - 1)
    total = 0.0
    for b in range(bins):
        sel = idx == b
        if sel.any():
            total += sel.mean() * abs(p[sel].mean() - y[sel].mean())
    return float(total)


def report(label: str, p: np.ndarray, y: np.ndarray) -> str:
    hi = p > 0.9
    acc = y[hi].mean() if hi.any() else float("nan")
    return (
        f"{label}: ECE {ece(p, y):.3f} | conf > 0.9: {hi.mean():.1%} of links, "
        f"accuracy {acc:.3f} | overall accuracy {y.mean():.3f}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help=f"write {CALIBRATION_FILE}")
    args = ap.parse_args()
    problems = build_problems([d for s in DEV_SETS for d in load_set(s)])
    x, y, sets = link_table(problems)
    raw = 1 / (1 + np.exp(-x[:, 0]))
    print(report("raw posterior, all dev", raw, y))
    held_p = np.zeros_like(y)
    for k, name in enumerate(DEV_SETS):
        sel = sets == k
        w = fit(x[~sel], y[~sel])
        held_p[sel] = predict(w, x[sel])
        print(report(f"  leave-one-out {name}", held_p[sel], y[sel]))
    print(report("leave-one-set-out, pooled", held_p, y))
    w = fit(x, y)
    print(report("fitted on all dev (in-sample)", predict(w, x), y))
    coefs = {"intercept": float(w[0]), **{n: float(v) for n, v in zip(NAMES, w[1:], strict=True)}}
    print(coefs)
    if args.write:
        body = "\n".join(f'    "{k}": {v:.6f},' for k, v in coefs.items())
        with open(CALIBRATION_FILE, "w", encoding="utf-8") as fh:
            fh.write(
                '"""Confidence calibration coefficients, written by bench/fit_confidence.py '
                "(logistic regression\n"
                'of "this link is exactly a gold link" on the dev sets). Edit by re-running the '
                'script."""\n\n'
                "from __future__ import annotations\n\n"
                f"COEFFICIENTS: dict[str, float] = {{\n{body}\n}}\n"
            )
        print(f"wrote {CALIBRATION_FILE}")


if __name__ == "__main__":
    main()
