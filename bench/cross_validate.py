"""Cross-validated accuracy of the sentence aligner: the honest generalisation estimate.

The committed weights (aligner/align/weights.py) are trained on every dev set, so
`bench.evaluate` and `bench.run_all` report in-sample numbers. This script retrains the CRF
(bench/train_weights.py, same recipe, neutral start) with data held out and scores only what the
weights never saw:

1. MAC-Dev document folds: the six MAC-Dev documents are split into `--mac-folds` groups of
   whole documents (contiguous: 001-002 / 003-004 / 005-006 for three folds); each group is
   aligned with weights trained on the other MAC-Dev documents plus pol, aca and mag. Strict F1
   per fold and pooled over all six held-out documents (counts summed, as in the scorer).
2. Leave-one-set-out: each of mac-dev, pol, aca, mag aligned with weights trained on the other
   three sets (an unseen register).

    python -m bench.cross_validate                    # both, markdown tables at the end
    python -m bench.cross_validate --mac-folds 2 --no-sets --l2 0.3

Training uses the whole dev data once per fold (~1-4 min each on two busy cores; embeddings
come from var/embeddings.sqlite, see bench.warm_cache).
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import fields

from aligner.align.params import AlignParams
from bench.corpora import DEV_SETS, load_set
from bench.evaluate import DocProblem, build_problems, predicted_links
from bench.score import Link, Score, score_multiple
from bench.train_weights import DEFAULT_L2, DEFAULT_MAX_ITER, train

MAC = "mac-dev"


def mac_folds(names: Sequence[str], k: int) -> list[list[str]]:
    """k contiguous groups of whole documents, sizes differing by at most one."""
    if not 2 <= k <= len(names):
        raise ValueError(f"--mac-folds must be between 2 and {len(names)}")
    base, extra = divmod(len(names), k)
    out, start = [], 0
    for f in range(k):
        size = base + (1 if f < extra else 0)
        out.append(list(names[start : start + size]))
        start += size
    return out


def _fit(
    problems: Sequence[DocProblem], l2: float, max_iter: int, drop: Sequence[str]
) -> dict[str, float]:
    t = time.perf_counter()
    w = train(problems, l2, max_iter, drop=drop)
    print(f"  trained on {len(problems)} documents in {time.perf_counter() - t:.0f} s", flush=True)
    return w


def type_recall(golds: Sequence[Sequence[Link]], preds: Sequence[Sequence[Link]]) -> str:
    """Strict recall per gold link type (deletions included: found means predicted exactly)."""
    total: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    for gold, pred in zip(golds, preds, strict=True):
        predicted = {(tuple(s), tuple(t)) for s, t in pred}
        for s, t in gold:
            kind = f"{min(len(s), 9)}-{min(len(t), 9)}"
            total[kind] += 1
            hit[kind] += (tuple(s), tuple(t)) in predicted
    order = sorted(total, key=lambda k: (-total[k], k))
    return "  ".join(f"{k} {hit[k]}/{total[k]} ({hit[k] / total[k]:.2f})" for k in order)


def run_mac_folds(
    problems: Sequence[DocProblem],
    k: int,
    l2: float,
    max_iter: int,
    by_type: bool,
    drop: Sequence[str] = (),
    sweep: Sequence[float] = (),
) -> tuple[list[tuple[str, Score]], Score, list[tuple[str, Score]]]:
    """Per-fold and pooled scores; also pooled scores decoding the same held-out weights with
    each MBR penalty in `sweep` (negative: Viterbi)."""
    mac = [p for p in problems if p.doc.set == MAC]
    folds = mac_folds([p.doc.name for p in mac], k)
    rows: list[tuple[str, Score]] = []
    golds: list[list[Link]] = []
    preds: list[list[Link]] = []
    swept: dict[float, list[list[Link]]] = {x: [] for x in sweep}
    for fold in folds:
        label = "+".join(fold)
        print(f"MAC-Dev fold {label}: training", flush=True)
        held = [p for p in mac if p.doc.name in fold]
        w = _fit([p for p in problems if p not in held], l2, max_iter, drop)
        fold_preds = [predicted_links(p, w) for p in held]
        for p, pred in zip(held, fold_preds, strict=True):
            s = score_multiple([p.doc.gold], [pred])
            print(f"  {MAC}/{p.doc.name}: strict F1 {s.f1_strict:.3f}", flush=True)
        s = score_multiple([p.doc.gold for p in held], fold_preds)
        print(f"  fold {label}: strict F1 {s.f1_strict:.3f}", flush=True)
        rows.append((label, s))
        golds.extend(p.doc.gold for p in held)
        preds.extend(fold_preds)
        for penalty, out in swept.items():
            out.extend(predicted_links_with_penalty(p, w, penalty) for p in held)
    pooled = score_multiple(golds, preds)
    if by_type:
        print("held-out MAC-Dev strict recall by gold type:", type_recall(golds, preds))
    sweep_rows = [
        (_decoding(penalty), score_multiple(golds, out)) for penalty, out in swept.items()
    ]
    return rows, pooled, sweep_rows


def _decoding(penalty: float) -> str:
    return f"pooled, MBR penalty {penalty:g}" if penalty >= 0 else "pooled, Viterbi"


def predicted_links_with_penalty(
    p: DocProblem, weights: dict[str, float], penalty: float
) -> list[Link]:
    problem = p.problem
    default = problem.params
    problem.params = default.with_(mbr_penalty=penalty)
    try:
        return predicted_links(p, weights)
    finally:
        problem.params = default


def run_leave_one_set_out(
    problems: Sequence[DocProblem], l2: float, max_iter: int, drop: Sequence[str] = ()
) -> list[tuple[str, Score]]:
    rows = []
    for held_set in DEV_SETS:
        print(f"leave out {held_set}: training", flush=True)
        held = [p for p in problems if p.doc.set == held_set]
        w = _fit([p for p in problems if p.doc.set != held_set], l2, max_iter, drop)
        s = score_multiple([p.doc.gold for p in held], [predicted_links(p, w) for p in held])
        print(f"  held-out {held_set}: strict F1 {s.f1_strict:.3f}", flush=True)
        rows.append((held_set, s))
    return rows


def parse_params(items: Sequence[str]) -> AlignParams:
    """AlignParams from NAME=VALUE strings, each value converted to the field's type."""
    kinds = {f.name: type(f.default) for f in fields(AlignParams)}
    changes: dict[str, object] = {}
    for item in items:
        name, _, value = item.partition("=")
        if name not in kinds or not value:
            raise SystemExit(f"--param takes NAME=VALUE with NAME one of {', '.join(kinds)}")
        kind = kinds[name]
        changes[name] = value.lower() in ("1", "true", "yes") if kind is bool else kind(value)
    return AlignParams().with_(**changes)


