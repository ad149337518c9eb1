"""The PostgreSQL database under the store: a psycopg 3 connection pool and transactions.

Why PostgreSQL: a server store for many users and archive-scale corpora, with concurrent
readers, a real network protocol and the usual backups. The semantics are SQLite's: every
Repository method is one transaction; a read transaction is one REPEATABLE READ snapshot (a
reader never sees half a re-import); write transactions take one transaction-scoped advisory
lock, so writers follow one another as they do on SQLite (BEGIN IMMEDIATE) and the
read-modify-write rules of aligner/store/ never interleave.

The repository's SQL uses `?` placeholders (aligner/store/sql/database.py); `PgConnection`
turns them into psycopg's `%s` and gives rows that read by position and by column name.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, suppress
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout

from aligner.store.location import StoreLocation, StoreUnavailableError
from aligner.store.migrations import MigrationError, run_migrations
from aligner.store.postgres.dialect import PostgresDialect
from aligner.store.postgres.migrate import PgMigrations
from aligner.store.sql.database import SQLDatabase

POSTGRES = PostgresDialect()
WRITE_LOCK = 0x7665_7262_616C_6E01  # "verbaln" + 1: the advisory lock every writer takes
POOL_ENV = "VERBALIGN_DB_POOL"
DEFAULT_POOL = 10
CONNECT_TIMEOUT = 10


class Row(tuple):
    """A result row: `row[0]`, `row["name"]`, `row.keys()` (what sqlite3.Row offers)."""

    __slots__ = ()
    _names: tuple[str, ...] = ()
    _index: dict[str, int] = {}  # noqa: RUF012  (set per query shape by _row_class)

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


@lru_cache(maxsize=1024)
def _row_class(names: tuple[str, ...]) -> type[Row]:
    index: dict[str, int] = {}
    for i, name in enumerate(names):
        index.setdefault(name, i)  # a repeated name reads as its first column, as in SQLite
    return type("Row", (Row,), {"__slots__": (), "_names": names, "_index": index})


def rows(cursor: Any) -> Any:
    """psycopg row factory making `Row`s."""
    description = cursor.description
    if description is None:
        return tuple
    return _row_class(tuple(c.name for c in description))


@lru_cache(maxsize=2048)
def pg_sql(sql: str) -> str:
    """`?` placeholders → `%s`, and a literal `%` doubled (psycopg reads every `%`)."""
    parts = sql.replace("%", "%%").split("'")
    for i in range(0, len(parts), 2):  # outside string literals
        parts[i] = parts[i].replace("?", "%s")
    return "'".join(parts)


class PgConnection:
    """A pooled psycopg connection as the SQL repository uses it."""

    dialect = POSTGRES

    def __init__(self, raw: psycopg.Connection[Any]) -> None:
        self.raw = raw

    def execute(self, sql: str, params: Sequence[Any] = ()) -> psycopg.Cursor[Any]:
        return self.raw.execute(pg_sql(sql), params)

    def executemany(self, sql: str, seq: Iterable[Sequence[Any]]) -> psycopg.Cursor[Any]:
        cur = self.raw.cursor()
        cur.executemany(pg_sql(sql), list(seq))
        return cur

    def insert_id(self, sql: str, params: Sequence[Any]) -> int:
        row = self.raw.execute(pg_sql(sql) + " RETURNING id", params).fetchone()
        assert row is not None
        return int(row[0])


def conninfo(location: StoreLocation) -> str:
    """The URL psycopg connects with (SQLAlchemy's "+psycopg" spelling dropped)."""
    url = location.target
    scheme, sep, rest = url.partition("://")
    return "postgresql" + sep + rest if "+" in scheme else url


def one_line(exc: BaseException, location: StoreLocation) -> str:
    """A driver error as one line without the password."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    password = urlsplit(location.target).password
    return text.replace(password, "***") if password else text


class PostgresDatabase(SQLDatabase):
    """A PostgreSQL database reached through a pool of autocommit connections, every
    transaction explicit (`read()`, `write()`); nested calls join the outer transaction."""

    dialect = POSTGRES

    def __init__(self, location: StoreLocation, *, pool_size: int | None = None) -> None:
        self.where = location
        self._conninfo = conninfo(location)
        self._local = threading.local()
        self._closed = False
        self._check_and_migrate()
        size = pool_size or int(os.environ.get(POOL_ENV) or DEFAULT_POOL)
        self._pool = ConnectionPool(
            self._conninfo,
            min_size=1,
            max_size=max(1, size),
            kwargs={"autocommit": True, "row_factory": rows, **self._connect_args()},
            configure=_configure,
            name="verbalign",
            timeout=30.0,
            open=True,
        )

    def _connect_args(self) -> dict[str, Any]:
        if "connect_timeout" in self._conninfo or os.environ.get("PGCONNECT_TIMEOUT"):
            return {}
        return {"connect_timeout": CONNECT_TIMEOUT}

    def _check_and_migrate(self) -> None:
        try:
            conn = psycopg.connect(self._conninfo, autocommit=True, **self._connect_args())
        except psycopg.Error as exc:
            raise StoreUnavailableError(
                f"cannot connect to the database {self.where}: {one_line(exc, self.where)}"
            ) from None
        with conn:
            encoding = conn.execute("SHOW server_encoding").fetchone()
            if encoding is None or encoding[0].upper() not in ("UTF8", "UTF-8"):
                raise StoreUnavailableError(
                    f"the database {self.where} is in {encoding and encoding[0]}, not UTF-8: "
                    "create it with ENCODING 'UTF8' (Chinese text and its concordance need it)"
                )
            try:
                run_migrations(PgMigrations(conn))
            except psycopg.Error as exc:
                raise MigrationError(
                    f"cannot prepare the database {self.where}: {one_line(exc, self.where)}"
                    + _hint(exc)
                ) from None

    def read(self) -> AbstractContextManager[PgConnection]:
        return self._transaction(write=False)

    def write(self) -> AbstractContextManager[PgConnection]:
        return self._transaction(write=True)

    @contextmanager
    def _transaction(self, *, write: bool) -> Iterator[PgConnection]:
        current: PgConnection | None = getattr(self._local, "conn", None)
        if current is not None:  # nested: part of the transaction around it
            yield current
            return
        if self._closed:
            raise RuntimeError("the store is closed")
        try:
            with self._pool.connection() as raw:
                conn = PgConnection(raw)
                if write:
                    raw.execute("BEGIN")
                    raw.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                else:
                    raw.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
                self._local.conn = conn
                try:
                    yield conn
                except BaseException:
                    self._local.conn = None
                    _rollback(raw)
                    raise
                self._local.conn = None
                raw.execute("COMMIT")
        except PoolTimeout:
            raise StoreUnavailableError(
                f"no connection to the database {self.where} came free in time"
            ) from None
        except psycopg.OperationalError as exc:
            raise StoreUnavailableError(
                f"lost the database {self.where}: {one_line(exc, self.where)}"
            ) from None

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._pool.close()


def _configure(raw: psycopg.Connection[Any]) -> None:
    # psycopg prepares a query run five times; a prepared concordance query must still be
    # planned with its pattern, or its generic plan cannot use the trigram index.
    raw.execute("SET plan_cache_mode = force_custom_plan")


def _rollback(raw: psycopg.Connection[Any]) -> None:
    with suppress(psycopg.Error):  # the connection is gone: the pool discards it
        raw.execute("ROLLBACK")


def _hint(exc: psycopg.Error) -> str:
    text = str(exc)
    if "pg_trgm" in text or "extension" in text:
        return (
            " (the concordance needs the pg_trgm extension: install PostgreSQL's contrib "
            "modules, or have a superuser run CREATE EXTENSION pg_trgm in this database)"
        )
    return ""
