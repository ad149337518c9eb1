"""Review-page fixtures: the synthetic QA record (tests/qa/qa_synthetic.py) in a temporary
database, served by the real app."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from review_support import make_app, synthetic


@pytest.fixture
def review_db(tmp_path: Path) -> Path:
    from aligner.store import open_store

    path = tmp_path / "review.db"
    store = open_store(path)
    try:
        store.save_alignment(synthetic.make_alignment())
        synthetic.add_glossary(store)
    finally:
        store.close()
    return path


@pytest.fixture
def review_client(review_db: Path) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    with TestClient(make_app(review_db)) as client:
        yield client


@pytest.fixture
def symbol() -> str:
    return synthetic.SYMBOL
