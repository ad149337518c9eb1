"""Background jobs: progress, results and errors persisted where GET /jobs/{id} reads them."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pytest

from aligner.errors import NotFoundError, NoTurnsError
from aligner.jobs import JobRunner, Progress
from aligner.store import Repository


@dataclass
class Outcome:
    symbol: str
    pairs: int


def test_a_job_reports_progress_then_its_result(store: Repository) -> None:
    runner = JobRunner(store)
    release = threading.Event()
    midway = threading.Event()

    def work(progress: Progress) -> Outcome:
        progress("parse", 0.1)
        progress("align", 0.5)
        midway.set()
        release.wait(10)
        return Outcome("S/PV.1", 12)

    job_id = runner.submit("import", {"zh": "a.txt"}, work)
    assert midway.wait(10)
    running = store.get_job(job_id)
    assert (running.status, running.stage, running.percent) == ("running", "align", 50.0)
    assert running.started_at and running.params == {"zh": "a.txt"}
    release.set()
    runner.wait(job_id, timeout=10)
    done = store.get_job(job_id)
    assert (done.status, done.stage, done.percent) == ("succeeded", "done", 100.0)
    assert done.result == {"symbol": "S/PV.1", "pairs": 12}
    assert done.finished_at and done.error is None
    runner.shutdown()


def test_a_failing_job_keeps_the_reason(store: Repository) -> None:
    runner = JobRunner(store)

    def bad_input(progress: Progress) -> Outcome:
        raise NoTurnsError("no speaker turns found")

    def bug(progress: Progress) -> Outcome:
        return {}["missing"]

    first = runner.submit("import", {}, bad_input)
    second = runner.submit("import", {}, bug)
    runner.wait(first, timeout=10)
    runner.wait(second, timeout=10)
    failed = store.get_job(first)
    assert (failed.status, failed.error, failed.error_type) == (
        "failed",
        "no speaker turns found",
        "NoTurnsError",
    )
    crashed = store.get_job(second)
    assert crashed.status == "failed" and crashed.error_type == "InternalError"
    assert [j.id for j in store.list_jobs()] == [second, first]
    runner.shutdown()


def test_jobs_left_running_by_a_dead_process_are_marked_failed(store: Repository) -> None:
    job = store.create_job("import", {})
    store.update_job(job.id, status="running", stage="align")
    assert store.fail_interrupted_jobs() == 1
    assert store.get_job(job.id).status == "failed"
    assert "interrupted" in (store.get_job(job.id).error or "")


def test_unknown_jobs_and_fields(store: Repository) -> None:
    with pytest.raises(NotFoundError):
        store.get_job("f" * 32)
    job = store.create_job("import", {})
    with pytest.raises(ValueError):
        store.update_job(job.id, owner="x")
    with pytest.raises(ValueError):
        store.update_job(job.id, status="paused")
