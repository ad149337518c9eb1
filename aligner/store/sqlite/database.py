"""The SQLite database under the store: per-thread connections, transactions, row mapping.

Why SQLite: nothing to install or run, one file to back up, and WAL lets any number of readers
work while one writer commits, which is what a review service with occasional imports needs.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from aligner.errors import InputError
from aligner.store.migrations import apply_migrations
from aligner.store.sql.database import SQLDatabase
from aligner.store.sqlite.dialect import SQLITE

log = logging.getLogger(__name__)

CLOSE_WAIT_SECONDS = 60.0
"""How long close() waits for other threads' transactions to end before it gives up closing."""


class SQLiteConnection(sqlite3.Connection):
    """sqlite3's connection with what the SQL repository asks of every backend's."""

    dialect = SQLITE

    def insert_id(self, sql: str, params: Sequence[Any]) -> int:
        rowid = self.execute(sql, params).lastrowid
        assert rowid is not None
        return int(rowid)


class SQLiteDatabase(SQLDatabase):
    """A database file shared by threads: one connection per thread, autocommit mode, every
    transaction explicit (`read()`, `write()`)."""

    dialect = SQLITE

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
        self._all: list[SQLiteConnection] = []
        self._all_lock = threading.Lock()
        # Transactions running in any thread: close() waits for them, because closing a
        # connection another thread is reading from crashes the process (SIGSEGV), not just
        # the read.
        self._activity = threading.Condition()
        self._active = 0
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

    def _conn(self) -> SQLiteConnection:
        if self._closed:
            raise RuntimeError("the store is closed")
        conn: SQLiteConnection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(
                self.path,
                timeout=self._timeout,
                isolation_level=None,
                check_same_thread=False,
                factory=SQLiteConnection,
            )
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute(f"PRAGMA busy_timeout={int(self._timeout * 1000)}")
            self._local.conn = conn
            with self._all_lock:
                self._all.append(conn)
        return conn

    def read(self) -> AbstractContextManager[SQLiteConnection]:
        """A read transaction: one consistent snapshot for every query inside it."""
        return self._transaction("BEGIN")

    def write(self) -> AbstractContextManager[SQLiteConnection]:
        """A write transaction (BEGIN IMMEDIATE): all of it is committed, or none of it."""
        return self._transaction("BEGIN IMMEDIATE")

    @contextmanager
    def _transaction(self, begin: str) -> Iterator[SQLiteConnection]:
        conn = self._conn()
        if conn.in_transaction:  # nested: part of the transaction around it
            yield conn
            return
        with self._activity:
            if self._closed:
                raise RuntimeError("the store is closed")
            self._active += 1
        try:
            conn.execute(begin)
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        finally:
            with self._activity:
                self._active -= 1
                self._activity.notify_all()

    def close(self) -> None:
        """Refuse new transactions, wait for running ones (a background reader such as a TM
        index rebuild), then close every thread's connection."""
        with self._activity:
            self._closed = True
            idle = self._activity.wait_for(lambda: self._active == 0, CLOSE_WAIT_SECONDS)
        if not idle:
            # Closing under a running query would crash the process: leave the connections
            # to their threads, which close them when they end.
            log.warning(
                "%s: transactions still running after %.0f s; not closing their connections",
                self.path,
                CLOSE_WAIT_SECONDS,
            )
            return
        with self._all_lock:
            for conn in self._all:
                conn.close()
            self._all.clear()
