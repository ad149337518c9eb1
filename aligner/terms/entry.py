"""A glossary entry: one concept with its Chinese and English terms, evidence and contexts.

Entries are plain dataclasses so that extraction, the store, the API and the exporters can be
developed and tested apart.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import cache
from typing import Any

from aligner.errors import VerbalignError

TERM_TYPES: tuple[str, ...] = (
    "organization",
    "acronym",
    "country",
    "person",
    "place",
    "document",
    "instrument",
    "phraseology",
    "other",
)
STATUSES: tuple[str, ...] = ("candidate", "approved", "rejected")
MAX_CONTEXTS = 5
"""Example contexts kept per entry: enough to judge a term, few enough to read."""


class TermValidationError(VerbalignError):
    """A glossary field has a value the glossary does not accept."""

    http_status = 422


@dataclass
class TermContext:
    """Where a term pair was seen: one aligned pair of one record."""

    symbol: str
    zh: str
    en: str
    zh_ids: list[str] = field(default_factory=list)
    en_ids: list[str] = field(default_factory=list)
    pair_index: int | None = None
    """Position of the pair in its RecordAlignment (the store maps it to a pair id)."""
    pair_id: int | None = None
    """The stored pair's id, once the record is in the store."""

    @property
    def key(self) -> tuple[str, tuple[str, ...], tuple[str, ...], int | None]:
        return (self.symbol, tuple(self.zh_ids), tuple(self.en_ids), self.pair_id)


@dataclass
class TermEntry:
    zh: str
    """Simplified Chinese term as written in the records."""
    en: str
    type: str
    """One of TERM_TYPES."""
    zh_traditional: str = ""
    zh_variants: list[str] = field(default_factory=list)
    """Other Chinese forms seen for the same concept (安理会 for 安全理事会)."""
    en_variants: list[str] = field(default_factory=list)
    freq_zh: int = 0
    """Occurrences of the Chinese term in the records it was extracted from."""
    freq_en: int = 0
    pairs: int = 0
    """Aligned pairs in which the two terms were seen together."""
    confidence: float = 0.0
    status: str = "candidate"
    sources: list[str] = field(default_factory=list)
    """Kinds of evidence that produced the entry ("definition", "speaker", ...)."""
    symbols: list[str] = field(default_factory=list)
    """Records the entry was seen in."""
    contexts: list[TermContext] = field(default_factory=list)
    note: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        if not self.zh_traditional and self.zh:
            self.zh_traditional = to_traditional(self.zh)

    @property
    def key(self) -> tuple[str, str]:
        return entry_key(self.zh, self.en)

    @property
    def frequency(self) -> int:
        """One number for lists and exports: how often the term occurs in either language."""
        return max(self.freq_zh, self.freq_en, self.pairs)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["frequency"] = self.frequency
        return out


def entry_key(zh: str, en: str) -> tuple[str, str]:
    """Identity of an entry across records: the Simplified term and the English term, folded."""
    from aligner.ingest.normalize import normalize

    return normalize(zh), " ".join(normalize(en).casefold().split())


@cache
def _s2t() -> Any:
    import opencc

    return opencc.OpenCC("s2t")


def to_traditional(zh: str) -> str:
    return _s2t().convert(zh)


def noisy_or(*scores: float) -> float:
    """Combined confidence of independent pieces of evidence."""
    miss = 1.0
    for s in scores:
        miss *= 1.0 - min(max(s, 0.0), 1.0)
    return 1.0 - miss


def validate_type(value: str) -> str:
    if value not in TERM_TYPES:
        raise TermValidationError(
            f"invalid type {value!r}: expected one of {', '.join(TERM_TYPES)}"
        )
    return value


def validate_status(value: str) -> str:
    if value not in STATUSES:
        raise TermValidationError(
            f"invalid status {value!r}: expected one of {', '.join(STATUSES)}"
        )
    return value
