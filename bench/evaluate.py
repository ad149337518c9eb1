"""Run the sentence aligner on benchmark documents and score it (shared by run_all and the
fitting scripts).

    python -m bench.evaluate [set ...]     # quick strict/lax table for the dev sets
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from aligner.align.params import AlignParams
from aligner.align.sentences import SentenceProblem
from bench.corpora import DEV_SETS, BenchDoc, load_set
from bench.paths import embedder_for_bench
from bench.score import Link, Score, score_multiple


@dataclass
class DocProblem:
    doc: BenchDoc
    problem: SentenceProblem

    def gold_path(self) -> list[tuple[int, int, int, int]]:
        """Gold links as (i_start, j_start, a, b) in the aligner's zh-first orientation."""
        out = []
        i = j = 0
        for s, t in self.doc.gold:
            x, y = (t, s) if self.problem.swapped else (s, t)
            a, b = len(x), len(y)
            i0 = x[0] if x else i
            j0 = y[0] if y else j
            out.append((i0, j0, a, b))
            i, j = i0 + a, j0 + b
        return out


def build_problems(docs: Sequence[BenchDoc], params: AlignParams | None = None) -> list[DocProblem]:
    emb = embedder_for_bench()
    return [
        DocProblem(
            d,
            SentenceProblem.build(
                d.src, d.tgt, src_lang=d.src_lang, tgt_lang=d.tgt_lang, embedder=emb, params=params
            ),
        )
        for d in docs
    ]


def predicted_links(dp_: DocProblem, weights: dict[str, float] | None = None) -> list[Link]:
    return [(link.src, link.tgt) for link in dp_.problem.solve(weights)]


def score_by_set(
    problems: Sequence[DocProblem], predictions: Sequence[list[Link]]
) -> dict[str, Score]:
    out: dict[str, Score] = {}
    for name in dict.fromkeys(p.doc.set for p in problems):
        idx = [k for k, p in enumerate(problems) if p.doc.set == name]
        out[name] = score_multiple(
            [problems[k].doc.gold for k in idx], [predictions[k] for k in idx]
        )
    return out


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(
        description="Strict/lax F1 of the committed weights on the dev sets (in-sample)."
    )
    ap.add_argument("sets", nargs="*", metavar="SET", help=f"default: {' '.join(DEV_SETS)}")
    sets = ap.parse_args(argv).sets or list(DEV_SETS)
    if unknown := set(sets) - set(DEV_SETS):
        ap.error(f"unknown set(s) {', '.join(sorted(unknown))}; choose from {', '.join(DEV_SETS)}")
    problems = build_problems([d for s in sets for d in load_set(s)])
    preds = [predicted_links(p) for p in problems]
    for p, pred in zip(problems, preds, strict=True):
        if p.doc.set == "mac-dev":
            s = score_multiple([p.doc.gold], [pred])
            print(f"  mac-dev/{p.doc.name:<4} strict F1 {s.f1_strict:.3f}  lax F1 {s.f1_lax:.3f}")
    for name, s in score_by_set(problems, preds).items():
        print(
            f"{name:<8} strict P {s.precision_strict:.3f} R {s.recall_strict:.3f} "
            f"F1 {s.f1_strict:.3f} | lax F1 {s.f1_lax:.3f}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
