"""The SQLite database under the store: per-thread connections, transactions, row mapping.

Why SQLite: nothing to install or run, one file to back up, and WAL lets any number of readers
work while one writer commits, which is what a review service with occasional imports needs.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import fields
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from aligner.errors import InputError, NotFoundError
from aligner.store.migrations import apply_migrations


class SQLiteDatabase:
    """A database file shared by threads: one connection per thread, autocommit mode, every
    transaction explicit (`read()`, `write()`)."""

    def __init__(self, path: str | Path, *, timeout: float = 30.0) -> None:
        self.path = Path(path)
        if str(path) == ":memory:":
            raise InputError("the store needs a database file (threads share it), not :memory:")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(
                f"cannot create the database folder {self.path.parent}: {exc.strerror or exc}"
            ) from None
        self._timeout = timeout
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._all_lock = threading.Lock()
        self._closed = False
        try:
            conn = self._conn()
            conn.execute("PRAGMA journal_mode=WAL")
        except sqlite3.DatabaseError as exc:
            self.close()
            raise InputError(f"{self.path} is not a verbalign database: {exc}") from exc
        try:
            apply_migrations(conn)
        except BaseException:
            self.close()
            raise

    def _conn(self) -> sqlite3.Connection:
        if self._closed:
            raise RuntimeError("the store is closed")
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(
                self.path, timeout=self._timeout, isolation_level=None, check_same_thread=False
            )
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute(f"PRAGMA busy_timeout={int(self._timeout * 1000)}")
            self._local.conn = conn
            with self._all_lock:
                self._all.append(conn)
        return conn

    def read(self) -> AbstractContextManager[sqlite3.Connection]:
        """A read transaction: one consistent snapshot for every query inside it."""
        return self._transaction("BEGIN")

    def write(self) -> AbstractContextManager[sqlite3.Connection]:
        """A write transaction (BEGIN IMMEDIATE): all of it is committed, or none of it."""
        return self._transaction("BEGIN IMMEDIATE")

    @contextmanager
    def _transaction(self, begin: str) -> Iterator[sqlite3.Connection]:
        conn = self._conn()
        if conn.in_transaction:  # nested: part of the transaction around it
            yield conn
            return
        conn.execute(begin)
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def close(self) -> None:
        with self._all_lock:
            for conn in self._all:
                conn.close()
            self._all.clear()
        self._closed = True


# --- helpers shared by the store's modules -------------------------------------------------


def record_id(c: sqlite3.Connection, symbol: str) -> int:
    row = c.execute("SELECT id FROM records WHERE symbol = ?", (symbol,)).fetchone()
    if row is None:
        raise NotFoundError(f"no record {symbol!r}")
    return int(row["id"])


def bump(c: sqlite3.Connection) -> None:
    """Pairs changed: move the counter caches key on (Repository.data_version)."""
    c.execute("UPDATE store_state SET value = value + 1 WHERE key = 'pairs_version'")


def j(value: str | None) -> Any:
    return None if value is None else json.loads(value)


def like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


_Row = TypeVar("_Row")


def from_row(
    cls: type[_Row], row: sqlite3.Row, *, json_fields: Sequence[str] = (), **values: Any
) -> _Row:
    """A row dataclass from a database row: each field not given in `values` is read from the
    column of its name; `json_fields` are stored as JSON text."""
    for name, is_json in _columns_of(cls, tuple(row.keys()), tuple(json_fields)):
        if name not in values:
            values[name] = j(row[name]) if is_json else row[name]
    return cls(**values)


@cache
def _columns_of(
    cls: type, columns: tuple[str, ...], json_fields: tuple[str, ...]
) -> tuple[tuple[str, bool], ...]:
    # Worked out once per query shape: pages of pairs map thousands of rows.
    present = set(columns)
    return tuple(
        (f.name, f.name in json_fields)
        for f in fields(cls)  # type: ignore[arg-type]
        if f.name in present
    )
