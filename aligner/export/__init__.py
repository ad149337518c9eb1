"""Exports of a stored record's pairs: TMX 1.4b, TSV (Xbench), JSONL.

Usage: ``get_exporter("tmx").dumps(load_bundle(store, "S/PV.9132"))`` gives the TMX bytes.
"""

from __future__ import annotations

from aligner.export import jsonl, tmx, tsv  # noqa: F401  (register the formats)
from aligner.export.base import EXPORTERS, ExportBundle, Exporter, get_exporter, load_bundle

__all__ = ["EXPORTERS", "ExportBundle", "Exporter", "get_exporter", "load_bundle"]
