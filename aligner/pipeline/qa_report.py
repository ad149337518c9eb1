"""A stored record's QA report, cached in the store: the one path `verbalign qa SYMBOL` and
`GET /records/{symbol}/qa` take.

`prepare_report` works out the cache key (aligner/qa/cache.py) and looks the report up;
`PreparedReport.compute` runs the checks (aligner/qa, on the pairs read through the
Repository) and caches the result. The CLI computes at once; the API computes a semantic report
in a background job (it takes tens of seconds) and a rule-only one in the request.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aligner.store.repository import Repository

if TYPE_CHECKING:
    from aligner.qa.report import RecordReport

Progress = Callable[[str, float], None]


@dataclass
class PreparedReport:
    store: Repository
    symbol: str
    key: str
    glossary: list[dict[str, Any]]
    checks: list[str] | None
    semantic: bool
    embedder: Any
    cached: RecordReport | None
    """The stored report for this key, if there is one."""

    def compute(self, progress: Progress | None = None) -> RecordReport:
        """Check every pair (severity "info": the cache keeps every flag) and cache it."""
        from aligner.qa.entities import default_index
        from aligner.qa.report import QA_VERSION, record_report

        report = record_report(
            self.store,
            self.symbol,
            entities=default_index(self.glossary),
            embedder=self.embedder if self.semantic else None,
            checks=self.checks,
            min_severity="info",
            progress=progress,
        )
        self.store.qa_reports.put(
            self.key, self.symbol, report.to_dict(), semantic=report.semantic, qa_version=QA_VERSION
        )
        return report

    def get(self, progress: Progress | None = None, *, fresh: bool = False) -> RecordReport:
        """The cached report, or a new one (always a new one when `fresh`)."""
        if self.cached is not None and not fresh:
            return self.cached
        return self.compute(progress)


def prepare_report(
    store: Repository,
    symbol: str,
    *,
    checks: Sequence[str] | None = None,
    semantic: bool = False,
    embedder: Any = None,
) -> PreparedReport:
    """The report's key and cached copy. Raises NotFoundError for an unknown record and
    InputError for an unknown check, before any work."""
    from aligner.qa.cache import report_key
    from aligner.qa.check import build_checks
    from aligner.qa.glossary_source import glossary_rows
    from aligner.qa.report import RecordReport

    record_symbol = store.get_record(symbol).symbol
    names = list(checks) if checks is not None else None
    if names is not None:
        build_checks(names)
    glossary = glossary_rows(store, record_symbol)  # the record's own glossary
    key = report_key(
        symbol,
        store.list_pairs(symbol).items,
        glossary=glossary,
        checks=names,
        semantic=semantic,
        model=getattr(embedder, "name", None) if semantic else None,
    )
    stored = store.qa_reports.get(key)
    cached = None if stored is None else RecordReport.from_dict(stored)
    return PreparedReport(store, symbol, key, glossary, names, semantic, embedder, cached)
