"""The glossary as TBX, written with lxml (never by string concatenation).

Default: TBX v3 (ISO 30042:2019), dialect TBX-Basic, data categories as attributes (DCA):

    <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
      <tbxHeader><fileDesc><titleStmt><title/></titleStmt><sourceDesc><p/></sourceDesc>
      </fileDesc></tbxHeader>
      <text><body>
        <conceptEntry id="c7">            one glossary entry (one concept)
          <note>                         its type (organization, acronym...), a curation note
          <langSec xml:lang="zh-CN">      then en-GB (tags: aligner/export/languages.py)
            <termSec>                     the main term, then one per variant
              <term/> <termNote type="termType"/> <termNote type="partOfSpeech"/>
              <termNote type="administrativeStatus"/> <descrip type="context"/>
              <admin type="source"/> <note/>

`tbx2008` writes the former TBX-Basic (martif/termEntry/langSet/tig) for tools that only read
that; the data categories and their values are the same.

How curation maps (honestly: an unreviewed extraction is not an admitted term):
- approved: the main terms are preferredTerm-admn-sts, their variants admittedTerm-admn-sts;
- candidate: no administrativeStatus at all (TBX-Basic has no value for "not yet reviewed"),
  and a note on the concept says it is an automatic extraction with its confidence;
- rejected: every term deprecatedTerm-admn-sts.
Traditional Chinese: OpenCC's Traditional form of the Chinese term goes in a note of the
Chinese main term by default ("Traditional: 亞美尼亞"). `traditional="langsec"` writes it as a
language section of its own (zh-Hant) after the English one instead — opt-in, because tools
that take the second language section for the target (translate-toolkit's TBX reader does)
would otherwise read 亞美尼亞 as the "translation" of 亚美尼亚.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from lxml import etree

from aligner import __version__
from aligner.export.languages import LanguageTags
from aligner.terms.entry import TermEntry

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
Traditional = Literal["note", "langsec"]

ADMINISTRATIVE_STATUS = {
    "approved": "preferredTerm-admn-sts",
    "variant": "admittedTerm-admn-sts",
    "rejected": "deprecatedTerm-admn-sts",
}
"""Curation status -> TBX-Basic administrativeStatus; a candidate has none."""
_TERM_TYPE = {"acronym": "acronym", "phraseology": "phrase"}
_PART_OF_SPEECH = {
    "organization": "properNoun",
    "country": "properNoun",
    "person": "properNoun",
    "place": "properNoun",
    "document": "properNoun",
    "instrument": "properNoun",
    "acronym": "properNoun",
}
"""Only where the entry type settles it; phraseology and other entries get none."""
CONTEXTS_PER_TERM = 2


def to_tbx(
    entries: Iterable[TermEntry],
    *,
    tags: LanguageTags | None = None,
    traditional: Traditional = "note",
    title: str = "verbalign glossary",
) -> bytes:
    """TBX v3, TBX-Basic dialect (DCA style)."""
    return _TbxWriter(v3=True, tags=tags or LanguageTags(), traditional=traditional).write(
        entries, title
    )


def to_tbx2008(
    entries: Iterable[TermEntry],
    *,
    tags: LanguageTags | None = None,
    traditional: Traditional = "note",
    title: str = "verbalign glossary",
) -> bytes:
    """The TBX 2008 form of TBX-Basic (martif), for tools that read nothing newer."""
    return _TbxWriter(v3=False, tags=tags or LanguageTags(), traditional=traditional).write(
        entries, title
    )


class _TbxWriter:
    """One writer for both forms: only the element names and the header differ."""

    def __init__(self, *, v3: bool, tags: LanguageTags, traditional: Traditional) -> None:
        if traditional not in ("note", "langsec"):
            from aligner.errors import InputError

            raise InputError(f"traditional must be note or langsec, not {traditional!r}")
        self.v3, self.tags, self.traditional = v3, tags, traditional
        names = ("conceptEntry", "langSec", "termSec") if v3 else ("termEntry", "langSet", "tig")
        self.entry_tag, self.lang_tag, self.term_tag = names

    def _el(
        self, parent: etree._Element, tag: str, text: str | None = None, **attrs: str
    ) -> etree._Element:
        element = etree.SubElement(parent, f"{{{TBX_NS}}}{tag}" if self.v3 else tag, **attrs)
        if text is not None:
            element.text = xml_safe(text)
        return element

    def write(self, entries: Iterable[TermEntry], title: str) -> bytes:
        if self.v3:
            root = etree.Element(f"{{{TBX_NS}}}tbx", nsmap={None: TBX_NS})
            root.set("type", "TBX-Basic")
            root.set("style", "dca")
            root.set(XML_LANG, "en")
            header = self._el(root, "tbxHeader")
        else:
            root = etree.Element("martif", type="TBX-Basic")
            root.set(XML_LANG, "en")
            header = self._el(root, "martifHeader")
        file_desc = self._el(header, "fileDesc")
        self._el(self._el(file_desc, "titleStmt"), "title", title)
        made_by = f"Extracted from aligned UN verbatim records by verbalign {__version__}"
        self._el(self._el(file_desc, "sourceDesc"), "p", made_by)
        if not self.v3:
            encoding = self._el(header, "encodingDesc")
            self._el(encoding, "p", "TBXBasicXCSV02.xcs", type="XCSURI")
        body = self._el(self._el(root, "text"), "body")
        for n, entry in enumerate(entries, 1):
            self._entry(body, entry, n)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)

    def _entry(self, body: etree._Element, e: TermEntry, n: int) -> None:
        prefix = "c" if self.v3 else "e"
        concept = self._el(body, self.entry_tag, id=f"{prefix}{e.id if e.id is not None else n}")
        self._el(concept, "note", f"type: {e.type}")
        if e.status == "candidate":
            self._el(
                concept,
                "note",
                "candidate: extracted automatically from aligned records, not reviewed "
                f"(confidence {e.confidence:.2f})",
            )
        if e.note:
            self._el(concept, "note", e.note)
        traditional = e.zh_traditional if e.zh_traditional and e.zh_traditional != e.zh else ""
        zh_note = (
            f"Traditional: {traditional}" if traditional and self.traditional == "note" else ""
        )
        zh_contexts = [c.zh for c in e.contexts]
        self._lang(concept, self.tags.zh, e.zh, e.zh_variants, e, zh_contexts, zh_note)
        self._lang(concept, self.tags.en, e.en, e.en_variants, e, [c.en for c in e.contexts], "")
        if traditional and self.traditional == "langsec":
            self._lang(concept, self.tags.traditional, traditional, [], e, [], "")

    def _lang(
        self,
        concept: etree._Element,
        tag: str,
        term: str,
        variants: list[str],
        entry: TermEntry,
        contexts: list[str],
        note: str,
    ) -> None:
        section = self._el(concept, self.lang_tag)
        section.set(XML_LANG, tag)
        self._term(section, term, entry, main=True, contexts=contexts, note=note)
        for v in variants:
            self._term(section, v, entry, main=False, contexts=[], note="")

    def _term(
        self,
        section: etree._Element,
        term: str,
        entry: TermEntry,
        *,
        main: bool,
        contexts: list[str],
        note: str,
    ) -> None:
        term_sec = self._el(section, self.term_tag)
        self._el(term_sec, "term", term)
        term_type = _TERM_TYPE.get(entry.type, "fullForm") if main else "variant"
        if term_type == "acronym" and term.isascii() and not term.isupper():
            # A Chinese short form (安理会) has the full English term (Security Council) opposite.
            term_type = "fullForm"
        self._el(term_sec, "termNote", term_type, type="termType")
        part_of_speech = _PART_OF_SPEECH.get(entry.type)
        if part_of_speech:
            self._el(term_sec, "termNote", part_of_speech, type="partOfSpeech")
        status = _status(entry.status, main=main)
        if status:
            self._el(term_sec, "termNote", status, type="administrativeStatus")
        for text in contexts[:CONTEXTS_PER_TERM]:
            self._el(term_sec, "descrip", text, type="context")
        if main:
            for symbol in entry.symbols:
                self._el(term_sec, "admin", symbol, type="source")
        if note:
            self._el(term_sec, "note", note)


def _status(status: str, *, main: bool) -> str | None:
    if status == "rejected":
        return ADMINISTRATIVE_STATUS["rejected"]
    if status == "approved":
        return ADMINISTRATIVE_STATUS["approved" if main else "variant"]
    return None


def xml_safe(text: str) -> str:
    # XML 1.0 cannot carry most control characters, lone surrogates or U+FFFE/FFFF; a PDF
    # extraction occasionally has the first.
    return "".join(
        ch
        for ch in text
        if (ch in "\t\n\r" or ord(ch) >= 0x20)
        and not 0xD800 <= ord(ch) <= 0xDFFF
        and ch not in "\ufffe\uffff"
    )
