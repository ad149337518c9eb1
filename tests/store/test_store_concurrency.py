"""Readers running while a record is re-aligned see the old or the new pairs, never a mix."""

from __future__ import annotations

import threading
from collections.abc import Callable

from aligner.models import RecordAlignment
from aligner.store import SQLiteStore

SYMBOL = "S/PV.9999"


def _shape(alignment: RecordAlignment) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    return [(tuple(p.zh_ids), tuple(p.en_ids)) for p in alignment.pairs]


def test_parallel_readers_never_see_a_half_written_record(
    store: SQLiteStore, make_alignment: Callable[..., RecordAlignment]
) -> None:
    # Big enough that a re-alignment takes a while to write: 2 x 40 member turns.
    versions = [
        make_alignment(repeat=40, salt="a"),
        make_alignment(repeat=40, salt="b", merge_second_member=True),
    ]
    shapes = [_shape(v) for v in versions]
    assert shapes[0] != shapes[1]
    store.save_alignment(versions[0])

    stop = threading.Event()
    seen: list[int] = []
    problems: list[str] = []

    def reader() -> None:
        while not stop.is_set():
            page = store.list_pairs(SYMBOL)
            shape = [(tuple(p.zh_ids), tuple(p.en_ids)) for p in page.items]
            if page.total != len(page.items):
                problems.append(f"count {page.total} but {len(page.items)} rows")
            if shape in shapes:
                seen.append(shapes.index(shape))
            else:
                problems.append(f"a mixed record of {len(shape)} pairs")
            hits = store.search("安全理事会", symbol=SYMBOL, limit=1000)
            if hits.total not in (40,):
                problems.append(f"search saw {hits.total} hits")

    threads = [threading.Thread(target=reader) for _ in range(3)]
    for t in threads:
        t.start()
    try:
        for i in range(12):
            store.save_alignment(versions[(i + 1) % 2])
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=30)
    assert not problems, problems[:5]
    assert len(seen) > 3
