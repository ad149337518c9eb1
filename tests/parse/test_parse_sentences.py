"""UN-aware sentence segmentation."""

from __future__ import annotations

import pytest

from aligner.parse.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "I thank Mr. Smith and Mrs. Jones. No. 5 was adopted at 10.05 a.m. We agree.",
            ["I thank Mr. Smith and Mrs. Jones.", "No. 5 was adopted at 10.05 a.m.", "We agree."],
        ),
        (
            "The ceasefire took effect at 9 a.m. Baku time. It held.",
            ["The ceasefire took effect at 9 a.m. Baku time.", "It held."],
        ),
        (
            "See the case (Azerbaijan v. Armenia). The Court ruled.",
            ["See the case (Azerbaijan v. Armenia).", "The Court ruled."],
        ),
        (
            "He cited documents S/2021/956 and S/2022/688. They are clear.",
            ["He cited documents S/2021/956 and S/2022/688.", "They are clear."],
        ),
        (
            "They said, “We will not go back.” The Council listened.",
            ["They said, “We will not go back.”", "The Council listened."],
        ),
        (
            "The letter (see S/2022/688, annex. Para. 3 refers) was read. It was long.",
            ["The letter (see S/2022/688, annex. Para. 3 refers) was read.", "It was long."],
        ),
        (
            "The figure rose by 2.5 per cent. Prices fell.",
            ["The figure rose by 2.5 per cent.", "Prices fell."],
        ),
        ("Why? Because it matters!", ["Why?", "Because it matters!"]),
    ],
)
def test_english(text: str, expected: list[str]) -> None:
    assert split_sentences(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "我们欢迎停火。我们呼吁克制！难道不是吗？",
            ["我们欢迎停火。", "我们呼吁克制！", "难道不是吗？"],
        ),
        (
            "双方同意“采取步骤，提高边界的稳定和安全水平。”此后局势缓和。",
            ["双方同意“采取步骤，提高边界的稳定和安全水平。”", "此后局势缓和。"],
        ),
        (
            "亚美尼亚通过2021年11月16日（见S/2021/956。附件）的信提醒安理会。这很重要。",
            ["亚美尼亚通过2021年11月16日（见S/2021/956。附件）的信提醒安理会。", "这很重要。"],
        ),
        (
            "这些成果应包括：要求撤军；要求停止侵略。最后，我们重申立场。",
            ["这些成果应包括：要求撤军；要求停止侵略。", "最后，我们重申立场。"],
        ),
        (
            "会议于上午10时05分开始，持续到11时.其后散会。",
            ["会议于上午10时05分开始，持续到11时.", "其后散会。"],
        ),
        ("没有句号的一段话", ["没有句号的一段话"]),
    ],
)
def test_chinese(text: str, expected: list[str]) -> None:
    assert split_sentences(text, "zh") == expected


def test_empty_paragraph() -> None:
    assert split_sentences("   ", "zh") == []
