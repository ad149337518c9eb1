"""The repository in SQL, once for every SQL backend (SQLite, PostgreSQL).

`SQLRepository` is the Repository made of one module per concern: records.py (versions,
carry-over), pairs.py (pages, concordance, TM units), corrections.py, embeddings.py (TM
vectors), jobs.py, bulk.py (loading a built corpus), glossary.py (`store.glossary`) and
qa_cache.py (`store.qa_reports`). It runs on any `SQLDatabase` (database.py): a backend
class inherits both, and brings its connections, its dialect and its migrations. The rules
are the backend-neutral modules' of aligner/store/.
"""

from __future__ import annotations

from aligner.store.glossary import GlossaryRepository
from aligner.store.qa_reports import QAReportCache
from aligner.store.repository import Repository
from aligner.store.sql.bulk import BulkLoad
from aligner.store.sql.corrections import Corrections
from aligner.store.sql.embeddings import Embeddings
from aligner.store.sql.glossary import SQLGlossary
from aligner.store.sql.jobs import Jobs
from aligner.store.sql.pairs import PairReads
from aligner.store.sql.qa_cache import SQLQAReports
from aligner.store.sql.records import Records


class SQLRepository(Records, PairReads, Corrections, Embeddings, Jobs, BulkLoad, Repository):
    """Needs a SQLDatabase base before it in the backend class's bases."""

    def __init__(self) -> None:
        self._glossary = SQLGlossary(self)
        self._qa_reports = SQLQAReports(self)

    @property
    def glossary(self) -> GlossaryRepository:
        return self._glossary

    @property
    def qa_reports(self) -> QAReportCache:
        return self._qa_reports


__all__ = ["SQLRepository"]
