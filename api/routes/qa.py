"""QA report of a stored record: GET /records/{symbol}/qa (JSON, ?format=tsv or ?format=html).

The report checks every pair (numbers, dates, symbols, terms and countries, negation,
untranslated text, omissions/additions, unaligned sentences, term consistency). It is cached
per record version, so a reviewer's correction or a re-alignment gives a fresh report.
"""

from __future__ import annotations

import threading
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response

from aligner.errors import InputError
from api.deps import EmbedderDep, StoreDep

router = APIRouter(tags=["qa"])

_lock = threading.Lock()
_CACHE_SIZE = 16


def _cached_report(request: Request, key: tuple[Any, ...], compute: Any) -> Any:
    cache: dict[tuple[Any, ...], Any] = request.app.state.__dict__.setdefault("qa_reports", {})
    with _lock:
        if key in cache:
            return cache[key]
    report = compute()
    with _lock:
        if len(cache) >= _CACHE_SIZE:
            cache.pop(next(iter(cache)))
        cache[key] = report
    return report


@router.get(
    "/records/{symbol:path}/qa",
    summary="QA report of a record: flags per pair with type, severity, message and spans",
    responses={
        200: {"content": {"application/json": {}, "text/tab-separated-values": {}, "text/html": {}}}
    },
)
def record_qa(
    request: Request,
    store: StoreDep,
    embedder: EmbedderDep,
    symbol: str,
    format: Annotated[Literal["json", "tsv", "html"], Query()] = "json",
    min_severity: Annotated[Literal["error", "warning", "info"], Query()] = "info",
    semantic: Annotated[bool, Query(description="Run the embedding-based omission check")] = True,
    checks: Annotated[
        str | None, Query(max_length=200, description="Comma-separated subset of checks")
    ] = None,
) -> Response:
    from aligner.qa.glossary_source import glossary_rows
    from aligner.qa.report import QA_VERSION, record_report, to_html, to_tsv

    names = None
    if checks is not None:
        names = [c.strip() for c in checks.split(",") if c.strip()]
        if not names:
            raise InputError("checks is empty")
    store.get_record(symbol)  # 404 before any work
    glossary = glossary_rows(store)
    key = (
        id(store),
        symbol,
        store.data_version(),
        len(glossary),
        QA_VERSION,
        semantic,
        tuple(names or ()),
        min_severity,
    )

    def compute() -> Any:
        from aligner.qa.entities import default_index

        return record_report(
            store,
            symbol,
            entities=default_index(glossary),
            embedder=embedder if semantic else None,
            checks=names,
            min_severity=min_severity,
        )

    report = _cached_report(request, key, compute)
    if format == "tsv":
        return PlainTextResponse(to_tsv(report), media_type="text/tab-separated-values")
    if format == "html":
        return HTMLResponse(to_html(report))
    return JSONResponse(report.to_dict())
