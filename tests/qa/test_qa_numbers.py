"""Numbers: Chinese and Western forms normalised, changed or dropped numbers flagged."""

from __future__ import annotations

import pytest

from aligner.qa.folding import fold
from aligner.qa.numbers import extract_numbers
from aligner.qa.runner import check_pair


def values(text: str, lang: str) -> list[float]:
    folded = fold(text, simplify=lang == "zh")
    return sorted(v for n in extract_numbers(folded, lang) for v in [n.value])


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("至少2 750人流离失所。", "At least 2,750 people were displaced."),
        ("至少2750人流离失所。", "At least 2 750 people were displaced."),
        ("超过百分之五十的事件。", "More than 50 per cent of the incidents."),
        ("超过50%的事件。", "More than fifty per cent of the incidents."),
        ("有三名记者受伤。", "Three journalists were injured."),
        ("两名平民受伤。", "Two civilians were injured."),
        ("已有105名军人死亡。", "105 servicemen have been killed."),
        ("约1.5万人返回。", "Some 15,000 people returned."),
        ("约13亿人。", "Some 1.3 billion people."),
        ("第四次高级别会议。", "The fourth high-level meeting."),
        ("根据《宪章》第五十一条。", "Under Article 51 of the Charter."),
        ("占领将近三十年。", "An occupation of nearly three decades."),
        ("1300多枚地雷。", "More than 1,300 mines."),
        ("双方都证实了这一点。", "Both sides have confirmed it."),
    ],
)
def test_equivalent_forms_raise_no_number_flag(zh: str, en: str) -> None:
    flags = check_pair(zh, en, checks=None)
    assert [f for f in flags if f.type == "number"] == []


def test_values_are_normalised() -> None:
    assert values("至少2 750人，其中370名儿童", "zh") == [370, 2750]
    assert values("1.5万人", "zh") == [15000]
    assert values("百分之五十", "zh") == [50]
    assert values("forty-four days and 7 prisoners", "en") == [7, 44]
    assert values("the 2,750 people", "en") == [2750]


def strong_values(text: str, lang: str) -> list[float]:
    folded = fold(text, simplify=lang == "zh")
    return sorted(n.value for n in extract_numbers(folded, lang) if not n.weak)


def test_one_is_not_counted() -> None:
    # 一 and "one" are articles and parts of words far more often than counts: at most weak
    assert strong_values("一贯、一道、进一步、统一", "zh") == []
    assert strong_values("one of the parties, no one", "en") == []
    # but a weak "one" answers a figure: 1个员额 / "one post"
    assert check_pair("拟将1个员额改划。", "It is proposed that one post be converted.") == []


@pytest.mark.parametrize(
    ("zh", "en", "needle"),
    [
        ("已有105名军人死亡。", "150 servicemen have been killed.", "105"),
        ("已有105名军人死亡。", "Servicemen have been killed.", "105"),
        ("两名平民受伤。", "Three civilians were injured.", "两"),
        ("约4000名公民下落不明。", "Some 400 citizens remain missing.", "4000"),
        ("超过50%的事件。", "More than 15 per cent of the incidents.", "50"),
    ],
)
def test_changed_or_dropped_numbers_are_flagged(zh: str, en: str, needle: str) -> None:
    flags = [f for f in check_pair(zh, en) if f.type == "number"]
    assert flags, "a changed number must be flagged"
    assert flags[0].severity in ("error", "warning")
    assert any(needle in s.text for f in flags for s in f.spans)


def test_spans_point_at_the_number_in_the_original_text() -> None:
    zh = "亚美尼亚报告称，已有105名军人死亡。"
    flags = [f for f in check_pair(zh, "Armenia reported 150 deaths.") if f.type == "number"]
    span = next(s for s in flags[0].spans if s.lang == "zh")
    assert zh[span.start : span.end] == span.text == "105"


def test_ordinals_after_a_number_word_are_read_or_left_alone() -> None:
    from aligner.qa.numbers import extract_numbers

    values = [m.value for m in extract_numbers("the sixty-fifth session", "en")]
    assert values == [65.0]
    # a fraction like "two tenth deals" is no count; it must not crash the check
    assert check_pair("两份细面", "two tenth deals of fine flour") is not None


