"""Checks on free text that arrives with a request: queries, TM segments, reviewer names,
flags and notes.

Such text is stored, indexed and written into XML exports, so it must be text those can hold:
no control characters (line breaks and tabs only where the field is multi-line), no lone
UTF-16 surrogates (JSON can smuggle them in; UTF-8 cannot encode them) and no Unicode
noncharacters (XML 1.0 forbids U+FFFE and U+FFFF).
"""

from __future__ import annotations

import unicodedata

from aligner.errors import InputError

_LINE_CONTROLS = "\t\n\r"


def check_text(value: str | None, what: str, max_chars: int, *, multiline: bool = False) -> str:
    """`value` stripped, or InputError naming `what` when it is empty, longer than
    `max_chars` or holds characters no record text has."""
    text = (value or "").strip()
    if not text:
        raise InputError(f"the {what} is empty")
    if len(text) > max_chars:
        raise InputError(f"the {what} is longer than {max_chars} characters")
    allowed = _LINE_CONTROLS if multiline else ""
    for ch in text:
        category = unicodedata.category(ch)
        if category == "Cc" and ch not in allowed:
            raise InputError(f"the {what} contains control characters")
        if category == "Cs" or ch in "\ufffe\uffff":
            raise InputError(f"the {what} contains characters that are not text (U+{ord(ch):04X})")
    return text
