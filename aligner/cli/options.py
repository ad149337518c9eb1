"""Command-line options that several command modules share, declared once.

Each mirrors a service setting (api/settings.py): --db = VERBALIGN_DB, --model =
VERBALIGN_MODEL, --host/--port = VERBALIGN_HOST/VERBALIGN_PORT.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="SQLite database (default: $VERBALIGN_DB or var/verbalign.db)."),
]
ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model", help="Embedding model (default: $VERBALIGN_MODEL or Multilingual USE v3)."
    ),
]
HostOption = Annotated[str | None, typer.Option(help="Interface (default 127.0.0.1).")]
PortOption = Annotated[int | None, typer.Option(help="Port (default 8000).")]
