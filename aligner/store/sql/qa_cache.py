"""QA reports cached in SQL (`store.qa_reports`): see aligner/store/qa_reports.py."""

from __future__ import annotations

import json
from typing import Any

from aligner.store.clock import now
from aligner.store.qa_reports import KEEP_PER_RECORD, QAReportCache
from aligner.store.sql.database import SQLDatabase


class SQLQAReports(QAReportCache):
    def __init__(self, db: SQLDatabase) -> None:
        self.db = db

    def get(self, key: str) -> dict[str, Any] | None:
        with self.db.read() as c:
            row = c.execute("SELECT report FROM qa_reports WHERE key = ?", (key,)).fetchone()
        return None if row is None else json.loads(row[0])

    def put(
        self, key: str, symbol: str, report: dict[str, Any], *, semantic: bool, qa_version: str
    ) -> bool:
        payload = json.dumps(report, ensure_ascii=False)
        with self.db.write() as c:
            found = c.execute("SELECT id FROM records WHERE symbol = ?", (symbol,)).fetchone()
            if found is None:
                return False
            record_id = int(found[0])
            # Replaced, not updated: a report put again counts as the newest.
            c.execute("DELETE FROM qa_reports WHERE key = ?", (key,))
            c.execute(
                "INSERT INTO qa_reports "
                "(key, record_id, semantic, qa_version, created_at, report) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (key, record_id, int(semantic), qa_version, now(), payload),
            )
            c.execute(
                "DELETE FROM qa_reports WHERE record_id = ? AND key NOT IN ("
                "SELECT key FROM qa_reports WHERE record_id = ? "
                "ORDER BY created_at DESC, rowid DESC LIMIT ?)",
                (record_id, record_id, KEEP_PER_RECORD),
            )
        return True

    def count(self, symbol: str | None = None) -> int:
        with self.db.read() as c:
            if symbol is None:
                return int(c.execute("SELECT COUNT(*) FROM qa_reports").fetchone()[0])
            return int(
                c.execute(
                    "SELECT COUNT(*) FROM qa_reports JOIN records ON records.id = record_id "
                    "WHERE records.symbol = ?",
                    (symbol,),
                ).fetchone()[0]
            )
