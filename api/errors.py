"""Every error the API returns is JSON: {"error": <kind>, "detail": <message>}.

aligner.errors types carry their own HTTP status (InputError 422, NotFoundError 404...), so the
core library and other routers raise them and this module maps them once.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from aligner.errors import InputError, VerbalignError

log = logging.getLogger(__name__)


class PayloadTooLargeError(InputError):
    http_status = 413


class UnsupportedMediaTypeError(InputError):
    http_status = 415


def error_body(kind: str, detail: str, **extra: object) -> dict[str, object]:
    return _encodable({"error": kind, "detail": detail, **extra})


def _encodable(value: Any) -> Any:
    """`value` with lone surrogates replaced: a request can carry them in JSON escapes, and an
    error that echoes the input must still encode as UTF-8."""
    if isinstance(value, str):
        return value.encode("utf-8", "replace").decode("utf-8")
    if isinstance(value, dict):
        return {_encodable(k): _encodable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_encodable(v) for v in value]
    return value


def install(app: FastAPI) -> None:
    @app.exception_handler(VerbalignError)
    async def _verbalign(_: Request, exc: VerbalignError) -> JSONResponse:
        return JSONResponse(error_body(type(exc).__name__, str(exc)), status_code=exc.http_status)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = jsonable_encoder(exc.errors())
        parts = []
        for e in errors:
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("body", "query", "path"))
            parts.append(f"{where}: {e.get('msg')}" if where else str(e.get("msg")))
        return JSONResponse(
            error_body("ValidationError", "; ".join(parts) or "invalid request", errors=errors),
            status_code=422,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse(
            error_body("HTTPError", str(exc.detail)),
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(Exception)
    async def _bug(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error")
        return JSONResponse(error_body("InternalError", "internal server error"), status_code=500)
