"""Glossary exports: TBX v3 TBX-Basic (validated against the core structure and the dialect's
constraints, tests/terms/schemas), TBX 2008 on request (read back by translate-toolkit), TSV."""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path

import pytest
from lxml import etree, isoschematron

from aligner.errors import InputError
from aligner.export.glossary import (
    TSV_COLUMNS,
    GlossaryExportOptions,
    export_glossary,
    to_tsv,
)
from aligner.export.languages import LanguageTags
from aligner.export.tbx import to_tbx, to_tbx2008
from aligner.terms.entry import TermContext, TermEntry

SCHEMAS = Path(__file__).with_name("schemas")
NS = {"t": "urn:iso:std:iso:30042:ed-2"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@cache
def _core() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(SCHEMAS / "tbx_core_v3.rng")))


@cache
def _basic() -> isoschematron.Schematron:
    return isoschematron.Schematron(etree.parse(str(SCHEMAS / "tbx_basic_v3.sch")))


def _assert_valid(data: bytes) -> etree._Element:
    doc = etree.fromstring(data)
    core, basic = _core(), _basic()
    assert core.validate(doc), core.error_log
    assert basic.validate(doc), basic.error_log
    return doc


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
        TermEntry(
            zh="亚美尼亚", en="Armenia", type="country", status="candidate", confidence=0.83, id=9
        ),
        TermEntry(zh="停火协议", en="ceasefire agreement", type="phraseology", id=10),
    ]


def _lang_secs(concept: etree._Element) -> dict[str, etree._Element]:
    return {ls.get(XML_LANG): ls for ls in concept.findall("t:langSec", NS)}


def _admin_status(section: etree._Element) -> list[str]:
    return [
        n.text for n in section.findall("t:termSec/t:termNote[@type='administrativeStatus']", NS)
    ]


def test_tbx_is_v3_tbx_basic_and_validates() -> None:
    root = _assert_valid(to_tbx(_entries()))
    assert root.tag == "{urn:iso:std:iso:30042:ed-2}tbx"
    assert (root.get("type"), root.get("style")) == ("TBX-Basic", "dca")
    concepts = root.findall("t:text/t:body/t:conceptEntry", NS)
    assert [c.get("id") for c in concepts] == ["c7", "c8", "c9", "c10"]
    first = _lang_secs(concepts[0])
    assert list(first) == ["zh-CN", "en-GB"]  # the default tags, the same as the TMX export
    zh_terms = [t.text for t in first["zh-CN"].findall("t:termSec/t:term", NS)]
    assert zh_terms == ["安全理事会", "安理会"]
    context = first["en-GB"].find("t:termSec/t:descrip[@type='context']", NS)
    assert context.text == "The Security Council will begin."
    assert first["en-GB"].find("t:termSec/t:admin[@type='source']", NS).text == "S/PV.9999"


def test_curation_status_is_mapped_honestly() -> None:
    root = etree.fromstring(to_tbx(_entries()))
    approved, rejected, candidate, _ = root.findall("t:text/t:body/t:conceptEntry", NS)
    zh = _lang_secs(approved)["zh-CN"]
    assert _admin_status(zh) == ["preferredTerm-admn-sts", "admittedTerm-admn-sts"]
    assert set(_admin_status(_lang_secs(rejected)["en-GB"])) == {"deprecatedTerm-admn-sts"}
    # an unreviewed extraction is not an admitted term: no status, and a note saying so
    for section in _lang_secs(candidate).values():
        assert _admin_status(section) == []
    notes = [n.text for n in candidate.findall("t:note", NS)]
    assert any(n.startswith("candidate: extracted automatically") and "0.83" in n for n in notes)


def test_traditional_chinese_is_a_note_unless_a_language_section_is_asked_for() -> None:
    root = etree.fromstring(to_tbx(_entries()))
    armenia = root.find("t:text/t:body/t:conceptEntry[@id='c9']", NS)
    assert list(_lang_secs(armenia)) == ["zh-CN", "en-GB"]
    note = _lang_secs(armenia)["zh-CN"].find("t:termSec/t:note", NS)
    assert note.text == "Traditional: 亞美尼亞"

    opt_in = _assert_valid(to_tbx(_entries(), traditional="langsec"))
    armenia = opt_in.find("t:text/t:body/t:conceptEntry[@id='c9']", NS)
    sections = _lang_secs(armenia)
    assert list(sections) == ["zh-CN", "en-GB", "zh-Hant"]  # after English
    assert sections["zh-Hant"].find("t:termSec/t:term", NS).text == "亞美尼亞"


