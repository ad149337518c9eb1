"""Build a record's share of the glossary into the store: extract (aligner/terms, pure), then
save through the Repository.

`glossary_from_alignment` is the core (called by every import, record_import.py);
`glossary_from_files` is `verbalign glossary build ZH EN`: an import of the pair. The record's
alignment is stored too, so that every context points at a stored pair. Nothing of the
glossary is written until extraction has finished, and then in one transaction.

`glossary_store_wide` is `verbalign glossary build --all`: the terms of the pairs of every
stored record taken together (a term written once in each of several records recurs across
them), read through the Repository, extracted by aligner/terms (`extract_from_pairs`, with
the records' own entries as known terms, so nothing is found twice) and saved as the
store-wide contribution (`store.glossary.save_store_terms`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aligner.errors import InputError
from aligner.models import RecordAlignment
from aligner.store.glossary import STORE_WIDE, term_keys
from aligner.store.repository import Repository
from aligner.terms.extract import ExtractParams, extract_from_pairs, extract_terms
from aligner.terms.pair_text import PairText

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


def glossary_store_wide(
    store: Repository,
    *,
    embedder: Any = None,
    params: ExtractParams | None = None,
    progress: Progress | None = None,
) -> BuildResult:
    """Extract the terms of all the stored records' pairs together and replace the store-wide
    contribution to the glossary with those that no record's own glossary has."""
    records = store.list_records()
    if not records:
        raise InputError("the store holds no record: import or build one first")
    pairs: list[PairText] = []
    for k, record in enumerate(records):
        for row in store.list_pairs(record.symbol).items:
            if not (row.zh.strip() and row.en.strip()) or row.status == "rejected":
                continue
            pairs.append(
                PairText.of(
                    record.symbol,
                    len(pairs),
                    row.zh,
                    row.en,
                    pair_id=row.id,
                    confidence=row.confidence,
                    zh_ids=tuple(row.zh_ids),
                    en_ids=tuple(row.en_ids),
                )
            )
        if progress:
            progress("read", (k + 1) / len(records))
    # The records' entries (and curated ones) are known: masked, not found again. The
    # previous store-wide entries are not: they are what this build replaces.
    known = [e for e in store.glossary.all() if set(e.symbols) != {STORE_WIDE}]
    if progress:
        progress("terms", 0.0)
    entries = extract_from_pairs(pairs, embedder=embedder, params=params, known=known)
    # Strong evidence (the Member State table, the UN vocabulary) finds the records' terms
    # again: they are the records' contributions, counted there.
    known_keys = {term_keys(e.zh, e.en) for e in known}
    entries = [e for e in entries if term_keys(e.zh, e.en) not in known_keys]
    summary = store.glossary.save_store_terms(entries)
    if progress:
        progress("terms", 1.0)
    return BuildResult(
        STORE_WIDE,
        summary.entries,
        summary.created,
        summary.updated,
        summary.removed,
        store.glossary.count(),
    )
