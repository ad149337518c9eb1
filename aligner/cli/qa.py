"""verbalign qa check PAIRS.jsonl / verbalign qa SYMBOL / verbalign score.

`qa check` reads {"id", "zh", "en"} lines and writes one {"id", "flags": [...]} line per pair
(plus the pair's "direction"). `qa SYMBOL` (same as `qa summary SYMBOL`) checks a stored
record and prints a summary, or the whole report as JSON, TSV or HTML. `score` computes
sacrebleu BLEU, chrF and TER of candidate translations against references from a file or
from stored pairs.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import click
import typer
from typer.core import TyperGroup

from aligner.cli.app import app
from aligner.cli.options import DbOption
from aligner.cli.progress import stage_progress
from aligner.errors import InputError

if TYPE_CHECKING:
    from aligner.qa.check import PairView, QAContext
    from aligner.store.location import StoreLocation


class _SymbolDefaultGroup(TyperGroup):
    """`verbalign qa S/PV.9132` runs `qa summary S/PV.9132`: any first word that is not a
    subcommand is taken as a record symbol."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            return "summary", self.commands["summary"], args
        return super().resolve_command(ctx, args)


qa_app = typer.Typer(
    name="qa",
    cls=_SymbolDefaultGroup,
    no_args_is_help=True,
    help="Translation QA: check free pairs (qa check PAIRS.jsonl) or a stored record (qa SYMBOL).",
)
app.add_typer(qa_app)


class Severity(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    tsv = "tsv"
    html = "html"


ChecksOption = Annotated[
    str | None,
    typer.Option(
        "--checks",
        help="Comma-separated checks to run (default: all). "
        "Known: number, date, symbol, term, country, negation, untranslated, semantic, "
        "unaligned.",
    ),
]
SemanticOption = Annotated[
    bool,
    typer.Option(
        "--semantic/--no-semantic",
        help="Run the embedding-based omission/addition check (loads the USE model).",
    ),
]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write here instead of standard output.")
]


def _db_location(db: str | None) -> StoreLocation:
    from aligner.store import resolve_location

    return resolve_location(db)


def _checks(spec: str | None) -> list[str] | None:
    if spec is None:
        return None
    names = [n.strip() for n in spec.split(",") if n.strip()]
    if not names:
        raise InputError("--checks is empty")
    return names


def _embedder(semantic: bool) -> Any:
    if not semantic:
        return None
    from aligner.qa.embedding import load_embedder

    return load_embedder()


def _run_with_progress(views: list[PairView], ctx: QAContext, **kwargs: Any) -> list[Any]:
    from aligner.qa.runner import check_pairs

    total, done = max(len(views), 1), 0
    with stage_progress("checking", label="qa", hide_off_terminal=True) as report:

        def advance(n: int) -> None:
            nonlocal done
            done += n
            report("checking", done / total)

        return check_pairs(views, ctx, progress=advance, **kwargs)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, "utf-8")
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc.strerror}") from None
    typer.echo(f"wrote {output}", err=True)


@qa_app.command("check")
def check_command(
    pairs: Annotated[Path, typer.Argument(help='JSONL file: one {"id", "zh", "en"} per line.')],
    output: OutputOption = None,
    min_severity: Annotated[
        Severity, typer.Option("--min-severity", help="Leave out flags below this severity.")
    ] = Severity.warning,
    checks: ChecksOption = None,
    semantic: SemanticOption = True,
    db: DbOption = None,
    glossary: Annotated[
        bool,
        typer.Option(
            "--glossary/--no-glossary",
            help="Also enforce the glossary of the database, when it exists.",
        ),
    ] = True,
) -> None:
    """Check free (zh, en) pairs; one {"id", "flags"} JSON line out per pair in."""
    from aligner.qa.check import QAContext, build_checks
    from aligner.qa.entities import default_index
    from aligner.qa.glossary_source import index_for_database
    from aligner.qa.pairs_file import read_pairs

    views = read_pairs(pairs)
    active = build_checks(_checks(checks))
    if glossary:
        index, n_terms = index_for_database(_db_location(db).path)
        if n_terms:
            typer.echo(f"using {n_terms} glossary entries from {_db_location(db)}", err=True)
    else:
        index = default_index()
    needs_model = semantic and any(c.uses_embedder for c in active)
    ctx = QAContext(entities=index, embedder=_embedder(needs_model))
    results = _run_with_progress(views, ctx, checks=active, min_severity=min_severity.value)
    lines = []
    for r in results:
        row = r.to_dict()
        lines.append(
            json.dumps(
                {"id": row["id"], "flags": row["flags"], "direction": row["direction"]},
                ensure_ascii=False,
            )
        )
    _write("\n".join(lines) + "\n", output)
    flagged = sum(bool(r.flags) for r in results)
    typer.echo(f"{len(results)} pairs checked, {flagged} flagged", err=True)