def test_language_tags_are_one_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    tags = LanguageTags(zh="zh-Hans", en="en")
    root = _assert_valid(to_tbx(_entries(), tags=tags))
    assert list(_lang_secs(root.find("t:text/t:body/t:conceptEntry", NS))) == ["zh-Hans", "en"]
    monkeypatch.setenv("VERBALIGN_ZH_TAG", "zh-Hans")
    assert LanguageTags.from_settings() == LanguageTags(zh="zh-Hans", en="en-GB")
    assert LanguageTags.from_settings(en="en-US").en == "en-US"
    for bad in ({"zh": "en-GB"}, {"en": "english"}, {"zh": "zh_CN"}):
        with pytest.raises(InputError, match="language tag"):
            LanguageTags(**bad)


def test_the_schemas_catch_what_is_not_tbx_basic() -> None:
    """The validation can fail: each breakage below is refused by one of the two schemas."""
    good = etree.fromstring(to_tbx(_entries()))

    def broken(change) -> etree._Element:
        doc = copy.deepcopy(good)
        change(doc)
        return doc

    def first(doc: etree._Element, path: str) -> etree._Element:
        return doc.find(path, NS)

    cases = [
        lambda d: d.set("type", "TBX-Min"),
        lambda d: first(d, ".//t:termNote[@type='administrativeStatus']").__setattr__(
            "text", "candidateTerm-admn-sts"
        ),
        lambda d: first(d, ".//t:termNote[@type='termType']").set("type", "usageNote"),
        lambda d: first(d, ".//t:langSec").attrib.pop(XML_LANG),
        lambda d: first(d, ".//t:conceptEntry").attrib.pop("id"),
        lambda d: first(d, ".//t:termSec").remove(first(d, ".//t:termSec/t:term")),
        lambda d: (
            first(d, ".//t:descrip[@type='context']")
            .getparent()
            .getparent()
            .append(copy.deepcopy(first(d, ".//t:descrip[@type='context']")))
        ),
    ]
    for n, change in enumerate(cases):
        doc = broken(change)
        assert not (_core().validate(doc) and _basic().validate(doc)), f"case {n} passed"


def test_tbx2008_only_on_request_and_read_right_by_translate_toolkit() -> None:
    from translate.storage.tbx import tbxfile

    data = to_tbx2008(_entries())
    root = etree.fromstring(data)
    assert root.tag == "martif" and root.get("type") == "TBX-Basic"
    store = tbxfile.parsestring(data)
    pairs = {unit.source: unit.target for unit in store.units}
    # the Traditional form used to be a langSet of its own, read as the "translation"
    assert pairs["亚美尼亚"] == "Armenia" and pairs["安全理事会"] == "Security Council"
    assert "亞美尼亞" not in pairs.values()
    assert export_glossary(_entries(), "tbx2008") == data


def test_tsv_starts_with_zh_and_en_and_has_a_switchable_bom_and_header() -> None:
    data = export_glossary(_entries(), "tsv")
    assert data.startswith(b"\xef\xbb\xbfzh\ten\t")
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0].split("\t") == list(TSV_COLUMNS) and TSV_COLUMNS[-1] == "id"
    first = dict(zip(TSV_COLUMNS, lines[1].split("\t"), strict=True))
    assert (first["zh"], first["en"], first["status"], first["id"]) == (
        "安全理事会",
        "Security Council",
        "approved",
        "7",
    )
    assert first["zh_variants"] == "安理会" and first["context_en"].startswith("The Security")
    plain = export_glossary(_entries(), "tsv", GlossaryExportOptions(bom=False, header=False))
    assert plain.decode("utf-8").split("\r\n")[0].split("\t")[:2] == [
        "安全理事会",
        "Security Council",
    ]


def test_cells_cannot_break_rows_or_xml() -> None:
    bad = TermEntry(zh="停火\t协议", en="cease\x07fire\nagreement \ud800", type="phraseology", id=1)
    root = _assert_valid(to_tbx([bad]))
    en = _lang_secs(root.find(".//t:conceptEntry", NS))["en-GB"].find("t:termSec/t:term", NS)
    assert en.text == "ceasefire\nagreement "
    row = to_tsv([bad], header=False).split("\t")
    assert row[0] == "停火 协议"


def test_unknown_format_is_refused() -> None:
    with pytest.raises(InputError, match="unknown glossary format"):
        export_glossary(_entries(), "xlsx")


def test_a_chinese_short_form_is_the_acronym_and_its_english_the_full_form() -> None:
    short = TermEntry(
        zh="安理会", en="Security Council", type="acronym", zh_variants=["安全理事会"]
    )
    both = TermEntry(zh="欧安组织", en="OSCE", type="acronym")
    root = _assert_valid(to_tbx([short, both]))

    def term_types(entry: etree._Element, lang: str) -> list[str]:
        section = _lang_secs(entry)[lang]
        return [n.text for n in section.iterfind(".//t:termNote[@type='termType']", NS)]

    first, second = root.findall("t:text/t:body/t:conceptEntry", NS)
    assert term_types(first, "zh-CN") == ["acronym", "variant"]
    assert term_types(first, "en-GB") == ["fullForm"]
    assert term_types(second, "en-GB") == ["acronym"]
