"""API fixtures: the app on a temporary database, the hashing embedder, the synthetic record
(tests/synthetic_records.py) stored, and a small record pair to upload."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from api_support import DATA, TOKEN
from fastapi import FastAPI
from fastapi.testclient import TestClient
from synthetic_records import make_alignment

from aligner.align.hashing_embedder import HashingEmbedder
from api.deps import get_embedder
from api.main import create_app
from api.settings import Settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db=tmp_path / "api.db", token=TOKEN, max_upload_mb=0.05)


@pytest.fixture
def embedder() -> HashingEmbedder:
    return HashingEmbedder()


@pytest.fixture
def app(settings: Settings, embedder: HashingEmbedder) -> FastAPI:
    application = create_app(settings)
    application.dependency_overrides[get_embedder] = lambda: embedder
    return application


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


@pytest.fixture
def seeded(client: TestClient) -> TestClient:
    """The client with the synthetic S/PV.9999 stored."""
    client.app.state.store.save_alignment(make_alignment())
    return client


@pytest.fixture
def files() -> dict[str, tuple[str, bytes, str]]:
    """A small record pair written for the tests (S/PV.9990), as multipart files."""
    return {
        "zh": ("zh.txt", (DATA / "zh.txt").read_bytes(), "text/plain"),
        "en": ("en.txt", (DATA / "en.txt").read_bytes(), "text/plain"),
    }
