"""QA report of a stored record: GET /records/{symbol}/qa (JSON, ?format=tsv or ?format=html).

The report checks every pair (numbers, dates, symbols, terms and countries, negation,
untranslated text, omissions/additions, unaligned sentences, term consistency).

- `semantic=false` (the default): the rule-based checks only, computed in the request (a
  second or two for a whole record) — 200 with the report.
- `semantic=true`: also the embedding-based omission/addition check, which takes tens of
  seconds, so it runs as a job: 202 with `{"job_id", "status_url", ...}` (and a Location
  header) while the report is not ready — poll `GET /jobs/{id}` for stage and percent, then ask
  again — and 200 with the report once it is. A second request while the job runs gets the same
  job, not a new one.

Either report is cached in the store per version of the record (aligner/pipeline/qa_report.py,
the path `verbalign qa SYMBOL` takes too), so a reviewer's correction, a re-import or a
glossary change gives a fresh report.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response

from aligner.errors import InputError
from api.deps import EmbedderDep, RunnerDep, StoreDep
from api.headers import INLINE_STYLE_CSP

if TYPE_CHECKING:
    from aligner.pipeline.qa_report import PreparedReport
    from aligner.qa.report import RecordReport

router = APIRouter(tags=["qa"])

_lock = threading.Lock()
JOB_KIND = "qa-report"


def _checks(spec: str | None) -> list[str] | None:
    from aligner.qa.check import build_checks

    if spec is None:
        return None
    names = [c.strip() for c in spec.split(",") if c.strip()]
    if not names:
        raise InputError("checks is empty")
    build_checks(names)  # unknown names: 422 before any work
    return names


@router.get(
    "/records/{symbol:path}/qa",
    summary="QA report of a record: flags per pair with type, severity, message and spans",
    responses={
        200: {
            "description": "The report",
            "content": {"application/json": {}, "text/tab-separated-values": {}, "text/html": {}},
        },
        202: {
            "description": "semantic=true and the report is being computed: poll status_url",
            "content": {"application/json": {}},
        },
    },
)
def record_qa(
    request: Request,
    store: StoreDep,
    embedder: EmbedderDep,
    runner: RunnerDep,
    symbol: str,
    format: Annotated[Literal["json", "tsv", "html"], Query()] = "json",
    min_severity: Annotated[Literal["error", "warning", "info"], Query()] = "info",
    semantic: Annotated[
        bool,
        Query(
            description="Also run the embedding-based omission/addition check (a job: 202 "
            "with a job id until the report is ready)"
        ),
    ] = False,
    checks: Annotated[
        str | None, Query(max_length=200, description="Comma-separated subset of checks")
    ] = None,
) -> Response:
    from aligner.pipeline.qa_report import prepare_report

    prepared = prepare_report(
        store,
        symbol,
        checks=_checks(checks),
        semantic=semantic,
        embedder=embedder if semantic else None,
    )  # 404 and 422 before any work
    report = prepared.cached
    if report is None:
        if semantic:
            return _pending(request, runner, store, prepared)
        report = prepared.compute()
    return _render(report.at_severity(min_severity), format)


def _pending(request: Request, runner: Any, store: Any, prepared: PreparedReport) -> JSONResponse:
    """202 with the job computing this report: the one already running, or a new one."""
    jobs: dict[str, str] = request.app.state.__dict__.setdefault("qa_jobs", {})
    key, symbol = prepared.key, prepared.symbol
    with _lock:
        job_id = jobs.get(key)
        if job_id is None or store.get_job(job_id).status in ("succeeded", "failed"):
            # a finished job whose report is not in the cache failed or was pruned: run again

            def work(progress: Any) -> dict[str, Any]:
                summary = prepared.compute(progress).summary()
                return {"symbol": symbol, "semantic": True, "report_key": key, **summary}

            params = {"symbol": symbol, "semantic": True, "checks": prepared.checks}
            job_id = jobs[key] = runner.submit(JOB_KIND, params, work)
    job = store.get_job(job_id)
    status_url = f"/jobs/{job_id}"
    return JSONResponse(
        {
            "job_id": job_id,
            "status": job.status,
            "stage": job.stage,
            "percent": job.percent,
            "status_url": status_url,
            "detail": "the semantic QA report is being computed: poll status_url, then ask "
            "for the report again",
        },
        status_code=202,
        headers={"Location": status_url},
    )


def _render(report: RecordReport, format: str) -> Response:
    from aligner.qa.report import to_html, to_tsv

    if format == "tsv":
        return PlainTextResponse(to_tsv(report), media_type="text/tab-separated-values")
    if format == "html":
        # the report is one self-contained page with a <style> block and no script
        return HTMLResponse(to_html(report), headers={"Content-Security-Policy": INLINE_STYLE_CSP})
    return JSONResponse(report.to_dict())
