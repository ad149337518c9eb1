"""verbalign align commands: `align-sentences` (two sentence-per-line files) and `align` (two
records). Heavy imports (numpy, the embedding model) happen inside the commands."""

from __future__ import annotations

from pathlib import Path

import typer

from aligner.cli.app import app
from aligner.cli.errors import about_file
from aligner.cli.progress import stage_progress
from aligner.errors import EmptyInputError, InputError
from aligner.ingest.source import decode_bytes

_P = "Alignment parameters"


def read_sentence_file(path: Path, side: str) -> list[str]:
    """One sentence per line, exactly as given (no re-segmentation; blank lines count),
    decoded like every input (UTF-8, or UTF-16/32 with a byte-order mark)."""
    if not path.exists():
        raise InputError(f"{side} file not found: {path}")
    if not path.is_file():
        raise InputError(f"{side} path is not a file: {path}")
    from aligner.ingest.source import read_file

    text = decode_bytes(read_file(path), name=f"{side} file {path}")
    if not text.strip():
        raise EmptyInputError(f"{side} file is empty: {path}")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the newline ending the last line does not start another one
    return [line.rstrip("\r") for line in lines]


def _indices(value: str | None, option: str) -> list[int] | None:
    if value is None:
        return None
    try:
        return [int(x) for x in value.split(",") if x.strip()]
    except ValueError:
        raise InputError(f"{option} takes comma-separated line numbers, not {value!r}") from None


@app.command("align-sentences")
def align_sentences_command(
    src: Path = typer.Argument(..., help="Source file: one sentence per line, UTF-8."),
    tgt: Path = typer.Argument(..., help="Target file: one sentence per line, UTF-8."),
    src_lang: str = typer.Option(..., "--src-lang", help="Source language code (zh or en)."),
    tgt_lang: str = typer.Option(..., "--tgt-lang", help="Target language code (zh or en)."),
    scores: bool = typer.Option(False, "--scores", help="Append a tab and the confidence."),
    model: str = typer.Option(
        None,
        "--model",
        help="Embedding model: use-m-v3 (default), or a sentence-transformers "
        "model name/local path available offline.",
    ),
    embed_cache: Path = typer.Option(
        None, "--embed-cache", help="SQLite file caching embeddings between runs."
    ),
    signature: bool = typer.Option(
        False, "--signature", help="Print the reproducibility signature on stderr."
    ),
    max_side: int = typer.Option(4, help="Largest n-m block with n, m >= 2.", rich_help_panel=_P),
    max_one_to_many: int = typer.Option(6, help="Largest 1-n / n-1 block.", rich_help_panel=_P),
    band: int = typer.Option(
        8, help="Second-pass band half-width (sentences) around the first path.", rich_help_panel=_P
    ),
    full_search_cells: int = typer.Option(
        2_500_000,
        help="First pass searches the full grid up to this many cells, else coarse-to-fine.",
        rich_help_panel=_P,
    ),
    margin: bool = typer.Option(
        True,
        "--margin/--no-margin",
        help="Neighbour (CSLS-style) margin in span scores.",
        rich_help_panel=_P,
    ),
    length_model: bool = typer.Option(
        True, "--length-model/--no-length-model", help="Length-ratio model.", rich_help_panel=_P
    ),
    evidence: bool = typer.Option(
        True,
        "--evidence/--no-evidence",
        help="Exact evidence: numbers, symbols, Latin-script names.",
        rich_help_panel=_P,
    ),
    weights: str = typer.Option(
        "default", help="Name of the learned scoring weights.", rich_help_panel=_P
    ),
    src_paragraphs: str = typer.Option(
        None,
        help="Comma-separated 0-based indices of source lines that start a paragraph.",
        rich_help_panel=_P,
    ),
    tgt_paragraphs: str = typer.Option(
        None,
        help="Same for the target; paragraphs anchor only when both are given.",
        rich_help_panel=_P,
    ),
    break_weight: float = typer.Option(
        1.0, help="Weight of paragraph starts as soft anchors (0 ignores them).", rich_help_panel=_P
    ),
    mbr_penalty: float = typer.Option(
        0.35,
        help="Minimum-Bayes-risk decoding: price per link against its posterior "
        "(negative: plain Viterbi).",
        rich_help_panel=_P,
    ),
) -> None:
    """Align two sentence-per-line files; print links like [0,1]:[0] in order, 0-based."""
    src_lines = read_sentence_file(src, "source")
    tgt_lines = read_sentence_file(tgt, "target")
    for code, opt in ((src_lang, "--src-lang"), (tgt_lang, "--tgt-lang")):
        if not code.strip().isalpha():
            raise InputError(f"{opt} must be a language code such as zh or en, not {code!r}")
    if min(max_side, max_one_to_many, band) < 1 or full_search_cells < 1:
        raise InputError(
            "--max-side, --max-one-to-many, --band and --full-search-cells must be positive"
        )

    from aligner.align.embedder import get_embedder
    from aligner.align.params import AlignParams
    from aligner.align.sentences import align_sentences
    from aligner.align.signature import alignment_signature

    params = AlignParams(
        max_side=max_side,
        max_one_to_many=max_one_to_many,
        band=band,
        full_search_cells=full_search_cells,
        margin=margin,
        length_model=length_model,
        evidence=evidence,
        weights=weights,
        break_weight=break_weight,
        mbr_penalty=mbr_penalty,
    )
    embedder = get_embedder(model, cache_path=embed_cache)
    links = align_sentences(
        src_lines,
        tgt_lines,
        src_lang=src_lang,
        tgt_lang=tgt_lang,
        embedder=embedder,
        params=params,
        src_breaks=_indices(src_paragraphs, "--src-paragraphs"),
        tgt_breaks=_indices(tgt_paragraphs, "--tgt-paragraphs"),
    )
    out = []
    for link in links:
        line = f"[{','.join(map(str, link.src))}]:[{','.join(map(str, link.tgt))}]"
        if scores:
            line += f"\t{link.confidence:.4f}"
        out.append(line)
    typer.echo("\n".join(out))
    if signature:
        typer.echo(alignment_signature(embedder.signature_name, params), err=True)


