"""Record versions through the Repository: a re-import makes a new version, the old one stays
readable, reviewed pairs are carried over by text, and nothing a reviewer did is lost."""

from __future__ import annotations

import copy

import pytest
from synthetic_records import SYMBOL, MakeAlignment

from aligner.errors import ConflictError, NotFoundError
from aligner.models import AlignedPair, RecordAlignment, Sentence, TurnLink, sentence_id
from aligner.store import Repository
from aligner.store.rows import Correction
from aligner.store.versioning import ReimportRefused


def _pair_by_text(store: Repository, zh: str) -> object:
    [pair] = [p for p in store.list_pairs(SYMBOL).items if p.zh == zh]
    return pair


def _edit_sentence(alignment: RecordAlignment, lang: str, old: str, new: str) -> None:
    """Change one sentence's text in the record and in the pair that shows it."""
    record = alignment.zh if lang == "zh" else alignment.en
    for s in record.sentences():
        if s.text == old:
            s.text = s.norm = new
    for p in alignment.pairs:
        texts = p.zh if lang == "zh" else p.en
        texts[:] = [new if t == old else t for t in texts]


def _prepend_turn(alignment: RecordAlignment) -> RecordAlignment:
    """The same meeting with a procedural turn inserted first: every stored sentence id
    (symbol/lang/turn/paragraph/sentence) moves on by one turn."""
    out = copy.deepcopy(alignment)
    renamed: dict[str, str] = {}
    for record in (out.zh, out.en):
        for turn in record.turns:
            turn.index += 1
            for s in turn.sentences():
                new_id = sentence_id(SYMBOL, record.language, turn.index, s.paragraph, s.index)
                renamed[s.id] = new_id
                s.id, s.turn = new_id, turn.index
        first = copy.deepcopy(record.turns[0])
        first.index, first.role, first.header = 0, "procedure", ""
        text = "会议继续。" if record.language == "zh" else "The meeting resumed."
        sid = sentence_id(SYMBOL, record.language, 0, 0, 0)
        first.paragraphs = first.paragraphs[:1]
        first.paragraphs[0].sentences = [Sentence(sid, text, text, 0, 0, 0)]
        record.turns.insert(0, first)
    for p in out.pairs:
        p.zh_ids = [renamed[i] for i in p.zh_ids]
        p.en_ids = [renamed[i] for i in p.en_ids]
        p.zh_turn = None if p.zh_turn is None else p.zh_turn + 1
        p.en_turn = None if p.en_turn is None else p.en_turn + 1
    for link in out.turns:
        link.zh_turn = None if link.zh_turn is None else link.zh_turn + 1
        link.en_turn = None if link.en_turn is None else link.en_turn + 1
        link.zh_turns = [t + 1 for t in link.zh_turns]
        link.en_turns = [t + 1 for t in link.en_turns]
    out.turns.insert(0, TurnLink(0, 0, 0.99, [0], [0]))
    zh0, en0 = (
        out.zh.turns[0].paragraphs[0].sentences[0],
        out.en.turns[0].paragraphs[0].sentences[0],
    )
    out.pairs.insert(0, AlignedPair(0, 0, [zh0.id], [en0.id], [zh0.text], [en0.text], 0.99, "1-1"))
    out.zh.source_sha256 += "-prepended"
    out.en.source_sha256 += "-prepended"
    return out


def test_a_new_source_is_a_new_version_and_the_old_one_stays_readable(
    stored: Repository, make_alignment: MakeAlignment
) -> None:
    old_pairs = stored.list_pairs(SYMBOL).items
    result = stored.save_alignment(make_alignment(salt="v2"))
    assert (result.status, result.version, result.previous_version) == ("updated", 2, 1)
    assert result.reason == "re-import" and stored.get_record(SYMBOL).version == 2

    versions = stored.list_versions(SYMBOL)
    assert [(v.version, v.current) for v in versions] == [(1, False), (2, True)]
    assert versions[0].replaced_at and versions[1].replaced_at is None
    assert versions[0].sources[0].source_sha256 == make_alignment().en.source_sha256
    assert versions[1].sources[0].source_sha256 == make_alignment(salt="v2").en.source_sha256
    assert versions[0].pair_count == len(old_pairs) and versions[0].sentences["zh"] == 9

    first = stored.get_version(SYMBOL, 1)
    assert first.pairs == old_pairs
    assert first.record.turns["en"][2].speaker == "Zhang Wei"
    assert stored.get_version(SYMBOL, 2).pairs == stored.list_pairs(SYMBOL).items
    with pytest.raises(NotFoundError):
        stored.get_version(SYMBOL, 3)


def test_the_same_files_again_make_no_version(
    stored: Repository, make_alignment: MakeAlignment
) -> None:
    assert stored.save_alignment(make_alignment()).status == "unchanged"
    assert [v.version for v in stored.list_versions(SYMBOL)] == [1]


