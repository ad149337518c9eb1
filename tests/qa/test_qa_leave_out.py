"""Leave-one-out omission evidence (aligner/qa/leave_out.py)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from aligner.qa.leave_out import MAX_SHARE, RUN_TOKENS, leave_out, runs, token_encoder

ZH = "国际社会必须集体努力缓和紧张局势，防止升级，以确保冲突不会再次爆发。"
EN = (
    "The international community must work collectively to ease tensions and prevent "
    "escalation in order to ensure that the conflict does not flare up again."
)


def test_runs_start_and_end_at_word_starts_within_the_share() -> None:
    starts = [True, False, True, True, False, False, True, True, True, True, False, True]
    found = runs(starts) - 1  # back to content-token indices
    opens = {i for i, s in enumerate(starts) if s} | {len(starts)}
    assert len(found)
    assert all(a in opens and b in opens for a, b in found)
    assert all(min(RUN_TOKENS) <= b - a <= MAX_SHARE * len(starts) for a, b in found)
    assert runs([True, True]).shape == (0, 2)  # too short to leave anything out


def test_an_embedder_without_token_features_gives_no_encoder() -> None:
    from aligner.align.hashing_embedder import HashingEmbedder

    assert token_encoder(HashingEmbedder()) is None
    assert token_encoder(None) is None


@pytest.fixture(scope="module")
def encoder() -> Any:
    from aligner.qa.embedding import load_embedder

    return token_encoder(load_embedder())


@pytest.mark.model
def test_token_rows_sum_to_the_texts_embedding(encoder: Any) -> None:
    rows = encoder.token_rows([ZH, EN])
    pooled = np.stack([r.sum(0) for r in rows])
    emb = encoder.embed_pools(pooled, np.array([len(r) for r in rows], np.float32))
    assert np.allclose(emb, encoder.encode([ZH, EN]), atol=1e-5)
    assert len(encoder.word_starts(EN)) == len(rows[1]) - 2


@pytest.mark.model
def test_a_dropped_clause_makes_the_full_side_gain_without_it(encoder: Any) -> None:
    dropped = EN.split(" in order to")[0] + "."
    clean_zh, _ = leave_out(encoder, ZH, EN)
    zh, en = leave_out(encoder, ZH, dropped)
    # the Chinese keeps the clause the English lost: leaving a run out raises its similarity
    assert zh.gain > clean_zh.gain
    assert zh.gain > en.gain
    assert zh.tokens is not None and zh.tokens[0] < zh.tokens[1]
