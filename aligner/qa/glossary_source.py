"""Glossary entries for the term check, read from a store when one is there.

A record's names (its places, people, bodies) come from the glossary built when the record was
imported, never from files bundled with the code. QA of a stored record therefore uses that
record's own glossary: the entries seen in the record, plus the entries a reviewer approved
(curation applies to every record). Checking free pairs (`verbalign qa check`) uses the whole
glossary of the database, when there is one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aligner.qa.entities import EntityIndex, default_index


def glossary_rows(store: Any, symbol: str | None = None) -> list[dict[str, Any]]:
    """Entries of the store's glossary as dicts, rejected ones left out. With `symbol`, only
    the entries seen in that record and the approved ones."""
    from aligner.store.glossary import GlossaryStore

    glossary = GlossaryStore(store)
    return [
        e.to_dict()
        for e in glossary.all()
        if e.status != "rejected"
        and (symbol is None or symbol in e.symbols or e.status == "approved")
    ]


def index_for_store(store: Any, symbol: str | None = None) -> EntityIndex:
    return default_index(glossary_rows(store, symbol))


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
