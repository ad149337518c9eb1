"""Translation-memory look-up: CAT-style match percentages, ranking, provenance, caching."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest
from synthetic_records import MakeAlignment

from aligner.align.hashing_embedder import HashingEmbedder
from aligner.errors import InputError, NotFoundError
from aligner.store import Repository
from aligner.store.rows import Correction
from aligner.tm import TranslationMemory, match_score


class CountingEmbedder(HashingEmbedder):
    def __init__(self) -> None:
        super().__init__()
        self.encoded = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.encoded += len(texts)
        return super().encode(texts)


@pytest.fixture
def tm(stored: Repository) -> TranslationMemory:
    return TranslationMemory(stored, HashingEmbedder())


def test_an_identical_segment_is_a_100_match_with_its_translation(tm: TranslationMemory) -> None:
    [best] = tm.lookup("中国支持安全理事会的工作。", "zh", k=1)
    assert best.match == 100
    assert best.target == "China supports the work of the Security Council."
    p = best.pair
    assert (p.symbol, p.zh_turn, p.speaker_en, p.type) == ("S/PV.9999", 2, "Zhang Wei", "1-1")
    assert p.confidence == pytest.approx(0.99)


def test_traditional_input_still_matches_exactly(tm: TranslationMemory) -> None:
    [best] = tm.lookup("中國支持安全理事會的工作。", "zh", k=1)
    assert best.match == 100


def test_a_small_edit_is_a_high_fuzzy_match_ranked_first(tm: TranslationMemory) -> None:
    matches = tm.lookup("法国支持联合国在这一地区的努力。", "zh", k=3)
    assert matches[0].source == "法国支持联合国在该地区的努力。"
    assert 75 <= matches[0].match < 100
    assert matches[0].match > matches[1].match
    assert [m.match for m in matches] == sorted((m.match for m in matches), reverse=True)


def test_english_source_looks_up_chinese_targets(tm: TranslationMemory) -> None:
    [best] = tm.lookup("The meeting rose at 11.35 am.", "en", k=1)
    assert best.target == "上午11时35分散会。"
    assert 85 <= best.match < 100


def test_k_min_match_and_symbol_filter(stored: Repository, make_alignment: MakeAlignment) -> None:
    stored.save_alignment(make_alignment("S/PV.8888"))
    tm = TranslationMemory(stored, HashingEmbedder())
    assert len(tm.lookup("谢谢主席。", "zh", k=5)) == 5
    strong = tm.lookup("谢谢主席。", "zh", k=5, min_match=100)
    assert {m.pair.symbol for m in strong} == {"S/PV.9999", "S/PV.8888"}
    only = tm.lookup("谢谢主席。", "zh", k=5, min_match=100, symbol="S/PV.8888")
    assert [m.pair.symbol for m in only] == ["S/PV.8888"]
    with pytest.raises(NotFoundError):
        tm.lookup("谢谢主席。", "zh", symbol="S/PV.0000")


def test_units_are_pairs_with_both_sides_not_rejected(stored: Repository) -> None:
    tm = TranslationMemory(stored, HashingEmbedder())
    assert all(m.source and m.target for m in tm.lookup("Thank you.", "en", k=50))
    pair = tm.lookup("谢谢主席。", "zh", k=1)[0].pair
    stored.correct_pair(pair.id, Correction("flag", "alice", status="rejected"))
    assert tm.lookup("谢谢主席。", "zh", k=1)[0].match < 100  # the index was refreshed


def test_vectors_are_stored_once_and_reused_across_instances(stored: Repository) -> None:
    first = CountingEmbedder()
    TranslationMemory(stored, first).lookup("议程通过。", "zh")
    assert first.encoded == 9 + 1  # every unit once, plus the query
    second = CountingEmbedder()
    tm = TranslationMemory(stored, second)
    tm.lookup("议程通过。", "zh")
    tm.lookup("我宣布会议开始。", "zh")
    assert second.encoded == 2  # only the queries


def test_bad_requests_are_input_errors(tm: TranslationMemory) -> None:
    for kwargs in (
        {"text": " "},
        {"text": "x" * 5001},
        {"text": "a\x00b"},
        {"source_lang": "fr"},
        {"k": 0},
        {"k": 51},
        {"min_match": 101},
    ):
        args = {"text": "谢谢", "source_lang": "zh", "k": 5} | kwargs
        with pytest.raises(InputError):
            tm.lookup(args.pop("text"), args.pop("source_lang"), **args)


def test_match_score_is_100_only_when_identical() -> None:
    assert match_score("abc", "abc", 0.1) == 100
    assert match_score("abcd", "abce", 1.0) == 81
    assert match_score("abcdefghij" * 5, "abcdefghij" * 5 + "k", 1.0) == 99
    assert match_score("abc", "xyz", -0.5) == 0


def test_an_empty_store_returns_no_matches(store: Repository) -> None:
    assert TranslationMemory(store, HashingEmbedder()).lookup("谢谢", "zh") == []
