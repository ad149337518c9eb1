"""Glossary fixtures: synthetic meetings, a store holding their glossary, the API on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from terms_fixtures import meeting, second_meeting

from aligner.models import RecordAlignment
from aligner.pipeline.glossary_build import glossary_from_alignment
from aligner.store import SQLiteStore, open_store
from aligner.terms.entry import TermEntry
from aligner.terms.extract import extract_terms


@pytest.fixture(scope="session")
def alignment() -> RecordAlignment:
    return meeting()


@pytest.fixture(scope="session")
def entries(alignment: RecordAlignment) -> list[TermEntry]:
    return extract_terms(alignment)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    s = open_store(tmp_path / "glossary.db")
    yield s
    s.close()


@pytest.fixture
def built(store: SQLiteStore) -> SQLiteStore:
    glossary_from_alignment(store, meeting())
    glossary_from_alignment(store, second_meeting())
    return store
