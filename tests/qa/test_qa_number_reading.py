"""General number reading: Chinese numerals with a magnitude, list labels of both scripts,
numerals written digit by digit, bracketed figures before a scale, numbered alternatives,
product codes, section numbers, and values swapped inside a list."""

from __future__ import annotations

import pytest

from aligner.qa.runner import check_pair


def number_flags(zh: str, en: str) -> list[tuple[str, str]]:
    return [(f.severity, f.message) for f in check_pair(zh, en) if f.type == "number"]


def above_info(zh: str, en: str) -> list[tuple[str, str]]:
    return [f for f in number_flags(zh, en) if f[0] != "info"]


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        # a numeral with its magnitude is a count without a classifier
        ("约有一百万难民返回。", "Some 1 million refugees returned."),
        ("受影响的人数达到两百万。", "The number of people affected reached 2 million."),
        ("受影响的人数达到一千二百万。", "The number of people affected reached 12 million."),
        ("一些国家报告了三十亿美元的损失。", "Some countries reported losses of $3 billion."),
        # circled, parenthesised and bracketed Chinese labels against "(1)", "(2)(a)"
        (
            "措施包括：⑴ 加强合作；⑵ 提高认识。",
            "Measures include: (1) strengthening cooperation; (2) raising awareness.",
        ),
        (
            "措施包括：① 加强合作；② 提高认识。",
            "Measures include: (1) strengthening cooperation; (2) raising awareness.",
        ),
        (
            "措施包括：㈠ 加强合作；㈡ 提高认识。",
            "Measures include: (1) strengthening cooperation; (2)(a) raising awareness.",
        ),
        (
            "措施包括：（一） 加强合作；（二） 提高认识。",
            "Measures include: (1) strengthening cooperation; (2) raising awareness.",
        ),
        # an article or rule number written digit by digit
        ("依照议事规则第一五六条，", "In accordance with rule 156 of the rules of procedure,"),
        # a figure bracketed before its scale
        (
            "所需资源估计为8000万美元。",
            "The resources required are estimated at $(80) million.",
        ),
        # numbered alternatives and options
        ("备选办法一：维持现状。", "Alternative 1: maintain the status quo."),
        ("方案二：设立新机构。", "Option 2: establish a new body."),
        # a code on one side, the substance named on the other
        ("减少三氟甲烷的排放。", "Reducing emissions of HFC-23."),
        # section numbers spaced by extraction
        ("详见报告第3.2 . 1节。", "See section 3.2.1 of the report."),
        ("详见报告第3.2.1节。", "See section 3.2 . 1 of the report."),
    ],
)
def test_same_number_in_another_form_raises_nothing_above_info(zh: str, en: str) -> None:
    assert above_info(zh, en) == []


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("约有一百万难民返回。", "Some 2 million refugees returned."),
        ("依照议事规则第一五六条，", "In accordance with rule 165 of the rules of procedure,"),
        ("所需资源估计为8000万美元。", "The resources required are estimated at $(90) million."),
        ("缔约方应减少HFC-23的排放。", "Parties should reduce emissions of HFC-32."),
        ("详见报告第3.2.1节。", "See section 3.2.4 of the report."),
        # a value swapped inside a list of years: each side gives one more often
        (
            "澳大利亚( 2017年 )、加拿大( 2016年 )、丹麦( 2017年 )、德国( 2016年 )、"
            "意大利( 2015年 )",
            "Australia (2017), Canada (2016), Denmark (2015), Germany (2016), Italy (2015)",
        ),
    ],
)
def test_a_changed_number_is_still_flagged(zh: str, en: str) -> None:
    assert above_info(zh, en)


def test_vague_magnitudes_are_not_counts() -> None:
    # 数以十万计 "hundreds of thousands" (UN Parallel Corpus dev set), 十万火急 an idiom
    assert (
        above_info(
            "随着民兵在全国各地动员起来，数以十万计的家庭失去了赚钱养家的男人。",
            "As militias mobilize throughout the country, hundreds of thousands of households have "
            "lost male breadwinners.",
        )
        == []
    )
    assert above_info("此事十万火急。", "This is extremely urgent.") == []


def test_english_list_labels_stay_numbers_when_the_chinese_uses_digits() -> None:
    # no Chinese list label: "(2)" is compared as a number
    assert above_info("措施包括：(1) 加强合作；(3) 提高认识。", "Measures include: (1) a; (2) b.")
