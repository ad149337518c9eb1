"""Reading a record's bytes and deciding what they are: a PDF or extracted text.

Every way a file can fail to be a readable record (missing, empty, binary, not UTF-8)
becomes a typed error here, before any parsing starts.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from aligner.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    NotFoundError,
)

# Records are tens to hundreds of kilobytes; anything far larger is not one.
MAX_BYTES = 50 * 1024 * 1024
_PDF_MAGIC = b"%PDF-"
# A str source is a path only when it could be one: a single short line.
_MAX_PATH_CHARS = 1024


@dataclass(frozen=True)
class Source:
    raw: bytes
    name: str
    kind: str
    """"pdf" or "text"."""

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()


def load_source(source: str | os.PathLike[str] | bytes, name: str | None = None) -> Source:
    """Read a path, raw bytes, or a str holding either a path or the record's text."""
    if isinstance(source, bytes | bytearray):
        raw, default_name = bytes(source), "record"
    elif isinstance(source, os.PathLike) or _looks_like_path(source):
        path = Path(source)
        raw, default_name = read_file(path), path.name
    else:
        raw, default_name = source.encode("utf-8"), "record"
    if len(raw) > MAX_BYTES:
        raise _too_large("the input", len(raw))
    kind = "pdf" if raw.lstrip()[:5] == _PDF_MAGIC else "text"
    if kind == "text" and not raw.strip():
        raise EmptyInputError("the input is empty")
    return Source(raw=raw, name=name or default_name, kind=kind)


def _looks_like_path(text: str) -> bool:
    if "\n" in text or len(text) > _MAX_PATH_CHARS or not text.strip():
        return False
    return Path(text).suffix.lower() in {".pdf", ".txt", ".text"} or os.path.exists(text)


def _too_large(what: str, size: int) -> InputError:
    limit = MAX_BYTES // 2**20
    return InputError(f"{what} is {size // 2**20} MiB; records are at most {limit} MiB")


def read_file(path: Path) -> bytes:
    """A record file's bytes: NotFoundError when missing, InputError when it is a folder, too
    large (checked before reading) or unreadable."""
    if not path.exists():
        raise NotFoundError(f"no such file: {path}")
    if path.is_dir():
        raise InputError(f"{path} is a directory, not a record file")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _too_large(str(path), size)
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc


def decode_text(raw: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise EncodingError("the file has a UTF-16 mark but is not valid UTF-16") from exc
    else:
        if b"\x00" in raw[:65536]:
            raise BinaryInputError("the input is binary data, not a text or PDF record")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise EncodingError(
                f"the input is not UTF-8 text (bad byte at offset {exc.start}); "
                "save it as UTF-8 or give the PDF"
            ) from exc
    if _control_share(text) > 0.01:
        raise BinaryInputError("the input is binary data, not a text or PDF record")
    if not text.strip():
        raise EmptyInputError("the input is empty")
    return text


def _control_share(text: str) -> float:
    sample = text[:65536]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return bad / len(sample)
