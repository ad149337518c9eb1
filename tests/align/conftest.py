"""Fixtures for the alignment tests: small zh/en texts written for these tests."""

from __future__ import annotations

import os

import pytest

from aligner.align.embedder import Embedder, HashingEmbedder, get_embedder

# The real model must never reach for the hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")


@pytest.fixture(scope="session")
def hashing() -> Embedder:
    return HashingEmbedder()


@pytest.fixture(scope="session")
def use_model() -> Embedder:
    """The default USE-m-v3 embedder (loads the model: mark tests @pytest.mark.model)."""
    return get_embedder()
