"""The concurrency harness of the store and API tests: readers running while a record is
re-aligned over and over must see one whole version or the other, never a mix."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from aligner.models import RecordAlignment


@dataclass
class ReadLog:
    reads: int = 0
    problems: list[str] = field(default_factory=list)


def realign_under_readers(
    save: Callable[[RecordAlignment], object],
    versions: Sequence[RecordAlignment],
    read: Callable[[], str | None],
    *,
    rounds: int,
    readers: int = 3,
) -> ReadLog:
    """Save versions[0], then save the versions in turn `rounds` times while `readers` threads
    call `read` (it returns what looked wrong, or None) until the writing is over."""
    save(versions[0])
    log = ReadLog()
    lock = threading.Lock()
    stop = threading.Event()

    def reader() -> None:
        while not stop.is_set():
            problem = read()
            with lock:
                log.reads += 1
                if problem:
                    log.problems.append(problem)

    threads = [threading.Thread(target=reader) for _ in range(readers)]
    for t in threads:
        t.start()
    try:
        for i in range(rounds):
            save(versions[(i + 1) % len(versions)])
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=30)
    return log
