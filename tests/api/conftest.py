"""API fixtures: the app on a temporary database, the hashing embedder, synthetic records."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from api_support import DATA, TOKEN
from fastapi import FastAPI
from fastapi.testclient import TestClient

from aligner.align.hashing_embedder import HashingEmbedder
from aligner.models import RecordAlignment
from api.deps import get_embedder
from api.main import create_app
from api.settings import Settings


def _load_synthetic() -> Any:
    name = "verbalign_test_synthetic"
    if name not in sys.modules:
        path = Path(__file__).parent.parent / "store" / "synthetic.py"
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


synthetic = _load_synthetic()


@pytest.fixture
def make_alignment() -> Callable[..., RecordAlignment]:
    """synthetic.make_alignment (tests/store/synthetic.py)."""
    return synthetic.make_alignment


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
    client.app.state.store.save_alignment(synthetic.make_alignment())
    return client


@pytest.fixture
def files() -> dict[str, tuple[str, bytes, str]]:
    """A small record pair written for the tests (S/PV.9990), as multipart files."""
    return {
        "zh": ("zh.txt", (DATA / "zh.txt").read_bytes(), "text/plain"),
        "en": ("en.txt", (DATA / "en.txt").read_bytes(), "text/plain"),
    }
