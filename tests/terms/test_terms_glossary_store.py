"""The glossary in the store: merging across records, rebuilds, curation, atomic builds."""

from __future__ import annotations

import pytest
from terms_fixtures import meeting, second_meeting

from aligner.errors import ConflictError, NotFoundError
from aligner.pipeline.glossary_build import glossary_from_alignment
from aligner.store import SQLiteStore
from aligner.store.glossary import GlossaryStore
from aligner.store.sql import glossary as glossary_module
from aligner.terms.entry import TermEntry, TermValidationError


def _by_zh(store: SQLiteStore, zh: str) -> TermEntry:
    found = [e for e in GlossaryStore(store).all() if e.zh == zh]
    assert len(found) == 1, found
    return found[0]


def test_entries_merge_across_records(store: SQLiteStore) -> None:
    glossary_from_alignment(store, meeting())
    once = _by_zh(store, "停火")
    glossary_from_alignment(store, second_meeting())
    merged = _by_zh(store, "停火")
    assert merged.symbols == ["S/PV.9998", "S/PV.9999"]
    assert merged.freq_zh == once.freq_zh + 2
    assert merged.freq_en == once.freq_en + 2
    contexts = GlossaryStore(store).get(merged.id).contexts  # type: ignore[arg-type]
    assert {c.symbol for c in contexts} == {"S/PV.9998", "S/PV.9999"}
    assert all(c.pair_id is not None for c in contexts)


def test_rebuilding_a_record_replaces_its_contribution(built: SQLiteStore) -> None:
    before = {(e.zh, e.en, e.freq_zh, e.freq_en) for e in GlossaryStore(built).all()}
    glossary_from_alignment(built, meeting())
    after = {(e.zh, e.en, e.freq_zh, e.freq_en) for e in GlossaryStore(built).all()}
    assert after == before


