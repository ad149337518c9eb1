"""The glossary's confidence threshold, chosen by cross-validation over real material.

    python -m bench.glossary_threshold                 # sweep, folds, chosen thresholds
    python -m bench.glossary_threshold --thresholds 0.6,0.7

Folds: the three official records of ../shared/real (each scored against its gold list, the
vocabulary left-one-out: bench/glossary_eval.py --loo) and the dev half of the UNPC dev set
(recall against its gold sample, precision over the judged hash-ranked sample:
bench/glossary_unpc.py). For each fold, the threshold is the one with the best mean recall on
the OTHER folds among those that keep precision >= --min-precision on each of them; the fold's
own precision and recall at that threshold are the cross-validated figures. The bundled
S/PV.9132 is in-sample (its gold list and vocabulary were written from it) and the UNPC
held-out half is never looked at here.
"""

from __future__ import annotations

import argparse
import sys

from bench.glossary_eval import REAL_RECORDS, run
from bench.glossary_unpc import PRECISION_N, report

FOLDS = (*REAL_RECORDS, "UNPC-dev")


def measure(fold: str, threshold: float) -> tuple[float, float, str]:
    if fold == "UNPC-dev":
        r = report("dev", use_phraseology=True, n=PRECISION_N, show=False, min_confidence=threshold)
        note = f"judged {r['judged']}/{r['sampled']}"
        return float(r["precision"]), float(r["recall"]), note  # type: ignore[arg-type]
    s = run(fold, min_confidence=threshold, loo=True)
    return s.precision, s.recall, f"{s.output} entries"


def choose(
    table: dict[tuple[str, float], tuple[float, float, str]],
    folds: list[str],
    thresholds: list[float],
    min_precision: float,
) -> float:
    ok = [t for t in thresholds if all(table[(f, t)][0] >= min_precision for f in folds)]
    pool = ok or [max(thresholds)]
    return max(pool, key=lambda t: (sum(table[(f, t)][1] for f in folds), -t))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--thresholds", default="0.6,0.65,0.7,0.75,0.8")
    ap.add_argument("--min-precision", type=float, default=0.9)
    args = ap.parse_args(argv)
    thresholds = [float(t) for t in args.thresholds.split(",")]
    table = {(f, t): measure(f, t) for f in FOLDS for t in thresholds}
    print("| fold | threshold | precision | recall | |")
    print("|---|---|---|---|---|")
    for (f, t), (p, r, note) in table.items():
        print(f"| {f} | {t} | {p:.3f} | {r:.3f} | {note} |")
    print("\n| held-out fold | threshold chosen on the others | precision | recall |")
    print("|---|---|---|---|")
    for f in FOLDS:
        t = choose(table, [g for g in FOLDS if g != f], thresholds, args.min_precision)
        p, r, _ = table[(f, t)]
        print(f"| {f} | {t} | {p:.3f} | {r:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
