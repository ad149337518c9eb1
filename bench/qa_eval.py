"""Evaluate the QA checks on real UN translations and on the bundled record's cases.

Real pairs (the default part): the 4,000 official pairs of the UN Parallel Corpus dev set
(../shared/real/unpc-dev), split in two fixed halves by line number — "dev" (lines 0-1999, read
while developing the checks) and "test" (lines 2000-3999, held out: only its figures were
looked at). For each half:
- flag rate on the clean pairs, per check and per severity (a pair is "flagged" when it has a
  flag above info, as `verbalign qa check` prints by default). An honest clean set is not 100 %
  clean (~5 % of UNPC pairs carry a real discrepancy or an alignment artefact), so this is an
  upper bound on false alarms;
- detection of errors injected into those pairs, by two injectors: v1 (bench/qa_inject.py,
  written beside the checks: its word lists overlap theirs) and v2 (bench/qa_inject2.py, written
  apart from the checks and from v1, with jieba's name tagger and its own list of UN bodies):
  the share of cases with a flag above info, overall and "new" (counting only cases whose clean
  pair raised nothing, so an error is not credited to an unrelated flag). The held-out half's
  v2 figures are the honest ones. v3 (bench/qa_inject3.py, --injector v3 or all) was written as
  an outside acceptance tester would, without reading the checks or the other injectors, and
  frozen before its first measurement: nobody tuned the checks against it.

Bundled cases (--bundled): the injected-error cases of the bundled S/PV.9132 pair
(tests/qa/data/qa_cases.jsonl), as before.

    python -m bench.qa_eval                       # real pairs, all checks
    python -m bench.qa_eval --no-embedder         # without the embedding model
    python -m bench.qa_eval --show alarms --check negation --split dev   # read flags
    python -m bench.qa_eval --show alarms --check number --split all --sample --limit 12
    python -m bench.qa_eval --show misses --kind clause --split dev      # read misses
    python -m bench.qa_eval --bundled             # also the bundled record's cases

Embeddings are cached in var/qa_embeddings.sqlite (--embed-cache).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from aligner.qa.check import PairView, QAContext, build_checks
from aligner.qa.flag import severity_rank
from aligner.qa.runner import PairResult, check_pairs, views_from_dicts
from bench import qa_inject, qa_inject2, qa_inject3
from bench.qa_inject import KINDS

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "qa" / "data" / "qa_cases.jsonl"
UNPC = ROOT.parent / "shared" / "real" / "unpc-dev"
INJECTORS = {
    "v1": qa_inject.inject_all,
    "v2": qa_inject2.inject_all,
    "v3": qa_inject3.inject_all,
}
INJECTOR_NAMES = tuple(INJECTORS)
INJECTOR_GROUPS = {"both": ("v1", "v2"), "all": ("v1", "v2", "v3")}
"""`--injector both` keeps its old meaning (v1 and v2); `all` adds v3."""
DEV_LINES = 2000
"""Lines 0..DEV_LINES-1 are the development half; the rest is held out."""


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def unpc_pairs(folder: Path = UNPC) -> list[tuple[str, str, str]]:
    zh = (folder / "zh.txt").read_text("utf-8").split("\n")
    en = (folder / "en.txt").read_text("utf-8").split("\n")
    return [
        (str(i), a, b)
        for i, (a, b) in enumerate(zip(zh, en, strict=False))
        if a.strip() and b.strip()
    ]


RECORDS = ROOT.parent / "shared" / "real" / "text"
RECORD_CACHE = ROOT / "var" / "qa_records"


def record_pairs(symbols: Sequence[str] = ("S-PV-9642", "S-PV-9722", "S-PV-9826")) -> list:
    """Two-sided pairs of the real Security Council records in ../shared/real/text, aligned by
    `verbalign align ZH EN --json` (cached in var/qa_records)."""
    import subprocess
    import sys

    RECORD_CACHE.mkdir(parents=True, exist_ok=True)
    out = []
    for symbol in symbols:
        cached = RECORD_CACHE / f"{symbol}.json"
        if not cached.is_file():
            zh, en = RECORDS / f"{symbol}.zh.txt", RECORDS / f"{symbol}.en.txt"
            command = [sys.executable, "-c", "from aligner.cli import main; main()", "align"]
            done = subprocess.run(
                [*command, str(zh), str(en), "--json"],
                capture_output=True,
                check=True,
                text=True,
            )
            cached.write_text(done.stdout, "utf-8")
        data = json.loads(cached.read_text("utf-8"))
        for n, p in enumerate(data["pairs"]):
            if p["zh"] and p["en"]:
                out.append((f"{symbol}#{n}", "".join(p["zh"]), " ".join(p["en"])))
    return out


def split_of(pair_id: str) -> str:
    if "#" in pair_id:
        return "records"
    return "dev" if int(pair_id) < DEV_LINES else "test"


def flagged(result: PairResult, min_severity: str = "warning") -> bool:
    limit = severity_rank(min_severity)
    return any(severity_rank(f.severity) <= limit for f in result.flags)


def _pct(hit: int, n: int) -> str:
    return f"{hit / n:6.1%} ({hit}/{n})" if n else "      -"


def real_eval(args: argparse.Namespace, ctx: QAContext, checks: Sequence[Any]) -> None:
    pairs = unpc_pairs(args.unpc) + (record_pairs() if args.records else [])
    clean_views = [PairView(i, zh, en) for i, zh, en in pairs]
    started = time.perf_counter()
    clean = check_pairs(clean_views, ctx, checks=checks, min_severity="info")
    clean_seconds = time.perf_counter() - started
    by_id = {r.id: r for r in clean}

    runs = []
    inject_seconds = 0.0
    for name in INJECTOR_GROUPS.get(args.injector, (args.injector,)):
        cases = INJECTORS[name](pairs, seed=args.seed, per_kind=args.per_kind)
        case_views = [
            PairView(f"{pid}:{c.kind}:{n}", c.zh, c.en) for n, (pid, c) in enumerate(cases)
        ]
        started = time.perf_counter()
        injected = check_pairs(case_views, ctx, checks=checks, min_severity="info")
        inject_seconds += time.perf_counter() - started
        runs.append((name, cases, injected))

    splits = ("dev", "test", "records") if args.records else ("dev", "test")
    print(
        f"\nUNPC dev set: {len(pairs)} official pairs ({UNPC}); dev = lines < {DEV_LINES}, "
        f"test = the rest (held out). Flagged = a flag above info."
    )
    print(
        f"checked {len(pairs)} clean pairs in {clean_seconds:.1f} s and "
        f"{sum(len(c) for _, c, _ in runs)} injected "
        f"cases in {inject_seconds:.1f} s; embedder: {'none' if ctx.embedder is None else 'USE'}"
        f"; peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )
    # ------------------------------------------------------------ clean pairs
    n = Counter(split_of(r.id) for r in clean)
    any_flag = Counter(split_of(r.id) for r in clean if flagged(r))
    per_check: dict[tuple[str, str, str], int] = defaultdict(int)
    for r in clean:
        split = split_of(r.id)
        seen: set[tuple[str, str]] = set()
        for f in r.flags:
            seen.add((f.check, f.severity))
        for check, severity in seen:
            per_check[(split, check, severity)] += 1
    print("\nclean pairs: share flagged (pairs with at least one flag of the check and severity)")
    print(f"  {'check':14s}{'severity':10s}" + "".join(f"{s:>20s}" for s in splits))
    print(
        f"  {'any':14s}{'> info':10s}" + "".join(f"{_pct(any_flag[s], n[s]):>20s}" for s in splits)
    )
    names = sorted({c for _, c, _ in per_check})
    for check in names:
        for severity in ("error", "warning", "info"):
            if not any(per_check[(s, check, severity)] for s in splits):
                continue
            print(
                f"  {check:14s}{severity:10s}"
                + "".join(f"{_pct(per_check[(s, check, severity)], n[s]):>20s}" for s in splits)
            )
    # ------------------------------------------------------------ injected errors
    for name, cases, injected in runs:
        _detection_table(name, cases, injected, by_id, splits)
    if args.show:
        _, cases, injected = runs[-1]
        _show(args, pairs, clean, cases, injected)


def _detection_table(
    name: str,
    cases: list,
    injected: list[PairResult],
    by_id: dict[str, PairResult],
    splits: Sequence[str],
) -> None:
    table: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for (pid, case), result in zip(cases, injected, strict=True):
        split = split_of(pid)
        hit = flagged(result)
        fresh = not flagged(by_id[pid])
        for kind in (case.kind, "*"):
            cell = table[(split, kind)]
            cell[0] += hit
            cell[1] += 1
            if fresh:
                cell[2] += hit
                cell[3] += 1
    print(
        f"\n[{name}] injected errors flagged "
        "(all cases | only cases whose clean pair raised nothing)"
    )
    print(f"  {'kind':14s}" + "".join(f"{s + ' all':>18s}{s + ' new':>18s}" for s in splits))
    for kind in [*KINDS, "*"]:
        row = ""
        for s in splits:
            hit, total, fresh_hit, fresh_total = table[(s, kind)]
            row += f"{_pct(hit, total):>18s}{_pct(fresh_hit, fresh_total):>18s}"
        print(f"  {kind:14s}{row}")


def _show(
    args: argparse.Namespace,
    pairs: list[tuple[str, str, str]],
    clean: list[PairResult],
    cases: list,
    injected: list[PairResult],
) -> None:
    shown = 0
    if args.show == "alarms":
        order = list(clean)
        if args.sample:
            # a random sample, to read and count how many flags are real (the README's
            # precision column: --show alarms --split all --sample --check CHECK)
            random.Random(args.seed).shuffle(order)
        for r in order:
            if args.split not in ("all", split_of(r.id)) or not flagged(r):
                continue
            flags = [
                f
                for f in r.flags
                if args.check in (None, f.check) and severity_rank(f.severity) <= 1
            ]
            if not flags:
                continue
            print(f"--- {r.id}\n  zh: {r.view.zh}\n  en: {r.view.en}")
            for f in flags:
                print(f"  -> {f.check}/{f.type}/{f.severity} {f.score:.2f}: {f.message}")
            shown += 1
            if shown >= args.limit:
                break
        return
    by_id = {r.id: r for r in clean}
    for (pid, case), result in zip(cases, injected, strict=True):
        if args.split not in ("all", split_of(pid)) or args.kind not in (None, case.kind):
            continue
        if flagged(result) or flagged(by_id[pid]):
            continue
        print(f"--- {pid} [{case.kind}, {case.side}]\n  zh: {case.zh}\n  en: {case.en}")
        for f in result.flags:
            print(f"  -> {f.check}/{f.type}/{f.severity} {f.score:.2f}: {f.message}")
        shown += 1
        if shown >= args.limit:
            break


def bundled_eval(args: argparse.Namespace, ctx: QAContext, checks: Sequence[Any]) -> None:
    cases = load(CASES)
    results = check_pairs(views_from_dicts(cases), ctx, checks=checks, min_severity="info")
    table: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for case, result in zip(cases, results, strict=True):
        hit = flagged(result)
        for split in (case["split"], "all"):
            for kind in (case["kind"], "*"):
                cell = table[(split, case["label"], kind)]
                cell[0] += hit
                cell[1] += 1
    print(f"\nbundled S/PV.9132 cases ({len(cases)}; English side a test rendering)")
    print(f"{'':24s}{'dev':>18s}{'test':>18s}{'all':>18s}")
    for label, title in (("error", "injected errors flagged"), ("clean", "clean pairs flagged")):
        print(title)
        kinds = sorted({c["kind"] for c in cases if c["label"] == label})
        for kind in [*kinds, "*"]:
            print(
                f"  {kind:22s}"
                + "".join(f"{_pct(*table[(s, label, kind)]):>18s}" for s in ("dev", "test", "all"))
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--unpc", type=Path, default=UNPC, help="folder with zh.txt and en.txt")
    parser.add_argument("--no-embedder", action="store_true", help="skip the embedding model")
    parser.add_argument("--checks", help="comma-separated subset of checks")
    parser.add_argument("--bundled", action="store_true", help="also the bundled record's cases")
    parser.add_argument(
        "--records",
        action="store_true",
        help="also the pairs of the three real records in ../shared/real/text (aligned once)",
    )
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument(
        "--injector",
        choices=[*INJECTOR_NAMES, *INJECTOR_GROUPS],
        default="both",
        help="v1: bench/qa_inject.py; v2: bench/qa_inject2.py (written apart from the checks); "
        "v3: bench/qa_inject3.py (written as an outside tester, frozen before measuring); "
        "both: v1+v2; all: v1+v2+v3",
    )
    parser.add_argument("--per-kind", type=int, default=300, help="injected cases per kind")
    parser.add_argument(
        "--embed-cache",
        type=Path,
        default=ROOT / "var" / "qa_embeddings.sqlite",
        help="on-disk embedding cache",
    )
    parser.add_argument("--show", choices=["misses", "alarms"], help="list cases of one kind")
    parser.add_argument("--split", choices=["dev", "test", "all"], default="dev")
    parser.add_argument("--check", help="--show alarms: only this check")
    parser.add_argument("--kind", help="--show misses: only this kind of injected error")
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument(
        "--sample", action="store_true", help="--show alarms: in random order (--seed)"
    )
    args = parser.parse_args()

    embedder = None
    if not args.no_embedder:
        from aligner.qa.embedding import load_embedder

        embedder = load_embedder(cache_path=args.embed_cache)
    ctx = QAContext(embedder=embedder)
    checks = build_checks(args.checks.split(",") if args.checks else None)
    real_eval(args, ctx, checks)
    if args.bundled:
        bundled_eval(args, QAContext(embedder=embedder), checks)


if __name__ == "__main__":
    main()
