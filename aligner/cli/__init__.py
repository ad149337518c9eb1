"""Command-line entry point. Each module below registers its commands on `app`;
heavy imports (torch, the embedding model) happen inside the commands that need them."""

from __future__ import annotations

import sys

from aligner.cli import align, corpus, export, glossary, parse, qa, store  # noqa: F401  (registers commands)
from aligner.cli.app import app
from aligner.cli.errors import report
from aligner.errors import VerbalignError


def main() -> None:
    """Run the CLI; a VerbalignError becomes a one-line message and its exit code."""
    try:
        app()
    except VerbalignError as exc:
        report(exc)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)


__all__ = ["app", "main"]
