"""Row filters of a corpus export: confidence, link type, spoken language, original side.

Each is a pyarrow compute expression over the canonical columns, applied shard by shard.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from aligner.errors import InputError
from aligner.models import SPOKEN_LANGUAGES

_LINK_TYPE = re.compile(r"^\d+-\d+$")
NONE = "none"
"""In --original / --spoken: rows with no value (secretariat lines, unknown language)."""


@dataclass(frozen=True)
class RowFilter:
    min_confidence: float | None = None
    link_types: tuple[str, ...] | None = None
    """Keep only these types ("1-1", "2-1"...)."""
    original: tuple[str, ...] | None = None
    """Keep rows whose original side is one of these ("zh", "en", "none")."""
    spoken: tuple[str, ...] | None = None
    """Keep rows whose spoken language is one of these (ISO 639-1, or "none")."""
    linked_only: bool = False
    """Drop unlinked sentences (one side empty: "1-0", "0-1")."""

    def __post_init__(self) -> None:
        if self.min_confidence is not None and not 0 <= self.min_confidence <= 1:
            raise InputError(f"--min-confidence must be between 0 and 1, not {self.min_confidence}")
        for t in self.link_types or ():
            if not _LINK_TYPE.match(t):
                raise InputError(f"--link-types takes types such as 1-1,2-1, not {t!r}")
        for code in self.original or ():
            if code not in ("zh", "en", NONE):
                raise InputError(f"--original takes zh, en or none, not {code!r}")
        known = (*SPOKEN_LANGUAGES, NONE)
        for code in self.spoken or ():
            if not re.fullmatch(r"[a-z]{2}|none", code):
                raise InputError(
                    f"--spoken takes ISO 639-1 codes such as {', '.join(known)}, not {code!r}"
                )

    @property
    def active(self) -> bool:
        return any(
            (
                self.min_confidence is not None,
                self.link_types,
                self.original,
                self.spoken,
                self.linked_only,
            )
        )

    def columns(self) -> list[str]:
        return ["confidence", "link_type", "original", "spoken_language", "zh", "en"]

    def apply(self, table: pa.Table) -> pa.Table:
        mask = None
        for cond in self._conditions(table):
            mask = cond if mask is None else pc.and_(mask, cond)
        return table if mask is None else table.filter(mask)

    def _conditions(self, table: pa.Table) -> list[pa.Array]:
        out = []
        if self.min_confidence is not None:
            out.append(pc.greater_equal(table["confidence"], self.min_confidence))
        if self.link_types:
            out.append(pc.is_in(table["link_type"], pa.array(self.link_types)))
        if self.original:
            out.append(_in_or_null(table["original"], self.original))
        if self.spoken:
            out.append(_in_or_null(table["spoken_language"], self.spoken))
        if self.linked_only:
            out.append(
                pc.and_(
                    pc.greater(pc.utf8_length(table["zh"]), 0),
                    pc.greater(pc.utf8_length(table["en"]), 0),
                )
            )
        return out

    def describe(self) -> dict[str, object]:
        return {
            "min_confidence": self.min_confidence,
            "link_types": list(self.link_types) if self.link_types else None,
            "original": list(self.original) if self.original else None,
            "spoken": list(self.spoken) if self.spoken else None,
            "linked_only": self.linked_only,
        }


def _in_or_null(column: pa.ChunkedArray, values: tuple[str, ...]) -> pa.ChunkedArray:
    wanted = [v for v in values if v != NONE]
    cond = pc.fill_null(pc.is_in(column, pa.array(wanted, pa.string())), False)
    if NONE in values:
        cond = pc.or_(cond, pc.is_null(column))
    return cond


def split_list(value: str | None) -> tuple[str, ...] | None:
    """ "zh, en" -> ("zh", "en"); None or "" -> None."""
    if value is None:
        return None
    items = tuple(v.strip().lower() for v in value.split(",") if v.strip())
    return items or None
