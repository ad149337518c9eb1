"""QA reports cached in the store, one per version of a record.

A semantic report of a whole record takes tens of seconds (every clause is embedded), so it is
computed once, as a job, and kept in the `qa_reports` table. The key is a digest of everything
the report depends on: the record's pairs as they are now (text, ids, direction), the glossary
entries the term check enforces, the QA version (bumped when a check or a calibration
changes), the checks run, whether the semantic check ran and with which embedding model. A
reviewer's correction, a re-import or a glossary edit therefore gives a new key, and the old
report is never served again. Reports are stored at severity "info"; a request for fewer flags
filters the cached one (RecordReport.at_severity).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from aligner.store.migrations import Migration, register_migrations

if TYPE_CHECKING:
    from aligner.qa.report import RecordReport
    from aligner.store.sqlite import SQLiteStore

_V1 = """
CREATE TABLE qa_reports (
    key        TEXT PRIMARY KEY,
    record_id  INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    semantic   INTEGER NOT NULL,
    qa_version TEXT NOT NULL,
    created_at TEXT NOT NULL,
    report     TEXT NOT NULL
);
CREATE INDEX qa_reports_record ON qa_reports(record_id);
"""

register_migrations("qa", [Migration(1, "QA reports cached per record version", _V1)])

KEEP_PER_RECORD = 8
"""Reports kept per record (other check subsets, with and without the semantic check); the
oldest go first."""


def report_key(
    store: SQLiteStore,
    symbol: str,
    *,
    glossary: Sequence[dict[str, Any]],
    checks: Sequence[str] | None,
    semantic: bool,
    model: str | None,
) -> str:
    """Digest of everything a record's QA report depends on (see the module docstring)."""
    from aligner.qa.report import QA_VERSION

    digest = hashlib.sha256()

    def add(value: Any) -> None:
        digest.update(json.dumps(value, ensure_ascii=False, sort_keys=True, default=str).encode())
        digest.update(b"\n")

    add(
        [
            QA_VERSION,
            symbol,
            sorted(checks) if checks else None,
            semantic,
            model if semantic else None,
        ]
    )
    for row in store.list_pairs(symbol).items:
        add([row.id, row.zh, row.en, row.original, row.zh_turn, row.en_turn])
    for entry in sorted(glossary, key=lambda e: str(e.get("id"))):
        add([entry.get(k) for k in _GLOSSARY_FIELDS])
    return digest.hexdigest()


_GLOSSARY_FIELDS = ("id", "zh", "en", "type", "status", "confidence", "zh_variants", "en_variants")


class ReportCache:
    """The `qa_reports` table of one store."""

    def __init__(self, store: SQLiteStore) -> None:
        self.store = store

    def get(self, key: str) -> RecordReport | None:
        from aligner.qa.report import RecordReport

        with self.store.read() as c:
            row = c.execute("SELECT report FROM qa_reports WHERE key = ?", (key,)).fetchone()
        return None if row is None else RecordReport.from_dict(json.loads(row[0]))

    def put(self, key: str, report: RecordReport) -> None:
        from aligner.qa.report import QA_VERSION
        from aligner.store.sqlite import now

        payload = json.dumps(report.to_dict(), ensure_ascii=False)
        with self.store.write() as c:
            found = c.execute(
                "SELECT id FROM records WHERE symbol = ?", (report.symbol,)
            ).fetchone()
            if found is None:
                return  # the record was deleted while its report was computed
            record_id = int(found[0])
            c.execute(
                "INSERT OR REPLACE INTO qa_reports "
                "(key, record_id, semantic, qa_version, created_at, report) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (key, record_id, int(report.semantic), QA_VERSION, now(), payload),
            )
            c.execute(
                "DELETE FROM qa_reports WHERE record_id = ? AND key NOT IN ("
                "SELECT key FROM qa_reports WHERE record_id = ? "
                "ORDER BY created_at DESC, rowid DESC LIMIT ?)",
                (record_id, record_id, KEEP_PER_RECORD),
            )

    def count(self, symbol: str | None = None) -> int:
        with self.store.read() as c:
            if symbol is None:
                return int(c.execute("SELECT COUNT(*) FROM qa_reports").fetchone()[0])
            return int(
                c.execute(
                    "SELECT COUNT(*) FROM qa_reports JOIN records ON records.id = record_id "
                    "WHERE records.symbol = ?",
                    (symbol,),
                ).fetchone()[0]
            )
