"""Shared resources for the routes, created once per app in its lifespan (api/main.py).

Routes take them as dependencies, so tests swap them with `app.dependency_overrides`
(e.g. `app.dependency_overrides[get_embedder] = lambda: HashingEmbedder()`).
"""

from __future__ import annotations

import secrets
import threading
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from aligner.align.embedder import Embedder
from aligner.jobs import JobRunner
from aligner.store import SQLiteStore
from aligner.tm import TranslationMemory
from api.settings import Settings

_bearer = HTTPBearer(auto_error=False, description="VERBALIGN_TOKEN")


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_store(request: Request) -> SQLiteStore:
    return request.app.state.store


def get_runner(request: Request) -> JobRunner:
    return request.app.state.runner


def get_embedder(request: Request) -> Embedder:
    """The process-wide embedder (the model itself loads on first use, not here)."""
    return request.app.state.embedder


_tm_lock = threading.Lock()


def get_tm(
    request: Request,
    store: Annotated[SQLiteStore, Depends(get_store)],
    embedder: Annotated[Embedder, Depends(get_embedder)],
) -> TranslationMemory:
    """One TranslationMemory per (store, embedder), so its index cache survives requests."""
    memories: dict[tuple[int, int], TranslationMemory] = request.app.state.memories
    key = (id(store), id(embedder))
    with _tm_lock:
        tm = memories.get(key)
        if tm is None:
            tm = memories[key] = TranslationMemory(store, embedder)
    return tm


def require_token(
    settings: Annotated[Settings, Depends(get_settings)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Writes need `Authorization: Bearer <VERBALIGN_TOKEN>`."""
    expected = settings.token_value
    if not expected:
        raise HTTPException(403, "writes are disabled: the server was started without a token")
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise HTTPException(
            401, "this write needs Authorization: Bearer <token>",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if not secrets.compare_digest(credentials.credentials.encode(), expected.encode()):
        raise HTTPException(401, "invalid token", headers={"WWW-Authenticate": "Bearer"})


StoreDep = Annotated[SQLiteStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
RunnerDep = Annotated[JobRunner, Depends(get_runner)]
EmbedderDep = Annotated[Embedder, Depends(get_embedder)]
TmDep = Annotated[TranslationMemory, Depends(get_tm)]
WriteAccess = Depends(require_token)
