"""The gold glossary and the UN phraseology vocabulary are well-formed; scoring is right."""

from __future__ import annotations

from aligner.terms.entry import TERM_TYPES
from aligner.terms.phraseology import lexicon
from bench.glossary_eval import GOLD, load_gold, score


def test_gold_list_is_well_formed() -> None:
    gold = load_gold(GOLD)
    assert len(gold) >= 150
    keys = [(g.zh, g.en) for g in gold]
    assert len(set(keys)) == len(keys)
    assert all(g.type in TERM_TYPES for g in gold)


def test_scoring_counts_correct_and_found_entries() -> None:
    gold = load_gold(GOLD)
    output = [
        ("《联合国宪章》", "the Charter of the United Nations", "instrument"),  # brackets, "the"
        ("国际人道主义法", "International Humanitarian Law", "phraseology"),  # alternative, case
        ("国际人道法", "international humanitarian law", "phraseology"),  # same gold entry again
        ("国际人道法", "General Assembly", "phraseology"),  # wrong partner
    ]
    s = score(output, gold)
    assert (s.output, s.correct, s.found) == (4, 3, 2)
    assert s.precision == 0.75
    assert s.recall == 2 / len(gold)
    assert s.false_entries == [("国际人道法", "General Assembly", "phraseology")]


def test_gold_short_forms_are_entries_of_their_own() -> None:
    gold = {g.zh: g for g in load_gold(GOLD)}
    assert gold["纳卡"].type == "acronym"
    assert "纳卡" not in gold["纳戈尔诺-卡拉巴赫"].zh_forms


def test_phraseology_vocabulary_is_well_formed() -> None:
    entries = lexicon()
    assert len(entries) > 100
    assert all(e.type in TERM_TYPES for e in entries)
    pairs = [(e.zh, e.en) for e in entries]
    assert len(set(pairs)) == len(pairs)
    forms = [f for e in entries for f in e.zh_forms]
    assert len(set(forms)) == len(forms), "a Chinese form belongs to one entry only"


def test_gold_lists_of_the_official_records_are_well_formed() -> None:
    from bench.glossary_eval import HELD_OUT, REAL_RECORDS, gold_path

    for record in REAL_RECORDS:
        path = gold_path(record)
        gold = load_gold(path)
        assert len(gold) >= 40, record
        keys = [(g.zh, g.en) for g in gold]
        assert len(set(keys)) == len(keys), record
        assert all(g.type in TERM_TYPES for g in gold), record
        header = path.read_text("utf-8").split("\nzh\t")[0]
        assert ("HELD OUT" in header) == (record in HELD_OUT), record
