"""Build the glossary of a record pair into the store: parse, align, extract, save.

`glossary_from_alignment` is the core (used by the CLI, tests and any import hook);
`glossary_from_files` adds parsing and alignment for `verbalign glossary build ZH EN`. The
record's alignment is saved too, so that every context points at a stored pair. Nothing of the
glossary is written until extraction has finished, and then in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aligner.errors import InputError
from aligner.models import Record, RecordAlignment
from aligner.terms.extract import ExtractParams, extract_terms

if TYPE_CHECKING:
    from aligner.store.sqlite import SQLiteStore

Progress = Callable[[str, float], None]

_PARSE_END = 0.05
_ALIGN_END = 0.85


@dataclass
class BuildResult:
    symbol: str
    entries: int
    created: int
    updated: int
    removed: int
    total_entries: int


def glossary_from_alignment(
    store: SQLiteStore,
    alignment: RecordAlignment,
    *,
    embedder: Any = None,
    params: ExtractParams | None = None,
    save_record: bool = True,
) -> BuildResult:
    from aligner.store.glossary import GlossaryStore

    entries = extract_terms(alignment, embedder=embedder, params=params)
    symbol = alignment.zh.meta.symbol or alignment.en.meta.symbol
    if save_record:
        symbol = store.save_alignment(alignment).symbol
    if not symbol:
        raise InputError("the record has no symbol: give one (--symbol)")
    glossary = GlossaryStore(store)
    summary = glossary.save_record_terms(symbol, entries)
    return BuildResult(
        symbol, summary.entries, summary.created, summary.updated, summary.removed, glossary.count()
    )


def glossary_from_files(
    store: SQLiteStore,
    zh_path: str | Path,
    en_path: str | Path,
    *,
    embedder: Any = None,
    symbol: str | None = None,
    params: ExtractParams | None = None,
    progress: Progress | None = None,
) -> BuildResult:
    from aligner.parse import parse_record

    report = progress or (lambda stage, fraction: None)
    report("parse", 0.0)
    zh = parse_record(_read(zh_path), name=Path(zh_path).name)
    en = parse_record(_read(en_path), name=Path(en_path).name)
    zh, en = _by_language(zh, en)
    if symbol:
        zh.meta.symbol = en.meta.symbol = symbol.strip()
    report("align", _PARSE_END)
    from aligner.align.pipeline import align_records

    if embedder is None:
        from aligner.align.embedder import get_embedder

        embedder = get_embedder()
    span = _ALIGN_END - _PARSE_END
    alignment = align_records(
        zh,
        en,
        embedder=embedder,
        progress=lambda stage, f: report(stage, _PARSE_END + span * min(1.0, max(0.0, f))),
    )
    report("terms", _ALIGN_END)
    result = glossary_from_alignment(store, alignment, embedder=embedder, params=params)
    report("done", 1.0)
    return result


def _read(path: str | Path) -> bytes:
    p = Path(path)
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"no such file: {p}") from None
    except IsADirectoryError:
        raise InputError(f"{p} is a directory, not a file") from None
    except PermissionError:
        raise InputError(f"cannot read {p}: permission denied") from None


def _by_language(a: Record, b: Record) -> tuple[Record, Record]:
    if (a.language, b.language) == ("zh", "en"):
        return a, b
    if (a.language, b.language) == ("en", "zh"):
        return b, a
    raise InputError(f"need one Chinese and one English record, got {a.language} and {b.language}")
