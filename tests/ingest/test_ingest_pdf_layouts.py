"""Covers and running furniture of other periods than the real PDFs here, typeset with
reportlab after UN conventions: the meeting's symbol, body, number and date are found, and
the furniture stays out of the speeches."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from record_pdf_factory import PdfSpec
from test_ingest_pdf import _en_speech

from aligner.parse import parse_record

_SPEECHES = [
    "The President: I call the meeting to order. " + _en_speech(1, 3),
    "Mr. Austin (United States of America): " + _en_speech(4, 9),
    _en_speech(13, 6),
    "Mr. Malik (Union of Soviet Socialist Republics) (spoke in Russian): " + _en_speech(19, 8),
    "The meeting rose at 6.10 p.m.",
]

LAYOUTS = {
    # Security Council, 1950: no symbol printed, the meeting line carries the date.
    "sc-1950": (
        PdfSpec(
            lang="en",
            cover=[
                "UNITED NATIONS",
                "SECURITY COUNCIL OFFICIAL RECORDS",
                "FIFTH YEAR",
                "476th MEETING: 7 JULY 1950",
                "LAKE SUCCESS, NEW YORK",
            ],
            paragraphs=_SPEECHES,
            header="{page} Security Council - Fifth Year",
            footer="",
        ),
        ("S/PV.476", "Security Council", 476, "1950-07-07"),
    ),
    # General Assembly, 1975: plenary meetings numbered across sessions (A/PV.n).
    "ga-1975": (
        PdfSpec(
            lang="en",
            cover=[
                "UNITED NATIONS GENERAL ASSEMBLY",
                "THIRTIETH SESSION Official Records",
                "2433rd PLENARY MEETING",
                "Tuesday, 18 November 1975, at 3 p.m.",
                "NEW YORK",
            ],
            paragraphs=_SPEECHES,
            header="General Assembly - Thirtieth Session - Plenary Meetings {page}",
            footer="75-71234 (E)",
        ),
        ("A/PV.2433", "General Assembly", 2433, "1975-11-18"),
    ),
    # General Assembly, a typed provisional record of the 1970s-1980s: one column, the
    # symbol in a header with the typist's initials, the continuing speaker named at the top
    # of each page.
    "ga-typed": (
        PdfSpec(
            lang="en",
            cover=[
                "UNITED NATIONS A/PV.2433",
                "GENERAL ASSEMBLY 18 November 1975",
                "Thirtieth Session ENGLISH",
                "PROVISIONAL VERBATIM RECORD OF THE TWO THOUSAND FOUR HUNDRED AND "
                "THIRTY-THIRD PLENARY MEETING",
                "Held at Headquarters, New York, on Tuesday, 18 November 1975, at 3 p.m.",
            ],
            paragraphs=_SPEECHES,
            header="{code} A/PV.2433",
            footer="",
            columns=1,
            codes=("JVM/mb", "RH/jl", "PS/ab"),
            continued="(Mr. Austin, United States of America)",
        ),
        ("A/PV.2433", "General Assembly", 2433, "1975-11-18"),
    ),
    # Security Council, a resumed meeting in today's layout.
    "sc-resumption": (
        PdfSpec(
            lang="en",
            cover=[
                "United Nations S/PV.9999 (Resumption 1)",
                "Security Council Seventy-ninth year 9999th meeting",
                "Tuesday, 17 December 2024, 3 p.m. New York",
            ],
            paragraphs=_SPEECHES,
            header="S/PV.9999 (Resumption 1) The situation in the Middle East 17/12/2024",
            footer="24-01234 {page}/9",
        ),
        ("S/PV.9999 (Resumption 1)", "Security Council", 9999, "2024-12-17"),
    ),
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_cover_facts_of_other_periods(layout: str, record_pdf: Callable[[PdfSpec], bytes]) -> None:
    spec, expected = LAYOUTS[layout]
    record = parse_record(record_pdf(spec), name=f"{layout}.pdf")
    meta = record.meta
    assert (meta.symbol, meta.body, meta.meeting_number, meta.date) == expected
    assert record.warnings == []
    assert [t.role for t in record.turns][:2] == ["president", "member"]
    for sentence in record.sentences():
        assert "Fifth Year" not in sentence.text and "Plenary Meetings" not in sentence.text
        assert "1234" not in sentence.text and "17/12/2024" not in sentence.text
        assert "A/PV.2433" not in sentence.text and "(Mr. Austin" not in sentence.text
