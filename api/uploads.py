"""Checks on uploaded record files: size, declared type, and what the bytes really are.

A file is accepted as a PDF only if it starts with the %PDF- signature, and as text only if it
decodes the way the CLI decodes a file (aligner.ingest.source.decode_bytes: UTF-8 with or
without a byte-order mark, UTF-16 or UTF-32 with one); the declared Content-Type must agree
with that (browsers and curl send application/pdf or text/plain; application/octet-stream
defers to the bytes). A text file
is also decoded and its language told now, which is cheap, so that junk, control-character
noise or a text in neither language is a 422 at once rather than a failed job later (reading a
PDF is the job's work). The client's file name is kept for display only, reduced to a plain
base name.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from fastapi import UploadFile
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from aligner.errors import BinaryInputError, EmptyInputError, InputError, VerbalignError
from aligner.ingest.language import detect_language
from aligner.ingest.pdf import require_text_layer
from aligner.ingest.source import decode_bytes, decode_text, is_pdf
from aligner.pipeline.record_import import Source
from api.errors import PayloadTooLargeError, UnsupportedMediaTypeError

DECLARED = {
    "application/pdf": "pdf",
    "application/x-pdf": "pdf",
    "text/plain": "text",
    "application/octet-stream": None,
    "": None,
}


def sniff(data: bytes, field: str) -> str | None:
    """ "pdf", "text" or None (binary). Text in no encoding the CLI reads either is an
    EncodingError naming the field and the line."""
    if is_pdf(data):
        return "pdf"
    try:
        decode_bytes(data, name=field)
    except BinaryInputError:
        return None
    return "text"


@dataclass(frozen=True)
class Upload:
    field: str
    source: Source
    language: str | None
    """"zh" or "en" for a text file; None for a PDF (told when the job reads it)."""


async def read_upload(upload: UploadFile, field: str, max_bytes: int) -> Upload:
    data = await upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise PayloadTooLargeError(
            f"{field}: the file is larger than the {max_bytes // (1024 * 1024)} MB limit"
        )
    if not data.strip():
        raise EmptyInputError(f"{field}: the file is empty")
    declared_type = (upload.content_type or "").split(";")[0].strip().lower()
    if declared_type not in DECLARED:
        raise UnsupportedMediaTypeError(
            f"{field}: unsupported content type {declared_type!r}: send a PDF or UTF-8 text file"
        )
    declared = DECLARED[declared_type]
    if declared == "pdf" and not is_pdf(data):
        raise UnsupportedMediaTypeError(f"{field}: declared a PDF but has no %PDF- header")
    actual = sniff(data, field)
    if actual is None:
        raise UnsupportedMediaTypeError(f"{field}: neither a PDF nor text (UTF-8, UTF-16, UTF-32)")
    if declared == "text" and actual == "pdf":
        raise UnsupportedMediaTypeError(f"{field}: declared text but the file is a PDF")
    if actual == "pdf":
        _check_text_layer(data, field)
    extension = "pdf" if actual == "pdf" else "txt"
    source = Source(data, safe_name(upload.filename, f"{field}.{extension}"))
    return Upload(field, source, None if actual == "pdf" else _text_language(data, field))


def _check_text_layer(data: bytes, field: str) -> None:
    """A scanned or unreadable PDF is refused now (422), not after it waited in the queue."""
    try:
        require_text_layer(data)
    except VerbalignError as exc:
        raise type(exc)(f"{field}: {exc}") from None


def _text_language(data: bytes, field: str) -> str:
    text = decode_text(data, name=field)
    try:
        return detect_language(text)
    except VerbalignError as exc:
        raise type(exc)(f"{field}: {exc}") from None


def check_pair_languages(zh: Upload, en: Upload) -> None:
    """One Chinese and one English record, in either slot (the import swaps them)."""
    if zh.language is not None and zh.language == en.language:
        name = {"zh": "Chinese", "en": "English"}[zh.language]
        raise InputError(
            f"both files are {name}: upload one Chinese and one English record of the meeting"
        )


def safe_name(name: str | None, default: str) -> str:
    """A display name: the base name only, printable, at most 120 characters."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip(" .")
    return base[:120] or default


class BodySizeLimit:
    """Refuse request bodies over `max_bytes` before they are parsed or spooled to disk.

    Checks Content-Length up front and counts streamed bytes for chunked requests.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers: dict[bytes, Any] = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            await _reject(send, self.max_bytes)
            return
        seen = 0
        exceeded = False
        rejected = False

        async def counting() -> Message:
            nonlocal seen, exceeded
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    exceeded = True
                    raise PayloadTooLargeError(_too_large(self.max_bytes))
            return message

        async def guarded_send(message: Message) -> None:
            # Whatever the app makes of the aborted body (FastAPI answers 400 "error parsing
            # the body"), the client is told the real reason.
            nonlocal rejected
            if not exceeded:
                await send(message)
            elif not rejected and message["type"] == "http.response.start":
                rejected = True
                await _reject(send, self.max_bytes)

        try:
            await self.app(scope, counting, guarded_send)
        except PayloadTooLargeError:
            if not rejected:
                rejected = True
                await _reject(send, self.max_bytes)


def _too_large(max_bytes: int) -> str:
    return f"the request body is larger than {max_bytes // (1024 * 1024)} MB"


async def _reject(send: Send, max_bytes: int) -> None:
    body = json.dumps({"error": "PayloadTooLargeError", "detail": _too_large(max_bytes)}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
