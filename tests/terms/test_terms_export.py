"""TBX-Basic and TSV exports of glossary entries."""

from __future__ import annotations

import csv
import io

import pytest
from lxml import etree

from aligner.terms.entry import TermContext, TermEntry, TermValidationError
from aligner.terms.export import TSV_COLUMNS, export, to_tbx, to_tsv

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _entries() -> list[TermEntry]:
    ctx = TermContext("S/PV.9999", "安全理事会现在开始审议。", "The Security Council will begin.")
    return [
        TermEntry(
            zh="安全理事会",
            en="Security Council",
            type="organization",
            status="approved",
            zh_variants=["安理会"],
            confidence=0.9,
            freq_zh=5,
            freq_en=4,
            pairs=4,
            symbols=["S/PV.9999"],
            contexts=[ctx],
            id=7,
        ),
        TermEntry(zh="欧安组织", en="OSCE", type="acronym", status="rejected", id=8),
        TermEntry(zh="停火", en="ceasefire", type="phraseology", status="candidate", id=9),
    ]


def test_tbx_has_the_tbx_basic_structure() -> None:
    root = etree.fromstring(to_tbx(_entries()))
    assert root.tag == "martif" and root.get("type") == "TBX-Basic"
    entries = root.findall("./text/body/termEntry")
    assert [e.get("id") for e in entries] == ["e7", "e8", "e9"]
    first = entries[0]
    langs = [ls.get(XML_LANG) for ls in first.findall("langSet")]
    assert langs == ["zh-Hans", "zh-Hant", "en"]
    zh_terms = [t.text for t in first.findall("./langSet[1]/tig/term")]
    assert zh_terms == ["安全理事会", "安理会"]
    assert first.find("./langSet[2]/tig/term").text == "安全理事會"
    assert first.find("./langSet[3]/tig/term").text == "Security Council"
    context = first.find("./langSet[3]/tig/descrip[@type='context']")
    assert context is not None and context.text == "The Security Council will begin."


@pytest.mark.parametrize(
    ("index", "status"),
    [
        (0, "preferredTerm-admn-sts"),
        (1, "deprecatedTerm-admn-sts"),
        (2, "admittedTerm-admn-sts"),
    ],
)
def test_administrative_status_follows_curation(index: int, status: str) -> None:
    root = etree.fromstring(to_tbx(_entries()))
    entry = root.findall("./text/body/termEntry")[index]
    note = entry.find("./langSet/tig/termNote[@type='administrativeStatus']")
    assert note is not None and note.text == status


def test_tsv_header_and_rows_round_trip() -> None:
    rows = list(csv.DictReader(io.StringIO(to_tsv(_entries())), delimiter="\t"))
    assert list(rows[0]) == list(TSV_COLUMNS)
    assert {"zh", "en", "type", "status", "confidence", "frequency"} <= set(TSV_COLUMNS)
    first = rows[0]
    assert (first["zh"], first["en"], first["type"], first["status"]) == (
        "安全理事会",
        "Security Council",
        "organization",
        "approved",
    )
    assert float(first["confidence"]) == pytest.approx(0.9)
    assert int(first["frequency"]) == 5
    assert first["zh_variants"] == "安理会"
    assert first["context_en"] == "The Security Council will begin."
    assert len(rows) == 3


def test_control_characters_cannot_break_the_xml() -> None:
    bad = TermEntry(zh="停火", en="cease\x07fire", type="phraseology", id=1)
    root = etree.fromstring(to_tbx([bad]))
    assert (
        root.find(".//langSet[@{http://www.w3.org/XML/1998/namespace}lang='en']/tig/term").text
        == "ceasefire"
    )


def test_unknown_format_is_refused() -> None:
    with pytest.raises(TermValidationError):
        export(_entries(), "xlsx")


def test_a_chinese_short_form_is_the_acronym_and_its_english_the_full_form() -> None:
    short = TermEntry(
        zh="安理会", en="Security Council", type="acronym", zh_variants=["安全理事会"]
    )
    both = TermEntry(zh="欧安组织", en="OSCE", type="acronym")
    root = etree.fromstring(to_tbx([short, both]))

    def term_types(entry: etree._Element, lang: str) -> list[str]:
        (lang_set,) = [ls for ls in entry.findall("langSet") if ls.get(XML_LANG) == lang]
        return [n.text for n in lang_set.iter("termNote") if n.get("type") == "termType"]

    first, second = root.findall("./text/body/termEntry")
    assert term_types(first, "zh-Hans") == ["acronym", "variant"]
    assert term_types(first, "en") == ["fullForm"]
    assert term_types(second, "en") == ["acronym"]
