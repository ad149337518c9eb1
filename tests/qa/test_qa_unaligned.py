"""Unaligned sentences: an error in a speech, a warning in a record's procedure lines."""

from __future__ import annotations

from aligner.qa.check import PairView
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
