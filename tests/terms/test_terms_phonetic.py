"""Matching Chinese transliterations with Latin-script names by sound."""

from __future__ import annotations

import pytest

from aligner.terms.names import THRESHOLD, name_similarity
from aligner.terms.phonetic import is_transliteration, similarity

PAIRS = [
    ("帕什尼扬", "Pashinyan"),
    ("布林肯", "Blinken"),
    ("马克龙", "Macron"),
    ("撒马尔罕", "Samarkand"),
    ("维也纳", "Vienna"),
    ("布鲁塞尔", "Brussels"),
    ("斯坦尼斯拉夫", "Stanislav"),
    ("纳戈尔诺-卡拉巴赫", "Nagorno-Karabakh"),
    ("达喀尔", "Dakar"),
    ("卡尔松", "Karlsson"),
]


@pytest.mark.parametrize(("zh", "en"), PAIRS)
def test_a_name_sounds_like_its_transliteration(zh: str, en: str) -> None:
    assert similarity(zh, en) >= THRESHOLD


def test_true_partners_score_above_every_wrong_partner() -> None:
    for zh, en in PAIRS:
        own = similarity(zh, en)
        others = [similarity(zh, other) for _, other in PAIRS if other != en]
        assert own > max(others), (zh, en)


def test_multiword_names_are_matched_word_by_word() -> None:
    # Whole name beats its first part, so the full Chinese form is kept.
    assert name_similarity("瓦约茨佐尔", "Vayots Dzor") > name_similarity("瓦约茨", "Vayots Dzor")
    assert name_similarity("斯坦尼斯拉夫·扎斯", "Stanislav Zas") >= THRESHOLD


def test_ordinary_words_are_not_transliterations() -> None:
    assert is_transliteration("布鲁塞尔")
    assert not is_transliteration("安全理事会")
    assert similarity("布鲁塞尔", "Security") < THRESHOLD
