"""Glossary exports: TBX-Basic (for CAT tools and term bases) and TSV (for Xbench-style QA).

TBX is written with lxml, never by string concatenation: martif/martifHeader/text/body, one
termEntry per entry with the type, one langSet per language with a tig per term form (the
main term first, then variants), `termNote type="administrativeStatus"` from the curation
status and `descrip type="context"` with example sentences.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Literal

from lxml import etree

from aligner import __version__
from aligner.terms.entry import TermEntry

ExportFormat = Literal["tbx", "tsv"]
EXPORT_FORMATS: tuple[str, ...] = ("tbx", "tsv")

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# TBX-Basic administrativeStatus values for the three curation states.
ADMINISTRATIVE_STATUS = {
    "approved": "preferredTerm-admn-sts",
    "candidate": "admittedTerm-admn-sts",
    "rejected": "deprecatedTerm-admn-sts",
}
_TBX_TERM_TYPE = {"acronym": "acronym", "phraseology": "phrase"}
_CONTEXTS_IN_TBX = 2

TSV_COLUMNS: tuple[str, ...] = (
    "id",
    "zh",
    "zh_traditional",
    "en",
    "type",
    "status",
    "confidence",
    "frequency",
    "freq_zh",
    "freq_en",
    "zh_variants",
    "en_variants",
    "symbols",
    "context_zh",
    "context_en",
)


def to_tbx(entries: Iterable[TermEntry], *, title: str = "verbalign glossary") -> bytes:
    martif = etree.Element("martif", type="TBX-Basic", nsmap=None)
    martif.set(_XML_LANG, "en")
    header = etree.SubElement(martif, "martifHeader")
    file_desc = etree.SubElement(header, "fileDesc")
    title_stmt = etree.SubElement(file_desc, "titleStmt")
    etree.SubElement(title_stmt, "title").text = title
    source = etree.SubElement(file_desc, "sourceDesc")
    made_by = f"Extracted from aligned records by verbalign {__version__}"
    etree.SubElement(source, "p").text = made_by
    encoding = etree.SubElement(header, "encodingDesc")
    etree.SubElement(encoding, "p", type="XCSURI").text = "TBXBasicXCSV02.xcs"
    body = etree.SubElement(etree.SubElement(martif, "text"), "body")
    for n, e in enumerate(entries, 1):
        term_entry = etree.SubElement(body, "termEntry", id=f"e{e.id if e.id is not None else n}")
        etree.SubElement(term_entry, "note").text = f"type: {e.type}"
        if e.note:
            etree.SubElement(term_entry, "note").text = _xml_safe(e.note)
        for symbol in e.symbols:
            etree.SubElement(term_entry, "admin", type="source").text = symbol
        _lang_set(term_entry, "zh-Hans", e.zh, e.zh_variants, e, [c.zh for c in e.contexts])
        if e.zh_traditional and e.zh_traditional != e.zh:
            _lang_set(term_entry, "zh-Hant", e.zh_traditional, [], e, [])
        _lang_set(term_entry, "en", e.en, e.en_variants, e, [c.en for c in e.contexts])
    return etree.tostring(martif, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _lang_set(
    parent: etree._Element,
    lang: str,
    term: str,
    variants: list[str],
    entry: TermEntry,
    contexts: list[str],
) -> None:
    lang_set = etree.SubElement(parent, "langSet")
    lang_set.set(_XML_LANG, lang)
    _tig(lang_set, term, entry, main=True, contexts=contexts[:_CONTEXTS_IN_TBX])
    for v in variants:
        _tig(lang_set, v, entry, main=False, contexts=[])


def _tig(
    parent: etree._Element, term: str, entry: TermEntry, *, main: bool, contexts: list[str]
) -> None:
    tig = etree.SubElement(parent, "tig")
    etree.SubElement(tig, "term").text = _xml_safe(term)
    term_type = _TBX_TERM_TYPE.get(entry.type, "fullForm") if main else "variant"
    if term_type == "acronym" and term.isascii() and not term.isupper():
        # A Chinese short form (纳卡) has the full English term (Nagorno-Karabakh) opposite.
        term_type = "fullForm"
    etree.SubElement(tig, "termNote", type="termType").text = term_type
    # A rejected concept deprecates all its terms; variants of a kept one stay admitted.
    status = ADMINISTRATIVE_STATUS[entry.status] if main else ADMINISTRATIVE_STATUS["candidate"]
    if entry.status == "rejected":
        status = ADMINISTRATIVE_STATUS["rejected"]
    etree.SubElement(tig, "termNote", type="administrativeStatus").text = status
    for text in contexts:
        etree.SubElement(tig, "descrip", type="context").text = _xml_safe(text)


def _xml_safe(text: str) -> str:
    # XML 1.0 cannot carry most control characters; a PDF extraction occasionally has them.
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)


def to_tsv(entries: Iterable[TermEntry]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(TSV_COLUMNS)
    for n, e in enumerate(entries, 1):
        first = e.contexts[0] if e.contexts else None
        writer.writerow(
            [
                e.id if e.id is not None else n,
                e.zh,
                e.zh_traditional,
                e.en,
                e.type,
                e.status,
                f"{e.confidence:.3f}",
                e.frequency,
                e.freq_zh,
                e.freq_en,
                "|".join(e.zh_variants),
                "|".join(e.en_variants),
                "|".join(e.symbols),
                _one_line(first.zh) if first else "",
                _one_line(first.en) if first else "",
            ]
        )
    return out.getvalue()


def _one_line(text: str) -> str:
    return " ".join(text.split())


def export(entries: Iterable[TermEntry], fmt: str) -> bytes:
    if fmt == "tbx":
        return to_tbx(entries)
    if fmt == "tsv":
        return to_tsv(entries).encode("utf-8")
    from aligner.terms.entry import TermValidationError

    raise TermValidationError(f"unknown export format {fmt!r}: expected tbx or tsv")


MEDIA_TYPES = {"tbx": "application/x-tbx+xml", "tsv": "text/tab-separated-values; charset=utf-8"}
