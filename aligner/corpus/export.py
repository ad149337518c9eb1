"""`verbalign corpus export`: the canonical table -> Moses / TMX / JSONL, filtered and
optionally deduplicated, with a manifest of counts and checksums beside the files.

The export folder gets its own `manifest.json`: the format, the filters, how many rows were
read, filtered out and deduplicated away, and per file its rows, bytes and sha256.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aligner.corpus.dedup import Deduplicator
from aligner.corpus.filters import RowFilter
from aligner.corpus.formats import get_writer
from aligner.corpus.layout import atomic_write_json
from aligner.corpus.table import CorpusTable
from aligner.errors import InputError

EXPORT_FORMAT = "verbalign-corpus-export"


@dataclass
class ExportReport:
    out: Path
    manifest: dict[str, Any]


def export_corpus(
    corpus_dir: str | Path,
    out: str | Path,
    *,
    fmt: str,
    row_filter: RowFilter | None = None,
    dedup: bool = False,
    source_lang: str = "zh",
    verify: bool = True,
) -> ExportReport:
    table = CorpusTable(corpus_dir)
    if source_lang not in ("zh", "en"):
        raise InputError(f"--source-lang must be zh or en, not {source_lang!r}")
    out_dir = Path(out)
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"--out {out_dir} is a file, not a folder")
    if out_dir.resolve() == table.root.resolve():
        raise InputError("--out must not be the corpus folder itself")
    if verify and (problems := table.verify()):
        raise InputError(f"the corpus is damaged: {problems[0]} ({len(problems)} problem(s))")
    out_dir.mkdir(parents=True, exist_ok=True)
    row_filter = row_filter or RowFilter()
    writer = get_writer(fmt, out_dir, source_lang=source_lang)
    rows_in = table.manifest["totals"]["pairs"]
    kept = 0
    try:
        if dedup:
            dd = Deduplicator(table, row_filter)
            after_filter = dd.rows_seen
            tables = dd.iter_tables()
        else:
            after_filter = None
            tables = table.iter_tables(row_filter=row_filter)
        for entry, t in tables:
            kept += t.num_rows
            writer.write(entry, t)
    finally:
        writer.close()
    if after_filter is None:
        after_filter = kept
    files = [
        {"file": name, "rows": rows, **_checksum(out_dir / name)}
        for name, rows in sorted(writer.files.items())
    ]
    manifest = {
        "format": EXPORT_FORMAT,
        "export_format": fmt,
        "corpus": str(table.root.resolve()),
        "corpus_signature": table.manifest.get("signature"),
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "filters": row_filter.describe(),
        "dedup": dedup,
        "source_lang": source_lang,
        "counts": {
            "records": len(table.shards),
            "rows_in": rows_in,
            "filtered_out": rows_in - after_filter,
            "duplicates_removed": after_filter - kept,
            "rows_kept": kept,
        },
        "files": files,
    }
    atomic_write_json(out_dir / "manifest.json", manifest)
    return ExportReport(out_dir, manifest)


def _checksum(path: Path) -> dict[str, Any]:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return {"bytes": path.stat().st_size, "sha256": h.hexdigest()}