@qa_app.command("summary")
def summary_command(
    symbol: Annotated[str, typer.Argument(help="Record symbol, e.g. S/PV.9132.")],
    format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="text summary or the full report.")
    ] = ReportFormat.text,
    output: OutputOption = None,
    min_severity: Annotated[Severity, typer.Option("--min-severity")] = Severity.info,
    checks: ChecksOption = None,
    semantic: SemanticOption = True,
    db: DbOption = None,
    fresh: Annotated[
        bool,
        typer.Option(
            "--fresh",
            help="Recompute even when the store holds a report of this record version.",
        ),
    ] = False,
) -> None:
    """QA report of a stored record (also: verbalign qa SYMBOL)."""
    from aligner.errors import NotFoundError
    from aligner.pipeline.qa_report import prepare_report
    from aligner.qa.report import to_html, to_tsv
    from aligner.store import open_store

    location = _db_location(db)
    if not location.exists():
        raise NotFoundError(f"no database at {location}: import a record first (verbalign import)")
    store = open_store(location)
    try:
        store.get_record(symbol)
        names = _checks(checks)
        if names is not None:
            from aligner.qa.check import build_checks

            build_checks(names)  # unknown names fail before the model loads
        prepared = prepare_report(
            store, symbol, checks=names, semantic=semantic, embedder=_embedder(semantic)
        )
        if prepared.cached is not None and not fresh:
            report = prepared.cached
        else:
            with stage_progress("loading", label="qa", hide_off_terminal=True) as progress:
                report = prepared.compute(progress)
        report = report.at_severity(min_severity.value)
    finally:
        store.close()
    if format is ReportFormat.json:
        _write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n", output)
    elif format is ReportFormat.tsv:
        _write(to_tsv(report), output)
    elif format is ReportFormat.html:
        _write(to_html(report), output)
    else:
        _write(_summary_text(report), output)


def _summary_text(report: Any) -> str:
    s = report.summary()
    lines = [
        f"QA {report.symbol}: {s['pairs']} pairs, {s['flagged_pairs']} flagged, {s['flags']} flags"
        f" (semantic checks {'on' if report.semantic else 'off'})",
        "by severity: " + (", ".join(f"{k} {v}" for k, v in s["by_severity"].items()) or "none"),
        "by type:     " + (", ".join(f"{k} {v}" for k, v in s["by_type"].items()) or "none"),
    ]
    worst = [p for p in report.pairs if any(f.severity == "error" for f in p.flags)][:10]
    if worst:
        lines.append("errors (first 10):")
        for p in worst:
            for f in p.flags:
                if f.severity == "error":
                    lines.append(
                        f"  pair {p.pair['id']} (turn {p.pair['zh_turn']}): {f.type}: {f.message}"
                    )
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- score


class ScoreFormat(StrEnum):
    text = "text"
    json = "json"
    tsv = "tsv"


def _lines(path: Path, what: str) -> list[str]:
    """One segment per line, decoded as record files are (a byte-order mark, UTF-16/32 with
    one, a size limit; a bad byte is named with its line)."""
    from aligner.ingest.source import decode_bytes, read_file

    if not path.is_file():
        raise InputError(f"{what} file {path}: no such file")
    text = decode_bytes(read_file(path), name=f"{what} file {path}")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.rstrip("\r") for line in lines]


def _pair_ids(spec: str) -> list[int]:
    try:
        ids = [int(x) for x in spec.replace(",", " ").split()]
    except ValueError:
        raise InputError("--pairs takes pair ids: numbers separated by commas") from None
    if not ids:
        raise InputError("--pairs is empty")
    return ids


@app.command("score")
def score_command(
    candidates: Annotated[Path, typer.Argument(help="Candidate translations, one per line.")],
    references: Annotated[
        Path | None, typer.Argument(help="References, one per line (or use --pairs).")
    ] = None,
    pairs: Annotated[
        str | None,
        typer.Option(
            "--pairs",
            help="Stored pair ids (comma-separated), one per candidate line: "
            "the references are those pairs' --target side.",
        ),
    ] = None,
    target: Annotated[
        str | None,
        typer.Option(
            "--target",
            help="Language of the candidates: zh or en (default: detected from the references).",
        ),
    ] = None,
    format: Annotated[ScoreFormat, typer.Option("--format", "-f")] = ScoreFormat.text,
    db: DbOption = None,
) -> None:
    """sacrebleu BLEU, chrF and TER per segment and for the set, with signatures."""
    from aligner.scoring import score_candidates

    if target not in (None, "zh", "en"):
        raise InputError("--target must be zh or en")
    cands = _lines(candidates, "candidates")
    ids: list[str] | None = None
    if references is not None and pairs is not None:
        raise InputError("give a references file or --pairs, not both")
    if references is not None:
        refs = _lines(references, "references")
    elif pairs is not None:
        if target is None:
            raise InputError(
                "--pairs needs --target zh|en (which side of the pairs to score against)"
            )
        refs, ids = _store_references(_pair_ids(pairs), target, _db_location(db))
    else:
        raise InputError("give a references file or --pairs IDS")
    report = score_candidates(cands, refs, target=target, ids=ids)
    if format is ScoreFormat.json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    if format is ScoreFormat.tsv:
        typer.echo("index\tid\tbleu\tchrf\tter")
        for s in report.segments:
            typer.echo(f"{s.index}\t{s.id or ''}\t{s.bleu}\t{s.chrf}\t{s.ter}")
        return
    c = report.corpus
    typer.echo(f"{report.count} segments, target {report.target} (tokenizer {report.tokenizer})")
    typer.echo(f"BLEU {c['bleu']:.2f}  {report.signatures['bleu']}")
    typer.echo(f"chrF {c['chrf']:.2f}  {report.signatures['chrf']}")
    typer.echo(f"TER  {c['ter']:.2f}  {report.signatures['ter']}")


def _store_references(
    ids: list[int], target: str, location: StoreLocation
) -> tuple[list[str], list[str]]:
    from aligner.errors import NotFoundError
    from aligner.store import open_store

    if not location.exists():
        raise NotFoundError(f"no database at {location}")
    store = open_store(location)
    try:
        rows = [store.get_pair(i) for i in ids]
    finally:
        store.close()
    return [getattr(r, target) or "" for r in rows], [str(i) for i in ids]
