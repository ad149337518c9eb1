"""verbalign import / serve / demo: the store and the HTTP service from the shell (`export` is
in aligner/cli/export.py).

Options mirror the service settings (api/settings.py): --db = VERBALIGN_DB, --token =
VERBALIGN_TOKEN, --model = VERBALIGN_MODEL, --host/--port = VERBALIGN_HOST/PORT.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from aligner.cli.app import app
from aligner.cli.options import DbOption, HostOption, ModelOption, PortOption
from aligner.cli.progress import stage_progress
from aligner.errors import InputError

if TYPE_CHECKING:
    from aligner.align.embedder import Embedder
    from aligner.pipeline.record_import import ImportResult, Source
    from aligner.store import Repository, StoreLocation
    from api.settings import Settings

DEMO_CORPUS = Path("corpora/S-PV-9132")


def _db(db: str | None) -> StoreLocation:
    from aligner.store import resolve_location

    return resolve_location(db)


def _import_with_progress(
    store: Repository,
    zh: Source,
    en: Source,
    *,
    embedder: Embedder,
    force: bool = False,
    symbol: str | None = None,
) -> ImportResult:
    from aligner.pipeline.record_import import import_pair

    with stage_progress("start", transient=False) as progress:
        return import_pair(
            store, zh, en, embedder=embedder, force=force, symbol=symbol, progress=progress
        )


def _embedder(model: str | None) -> Embedder:
    from aligner.align.embedder import get_embedder

    return get_embedder(model or os.environ.get("VERBALIGN_MODEL") or None)


@app.command("import")
def import_command(
    zh: Annotated[Path, typer.Argument(help="Chinese record: PDF or extracted text.")],
    en: Annotated[Path, typer.Argument(help="English record: PDF or extracted text.")],
    db: DbOption = None,
    model: ModelOption = None,
    symbol: Annotated[
        str | None, typer.Option(help="Record symbol, when the files do not state it.")
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Re-align even if these files are already stored, and store a new version "
            "even if it leaves reviewed pairs behind or shrinks the record.",
        ),
    ] = False,
) -> None:
    """Parse, align and store a record pair (a no-op when the same files are stored).

    A record already stored gets a new version: the current one is kept (readable) and
    reviewed pairs are carried over where their sentences still exist. Without --force, an
    import that would leave reviewed pairs behind or shrink the record by more than 5 % stops
    (exit code 5) and changes nothing."""
    from aligner.pipeline.record_import import Source
    from aligner.store import open_store
    from aligner.store.symbols import check_symbol

    symbol = check_symbol(symbol) if symbol else None
    zh_src, en_src = Source.from_path(zh), Source.from_path(en)
    location = _db(db)
    store = open_store(location)
    try:
        result = _import_with_progress(
            store, zh_src, en_src, embedder=_embedder(model), force=force, symbol=symbol
        )
    finally:
        store.close()
    typer.echo(_import_summary(result, location))


def _import_summary(result: ImportResult, location: object) -> str:
    """What an import did, in a line (and one more per reviewed pair left behind)."""
    head = f"{result.symbol}: "
    tail = f", {result.pairs} pairs ({result.seconds:.1f} s) into {location}"
    if result.status == "created":
        return head + "imported" + tail
    if result.status == "unchanged":
        return head + "already stored" + tail
    kept = f"version {result.previous_version} kept"
    if result.reason == "new sources, same text":
        lines = [
            head + f"new files with the same text: version {result.version} ({kept}), "
            "pairs and reviews as they were" + tail
        ]
    else:
        lines = [head + f"re-aligned as version {result.version} ({kept})" + tail]
    changes = result.changes
    if changes is not None and changes.reviewed:
        lines.append(f"  {changes.carried} of {changes.reviewed} reviewed pairs carried over")
        for loss in changes.not_carried:
            by = f" by {loss.reviewed_by}" if loss.reviewed_by else ""
            text = " ".join((loss.zh or loss.en).split())[:40]
            lines.append(
                f"  not carried over, kept with version {loss.version}: pair {loss.pair_id} "
                f"({loss.status}{by}, {loss.corrections} corrections; {loss.reason}): {text}"
            )
    return "\n".join(lines)


@app.command("serve")
def serve_command(
    host: HostOption = None,
    port: PortOption = None,
    db: DbOption = None,
    token: Annotated[
        str | None, typer.Option(help="Write token (default: $VERBALIGN_TOKEN; none = read-only).")
    ] = None,
    model: ModelOption = None,
) -> None:
    """Serve the HTTP API (docs at /docs) and the review page."""
    from aligner.store import open_store

    settings = _settings(host=host, port=port, db=db, token=token, model=model)
    open_store(settings.db).close()  # a clear error now, not a failed server start-up
    _announce(settings, token_shown=False)
    _run(settings)


@app.command("demo")
def demo_command(
    host: HostOption = None,
    port: PortOption = None,
    db: DbOption = None,
    corpus: Annotated[
        Path | None, typer.Option(help="Folder with zh.txt and en.txt (default: bundled pair).")
    ] = None,
    model: ModelOption = None,
) -> None:
    """Import and align the bundled S/PV.9132 pair (once), then serve it on 127.0.0.1:8000."""
    from aligner.pipeline.record_import import Source
    from aligner.store import open_store

    folder = corpus or _bundled_corpus()
    zh_src, en_src = Source.from_path(folder / "zh.txt"), Source.from_path(folder / "en.txt")
    settings = _settings(host=host, port=port, db=db, token=None, model=model)
    generated = settings.token is None
    if generated:
        # A reviewer needs a token to correct pairs: make one for this session and show it.
        from pydantic import SecretStr

        settings = settings.model_copy(update={"token": SecretStr(secrets.token_urlsafe(18))})
    store = open_store(settings.db)
    embedder = _embedder(settings.model)
    known = store.find_symbol_by_sources(zh_src.sha256, en_src.sha256)
    if known:
        typer.echo(f"{known} is already in {store.location} (same source files): not re-aligning.")
    else:
        typer.echo(f"Aligning {folder} into {store.location} ...")
        result = _import_with_progress(store, zh_src, en_src, embedder=embedder)
        typer.echo(f"{result.symbol}: {result.pairs} pairs in {result.seconds:.1f} s")
        known = result.symbol
    _announce(settings, token_shown=generated, symbol=known)
    _run(settings, store=store, embedder=embedder)


def _bundled_corpus() -> Path:
    if DEMO_CORPUS.is_dir():
        return DEMO_CORPUS
    # An installed checkout run from elsewhere: the corpus sits beside the package.
    beside = Path(__file__).resolve().parents[2] / DEMO_CORPUS
    if beside.is_dir():
        return beside
    raise InputError(f"cannot find the bundled corpus {DEMO_CORPUS}: run from the project root")


def _settings(**overrides: object) -> Settings:
    from pydantic import ValidationError

    from api.settings import Settings

    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise InputError(f"invalid setting {where}: {first['msg']}") from None


def _announce(settings: Settings, *, token_shown: bool, symbol: str | None = None) -> None:
    from urllib.parse import quote

    host = settings.host
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    base = f"http://{shown}:{settings.port}"
    lines = [
        "",
        f"  Review page   {base}/",
        f"  API docs      {base}/docs",
    ]
    if symbol:
        path = quote(symbol, safe="/")
        lines += [
            f"  Record        {base}/records/{path}",
            f"  Pairs         {base}/records/{path}/pairs?limit=20",
            f"  Search        {base}/search?q={quote('安理会')}",
            f"  TMX export    {base}/records/{path}/export?format=tmx",
        ]
    token = settings.token_value
    if token and token_shown:
        lines.append(f"  Write token   {token}   (Authorization: Bearer <token>)")
    elif token:
        lines.append("  Writes need Authorization: Bearer <VERBALIGN_TOKEN>.")
    else:
        lines.append("  Read-only: set VERBALIGN_TOKEN (or --token) to allow corrections.")
    lines.append("")
    typer.echo("\n".join(lines))


def _run(
    settings: Settings, *, store: Repository | None = None, embedder: Embedder | None = None
) -> None:
    import uvicorn

    from api.main import create_app

    application = create_app(settings, store=store, embedder=embedder)
    uvicorn.run(application, host=settings.host, port=settings.port, log_level="info")
