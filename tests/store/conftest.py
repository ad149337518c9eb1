"""Fixtures for the store, export and TM tests: a store, empty or holding the synthetic
S/PV.9999 (tests/synthetic_records.py; `make_alignment` is in tests/conftest.py).

`store` yields a Repository and the tests talk to it only through that interface, so the same
tests run against every backend in STORE_BACKENDS. A backend is added by naming it there and
teaching `store_location` how to make a throwaway database of its kind (the PostgreSQL backend:
a server started by the fixtures on a temporary socket). Tests of one backend's own machinery
(SQLite migrations, raw rows an older version left) use `sqlite_store`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from synthetic_records import make_alignment

from aligner.store import Repository, open_store
from aligner.store.sqlite import SQLiteStore

STORE_BACKENDS = ["sqlite"]


@pytest.fixture(params=STORE_BACKENDS)
def store_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a throwaway store of each backend lives (a path or URL for `open_store`)."""
    if request.param == "sqlite":
        return str(tmp_path / "test.db")
    raise AssertionError(f"no throwaway database for backend {request.param!r}")


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
