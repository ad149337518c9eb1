"""Shared test fixtures. Area-specific fixtures live in each tests/<area>/conftest.py.

pytest puts this folder on sys.path (it holds the root conftest and has no __init__.py), so
the shared test modules beside it (synthetic_records.py, concurrent_readers.py, pg_server.py)
import by name from any area.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import synthetic_records
from pg_server import NO_SERVER, PostgresServer, bin_dir, postgres_required
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


# --- store backends: SQLite, and a throwaway PostgreSQL server (tests/pg_server.py) ----------


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A PostgreSQL server started for this test session (unix socket, no TCP), stopped and
    removed at its end. Skipped, with the reason, when the server binaries are missing, unless
    VERBALIGN_TEST_BACKENDS asks for PostgreSQL (`make test` does, after installing them)."""
    if bin_dir() is None and not postgres_required():
        pytest.skip(NO_SERVER)
    server = PostgresServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """The URL of a fresh, migrated PostgreSQL database, dropped after the test."""
    name = postgres_server.new_database()
    yield postgres_server.url(name)
    postgres_server.drop_database(name)
