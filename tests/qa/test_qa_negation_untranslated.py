"""Negation flips and source text left untranslated."""

from __future__ import annotations

import pytest

from aligner.qa.runner import check_pair


def types(zh: str, en: str, original: str | None = None) -> list[str]:
    return [f.type for f in check_pair(zh, en, original=original)]


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("这场冲突没有军事解决办法。", "There is no military solution to this conflict."),
        ("使用武力是不可接受的。", "The use of force is unacceptable."),
        ("阿塞拜疆尚未遵守其义务。", "Azerbaijan has yet to meet its obligations."),
        ("我们不断被提醒。", "We are constantly reminded."),
        (
            "这不仅符合该区域的利益，也符合邻国的利益。",
            "This is in the interest not only of the region but also of its neighbours.",
        ),
        (
            "在没有和平条约的情况下，局势是脆弱的。",
            "In the absence of a peace treaty, the situation is fragile.",
        ),
    ],
)
def test_matching_polarity_is_accepted(zh: str, en: str) -> None:
    assert "negation" not in types(zh, en)


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("这场冲突没有军事解决办法。", "There is a military solution to this conflict."),
        ("我们欢迎这项协议。", "We do not welcome that agreement."),
        ("双方应力行克制。", "Both sides should not exercise restraint."),
        ("使用武力是可以接受的。", "The use of force is unacceptable."),
    ],
)
def test_flipped_negation_is_flagged(zh: str, en: str) -> None:
    assert "negation" in types(zh, en)


def test_chinese_left_in_the_english_is_an_error() -> None:
    flags = check_pair("我们欢迎这项协议。", "We welcome 这项协议。")
    assert ("untranslated", "error") in [(f.type, f.severity) for f in flags]


def test_english_prose_left_in_the_chinese_is_flagged_but_names_are_not() -> None:
    assert "untranslated" in types(
        "我们欢迎 the agreement reached by the parties。",
        "We welcome the agreement reached by the parties.",
    )
    assert "untranslated" not in types(
        "对Kechut水库的袭击。", "The attack on the Kechut reservoir."
    )


def test_a_few_english_words_copied_into_the_chinese_are_flagged() -> None:
    en = "Statements were also made by representatives of the following major groups."
    flags = check_pair("以下major groups的代表也发了言。", en)
    assert ("untranslated", "warning") in [(f.type, f.severity) for f in flags]
    # names kept in Latin script, particles included, are not
    en = "The patrol passed near the Jabal al-Tayyarah position with Ms. Mélanie De Groof."
    zh = "巡逻队与Mélanie De Groof女士经过Jabal al-Tayyarah阵地附近。"
    assert "untranslated" not in types(zh, en)


def test_direction_decides_which_side_is_checked_for_leftovers() -> None:
    # when Chinese is the target, Chinese characters in the English original are not flagged
    flags = check_pair("我们欢迎这项协议。", "We welcome it (欢迎).", original="en")
    assert "untranslated" not in [f.type for f in flags]


# Built from faithful pairs of the UN Parallel Corpus dev set (../shared/real/unpc-dev, United
# Nations): an English title or a phrase with a function word copied into the Chinese.
@pytest.mark.parametrize(
    ("zh", "en"),
    [
        (
            "General Assembly议程项目42下的文件分发为荷。",
            "I would be grateful if you would circulate the present letter as a document of the "
            "General Assembly, under agenda item 42.",
        ),
        (
            "回顾联合国可持续发展大会题为《我们希望的未来》on Sustainable Development的成果文件，",
            "Recalling the outcome document of the United Nations Conference on Sustainable "
            'Development, entitled "The future we want",',
        ),
    ],
)
def test_english_titles_and_phrases_copied_into_the_chinese_are_flagged(zh: str, en: str) -> None:
    assert "untranslated" in [f.type for f in check_pair(zh, en) if f.severity != "info"]


def test_an_english_name_glossed_in_brackets_or_a_person_name_is_not_flagged() -> None:
    zh = "国际空间通信组织（Intersputnik International Organization of Space Communications）"
    en = "Intersputnik International Organization of Space Communications"
    assert [f for f in check_pair(zh, en) if f.type == "untranslated"] == []
    zh = "主席是Maria Eugenia Correa女士（哥伦比亚）；"
    en = "under the chairmanship of Ms. Maria Eugenia Correa (Colombia);"
    assert [f for f in check_pair(zh, en) if f.type == "untranslated"] == []


def test_a_negation_word_inside_a_name_answers_no_negator() -> None:
    # UNPC dev set (United Nations): 不 inserted; "Conference on Disarmament" negates nothing
    zh = "前秘书长于2011年6月16日不参加了日内瓦裁军谈判会议的全体会议。"
    en = (
        "On 16 June 2011, the former Secretary-General participated in the plenary meeting of "
        "the Conference on Disarmament in Geneva."
    )
    assert "negation" in [f.type for f in check_pair(zh, en) if f.severity != "info"]
    zh = "前秘书长于2011年6月16日参加了日内瓦裁军谈判会议的全体会议。"
    assert [f for f in check_pair(zh, en) if f.type == "negation"] == []
