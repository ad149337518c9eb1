"""Every import builds the record's share of the glossary; a failed glossary build keeps the
stored alignment and the previous glossary."""

from __future__ import annotations

from pathlib import Path

import pytest

from aligner.align.embedder import HashingEmbedder
from aligner.pipeline.record_import import Source, import_pair
from aligner.store import Repository
from aligner.store.glossary import GlossaryStore

DATA = Path(__file__).resolve().parents[1] / "api" / "data"


def _sources() -> tuple[Source, Source]:
    return Source.from_path(DATA / "zh.txt"), Source.from_path(DATA / "en.txt")


def test_import_builds_the_glossary(store: Repository) -> None:
    result = import_pair(store, *_sources(), embedder=HashingEmbedder())
    assert result.terms is not None and result.terms.entries > 0
    glossary = GlossaryStore(store)
    assert glossary.record_count(result.symbol) == result.terms.entries
    pairs = {(e.zh, e.en) for e in glossary.all()}
    assert {("中国", "China"), ("斡旋", "good offices")} <= pairs


def test_a_failed_glossary_build_keeps_the_alignment(
    store: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = import_pair(store, *_sources(), embedder=HashingEmbedder())
    before = {(e.zh, e.en) for e in GlossaryStore(store).all()}

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("segmenter crashed")

    monkeypatch.setattr("aligner.pipeline.glossary_build.extract_terms", broken)
    again = import_pair(store, *_sources(), embedder=HashingEmbedder(), force=True)
    assert again.terms is None
    assert any("segmenter crashed" in w for w in again.warnings)
    assert store.get_record(first.symbol).pair_count == first.pairs
    assert {(e.zh, e.en) for e in GlossaryStore(store).all()} == before
