"""Helpers for the review-page tests: the synthetic QA record and the app factory."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

TOKEN = "review-test-token"


def _synthetic() -> Any:
    name = "verbalign_qa_synthetic"
    if name not in sys.modules:
        path = Path(__file__).parent.parent / "qa" / "qa_synthetic.py"
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


synthetic = _synthetic()


def make_app(db: Path) -> Any:
    from aligner.align.hashing_embedder import HashingEmbedder
    from api.deps import get_embedder
    from api.main import create_app
    from api.settings import Settings

    app = create_app(Settings(db=db, token=TOKEN))
    embedder = HashingEmbedder()
    app.dependency_overrides[get_embedder] = lambda: embedder
    return app
