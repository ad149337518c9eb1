"""Bounds on what a request may ask of the store: page sizes, offsets, row ids, turn indices,
and the size of a reviewer's correction.

SQLite integers are signed 64-bit, and Python hands it any int: an unbounded id or offset from
a request would surface as an OverflowError deep in the driver. The API declares the same
bounds on its parameters (so they show in /openapi.json); the store checks them again for
library and CLI callers.
"""

from __future__ import annotations

from aligner.errors import InputError

MAX_PAGE = 1000
"""Largest page of pairs or search hits."""
MAX_OFFSET = 10_000_000
"""Far past the pair count of any store this service will hold."""
MAX_ROW_ID = 2**63 - 1
"""The largest SQLite INTEGER: no stored row has a larger id."""
MAX_TURN = 9_999
"""Turn indices are printed with three digits in sentence ids; a record has a few hundred."""
MAX_REVIEWER_CHARS = 100
MAX_NOTE_CHARS = 2000
MAX_FLAGS = 20
"""Flags on one pair."""
MAX_FLAG_CHARS = 40


def check_page(limit: int | None, offset: int, *, max_limit: int = MAX_PAGE) -> None:
    if limit is not None and not 1 <= limit <= max_limit:
        raise InputError(f"limit must be between 1 and {max_limit}")
    if not 0 <= offset <= MAX_OFFSET:
        raise InputError(f"offset must be between 0 and {MAX_OFFSET}")


def is_row_id(value: int) -> bool:
    """Whether `value` could be the id of a stored row (anything else is simply not found)."""
    return 1 <= value <= MAX_ROW_ID
