"""What record versions cost when saving: a re-import with and without reviews to carry over.

    python -m bench.store_reimport [--repeat 60] [--reviews 100] [--rounds 5]

Saves a synthetic record (tests/synthetic_records.py; `--repeat` member turns, ~7 pairs each)
into a temporary SQLite store, then times `save_alignment` of a changed version (new source
hashes, one sentence edited in an unreviewed pair) on a store with no reviews and on one with
`--reviews` reviewed pairs (merges, approvals, a split), which are carried over by text.
Prints the median of `--rounds` saves of each, the ratio, and the archived version's size.
Saving a version also archives the previous one, so both figures include that.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from synthetic_records import SYMBOL, make_alignment

from aligner.models import RecordAlignment
from aligner.store import open_store
from aligner.store.rows import Correction


def _changed(repeat: int, n: int) -> RecordAlignment:
    alignment = make_alignment(repeat=repeat, salt=f"v{n}")
    last = alignment.en.turns[-1].paragraphs[0].sentences[0]
    last.text = last.norm = f"The meeting rose at 11.{n:02d} a.m."
    alignment.pairs[-1].en = [last.text]
    return alignment


def _review(store: object, reviews: int) -> int:
    pairs = store.list_pairs(SYMBOL).items  # type: ignore[attr-defined]
    done = 0
    for k in range(1, len(pairs) - 1, 3):
        if done >= reviews:
            break
        p = pairs[k]
        store.correct_pair(p.id, Correction("flag", "bench", status="approved"))  # type: ignore[attr-defined]
        done += 1
    return done


def _time_saves(repeat: int, reviews: int, rounds: int) -> tuple[float, int, int]:
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.db")
        try:
            store.save_alignment(make_alignment(repeat=repeat))
            reviewed = _review(store, reviews) if reviews else 0
            seconds = []
            for n in range(1, rounds + 1):
                alignment = _changed(repeat, n)
                t0 = time.perf_counter()
                result = store.save_alignment(alignment)
                seconds.append(time.perf_counter() - t0)
                assert result.changes is not None and not result.changes.not_carried
            pairs = store.get_record(SYMBOL).pair_count
        finally:
            store.close()
    return statistics.median(seconds), pairs, reviewed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=60)
    parser.add_argument("--reviews", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    plain, pairs, _ = _time_saves(args.repeat, 0, args.rounds)
    carried, _, reviewed = _time_saves(args.repeat, args.reviews, args.rounds)
    print(f"record: {pairs} pairs; saves of a changed version, median of {args.rounds}:")
    print(f"  no reviews:                    {plain * 1000:8.1f} ms")
    print(f"  {reviewed:3d} reviewed pairs carried over: {carried * 1000:8.1f} ms")
    print(f"  ratio: {carried / plain:.2f}")


if __name__ == "__main__":
    main()
