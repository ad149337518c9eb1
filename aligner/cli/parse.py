"""verbalign parse commands."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path

import typer

from aligner.cli.app import app
from aligner.cli.errors import about_file
from aligner.models import Record


class RecordLanguage(StrEnum):
    zh = "zh"
    en = "en"


@app.command("parse")
def parse_command(
    path: str = typer.Argument(
        ..., help="A record: PDF or extracted text (UTF-8), or '-' for standard input."
    ),
    lang: RecordLanguage | None = typer.Option(
        None, "--lang", help="Language of the record; detected when omitted."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the parsed record as JSON."),
    full: bool = typer.Option(
        False, "--full", help="With --json: the complete record (sentence ids, matching forms)."
    ),
) -> None:
    """Parse a UN verbatim record into meeting metadata, speaker turns, paragraphs and sentences."""
    from aligner.ingest.source import MAX_BYTES
    from aligner.parse import parse_record
    from aligner.parse.record_json import record_json

    # One byte past the limit is enough for load_source to refuse an oversized stream.
    source: Path | bytes = sys.stdin.buffer.read(MAX_BYTES + 1) if path == "-" else Path(path)
    with about_file("standard input" if path == "-" else path):
        record = parse_record(
            source, lang=lang.value if lang else None, name="stdin" if path == "-" else None
        )
    for warning in record.warnings:
        typer.echo(f"warning: {warning}", err=True)
    if as_json:
        data = record.to_dict() if full else record_json(record)
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    _print_summary(record)


def _print_summary(record: Record) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    meta = record.meta
    console = Console()
    console.print(
        f"[bold]{escape(meta.symbol or record.source_name)}[/bold]  {meta.body or ''}  "
        f"meeting {meta.meeting_number or '?'}  {meta.date or 'date unknown'}  "
        f"language {record.language}"
    )
    times = f"{meta.time_opened or '?'}–{meta.time_closed or '?'}"
    console.print(
        f"time {times}  job {meta.job_number or '-'}  presidency {meta.president_country or '-'}"
    )
    if meta.agenda:
        console.print(f"agenda: {escape(meta.agenda)}")
    if meta.documents:
        console.print(f"documents: {', '.join(meta.documents)}")
    table = Table(show_lines=False)
    for column, justify in (
        ("#", "right"),
        ("role", "left"),
        ("speaker", "left"),
        ("country", "left"),
        ("spoke", "left"),
        ("original", "left"),
        ("paras", "right"),
        ("sents", "right"),
    ):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    for t in record.turns:
        table.add_row(
            str(t.index),
            t.role,
            t.speaker or "",
            t.country or "",
            t.spoken_language,
            "yes" if t.is_original else "no",
            str(len(t.paragraphs)),
            str(sum(len(p.sentences) for p in t.paragraphs)),
        )
    console.print(table)
    paragraphs = sum(len(t.paragraphs) for t in record.turns)
    sentences = sum(1 for _ in record.sentences())
    console.print(f"{len(record.turns)} turns, {paragraphs} paragraphs, {sentences} sentences")