# Faithful pairs from the UN Parallel Corpus dev set (../shared/real/unpc-dev, United Nations),
# shortened: layout and reference, not content, makes their numbers differ.
@pytest.mark.parametrize(
    ("zh", "en"),
    [
        # a year the English names "this year"
        (
            "2015年是联合国成立70周年。",
            "This year marks the seventieth anniversary of the United Nations.",
        ),
        # a footnote marker glued to the last word of the Chinese
        ("继续合作开展了多项管理活动1。", "They continued to cooperate in management activities."),
        # the dash of a range lost in extraction
        ("15至64岁妇女的比例依然很低。", "The proportion of women aged 1564 remains low."),
        # page references differ between language versions
        ("直接原因是产后出血( 第26页 )。", "The direct cause is post-partum haemorrhage (p. 28)."),
    ],
)
def test_layout_and_reference_numbers_raise_no_error(zh: str, en: str) -> None:
    flags = check_pair(zh, en, checks=None)
    assert [f for f in flags if f.type == "number" and f.severity != "info"] == []


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        (
            "2015年是联合国成立70周年。",
            "2016 marks the seventieth anniversary of the United Nations.",
        ),
        ("15至64岁妇女的比例依然很低。", "The proportion of women aged 15 to 65 remains low."),
        ("共有5名妇女受伤。", "Four women were injured."),
    ],
)
def test_numbers_that_really_differ_are_still_flagged(zh: str, en: str) -> None:
    flags = check_pair(zh, en, checks=None)
    assert [f for f in flags if f.type == "number" and f.severity != "info"]


def _number_errors(zh: str, en: str) -> list[str]:
    return [f.message for f in check_pair(zh, en) if f.check == "number" and f.severity == "error"]


def test_a_decade_is_one_number_both_ways() -> None:
    assert not _number_errors(
        "在20世纪90年代，冲突加剧。", "In the 1990s, the conflict intensified."
    )
    assert not _number_errors(
        "在二十世纪九十年代，冲突加剧。", "In the 1990s, the conflict intensified."
    )
    assert not _number_errors(
        "自1990年代以来，冲突加剧。", "Since the 1990s, the conflict intensified."
    )
    assert _number_errors("在20世纪80年代，冲突加剧。", "In the 1990s, the conflict intensified.")


def test_a_footnote_digit_between_list_items_is_not_a_number() -> None:
    # official UN text (UN Parallel Corpus dev set): the footnote "1" after a list item
    zh = "该报告涵盖了在安圭拉、福克兰群岛(马尔维纳斯群岛)、1直布罗陀和皮特凯恩的活动。"
    en = (
        "The report covered activities in Anguilla, Falkland Islands (Malvinas), Gibraltar "
        "and Pitcairn."
    )
    assert not _number_errors(zh, en)
    # a count after a list mark takes a classifier: still a number
    assert _number_errors("访问了安圭拉、3个岛屿。", "Anguilla and islands were visited.")


def test_a_year_written_digit_by_digit_and_a_scaled_decimal_are_read() -> None:
    assert not _number_errors("本公约于二〇一五年通过。", "The Convention was adopted in 2015.")
    assert _number_errors("本公约于二〇一四年通过。", "The Convention was adopted in 2015.")
    # "1.5亿" opening the sentence is 150 million, not a section number 1.5
    assert not _number_errors("1.5亿人受到影响。", "150 million people were affected.")
    assert _number_errors("2.5亿人受到影响。", "150 million people were affected.")


def test_footnote_digits_after_a_bracket_are_markers() -> None:
    assert not _number_errors(
        "联合国马里稳定团（马里稳定团）3和其他特派团", "MINUSMA and other missions"
    )
    assert not _number_errors("稳定团的任务", "the mandate of the Mission (MINUSMA)3 and")
    assert not _number_errors("根据秘书长的报告，2委员会决定", "The Committee decided")
