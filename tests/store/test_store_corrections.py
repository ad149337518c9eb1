"""Reviewer corrections: flag, merge, split, re-link; history with who and when."""

from __future__ import annotations

import pytest
from synthetic_records import SYMBOL, MakeAlignment

from aligner.errors import InputError, NotFoundError
from aligner.store import Repository
from aligner.store.rows import Correction
from aligner.terms.entry import TermContext, TermEntry


def _pairs(store: Repository) -> list:
    return store.list_pairs(SYMBOL).items


def _covering(store: Repository) -> tuple[list[str], list[str]]:
    """Every sentence id, in pair order: corrections must neither lose nor reorder any."""
    pairs = _pairs(store)
    return [i for p in pairs for i in p.zh_ids], [i for p in pairs for i in p.en_ids]


def test_flag_sets_status_flags_and_note_with_reviewer(stored: Repository) -> None:
    pair = _pairs(stored)[4]
    changed = stored.correct_pair(
        pair.id,
        Correction("flag", "alice", note="checked", status="approved", flags=["terminology"]),
    )
    assert [p.id for p in changed] == [pair.id]
    got = stored.get_pair(pair.id)
    assert (got.status, got.flags, got.note, got.reviewed_by) == (
        "approved",
        ["terminology"],
        "checked",
        "alice",
    )
    assert got.reviewed_at and got.confidence == pair.confidence
    [history] = stored.corrections(pair_id=pair.id)
    assert (history.action, history.reviewer, history.note) == ("flag", "alice", "checked")
    assert history.before[0]["status"] == "auto" and history.after[0]["status"] == "approved"


def test_merge_joins_neighbours_and_keeps_every_sentence(stored: Repository) -> None:
    before = _covering(stored)
    pairs = _pairs(stored)
    first, second = pairs[6], pairs[7]
    [merged] = stored.correct_pair(
        second.id, Correction("merge", "bob", with_pair=first.id, note="one thought")
    )
    assert merged.id == first.id  # the earlier pair survives
    assert merged.zh_ids == first.zh_ids + second.zh_ids
    assert merged.en_ids == first.en_ids + second.en_ids
    assert (merged.type, merged.confidence, merged.status, merged.origin) == (
        "2-2",
        1.0,
        "corrected",
        "reviewer",
    )
    assert merged.zh == first.zh + second.zh
    assert _covering(stored) == before
    assert len(_pairs(stored)) == len(pairs) - 1
    assert [p.position for p in _pairs(stored)] == list(range(len(pairs) - 1))
    with pytest.raises(NotFoundError):
        stored.get_pair(second.id)
    # The history follows the surviving pair, and search finds the merged text.
    assert [c.action for c in stored.corrections(pair_id=first.id)] == ["merge"]
    assert stored.search("法国关切").items[0].pair.id == first.id


def test_merge_only_joins_neighbours(stored: Repository) -> None:
    pairs = _pairs(stored)
    with pytest.raises(InputError, match="next to"):
        stored.correct_pair(pairs[0].id, Correction("merge", "bob", with_pair=pairs[5].id))
    with pytest.raises(InputError, match="with_pair"):
        stored.correct_pair(pairs[0].id, Correction("merge", "bob"))


def test_split_cuts_a_pair_in_two(stored: Repository) -> None:
    before = _covering(stored)
    one_two = next(p for p in _pairs(stored) if p.type == "1-2")
    head, tail = stored.correct_pair(one_two.id, Correction("split", "carol", zh_at=1, en_at=1))
    assert head.id == one_two.id and tail.id != one_two.id
    assert (head.type, tail.type) == ("1-1", "0-1")
    assert tail.en == "Differences should be resolved through dialogue."
    assert tail.position == head.position + 1
    assert _covering(stored) == before
    for bad in ({"zh_at": 0, "en_at": 0}, {"zh_at": 1, "en_at": 2}, {"zh_at": 5, "en_at": 0}):
        with pytest.raises(InputError):
            stored.correct_pair(head.id, Correction("split", "carol", **bad))


