"""Closing a SQLite store while another thread reads from it (a TM index rebuild, an API job)
must not crash the process: closing a connection under a running query is a SIGSEGV in
sqlite3, so close() waits for running transactions and refuses new ones.

The race runs in a child process, so a regression fails this test instead of killing the suite.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

RACE = textwrap.dedent(
    """
    import sys, tempfile, threading
    from pathlib import Path
    sys.path.insert(0, "tests")
    from synthetic_records import make_alignment
    from aligner.store import SQLiteStore

    outcomes = set()
    for _ in range(40):
        with tempfile.TemporaryDirectory() as folder:
            store = SQLiteStore(Path(folder) / "race.db")
            store.save_alignment(make_alignment())
            started = threading.Event()

            def read_until_closed() -> None:
                try:
                    while True:
                        store.tm_units("zh")
                        started.set()
                except RuntimeError as exc:  # the store is closed
                    outcomes.add(str(exc))
                    started.set()

            reader = threading.Thread(target=read_until_closed)
            reader.start()
            started.wait(10)
            store.close()
            reader.join(30)
            assert not reader.is_alive()
    print(sorted(outcomes))
    """
)


def test_closing_while_another_thread_reads_ends_the_reader_cleanly() -> None:
    done = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-c", RACE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "the store is closed" in done.stdout


def test_a_closed_store_refuses_new_transactions(tmp_path: Path) -> None:
    from aligner.store import SQLiteStore

    store = SQLiteStore(tmp_path / "closed.db")
    store.close()
    try:
        store.tm_units("zh")
    except RuntimeError as exc:
        assert "closed" in str(exc)
    else:
        raise AssertionError("a closed store answered")
