"""Background jobs' state (aligner/jobs.py runs them): status, stage, percent, result."""

from __future__ import annotations

import json
import uuid
from typing import Any

from aligner.errors import NotFoundError
from aligner.store.clock import now
from aligner.store.limits import check_page
from aligner.store.rows import JOB_STATUSES, JobRow
from aligner.store.sql.database import SQLDatabase, from_row

_JOB_FIELDS = {
    "status",
    "stage",
    "percent",
    "result",
    "error",
    "error_type",
    "started_at",
    "finished_at",
}


def _job(r: Any) -> JobRow:
    return from_row(JobRow, r, json_fields=("params", "result"))


class Jobs(SQLDatabase):
    def create_job(self, kind: str, params: dict[str, Any]) -> JobRow:
        job_id = uuid.uuid4().hex
        stamp = now()
        with self.write() as c:
            c.execute(
                "INSERT INTO jobs (id, kind, status, stage, percent, params, created_at, "
                "updated_at) VALUES (?, ?, 'queued', 'queued', 0, ?, ?, ?)",
                (job_id, kind, json.dumps(params, ensure_ascii=False), stamp, stamp),
            )
            return _job(c.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone())

    def update_job(self, job_id: str, **fields: Any) -> None:
        unknown = set(fields) - _JOB_FIELDS
        if unknown:
            raise ValueError(f"unknown job fields: {sorted(unknown)}")
        if "status" in fields and fields["status"] not in JOB_STATUSES:
            raise ValueError(f"unknown job status {fields['status']!r}")
        if "result" in fields and fields["result"] is not None:
            fields["result"] = json.dumps(fields["result"], ensure_ascii=False)
        sets = ", ".join(f"{k} = ?" for k in fields)
        with self.write() as c:
            c.execute(
                f"UPDATE jobs SET {sets}, updated_at = ? WHERE id = ?",
                [*fields.values(), now(), job_id],
            )

    def get_job(self, job_id: str) -> JobRow:
        with self.read() as c:
            row = c.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no job {job_id!r}")
        return _job(row)

    def list_jobs(self, *, limit: int = 50) -> list[JobRow]:
        check_page(limit, 0)
        with self.read() as c:
            rows = c.execute(
                "SELECT * FROM jobs ORDER BY created_at DESC, rowid DESC LIMIT ?", (limit,)
            ).fetchall()
        return [_job(r) for r in rows]

    def fail_interrupted_jobs(self) -> int:
        stamp = now()
        with self.write() as c:
            return c.execute(
                "UPDATE jobs SET status = 'failed', error = 'interrupted: the server stopped "
                "before the job finished', error_type = 'Interrupted', finished_at = ?, "
                "updated_at = ? WHERE status IN ('queued', 'running')",
                (stamp, stamp),
            ).rowcount
