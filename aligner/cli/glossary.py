"""verbalign glossary build | lookup | export: the terminology glossary from the shell.

`build ZH EN` parses, aligns and extracts a record pair straight into the database (--db, or
$VERBALIGN_DB, or var/verbalign.db) without a server; `build --all` extracts over the pairs
of every stored record together; `lookup TERM` and `export` read it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from aligner.cli.app import app
from aligner.cli.options import BomOption, DbOption, EnTagOption, ZhTagOption
from aligner.cli.progress import stage_progress
from aligner.errors import InputError

if TYPE_CHECKING:
    from aligner.store import Repository

glossary_app = typer.Typer(
    name="glossary",
    no_args_is_help=True,
    help="Terminology glossary: build from a record pair, look up terms, export TBX/TSV.",
)
app.add_typer(glossary_app)


def _store(db: str | None) -> Repository:
    from aligner.store import open_store

    return open_store(db)


@glossary_app.command("build")
def build(
    zh: Annotated[
        Path | None, typer.Argument(help="Chinese record (PDF or extracted text).")
    ] = None,
    en: Annotated[
        Path | None, typer.Argument(help="English record (PDF or extracted text).")
    ] = None,
    db: DbOption = None,
    all_records: Annotated[
        bool,
        typer.Option(
            "--all",
            help="Instead of a pair: the terms of all the stored records' pairs together "
            "(terms that recur across records), saved beside each record's own.",
        ),
    ] = False,
    model: Annotated[
        str | None, typer.Option("--model", help="Embedding model (default: Multilingual USE v3).")
    ] = None,
    symbol: Annotated[
        str | None, typer.Option("--symbol", help="Record symbol when the files lack one.")
    ] = None,
    min_confidence: Annotated[
        float,
        typer.Option("--min-confidence", min=0.0, max=1.0, help="Lowest confidence kept."),
    ] = 0.7,
    force: Annotated[
        bool,
        typer.Option("--force", help="Re-align and rebuild even if these files are stored."),
    ] = False,
) -> None:
    """Parse, align and extract the terms of a record pair into the glossary database, or
    (--all) extract over the pairs of every stored record."""

    from aligner.align.embedder import get_embedder
    from aligner.pipeline.glossary_build import glossary_from_files, glossary_store_wide
    from aligner.terms.extract import ExtractParams

    if all_records:
        if zh is not None or en is not None or symbol or force:
            raise InputError(
                "--all takes no files, --symbol or --force: it reads the stored records"
            )
        store = _store(db)
        try:
            with stage_progress("read") as progress:
                result = glossary_store_wide(
                    store,
                    embedder=get_embedder(model),
                    params=ExtractParams(min_confidence=min_confidence),
                    progress=progress,
                )
        finally:
            store.close()
        typer.echo(
            f"all records: {result.entries} terms found across records ({result.created} new); "
            f"the glossary has {result.total_entries} entries in {store.location}"
        )
        return
    if zh is None or en is None:
        raise InputError("give the Chinese and the English record (ZH EN), or --all")
    store = _store(db)
    try:
        with stage_progress("parse") as progress:
            result = glossary_from_files(
                store,
                zh,
                en,
                embedder=get_embedder(model),
                symbol=symbol,
                params=ExtractParams(min_confidence=min_confidence),
                progress=progress,
                force=force,
            )
    finally:
        store.close()
    typer.echo(
        f"{result.symbol}: {result.entries} terms ({result.created} new, {result.updated} "
        f"already known); the glossary has {result.total_entries} entries in {store.location}"
    )


@glossary_app.command("lookup")
def lookup(
    term: Annotated[
        str, typer.Argument(help="Term in Chinese (Simplified or Traditional) or English.")
    ],
    db: DbOption = None,
    lang: Annotated[
        str | None, typer.Option("--lang", help="zh or en: match one side only.")
    ] = None,
    type: Annotated[str | None, typer.Option("--type", help="Only entries of this type.")] = None,
    status: Annotated[
        str | None, typer.Option("--status", help="candidate, approved or rejected.")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=200)] = 10,
) -> None:
    """Look a term up: exact, prefix and fuzzy matches, best first."""
    from aligner.terms.lookup import search, validate_lang, validate_query

    validate_query(term)
    validate_lang(lang)
    store = _store(db)
    try:
        hits = search(store.glossary.all(type=type, status=status), term, lang=lang)
    finally:
        store.close()
    if not hits:
        typer.echo(f"no glossary entry matches {term!r}", err=True)
        raise typer.Exit(1)
    for h in hits[:limit]:
        e = h.entry
        typer.echo(
            f"{e.zh}\t{e.en}\t{e.type}\t{e.status}\tconf {e.confidence:.2f}\t"
            f"freq {e.frequency}\t{h.match} {h.score:.0f}\t#{e.id}"
        )


@glossary_app.command("export")
def export_cmd(
    format: Annotated[
        str, typer.Option("--format", "-f", help="tbx (v3, TBX-Basic), tbx2008 (martif) or tsv.")
    ] = "tbx",
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write here instead of standard output.")
    ] = None,
    db: DbOption = None,
    type: Annotated[str | None, typer.Option("--type", help="Only entries of this type.")] = None,
    status: Annotated[
        str | None, typer.Option("--status", help="candidate, approved or rejected.")
    ] = None,
    traditional: Annotated[
        str,
        typer.Option(
            "--traditional",
            help="TBX: Traditional Chinese as a note of the Chinese term (note) or as a zh-Hant "
            "language section after English (langsec).",
        ),
    ] = "note",
    bom: BomOption = True,
    header: Annotated[
        bool, typer.Option("--header/--no-header", help="TSV: a header row first.")
    ] = True,
    zh_tag: ZhTagOption = None,
    en_tag: EnTagOption = None,
) -> None:
    """Export the glossary as TBX v3 TBX-Basic (default), TBX 2008 or TSV (columns zh, en,
    zh_traditional, type, status, confidence, frequency, ..., id)."""
    from aligner.cli.export import write_output
    from aligner.export import GlossaryExportOptions, LanguageTags, export_glossary
    from aligner.export.glossary import GLOSSARY_FORMATS

    if format not in GLOSSARY_FORMATS:
        raise InputError(f"unknown format {format!r}: expected {', '.join(GLOSSARY_FORMATS)}")
    if traditional not in ("note", "langsec"):
        raise InputError(f"--traditional must be note or langsec, not {traditional!r}")
    options = GlossaryExportOptions(
        tags=LanguageTags.from_settings(zh_tag, en_tag),
        traditional=traditional,  # type: ignore[arg-type]
        bom=bom,
        header=header,
    )
    store = _store(db)
    try:
        data = export_glossary(store.glossary.all(type=type, status=status), format, options)
    finally:
        store.close()
    write_output(data, out)
