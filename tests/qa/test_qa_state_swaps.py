"""One-sided Member States graded by what the other side names instead
(aligner/qa/state_swaps.py), on pairs of the UN Parallel Corpus dev set (../shared/real/unpc-dev;
source: United Nations): faithful pairs whose other side refers to the State by an anaphor stay
quiet, the same pairs with a State put for another one are warnings."""

from __future__ import annotations

import pytest

from aligner.qa.check import PairView, QAContext, build_checks
from aligner.qa.lexicon import load_lexicon
from aligner.qa.state_swaps import state_mentions

pytestmark = pytest.mark.skipif(load_lexicon() is None, reason="CC-CEDICT not installed")

TURKEY = (  # UNPC dev line 1796
    "叙利亚政府申明，土耳其当局对土耳其违反1921年协定的后果承担责任。",
    "The Syrian Government affirms that the Turkish authorities are responsible for the "
    "consequences of Turkey's violation of the 1921 Agreement.",
)
AUSTRALIA = (  # line 750
    "澳大利亚政府向以个人身份出席世界大会的土著澳大利亚人提供了支持。",
    "The Australian Government provided support for indigenous Australians to attend and to "
    "participate in the World Conference in their own capacity.",
)
SUDANS = (  # line 1452
    "3 .特别指出苏丹政府和南苏丹政府继续相互合作对和平、安全与稳定"
    "以及对它们之间的未来关系也十分重要；",
    "3. Underscores that continued cooperation between the Government of Sudan and Government "
    "of South Sudan is also critical for peace, security and stability and the future "
    "relations between them;",
)
GUINEA_BISSAU = (  # line 424, shortened
    "6 .注意到该国的人权情况在不断变化，敦促几内亚比绍当局采取一切必要措施保护人权，"
    "结束有罪不罚局面；",
    "6. Takes note of the evolving human rights situation in the country and urges the "
    "authorities of Guinea-Bissau to take all necessary measures to protect human rights, put "
    "an end to impunity;",
)
ANAPHORS = [
    (  # line 842: "It" for Portugal
        "葡萄牙推广民用国家地震检测服务的使用，"
        "以便得益于临时技术秘书处关于海啸警报的数据( 行动14 )。",
        "It has extended the use of the civilian national seismic detection services in order "
        "to benefit from the Provisional Technical Secretariat data regarding tsunami alerts "
        "(action 14).",
    ),
    (  # line 765: "the country" for Georgia
        "性别选择性堕胎是一种文化现象，这表明格鲁吉亚存在性别失衡。",
        "Sex-selection abortion is a cultural phenomenon and indicates that there is gender "
        "imbalance in the country.",
    ),
]


def warnings(zh: str, en: str) -> list:
    (check,) = build_checks(["entity"])
    ctx = QAContext()
    view = PairView("t", zh, en)
    check.prepare_batch([view], ctx)
    return [f for f in check.check(view, ctx) if f.severity != "info"]


@pytest.mark.parametrize(("zh", "en"), [TURKEY, AUSTRALIA, SUDANS, GUINEA_BISSAU, *ANAPHORS])
def test_faithful_pairs_stay_quiet(zh: str, en: str) -> None:
    assert warnings(zh, en) == []


def test_a_state_put_where_the_other_side_names_another_more_often() -> None:
    zh, en = TURKEY
    # "the Turkish authorities" and "Turkey's": two mentions of Türkiye against one 土耳其
    flags = warnings(zh.replace("土耳其当局", "日本当局"), en)
    assert [f.details.get("evidence") for f in flags] == ["state-swap"]
    assert flags[0].details["more"] == ["country:TUR"]
    assert flags[0].spans[0].text == "日本"
    assert flags[0].check == "entity"


def test_a_state_put_where_the_other_side_has_only_its_adjective() -> None:
    zh, en = AUSTRALIA
    flags = warnings(zh.replace("澳大利亚政府", "美利坚合众国政府"), en)
    assert [f.details.get("evidence") for f in flags] == ["state-swap"]


def test_a_state_put_where_the_other_side_has_a_name_of_its_own() -> None:
    zh, en = GUINEA_BISSAU
    flags = warnings(zh, en.replace("authorities of Guinea-Bissau", "authorities of Zwedru"))
    assert flags, "Zwedru stands where 几内亚比绍 should be rendered"
    assert {s.text for f in flags for s in f.spans} >= {"几内亚比绍", "Zwedru"}


def test_an_anaphor_does_not_stand_for_a_state_beside_another_state() -> None:
    zh, en = ANAPHORS[0]
    # the State swapped, the English anaphor unchanged: nothing on the English side names
    # another State, so the anaphor may still stand for it (a hint, not a warning)
    assert warnings(zh.replace("葡萄牙", "西班牙"), en) == []


def test_a_state_present_only_inside_another_states_name() -> None:
    zh, en = SUDANS
    flags = warnings(zh.replace("苏丹政府和", ""), en)
    assert [f.details.get("evidence") for f in flags] == ["nested-state"]
    assert flags[0].details["key"] == "country:SDN"


def test_states_are_counted_word_by_word() -> None:
    zh, en = SUDANS
    view = PairView("t", zh.replace("苏丹政府和", ""), en)
    ctx = QAContext()
    assert state_mentions(view, ctx, "zh") == {"country:SSD": 1}
    assert state_mentions(view, ctx, "en") == {"country:SDN": 1, "country:SSD": 1}
    # a State inside a body's name is a mention of it on both sides
    peacekeepers = PairView(
        "t",
        "联合国驻塞浦路斯维持和平部队",
        "the United Nations Peacekeeping Force in Cyprus",
    )
    assert state_mentions(peacekeepers, ctx, "zh") == {"country:CYP": 1}
    assert state_mentions(peacekeepers, ctx, "en") == {"country:CYP": 1}
