"""English names whose words the Chinese does not render (aligner/qa/name_coverage.py)."""

from __future__ import annotations

from aligner.qa.check import PairView, QAContext, build_checks
from aligner.qa.runner import check_pairs

ZH = "世界粮食安全委员会将在罗马举行第四十二届会议。"
EN = "The Committee on World Food Security will hold its forty-second session in Rome."


def _name_flags(zh: str, en: str) -> list:
    views = [PairView("1", zh, en)]
    [result] = check_pairs(views, QAContext(), checks=build_checks(["name"]), min_severity="info")
    return result.flags


def test_a_faithfully_rendered_body_raises_nothing() -> None:
    assert _name_flags(ZH, EN) == []


def test_a_body_swapped_in_the_english_is_flagged() -> None:
    # (a name the term check's tables know, such as the Board of Auditors, is left to it)
    swapped = EN.replace("Committee on World Food Security", "Regional Forestry Commission")
    [flag] = _name_flags(ZH, swapped)
    assert flag.severity == "warning" and flag.spans[0].text == "Regional Forestry Commission"
    assert {"Regional", "Forestry"} <= set(flag.details["missing"])
    # one specific word missing is only a hint: most often a gloss the dictionary lacks
    [hint] = _name_flags(ZH, EN.replace("Committee on World Food Security", "Board of Trade"))
    assert hint.severity == "info" and "Trade" in hint.details["missing"]


def test_a_body_swapped_in_the_chinese_is_flagged_on_the_english_name() -> None:
    [flag] = _name_flags(ZH.replace("世界粮食安全委员会", "国际海底管理局"), EN)
    assert "Food" in flag.details["missing"] and "Security" in flag.details["missing"]


def test_people_and_headless_names_are_left_to_other_checks() -> None:
    zh = "萨曼莎·鲍尔大使发了言。"
    assert _name_flags(zh, "Ambassador Samantha Power made a statement.") == []
