"""Paragraph rebuilding: wrapped lines joined, breaks inside paragraphs healed,
real paragraph ends kept, hyphenation resolved."""

from __future__ import annotations

from aligner.ingest.hyphenation import Dehyphenator
from aligner.ingest.paragraphs import rebuild_paragraphs

ZH = """\
我们欢迎各方为缓和局势所作的努力，并呼吁双方
立即停止敌对行动，通过对话和谈判解决彼此之间
的分歧，共同维护地区的和平与稳定。

国际社会必须继续支持有关各方的调解努力，推动

双方回到谈判桌旁，并为此创造有利的条件和良好
的氛围。
 我们还强调，必须保护平民和民用基础设施，并确
保准入。
最后，我们重申对该区域各国主权和领土完整的尊
重。"""


def test_chinese_paragraphs() -> None:
    paragraphs = rebuild_paragraphs(ZH.split("\n"), "zh")
    assert paragraphs == [
        "我们欢迎各方为缓和局势所作的努力，并呼吁双方立即停止敌对行动，通过对话和谈判"
        "解决彼此之间的分歧，共同维护地区的和平与稳定。",
        # A blank line after a line that stops mid-sentence is a column break.
        "国际社会必须继续支持有关各方的调解努力，推动双方回到谈判桌旁，并为此创造有利的"
        "条件和良好的氛围。",
        # No blank line, but a short last line ending a sentence, then an indented line.
        "我们还强调，必须保护平民和民用基础设施，并确保准入。",
        "最后，我们重申对该区域各国主权和领土完整的尊重。",
    ]


EN = """\
The delegations discussed the situation along the
border at length, and many of them stressed that the



page footer removed here

ceasefire must hold. They also called on the parties
to refrain from any further escalation.

Adoption of the agenda

The agenda was adopted."""


def test_english_paragraphs_and_page_break() -> None:
    lines = EN.split("\n")
    lines[lines.index("page footer removed here")] = ""
    paragraphs = rebuild_paragraphs(lines, "en")
    assert paragraphs == [
        "The delegations discussed the situation along the border at length, and many of "
        "them stressed that the ceasefire must hold. They also called on the parties to "
        "refrain from any further escalation.",
        "Adoption of the agenda",
        "The agenda was adopted.",
    ]


def test_forced_break_before_a_header_without_blank_line() -> None:
    lines = [
        "Letter dated 1 March 2023 from the Permanent Representative",
        "(S/2023/1)",
        "The President: I welcome the representatives to this meeting today.",
    ]
    assert len(rebuild_paragraphs(lines, "en", forced_break=lambda i: i == 2)) == 2


HYPHENATED = """\
The Assistant Secretary-General condemned the provocations and
the long-standing tensions in the Nagorno-Karabakh area. The Secre-
tary-General called for the re-establishment of talks on Nagorno-
Karabakh and rejected the new and very dangerous military provo-
cations, which are likely to have had a most unfortunate long-
standing effect on the very entrenched and unhelpful zero-
sum positions of the parties and on Armenia as well as on Azer-
baijan and all of its neighbours in a context of increasing inter-
national concern, and he called for new talks in order to re-
establish contact."""


def test_dehyphenation_uses_document_evidence_capitals_and_lexicon() -> None:
    lines = HYPHENATED.split("\n")
    text = rebuild_paragraphs(lines, "en", dehyphenator=Dehyphenator(lines))[0]
    assert "The Secretary-General called" in text  # Secre-/tary: joined, real hyphen kept
    assert "on Nagorno-Karabakh and" in text  # capital after the break, seen in the text
    assert "military provocations, which" in text  # provo-/cations: seen joined
    assert "unfortunate long-standing effect" in text  # seen hyphenated in the document
    assert "unhelpful zero-sum positions" in text  # two common words, rare joined: lexicon
    assert "on Azerbaijan and" in text  # fragment that is no word
    assert "increasing international concern" in text  # lexicon: the joined word is common
    assert "in order to re-establish contact" in text  # seen hyphenated ("re-establishment")


def test_lexicon_alone_decides_without_evidence() -> None:
    dehyphenator = Dehyphenator([])
    assert dehyphenator.keep_hyphen("long", "standing") is True
    assert dehyphenator.keep_hyphen("settle", "ment") is False
    assert dehyphenator.keep_hyphen("every", "thing") is False
    assert dehyphenator.keep_hyphen("Secretary", "General") is True
