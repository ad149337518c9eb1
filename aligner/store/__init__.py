"""Persistence: aligned records, pairs, corrections, jobs and glossary tables.

`Repository` (repository.py) is the interface; `SQLiteStore` (sqlite.py) the embedded default:
SQLite in WAL mode with an FTS5 trigram index, no server to run. Open one with `open_store()`.

Adding tables from another module: register a migration namespace (see migrations.py), e.g. in
aligner/store/glossary.py

    from aligner.store.migrations import Migration, register_migrations
    register_migrations("glossary", [Migration(1, "what it adds", "CREATE TABLE ...;")])

and list the module in `migrations.EXTENSION_MODULES` (aligner.store.glossary already is) so it
is imported before any database is opened. Such modules reach the database through
`SQLiteStore.read()` (one consistent snapshot) and `SQLiteStore.write()` (BEGIN IMMEDIATE ...
COMMIT, all or nothing).
"""

from __future__ import annotations

import os
from pathlib import Path

from aligner.store.repository import Repository
from aligner.store.sqlite import SQLiteStore

DEFAULT_DB = Path("var/verbalign.db")
DB_ENV = "VERBALIGN_DB"


def default_db_path() -> Path:
    """VERBALIGN_DB when set, else var/verbalign.db under the current directory."""
    return Path(os.environ.get(DB_ENV) or DEFAULT_DB)


def open_store(path: str | Path | None = None) -> SQLiteStore:
    """Open (creating and migrating as needed) the database at `path` or the default."""
    return SQLiteStore(path or default_db_path())


__all__ = ["DB_ENV", "DEFAULT_DB", "Repository", "SQLiteStore", "default_db_path", "open_store"]
