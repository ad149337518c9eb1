"""Glossary entries for the term check, read from a store when one is there."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aligner.qa.entities import EntityIndex, default_index


def glossary_rows(store: Any) -> list[dict[str, Any]]:
    """Approved entries and candidates of the store's glossary, as dicts."""
    from aligner.store.glossary import GlossaryStore

    glossary = GlossaryStore(store)
    return [e.to_dict() for e in glossary.all() if e.status != "rejected"]


def index_for_store(store: Any) -> EntityIndex:
    return default_index(glossary_rows(store))


def index_for_database(path: Path | None) -> tuple[EntityIndex, int]:
    """The entity index with the glossary of the database at `path` when that file exists
    (it is never created here); also how many glossary rows were read."""
    if path is None or not Path(path).is_file():
        return default_index(), 0
    from aligner.store import open_store

    store = open_store(path)
    try:
        rows = glossary_rows(store)
    finally:
        store.close()
    return default_index(rows), len(rows)
