"""Exports: a stored record's pairs as TMX 1.4b, TSV (Xbench), JSONL; the glossary as TBX v3
(TBX-Basic), TBX 2008 or TSV. Both share one language-tag setting (languages.py).

Usage: ``get_exporter("tmx").dumps(load_bundle(store, "S/PV.9132"))`` gives the TMX bytes;
``export_glossary(entries, "tbx")`` the glossary's.
"""

from __future__ import annotations

from aligner.export import jsonl, tmx, tsv  # noqa: F401  (register the formats)
from aligner.export.base import EXPORTERS, ExportBundle, Exporter, get_exporter, load_bundle
from aligner.export.glossary import GlossaryExportOptions, export_glossary
from aligner.export.languages import LanguageTags

__all__ = [
    "EXPORTERS",
    "ExportBundle",
    "Exporter",
    "GlossaryExportOptions",
    "LanguageTags",
    "export_glossary",
    "get_exporter",
    "load_bundle",
]