def test_relink_moves_a_boundary_and_releases_what_it_drops(stored: Repository) -> None:
    before = _covering(stored)
    pairs = _pairs(stored)
    one_two, next_pair = pairs[4], pairs[5]
    assert one_two.type == "1-2"
    # The reviewer says the 1-2 pair's zh sentence goes with both en sentences and the next
    # zh sentence too: take it from the next pair, which is left with only its en side.
    changed = stored.correct_pair(
        one_two.id,
        Correction(
            "relink", "dan", zh_ids=one_two.zh_ids + next_pair.zh_ids, en_ids=one_two.en_ids
        ),
    )
    assert changed[0].id == one_two.id and changed[0].type == "2-2"
    left = stored.get_pair(next_pair.id)
    assert (left.zh_ids, left.type, left.flags) == ([], "0-1", ["needs-review"])
    assert _covering(stored) == before

    # Dropping a sentence gives it a pair of its own right where it was.
    changed = stored.correct_pair(
        one_two.id,
        Correction("relink", "dan", zh_ids=one_two.zh_ids, en_ids=one_two.en_ids[:1]),
    )
    assert _covering(stored) == before
    released = [p for p in changed if p.id != one_two.id]
    assert {tuple(p.zh_ids + p.en_ids) for p in released} == {
        (next_pair.zh_ids[0],),
        (one_two.en_ids[1],),
    }
    assert all(p.confidence == 0.0 and p.flags == ["needs-review"] for p in released)


def test_relink_refuses_crossing_or_foreign_sentences(stored: Repository) -> None:
    pairs = _pairs(stored)
    with pytest.raises(InputError, match="cross"):
        stored.correct_pair(
            pairs[1].id,
            Correction("relink", "dan", zh_ids=pairs[6].zh_ids, en_ids=pairs[1].en_ids),
        )
    with pytest.raises(InputError, match="not a zh sentence"):
        stored.correct_pair(pairs[1].id, Correction("relink", "dan", zh_ids=pairs[1].en_ids))
    with pytest.raises(InputError, match="consecutive"):
        stored.correct_pair(
            pairs[3].id,
            Correction("relink", "dan", zh_ids=[pairs[3].zh_ids[0], pairs[5].zh_ids[0]]),
        )
    assert stored.corrections(symbol=SYMBOL) == []  # nothing half-applied


def test_corrections_are_validated(stored: Repository) -> None:
    pair = _pairs(stored)[0]
    bad = [
        Correction("flag", "  "),
        Correction("flag", "eve"),
        Correction("flag", "eve", status="perfect"),
        Correction("flag", "eve", flags=["x" * 41]),
        Correction("flag", "eve", note="n" * 2001),
        Correction("relink", "eve"),
    ]
    for corr in bad:
        with pytest.raises(InputError):
            stored.correct_pair(pair.id, corr)
    with pytest.raises(NotFoundError):
        stored.correct_pair(10_000, Correction("flag", "eve", status="approved"))


def test_glossary_contexts_follow_a_merged_pair(stored: Repository) -> None:
    pairs = _pairs(stored)
    entry = TermEntry(
        zh="边境",
        en="border",
        type="term",
        contexts=[TermContext(SYMBOL, pairs[7].zh, pairs[7].en, pair_id=pairs[7].id)],
    )
    stored.glossary.save_record_terms(SYMBOL, [entry])
    [saved] = stored.glossary.all()
    stored.correct_pair(pairs[6].id, Correction("merge", "bob", with_pair=pairs[7].id))
    assert [c.pair_id for c in stored.glossary.get(saved.id).contexts] == [pairs[6].id]


def test_realigning_identical_text_keeps_a_reviewers_verdict(
    stored: Repository, make_alignment: MakeAlignment
) -> None:
    pair = _pairs(stored)[0]
    stored.correct_pair(pair.id, Correction("flag", "alice", status="approved"))
    stored.save_alignment(make_alignment(salt="v2", merge_second_member=True))
    assert stored.get_pair(pair.id).status == "approved"
