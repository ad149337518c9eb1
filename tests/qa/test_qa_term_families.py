"""Confusable UN terms of one family (aligner/qa/data/un_term_swaps.tsv), stems that must match
only themselves, acronyms spelt from a name's initials, and terms the other side leaves
implicit. The sentences are written for the tests in the style of UN documents."""

from __future__ import annotations

import pytest

from aligner.qa.runner import check_pair
from aligner.qa.term_check import _initials_match
from aligner.qa.term_match import en_loosely_present, en_stems


def warned(zh: str, en: str) -> bool:
    return any(f.type == "term" and f.severity == "warning" for f in check_pair(zh, en))


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        # developing / developed countries
        (
            "发展中国家在获得技术方面仍面临困难。",
            "Developed countries still face difficulties in gaining access to technology.",
        ),
        # the Secretariat for the Secretary-General
        (
            "秘书处在报告中建议委员会核准该项目。",
            "In his report, the Secretary-General recommends that the Committee approve the "
            "project.",
        ),
        # decision-making rendered as "resolution-making"
        (
            "必须确保妇女充分参与各级决策。",
            "Women must participate fully in resolution-making at all levels.",
        ),
        # the Statute for the Charter
        (
            "任何改革都不应违背《规约》的原则。",
            "No reform should run counter to the principles of the Charter.",
        ),
        # the General Assembly's head for the Council's
        (
            "大会可考虑授权部署一支技术小组。",
            "The Council could consider authorizing the deployment of a technical team.",
        ),
        # a Council for a Conference
        (
            "北欧国家向理事会提出了若干建议。",
            "The Nordic countries made a number of recommendations to the Conference.",
        ),
        # the programme budget for the regular budget
        (
            "这些项目超出了核定方案预算的数额。",
            "These projects exceed the approved regular budget levels.",
        ),
        # States parties for the Members of the United Nations
        (
            "本组织系基于各缔约国主权平等之原则。",
            "The Organization is based on the principle of the sovereign equality of all its "
            "Members.",
        ),
    ],
)
def test_a_term_rendered_by_another_of_its_family_is_flagged(zh: str, en: str) -> None:
    assert warned(zh, en)


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        (
            "发达国家和发展中国家都应履行承诺。",
            "Developed and developing countries alike should honour their commitments.",
        ),
        ("秘书处将向委员会提交报告。", "The secretariat will submit a report to the Committee."),
        ("安理会的决策应当透明。", "The decisions of the Council should be transparent."),
        (
            "《公民权利和政治权利国际公约》第十四条保障公正审判。",
            "Article 14 of the International Covenant on Civil and Political Rights guarantees "
            "a fair trial.",
        ),
        ("审计委员会建议尽早核准该计划。", "The Board recommended that the plan be approved."),
        (
            "海湾合作委员会倡议及其执行机制。",
            "The Gulf Cooperation Council Initiative and its Implementation Mechanism.",
        ),
        ("3. 决定继续积极处理此案。", "3. Decides to remain actively seized of the matter."),
        ("该国是该条约的缔约国。", "The country is party to the Treaty."),
    ],
)
def test_faithful_renderings_within_a_family_are_not_flagged(zh: str, en: str) -> None:
    assert not warned(zh, en)


def test_a_resolution_cited_as_a_decision_is_found_by_counting() -> None:
    zh = "3. 决定延长第1807（2008）号决议规定的措施，并重申第1807（2008）号决议第10段。"
    en = (
        "3. Decides to extend the measures imposed by resolution 1807 (2008) and reaffirms "
        "paragraph 10 of decision 1807 (2008)."
    )
    assert warned(zh, en)
    faithful = en.replace("decision 1807", "resolution 1807")
    assert not warned(zh, faithful)


def test_stems_shared_by_different_terms_match_only_themselves() -> None:
    assert not en_loosely_present("developed countries", en_stems("most developing countries"))
    assert not en_loosely_present("Secretariat", en_stems("the Secretary-General"))
    assert en_loosely_present("Secretariat", en_stems("the Convention secretariat"))
    assert en_loosely_present("developing countries", en_stems("developing country Parties"))
    # a possessive's "s" is not a word the text must hold
    assert en_loosely_present(
        "United Nations Children's Fund", en_stems("the United Nations Children Fund")
    )


def test_an_acronym_spelt_from_the_initials_of_a_name_answers_it() -> None:
    words = ["United", "Nations", "Mission", "in", "South", "Sudan"]
    assert _initials_match("UNMISS", words)
    assert not _initials_match("UNDP", words)
    assert _initials_match(
        "OHCHR", ["Office", "of", "the", "High", "Commissioner", "for", "Human", "Rights"]
    )
    # 国际法委员会 / International Law Commission: the tables list no acronym
    assert not warned("国际法委员会通过了条款草案。", "The ILC adopted the draft articles.")
    assert warned("国际法委员会通过了条款草案。", "The ICC adopted the draft articles.")


def test_terms_the_other_side_leaves_implicit_are_hints() -> None:
    # an instrument named only as the owner of its meeting
    assert not warned(
        "各国向2015年《不扩散条约》审议大会提交了工作文件。",
        "States submitted working papers to the 2015 Review Conference.",
    )
    # the author of a resolution paragraph, left to "its" and the verb
    assert not warned(
        "重申安理会全面承诺巩固该国的和平与稳定，",
        "Reaffirming its full commitment to the consolidation of peace and stability in the "
        "country,",
    )
    assert warned(
        "3. 大会决定继续积极处理此案。",
        "3. The Security Council decides to remain actively seized of the matter.",
    )


def test_the_united_nations_does_not_answer_one_of_its_bodies() -> None:
    assert warned(
        "联合国贸易和发展会议发表了报告。",
        "The United Nations published a report on the matter.",
    )


def test_common_nouns_answer_a_term_but_never_replace_one() -> None:
    # "agreement" (consensus) is no Agreement that took the Convention's place
    assert not warned(
        "各方就《公约》的适用问题达成了一致。", "The parties reached agreement on its application."
    )
    assert warned(
        "各方就《公约》的适用问题达成了一致。",
        "The parties reached consensus on the application of the Agreement.",
    )
    # Chinese texts call some treaties 公约
    assert not warned(
        "除核查程序外，公约还规定了申诉程序。",
        "Besides verification, the Treaty provides for a complaints procedure.",
    )
