"""Persistence: records and their versions, pairs, corrections, glossary, QA reports, TM
vectors and jobs, behind one interface.

`Repository` (repository.py) is the only way in; `open_store(path_or_url)` picks the backend
from the location (location.py): a file path or `sqlite:///...` is the embedded SQLite store
(aligner/store/sqlite/, the default: no server to run); `postgresql://...` is the PostgreSQL
store (aligner/store/postgres/, the `postgres` extra). Both are the same SQL repository
(aligner/store/sql/) on their own database, dialect and migrations. Backend-neutral rules:
corrections.py (reviewer corrections), carry_over.py and versioning.py (re-imports),
glossary.py, qa_reports.py, bulk.py (loading a built corpus).

Adding tables from another module: register a migration namespace for each backend (see
migrations.py) and list the module in `migrations.EXTENSION_MODULES`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from aligner.store.location import StoreLocation, StoreUnavailableError, parse_location
from aligner.store.repository import Repository

if TYPE_CHECKING:
    from aligner.store.sqlite import SQLiteStore

DEFAULT_DB = Path("var/verbalign.db")
DB_ENV = "VERBALIGN_DB"


def default_location() -> str:
    """VERBALIGN_DB when set, else var/verbalign.db under the current directory."""
    return os.environ.get(DB_ENV) or str(DEFAULT_DB)


def default_db_path() -> Path:
    """The default location as a path (for a SQLite store; kept for older callers)."""
    return Path(default_location())


def resolve_location(value: str | Path | None = None) -> StoreLocation:
    """`value`, or the default, parsed: backend and target (InputError for a bad URL)."""
    return parse_location(value if value is not None else default_location())


def open_store(location: str | Path | StoreLocation | None = None) -> Repository:
    """Open (creating and migrating as needed) the store at a path or URL, or the default."""
    from aligner.store.location import open_location

    if not isinstance(location, StoreLocation):
        location = resolve_location(location)
    return open_location(location)


def __getattr__(name: str) -> object:
    # SQLiteStore is imported on first use: opening a store by URL must not need it.
    if name == "SQLiteStore":
        from aligner.store.sqlite import SQLiteStore

        return SQLiteStore
    raise AttributeError(name)


__all__ = [
    "DB_ENV",
    "DEFAULT_DB",
    "Repository",
    "SQLiteStore",
    "StoreLocation",
    "StoreUnavailableError",
    "default_db_path",
    "default_location",
    "open_store",
    "resolve_location",
]
