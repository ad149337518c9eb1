"""Official UN records in PDF (../shared/real/pdf, United Nations, 1993-2018 layouts, General
Assembly and Security Council): parsed without a crash, with their symbol, body, meeting and
date, and with the words poppler's pdftotext reads on the same page."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from aligner.ingest.pdf import read_pdf
from aligner.models import Record
from aligner.parse import parse_record
from bench.real_pdf import page_agreement, pages_of, reference_pages, split_words, tokens

REAL_PDF = Path(__file__).resolve().parents[3] / "shared" / "real" / "pdf"
# Symbol, body, meeting number and date, as each record's cover prints them.
EXPECTED = {
    "A-48-PV.46.en.pdf": ("A/48/PV.46", "General Assembly", 46, "1993-11-01"),
    "A-60-PV.25.en.pdf": ("A/60/PV.25", "General Assembly", 25, "2005-09-29"),
    "A-61-PV.107.en.pdf": ("A/61/PV.107", "General Assembly", 107, "2007-09-13"),
    "A-65-PV.71.en.pdf": ("A/65/PV.71", "General Assembly", 71, "2010-12-21"),
    "S-PV.3756.en.pdf": ("S/PV.3756", "Security Council", 3756, "1997-03-21"),
    "S-PV.8422.en.pdf": ("S/PV.8422", "Security Council", 8422, "2018-12-13"),
}
_FURNITURE = re.compile(r"\d{2}-\d{5}|\*\d{7}\*|This record contains|consolidated corrigendum")

pytestmark = [
    pytest.mark.skipif(not REAL_PDF.exists(), reason="../shared/real/pdf is not here"),
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed"),
]


@pytest.fixture(scope="module", params=sorted(EXPECTED))
def parsed(request: pytest.FixtureRequest) -> tuple[Path, Record]:
    path = REAL_PDF / request.param
    return path, parse_record(path)


def test_metadata_from_cover_and_headers(parsed: tuple[Path, Record]) -> None:
    path, record = parsed
    meta = record.meta
    assert (meta.symbol, meta.body, meta.meeting_number, meta.date) == EXPECTED[path.name]
    assert meta.job_number and re.fullmatch(r"\d{2}-\d{5}", meta.job_number)
    assert record.warnings == []


def test_words_are_poppler_words_of_the_same_page(parsed: tuple[Path, Record]) -> None:
    """The acceptance measure: >= 99.5 % of the words parse outputs (speaker headers and
    sentences) are words of poppler's plain text of the same page."""
    path, record = parsed
    pdf = read_pdf(path.read_bytes())
    stream = [
        (tok, page)
        for line, page in zip(pdf.text.split("\n"), pdf.line_pages, strict=True)
        for tok in tokens(line)
    ]
    texts = [text for t in record.turns for text in [t.header, *(s.text for s in t.sentences())]]
    total, agree, misses = page_agreement(pages_of(texts, stream), reference_pages(path))
    assert total > 5000
    assert agree / total >= 0.995, misses.most_common(10)


def test_no_split_words_or_furniture_in_sentences(parsed: tuple[Path, Record]) -> None:
    _, record = parsed
    texts = [s.text for s in record.sentences()]
    assert [s for t in texts for s in split_words(t)] == []
    assert [t for t in texts if _FURNITURE.search(t)] == []


def test_split_words_of_the_issue_come_out_whole() -> None:
    record = parse_record(REAL_PDF / "S-PV.8422.en.pdf")
    text = "\n".join(t.header + " " + t.text for t in record.turns)
    for damaged in ("draf t", "af ter", "Bef ore", "f or ", "ef f orts", "b y show", "W e "):
        assert damaged not in text
    assert "A vote was taken by show of hands." in text
    # The cover's table read row by row: the presidency and the members.
    assert record.meta.president_country == "CIV"


def test_letter_spaced_line_is_read_as_words() -> None:
    """A/48/PV.46 spreads a justified vote-list line letter by letter."""
    pdf = read_pdf((REAL_PDF / "A-48-PV.46.en.pdf").read_bytes())
    assert "United Kingdom of Great Britain and Northern Ireland" in " ".join(pdf.text.split())
    assert "K i n g d o m" not in pdf.text
