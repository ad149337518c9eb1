"""The repository interface: the only way into a store, for the pipeline, API, CLI, exports,
QA and the TM.

A backend is one class implementing these methods (with `glossary` and `qa_reports`, the
interfaces in glossary.py and qa_reports.py) plus its migrations; aligner/store/location.py
maps a database URL to it. Open a store with `aligner.store.open_store(path_or_url)`.

Every method is one transaction: a reader never sees a record half-written by a concurrent
re-import, and a failed write leaves nothing behind. The rules shared by every backend live in
backend-neutral modules: corrections.py (what a merge, split or re-link does), carry_over.py
and versioning.py (what a re-import keeps, and when it is refused), glossary.py.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Any

import numpy as np

from aligner.models import Record, RecordAlignment
from aligner.store.bulk import CorpusRecord, LoadCounts
from aligner.store.glossary import GlossaryRepository
from aligner.store.qa_reports import QAReportCache
from aligner.store.rows import (
    Correction,
    CorrectionRow,
    JobRow,
    Page,
    PairFilter,
    PairRow,
    RecordDetail,
    RecordSummary,
    RecordVersionDetail,
    SaveResult,
    SearchHit,
    VersionSummary,
)
from aligner.store.versioning import MAX_SHRINK


class Repository(ABC):
    @property
    @abstractmethod
    def location(self) -> str:
        """Where the data lives, for messages (a path, or a URL without its password)."""

    @property
    @abstractmethod
    def glossary(self) -> GlossaryRepository: ...

    @property
    @abstractmethod
    def qa_reports(self) -> QAReportCache: ...

    # records -----------------------------------------------------------------------------
    @abstractmethod
    def save_alignment(
        self,
        alignment: RecordAlignment,
        *,
        force: bool = False,
        max_shrink: float = MAX_SHRINK,
    ) -> SaveResult:
        """Store a record pair and its alignment as the record's next version, in one step.

        The same symbol with the same source hashes is "unchanged" unless `force`. Otherwise
        the stored version is archived and reviewed pairs are carried over by text
        (carry_over.py). Without `force`, raises versioning.ReimportRefused, writing nothing,
        when reviewed pairs would be left behind or the record would shrink by more than
        `max_shrink`. Pairs that keep exactly the same sentences keep their ids.
        """

    @abstractmethod
    def update_sources(self, symbol: str, zh: Record, en: Record) -> SaveResult:
        """New source files whose parsed content (versioning.content_digest) equals the stored
        version's: a new version with the new files' names and hashes and the same pairs."""

    @abstractmethod
    def find_symbol_by_sources(self, zh_sha256: str, en_sha256: str) -> str | None:
        """The symbol already stored from exactly these two source files, if any."""

    @abstractmethod
    def list_records(self) -> list[RecordSummary]: ...

    @abstractmethod
    def get_record(self, symbol: str) -> RecordDetail:
        """Raises NotFoundError."""

    @abstractmethod
    def delete_record(self, symbol: str) -> None:
        """Delete the record with every version, pair and correction. Raises NotFoundError."""

    @abstractmethod
    def sentences(self, symbol: str, language: str) -> list[dict[str, Any]]:
        """The record's sentences of one language in reading order: id, turn, paragraph, idx,
        text."""

    # versions ----------------------------------------------------------------------------
    @abstractmethod
    def list_versions(self, symbol: str) -> list[VersionSummary]:
        """Every version of the record, oldest first; the last is the current one."""

    @abstractmethod
    def get_version(self, symbol: str, version: int) -> RecordVersionDetail:
        """One version with its pairs as they were stored. Raises NotFoundError."""

    # pairs -------------------------------------------------------------------------------
    @abstractmethod
    def list_pairs(
        self,
        symbol: str,
        filters: PairFilter | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
    ) -> Page[PairRow]:
        """Pairs of one record in reading order; `limit=None` returns all of them."""

    @abstractmethod
    def get_pair(self, pair_id: int) -> PairRow:
        """Raises NotFoundError."""

    @abstractmethod
    def correct_pair(self, pair_id: int, correction: Correction) -> list[PairRow]:
        """Apply a reviewer's correction (corrections.py); returns the pairs it created or
        changed, the reviewer's own first."""

    @abstractmethod
    def corrections(
        self, *, symbol: str | None = None, pair_id: int | None = None
    ) -> list[CorrectionRow]:
        """Correction history, oldest first, including corrections a re-import could not
        carry over (state "not-carried")."""

    # concordance -------------------------------------------------------------------------
    @abstractmethod
    def search(
        self,
        query: str,
        *,
        lang: str | None = None,
        symbol: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> Page[SearchHit]:
        """Substring search over both languages' matching forms (Simplified/Traditional-blind)."""

    # translation memory ------------------------------------------------------------------
    @abstractmethod
    def tm_units(self, source_lang: str, *, symbol: str | None = None) -> list[PairRow]:
        """Pairs usable as TM units: both sides non-empty, not rejected."""

    @abstractmethod
    def get_embeddings(
        self, model: str, language: str, pair_ids: list[int]
    ) -> dict[int, np.ndarray]:
        """Stored, current (text unchanged) vectors of these pairs' `language` side."""

    @abstractmethod
    def put_embeddings(
        self, model: str, language: str, vectors: dict[int, tuple[str, np.ndarray]]
    ) -> None:
        """Store vectors as {pair_id: (the text embedded, vector)}."""

    @abstractmethod
    def data_version(self) -> int:
        """A number that changes whenever pairs change (for caches such as the TM index)."""

    # bulk load ---------------------------------------------------------------------------
    @abstractmethod
    def load_corpus(self, records: Sequence[CorpusRecord]) -> LoadCounts:
        """Add records of a built corpus with their pairs (bulk.py), in one transaction. A
        record whose symbol is stored already is skipped whole: loading twice adds nothing."""

    # jobs --------------------------------------------------------------------------------
    @abstractmethod
    def create_job(self, kind: str, params: dict[str, Any]) -> JobRow: ...

    @abstractmethod
    def update_job(self, job_id: str, **fields: Any) -> None:
        """Set any of status, stage, percent, result, error, error_type, started_at,
        finished_at."""

    @abstractmethod
    def get_job(self, job_id: str) -> JobRow:
        """Raises NotFoundError."""

    @abstractmethod
    def list_jobs(self, *, limit: int = 50) -> list[JobRow]: ...

    @abstractmethod
    def fail_interrupted_jobs(self) -> int:
        """Mark jobs left queued/running by a previous process as failed; returns how many."""

    @abstractmethod
    def close(self) -> None: ...