def test_a_failed_build_leaves_the_previous_glossary(
    built: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = [(e.id, e.zh, e.freq_zh, e.symbols) for e in GlossaryStore(built).all()]
    calls = {"n": 0}
    real = glossary_module._pair_id

    def fail_midway(*args: object, **kwargs: object) -> int | None:
        calls["n"] += 1
        if calls["n"] > 3:
            raise RuntimeError("disk full")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(glossary_module, "_pair_id", fail_midway)
    with pytest.raises(RuntimeError):
        glossary_from_alignment(built, meeting(), save_record=False)
    after = [(e.id, e.zh, e.freq_zh, e.symbols) for e in GlossaryStore(built).all()]
    assert after == before


def test_a_reviewers_status_survives_a_rebuild(built: SQLiteStore) -> None:
    glossary = GlossaryStore(built)
    entry = _by_zh(built, "停火")
    glossary.update(entry.id, {"status": "approved", "type": "phraseology"}, reviewer="ana")  # type: ignore[arg-type]
    glossary_from_alignment(built, meeting())
    again = glossary.get(entry.id)  # type: ignore[arg-type]
    assert again.status == "approved"
    assert again.symbols == ["S/PV.9998", "S/PV.9999"]


def test_curated_entries_are_kept_when_no_record_attests_them(store: SQLiteStore) -> None:
    glossary = GlossaryStore(store)
    added = glossary.add(
        TermEntry(zh="粮食援助", en="food aid", type="phraseology", status="approved")
    )
    glossary_from_alignment(store, meeting())
    assert glossary.get(added.id).en == "food aid"  # type: ignore[arg-type]


def test_uncurated_entries_a_record_no_longer_attests_are_removed(store: SQLiteStore) -> None:
    glossary_from_alignment(store, meeting())
    assert any(e.zh == "达喀尔" for e in GlossaryStore(store).all())
    # The same record rebuilt without its briefing turn no longer names Dakar.
    smaller = meeting()
    smaller.pairs = [p for p in smaller.pairs if p.zh_turn != 2]
    glossary_from_alignment(store, smaller, save_record=False)
    assert not any(e.zh == "达喀尔" for e in GlossaryStore(store).all())


def test_curation_validates_its_fields(built: SQLiteStore) -> None:
    glossary = GlossaryStore(built)
    entry = _by_zh(built, "停火")
    with pytest.raises(TermValidationError):
        glossary.update(entry.id, {"status": "maybe"})  # type: ignore[arg-type]
    with pytest.raises(TermValidationError):
        glossary.update(entry.id, {"type": "thing"})  # type: ignore[arg-type]
    with pytest.raises(TermValidationError):
        glossary.update(entry.id, {"en": "   "})  # type: ignore[arg-type]
    with pytest.raises(TermValidationError):
        glossary.update(entry.id, {"zh": "no chinese here"})  # type: ignore[arg-type]
    with pytest.raises(TermValidationError):
        glossary.update(entry.id, {"en": "cease\x00fire"})  # type: ignore[arg-type]
    with pytest.raises(TermValidationError):
        glossary.update(entry.id, {"id": 5})  # type: ignore[arg-type]
    with pytest.raises(NotFoundError):
        glossary.update(999999, {"status": "approved"})
    council = _by_zh(built, "安全理事会")
    with pytest.raises(ConflictError):
        glossary.update(council.id, {"zh": "停火", "en": "Ceasefire"})  # type: ignore[arg-type]
    with pytest.raises(ConflictError):
        glossary.add(TermEntry(zh="停火", en="CEASEFIRE", type="phraseology"))
    assert glossary.get(entry.id).status == "candidate"  # type: ignore[arg-type]


def test_edits_are_stored_in_simplified_form_with_a_traditional_twin(built: SQLiteStore) -> None:
    glossary = GlossaryStore(built)
    entry = _by_zh(built, "停火")
    edited = glossary.update(entry.id, {"zh": "停火", "zh_variants": ["停戰"]})  # type: ignore[arg-type]
    assert edited.zh_variants == ["停战"]
    assert edited.zh_traditional == "停火"


def test_a_store_wide_build_finds_terms_that_recur_across_records(store: SQLiteStore) -> None:
    from terms_fixtures import make_alignment
    from test_terms_found_by_itself import _penholder_turns

    from aligner.pipeline.glossary_build import glossary_store_wide
    from aligner.store.glossary import STORE_WIDE

    symbols = ("S/PV.9001", "S/PV.9002", "S/PV.9003")
    for k, symbol in enumerate(symbols):
        glossary_from_alignment(store, make_alignment(_penholder_turns(1, k), symbol))
    glossary = GlossaryStore(store)
    records_only = {(e.zh, e.en): e for e in glossary.all()}
    assert ("执笔方", "penholder") not in records_only  # once per record: too rare for one

    result = glossary_store_wide(store)
    assert result.symbol == STORE_WIDE and result.created >= 1
    entry = _by_zh(store, "执笔方")
    assert entry.en == "penholder" and entry.symbols == [STORE_WIDE]
    assert entry.freq_zh == 3
    contexts = glossary.get(entry.id).contexts  # type: ignore[arg-type]
    pair_ids = {p.id for s in symbols for p in store.list_pairs(s).items}
    assert contexts and all(c.pair_id in pair_ids for c in contexts)
    # The records' own entries are neither found again nor changed.
    after = {(e.zh, e.en): e for e in glossary.all()}
    for key, e in records_only.items():
        assert (after[key].freq_zh, after[key].symbols) == (e.freq_zh, e.symbols)

    # Idempotent; rebuilding a record leaves the store-wide contribution alone.
    again = glossary_store_wide(store)
    assert (again.created, again.removed) == (0, 0)
    glossary_from_alignment(store, make_alignment(_penholder_turns(1, 0), symbols[0]))
    assert _by_zh(store, "执笔方").freq_zh == 3
    assert glossary.record_count(STORE_WIDE) == again.entries


def test_a_store_wide_build_of_an_empty_store_is_an_input_error(store: SQLiteStore) -> None:
    from aligner.errors import InputError
    from aligner.pipeline.glossary_build import glossary_store_wide

    with pytest.raises(InputError):
        glossary_store_wide(store)
    assert GlossaryStore(store).count() == 0
