"""Where a store lives, and which backend opens it.

`VERBALIGN_DB` and `--db` take either a file path or a URL:

- `var/verbalign.db`, `sqlite:///var/verbalign.db` (relative), `sqlite:////srv/v.db`
  (absolute; the SQLAlchemy spelling) → the embedded SQLite store;
- `postgresql://user:password@host:5432/dbname` (also `postgres://`, `postgresql+psycopg://`,
  and libpq's `?host=/path/to/socket/dir` for a unix socket) → the PostgreSQL backend
  (aligner/store/postgres/, the `postgres` extra).

A backend is a name in `BACKENDS` mapped to "module:function" (imported only when a store of
that kind is opened), so a second backend is one line here plus its package. A URL whose
backend is not installed is a clear error: it is never taken for a folder name.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from aligner.errors import InputError

if TYPE_CHECKING:
    from aligner.store.repository import Repository

BACKENDS: dict[str, str] = {
    "sqlite": "aligner.store.sqlite:open_sqlite",
    "postgresql": "aligner.store.postgres:open_postgres",
}
"""Backend name → "module:function" that opens a `StoreLocation` and returns a Repository."""

_SCHEMES = {
    "sqlite": "sqlite",
    "postgresql": "postgresql",
    "postgres": "postgresql",
    "postgresql+psycopg": "postgresql",
    "postgresql+psycopg2": "postgresql",
}
# A scheme of two or more letters then ":/" (one letter would be a Windows drive).
_URL = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]+):/")


class StoreUnavailableError(InputError):
    """The store location names a backend this installation cannot open."""


@dataclass(frozen=True)
class StoreLocation:
    backend: str
    """"sqlite", "postgresql"..."""
    target: str
    """The database file (SQLite) or the URL (server backends)."""

    @property
    def path(self) -> Path | None:
        """The database file of an embedded backend, else None."""
        return Path(self.target) if self.backend == "sqlite" else None

    def exists(self) -> bool:
        """Whether there is a database to read: the file for SQLite. A server database is
        taken to exist (opening it says clearly when it does not)."""
        path = self.path
        return path.is_file() if path is not None else True

    def __str__(self) -> str:
        """For messages: the path, or the URL without its password."""
        if self.path is not None:
            return str(self.path)
        parts = urlsplit(self.target)
        if parts.password:
            host = parts.hostname or ""
            if parts.port:
                host += f":{parts.port}"
            netloc = f"{parts.username}:***@{host}" if parts.username else host
            parts = parts._replace(netloc=netloc)
        return urlunsplit(parts)


def parse_location(value: str | Path) -> StoreLocation:
    """The backend and target of a path or URL (InputError for an unknown scheme)."""
    text = str(value).strip()
    if not text:
        raise InputError("the database location is empty")
    if text == ":memory:":
        raise InputError("the store needs a database file (threads share it), not :memory:")
    match = _URL.match(text)
    if match is None:
        return StoreLocation("sqlite", text)
    scheme = match["scheme"].lower()
    backend = _SCHEMES.get(scheme)
    if backend is None:
        raise InputError(
            f"unknown database URL scheme {scheme!r}: use a file path, sqlite:///PATH or "
            "postgresql://USER@HOST/DB"
        )
    if backend == "sqlite":
        rest = text[match.end() - 1 :]  # from the first slash
        if not rest.startswith("///") or len(rest) == 3:
            raise InputError(
                "a SQLite URL is sqlite:///relative/path.db or sqlite:////absolute/path.db"
            )
        return StoreLocation("sqlite", rest[3:])
    if not text[match.end() :].startswith("/"):
        # What a Path makes of a URL (postgresql:/host/db): the URL that was meant.
        text = text[: match.end()] + "/" + text[match.end() :]
    return StoreLocation(backend, text)


def open_location(location: StoreLocation) -> Repository:
    """Open (creating and migrating as needed) the store at `location`."""
    spec = BACKENDS.get(location.backend)
    if spec is None:
        raise StoreUnavailableError(f"no {location.backend} backend is installed")
    module, _, function = spec.partition(":")
    opener = getattr(importlib.import_module(module), function)
    return opener(location)
