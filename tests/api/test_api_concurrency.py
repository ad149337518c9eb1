"""Parallel HTTP readers while a record is re-aligned see the old or new pairs, never a mix."""

from __future__ import annotations

import threading
from collections.abc import Callable

from api_support import SYMBOL
from fastapi.testclient import TestClient

from aligner.models import RecordAlignment


def test_readers_during_realignment_see_whole_records(
    client: TestClient, make_alignment: Callable[..., RecordAlignment]
) -> None:
    store = client.app.state.store
    versions = [
        make_alignment(repeat=20, salt="a"),
        make_alignment(repeat=20, salt="b", merge_second_member=True),
    ]
    shapes = [[(tuple(p.zh_ids), tuple(p.en_ids)) for p in v.pairs] for v in versions]
    store.save_alignment(versions[0])
    stop = threading.Event()
    problems: list[str] = []
    reads = [0]

    def reader() -> None:
        while not stop.is_set():
            r = client.get(f"/records/{SYMBOL}/pairs", params={"limit": 1000})
            body = r.json()
            shape = [(tuple(p["zh_ids"]), tuple(p["en_ids"])) for p in body["items"]]
            if r.status_code != 200 or shape not in shapes or body["total"] != len(shape):
                problems.append(f"{r.status_code}: {len(shape)} pairs, total {body.get('total')}")
            reads[0] += 1

    threads = [threading.Thread(target=reader) for _ in range(3)]
    for t in threads:
        t.start()
    try:
        for i in range(6):
            store.save_alignment(versions[(i + 1) % 2])
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=30)
    assert not problems, problems[:5]
    assert reads[0] > 3
