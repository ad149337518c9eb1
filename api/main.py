"""Application factory. Shared resources (settings, store, embedder) are created
once per app in the lifespan and handed to routes through dependencies (api/deps.py)."""

from __future__ import annotations

from fastapi import FastAPI

from aligner import __version__
from api.routes import glossary, jobs, pairs, qa, records, review, score, search, tm


def create_app() -> FastAPI:
    app = FastAPI(title="verbalign", version=__version__)
    for module in (records, jobs, pairs, search, tm, glossary, qa, score, review):
        app.include_router(module.router)
    return app
