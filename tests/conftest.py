"""Shared test fixtures. Area-specific fixtures live in each tests/<area>/conftest.py.

pytest puts this folder on sys.path (it holds the root conftest and has no __init__.py), so
the shared test modules beside it (synthetic_records.py, concurrent_readers.py) import by
name from any area.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import synthetic_records
from synthetic_records import MakeAlignment

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "S-PV-9132"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture
def make_alignment() -> MakeAlignment:
    """synthetic_records.make_alignment: a small aligned record pair (see its docstring)."""
    return synthetic_records.make_alignment
