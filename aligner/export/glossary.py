"""Glossary exports: TBX v3 TBX-Basic (the default TBX), TBX 2008 on request, and TSV.

Usage: ``export_glossary(entries, "tbx")`` gives the bytes; `GlossaryExportOptions` carries the
language tags (one setting with the TMX export), where Traditional forms go, and the TSV's
byte-order mark and header row.

The TSV is for QA tools and spreadsheets: Xbench and similar tools read the first column as
the source term and the second as the target, so the columns start zh, en; the entry id is
the last column. Cells are not quoted: tabs and line breaks inside a term become spaces.
Like the record TSV it starts with a UTF-8 byte-order mark (Windows tools
need it to tell UTF-8 from the ANSI code page) unless `bom=False`, and it has a header row
unless `header=False` (a tool that takes every row for a term pair wants it off).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from aligner.errors import InputError
from aligner.export.languages import LanguageTags
from aligner.export.tbx import Traditional, to_tbx, to_tbx2008
from aligner.terms.entry import TermEntry

MEDIA_TYPES = {
    "tbx": "application/x-tbx+xml",
    "tbx2008": "application/x-tbx+xml",
    "tsv": "text/tab-separated-values; charset=utf-8",
}
EXTENSIONS = {"tbx": "tbx", "tbx2008": "tbx", "tsv": "tsv"}
GLOSSARY_FORMATS = tuple(MEDIA_TYPES)

TSV_COLUMNS: tuple[str, ...] = (
    "zh",
    "en",
    "zh_traditional",
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
    "id",
)


@dataclass(frozen=True)
class GlossaryExportOptions:
    tags: LanguageTags = field(default_factory=LanguageTags)
    traditional: Traditional = "note"
    """TBX: Traditional Chinese as a note of the Chinese term, or as a langSec after en."""
    bom: bool = True
    header: bool = True


def export_glossary(
    entries: Iterable[TermEntry], fmt: str, options: GlossaryExportOptions | None = None
) -> bytes:
    options = options or GlossaryExportOptions()
    if fmt == "tbx":
        return to_tbx(entries, tags=options.tags, traditional=options.traditional)
    if fmt == "tbx2008":
        return to_tbx2008(entries, tags=options.tags, traditional=options.traditional)
    if fmt == "tsv":
        data = to_tsv(entries, header=options.header).encode("utf-8")
        return b"\xef\xbb\xbf" + data if options.bom else data
    raise InputError(f"unknown glossary format {fmt!r}: expected {', '.join(GLOSSARY_FORMATS)}")


def to_tsv(entries: Iterable[TermEntry], *, header: bool = True) -> str:
    """One entry a line, cells separated by tabs, no quoting (a quote is an ordinary
    character, as in the record TSV), CRLF line ends."""
    rows: list[list[object]] = [list(TSV_COLUMNS)] if header else []
    for n, e in enumerate(entries, 1):
        first = e.contexts[0] if e.contexts else None
        rows.append(
            [
                _cell(e.zh),
                _cell(e.en),
                _cell(e.zh_traditional),
                e.type,
                e.status,
                f"{e.confidence:.3f}",
                e.frequency,
                e.freq_zh,
                e.freq_en,
                "|".join(_cell(v) for v in e.zh_variants),
                "|".join(_cell(v) for v in e.en_variants),
                "|".join(e.symbols),
                _cell(first.zh) if first else "",
                _cell(first.en) if first else "",
                e.id if e.id is not None else n,
            ]
        )
    return "".join("\t".join(str(cell) for cell in row) + "\r\n" for row in rows)


def _cell(text: str) -> str:
    # A tab or line break inside a cell would shift columns or start a row in tools that do
    # not honour quotes.
    return " ".join(text.split())
