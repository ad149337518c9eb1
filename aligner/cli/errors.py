"""How the CLI reports a typed error: one line on stderr, `error: <message>`, and the error's
exit code (2 bad input, 3 not found). The line is red on a terminal unless NO_COLOR is set
(https://no-color.org: present and not empty); rich, which draws tables and progress bars and
typer's usage errors, reads NO_COLOR itself.
"""

from __future__ import annotations

import os

import typer

from aligner.errors import VerbalignError, about_file


def color_allowed() -> bool:
    return not os.environ.get("NO_COLOR")


def report(exc: VerbalignError) -> None:
    message = " ".join(str(exc).split()) or type(exc).__name__
    # color=None lets click decide (a terminal or not); False strips the style.
    typer.secho(f"error: {message}", fg="red", err=True, color=None if color_allowed() else False)


__all__ = ["about_file", "color_allowed", "report"]
