"""HTTP headers every answer carries: security headers, and validators for conditional GETs.

Two pure-ASGI middlewares (no BaseHTTPMiddleware: it buffers and breaks streaming):

- SecurityHeaders: Content-Security-Policy (same-origin scripts, styles, images and fetches;
  no inline script anywhere, no framing), X-Content-Type-Options: nosniff and
  Referrer-Policy: no-referrer. A response that sets its own policy keeps it (the API docs
  pages need inline styles; the QA report's HTML has a <style> block).
- ConditionalGet: a GET answered 200 gets a weak ETag (a hash of the body, so it is right for
  any route) and `Cache-Control: no-cache` unless it has one; a request whose If-None-Match
  holds that tag gets 304 with no body. Exports and long pages are where this pays: a client
  that polls an unchanged record downloads nothing. Gzip (starlette's GZipMiddleware) sits
  outside this one, so the tag is computed on the uncompressed body.
"""

from __future__ import annotations

import hashlib

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'") + (
    "; worker-src 'self' blob:"
)
"""Swagger UI and ReDoc set inline styles (ReDoc's styled-components inject <style> elements)
and ReDoc searches in a blob: worker. Scripts stay same-origin only."""
INLINE_STYLE_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
"""For self-contained HTML reports with a <style> block and no script."""

SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    if name not in headers:
                        headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


def etag_of(body: bytes) -> str:
    return 'W/"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def _matches(if_none_match: str, etag: str) -> bool:
    if if_none_match.strip() == "*":
        return True
    opaque = etag.removeprefix("W/")
    return any(t.strip().removeprefix("W/") == opaque for t in if_none_match.split(","))


class ConditionalGet:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        if_none_match = Headers(scope=scope).get("if-none-match")
        start: Message | None = None
        chunks: list[bytes] = []

        async def buffered_send(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                if message["status"] != 200:
                    await send(message)
                    return
                start = message
                return
            if start is None or message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            await self._answer(start, b"".join(chunks), if_none_match, send)

        await self.app(scope, receive, buffered_send)

    @staticmethod
    async def _answer(start: Message, body: bytes, if_none_match: str | None, send: Send) -> None:
        headers = MutableHeaders(scope=start)
        etag = headers.get("etag") or etag_of(body)
        headers["etag"] = etag
        if "cache-control" not in headers:
            headers["cache-control"] = "no-cache"
        if if_none_match and _matches(if_none_match, etag):
            kept = [
                (k, v)
                for k, v in start["headers"]
                if k.lower() not in (b"content-length", b"content-type", b"content-disposition")
            ]
            await send({"type": "http.response.start", "status": 304, "headers": kept})
            await send({"type": "http.response.body", "body": b""})
            return
        await send(start)
        await send({"type": "http.response.body", "body": body})
