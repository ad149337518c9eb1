"""Unaligned sentences: an error in a speech, a warning in a record's procedure lines."""

from __future__ import annotations

from aligner.qa.check import PairView, build_checks
from aligner.qa.runner import check_pairs

# The opening procedure of a Security Council record (S/PV.9722, United Nations), which the
# English text of that record does not print.
PROCEDURE_ZH = "通过议程。"
SPEECH_ZH = "国际社会必须集体努力缓和紧张局势，防止升级。"


def unaligned(view: PairView) -> list[tuple[str, str]]:
    (result,) = check_pairs([view], checks=None, min_severity="info")
    return [(f.severity, f.message) for f in result.flags if f.type == "unaligned"]


def test_a_missing_speech_sentence_is_an_error() -> None:
    ((severity, _),) = unaligned(PairView("1", SPEECH_ZH, "", "zh", "member"))
    assert severity == "error"


def test_a_missing_procedure_line_is_a_warning() -> None:
    ((severity, message),) = unaligned(PairView("1", PROCEDURE_ZH, "", None, "procedure"))
    assert severity == "warning"
    assert "procedure line" in message


def test_a_free_pair_without_role_is_checked_as_speech() -> None:
    ((severity, _),) = unaligned(PairView("1", "", "The agenda was adopted.", None))
    assert severity == "error"


def test_lines_before_the_other_text_starts_or_after_it_ends_are_hints() -> None:
    # The Chinese record prints its opening and closing procedure; the English text starts at
    # the President's first words and stops before the close (an extraction that cut them).
    views = [
        PairView("1", "上午10时05分开会。", "", None, "procedure"),
        PairView("2", PROCEDURE_ZH, "", None, "procedure"),
        PairView("3", SPEECH_ZH, "The international community must act together.", "zh", "member"),
        PairView("4", SPEECH_ZH, "", "zh", "member"),
        PairView("5", "主席：我感谢他的发言。", "The President: I thank him.", "zh", "president"),
        PairView("6", "上午10时15分散会。", "", None, "procedure"),
    ]
    results = check_pairs(views, checks=build_checks(["unaligned"]), min_severity="info")
    found = {r.id: [(f.severity, f.message) for f in r.flags] for r in results}
    assert [s for s, _ in found["1"]] == ["info"] and "en text starts" in found["1"][0][1]
    assert [s for s, _ in found["2"]] == ["info"]
    assert [s for s, _ in found["6"]] == ["info"] and "en text ends" in found["6"][0][1]
    assert [s for s, _ in found["4"]] == ["error"]  # inside the text: a dropped sentence
    assert found["3"] == found["5"] == []


def test_free_pairs_have_no_edges() -> None:
    views = [PairView("1", SPEECH_ZH, ""), PairView("2", SPEECH_ZH, "We must act together.")]
    (first, _) = check_pairs(views, checks=build_checks(["unaligned"]), min_severity="info")
    assert [f.severity for f in first.flags] == ["error"]
