"""The third error injector (bench/qa_inject3.py) on real UN pairs: the first 1,200 official pairs
of the UN Parallel Corpus dev set (../shared/real/unpc-dev; source: United Nations)."""

from __future__ import annotations

import random

import pytest

from bench.qa_eval import UNPC, unpc_pairs
from bench.qa_inject import Injected
from bench.qa_inject3 import KINDS, inj_clause, inj_number, inject_all

pytestmark = pytest.mark.skipif(not UNPC.is_dir(), reason="../shared/real/unpc-dev not available")


@pytest.fixture(scope="module")
def pairs() -> list[tuple[str, str, str]]:
    return unpc_pairs()[:1200]


@pytest.fixture(scope="module")
def cases(pairs) -> list[tuple[str, Injected]]:
    return inject_all(pairs, seed=37, per_kind=15)


def test_same_seed_same_cases_other_seed_other_cases(pairs, cases):
    assert inject_all(pairs, seed=37, per_kind=15) == cases
    assert inject_all(pairs, seed=38, per_kind=15) != cases


def test_every_kind_is_returned_up_to_per_kind_each_from_another_pair(cases):
    for kind in KINDS:
        ids = [pid for pid, case in cases if case.kind == kind]
        assert len(ids) == 15, kind
        assert len(set(ids)) == len(ids), kind
    assert {case.side for _, case in cases} == {"zh", "en"}


def test_no_case_is_the_unchanged_pair_and_no_side_is_empty(pairs, cases):
    source = {pid: (zh, en) for pid, zh, en in pairs}
    for pid, case in cases:
        zh, en = source[pid]
        assert (case.zh, case.en) != (zh, en), (case.kind, pid)
        assert case.zh.strip() and case.en.strip(), (case.kind, pid)
        # only the side named changed
        assert (case.en if case.side == "zh" else case.zh) == (en if case.side == "zh" else zh)
        assert case.note


def test_a_paragraph_number_is_not_a_figure_and_a_dropped_clause_is_long_enough():
    rng = random.Random(0)
    for _ in range(20):
        new, _ = inj_number("51. The Committee held 12 meetings.", "en", rng)
        assert new.startswith("51. ") and new != "51. The Committee held 12 meetings."
    text = "会议将公开举行，所有会员国均可参加。"
    new, _ = inj_clause(text, "zh", rng)
    assert new in ("所有会员国均可参加。", "会议将公开举行。"), new
    assert inj_clause("Other matters", "en", rng) is None
