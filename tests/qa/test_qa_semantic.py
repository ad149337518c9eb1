"""Omissions and additions: the length-only fallback, and the embedding model (marked)."""

from __future__ import annotations

import pytest

from aligner.qa.check import QAContext
from aligner.qa.length import length_z
from aligner.qa.runner import check_pair
from aligner.qa.segments import pieces

ZH = "国际社会必须集体努力缓和紧张局势，防止升级，以确保冲突不会再次爆发。"
EN = (
    "The international community must work collectively to ease tensions and prevent "
    "escalation in order to ensure that the conflict does not flare up again."
)


def test_length_model_centres_a_faithful_pair() -> None:
    assert abs(length_z(ZH, EN)) < 1.5
    assert length_z(ZH, "The community must work.") < -3


def test_pieces_cover_the_text() -> None:
    spans = pieces(EN, "en")
    assert spans[0][0] == 0 and spans[-1][1] == len(EN)
    assert all(a < b for a, b in spans)


def test_without_a_model_a_gross_length_mismatch_is_still_flagged() -> None:
    flags = check_pair(ZH, "The community must work.")
    assert "omission" in [f.type for f in flags]
    assert check_pair(ZH, EN) == []


def test_an_empty_side_is_unaligned() -> None:
    (flag,) = check_pair(ZH, "")
    assert (flag.type, flag.severity) == ("unaligned", "error")


@pytest.fixture(scope="module")
def use_ctx() -> QAContext:
    from aligner.qa.embedding import load_embedder

    return QAContext(embedder=load_embedder())


@pytest.mark.model
def test_added_sentence_is_flagged_with_its_span(use_ctx: QAContext) -> None:
    extra = " Heavy artillery and drones were reportedly used in the fighting."
    flags = check_pair(ZH, EN + extra, ctx=use_ctx)
    kinds = [f.type for f in flags]
    assert "addition" in kinds
    flag = next(f for f in flags if f.type == "addition")
    assert flag.spans and flag.spans[0].lang == "en" and "artillery" in flag.spans[0].text


@pytest.mark.model
def test_dropped_clause_is_flagged(use_ctx: QAContext) -> None:
    zh = (
        "然而，我们仍然对这次危险的升级、包括它对平民可能造成的影响深感关切，"
        "并敦促双方立即采取具体措施缓和紧张局势。"
    )
    en = "However, we remain deeply concerned about this dangerous escalation."
    assert "omission" in [f.type for f in check_pair(zh, en, ctx=use_ctx)]


@pytest.mark.model
def test_faithful_pairs_are_not_flagged(use_ctx: QAContext) -> None:
    assert check_pair(ZH, EN, ctx=use_ctx) == []
    zh = "我们欢迎这项协议，并希望停火能够维持。"
    en = "We welcome that agreement and hope that the ceasefire will hold."
    assert check_pair(zh, en, ctx=use_ctx) == []


def test_a_speaker_header_is_not_content_missing_from_the_other_side() -> None:
    from aligner.qa.check import PairView
    from aligner.qa.semantic import speech_body

    view = PairView(
        "p1",
        "托罗伊蒂奇夫人（肯尼亚）（以英语发言）：我感谢助理秘书长通报情况。",
        "Mrs. Toroitich (Kenya): I thank the Assistant Secretary-General for his briefing.",
    )
    body, starts = speech_body(view)
    assert body.zh == "我感谢助理秘书长通报情况。"
    assert body.en == "I thank the Assistant Secretary-General for his briefing."
    assert view.zh[starts["zh"] :] == body.zh and view.en[starts["en"] :] == body.en
    # a pair that is a header only keeps its text
    bare = PairView("p2", "主席（以英语发言）：", "The President:")
    assert speech_body(bare)[0] is bare


def test_best_run_survives_one_stray_match_inside_it() -> None:
    from aligner.qa.semantic import _best_run

    def marks(covered: str) -> list[tuple[int, int, bool]]:
        return [(i, i + 1, c == "+") for i, c in enumerate(covered)]

    assert _best_run(marks("+--+---+")) == (3.0, 4, 7)
    # one covered word inside a long uncovered run costs RUN_PENALTY, it does not split it
    assert _best_run(marks("----+----")) == (6.0, 0, 9)
    assert _best_run(marks("++++")) == (0.0, 0, 0)


def test_rival_fill_counts_the_other_sides_unmatched_words_at_the_same_place() -> None:
    from aligner.qa.semantic import _rival_fill

    rival = [(i, i + 1, c == "+") for i, c in enumerate("++++++----++++++++++")]
    # a run in the middle third of this side meets the rival's four unmatched words there...
    assert _rival_fill((4, 6), 12, rival) == 4
    # ...a run at the end meets none
    assert _rival_fill((10, 12), 12, rival) == 0


def test_a_phrase_dropped_inside_a_sentence_leaves_a_one_sided_run() -> None:
    """No clause punctuation changes: the Chinese side's run of words without a rendering
    grows while the English side shows nothing unmatched at that place."""
    from aligner.qa.check import PairView
    from aligner.qa.semantic import lexical_evidence, lexical_score

    dropped = EN.split(" in order to")[0] + "."
    zh_clean, _ = lexical_evidence(PairView("a", ZH, EN))
    zh_drop, _ = lexical_evidence(PairView("b", ZH, dropped))
    assert zh_drop.run > zh_clean.run
    assert zh_drop.run > zh_drop.rival_run
    assert zh_drop.rival_fill <= 1
    assert lexical_score(zh_drop) > lexical_score(zh_clean)
