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


@app.callback()
def _root() -> None:
    """Chinese-English alignment, terminology and QA for UN verbatim records."""


@app.command()
def version() -> None:
    """Print the verbalign version."""
    from aligner import __version__

    typer.echo(f"verbalign {__version__}")
