"""Running headers, footers, job numbers, page counters, barcodes and the notice go;
the speech text around them stays."""

from __future__ import annotations

import pytest

from aligner.ingest.furniture import is_furniture_line, split_lines, strip_furniture


@pytest.mark.parametrize(
    "line",
    [
        "23-01234 5/22",
        "5/22 23-01234",
        "23-01234  \ufffd 5/22",
        "23-01234 (E)",
        "*2301234*",
        "S/PV.9999",
        "03/02/2023",
        "03/02/2023\t 2023年1月30日某国常驻代表的信\ufffd S/PV.9999 ",
        "S/PV.9999 Letter dated 30 January 2023 from Someland 03/02/2023",
        "A/78/PV.12 General debate 21/09/2023",
        "21/09/2023 General debate A/78/PV.12",
    ],
)
def test_furniture_lines_are_recognised(line: str) -> None:
    assert is_furniture_line(" ".join(line.replace("\ufffd", " ").split()))
    result = strip_furniture(["before", line, "after"])
    assert result.lines == ["before", "", "after"]
    assert result.removed


@pytest.mark.parametrize(
    "line",
    [
        "The Council adopted resolution 2231 (2015) on 20/07/2015 unanimously and",
        "根据S/2022/688号文件，",
        "we recall document S/PV.8000, in which the members stated",
        "5 of 22 members",
    ],
)
def test_speech_lines_are_kept(line: str) -> None:
    assert strip_furniture([line]).lines == [line]


def test_notice_block_is_removed_whole() -> None:
    lines = split_lines(
        "end of a speech.\n"
        "This record contains the text of speeches delivered in English and of the\n"
        "translation of speeches delivered in other languages. Corrections should be\n"
        "submitted to the original languages only.\n"
        "on the Official Document System of the United Nations (http://documents.un.org).\n"
        "Next paragraph."
    )
    result = strip_furniture(lines)
    assert result.lines[0] == "end of a speech."
    assert result.lines[-1] == "Next paragraph."
    assert all(not line for line in result.lines[1:-1])


def test_repeated_unusual_header_is_removed() -> None:
    header = "Provisional record of 03/02/2023 meeting"
    lines = ["text one", header, "text two", header, "text three", header]
    assert strip_furniture(lines).lines == ["text one", "", "text two", "", "text three", ""]


def test_form_feeds_and_crlf_split_lines() -> None:
    assert split_lines("a\r\nb\fc") == ["a", "b", "c"]


@pytest.mark.parametrize(
    ("line", "kept", "cut"),
    [
        # Real extracted English: job number 26-03920 and page counter 6/28 run together.
        ("26-039206/28", "", "26-039206/28"),
        ("3/2826-03920", "", "3/2826-03920"),
        ("the Council decided 26-039206/28 to renew", "the Council decided to renew", None),
        ("3/2826-03920 the mandate of the Mission", "the mandate of the Mission", None),
        ("the mandate of the Mission.26-039206/28", "the mandate of the Mission.", None),
        ("we adopted it 26-03920 (E) 7/28 today", "we adopted it today", None),
    ],
)
def test_glued_footers_are_cut_wherever_they_are(line: str, kept: str, cut: str | None) -> None:
    result = strip_furniture(["before", line, "after"])
    assert result.lines == ["before", kept, "after"]
    assert any("26-03920" in r for r in result.removed)
    if cut:
        assert cut in result.removed


@pytest.mark.parametrize(
    "line",
    [
        "Human Rights Council resolution 53/28 and the 2024-2025 budget",
        "item 12/3 of 26-03920-1",
        "page 30/28 of nothing",  # a page beyond the count is no page counter
    ],
)
def test_numbers_like_footers_are_kept(line: str) -> None:
    assert strip_furniture([line]).lines == [line]


def test_own_job_number_and_header_are_cut_inside_lines() -> None:
    header = "31/05/2024 The situation concerning Iraq S/PV.9642"
    lines = [
        header,
        "24-15339 3/4",
        f"the mandate {header} was renewed",
        "as stated in 24-15339 the report",
    ]
    result = strip_furniture(lines)
    assert result.lines == ["", "", "the mandate was renewed", "as stated in the report"]


def test_kept_lines_get_split_words_rejoined() -> None:
    result = strip_furniture(["The draf t resolution was ado pted.", "本决议草 案"])
    assert result.lines == ["The draft resolution was adopted.", "本决议草 案"]


def test_glued_footer_alone_leaves_no_paragraph_break_in_decided_text() -> None:
    # PDF text: blank lines are paragraph breaks, so a cut footer line must vanish.
    result = strip_furniture(["first half of a", "26-039206/28", "sentence."], keep_breaks=False)
    assert result.lines == ["first half of a", "sentence."]
