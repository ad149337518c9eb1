"""The SQLite repository: the embedded default store (stdlib sqlite3, WAL, FTS5 trigram).

`SQLiteStore` is the Repository made of one module per concern, all on one database
(database.py: per-thread connections, `read()`/`write()` transactions):
records.py (versions, carry-over), pairs.py (pages, search, TM units), corrections.py,
embeddings.py (TM vectors), jobs.py, glossary.py (`store.glossary`) and qa_cache.py
(`store.qa_reports`). Every public method is one transaction: readers see the state before or
after a re-import, never a mix. The SQL stays in this package; the rules are the
backend-neutral modules' of aligner/store/.
"""

from __future__ import annotations

from pathlib import Path

from aligner.store.glossary import GlossaryRepository
from aligner.store.location import StoreLocation
from aligner.store.qa_reports import QAReportCache
from aligner.store.repository import Repository
from aligner.store.sqlite.corrections import Corrections
from aligner.store.sqlite.database import SQLiteDatabase
from aligner.store.sqlite.embeddings import Embeddings
from aligner.store.sqlite.glossary import SQLiteGlossary
from aligner.store.sqlite.jobs import Jobs
from aligner.store.sqlite.pairs import PairReads
from aligner.store.sqlite.qa_cache import SQLiteQAReports
from aligner.store.sqlite.records import Records
from aligner.store.symbols import record_symbol


class SQLiteStore(Records, PairReads, Corrections, Embeddings, Jobs, Repository):
    def __init__(self, path: str | Path, *, timeout: float = 30.0) -> None:
        SQLiteDatabase.__init__(self, path, timeout=timeout)
        self._glossary = SQLiteGlossary(self)
        self._qa_reports = SQLiteQAReports(self)

    @property
    def location(self) -> str:
        return str(self.path)

    @property
    def glossary(self) -> GlossaryRepository:
        return self._glossary

    @property
    def qa_reports(self) -> QAReportCache:
        return self._qa_reports


def open_sqlite(location: StoreLocation) -> SQLiteStore:
    assert location.path is not None
    return SQLiteStore(location.path)


__all__ = ["SQLiteStore", "open_sqlite", "record_symbol"]
