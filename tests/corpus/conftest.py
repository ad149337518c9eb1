"""Fixtures of the corpus tests: synthetic record pairs (synthetic_pairs.py) and a corpus built
from them once per module with the torch-free hashing embedder (the engines and the table are
under test here, not the model; one test in test_corpus_real.py uses the real model)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from synthetic_pairs import write_pairs

REAL = Path(__file__).resolve().parents[3] / "shared" / "real"
MODEL = "hashing"


@pytest.fixture
def pairs_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "records"
    write_pairs(folder, [7001, 7002, 7003])
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A corpus of four synthetic meetings, built with the local engine in one worker."""
    from aligner.pipeline.corpus_build import build_corpus

    root = tmp_path_factory.mktemp("built")
    write_pairs(root / "records", [7101, 7102, 7103, 7104])
    report = build_corpus(root / "records", root / "corpus", workers=1, model=MODEL)
    assert report.failed == 0, report.errors
    return root / "corpus"
