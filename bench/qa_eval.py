"""Evaluate the QA checks on the injected-error cases (tests/qa/data/qa_cases.jsonl).

Reports the share of injected errors flagged (recall, per error type) and the share of clean
pairs flagged (false alarms, per kind of clean pair), on the dev split (used to tune the
thresholds), the held-back test split and both. A case counts as flagged when the checker
returns at least one flag at or above --min-severity (the `verbalign qa check` default).

    python -m bench.qa_eval                     # all checks, USE embeddings
    python -m bench.qa_eval --no-embedder       # rule-based checks only
    python -m bench.qa_eval --show misses       # list the missed errors (or: alarms)

Embeddings are cached in var/qa_embeddings.sqlite (--embed-cache), shared with
bench/qa_fit_semantic.py: the first run embeds ~30k clause texts, later runs take seconds.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

from aligner.qa.check import QAContext, build_checks
from aligner.qa.runner import check_pairs, views_from_dicts

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "qa" / "data" / "qa_cases.jsonl"


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=Path, default=CASES)
    parser.add_argument("--no-embedder", action="store_true", help="skip the semantic check")
    parser.add_argument("--min-severity", default="warning", choices=["error", "warning", "info"])
    parser.add_argument("--checks", help="comma-separated subset of checks")
    parser.add_argument(
        "--db", type=Path, help="also enforce the glossary of this database (as `qa check` does)"
    )
    parser.add_argument(
        "--embed-cache",
        type=Path,
        default=ROOT / "var" / "qa_embeddings.sqlite",
        help="on-disk embedding cache (shared with bench/qa_fit_semantic.py)",
    )
    parser.add_argument("--show", choices=["misses", "alarms"], help="list cases of one kind")
    parser.add_argument(
        "--split",
        choices=["dev", "test", "all"],
        default="all",
        help="split the --show listing comes from",
    )
    args = parser.parse_args()

    cases = load(args.cases)
    embedder = None
    if not args.no_embedder:
        from aligner.align.embedder import get_embedder

        embedder = get_embedder(cache_path=args.embed_cache)
    from aligner.qa.glossary_source import index_for_database

    entities, n_terms = index_for_database(args.db)
    ctx = QAContext(embedder=embedder, entities=entities)
    checks = build_checks(args.checks.split(",") if args.checks else None)
    started = time.perf_counter()
    results = check_pairs(
        views_from_dicts(cases), ctx, checks=checks, min_severity=args.min_severity
    )
    elapsed = time.perf_counter() - started

    table: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for case, result in zip(cases, results, strict=True):
        flagged = bool(result.flags)
        for split in (case["split"], "all"):
            for kind in (case["kind"], "*"):
                cell = table[(split, case["label"], kind)]
                cell[0] += flagged
                cell[1] += 1
        if args.show and args.split in (case["split"], "all"):
            miss = case["label"] == "error" and not flagged
            alarm = case["label"] == "clean" and flagged
            if (args.show == "misses" and miss) or (args.show == "alarms" and alarm):
                print(f"--- {case['id']} [{case['kind']}] {case.get('note', '')}")
                print(f"  zh: {case['zh']}")
                print(f"  en: {case['en']}")
                for f in result.flags:
                    print(f"  -> {f.type}/{f.severity}: {f.message} {f.details or ''}")

    def rate(split: str, label: str, kind: str) -> str:
        hit, n = table[(split, label, kind)]
        return f"{hit / n:6.1%} ({hit}/{n})" if n else "     -"

    kinds = {
        label: sorted({c["kind"] for c in cases if c["label"] == label})
        for label in ("error", "clean")
    }
    print(
        f"\n{len(cases)} cases in {elapsed:.1f} s; flagged = at least one flag >= "
        f"{args.min_severity}; embedder: {'none' if embedder is None else 'USE'}; "
        f"glossary entries: {n_terms}"
    )
    print(f"{'':24s}{'dev':>18s}{'test':>18s}{'all':>18s}")
    print("injected errors flagged (recall)")
    for kind in [*kinds["error"], "*"]:
        print(
            f"  {kind:22s}"
            + "".join(f"{rate(s, 'error', kind):>18s}" for s in ("dev", "test", "all"))
        )
    print("clean pairs flagged (false alarms)")
    for kind in [*kinds["clean"], "*"]:
        print(
            f"  {kind:22s}"
            + "".join(f"{rate(s, 'clean', kind):>18s}" for s in ("dev", "test", "all"))
        )


if __name__ == "__main__":
    main()
