"""Negation read per scope: a negator whose negated words the other side renders with a
negation of its own is answered; one whose words the other side renders plainly is a flip.

The faithful pairs are official UN translations (UN Parallel Corpus dev set, ../shared/real)."""

from __future__ import annotations

import pytest

from aligner.qa.negation import polarity
from aligner.qa.negation_scope import scope_verdict
from aligner.qa.runner import check_pair


def negation_flags(zh: str, en: str) -> list[str]:
    return [f.severity for f in check_pair(zh, en) if f.type == "negation"]


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        # 并不合法 renders "does not legally have", though the English counts more negations
        (
            "真正有助于改善岛上气氛的办法是，希族塞人一方停止冒用他们并不合法拥有的权利和责任，"
            "并停止其对土族塞人民众的敌视行为。",
            "What would indeed contribute to a better atmosphere on the island is for the Greek "
            "Cypriot side to stop misappropriating for itself rights and responsibilities it does "
            "not legally have, and to cease its hostile acts against the Turkish Cypriot people.",
        ),
        # 不一定 is "not necessarily" (不一 "various" must not swallow it)
        (
            "在处理并不一定构成对国际和平与安全构成威胁的冲突时，避免把《宪章》第七章作为一个总体框架，",
            "avoid resorting to Chapter VII of the Charter as a general framework to address "
            "conflicts which do not necessarily represent a threat to international peace and "
            "security,",
        ),
        # 不攻自破 (collapses by itself) negates nothing
        (
            "这意味着针对我国通过决议的依据不攻自破，并证明这种行为是完全不公正的。",
            "This means that the basis for the resolution on our country has collapsed and "
            "proves the utterly unjust nature of the act.",
        ),
        # 而不是 is a contrast, answered by "than"
        (
            "一种以无约束力建议作为缺省程序的制度是否更接近一种企业对消费者程序，而不是更接近"
            "企业对企业程序。",
            "whether a system with non-binding recommendation as the default procedure was more "
            "closely aligned with a B2C than a B2B procedure.",
        ),
        # 不使用 answered by "against the use"
        (
            "所有无核武器的《条约》缔约国都有获得不使用或威胁使用核武器的安全保证的合法权利。",
            "it is the legitimate right of all non-nuclear-weapon States parties to the Treaty to "
            "receive security assurances against the use or threat of use of nuclear weapons.",
        ),
        # "whether ... or not" negates nothing (不论是否)
        (
            "利比亚的军事物资，不论是否获得委员会的豁免，都有助于加强民兵力量。",
            "Military materiel in Libya, whether exempted by the Committee or not, have "
            "contributed to the consolidation of militias.",
        ),
    ],
)
def test_negations_answered_in_other_words_are_not_flagged(zh: str, en: str) -> None:
    assert [s for s in negation_flags(zh, en) if s != "info"] == []


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        # a negator inserted before a verb the English renders plainly
        (
            "如果做到了这一点，不支持恢复教育的措施就能补充持续努力。",
            "If this is done, measures to support the restoration of education can complement "
            "ongoing efforts.",
        ),
        # a negator dropped from the Chinese: 未签署 / "who are signatories"
        (
            "安全理事会要求所有各方，包括未签署《瓦加杜古临时协议》的各方，都立即停止一切敌对行动。",
            "The Security Council demands that all parties, including those who are signatories "
            "to the Ouagadougou Preliminary Agreement, cease immediately all hostilities.",
        ),
        # "not" inserted before words the Chinese renders plainly
        (
            "随着民兵在全国各地动员起来，数以十万计的家庭失去了赚钱养家的男人。",
            "As militias mobilize throughout the country, hundreds of thousands of households "
            "have not lost male breadwinners.",
        ),
    ],
)
def test_negated_words_rendered_plainly_are_a_warning(zh: str, en: str) -> None:
    assert "warning" in negation_flags(zh, en)


