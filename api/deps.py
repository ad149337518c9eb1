"""Shared resources for the routes, created once per app in its lifespan (api/main.py), and the
parameter declarations several routes share.

Routes take the resources as dependencies, so tests swap them with `app.dependency_overrides`
(e.g. `app.dependency_overrides[get_embedder] = lambda: HashingEmbedder()`). The parameters
carry the store's bounds (aligner/store/limits.py, aligner/store/symbols.py) so that /openapi.json
states them and a request outside them is a 422, never an error deep in the database.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Path, Query, Request, Response
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from aligner.align.embedder import Embedder
from aligner.jobs import JobRunner
from aligner.store import Repository
from aligner.store.limits import MAX_OFFSET, MAX_ROW_ID, MAX_TURN
from aligner.store.symbols import MAX_SYMBOL_CHARS, SYMBOL_PATTERN
from aligner.tm import TranslationMemory, shared_memory
from api.settings import Settings

_bearer = HTTPBearer(auto_error=False, description="VERBALIGN_TOKEN")


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_store(request: Request) -> Repository:
    return request.app.state.store


def get_runner(request: Request) -> JobRunner:
    return request.app.state.runner


def get_embedder(request: Request) -> Embedder:
    """The process-wide embedder (the model itself loads on first use, not here)."""
    return request.app.state.embedder


def get_tm(
    store: Annotated[Repository, Depends(get_store)],
    embedder: Annotated[Embedder, Depends(get_embedder)],
) -> TranslationMemory:
    """The process-wide TranslationMemory of this store and model: its index survives
    requests, and an import's refresh() (run by the job) updates the one look-ups read."""
    return shared_memory(store, embedder)


def check_token(settings: Settings, authorization: str | None) -> None:
    """`authorization` (the header's value) must be `Bearer <VERBALIGN_TOKEN>`."""
    expected = settings.token_value
    if not expected:
        raise HTTPException(403, "writes are disabled: the server was started without a token")
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise HTTPException(
            401,
            "this needs Authorization: Bearer <token>",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if not secrets.compare_digest(token.strip().encode(), expected.encode()):
        raise HTTPException(401, "invalid token", headers={"WWW-Authenticate": "Bearer"})


def require_token(
    request: Request,
    settings: Annotated[Settings, Depends(get_settings)],
    _credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Writes, and reads of what uploads left (/jobs), need `Authorization: Bearer <token>`.
    (`_credentials` only declares the bearer scheme in the OpenAPI schema.) Routes of a
    TokenFirstRoute router have checked this before their body was read."""
    check_token(settings, request.headers.get("authorization"))


def needs_token(dependant: Dependant) -> bool:
    return any(d.call is require_token or needs_token(d) for d in dependant.dependencies)


class TokenFirstRoute(APIRoute):
    """A route that checks the bearer token before it reads the request body.

    FastAPI reads the whole body (a multipart upload is parsed and spooled to disk) before it
    solves dependencies, so with a plain route a request without the token still costs the
    server the upload. Routers with writes use this class (`APIRouter(route_class=...)`)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()
        if not needs_token(self.dependant):
            return handler

        async def token_first(request: Request) -> Response:
            check_token(request.app.state.settings, request.headers.get("authorization"))
            return await handler(request)

        return token_first


StoreDep = Annotated[Repository, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
RunnerDep = Annotated[JobRunner, Depends(get_runner)]
EmbedderDep = Annotated[Embedder, Depends(get_embedder)]
TmDep = Annotated[TranslationMemory, Depends(get_tm)]
TokenRequired = Depends(require_token)
WriteAccess = TokenRequired

SymbolPath = Annotated[
    str,
    Path(
        max_length=MAX_SYMBOL_CHARS,
        pattern=SYMBOL_PATTERN,
        description="Record symbol, e.g. S/PV.9132 (slashes as they are, or %2F)",
    ),
]
SymbolFilter = Annotated[
    str | None,
    Query(max_length=MAX_SYMBOL_CHARS, pattern=SYMBOL_PATTERN, description="Only this record"),
]
RowId = Annotated[int, Path(ge=1, le=MAX_ROW_ID)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip")]
TurnIndex = Annotated[int | None, Query(ge=0, le=MAX_TURN, description="Turn index")]
