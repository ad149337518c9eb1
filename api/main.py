"""Application factory. Shared resources (settings, store, job runner, embedder) are created
once per app in the lifespan and handed to routes through dependencies (api/deps.py).

Run it with `verbalign serve` (or `uvicorn --factory api.main:create_app`); OpenAPI docs are at
/docs and /redoc, served offline (api/routes/docs.py). The review page at / belongs to
api/routes/review.py.

Middleware, outermost first: security headers on every answer (api/headers.py), gzip for
bodies over 1 KB, ETag and 304 for GETs (api/headers.py), the request-body size limit
(api/uploads.py). Writes check the bearer token before they read a body (TokenFirstRoute).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from fastapi import FastAPI
from starlette.middleware.gzip import GZipMiddleware

from aligner import __version__
from api import errors
from api.headers import ConditionalGet, SecurityHeaders
from api.routes import docs, glossary, jobs, pairs, qa, records, review, score, search, tm
from api.settings import Settings
from api.uploads import BodySizeLimit

if TYPE_CHECKING:
    from aligner.align.embedder import Embedder
    from aligner.store import Repository

# `records` goes last: its /records/{symbol:path} would otherwise swallow other routers'
# /records/{symbol}/... routes (symbols contain slashes).
ROUTERS = (docs, jobs, pairs, search, tm, glossary, qa, score, review, records)


def create_app(
    settings: Settings | None = None,
    *,
    store: Repository | None = None,
    embedder: Embedder | None = None,
) -> FastAPI:
    """`store` and `embedder` may be passed in (the demo reuses the ones it imported with);
    otherwise the lifespan opens the store at settings.db (a path or URL: open_store picks the
    backend) and takes the process-wide embedder."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from aligner.align.embedder import get_embedder
        from aligner.jobs import JobRunner
        from aligner.store import open_store
        from aligner.tm import close_shared_memories

        own_store = store is None
        app.state.settings = settings
        app.state.store = store if store is not None else open_store(settings.db)
        app.state.store.fail_interrupted_jobs()
        app.state.embedder = embedder if embedder is not None else get_embedder(settings.model)
        app.state.runner = JobRunner(app.state.store, workers=settings.job_workers)
        try:
            yield
        finally:
            app.state.runner.shutdown(wait=True)
            close_shared_memories(app.state.store)  # no TM rebuild reading a closed store
            if own_store:
                app.state.store.close()

    app = FastAPI(
        title="verbalign",
        version=__version__,
        summary="Chinese-English alignment, terminology and QA for UN verbatim records.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    errors.install(app)
    # Added innermost first. Two files of the upload limit plus room for the multipart framing.
    app.add_middleware(BodySizeLimit, max_bytes=2 * settings.max_upload_bytes + 1024 * 1024)
    app.add_middleware(ConditionalGet)
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.add_middleware(SecurityHeaders)
    for module in ROUTERS:
        app.include_router(module.router)

    @app.get("/healthz", tags=["service"], summary="Liveness and version")
    def healthz() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    errors.document_errors(app)
    return app
