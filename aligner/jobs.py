"""Background jobs (imports) with their state persisted in the store.

One worker thread by default: an alignment keeps both cores busy, so running two at once only
makes each slower. A job's progress is written to the `jobs` table (throttled), which is what
`GET /jobs/{id}` reads; the work itself writes nothing until it is complete, so a failed job
leaves no partial record behind. A failed job's `result` holds the error as the API would
answer it (`{"error", "status", "detail"}`, plus what the error knows, e.g. what a refused
re-import would have changed).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, is_dataclass
from typing import Any

from aligner.errors import VerbalignError
from aligner.store.clock import now
from aligner.store.repository import Repository

log = logging.getLogger(__name__)

Progress = Callable[[str, float], None]
Work = Callable[[Progress], Any]
"""The job body: gets a progress callback (stage, fraction 0..1), returns its result
(a dataclass or a JSON-serialisable dict)."""

PROGRESS_INTERVAL = 0.25
"""Seconds between progress writes, unless the stage changes."""


class JobRunner:
    def __init__(self, store: Repository, *, workers: int = 1) -> None:
        self.store = store
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="verbalign-job")
        self._futures: dict[str, Future[None]] = {}
        self._lock = threading.Lock()

    def submit(self, kind: str, params: dict[str, Any], work: Work) -> str:
        job = self.store.create_job(kind, params)
        future = self._pool.submit(self._run, job.id, work)
        with self._lock:
            self._futures[job.id] = future
        return job.id

    def wait(self, job_id: str, timeout: float | None = None) -> None:
        """Block until the job has finished (tests, the CLI)."""
        with self._lock:
            future = self._futures.get(job_id)
        if future is not None:
            future.result(timeout=timeout)

    def shutdown(self, *, wait: bool = True) -> None:
        self._pool.shutdown(wait=wait, cancel_futures=True)

    def _run(self, job_id: str, work: Work) -> None:
        store = self.store
        store.update_job(job_id, status="running", stage="starting", started_at=now())
        last = {"stage": "starting", "at": 0.0}

        def progress(stage: str, fraction: float) -> None:
            t = time.monotonic()
            if stage == last["stage"] and t - last["at"] < PROGRESS_INTERVAL:
                return
            last.update(stage=stage, at=t)
            percent = round(100.0 * min(1.0, max(0.0, fraction)), 1)
            store.update_job(job_id, stage=stage, percent=percent)

        try:
            result = work(progress)
        except VerbalignError as exc:
            details = getattr(exc, "details", None)
            extra = details() if callable(details) else {}
            self._fail(job_id, str(exc), type(exc).__name__, exc.http_status, extra)
            return
        except Exception as exc:  # a bug: keep the server up, say so in the job
            log.exception("job %s failed", job_id)
            self._fail(
                job_id, f"internal error: {type(exc).__name__}: {exc}", "InternalError", 500, {}
            )
            return
        is_record = is_dataclass(result) and not isinstance(result, type)
        payload = asdict(result) if is_record else result
        store.update_job(
            job_id,
            status="succeeded",
            stage="done",
            percent=100.0,
            result=payload,
            finished_at=now(),
        )

    def _fail(
        self, job_id: str, error: str, error_type: str, status: int, extra: dict[str, Any]
    ) -> None:
        self.store.update_job(
            job_id,
            status="failed",
            stage="failed",
            error=error,
            error_type=error_type,
            result={"error": error_type, "status": status, "detail": error, **extra},
            finished_at=now(),
        )
