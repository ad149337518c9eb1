"""Learn the link-scoring weights (aligner/align/weights.py) on the dev sets.

The DP's path score w . features defines a distribution over paths, P(path) ~ exp(score) (a
semi-Markov CRF over the band). The weights maximise the log-likelihood of the gold paths minus
an L2 penalty, by L-BFGS; the gradient is gold features minus expected features, with the
expectations from the forward-backward pass in dp.py. The lattice and features are the
production ones, so what is learned is what the aligner does. --cv reports leave-one-set-out
scores (train on three dev sets, score the fourth) as a guard against fitting one register.

    python -m bench.train_weights [--l2 0.1] [--cv] [--write]
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

import numpy as np
from scipy.optimize import minimize

from aligner.align.dp import link_posteriors
from aligner.align.features import DENSE, N_DENSE
from aligner.align.weights import TYPE_DEFAULT, WEIGHTS
from bench.corpora import DEV_SETS, load_set
from bench.evaluate import DocProblem, build_problems, predicted_links, score_by_set

WEIGHTS_FILE = "aligner/align/weights.py"
DEFAULT_L2 = 0.1
DEFAULT_MAX_ITER = 150
# Exact evidence must count for a link, never against it: matching counts grow with block size,
# so unconstrained fits on literary dev sets (few numbers) learn to use them as a merge penalty,
# which would invert their meaning on number-heavy UN text.
SIGNS: dict[str, tuple[float | None, float | None]] = {
    "num_match": (0.0, None),
    "latin_match": (0.0, None),
    "num_miss": (None, 0.0),
    "latin_miss": (None, 0.0),
    "mark_match": (0.0, None),
    "mark_miss": (None, 0.0),
}


# A neutral, hand-set starting point (similarity good, skips and big blocks unlikely).
NEUTRAL_START: dict[str, float] = {
    "sim": 4.0,
    "neighbour": -2.0,
    "merge_gain": 2.0,
    "cover_gap": -1.0,
    "length": 0.2,
    "num_miss": -0.3,
    "sim_x_size": 0.5,
    "skip_best": -2.0,
    "skip_length": -1.0,
    "type:1-0": 0.0,
    "type:0-1": 0.0,
    "type:1-1": -0.5,
    "type:1-2": -1.5,
    "type:2-1": -1.5,
}


def _type_names(problem: DocProblem) -> list[str]:
    return [f"type:{a}-{b}" for a, b in problem.problem.types]


def path_features(dp_: DocProblem, path: Sequence[tuple[int, int, int, int]]) -> np.ndarray:
    """Summed features of a path: dense features then one count per link type."""
    pr = dp_.problem
    assert pr.band is not None and pr.scorer is not None
    types = pr.types
    index = {t: k for k, t in enumerate(types)}
    out = np.zeros(N_DENSE + len(types))
    for i0, j0, a, b in path:
        i, j = i0 + a, j0 + b
        t = index.get((a, b))
        w = j - pr.band.lo[i]
        if t is not None and 0 <= w < pr.band.width:
            out[:N_DENSE] += pr.feats[t][i, w]
        else:
            f = pr.scorer.features(a, b, np.array([i]), np.array([j]))[0]
            out[:N_DENSE] += f[:N_DENSE]
        if t is not None:
            out[N_DENSE + t] += 1
    return out


def to_dict(vec: np.ndarray, type_names: Sequence[str], digits: int | None = 4) -> dict[str, float]:
    names = list(DENSE) + list(type_names)
    return {
        name: float(v) if digits is None else round(float(v), digits)
        for name, v in zip(names, vec, strict=True)
    }


def from_dict(w: dict[str, float], type_names: Sequence[str]) -> np.ndarray:
    return np.array([w.get(n, 0.0) for n in DENSE] + [w.get(n, TYPE_DEFAULT) for n in type_names])


def _objective(
    w: np.ndarray,
    problems: Sequence[DocProblem],
    gold_feats: Sequence[np.ndarray],
    type_names: Sequence[str],
    l2: float,
) -> tuple[float, np.ndarray]:
    value = -0.5 * l2 * float(w @ w)
    grad = -l2 * w
    weights = to_dict(w, type_names, digits=None)
    for p, gold in zip(problems, gold_feats, strict=True):
        pr = p.problem
        assert pr.band is not None
        scores = pr.scores(weights)
        post, log_z = link_posteriors(pr.band, pr.types, scores)
        value += float(w @ gold) - log_z
        expected = np.zeros_like(w)
        for t, (pt, f) in enumerate(zip(post, pr.feats, strict=True)):
            expected[:N_DENSE] += np.einsum("iw,iwf->f", pt, f)
            expected[N_DENSE + t] += pt.sum()
        grad += gold - expected
    return -value, -grad


def train(
    problems: Sequence[DocProblem],
    l2: float = DEFAULT_L2,
    max_iter: int = DEFAULT_MAX_ITER,
    warm_start: bool = False,
    drop: Sequence[str] = (),
) -> dict[str, float]:
    """Fit the weights; starts from NEUTRAL_START (or, warm, from the current weights file).
    Cross-validation must not warm-start: the current weights have seen every dev set.
    Features named in `drop` are held at weight 0 (ablations)."""
    type_names = _type_names(problems[0])
    gold_feats = [path_features(p, p.gold_path()) for p in problems]
    w0 = from_dict(WEIGHTS["default"] if warm_start else NEUTRAL_START, type_names)
    names = list(DENSE) + list(type_names)
    unknown = set(drop) - set(names)
    if unknown:
        raise ValueError(f"unknown feature(s) to drop: {', '.join(sorted(unknown))}")
    bounds = [(0.0, 0.0) if n in drop else SIGNS.get(n, (None, None)) for n in names]
    lower = np.array([b[0] if b[0] is not None else -np.inf for b in bounds])
    upper = np.array([b[1] if b[1] is not None else np.inf for b in bounds])
    res = minimize(
        _objective,
        np.clip(w0, lower, upper),
        args=(problems, gold_feats, type_names, l2),
        jac=True,
        method="L-BFGS-B",
        bounds=bounds,
        options={"maxiter": max_iter},
    )
    print(f"  L-BFGS: {res.nit} iterations, {res.message}", flush=True)
    return to_dict(res.x, type_names)


def evaluate(problems: Sequence[DocProblem], weights: dict[str, float]) -> dict[str, float]:
    preds = [predicted_links(p, weights) for p in problems]
    return {k: s.f1_strict for k, s in score_by_set(problems, preds).items()}


def write_weights(weights: dict[str, float], note: str) -> None:
    body = ",\n".join(f'        "{k}": {v!r}' for k, v in weights.items())
    text = (
        '"""Learned link-scoring weights, written by bench/train_weights.py (structured\n'
        "perceptron on the dev sets in ../shared/bench). Keys are feature names from\n"
        'features.DENSE plus "type:a-b" priors in the zh-first orientation. Edit by re-running\n'
        'the script, not by hand.\n"""\n\n'
        "from __future__ import annotations\n\n"
        "WEIGHTS: dict[str, dict[str, float]] = {\n"
        f"    # {note}\n"
        '    "default": {\n'
        f"{body},\n"
        "    },\n}\n"
        f"TYPE_DEFAULT = {TYPE_DEFAULT!r}\n"
        '"""Prior of a link type the weights do not mention (large blocks)."""\n'
    )
    with open(WEIGHTS_FILE, "w", encoding="utf-8") as fh:
        fh.write(text)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--l2", type=float, default=DEFAULT_L2, help="L2 penalty on the weights")
    ap.add_argument("--max-iter", type=int, default=DEFAULT_MAX_ITER)
    ap.add_argument("--cv", action="store_true", help="leave-one-set-out cross-validation")
    ap.add_argument("--write", action="store_true", help="write aligner/align/weights.py")
    ap.add_argument(
        "--warm",
        action="store_true",
        help="start from the current weights (new features at 0) instead of the neutral start",
    )
    args = ap.parse_args()
    problems = build_problems([d for s in DEV_SETS for d in load_set(s)])
    print("start weights:", evaluate(problems, WEIGHTS["default"]))
    if args.cv:
        from bench.cross_validate import run_leave_one_set_out  # it imports train from here

        run_leave_one_set_out(problems, args.l2, args.max_iter)
    w = train(problems, args.l2, args.max_iter, warm_start=args.warm)
    print("trained on all dev sets:", evaluate(problems, w))
    print(w)
    if args.write:
        write_weights(w, f"CRF log-likelihood, L2 {args.l2}, dev sets {', '.join(DEV_SETS)}")
        print(f"wrote {WEIGHTS_FILE}")


if __name__ == "__main__":
    main()
