"""The benchmark scorer follows Vecalign's score.py semantics."""

from __future__ import annotations

import pytest

from bench.score import format_link, parse_link, score_multiple


def test_identical_alignment_scores_one() -> None:
    gold = [((0,), (0,)), ((1, 2), (1,)), ((3,), ())]
    s = score_multiple([gold], [gold])
    assert (s.f1_strict, s.f1_lax) == (1.0, 1.0)


def test_strict_and_lax_differ_on_a_boundary_error() -> None:
    gold = [((0,), (0, 1)), ((1,), (2,))]
    test = [((0,), (0,)), ((1,), (1, 2))]
    s = score_multiple([gold], [test])
    assert s.precision_strict == 0.0 and s.recall_strict == 0.0
    assert s.precision_lax == 1.0 and s.recall_lax == 1.0


def test_recall_ignores_gold_deletions_but_precision_counts_predicted_ones() -> None:
    gold = [((0,), (0,)), ((1,), ()), ((2,), (1,))]
    test = [((0,), (0,)), ((1, 2), (1,))]
    s = score_multiple([gold], [test])
    assert s.recall_strict == pytest.approx(0.5)  # 1 of the 2 non-empty gold links
    assert s.precision_strict == pytest.approx(0.5)
    wrong_deletion = [((0,), (0,)), ((1,), ()), ((2,), ()), ((), (1,))]
    s2 = score_multiple([gold], [wrong_deletion])
    assert s2.precision_strict == pytest.approx(2 / 4)


def test_counts_are_pooled_over_documents() -> None:
    good = [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    bad = [((0, 1), (0, 1))]
    s = score_multiple([good, [((0,), (0,)), ((1,), (1,))]], [good, bad])
    assert s.precision_strict == pytest.approx(3 / 4)
    assert s.recall_strict == pytest.approx(3 / 5)


def test_link_format_round_trips() -> None:
    assert parse_link("[3,4]:[5]") == ((3, 4), (5,))
    assert parse_link("[]:[7]") == ((), (7,))
    assert format_link((3, 4), ()) == "[3,4]:[]"
