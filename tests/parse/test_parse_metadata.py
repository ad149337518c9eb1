"""Reading meeting facts where UN records state them."""

from __future__ import annotations

import pytest

from aligner.parse import metadata


def test_cover_with_spaced_dot_leaders() -> None:
    cover = [
        "President: Ms. Dupont . . . . . . . . . . . . . . . . (France)",
        "",
        "Members: Albania . . . . . . . . . . . . . . . . . Mr. Hoxha",
        "",
        "         United Kingdom of Great Britain and Northern Ireland . . . Mr. Eckersley",
        "         Viet Nam ....................................... Mr. Dang",
        "Agenda",
        "Mali . . . . . . not a member: the list ended at the agenda",
    ]
    assert metadata.cover_president(cover, "en").code == "FRA"
    assert [c.code for c in metadata.cover_members(cover, "en")] == ["ALB", "GBR", "VNM"]


def test_chinese_cover() -> None:
    cover = [
        "主席：	德里维埃先生……………………（法国）",
        "成员：	阿尔巴尼亚 . . . . . . 霍查先生",
        "巴西……………小德阿尔梅达先生",
    ]
    assert metadata.cover_president(cover, "zh").code == "FRA"
    assert [c.code for c in metadata.cover_members(cover, "zh")] == ["ALB", "BRA"]


@pytest.mark.parametrize(
    ("line", "lang", "expected"),
    [
        ("The meeting was called to order at 10.05 a.m.", "en", "10:05"),
        ("The meeting was called to order at 3 p.m.", "en", "15:00"),
        ("The meeting rose at 12.40 p.m.", "en", "12:40"),
        ("The meeting rose at noon.", "en", "12:00"),
        ("上午10时05分开会。", "zh", "10:05"),
        ("下午3时10分散会。", "zh", "15:10"),
        ("中午12时散会。", "zh", "12:00"),
    ],
)
def test_times(line: str, lang: str, expected: str) -> None:
    assert metadata.find_time(line, lang) == expected


def test_dates_from_cover_or_running_header() -> None:
    assert metadata.find_date(["Tuesday, 20 September 2022, 3 p.m."], []) == "2022-09-20"
    assert metadata.find_date(["2022年9月20日星期二下午3时"], []) == "2022-09-20"
    # The agenda's letter date is not the meeting date; the running header is.
    header = ["20/09/2022 Letter dated 13 September 2022 S/PV.9999"] * 3
    assert metadata.find_date(["2022年9月13日亚美尼亚代表的信"], header) == "2022-09-20"


def test_documents_in_order_without_the_record_itself() -> None:
    texts = [
        "（S/2022/688）",
        "以S/2022/638为编号，见A/RES/77/1和E/CN.6/2023/L.3、S/2022/688。",
        "resolution 2231 (2015) in S/RES/2231 (2015) and S/PV.9132 and A/ES-11/L.1.",
    ]
    assert metadata.find_documents(texts, own_symbol="S/PV.9132") == [
        "S/2022/688",
        "S/2022/638",
        "A/RES/77/1",
        "E/CN.6/2023/L.3",
        "S/RES/2231",
        "A/ES-11/L.1",
    ]


def test_body_and_meeting_number() -> None:
    assert metadata.find_body("A/77/PV.5", []) == "General Assembly"
    assert metadata.find_body(None, ["安全理事会 第七十七年"]) == "Security Council"
    assert metadata.find_meeting_number(["5th plenary meeting"], "A/77/PV.5") == 5
    assert metadata.find_meeting_number(["第9132次会议"], None) == 9132
    assert metadata.find_meeting_number([], "S/PV.9200") == 9200


def test_national_capacity() -> None:
    en = "I shall now make a statement in my capacity as the representative of France."
    assert metadata.national_statement_country(en, "en").code == "FRA"
    assert metadata.national_statement_country("我现在以法国代表的身份发言。", "zh").code == "FRA"
