"""Background jobs (imports, QA reports): stage, percent, and the result or the error.

The list needs the token: it shows every upload's file names and hashes. One job is open to
whoever has its id (32 random hex digits, handed out only to the client that started it), so
the review page can follow a QA job without a token.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel

from aligner.store.rows import JobRow
from api.deps import StoreDep, TokenFirstRoute, TokenRequired

router = APIRouter(tags=["jobs"], route_class=TokenFirstRoute)


class JobList(BaseModel):
    items: list[JobRow]


@router.get(
    "/jobs",
    response_model=JobList,
    dependencies=[TokenRequired],
    summary="Recent jobs, newest first (needs the token)",
)
def list_jobs(store: StoreDep, limit: Annotated[int, Query(ge=1, le=200)] = 50) -> JobList:
    return JobList(items=store.list_jobs(limit=limit))


@router.get("/jobs/{job_id}", response_model=JobRow, summary="A job's progress and outcome")
def get_job(store: StoreDep, job_id: Annotated[str, Path(max_length=64)]) -> JobRow:
    """`status` is queued, running, succeeded or failed; `stage` and `percent` show progress;
    `result` holds the imported symbol and pair count, `error` the reason of a failure."""
    return store.get_job(job_id)
