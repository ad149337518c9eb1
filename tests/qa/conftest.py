"""QA fixtures: a store holding the synthetic record of qa_synthetic.py, and the app on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from qa_synthetic import SYMBOL, add_glossary, make_alignment

from aligner.store import SQLiteStore, open_store

TOKEN = "qa-test-token"


@pytest.fixture
def qa_db(tmp_path: Path) -> Path:
    path = tmp_path / "qa.db"
    store = open_store(path)
    try:
        store.save_alignment(make_alignment())
        add_glossary(store)
    finally:
        store.close()
    return path


@pytest.fixture
def qa_store(qa_db: Path) -> Iterator[SQLiteStore]:
    store = open_store(qa_db)
    yield store
    store.close()


@pytest.fixture
def qa_client(qa_db: Path) -> Iterator[object]:
    from fastapi.testclient import TestClient

    from aligner.align.hashing_embedder import HashingEmbedder
    from api.deps import get_embedder
    from api.main import create_app
    from api.settings import Settings

    app = create_app(Settings(db=qa_db, token=TOKEN))
    embedder = HashingEmbedder()
    app.dependency_overrides[get_embedder] = lambda: embedder
    with TestClient(app) as client:
        yield client


@pytest.fixture
def symbol() -> str:
    return SYMBOL


@pytest.fixture(scope="session")
def bundled_glossary(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> list[dict]:
    """The glossary of the bundled S/PV.9132 record as its import builds it (real model): the
    record's own names, which the code and its data files no longer carry."""
    from aligner.align.embedder import get_embedder
    from aligner.pipeline.record_import import Source, import_pair
    from aligner.qa.glossary_source import glossary_rows

    store = open_store(tmp_path_factory.mktemp("bundled") / "bundled.db")
    try:
        zh, en = Source.from_path(corpus_dir / "zh.txt"), Source.from_path(corpus_dir / "en.txt")
        result = import_pair(store, zh, en, embedder=get_embedder())
        return glossary_rows(store, result.symbol)
    finally:
        store.close()
