"""Fixtures for the store, export and TM tests: a store, empty or holding the synthetic
S/PV.9999 (tests/synthetic_records.py; `make_alignment` is in tests/conftest.py).

`store` yields a Repository and the tests talk to it only through that interface, so the same
tests run against every backend in STORE_BACKENDS: SQLite, and PostgreSQL on a server the
fixtures start (tests/pg_server.py; VERBALIGN_TEST_BACKENDS chooses). Tests of one backend's
own machinery (SQLite migrations, raw rows an older version left) use `sqlite_store`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_server import store_backends, store_location_of
from synthetic_records import make_alignment

from aligner.store import Repository, open_store
from aligner.store.sqlite import SQLiteStore

STORE_BACKENDS = store_backends()


@pytest.fixture(params=STORE_BACKENDS)
def store_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a throwaway store of each backend lives (a path or URL for `open_store`)."""
    return store_location_of(request.param, request, tmp_path)


@pytest.fixture
def store(store_location: str) -> Iterator[Repository]:
    s = open_store(store_location)
    yield s
    s.close()


@pytest.fixture
def stored(store: Repository) -> Repository:
    """A store holding the synthetic S/PV.9999."""
    store.save_alignment(make_alignment())
    return store


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[SQLiteStore]:
    s = SQLiteStore(tmp_path / "sqlite.db")
    yield s
    s.close()
