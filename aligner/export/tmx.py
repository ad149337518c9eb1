"""TMX 1.4b (tmx/header/body/tu/tuv/seg), written with lxml.

Each aligned pair with both sides is one `tu` (tuid = pair id). Provenance goes in `prop`
elements with user-defined "x-" types, as TMX 1.4b requires for non-standard properties:
x-symbol, x-turn, x-speaker, x-country, x-spoken-language, x-original, x-confidence,
x-alignment-type, x-signature, x-status. A reviewer's correction shows as the TMX change
attributes (`changeid` = reviewer, `changedate`) plus x-status and a `note` with the history.
The tu's `srclang` names the side the speaker actually said when it is one of the two.
Language tags come from the setting shared with the TBX export (aligner/export/languages.py:
zh-CN and en-GB unless changed).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import BinaryIO

from lxml import etree

from aligner import __version__
from aligner.export.base import ExportBundle, Exporter, register
from aligner.export.languages import LanguageTags
from aligner.store.rows import PairRow

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# What XML 1.0 cannot carry: C0 controls but tab and line breaks, lone surrogates, U+FFFE/FFFF.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def tmx_date(iso: str | None = None) -> str:
    """TMX dates are UTC in the basic ISO 8601 form YYYYMMDDThhmmssZ."""
    moment = _utc(iso) if iso else datetime.now(UTC)
    return moment.strftime("%Y%m%dT%H%M%SZ")


@register
class TmxExporter(Exporter):
    name = "tmx"
    media_type = "application/x-tmx+xml"
    extension = "tmx"

    def __init__(self, *, tags: LanguageTags | None = None) -> None:
        self.tags = tags or LanguageTags()

    def write(self, bundle: ExportBundle, out: BinaryIO) -> None:
        record = bundle.record
        root = etree.Element("tmx", version="1.4")
        header = etree.SubElement(
            root,
            "header",
            creationtool="verbalign",
            creationtoolversion=__version__,
            segtype="sentence",
            **{"o-tmf": "verbalign"},
            adminlang="en",
            srclang=self.tags[bundle.source_lang],
            datatype="plaintext",
            # The record's last change, not the time of writing: the same record gives the
            # same bytes (so HTTP validators work), and the date says how fresh the content is.
            creationdate=tmx_date(last_change(bundle)),
        )
        _prop(header, "x-symbol", record.symbol)
        _prop(header, "x-signature", record.signature)
        body = etree.SubElement(root, "body")
        for pair in bundle.pairs:
            if self.exportable(pair):
                self._unit(body, pair, bundle, record.created_at)
        out.write(
            etree.tostring(
                etree.ElementTree(root),
                xml_declaration=True,
                encoding="UTF-8",
                pretty_print=True,
                doctype='<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
            )
        )

    def _unit(
        self, body: etree._Element, pair: PairRow, bundle: ExportBundle, created: str
    ) -> None:
        tu = etree.SubElement(body, "tu", tuid=str(pair.id), creationdate=tmx_date(created))
        if pair.original in ("zh", "en"):
            tu.set("srclang", self.tags[pair.original])
        if pair.reviewed_by:
            tu.set("changeid", _xml_safe(pair.reviewed_by))
            tu.set("changedate", tmx_date(pair.reviewed_at))
        for corr in bundle.corrections.get(pair.id, []):
            note = f"{corr.action} by {corr.reviewer} at {corr.created_at}"
            if corr.note:
                note += f": {corr.note}"
            etree.SubElement(tu, "note").text = _xml_safe(note)
        turn = pair.zh_turn if pair.zh_turn is not None else pair.en_turn
        _prop(tu, "x-symbol", pair.symbol)
        _prop(tu, "x-turn", None if turn is None else str(turn))
        _prop(tu, "x-speaker", pair.speaker_en or pair.speaker_zh)
        _prop(tu, "x-country", pair.country_code or pair.country_en or pair.country_zh)
        _prop(tu, "x-spoken-language", pair.spoken_language)
        _prop(tu, "x-original", pair.original)
        _prop(tu, "x-confidence", f"{pair.confidence:.4f}")
        _prop(tu, "x-alignment-type", pair.type)
        _prop(tu, "x-signature", pair.signature)
        _prop(tu, "x-status", pair.status)
        for flag in pair.flags:
            _prop(tu, "x-flag", flag)
        for lang in (bundle.source_lang, bundle.target_lang):
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: self.tags[lang]})
            etree.SubElement(tuv, "seg").text = _xml_safe(getattr(pair, lang))


def last_change(bundle: ExportBundle) -> str:
    """ISO time of the latest import or review of the bundle's record."""
    times = [bundle.record.updated_at, *(p.reviewed_at for p in bundle.pairs if p.reviewed_at)]
    return max(times, key=_utc)


def _utc(iso: str) -> datetime:
    moment = datetime.fromisoformat(iso)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _prop(parent: etree._Element, kind: str, value: str | None) -> None:
    if value:
        etree.SubElement(parent, "prop", type=kind).text = _xml_safe(value)


def _xml_safe(text: str) -> str:
    # Extraction debris, or a note stored before notes were checked, must not break the file.
    return _NOT_XML.sub("", text)
