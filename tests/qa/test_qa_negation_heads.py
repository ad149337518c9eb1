"""Negation read at the word it negates: a negated word whose positive the other side renders
plainly is a flip; a negative word of ordinary vocabulary (遏止 / "stop", 残疾 / "disability")
stands for no negator; a negation by affix ("nuclear-weapon-free") negates only its own word.

The faithful pairs are official UN translations (UN Parallel Corpus dev set, ../shared/real);
the flips are those pairs with one negation added or removed by hand."""

from __future__ import annotations

import pytest

from aligner.qa.negation import polarity
from aligner.qa.runner import check_pair


def negation_flags(zh: str, en: str) -> list[str]:
    return [f.severity for f in check_pair(zh, en) if f.type == "negation"]


FAITHFUL = [
    # 未能尽早生效 rendered "the delay in the early entry into force": a delay answers 未能
    (
        "不扩散核武器条约不结盟缔约国集团感到严重关切的是，《全面禁止核试验条约》未能尽早生效。",
        "8. The Group of Non-Aligned States Parties to the Treaty expresses its serious concern "
        "over the delay in the early entry into force of the Comprehensive Nuclear-Test-Ban "
        "Treaty.",
    ),
    (
        "但是，由于未及时接到阿拉伯叙利亚共和国政府的提供便利函，分发工作被推迟，未在1月14日至1月"
        "27日期间进行。",
        "However, delays in the receipt of facilitation letters from the Government of the Syrian "
        "Arab Republic delayed distribution between 14 and 27 January.",
    ),
    # "inequality" answers 不平等, though "equality" stands plainly elsewhere
    (
        "但是，报告在性别不平等解决阻碍充分实现妇女和女童权利、实现切实性别平等和增强权能问题的根源"
        "方面存在不足。",
        "However, the report falls short on addressing the root causes of gender inequality that "
        "hamper the full realisation of women's and girls' rights, true gender equality and "
        "empowerment.",
    ),
    # 不结盟 is rendered by a name ("Non-Aligned") that carries its negation
    (
        "不扩散核武器条约不结盟缔约国集团重申其立场。",
        "The Group of Non-Aligned States Parties to the Treaty reaffirms its position.",
    ),
    # 不同意见 is "different views", no disagreement
    (
        "委员会成员表达了不同意见。",
        "Members of the Committee expressed different views.",
    ),
]


@pytest.mark.parametrize(("zh", "en"), FAITHFUL)
def test_faithful_negations_are_not_flagged(zh: str, en: str) -> None:
    assert not [s for s in negation_flags(zh, en) if s != "info"]


FLIPS = [
    # 不同意 is "disagree", not 不同 "different" + 意
    (
        "在2014年7月29至31日于帕劳科罗尔举行的第四十五次太平洋岛屿论坛上，与会者不同意接纳托克劳"
        "为联系成员。",
        "At the forty-fifth Pacific Islands Forum, held in Koror, Palau, from 29 to 31 July 2014, "
        "participants agreed to admit Tokelau as an associate member.",
    ),
    # 不安全 (unsafe) against "safe", and an English with no negation at all
    (
        "直接原因是产后出血、难产、滞产、不安全堕胎引起的并发症、子痫、疟疾和贫血。",
        "attributed to direct post-partum haemorrhage, obstructed or prolonged labour, "
        "complications of safe abortion, eclampsia, malaria and anaemia.",
    ),
    # 不遵守 against "compliance", also next to negations of other words (non-proliferation)
    (
        "爱尔兰一贯推动各国普遍不遵守《不扩散条约》所规定的义务。",
        "Ireland consistently promotes universal compliance by States with their obligations "
        "under the Treaty.",
    ),
    (
        "爱尔兰一贯推动各国普遍不遵守《不扩散条约》所规定的不扩散义务。",
        "Ireland consistently promotes universal compliance by States with their "
        "non-proliferation obligations under the Non-Proliferation Treaty.",
    ),
    # 无缝 is "seamless" (a word), so it cannot answer the added "not"
    (
        "委员会讨论了如何发挥更切实的作用，支持更顺利地无缝过渡到以发展为导向的联合国存在。",
        "The Commission discussed how it could not play a more practical role in supporting a "
        "smoother and more seamless transition to a development-oriented presence of the United "
        "Nations.",
    ),
    # "nuclear-weapon-free" negates its own word, not the "substitute" after it
    (
        "因此，本集团坚信，建立无核武器区不是代替核裁军和彻底消除核武器。",
        "The Group is, therefore, of the firm belief that the establishment of "
        "nuclear-weapon-free zones is a substitute for nuclear disarmament and the total "
        "elimination of nuclear weapons.",
    ),
    # 不是[防止]: the "prevent" that renders 防止 does not answer the 不 before it
    (
        "强调指出这一历史性事件为联合国的创立创造了条件，创立联合国的目的不是防止今后发生战争，"
        "避免后世再遭战祸，",
        "Stressing that this historic event established the conditions for the creation of the "
        "United Nations, designed to prevent future wars and save succeeding generations from "
        "their scourge,",
    ),
    # "without prior authorization" against 已获…批准, in a Chinese that negates nothing
    (
        "痛惜武装团体经常在事先已获委员会批准的情况下把武器和弹药运入达尔富尔，",
        "Deploring the routine movement of weapons and ammunition into Darfur by armed groups, "
        "without prior authorization of the committee,",
    ),
    # "not fallen short", "not poorly": litotes UN English does not write, against a plain 并未
    (
        "某些领域取得的成就令人瞩目，而另一些领域的进展并未达到预期。",
        "The scorecard has been quite impressive in some areas while in several others it has "
        "not fallen short of expectation.",
    ),
    # 尚未 is a clause negator ("has not yet")
    (
        "为此，蒙古国尚未在东盟区域论坛上提出这个问题。",
        "To that end, it has raised the issue within the ASEAN Regional Forum.",
    ),
]


@pytest.mark.parametrize(("zh", "en"), FLIPS)
def test_flipped_negation_is_flagged_above_info(zh: str, en: str) -> None:
    assert "warning" in negation_flags(zh, en)


def test_clause_negators_with_a_particle_are_plain_negators() -> None:
    assert len(polarity("蒙古国尚未提出这个问题", "zh").strong) == 1
    assert len(polarity("蒙古国未能提出这个问题", "zh").strong) == 1
    # 未经 (without) stays a negation inside a phrase
    assert len(polarity("未经授权", "zh").strong) == 0
