"""Fixtures for the store, export and TM tests: a temporary database and synthetic records."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from aligner.models import RecordAlignment
from aligner.store import SQLiteStore


def _load_synthetic():
    name = "verbalign_test_synthetic"
    if name not in sys.modules:
        path = Path(__file__).with_name("synthetic.py")
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


synthetic = _load_synthetic()
MakeAlignment = Callable[..., RecordAlignment]


@pytest.fixture
def make_alignment() -> MakeAlignment:
    """synthetic.make_alignment: a small aligned record pair (see its docstring)."""
    return synthetic.make_alignment


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    s = SQLiteStore(tmp_path / "test.db")
    yield s
    s.close()


@pytest.fixture
def stored(store: SQLiteStore) -> SQLiteStore:
    """A store holding the synthetic S/PV.9999."""
    store.save_alignment(synthetic.make_alignment())
    return store
