"""The typer application every command module registers on."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="verbalign",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    help="Chinese-English alignment, terminology and QA for UN verbatim records.",
)


def _print_version(value: bool) -> None:
    if value:
        from aligner import __version__

        typer.echo(f"verbalign {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False,
        "--version",
        callback=_print_version,
        is_eager=True,
        help="Print the verbalign version and exit.",
    ),
) -> None:
    """Chinese-English alignment, terminology and QA for UN verbatim records."""


@app.command()
def version() -> None:
    """Print the verbalign version."""
    from aligner import __version__

    typer.echo(f"verbalign {__version__}")