def test_scope_verdicts() -> None:
    zh, en = "家庭失去了男人。", "Households have not lost men."
    start = en.index("not")
    assert scope_verdict({"zh": zh, "en": en}, "en", start, start + 3) == "contradicted"
    zh = "家庭没有失去男人。"
    assert scope_verdict({"zh": zh, "en": en}, "en", start, start + 3) == "answered"
    zh = "会议不对公众开放。"
    en = "The conference would be closed to the public."
    start = zh.index("不")
    assert scope_verdict({"zh": zh, "en": en}, "zh", start, start + 1) == "contradicted"
    en = "Nothing about it."
    assert scope_verdict({"zh": zh, "en": en}, "zh", start, start + 1) == "unknown"


@pytest.mark.parametrize(
    ("text", "strong"),
    [("并不一定构成", 1), ("长短不一", 0), ("并不禁止", 1), ("不禁想到", 0), ("依据不攻自破", 0)],
)
def test_words_that_look_like_negators(text: str, strong: int) -> None:
    assert len(polarity(text, "zh").strong) == strong


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        # a "not" added next to a negation: UN English does not say this
        (
            "任何研究都不能全面涵盖土著跨界问题的总体范围。",
            "No study could not comprehensively capture the full extent of indigenous "
            "cross-border issues.",
        ),
        (
            "本集团呼吁撤销与条约的目标和宗旨不符的任何保留意见。",
            "The Group calls for the withdrawal of any reservations that are not incompatible "
            "with the object and purpose of the treaty.",
        ),
        # "not only" where the Chinese says only (仅)
        (
            "尽管这些问题对妇女的影响更为严重，但妇女仅仅是受害者。",
            "While women are disproportionately impacted by these issues, they are not just "
            "victims.",
        ),
        (
            "联合国的任何改革都不应重新定义《宪章》的这些原则。",
            "No reform of the United Nations can not redefine the principles of the Charter.",
        ),
        # a negator Chinese grammar does not put there: 不 before a completed action
        (
            "与会者借机不分享了同行审查的经验。",
            "The seminar was an opportunity to share lessons learned from peer reviews.",
        ),
        # a UN fixed expression with its negator cut out: 有罪不罚 -> 有罪罚
        (
            "相反，政权部队得以有罪罚地杀戮、残害和伤害平民。",
            "To the contrary, regime forces have been permitted to kill, maim and injure "
            "civilians with impunity.",
        ),
    ],
)
def test_shapes_a_negation_flip_leaves_are_a_warning(zh: str, en: str) -> None:
    assert "warning" in negation_flags(zh, en)


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        (
            "相反，政权部队得以有罪不罚地杀戮、残害和伤害平民。",
            "To the contrary, regime forces have been permitted to kill, maim and injure "
            "civilians with impunity.",
        ),
        (
            "尽管这些问题对妇女的影响更为严重，但妇女不仅仅是受害者。",
            "While women are disproportionately impacted by these issues, they are not just "
            "victims.",
        ),
        # a double negation answered by one (不无)
        ("这一提议并非不合理。", "The proposal is not unreasonable."),
        # 可持续 is Chinese on its own, not 不可持续 cut short
        ("实现可持续发展。", "Achieve sustainable development."),
        # a double negation answered by one (没有…不了)
        (
            "只要我们团结一致，就没有克服不了的困难。",
            "If we unite as one, there is no difficulty we cannot overcome.",
        ),
        # 丝毫动摇 is not 毫不动摇 cut short
        ("我们决不能有丝毫动摇。", "We must never waver in the slightest."),
        # 不能只 is "not just"
        ("这不能只当口号喊。", "This is not just a slogan."),
        # 不了解 is "does not understand", not 不…了
        ("他们不了解这些规则。", "They do not understand these rules."),
        # 非索特派团 is the African Union Mission in Somalia: 非 is Africa, it answers no "not"
    ],
)
def test_faithful_shapes_are_not_flagged(zh: str, en: str) -> None:
    assert "warning" not in negation_flags(zh, en)


def test_africa_in_a_mission_name_answers_no_negator() -> None:
    assert "warning" in negation_flags(
        "将继续向非索特派团爆炸物处置人员提供训练。",
        "Training will not continue to be provided to the explosive ordnance disposal "
        "component of AMISOM.",
    )
