"""Chinese short forms become entries of their own, linked to their long forms."""

from __future__ import annotations

from terms_fixtures import TurnText, make_alignment

from aligner.models import RecordAlignment
from aligner.terms.entry import TermEntry
from aligner.terms.extract import extract_terms
from aligner.terms.short_forms import abbreviation_at


def _by_zh(entries: list[TermEntry]) -> dict[str, TermEntry]:
    return {e.zh: e for e in entries}


def _region_meeting(short_form_english: str) -> RecordAlignment:
    """An invented region, named in full twice and by its quoted short form twice."""
    return make_alignment(
        [
            TurnText(
                "member",
                [
                    "我们关注马拉卡尼-桑多拉的局势。",
                    "马拉卡尼-桑多拉的人民需要援助。",
                    "“马桑”问题必须通过谈判解决。",
                    "我们支持关于“马桑”问题的对话。",
                    "上海合作组织发挥了作用。",
                    "上合组织成员国举行了会议。",
                ],
                [
                    "We are following the situation in Malakani-Sandora.",
                    "The people of Malakani-Sandora need assistance.",
                    f"The {short_form_english} question must be settled through negotiation.",
                    f"We support dialogue on the {short_form_english} question.",
                    "The Shanghai Cooperation Organization has played a role.",
                    "The member States of the Shanghai Cooperation Organization held a meeting.",
                ],
            )
        ]
    )


def test_the_shapes_of_chinese_abbreviations() -> None:
    assert abbreviation_at('"纳卡"问题', 1, "纳戈尔诺-卡拉巴赫") == "纳卡"
    assert abbreviation_at("安理会成员", 0, "安全理事会") == "安理会"
    assert abbreviation_at("欧安组织的作用", 0, "欧洲安全与合作组织") == "欧安组织"
    # First word kept, a middle part dropped, the head kept.
    assert abbreviation_at("人道协调厅", 0, "人道主义事务协调厅") == "人道协调厅"
    # The first word followed by the next word of the sentence is no abbreviation.
    assert abbreviation_at("亚美尼亚和阿塞拜疆", 0, "亚美尼亚共和国") is None
    # Nor the long form itself, nor a piece of it.
    assert abbreviation_at("安全理事会", 0, "安全理事会") is None
    assert abbreviation_at("安全", 0, "安全理事会") is None


def test_a_short_form_that_translates_as_its_long_form_is_an_entry() -> None:
    entries = _by_zh(extract_terms(_region_meeting("Malakani-Sandora")))
    long = entries["马拉卡尼-桑多拉"]
    short = entries["马桑"]
    assert (short.en, short.type) == ("Malakani-Sandora", "acronym")
    assert "short_form" in short.sources
    # The two entries name each other.
    assert long.zh in short.zh_variants and short.zh in long.zh_variants
    # Each counts its own occurrences: the English term is shared, not double-counted.
    assert (short.freq_zh, short.freq_en, short.pairs) == (2, 2, 2)
    assert (long.freq_zh, long.freq_en) == (2, 4)


def test_a_vocabulary_variant_that_abbreviates_becomes_its_own_entry() -> None:
    entries = _by_zh(extract_terms(_region_meeting("Malakani-Sandora")))
    assert entries["上合组织"].en == "Shanghai Cooperation Organization"
    assert entries["上合组织"].type == "acronym"
    assert entries["上海合作组织"].type == "organization"


def test_a_short_form_whose_pairs_do_not_carry_the_long_term_is_not_an_entry() -> None:
    entries = _by_zh(extract_terms(_region_meeting("border")))
    assert "马拉卡尼-桑多拉" in entries
    assert "马桑" not in entries


def test_the_security_council_short_form_keeps_the_full_english_term(
    entries: list[TermEntry],
) -> None:
    # In the shared meeting fixture 安理会 is rendered "the Council's" and 安全理事会
    # "the Security Council": the short form's English is the term, its rendering a variant.
    short = _by_zh(entries)["安理会"]
    assert (short.en, short.type) == ("Security Council", "acronym")
    assert "Council" in short.en_variants
    assert "安全理事会" in short.zh_variants
