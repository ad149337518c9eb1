"""Stray spaces from extraction go; meaningful spaces stay."""

from __future__ import annotations

from aligner.ingest.spacing import repair_spacing


def test_chinese_stray_spaces_go() -> None:
    assert repair_spacing("主席 （以法语发言）：", "zh") == "主席（以法语发言）："
    assert repair_spacing("耿爽先生（中国）： 我感谢", "zh") == "耿爽先生（中国）：我感谢"
    assert repair_spacing("走向最终 的解决", "zh") == "走向最终的解决"
    assert repair_spacing("离不开 “纳卡”问题", "zh") == "离不开“纳卡”问题"


def test_chinese_name_dots_are_unified() -> None:
    assert repair_spacing("米罗斯拉夫 ·延恰", "zh") == "米罗斯拉夫·延恰"
    assert repair_spacing("德拉富恩特 · 拉米雷斯", "zh") == "德拉富恩特·拉米雷斯"
    assert repair_spacing("米罗斯拉夫•延恰", "zh") == "米罗斯拉夫·延恰"


def test_spaces_between_latin_words_and_digit_groups_stay() -> None:
    assert repair_spacing("至少2 750人，在Kechut 水库", "zh") == "至少2 750人，在Kechut水库"
    assert repair_spacing("Mr.  Geng   Shuang ( China ) ,", "en") == "Mr. Geng Shuang (China),"
