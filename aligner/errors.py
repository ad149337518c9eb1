"""Typed errors. The CLI turns each into a one-line message and a non-zero exit;
the API turns each into a JSON 4xx. Nothing here should ever surface as a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class VerbalignError(Exception):
    """Base class: a problem with the user's input or request, not a bug."""

    exit_code = 2
    http_status = 400


class InputError(VerbalignError):
    """The input cannot be read as a UN record (empty, binary, wrong encoding...)."""

    http_status = 422


class EmptyInputError(InputError):
    pass


class EncodingError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class PdfError(InputError):
    """Encrypted, image-only or otherwise unreadable PDF."""


class UnknownLanguageError(InputError):
    """The text is neither Chinese nor English."""


class NoTurnsError(InputError):
    """The document has no speaker turns: it is not a verbatim record."""


class AlignmentError(VerbalignError):
    http_status = 422


class NotFoundError(VerbalignError):
    exit_code = 3
    http_status = 404


class ConflictError(VerbalignError):
    http_status = 409


@contextmanager
def about_file(path: Path | str) -> Iterator[None]:
    """Typed errors raised inside name `path` when their message does not already (so a
    "no speaker turns" deep in parsing says which of the two files it is about)."""
    try:
        yield
    except VerbalignError as exc:
        text = str(exc)
        if str(path) in text or Path(path).name in text:
            raise
        try:
            named = type(exc)(f"{path}: {text}")
        except Exception:
            raise exc from None
        raise named from None