def test_reviews_are_carried_over_by_text_when_every_id_moves(
    stored: Repository, make_alignment: MakeAlignment
) -> None:
    pairs = stored.list_pairs(SYMBOL).items
    merged = stored.correct_pair(pairs[7].id, Correction("merge", "bob", with_pair=pairs[6].id))
    approved = stored.correct_pair(pairs[0].id, Correction("flag", "ann", status="approved"))[0]
    rejected = stored.correct_pair(
        pairs[9].id, Correction("flag", "ann", status="rejected", note="not this meeting")
    )[0]
    history = stored.corrections(symbol=SYMBOL)

    moved = _prepend_turn(make_alignment())
    result = stored.save_alignment(moved)

    assert result.changes is not None
    assert (result.changes.reviewed, result.changes.carried) == (3, 3)
    assert result.changes.not_carried == []
    now = {p.id: p for p in stored.list_pairs(SYMBOL).items}
    for before in (merged[0], approved, rejected):
        after = now[before.id]  # same id: history, glossary contexts and TM vectors follow
        assert (after.zh, after.en, after.status, after.reviewed_by, after.note) == (
            before.zh,
            before.en,
            before.status,
            before.reviewed_by,
            before.note,
        )
        assert after.zh_ids != before.zh_ids  # the sentences' ids moved with the new turn
    assert now[merged[0].id].type == "2-2" and now[merged[0].id].origin == "reviewer"
    assert [c.pair_id for c in stored.corrections(symbol=SYMBOL)] == [c.pair_id for c in history]
    assert all(c.state == "current" for c in stored.corrections(symbol=SYMBOL))
    # Every sentence in exactly one pair, in reading order on both sides.
    new = stored.list_pairs(SYMBOL).items
    for lang in ("zh", "en"):
        ids = [i for p in new for i in getattr(p, f"{lang}_ids")]
        assert ids == sorted(ids) and len(ids) == len(set(ids))
        assert len(ids) == sum(1 for _ in getattr(moved, lang).sentences())


def test_a_review_whose_sentence_changed_stops_the_import(
    stored: Repository, make_alignment: MakeAlignment
) -> None:
    pair = stored.list_pairs(SYMBOL).items[6]
    stored.correct_pair(pair.id, Correction("flag", "ann", status="approved", note="good"))
    before = stored.list_pairs(SYMBOL).items
    changed = make_alignment(salt="v2")
    _edit_sentence(changed, "en", pair.en, "France notes the situation on the border.")

    with pytest.raises(ReimportRefused, match="reviewed pairs behind") as refused:
        stored.save_alignment(changed)
    assert "--force" in str(refused.value) and f"pair {pair.id}" in str(refused.value)
    assert [loss.pair_id for loss in refused.value.changes.not_carried] == [pair.id]
    assert stored.list_pairs(SYMBOL).items == before
    assert [v.version for v in stored.list_versions(SYMBOL)] == [1]


def test_forced_the_review_left_behind_is_listed_and_kept_with_the_old_version(
    stored: Repository, make_alignment: MakeAlignment
) -> None:
    pair = stored.list_pairs(SYMBOL).items[6]
    stored.correct_pair(pair.id, Correction("flag", "ann", status="approved", note="good"))
    changed = make_alignment(salt="v2")
    _edit_sentence(changed, "en", pair.en, "France notes the situation on the border.")

    result = stored.save_alignment(changed, force=True)

    assert result.changes is not None
    [loss] = result.changes.not_carried
    assert (loss.pair_id, loss.version, loss.status, loss.reviewed_by, loss.corrections) == (
        pair.id,
        1,
        "approved",
        "ann",
        1,
    )
    [history] = stored.corrections(symbol=SYMBOL)
    assert (history.state, history.archived_version, history.archived_pair_id) == (
        "not-carried",
        1,
        pair.id,
    )
    assert history.after[0]["status"] == "approved"
    kept = {p.id: p for p in stored.get_version(SYMBOL, 1).pairs}[pair.id]
    assert (kept.status, kept.note, kept.en) == ("approved", "good", pair.en)
    assert all(p.status == "auto" for p in stored.list_pairs(SYMBOL).items)


def test_a_record_that_shrinks_is_refused_unless_forced(
    stored: Repository, make_alignment: MakeAlignment
) -> None:
    stored.save_alignment(make_alignment(repeat=3, salt="long"), force=True)
    before = stored.list_pairs(SYMBOL).items
    with pytest.raises(ReimportRefused, match=r"shrink the record: pairs 22 → 10"):
        stored.save_alignment(make_alignment(salt="short"))
    assert stored.list_pairs(SYMBOL).items == before
    assert stored.save_alignment(make_alignment(salt="short"), force=True).pair_count == 10


def test_new_files_with_the_same_text_keep_every_pair(
    stored: Repository, make_alignment: MakeAlignment
) -> None:
    pair = stored.list_pairs(SYMBOL).items[4]
    stored.correct_pair(pair.id, Correction("split", "carol", zh_at=1, en_at=1))
    before = stored.list_pairs(SYMBOL).items
    new_files = make_alignment(salt="trailing newline")
    result = stored.update_sources(SYMBOL, new_files.zh, new_files.en)
    assert (result.version, result.reason) == (2, "new sources, same text")
    assert stored.list_pairs(SYMBOL).items == before
    assert stored.find_symbol_by_sources(new_files.zh.source_sha256, new_files.en.source_sha256)
    assert stored.get_version(SYMBOL, 1).pairs == before

    other = make_alignment(salt="v3")
    _edit_sentence(other, "zh", "议程通过。", "议程获得通过。")
    with pytest.raises(ConflictError, match="differs"):
        stored.update_sources(SYMBOL, other.zh, other.en)


def test_deleting_a_record_deletes_its_versions(
    stored: Repository, make_alignment: MakeAlignment
) -> None:
    stored.save_alignment(make_alignment(salt="v2"))
    stored.delete_record(SYMBOL)
    with pytest.raises(NotFoundError):
        stored.list_versions(SYMBOL)
    stored.save_alignment(make_alignment())
    assert [v.version for v in stored.list_versions(SYMBOL)] == [1]
