"""The API documentation at /docs (Swagger UI) and /redoc (ReDoc), served from this machine.

FastAPI's own pages load Swagger UI and ReDoc from a CDN, so they are blank offline. The
scripts and styles here come from the `fastapi-offline` package, which ships them inside its
wheel (MIT, as Swagger UI is Apache-2.0 and ReDoc MIT); the pages themselves are
api/static/docs.html and redoc.html, with no inline script, so they run under the API's
Content-Security-Policy (api/headers.py; the docs pages allow inline styles only).
Assets are served from a fixed list: no path from a request reaches the disk.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from aligner.errors import NotFoundError
from api.headers import DOCS_CSP

router = APIRouter(include_in_schema=False)

ASSETS = {
    "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
    "swagger-ui.css": "text/css; charset=utf-8",
    "redoc.standalone.js": "text/javascript; charset=utf-8",
    "favicon.png": "image/png",
}


@cache
def _asset(name: str) -> bytes:
    return resources.files("fastapi_offline").joinpath("static").joinpath(name).read_bytes()


@cache
def _page(name: str) -> bytes:
    return resources.files("api").joinpath("static").joinpath(name).read_bytes()


def _html(name: str) -> HTMLResponse:
    return HTMLResponse(
        _page(name),
        headers={"Cache-Control": "no-cache", "Content-Security-Policy": DOCS_CSP},
    )


@router.get("/docs")
def swagger_ui() -> HTMLResponse:
    return _html("docs.html")


@router.get("/redoc")
def redoc() -> HTMLResponse:
    return _html("redoc.html")


@router.get("/docs/assets/{name}")
def docs_asset(name: str) -> Response:
    if name not in ASSETS:
        raise NotFoundError(f"no documentation asset {name!r}")
    # The files change only with the package version: let browsers keep them for a day.
    return Response(
        _asset(name), media_type=ASSETS[name], headers={"Cache-Control": "public, max-age=86400"}
    )
