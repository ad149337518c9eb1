"""Term extraction from an aligned record: each kind of evidence, merged, with provenance."""

from __future__ import annotations

import re

from terms_fixtures import TurnText, make_alignment

from aligner.models import RecordAlignment
from aligner.terms.definitions import en_definitions, zh_definitions
from aligner.terms.entry import TERM_TYPES, TermEntry
from aligner.terms.extract import ExtractParams, extract_terms
from aligner.terms.phraseology import chinese_number


def _find(entries: list[TermEntry], zh: str) -> TermEntry:
    found = [e for e in entries if e.zh == zh]
    assert found, f"no entry for {zh}: {[(e.zh, e.en) for e in entries]}"
    return found[0]


def test_definitions_are_found_in_each_language() -> None:
    zh = zh_definitions("由欧洲安全与合作组织(欧安组织)调解")
    assert [(d.long, d.short) for d in zh] == [("欧洲安全与合作组织", "欧安组织")]
    en = en_definitions(
        "mediated by the Organization for Security and Co-operation in Europe (OSCE)"
    )
    assert [(d.long, d.short) for d in en] == [
        ("Organization for Security and Co-operation in Europe", "OSCE")
    ]
    # A country or a language note in brackets is not a definition.
    assert zh_definitions("比昂先生(加蓬)(以法语发言):") == []
    assert en_definitions("Mr. Biang (Gabon) (spoke in French):") == []


def test_a_definition_pair_gives_the_long_and_the_short_form(entries: list[TermEntry]) -> None:
    long = _find(entries, "国际原子能机构")
    assert long.en == "International Atomic Energy Agency"
    assert long.type == "organization"
    assert "definition" in long.sources
    short = _find(entries, "原子能机构")
    assert (short.en, short.type) == ("IAEA", "acronym")


def test_speaker_headers_give_people_and_their_countries(entries: list[TermEntry]) -> None:
    karlsson = _find(entries, "卡尔松")
    assert (karlsson.en, karlsson.type) == ("Karlsson", "person")
    # Counted in the header and in the two sentences that name him, in each language.
    assert (karlsson.freq_zh, karlsson.freq_en) == (3, 3)
    assert _find(entries, "史密斯").en == "Smith"
    uk = _find(entries, "联合王国")
    assert (uk.en, uk.type) == ("United Kingdom", "country")
    assert {"speaker", "member_state"} <= set(uk.sources)


def test_member_states_named_on_both_sides(entries: list[TermEntry]) -> None:
    assert _find(entries, "马里").en == "Mali"
    assert _find(entries, "俄罗斯").en == "Russia"


def test_un_phraseology_and_numbered_rules(entries: list[TermEntry]) -> None:
    rule = _find(entries, "暂行议事规则第37条")
    assert rule.en == "rule 37 of the provisional rules of procedure"
    assert rule.type == "phraseology"
    council = _find(entries, "安全理事会")
    assert council.en == "Security Council"
    assert council.zh_traditional == "安全理事會"
    assert _find(entries, "停火").en == "ceasefire"
    assert _find(entries, "领土完整").en == "territorial integrity"


def test_names_matched_by_sound(entries: list[TermEntry]) -> None:
    dakar = _find(entries, "达喀尔")
    assert (dakar.en, dakar.type) == ("Dakar", "place")


def test_recurring_multiword_terms_paired_by_association(entries: list[TermEntry]) -> None:
    food = _find(entries, "粮食安全")
    assert food.en == "food security"
    assert food.pairs == 3


def test_numbers_and_dates_are_not_terms(entries: list[TermEntry]) -> None:
    for e in entries:
        assert not re.search(r"\d", e.zh) or e.type in ("phraseology", "document"), e
        assert "2023" not in e.en and "10时" not in e.zh


def test_every_entry_is_complete_and_points_back_to_its_pairs(
    alignment: RecordAlignment, entries: list[TermEntry]
) -> None:
    pair_ids = {tuple(p.zh_ids): tuple(p.en_ids) for p in alignment.pairs}
    for e in entries:
        assert e.type in TERM_TYPES
        assert e.status == "candidate"
        assert 0.0 < e.confidence <= 1.0
        assert e.freq_zh > 0 and e.freq_en > 0
        assert e.symbols == ["S/PV.9999"]
        assert e.contexts, e
        for c in e.contexts:
            assert pair_ids[tuple(c.zh_ids)] == tuple(c.en_ids)
            assert c.symbol == "S/PV.9999" and c.zh and c.en


def test_a_higher_confidence_bar_keeps_fewer_entries(alignment: RecordAlignment) -> None:
    everything = extract_terms(alignment, params=ExtractParams(min_confidence=0.0))
    strict = extract_terms(alignment, params=ExtractParams(min_confidence=0.99))
    assert 0 < len(strict) < len(everything)
    assert all(e.confidence >= 0.99 for e in strict)


def test_a_pair_without_a_partner_gives_no_term() -> None:
    # The same phrase on one side only: nothing to pair it with.
    one_sided = make_alignment(
        [
            TurnText(
                "member",
                ["粮食安全很重要。", "粮食安全很重要。", "粮食安全很重要。"],
                ["It matters.", "It matters.", "It matters."],
            )
        ]
    )
    assert [e for e in extract_terms(one_sided) if e.zh == "粮食安全"] == []


def test_chinese_numerals() -> None:
    assert chinese_number("五十一") == 51
    assert chinese_number("三十七") == 37
    assert chinese_number("十") == 10
    assert chinese_number("39") == 39
    assert chinese_number("第") is None
