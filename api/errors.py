"""Every error the API returns is JSON: {"error": <kind>, "detail": <message>} (a 422 also
has "errors": the failed fields, each with a short excerpt of its input, never the input
itself: a 30 MB field must not come back as a 30 MB answer).

aligner.errors types carry their own HTTP status (InputError 422, NotFoundError 404...), so the
core library and other routers raise them and this module maps them once. `document_errors`
writes the same model into the OpenAPI schema for the statuses each route can answer.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from aligner.errors import InputError, VerbalignError

log = logging.getLogger(__name__)

MAX_DETAIL_CHARS = 500
"""An error message is a sentence or two; anything longer is cut."""
MAX_EXCERPT_CHARS = 80
"""How much of an offending input a 422 shows."""
_LONE_SURROGATE = "a lone surrogate (a \\ud800-style escape) is not text"


class FieldError(BaseModel):
    loc: list[str | int] = Field(description="Where: body/query/path, then the field path")
    msg: str
    type: str
    input: Any = Field(None, description=f"At most {MAX_EXCERPT_CHARS} characters of the input")


class ErrorBody(BaseModel):
    """The body of every 4xx/5xx answer."""

    error: str = Field(description="Kind of error, e.g. ValidationError, NotFoundError")
    detail: str = Field(description="What is wrong, in one or two sentences")
    errors: list[FieldError] | None = Field(None, description="422 only: the failed fields")


class PayloadTooLargeError(InputError):
    http_status = 413


class UnsupportedMediaTypeError(InputError):
    http_status = 415


def error_body(kind: str, detail: str, **extra: object) -> dict[str, object]:
    return _encodable({"error": kind, "detail": excerpt(detail, MAX_DETAIL_CHARS), **extra})


def excerpt(value: Any, limit: int = MAX_EXCERPT_CHARS) -> Any:
    """`value` if it is short; else its first `limit` characters and an ellipsis. A dict or a
    list is shown as (cut) JSON text, so no container of any size is echoed whole."""
    if value is None or isinstance(value, bool | int | float):
        return value
    text = value if isinstance(value, str) else _json_text(value)
    return text if len(text) <= limit else text[:limit] + "…"


def _json_text(value: Any) -> str:
    import json

    try:
        return json.dumps(jsonable_encoder(value), ensure_ascii=False, default=str)
    except (TypeError, ValueError, RecursionError):
        return repr(value)


def _field_error(error: dict[str, Any]) -> dict[str, Any]:
    msg = str(error.get("msg", ""))
    if error.get("type") == "string_unicode":
        msg = _LONE_SURROGATE
    return {
        "loc": list(error.get("loc", ())),
        "msg": excerpt(msg, MAX_DETAIL_CHARS),
        "type": error.get("type", ""),
        "input": excerpt(error.get("input")),
    }


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
        errors = [_field_error(e) for e in exc.errors()[:20]]
        parts = []
        for e in errors:
            where = ".".join(str(x) for x in e["loc"] if x not in ("body", "query", "path"))
            parts.append(f"{where}: {e['msg']}" if where else str(e["msg"]))
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


# What each status means in the schema; which routes can answer it is decided below.
_STATUS_TEXT = {
    401: "No or wrong bearer token (writes, /jobs)",
    403: "The server was started without a token: writes are disabled",
    404: "No such record, pair, entry, job or route",
    413: "The request body or an uploaded file is over the size limit",
    415: "An uploaded file is neither a PDF nor text, or not what its type says",
    422: "Invalid parameters or body: `errors` lists the fields, with short excerpts",
}


def document_errors(app: FastAPI) -> None:
    """State the real error model in the OpenAPI schema, rewriting what FastAPI generates:
    every operation's 422 refers to ErrorBody (not FastAPI's HTTPValidationError), operations
    that need the bearer token (they carry the `security` requirement) document 401/403,
    operations with a path parameter 404, those with a body 413, and the record upload 415."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        schema = generate()
        if not schema.get("x-error-model"):
            _rewrite(schema)
            schema["x-error-model"] = "ErrorBody"
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def _rewrite(schema: dict[str, Any]) -> None:
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    body = ErrorBody.model_json_schema(ref_template="#/components/schemas/{model}")
    components.update(body.pop("$defs", {}))
    components["ErrorBody"] = body
    for name in ("HTTPValidationError", "ValidationError"):
        components.pop(name, None)
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
    for path, operations in schema.get("paths", {}).items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            statuses = {"422"} if "422" in responses or operation.get("parameters") else set()
            if "{" in path:
                statuses.add("404")
            if operation.get("security"):
                statuses |= {"401", "403"}
            body_content = operation.get("requestBody", {}).get("content", {})
            if body_content:
                statuses |= {"413", "422"}
            if "multipart/form-data" in body_content:
                statuses.add("415")
            for status in statuses:
                responses[status] = {
                    "description": _STATUS_TEXT[int(status)],
                    "content": error,
                }
