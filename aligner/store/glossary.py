"""The glossary behind the Repository: entries merged across records, curation, look-up.

`GlossaryRepository` is what a backend implements (`store.glossary`); the rules every backend
shares live here: validation of a reviewer's edits and the keys two spellings of one entry
share. Semantics every implementation keeps:

- `save_record_terms` replaces one record's contribution in one transaction: a build that
  fails leaves the previous glossary exactly as it was; an entry's totals are the sum over the
  records that attest it;
- curated entries (added by hand, or with a status set by a reviewer) are never deleted by a
  rebuild, and a rebuild never overwrites a reviewer's status or type;
- contexts keep their sentences, so they survive a re-alignment that deletes their pair.
"""

from __future__ import annotations

import unicodedata
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aligner.ingest.normalize import normalize
from aligner.terms.entry import (
    STATUSES,
    TermEntry,
    TermValidationError,
    entry_key,
    validate_status,
    validate_type,
)
from aligner.terms.search_keys import search_key_en, search_key_zh

if TYPE_CHECKING:
    from aligner.store.repository import Repository

MAX_TERM_CHARS = 200
MAX_NOTE_CHARS = 2000
MAX_VARIANTS = 50


@dataclass
class SaveSummary:
    symbol: str
    entries: int
    created: int
    updated: int
    removed: int


STORE_WIDE = "*"
"""The symbol of the store-wide extraction's contribution (`verbalign glossary build --all`):
terms found over the pairs of all the records (a term written once per record recurs across
them), kept apart from each record's own contribution, so that rebuilding a record leaves it
alone and rebuilding it leaves the records' alone. No record has this symbol."""


class GlossaryRepository(ABC):
    @abstractmethod
    def save_record_terms(self, symbol: str, entries: Sequence[TermEntry]) -> SaveSummary:
        """Replace `symbol`'s contribution to the glossary with `entries`, in one transaction."""

    def save_store_terms(self, entries: Sequence[TermEntry]) -> SaveSummary:
        """Replace the store-wide extraction's contribution (symbol STORE_WIDE) with
        `entries`, in one transaction; the records' contributions stay as they are."""
        return self.save_record_terms(STORE_WIDE, entries)

    @abstractmethod
    def get(self, entry_id: int, *, contexts: bool = True) -> TermEntry:
        """Raises NotFoundError."""

    @abstractmethod
    def all(self, *, type: str | None = None, status: str | None = None) -> list[TermEntry]:
        """Every entry (most frequent first), each with its first context."""

    @abstractmethod
    def count(self) -> int: ...

    @abstractmethod
    def record_count(self, symbol: str) -> int:
        """How many entries `symbol` contributes (0: its glossary was never built)."""

    @abstractmethod
    def add(self, entry: TermEntry, *, reviewer: str | None = None) -> TermEntry:
        """A curated entry; ConflictError when the glossary has it already."""

    @abstractmethod
    def update(
        self, entry_id: int, changes: dict[str, Any], *, reviewer: str | None = None
    ) -> TermEntry:
        """Apply a reviewer's changes (status, type, zh, en, variants, note)."""


def GlossaryStore(store: Repository) -> GlossaryRepository:
    """The glossary of `store` (same as `store.glossary`; kept for callers of the class this
    module used to define)."""
    return store.glossary


def term_keys(zh: str, en: str) -> tuple[str, str]:
    """The (zh, en) keys two spellings of one entry share (unique in the glossary)."""
    zh_key, _ = entry_key(zh, en)
    return zh_key.replace(" ", ""), search_key_en(en)


def unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


CURATED_FIELDS = frozenset({"status", "type", "zh", "en", "zh_variants", "en_variants", "note"})


def apply_changes(current: TermEntry, changes: dict[str, Any]) -> TermEntry:
    """`current` with a reviewer's `changes` applied and validated."""
    unknown = set(changes) - CURATED_FIELDS
    if unknown:
        raise TermValidationError(f"cannot change {', '.join(sorted(unknown))}")
    for key, value in changes.items():
        setattr(current, key, value)
    validate_entry(current)
    return current


def validate_entry(e: TermEntry) -> None:
    validate_type(e.type)
    validate_status(e.status)
    e.zh = validate_term(e.zh, "zh")
    e.en = validate_term(e.en, "en")
    _needs_chinese(e.zh, e.en)
    for name in ("zh_variants", "en_variants"):
        values = getattr(e, name)
        if not isinstance(values, list) or len(values) > MAX_VARIANTS:
            raise TermValidationError(f"{name} must be a list of at most {MAX_VARIANTS} terms")
        lang = name[:2]
        setattr(e, name, unique(validate_term(v, lang) for v in values))
    for v in e.zh_variants:
        _needs_chinese(v, e.en)
    if not isinstance(e.note, str) or len(e.note) > MAX_NOTE_CHARS:
        raise TermValidationError(f"note must be text of at most {MAX_NOTE_CHARS} characters")
    if _has_control(e.note.replace("\n", "")):
        raise TermValidationError("note contains control characters")


def validate_term(value: Any, lang: str) -> str:
    if not isinstance(value, str):
        raise TermValidationError(f"the {lang} term must be text")
    text = " ".join(value.split())
    if not text:
        raise TermValidationError(f"the {lang} term must not be empty")
    if len(text) > MAX_TERM_CHARS:
        raise TermValidationError(f"the {lang} term is longer than {MAX_TERM_CHARS} characters")
    if _has_control(value.replace("\n", " ").replace("\t", " ")):
        raise TermValidationError(f"the {lang} term contains control characters")
    if lang == "zh":
        text = normalize(text)
    return text


def _needs_chinese(zh: str, en: str) -> None:
    # Document symbols and Latin-script names are written the same in both languages; any
    # other Chinese term must contain Chinese.
    if not any("\u3400" <= ch <= "\u9fff" for ch in zh) and zh.casefold() != en.casefold():
        raise TermValidationError(f"the zh term {zh!r} has no Chinese characters")


def _has_control(text: str) -> bool:
    return any(unicodedata.category(ch) in ("Cc", "Cf") for ch in text)


__all__ = [
    "STATUSES",
    "GlossaryRepository",
    "GlossaryStore",
    "SaveSummary",
    "search_key_en",
    "search_key_zh",
    "term_keys",
    "validate_entry",
    "validate_term",
]
