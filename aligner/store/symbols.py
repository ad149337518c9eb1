"""What a record symbol may be: the key of a stored record, in URLs, file names and exports.

UN symbols are short ASCII strings of series and parts joined by slashes (`S/PV.9132`,
`A/77/PV.5`, `A/ES-11/PV.12`, `S/PV.9132 (Resumption 1)`). A symbol a user supplies (for files
that do not state one) must have the same shape, so it is safe in a URL path, an HTTP header
and a TMX property without escaping.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from aligner.errors import ConflictError, InputError

if TYPE_CHECKING:
    from aligner.models import Record

MAX_SYMBOL_CHARS = 64
SYMBOL_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9./()_-]*(?: [A-Za-z0-9./()_-]+)*$"
"""Starts with a letter or digit; then letters, digits, `. / ( ) _ -` and single inner spaces
(no look-around: pydantic's regex engine has none). The length is bounded separately."""
_SYMBOL = re.compile(SYMBOL_PATTERN)


def check_symbol(symbol: str) -> str:
    """`symbol` stripped, or InputError saying what a symbol looks like."""
    s = (symbol or "").strip()
    if not s:
        raise InputError("the record symbol is empty")
    if len(s) > MAX_SYMBOL_CHARS or not _SYMBOL.match(s):
        shown = s if len(s) <= MAX_SYMBOL_CHARS else s[:MAX_SYMBOL_CHARS] + "…"
        raise InputError(
            f"invalid record symbol {shown!r}: at most {MAX_SYMBOL_CHARS} characters, ASCII "
            "letters, digits, '/', '.', '-', '(', ')', '_' and single spaces, like S/PV.9132"
        )
    return s


def file_stem(symbol: str) -> str:
    """A file name stem for an export of the record: S/PV.9132 -> S-PV.9132."""
    return re.sub(r"[^A-Za-z0-9.()_-]+", "-", symbol).strip("-") or "record"


def record_symbol(zh: Record, en: Record) -> str:
    """The meeting's symbol, which both language versions must agree on."""
    zh_symbol, en_symbol = zh.meta.symbol, en.meta.symbol
    if zh_symbol and en_symbol and zh_symbol != en_symbol:
        raise ConflictError(
            f"the two files are different meetings: zh is {zh_symbol}, en is {en_symbol}"
        )
    symbol = (zh_symbol or en_symbol or "").strip()
    if not symbol:
        raise InputError("neither file states the record's symbol (e.g. S/PV.9132): give one")
    return check_symbol(symbol)
