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


@pytest.mark.parametrize(
    ("texts", "symbol"),
    [
        (["S/PV.8422", "13/12/2018 The situation in Africa S/PV.8422"], "S/PV.8422"),
        # As extraction spaces them.
        (["S/PV .8422 The situation 13/12/2018", "A /60/PV.25"], "S/PV.8422"),
        (["S/PV.8422 (Resumption 1)", "S/PV.8422 (Resumption 1) Title 14/12/2018"],
         "S/PV.8422 (Resumption 1)"),
        (["A/ES-10/PV.37 (Resumption 1)"], "A/ES-10/PV.37 (Resumption 1)"),
        (["A/C.1/73/PV.5"], "A/C.1/73/PV.5"),
        (["A/S-27/PV.5"], "A/S-27/PV.5"),
        (["S/PV.500"], "S/PV.500"),
        (["A/PV.123"], "A/PV.123"),
        # Covers that do not print their symbol: UN numbering gives it.
        (["UNITED NATIONS", "SECURITY COUNCIL", "OFFICIAL RECORDS", "FIFTH YEAR",
          "476th MEETING: 7 JULY 1950", "LAKE SUCCESS, NEW YORK"], "S/PV.476"),
        (["SECURITY COUNCIL", "FOUR HUNDRED AND SEVENTY-SIXTH MEETING"], "S/PV.476"),
        (["GENERAL ASSEMBLY", "FIFTH SESSION", "Official Records",
          "TWO HUNDRED AND EIGHTY-FIFTH PLENARY MEETING",
          "Held at Flushing Meadow, New York, on Thursday, 7 September 1950, at 3 p.m."],
         "A/PV.285"),
        (["General Assembly", "Thirtieth session", "2433rd plenary meeting"], "A/PV.2433"),
        (["General Assembly", "Fortieth session", "45th plenary meeting"], "A/40/PV.45"),
        (["联合国", "大会", "第七十三届会议", "第45次全体会议"], "A/73/PV.45"),
        # A committee meeting without its symbol is not guessed.
        (["General Assembly", "Fortieth session", "First Committee", "12th meeting"], None),
    ],
)  # fmt: skip
def test_symbols_of_every_period(texts: list[str], symbol: str | None) -> None:
    assert metadata.find_symbol(texts) == symbol


@pytest.mark.parametrize(
    ("cover", "furniture", "expected"),
    [
        (["Thursday, 13 December 2018, 3 p.m."], [], "2018-12-13"),
        (["46th", "PLENARY MEETING", "Monday, 1 November 1993", "at 3 p.m."], [], "1993-11-01"),
        (["THURSDAY, 7 SEPTEMBER 1950, at 3 p.m."], [], "1950-09-07"),
        (["Held at Lake Success, New York, on Friday, July 7, 1950, at 3 p.m."], [], "1950-07-07"),
        (["476th MEETING: 7 JULY 1950"], [], "1950-07-07"),
        (["2024年5月30日星期五上午10时举行"], [], "2024-05-30"),
        # The agenda's letter and the distribution date are not the meeting's date.
        (["Agenda", "Letter dated 19 March 1997 from the Permanent Representative"],
         ["Distr. GENERAL", "22 November 1993", "46th meeting - Monday, 1 November 1993 3"],
         "1993-11-01"),
        ([], ["31/05/2024 The situation concerning Iraq S/PV.9642"] * 2, "2024-05-31"),
    ],
)  # fmt: skip
def test_meeting_dates_of_every_period(
    cover: list[str], furniture: list[str], expected: str
) -> None:
    assert metadata.find_date(cover, furniture) == expected


@pytest.mark.parametrize(
    ("cover", "symbol", "expected"),
    [
        (["46th PLENARY MEETING"], None, 46),
        (["8422 nd meeting"], None, 8422),
        (["FOUR HUNDRED AND SEVENTY-SIXTH MEETING"], None, 476),
        (["第九六四二次会议"], None, 9642),
        (["第四十六次全体会议"], None, 46),
        (["the 5th meeting of the Committee"], "S/PV.8422 (Resumption 1)", 8422),
    ],
)
def test_meeting_numbers(cover: list[str], symbol: str | None, expected: int) -> None:
    assert metadata.find_meeting_number(cover, symbol) == expected


def test_president_country_on_the_line_below_the_name() -> None:
    cover = ["President: Mr. INSANALLY", "(Guyana)", "__________"]
    assert metadata.cover_president(cover, "en").code == "GUY"


def test_sessions() -> None:
    assert metadata.find_session(["FORTY-EIGHTH SESSION"]) == 48
    assert metadata.find_session(["Sixtieth session"]) == 60
    assert metadata.find_session(["Seventy-ninth session"]) == 79
    assert metadata.find_session(["第七十三届会议"]) == 73
    assert metadata.find_session(["Seventy-third year"]) is None


def test_the_running_header_gives_the_agenda_title_when_the_opening_is_missing() -> None:
    furniture = [
        "11/09/2024 Reports of the Secretary-General on the Sudan and South Sudan S/PV.9722",
        "24-26375 3/20",
        "S/PV.9722 Reports of the Secretary-General on the Sudan and South Sudan 11/09/2024",
        "S/PV.9722 秘书长关于苏丹和南苏丹的报告 11/09/2024",
        "S/PV.9722 秘书长关于苏丹和南苏丹的报告 11/09/2024",
    ]
    assert metadata.header_title(furniture[:3]) == (
        "Reports of the Secretary-General on the Sudan and South Sudan"
    )
    assert metadata.header_title(furniture[3:]) == "秘书长关于苏丹和南苏丹的报告"
    assert metadata.header_title(["24-26375 3/20", "S/PV.9722 11/09/2024"]) is None


def test_a_real_english_record_cut_at_its_first_speech_keeps_its_agenda_item() -> None:
    # Official UN record S/PV.9642 (United Nations), English text starting at "The President:".
    from pathlib import Path

    from aligner.parse import parse_record

    text = (
        Path(__file__)
        .resolve()
        .parents[2]
        .joinpath("..", "shared", "real", "text", "S-PV-9642.en.txt")
    )
    if not text.exists():
        pytest.skip("../shared/real is not here")
    record = parse_record(text.read_text(encoding="utf-8"), lang="en")
    assert record.meta.agenda == "The situation concerning Iraq"
