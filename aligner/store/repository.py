"""The repository interface: everything the API, CLI, exports and TM need from a store.

SQLite (sqlite.py) is the implementation; a server database would implement the same methods.
Every method is one transaction: a reader never sees a record half-written by a concurrent
re-alignment, and a failed write leaves nothing behind.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

import numpy as np

from aligner.models import RecordAlignment
from aligner.store.rows import (
    Correction,
    CorrectionRow,
    JobRow,
    Page,
    PairFilter,
    PairRow,
    RecordDetail,
    RecordSummary,
    SaveResult,
    SearchHit,
)


class Repository(ABC):
    # records -----------------------------------------------------------------------------
    @abstractmethod
    def save_alignment(self, alignment: RecordAlignment, *, force: bool = False) -> SaveResult:
        """Store a record pair and its alignment, replacing any earlier version in one step.

        Idempotent: the same symbol with the same source hashes is "unchanged" unless `force`.
        Pairs that keep exactly the same sentences keep their ids (glossary contexts and
        correction history stay attached); the others are replaced.
        """

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
        """Raises NotFoundError."""

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
        """Apply a reviewer's correction; returns the pairs it created or changed."""

    @abstractmethod
    def corrections(
        self, *, symbol: str | None = None, pair_id: int | None = None
    ) -> list[CorrectionRow]: ...

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
