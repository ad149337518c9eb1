"""Saving, re-aligning, reading and deleting records."""

from __future__ import annotations

import pytest
from synthetic_records import SYMBOL, MakeAlignment

from aligner.errors import ConflictError, InputError, NotFoundError
from aligner.store import Repository
from aligner.store.rows import PairFilter


def _links(store: Repository) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    return [(tuple(p.zh_ids), tuple(p.en_ids)) for p in store.list_pairs(SYMBOL).items]


def test_a_saved_record_reads_back_with_structure_and_provenance(
    store: Repository, make_alignment: MakeAlignment
) -> None:
    alignment = make_alignment()
    result = store.save_alignment(alignment)
    assert (result.status, result.pair_count) == ("created", len(alignment.pairs))

    record = store.get_record(SYMBOL)
    assert record.languages == ["en", "zh"]
    assert {v.language: v.source_sha256 for v in record.versions} == {
        "zh": alignment.zh.source_sha256,
        "en": alignment.en.source_sha256,
    }
    china = record.turns["zh"][2]
    assert (china.speaker, china.country_code, china.spoken_language) == ("张伟", "CHN", "zh")
    assert china.is_original and (china.paragraphs, china.sentences) == (2, 3)
    assert record.turns["en"][2].speaker == "Zhang Wei"
    assert record.turns["en"][3].title == "Minister for Europe and Foreign Affairs of France"
    assert record.turns["zh"][2].title is None
    assert len(record.turn_links) == 5

    pairs = store.list_pairs(SYMBOL).items
    assert [p.zh for p in pairs] == ["".join(a.zh) for a in alignment.pairs]
    one_two = next(p for p in pairs if p.type == "1-2")
    assert one_two.en == (
        "We call on all parties to exercise restraint. "
        "Differences should be resolved through dialogue."
    )
    assert one_two.original == "zh" and one_two.speaker_en == "Zhang Wei"
    french = next(p for p in pairs if p.speaker_en == "Dupont")
    assert french.original is None and french.spoken_language == "fr"
    assert all(p.signature == alignment.signature for p in pairs)


def test_importing_the_same_files_twice_changes_nothing(
    store: Repository, make_alignment: MakeAlignment
) -> None:
    store.save_alignment(make_alignment())
    before = store.list_pairs(SYMBOL).items
    version = store.data_version()
    again = store.save_alignment(make_alignment())
    assert again.status == "unchanged"
    assert store.list_pairs(SYMBOL).items == before
    assert store.data_version() == version
    assert (
        store.find_symbol_by_sources(
            make_alignment().zh.source_sha256, make_alignment().en.source_sha256
        )
        == SYMBOL
    )
    assert store.find_symbol_by_sources("0" * 64, "1" * 64) is None


def test_realignment_replaces_the_pairs_and_keeps_ids_of_unchanged_links(
    store: Repository, make_alignment: MakeAlignment
) -> None:
    store.save_alignment(make_alignment())
    old = {(tuple(p.zh_ids), tuple(p.en_ids)): p.id for p in store.list_pairs(SYMBOL).items}
    new_alignment = make_alignment(salt="v2", merge_second_member=True)
    result = store.save_alignment(new_alignment)
    assert result.status == "updated"
    pairs = store.list_pairs(SYMBOL).items
    assert _links(store) == [(tuple(a.zh_ids), tuple(a.en_ids)) for a in new_alignment.pairs]
    assert [p.position for p in pairs] == list(range(len(pairs)))
    kept = [p for p in pairs if (tuple(p.zh_ids), tuple(p.en_ids)) in old]
    assert kept and all(p.id == old[(tuple(p.zh_ids), tuple(p.en_ids))] for p in kept)
    merged = next(p for p in pairs if p.type == "2-2")
    assert merged.id not in old.values()
    assert store.get_record(SYMBOL).pair_count == len(new_alignment.pairs)


def test_force_realigns_identical_files(store: Repository, make_alignment: MakeAlignment) -> None:
    store.save_alignment(make_alignment())
    forced = store.save_alignment(make_alignment(merge_second_member=True), force=True)
    assert forced.status == "updated"
    assert any(p.type == "2-2" for p in store.list_pairs(SYMBOL).items)


def test_a_failed_save_leaves_the_previous_version_intact(
    store: Repository, make_alignment: MakeAlignment
) -> None:
    store.save_alignment(make_alignment())
    before = store.list_pairs(SYMBOL).items
    broken = make_alignment(salt="v2")
    broken.pairs[-1].zh_ids = ["S/PV.9999/zh/t099/p000/s000"]  # a sentence no record has
    with pytest.raises(InputError, match="lack"):
        store.save_alignment(broken)
    assert store.list_pairs(SYMBOL).items == before
    assert store.get_record(SYMBOL).versions[0].source_sha256 == make_alignment().en.source_sha256


def test_two_different_meetings_cannot_be_saved_as_one(
    store: Repository, make_alignment: MakeAlignment
) -> None:
    alignment = make_alignment()
    alignment.en.meta.symbol = "S/PV.1234"
    with pytest.raises(ConflictError, match="different meetings"):
        store.save_alignment(alignment)
    alignment.zh.meta.symbol = alignment.en.meta.symbol = None
    with pytest.raises(InputError, match="symbol"):
        store.save_alignment(alignment)
    assert store.list_records() == []


def test_pairs_filter_and_paginate(stored: Repository) -> None:
    everything = stored.list_pairs(SYMBOL)
    assert everything.total == 10
    page = stored.list_pairs(SYMBOL, limit=3, offset=3)
    assert (page.total, page.limit, page.offset) == (10, 3, 3)
    assert [p.position for p in page.items] == [3, 4, 5]

    def ids(**kw: object) -> list[int]:
        return [p.position for p in stored.list_pairs(SYMBOL, PairFilter(**kw)).items]  # type: ignore[arg-type]

    assert ids(turn=2) == [3, 4, 5]
    assert ids(speaker="zhang") == [3, 4, 5]
    assert ids(speaker="杜邦") == [6, 7, 8]
    assert ids(country="CHN") == [3, 4, 5]
    assert ids(country="france") == [1, 2, 6, 7, 8]
    assert ids(type="0-1") == [8]
    assert ids(min_confidence=0.5, max_confidence=0.9) == [4, 7]
    assert ids(status="approved") == []
    with pytest.raises(NotFoundError):
        stored.list_pairs("S/PV.0000")


def test_delete_removes_everything_of_the_record(stored: Repository) -> None:
    stored.delete_record(SYMBOL)
    assert stored.list_records() == []
    assert stored.search("安全理事会").total == 0
    with pytest.raises(NotFoundError):
        stored.get_record(SYMBOL)
    with pytest.raises(NotFoundError):
        stored.delete_record(SYMBOL)