def _table(title: str, rows: Sequence[tuple[str, Score]]) -> str:
    lines = [
        f"| {title} | strict P | strict R | strict F1 | lax F1 |",
        "|---|---|---|---|---|",
    ]
    for label, s in rows:
        lines.append(
            f"| {label} | {s.precision_strict:.3f} | {s.recall_strict:.3f} | "
            f"**{s.f1_strict:.3f}** | {s.f1_lax:.3f} |"
        )
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mac-folds", type=int, default=3, help="MAC-Dev document folds (2-6)")
    ap.add_argument("--l2", type=float, default=DEFAULT_L2, help="L2 penalty of the CRF")
    ap.add_argument("--max-iter", type=int, default=DEFAULT_MAX_ITER, help="L-BFGS iterations")
    ap.add_argument("--no-mac", action="store_true", help="skip the MAC-Dev document folds")
    ap.add_argument("--no-sets", action="store_true", help="skip leave-one-set-out")
    ap.add_argument(
        "--by-type", action="store_true", help="print held-out MAC-Dev recall per gold type"
    )
    ap.add_argument(
        "--drop", nargs="+", default=[], metavar="FEATURE", help="hold these weights at 0"
    )
    ap.add_argument(
        "--mbr-sweep",
        nargs="+",
        type=float,
        default=[],
        metavar="PENALTY",
        help="also score the held-out MAC-Dev folds with these MBR penalties (-1: Viterbi)",
    )
    ap.add_argument(
        "--param",
        nargs="+",
        default=[],
        metavar="NAME=VALUE",
        help="aligner parameters other than the defaults (AlignParams fields), e.g. band=12",
    )
    args = ap.parse_args()
    params = parse_params(args.param)
    started = time.perf_counter()
    problems = build_problems([d for s in DEV_SETS for d in load_set(s)], params)
    print(f"built {len(problems)} problems in {time.perf_counter() - started:.0f} s", flush=True)
    tables = []
    if not args.no_mac:
        rows, pooled, sweep_rows = run_mac_folds(
            problems,
            args.mac_folds,
            args.l2,
            args.max_iter,
            args.by_type,
            args.drop,
            args.mbr_sweep,
        )
        rows.append(("pooled (6 documents)", pooled))
        rows.extend(sweep_rows)
        tables.append(_table(f"MAC-Dev, {args.mac_folds} document folds", rows))
    if not args.no_sets:
        tables.append(
            _table(
                "leave one set out",
                run_leave_one_set_out(problems, args.l2, args.max_iter, args.drop),
            )
        )
    print()
    dropped = f", held at 0: {' '.join(args.drop)}" if args.drop else ""
    if params.non_default():
        print(f"parameters: {params.non_default()}")
    print(f"L2 {args.l2}, at most {args.max_iter} L-BFGS iterations per fold{dropped}")
    for t in tables:
        print()
        print(t)
    print(f"\n{time.perf_counter() - started:.0f} s in total")


if __name__ == "__main__":
    main()
