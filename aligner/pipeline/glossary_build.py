"""Build a record's share of the glossary into the store: extract (aligner/terms, pure), then
save through the Repository.

`glossary_from_alignment` is the core (called by every import, record_import.py);
`glossary_from_files` is `verbalign glossary build ZH EN`: an import of the pair. The record's
alignment is stored too, so that every context points at a stored pair. Nothing of the
glossary is written until extraction has finished, and then in one transaction.

Store-wide extraction (terms over the pairs of many records) plugs in here: read the pairs
through the Repository, hand them to aligner/terms, save with `store.glossary`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aligner.errors import InputError
from aligner.models import RecordAlignment
from aligner.store.repository import Repository
from aligner.terms.extract import ExtractParams, extract_terms

Progress = Callable[[str, float], None]


@dataclass
class BuildResult:
    symbol: str
    entries: int
    created: int
    updated: int
    removed: int
    total_entries: int


def glossary_from_alignment(
    store: Repository,
    alignment: RecordAlignment,
    *,
    embedder: Any = None,
    params: ExtractParams | None = None,
    save_record: bool = True,
) -> BuildResult:
    """Extract the terms of `alignment` and replace its record's contribution to the glossary
    (storing the alignment first when `save_record`)."""
    entries = extract_terms(alignment, embedder=embedder, params=params)
    symbol = alignment.zh.meta.symbol or alignment.en.meta.symbol
    if save_record:
        symbol = store.save_alignment(alignment).symbol
    if not symbol:
        raise InputError("the record has no symbol: give one (--symbol)")
    summary = store.glossary.save_record_terms(symbol, entries)
    return BuildResult(
        symbol,
        summary.entries,
        summary.created,
        summary.updated,
        summary.removed,
        store.glossary.count(),
    )


def glossary_from_files(
    store: Repository,
    zh_path: str | Path,
    en_path: str | Path,
    *,
    embedder: Any = None,
    symbol: str | None = None,
    params: ExtractParams | None = None,
    progress: Progress | None = None,
    force: bool = False,
) -> BuildResult:
    """`verbalign glossary build ZH EN`: import the pair (parse, align, store — skipped when
    the same files are stored and their glossary exists, unless `force`) and build its terms."""
    from aligner.pipeline.record_import import Source, import_pair

    imported = import_pair(
        store,
        Source.from_path(zh_path),
        Source.from_path(en_path),
        embedder=embedder,
        force=force,
        symbol=symbol,
        progress=progress,
        glossary_params=params,
    )
    if imported.warnings:
        raise InputError("; ".join(imported.warnings))
    if imported.terms is not None:
        return imported.terms
    # Unchanged (or the same text in new files): the stored glossary of the record stands.
    entries = store.glossary.record_count(imported.symbol)
    return BuildResult(imported.symbol, entries, 0, 0, 0, store.glossary.count())
