"""Fixtures for the store, export and TM tests: a temporary database, empty or holding the
synthetic S/PV.9999 (tests/synthetic_records.py; `make_alignment` is in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from synthetic_records import make_alignment

from aligner.store import SQLiteStore


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    s = SQLiteStore(tmp_path / "test.db")
    yield s
    s.close()


@pytest.fixture
def stored(store: SQLiteStore) -> SQLiteStore:
    """A store holding the synthetic S/PV.9999."""
    store.save_alignment(make_alignment())
    return store
