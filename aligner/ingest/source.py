"""Reading a record's bytes and deciding what they are: a PDF or extracted text.

Every way a file can fail to be a readable record (missing, empty, binary, not UTF-8/16/32,
lone surrogates in a str) becomes a typed error here, naming the file and the line, before any
parsing starts. `decode_bytes` and `check_unicode` are the one decoding used by the CLI, the API
uploads and JSON bodies, and the JSONL readers.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
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
# PDF readers accept the header anywhere in the first kilobyte (after a mail or web
# prefix, a BOM); so does verbalign.
_PDF_HEADER_WITHIN = 1024
# A str source is a path only when it could be one: a single short line.
_MAX_PATH_CHARS = 1024


def is_pdf(data: bytes) -> bool:
    """A PDF by its header, found where PDF readers look for it (the first kilobyte)."""
    return _PDF_MAGIC in data[:_PDF_HEADER_WITHIN]


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
        raw, default_name = check_unicode(source, name=name or "the text").encode(), "record"
    label = name or default_name
    if len(raw) > MAX_BYTES:
        raise _too_large(label, len(raw))
    kind = "pdf" if is_pdf(raw) else "text"
    if kind == "text" and not raw.strip():
        raise EmptyInputError(f"{label}: the input is empty")
    return Source(raw=raw, name=label, kind=kind)


def _looks_like_path(text: str) -> bool:
    if "\n" in text or len(text) > _MAX_PATH_CHARS or not text.strip():
        return False
    return Path(text).suffix.lower() in {".pdf", ".txt", ".text"} or os.path.exists(text)


def _too_large(what: str, size: int) -> InputError:
    # Exact bytes: a rounded size next to the limit read "is 50 MiB; at most 50 MiB".
    return InputError(
        f"{what} is {size:,} bytes; a record file may be at most {MAX_BYTES:,} bytes "
        f"({MAX_BYTES / 2**20:g} MiB)"
    )


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


# Byte-order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)


def decode_bytes(raw: bytes, *, name: str = "the input") -> str:
    """The one decoding of text that arrives as bytes (record files, sentence files, JSONL,
    uploads): UTF-8 with or without a byte-order mark, or UTF-16/UTF-32 with one. Anything
    else is refused with a typed error naming `name` and the line of the first bad byte.
    Byte-order marks inside the text (files joined end to end) are dropped."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            body, encoding = raw[len(bom) :], codec
            break
    else:
        body, encoding = raw, "utf-8"
        if b"\x00" in raw[:65536]:
            raise BinaryInputError(f"{name}: binary data, not a text or PDF record")
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        line = _line_of_byte(body, encoding, exc.start)
        label = _label(encoding)
        hint = "; save it as UTF-8 or give the PDF" if encoding == "utf-8" else ""
        raise EncodingError(
            f"{name}: line {line}: not {label} text (bad byte 0x{body[exc.start]:02x} at "
            f"offset {exc.start + len(raw) - len(body)}){hint}"
        ) from None
    if encoding != "utf-8" and _unassigned_share(text) > 0.01:
        # Any even-length bytes decode as UTF-16: bytes that only start like a byte-order mark
        # come out as unassigned code points, which no real text is made of.
        label = _label(encoding)
        raise EncodingError(
            f"{name}: starts with a {label} byte-order mark but is not {label} text"
        )
    return text.replace("\ufeff", "")


def _label(encoding: str) -> str:
    return encoding.upper().replace("-BE", "").replace("-LE", "")


def _unassigned_share(text: str) -> float:
    sample = text[:65536]
    if not sample:
        return 0.0
    return sum(unicodedata.category(ch) in ("Cn", "Co") for ch in sample) / len(sample)


def _line_of_byte(body: bytes, encoding: str, offset: int) -> int:
    if encoding == "utf-8":
        return body.count(b"\n", 0, offset) + 1
    width = 4 if encoding.startswith("utf-32") else 2
    prefix = body[: offset - offset % width].decode(encoding, errors="replace")
    return prefix.count("\n") + 1


def check_unicode(text: str, *, name: str = "the input", line: int | None = None) -> str:
    """`text` unchanged if every code point is one UTF-8 can carry. A str that did not come
    from bytes (a JSON "\\ud800" escape, a caller's string) can hold lone UTF-16 surrogates,
    which no encoder, OpenCC or the store accepts: EncodingError naming `name` and the line."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        where = line if line is not None else text.count("\n", 0, exc.start) + 1
        raise EncodingError(
            f"{name}: line {where}: U+{ord(text[exc.start]):04X} is a lone surrogate, not text"
        ) from None
    return text


def decode_text(raw: bytes, *, name: str = "the input") -> str:
    """A text record's bytes as text (decode_bytes), refused when it is binary junk or empty."""
    text = decode_bytes(raw, name=name)
    if _control_share(text) > 0.01:
        raise BinaryInputError(f"{name}: binary data, not a text or PDF record")
    if not text.strip():
        raise EmptyInputError(f"{name}: the input is empty")
    return text


def _control_share(text: str) -> float:
    sample = text[:65536]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return bad / len(sample)
