"""The store's own checks, for library and CLI callers that skip the API's validation:
page bounds, ids past SQLite's range, text no record has, symbols, an unusable path."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from lxml import etree
from synthetic_records import SYMBOL, MakeAlignment

from aligner.errors import InputError, NotFoundError
from aligner.export import get_exporter, load_bundle
from aligner.store import Repository, open_store
from aligner.store.limits import MAX_OFFSET
from aligner.store.rows import Correction
from aligner.store.sqlite import SQLiteStore

HUGE = 10**30


@pytest.mark.parametrize(("limit", "offset"), [(0, 0), (1001, 0), (10, -1), (10, MAX_OFFSET + 1)])
def test_pages_out_of_bounds_are_input_errors(stored: Repository, limit: int, offset: int) -> None:
    with pytest.raises(InputError):
        stored.list_pairs(SYMBOL, limit=limit, offset=offset)
    with pytest.raises(InputError):
        stored.search("安全", limit=limit, offset=offset)


def test_ids_past_sqlite_integers_are_simply_not_found(stored: Repository) -> None:
    with pytest.raises(NotFoundError):
        stored.get_pair(HUGE)
    with pytest.raises(NotFoundError):
        stored.correct_pair(HUGE, Correction("flag", "a", status="approved"))
    assert stored.corrections(pair_id=HUGE) == []


@pytest.mark.parametrize(
    "correction",
    [
        Correction("flag", "alice", note="a\x00b"),
        Correction("flag", "alice", note="x" * 2001),
        Correction("flag", "al\ud800ice", status="approved"),
        Correction("flag", "alice", flags=["ok", "bad\ufffe"]),
        Correction("flag", "   ", status="approved"),
    ],
)
def test_text_no_record_has_is_refused_and_nothing_changes(
    stored: Repository, correction: Correction
) -> None:
    before = stored.list_pairs(SYMBOL).items
    with pytest.raises(InputError):
        stored.correct_pair(before[0].id, correction)
    assert stored.list_pairs(SYMBOL).items == before
    assert stored.corrections(symbol=SYMBOL) == []


def test_a_multi_line_note_is_kept(stored: Repository) -> None:
    pair = stored.list_pairs(SYMBOL).items[0]
    [changed] = stored.correct_pair(pair.id, Correction("flag", " bob ", note="one\ntwo\t3"))
    assert (changed.note, changed.reviewed_by) == ("one\ntwo\t3", "bob")


def test_a_note_stored_before_notes_were_checked_cannot_break_the_tmx(
    sqlite_store: SQLiteStore, make_alignment: MakeAlignment
) -> None:
    stored = sqlite_store
    stored.save_alignment(make_alignment())
    pair = stored.list_pairs(SYMBOL).items[0]
    stored.correct_pair(pair.id, Correction("flag", "bob", note="fine"))
    with stored.write() as c:  # what an older verbalign let through
        c.execute("UPDATE corrections SET note = 'bad\x01note\ufffe'")
        c.execute("UPDATE pairs SET reviewed_by = 'b\x02ob' WHERE id = ?", (pair.id,))
    data = get_exporter("tmx").dumps(load_bundle(stored, SYMBOL))
    tu = etree.parse(io.BytesIO(data)).getroot().find("body/tu")
    assert tu.findtext("note").endswith(": badnote")
    assert tu.get("changeid") == "bob"


@pytest.mark.parametrize("symbol", ['S/PV.1"x', "S/PV.1\nX", "x" * 65, "/PV.1", "S/PV.1  (Part 2)"])
def test_a_record_symbol_must_look_like_one(
    store: Repository, make_alignment: MakeAlignment, symbol: str
) -> None:
    alignment = make_alignment()
    alignment.zh.meta.symbol = alignment.en.meta.symbol = symbol
    with pytest.raises(InputError, match="symbol"):
        store.save_alignment(alignment)
    assert store.list_records() == []


def test_a_database_folder_that_cannot_be_made_is_an_input_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(InputError, match="cannot create the database folder"):
        open_store(blocker / "sub" / "v.db")


def test_an_import_file_over_the_size_limit_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import aligner.ingest.source
    from aligner.pipeline.record_import import Source

    big = tmp_path / "zh.txt"
    big.write_text("上午10时开会。" * 100, encoding="utf-8")
    monkeypatch.setattr(aligner.ingest.source, "MAX_BYTES", 1024)
    with pytest.raises(InputError, match="at most"):
        Source.from_path(big)
    with pytest.raises(InputError, match="no such file"):
        Source.from_path(tmp_path / "missing.txt")
