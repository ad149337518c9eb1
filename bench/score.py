"""Alignment scorer with the semantics of Vecalign's score.py (Thompson & Koehn 2019).

Strict: a predicted link counts only if identical to a gold link. Lax: it counts if it shares at
least one source and one target sentence with a gold link. Precision is over all predicted links
(insertions/deletions included); recall is over gold links with both sides non-empty, matched
against predicted links with both sides non-empty. Counts are summed over documents before the
ratios are taken, so pooled scores weight documents by their size.

    python -m bench.score -t predicted.align -g gold.align
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

Link = tuple[tuple[int, ...], tuple[int, ...]]

_LINK = re.compile(r"^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]")


def parse_link(line: str) -> Link | None:
    m = _LINK.match(line)
    if not m:
        return None
    side = lambda s: tuple(int(x) for x in s.split(",") if x.strip())  # noqa: E731
    return side(m.group(1)), side(m.group(2))


def read_alignments(path: str | Path) -> list[Link]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            link = parse_link(line)
            if link is not None:
                out.append(link)
    return out


def format_link(src: Sequence[int], tgt: Sequence[int]) -> str:
    return f"[{','.join(map(str, src))}]:[{','.join(map(str, tgt))}]"


@dataclass
class Counts:
    tp_strict: int = 0
    fp_strict: int = 0
    tp_lax: int = 0
    fp_lax: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        self.tp_strict += other.tp_strict
        self.fp_strict += other.fp_strict
        self.tp_lax += other.tp_lax
        self.fp_lax += other.fp_lax
        return self


def _precision_counts(gold: Iterable[Link], test: Iterable[Link]) -> Counts:
    test_set = {(tuple(s), tuple(t)) for s, t in test if len(s) or len(t)}
    gold_set = {(tuple(s), tuple(t)) for s, t in gold if len(s) or len(t)}
    src_to_gold_tgt: dict[int, set[int]] = defaultdict(set)
    for gs, gt in gold_set:
        for s in gs:
            src_to_gold_tgt[s].update(gt)
    c = Counts()
    for ts, tt in test_set:
        if (ts, tt) in gold_set:
            c.tp_strict += 1
            c.tp_lax += 1
            continue
        c.fp_strict += 1
        targets: set[int] = set()
        for s in ts:
            targets |= src_to_gold_tgt[s]
        if targets.intersection(tt):
            c.tp_lax += 1
        else:
            c.fp_lax += 1
    return c


@dataclass
class Score:
    precision_strict: float
    recall_strict: float
    f1_strict: float
    precision_lax: float
    recall_lax: float
    f1_lax: float


def _ratio(tp: int, fp: int) -> float:
    return tp / (tp + fp) if tp + fp else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_multiple(golds: Sequence[Sequence[Link]], tests: Sequence[Sequence[Link]]) -> Score:
    pc, rc = Counts(), Counts()
    for gold, test in zip(golds, tests, strict=True):
        pc += _precision_counts(gold, test)
        # Recall is precision with the roles swapped, insertions/deletions left out.
        test_nd = [(s, t) for s, t in test if len(s) and len(t)]
        gold_nd = [(s, t) for s, t in gold if len(s) and len(t)]
        rc += _precision_counts(test_nd, gold_nd)
    ps, rs = _ratio(pc.tp_strict, pc.fp_strict), _ratio(rc.tp_strict, rc.fp_strict)
    pl, rl = _ratio(pc.tp_lax, pc.fp_lax), _ratio(rc.tp_lax, rc.fp_lax)
    return Score(ps, rs, _f1(ps, rs), pl, rl, _f1(pl, rl))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-t", "--test", nargs="+", required=True, help="predicted .align files")
    ap.add_argument("-g", "--gold", nargs="+", required=True, help="gold .align files (same order)")
    args = ap.parse_args()
    if len(args.test) != len(args.gold):
        ap.error("give as many gold files as test files")
    golds = [read_alignments(g) for g in args.gold]
    s = score_multiple(golds, [read_alignments(t) for t in args.test])
    print(f"strict P {s.precision_strict:.3f} R {s.recall_strict:.3f} F1 {s.f1_strict:.3f}")
    print(f"lax    P {s.precision_lax:.3f} R {s.recall_lax:.3f} F1 {s.f1_lax:.3f}")


if __name__ == "__main__":
    main()
