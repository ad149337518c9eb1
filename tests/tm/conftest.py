"""Fixtures for the TM index tests: a temporary store holding the synthetic S/PV.9999."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from synthetic_records import make_alignment

from aligner.store import SQLiteStore


@pytest.fixture
def stored(tmp_path: Path) -> Iterator[SQLiteStore]:
    s = SQLiteStore(tmp_path / "tm.db")
    s.save_alignment(make_alignment())
    yield s
    s.close()
