"""TM snapshots: readers never wait for a rebuild, writers refresh, the ANN index matches the
exact one and is kept (and re-validated) beside the store."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest
from synthetic_records import make_alignment

from aligner.align.hashing_embedder import HashingEmbedder
from aligner.store import SQLiteStore
from aligner.store.rows import PairRow
from aligner.tm import TranslationMemory, index_record, shared_memory


class GatedMemory(TranslationMemory):
    """A TranslationMemory whose background rebuilds wait for `gate`: a slow rebuild at will."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.gate = threading.Event()
        self.rebuilding = threading.Event()

    def _vectors(
        self, units: list[PairRow], lang: str, *, embed_missing: bool, dim: int
    ) -> np.ndarray:
        if not embed_missing:  # a reader-triggered rebuild
            self.rebuilding.set()
            assert self.gate.wait(timeout=30)
        return super()._vectors(units, lang, embed_missing=embed_missing, dim=dim)


def symbols(matches: list) -> set[str]:
    return {m.pair.symbol for m in matches}


def test_a_reader_answers_from_the_old_index_while_a_rebuild_runs(stored: SQLiteStore) -> None:
    tm = GatedMemory(stored, HashingEmbedder())
    assert symbols(tm.lookup("谢谢主席。", "zh", k=5, min_match=100)) == {"S/PV.9999"}
    stored.save_alignment(make_alignment("S/PV.8888"))
    index_record(stored, tm.embedder, "S/PV.8888")  # vectors stored; this tm is not shared

    answers: list[set[str]] = []
    reader = threading.Thread(
        target=lambda: answers.append(symbols(tm.lookup("谢谢主席。", "zh", k=5, min_match=100)))
    )
    reader.start()
    reader.join(timeout=20)
    assert not reader.is_alive(), "the look-up waited for the rebuild"
    assert answers == [{"S/PV.9999"}]  # the old snapshot, still answering
    assert tm.rebuilding.wait(timeout=10)
    tm.gate.set()
    for _ in range(200):  # the background build swaps its snapshot in
        if tm._snapshots["zh"].version == stored.data_version():
            break
        threading.Event().wait(0.05)
    assert symbols(tm.lookup("谢谢主席。", "zh", k=5, min_match=100)) == {"S/PV.9999", "S/PV.8888"}
    tm.close()


def test_a_deleted_record_is_never_returned_from_a_stale_index(stored: SQLiteStore) -> None:
    stored.save_alignment(make_alignment("S/PV.8888"))
    tm = GatedMemory(stored, HashingEmbedder())
    assert "S/PV.8888" in symbols(tm.lookup("谢谢主席。", "zh", k=5))
    stored.delete_record("S/PV.8888")
    assert symbols(tm.lookup("谢谢主席。", "zh", k=5)) == {"S/PV.9999"}  # read back, not cached
    tm.gate.set()
    tm.close()  # the background rebuild ends before the fixture closes the store
    assert not any(t.name.startswith("tm-index-") for t in threading.enumerate())


def test_a_closed_memory_starts_no_background_rebuild(stored: SQLiteStore) -> None:
    tm = GatedMemory(stored, HashingEmbedder())
    tm.lookup("谢谢主席。", "zh", k=5)
    tm.close()
    stored.save_alignment(make_alignment("S/PV.8888"))
    tm.lookup("谢谢主席。", "zh", k=5)  # stale, but closed: answers from the old snapshot
    assert not tm.rebuilding.is_set()


def test_an_import_refreshes_the_live_shared_memory(stored: SQLiteStore) -> None:
    embedder = HashingEmbedder()
    tm = shared_memory(stored, embedder)
    assert tm is shared_memory(stored, embedder)
    assert symbols(tm.lookup("谢谢主席。", "zh", k=5, min_match=100)) == {"S/PV.9999"}
    stored.save_alignment(make_alignment("S/PV.8888"))
    index_record(stored, embedder, "S/PV.8888")  # what the import job runs
    assert tm._snapshots["zh"].version == stored.data_version()  # fresh before any look-up
    assert symbols(tm.lookup("谢谢主席。", "zh", k=5, min_match=100)) == {"S/PV.9999", "S/PV.8888"}


QUERIES = [
    ("法国支持联合国在这一地区的努力。", "zh"),
    ("谢谢主席。", "zh"),
    ("The meeting rose at 11.35 am.", "en"),
    ("China supports the Council.", "en"),
]


def test_the_ann_index_answers_like_exact_search(stored: SQLiteStore) -> None:
    pytest.importorskip("usearch", reason="the ANN extra is not installed")
    stored.save_alignment(make_alignment("S/PV.8888"))
    embedder = HashingEmbedder()
    exact = TranslationMemory(stored, embedder, index="exact")
    ann = TranslationMemory(stored, embedder, index="ann")
    for text, lang in QUERIES:
        a = [(m.pair.id, m.match, m.similarity) for m in exact.lookup(text, lang, k=5)]
        b = [(m.pair.id, m.match, m.similarity) for m in ann.lookup(text, lang, k=5)]
        assert a == b
    assert ann._snapshots["zh"].index.kind == "usearch"
    assert exact._snapshots["zh"].index.kind == "exact"


def test_the_ann_index_is_kept_beside_the_store_and_rebuilt_when_stale(
    stored: SQLiteStore, tmp_path: Path
) -> None:
    pytest.importorskip("usearch", reason="the ANN extra is not installed")
    folder = tmp_path / "tm.db.tm"
    embedder = HashingEmbedder()
    first = TranslationMemory(stored, embedder, index="ann", index_dir=folder)
    built = first.refresh()
    assert [s.loaded for s in built] == [False, False] and [s.units for s in built] == [9, 9]
    assert len(list(folder.glob("*.json"))) == 2
    again = TranslationMemory(stored, embedder, index="ann", index_dir=folder)
    assert [s.loaded for s in again.refresh()] == [True, True]  # a restart reloads
    stored.save_alignment(make_alignment("S/PV.8888"))
    stale = TranslationMemory(stored, embedder, index="ann", index_dir=folder)
    stats = stale.refresh()
    assert [s.loaded for s in stats] == [False, False] and stats[0].units == 18  # rebuilt
    assert "S/PV.8888" in symbols(stale.lookup("谢谢主席。", "zh", k=5))
