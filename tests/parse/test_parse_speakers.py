"""Speaker headers in both languages, and sentences that only look like them."""

from __future__ import annotations

import pytest

from aligner.parse.speakers import match_header


@pytest.mark.parametrize(
    ("text", "name", "honorific", "affiliation", "language", "presiding"),
    [
        ("比昂先生（加蓬）（以法语发言）：我要感谢", "比昂", "先生", "加蓬", "法语", False),
        ("主席（以法语发言）：我现在", None, None, None, "法语", True),
        ("主席 （以法语发言）：我现在", None, None, None, "法语", True),
        ("耿爽先生（中国）： 我感谢", "耿爽", "先生", "中国", None, False),
        (
            "德拉富恩特·拉米雷斯先生（墨西哥）（以西班牙语发言）：我",
            "德拉富恩特·拉米雷斯",
            "先生",
            "墨西哥",
            "西班牙语",
            False,
        ),
        ("延恰先生（以英语发言）：主席先生", "延恰", "先生", None, "英语", False),
        ("刘女士：我感谢主席。", "刘", "女士", None, None, False),
        ("Mr. Biang (Gabon) (spoke in French): I would", "Biang", "Mr.", "Gabon", "French", False),
        ("The President (spoke in French): In accordance", None, None, None, "French", True),
        ("Mr. Jenča: I thank you", "Jenča", "Mr.", None, None, False),
        (
            "Mr. De la Fuente Ramírez (Mexico) (spoke in Spanish): I",
            "De la Fuente Ramírez",
            "Mr.",
            "Mexico",
            "Spanish",
            False,
        ),
        ("Ms. Juul (Norway): I, too", "Juul", "Ms.", "Norway", None, False),
        ("The Acting President: I now", None, None, None, None, True),
        (
            "Mr. Ng (Singapore) (spoke in Malay; interpretation provided by the delegation): I",
            "Ng",
            "Mr.",
            "Singapore",
            "Malay",
            False,
        ),
        # Records before about 2000: capitals and "interpretation from".
        (
            "Mr. CHIRILA (Romania) (interpretation from French): The",
            "CHIRILA",
            "Mr.",
            "Romania",
            "French",
            False,
        ),
        (
            "Mr. Elaraby (Egypt)(interpretation from Arabic): I",
            "Elaraby",
            "Mr.",
            "Egypt",
            "Arabic",
            False,
        ),
        ("The PRESIDENT: I now", None, None, None, None, True),
        # A stray colon before the brackets, as printed.
        (
            "Mr. Briz Gutiérrez: (Guatemala) (spoke in Spanish): My",
            "Briz Gutiérrez",
            "Mr.",
            "Guatemala",
            "Spanish",
            False,
        ),
        (
            "吴百纳女爵士（联合王国）（以英语发言）：联合王国",
            "吴百纳",
            "女爵士",
            "联合王国",
            "英语",
            False,
        ),
        (
            "加拉耶夫先生（阿塞拜疆），第三委员会报告员（以英语发言）：我",
            "加拉耶夫",
            "先生",
            "阿塞拜疆",
            "英语",
            False,
        ),
        (
            "圆桌会议2共同主席索托女士（智利）（以西班牙语发言）：我",
            "索托",
            "女士",
            "智利",
            "西班牙语",
            False,
        ),
        (
            "Ms. Soto (Chile), Co-Chair of round table 2 (spoke in Spanish): I",
            "Soto",
            "Ms.",
            "Chile",
            "Spanish",
            False,
        ),
    ],
)
def test_headers(
    text: str,
    name: str | None,
    honorific: str | None,
    affiliation: str | None,
    language: str | None,
    presiding: bool,
) -> None:
    lang = "en" if text.isascii() or text[0].isascii() else "zh"
    header = match_header(text, lang)
    assert header is not None
    assert (
        header.name,
        header.honorific,
        header.affiliation,
        header.language_name,
        header.presiding,
    ) == (
        name,
        honorific,
        affiliation,
        language,
        presiding,
    )
    assert text.lstrip()[: header.end].rstrip().endswith((":", "："))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("我们强调：必须停火。", "zh"),
        ("我们认为（见S/2021/956）：这很重要。", "zh"),
        ("这些成果应包括：强烈谴责侵略", "zh"),
        ("President: .......................... (France)", "en"),
        ("The following States: Albania, Brazil", "en"),
        ("We stress the following: first,", "en"),
        ("主席：......（法国）", "zh"),
        # Speeches addressing the Chair, and a chair change, are not headers.
        ("Mr. President, as Chair of the Group, I say: thank you", "en"),
        ("Mr. President: thank you", "en"),
        ("Mr. Obi (Nigeria), Vice-President, took the Chair. Then: x", "en"),
    ],
)
def test_sentences_are_not_headers(text: str, lang: str) -> None:
    assert match_header(text, lang) is None


@pytest.mark.parametrize(
    ("text", "lang", "office"),
    [
        (
            "Mr. Garan (Azerbaijan), Rapporteur of the Third Committee: It",
            "en",
            "Rapporteur of the Third Committee",
        ),
        ("第三委员会报告员加兰先生（阿塞拜疆）（以英语发言）：我", "zh", "第三委员会报告员"),
        ("圆桌会议2共同主席索托女士（智利）（以西班牙语发言）：我", "zh", "圆桌会议2共同主席"),
    ],
)
def test_offices_beside_the_state(text: str, lang: str, office: str) -> None:
    header = match_header(text, lang)
    assert header is not None and header.office == office


@pytest.mark.parametrize(
    ("text", "lang", "language", "rest"),
    [
        ("(spoke in French)", "en", "French", ""),
        ("(spoke in French) However, we", "en", "French", "However, we"),
        ("（以法语发言）", "zh", "法语", ""),
        ("（以阿拉伯语发言）我们", "zh", "阿拉伯语", "我们"),
    ],
)
def test_language_switch_notes(text: str, lang: str, language: str, rest: str) -> None:
    from aligner.parse.speakers import language_switch

    assert language_switch(text, lang) == (language, rest)
    assert language_switch("Mr. Biang (Gabon) (spoke in French): I", "en") is None
