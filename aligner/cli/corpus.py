"""verbalign corpus build | export | stats | load: parallel corpora from many record pairs.

`build` turns a folder or manifest of record pairs into the canonical sharded Parquet table
(one idempotent task per pair, local process pool or Ray); `export` derives Moses, TMX or
JSONL from it with filters and deduplication; `stats` summarises it; `load` puts its records
and pairs into the store (SQLite or PostgreSQL).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from aligner.cli.app import app
from aligner.cli.options import DbOption, ModelOption

if TYPE_CHECKING:
    from aligner.corpus.filters import RowFilter
    from aligner.pipeline.corpus_build import BuildProgress
    from aligner.pipeline.corpus_load import LoadProgress

corpus_app = typer.Typer(
    name="corpus",
    no_args_is_help=True,
    help="Parallel corpora from many record pairs: build (local or Ray), export, stats, load.",
)
app.add_typer(corpus_app)

_A = "Alignment"
_F = "Filters"


@corpus_app.command("build")
def build(
    source: Annotated[
        Path,
        typer.Argument(
            help="A folder of records (<name>.zh.txt / <name>.en.pdf ...) or a manifest "
            "(.csv with zh,en[,name] columns, or .jsonl of {zh, en, name}).",
            metavar="INPUT",
        ),
    ],
    out: Annotated[Path, typer.Option("--out", help="Corpus folder (created; reruns resume).")],
    engine: Annotated[str, typer.Option(help="local (process pool) or ray.")] = "local",
    address: Annotated[
        str | None,
        typer.Option(help="Ray cluster to join: ray://head:10001, head:6379 or auto."),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(help="Worker processes (local, default: cores) or Ray actors (default 2)."),
    ] = None,
    model: ModelOption = None,
    limit: Annotated[int | None, typer.Option(help="Build only the first N pairs.")] = None,
    threads: Annotated[
        int, typer.Option(help="Threads per worker (embedding and BLAS).", min=1)
    ] = 1,
    vectors: Annotated[
        bool,
        typer.Option(
            "--vectors",
            help="Also write per-pair zh/en vectors (vectors/<key>.npz) for a TM index.",
        ),
    ] = False,
    band: Annotated[int, typer.Option(help="Second-pass band half-width.", rich_help_panel=_A)] = 8,
    break_weight: Annotated[
        float,
        typer.Option(help="Weight of paragraph starts as soft anchors.", rich_help_panel=_A),
    ] = 1.0,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the build report as JSON.")
    ] = False,
) -> None:
    """Build the canonical Parquet corpus: one shard per record pair, resumable."""
    from aligner.pipeline.corpus_build import build_corpus

    model = model or os.environ.get("VERBALIGN_MODEL") or None
    with _BuildBar() as bar:
        report = build_corpus(
            source,
            out,
            engine=engine,
            workers=workers,
            address=address,
            model=model,
            band=band,
            break_weight=break_weight,
            threads=threads,
            hooks=("vectors",) if vectors else (),
            limit=limit,
            progress=bar.update,
        )
    totals = report.manifest["totals"]
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "out": str(report.out),
                    "engine": report.engine,
                    "pairs": report.total,
                    "built": report.done,
                    "skipped": report.skipped,
                    "failed": report.failed,
                    "duplicates": report.duplicates,
                    "seconds": report.seconds,
                    "totals": totals,
                    "errors": report.errors,
                },
                ensure_ascii=False,
                indent=1,
            )
        )
    else:
        typer.echo(
            f"{report.out}: {totals['records']} records, {totals['pairs']} pairs "
            f"({report.done} built now, {report.skipped} already done, {report.failed} failed, "
            f"{report.duplicates} duplicates) in {report.seconds:.1f} s with {report.engine}"
        )
        for e in report.errors[:20]:
            typer.secho(f"  {e['stage']:<9} {e['pair']}: {e['message']}", fg="yellow", err=True)
        if len(report.errors) > 20:
            typer.secho(f"  ... {len(report.errors) - 20} more", fg="yellow", err=True)
        if report.errors:
            typer.secho(f"  full list: {report.out / 'errors.jsonl'}", err=True)
    if report.failed:
        raise typer.Exit(1)


class _BuildBar:
    """pairs done / failed / per hour on stderr."""

    def __enter__(self) -> _BuildBar:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        console = Console(stderr=True)
        self._progress = Progress(
            TextColumn("[bold]corpus[/bold]"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[failed]} failed  {task.fields[rate]} pairs/h"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=False,
            disable=not console.is_terminal,
        )
        self._progress.__enter__()
        self._task = self._progress.add_task("build", total=None, failed=0, rate="-")
        return self

    def update(self, state: BuildProgress) -> None:
        rate = f"{state.pairs_per_hour:,.0f}" if state.done + state.failed else "-"
        self._progress.update(
            self._task,
            total=state.total,
            completed=state.finished,
            failed=state.failed,
            rate=rate,
        )

    def __exit__(self, *exc: object) -> None:
        self._progress.__exit__(*exc)


def _row_filter(
    min_confidence: float | None,
    link_types: str | None,
    original: str | None,
    spoken: str | None,
    linked_only: bool,
) -> RowFilter:
    from aligner.corpus.filters import RowFilter, split_list

    return RowFilter(
        min_confidence=min_confidence,
        link_types=split_list(link_types),
        original=split_list(original),
        spoken=split_list(spoken),
        linked_only=linked_only,
    )


MinConfidence = Annotated[
    float | None, typer.Option(help="Keep pairs with at least this confidence.", rich_help_panel=_F)
]
LinkTypes = Annotated[
    str | None, typer.Option(help="Keep these link types, e.g. 1-1,2-1,1-2.", rich_help_panel=_F)
]
Original = Annotated[
    str | None,
    typer.Option(
        help="Keep turns whose original is one of these: zh, en, none (e.g. zh,en).",
        rich_help_panel=_F,
    ),
]
Spoken = Annotated[
    str | None,
    typer.Option(
        help="Keep turns spoken in one of these languages (zh,en,fr,es,ru,ar, none).",
        rich_help_panel=_F,
    ),
]
LinkedOnly = Annotated[
    bool,
    typer.Option("--linked-only", help="Drop unlinked sentences (1-0, 0-1).", rich_help_panel=_F),
]


@corpus_app.command("export")
def export(
    corpus: Annotated[Path, typer.Argument(help="A folder built by `corpus build`.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="moses, tmx or jsonl.")],
    out: Annotated[
        Path | None, typer.Option("--out", help="Export folder (default: CORPUS/export-FORMAT).")
    ] = None,
    min_confidence: MinConfidence = None,
    link_types: LinkTypes = None,
    original: Original = None,
    spoken: Spoken = None,
    linked_only: LinkedOnly = False,
    dedup: Annotated[
        bool,
        typer.Option("--dedup", help="One row per normalised pair, listing every record symbol."),
    ] = False,
    source_lang: Annotated[str, typer.Option(help="TMX source language: zh or en.")] = "zh",
) -> None:
    """Write Moses / TMX / JSONL from the corpus, filtered, optionally deduplicated."""
    from aligner.corpus.export import export_corpus

    row_filter = _row_filter(min_confidence, link_types, original, spoken, linked_only)
    target = out or corpus / f"export-{fmt.lower()}"
    report = export_corpus(
        corpus, target, fmt=fmt.lower(), row_filter=row_filter, dedup=dedup, source_lang=source_lang
    )
    c = report.manifest["counts"]
    typer.echo(
        f"{report.out}: {c['rows_kept']} of {c['rows_in']} pairs kept "
        f"({c['filtered_out']} filtered out, {c['duplicates_removed']} duplicates), "
        f"{len(report.manifest['files'])} file(s); manifest.json lists counts and sha256"
    )


@corpus_app.command("stats")
def stats(
    corpus: Annotated[Path, typer.Argument(help="A folder built by `corpus build`.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    per_record: Annotated[
        bool, typer.Option("--per-record/--total-only", help="Add the per-record table.")
    ] = True,
    min_confidence: MinConfidence = None,
    link_types: LinkTypes = None,
    original: Original = None,
    spoken: Spoken = None,
    linked_only: LinkedOnly = False,
) -> None:
    """Pairs, sentences, link types, length and confidence histograms: per record and total."""
    from aligner.corpus.stats import corpus_stats, format_stats

    row_filter = _row_filter(min_confidence, link_types, original, spoken, linked_only)
    result = corpus_stats(str(corpus), row_filter if row_filter.active else None)
    if as_json:
        if not per_record:
            result.pop("per_record")
        json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        typer.echo(format_stats(result, per_record=per_record))


@corpus_app.command("load")
def load(
    corpus: Annotated[Path, typer.Argument(help="A folder built by `corpus build`.")],
    db: DbOption = None,
    batch: Annotated[
        int, typer.Option(help="Pairs per load transaction (whole records).", min=1)
    ] = 20_000,
    as_json: Annotated[bool, typer.Option("--json", help="Print the load report as JSON.")] = False,
) -> None:
    """Load the corpus into the store (SQLite or PostgreSQL); stored records are skipped.

    The pairs are then searchable and used by the TM like imported ones; loading twice adds
    nothing."""
    from aligner.corpus.table import CorpusTable
    from aligner.pipeline.corpus_load import load_corpus
    from aligner.store import open_store

    CorpusTable(corpus)  # not a corpus: say so before opening (or creating) a database
    store = open_store(db)
    try:
        with _LoadBar() as bar:
            report = load_corpus(corpus, store, batch_rows=batch, progress=bar.update)
    finally:
        store.close()
    c = report.counts
    if as_json:
        summary = {
            "corpus": str(report.corpus),
            "store": report.store,
            "rows": report.rows,
            "records": c.records,
            "skipped": c.skipped,
            "pairs": c.pairs,
            "seconds": round(report.seconds, 3),
            "rows_per_second": round(report.rows_per_second, 1),
        }
        typer.echo(json.dumps(summary, ensure_ascii=False, indent=1))
    else:
        typer.echo(
            f"{report.corpus}: {c.records} records, {c.pairs} pairs loaded into {report.store} "
            f"({c.skipped} records already there) in {report.seconds:.1f} s, "
            f"{report.rows_per_second:,.0f} rows/s"
        )


class _LoadBar:
    """records read / total and rows per second on stderr."""

    def __enter__(self) -> _LoadBar:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        console = Console(stderr=True)
        self._progress = Progress(
            TextColumn("[bold]load[/bold]"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("records  {task.fields[rate]} rows/s"),
            console=console,
            transient=False,
            disable=not console.is_terminal,
        )
        self._progress.__enter__()
        self._task = self._progress.add_task("load", total=None, rate="-")
        return self

    def update(self, state: LoadProgress) -> None:
        self._progress.update(
            self._task,
            total=state.total,
            completed=state.records,
            rate=f"{state.rows_per_second:,.0f}",
        )

    def __exit__(self, *exc: object) -> None:
        self._progress.__exit__(*exc)
