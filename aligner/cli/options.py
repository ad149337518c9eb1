"""Command-line options that several command modules share, declared once.

Each mirrors a service setting (api/settings.py): --db = VERBALIGN_DB, --model =
VERBALIGN_MODEL, --host/--port = VERBALIGN_HOST/VERBALIGN_PORT, --zh-tag/--en-tag =
VERBALIGN_ZH_TAG/VERBALIGN_EN_TAG (the language tags of TMX and TBX exports).
"""

from __future__ import annotations

from typing import Annotated

import typer

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database: a SQLite file, sqlite:///PATH or postgresql://USER:PASSWORD@HOST/DB "
        "(default: $VERBALIGN_DB or var/verbalign.db).",
    ),
]
ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model", help="Embedding model (default: $VERBALIGN_MODEL or Multilingual USE v3)."
    ),
]
HostOption = Annotated[str | None, typer.Option(help="Interface (default 127.0.0.1).")]
PortOption = Annotated[int | None, typer.Option(help="Port (default 8000).")]
ZhTagOption = Annotated[
    str | None,
    typer.Option(
        "--zh-tag", help="Language tag of Chinese in TMX/TBX (default: $VERBALIGN_ZH_TAG or zh-CN)."
    ),
]
EnTagOption = Annotated[
    str | None,
    typer.Option(
        "--en-tag", help="Language tag of English in TMX/TBX (default: $VERBALIGN_EN_TAG or en-GB)."
    ),
]
BomOption = Annotated[
    bool,
    typer.Option(
        "--bom/--no-bom", help="TSV: start with a UTF-8 byte-order mark (Windows tools need it)."
    ),
]
