"""verbalign export: a stored record's pairs as TMX 1.4b, TSV (Xbench) or JSONL."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from aligner.cli.app import app
from aligner.cli.options import BomOption, DbOption, EnTagOption, ZhTagOption
from aligner.errors import InputError


@app.command("export")
def export_command(
    symbol: Annotated[str, typer.Argument(help="Record symbol, e.g. S/PV.9132.")],
    format: Annotated[str, typer.Option("--format", "-f", help="tmx, tsv or jsonl.")] = "tmx",
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Output file (default: standard output).")
    ] = None,
    source: Annotated[str, typer.Option(help="Source language: zh or en.")] = "zh",
    header: Annotated[bool, typer.Option("--header", help="TSV: add a header row.")] = False,
    bom: BomOption = True,
    zh_tag: ZhTagOption = None,
    en_tag: EnTagOption = None,
    db: DbOption = None,
) -> None:
    """Export a stored record's pairs as TMX 1.4b, TSV (Xbench) or JSONL."""
    from aligner.export import LanguageTags, get_exporter, load_bundle
    from aligner.store import open_store, resolve_location

    fmt = format.lower()
    options: dict[str, object] = {}
    if fmt == "tsv":
        options = {"header": header, "bom": bom}
    elif fmt == "tmx":
        options = {"tags": LanguageTags.from_settings(zh_tag, en_tag)}
    exporter = get_exporter(fmt, **options)
    location = resolve_location(db)
    if not location.exists():
        raise InputError(f"no database at {location}: import a record first")
    store = open_store(location)
    try:
        data = exporter.dumps(load_bundle(store, symbol, source_lang=source))
    finally:
        store.close()
    write_output(data, out)


def write_output(data: bytes, out: Path | None) -> None:
    """`data` to standard output, or to `out` (its folder made when missing)."""
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
    except OSError as exc:
        raise InputError(f"cannot write {out}: {exc.strerror}") from None
    typer.echo(f"wrote {out} ({len(data)} bytes)", err=True)
