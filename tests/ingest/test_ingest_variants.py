"""Width and ligature variants are folded in the text users read; rule-bound full-width
Chinese punctuation is not."""

from __future__ import annotations

from aligner.ingest.variants import fold_variants


def test_full_width_digits_letters_and_symbols_fold() -> None:
    assert fold_variants("２０２２年（Ｓ／２０２２／６８８）") == "2022年（S/2022/688）"
    assert fold_variants("纳戈尔诺－卡拉巴赫") == "纳戈尔诺-卡拉巴赫"


def test_chinese_punctuation_stays_full_width() -> None:
    text = "我们认为，这很重要：（一）停火；（二）对话。"
    assert fold_variants(text) == text
    assert fold_variants("结论－") == "结论－"


def test_ligatures_become_letters() -> None:
    assert fold_variants("the ﬁrst ﬂoor of the oﬃce") == "the first floor of the office"