@app.command("align")
def align_command(
    zh: Path = typer.Argument(..., help="Chinese record: PDF or text."),
    en: Path = typer.Argument(..., help="English record: PDF or text."),
    as_json: bool = typer.Option(False, "--json", help="Print the alignment as JSON."),
    model: str = typer.Option(None, "--model", help="Embedding model (default use-m-v3)."),
    embed_cache: Path = typer.Option(
        None, "--embed-cache", help="SQLite file caching embeddings between runs."
    ),
    band: int = typer.Option(8, help="Second-pass band half-width.", rich_help_panel=_P),
    break_weight: float = typer.Option(
        1.0, help="Weight of paragraph starts as soft anchors (0 ignores them).", rich_help_panel=_P
    ),
) -> None:
    """Align two records of the same meeting: turns, then sentences, with confidences."""
    for path, side in ((zh, "Chinese"), (en, "English")):
        if not path.is_file():
            raise InputError(f"{side} record not found: {path}")
    if band < 1 or break_weight < 0:
        raise InputError("--band must be positive and --break-weight not negative")

    import json

    from aligner.align.embedder import get_embedder
    from aligner.align.params import AlignParams
    from aligner.align.pipeline import align_records, alignment_json
    from aligner.parse import parse_record

    with stage_progress("parse") as progress:
        with about_file(zh):
            zh_record = parse_record(zh, lang="zh")
        progress("parse", 0.5)
        with about_file(en):
            en_record = parse_record(en, lang="en")
        progress("parse", 1.0)
        embedder = get_embedder(model, cache_path=embed_cache)
        result = align_records(
            zh_record,
            en_record,
            embedder=embedder,
            progress=progress,
            params=AlignParams(band=band, break_weight=break_weight),
        )
    if as_json:
        typer.echo(json.dumps(alignment_json(result), ensure_ascii=False, indent=1))
        return
    typer.echo(f"# {result.signature}")
    for p in result.pairs:
        zh_text = " ".join(p.zh).replace("\t", " ")
        en_text = " ".join(p.en).replace("\t", " ")
        typer.echo(f"{p.type}\t{p.confidence:.3f}\t{zh_text}\t{en_text}")
