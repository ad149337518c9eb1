"""QA reports cached behind the Repository (`store.qa_reports`).

A semantic QA report of a whole record takes tens of seconds, so it is kept once computed.
The key is a digest of everything the report depends on (aligner/qa/cache.py: the record's
pairs, the glossary, the QA version, the checks, the model), so a correction, a re-import or a
glossary edit gives a new key and an old report is never served again. The store holds the
report as JSON and knows nothing of its shape.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

KEEP_PER_RECORD = 8
"""Reports kept per record (other check subsets, with and without the semantic check); the
oldest go first."""


class QAReportCache(ABC):
    @abstractmethod
    def get(self, key: str) -> dict[str, Any] | None:
        """The report stored under `key`, as the JSON object it was put as."""

    @abstractmethod
    def put(
        self, key: str, symbol: str, report: dict[str, Any], *, semantic: bool, qa_version: str
    ) -> bool:
        """Keep `report` for record `symbol` (pruning the record's oldest beyond
        KEEP_PER_RECORD); False when the record is gone (deleted while the report ran)."""

    @abstractmethod
    def count(self, symbol: str | None = None) -> int:
        """Reports kept, for one record or in all."""
