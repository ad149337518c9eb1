"""The SQLite repository: the embedded default store (stdlib sqlite3, WAL, FTS5 trigram).

`SQLiteStore` is the SQL repository (aligner/store/sql/: records, pairs, corrections, TM
vectors, jobs, glossary, QA reports, bulk load) on one SQLite file: database.py (per-thread
connections, `read()`/`write()` transactions), dialect.py (FTS5 concordance, LIKE),
schema.py (the migrations). Every public method is one transaction: readers see the state
before or after a re-import, never a mix.
"""

from __future__ import annotations

from pathlib import Path

from aligner.store.location import StoreLocation
from aligner.store.sql import SQLRepository
from aligner.store.sqlite.database import SQLiteDatabase
from aligner.store.symbols import record_symbol


class SQLiteStore(SQLiteDatabase, SQLRepository):
    def __init__(self, path: str | Path, *, timeout: float = 30.0) -> None:
        SQLiteDatabase.__init__(self, path, timeout=timeout)
        SQLRepository.__init__(self)

    @property
    def location(self) -> str:
        return str(self.path)


def open_sqlite(location: StoreLocation) -> SQLiteStore:
    assert location.path is not None
    return SQLiteStore(location.path)


__all__ = ["SQLiteStore", "open_sqlite", "record_symbol"]
