"""What the SQL repository needs from a database: transactions, a connection, a dialect.

The repository's SQL (records.py, pairs.py, corrections.py, embeddings.py, jobs.py,
glossary.py, qa_cache.py, bulk.py) is written once, in the subset SQLite and PostgreSQL share,
with `?` placeholders. A backend supplies:

- `SQLDatabase.read()` / `write()`: one transaction each, yielding a `Connection`; nested calls
  join the transaction around them. A read sees one consistent snapshot; writes are serialised
  (SQLite: BEGIN IMMEDIATE; PostgreSQL: one transaction-scoped advisory lock), so every
  Repository method behaves the same on both;
- a `Connection`: `execute` / `executemany` returning a cursor whose rows read by position and
  by column name (`row[0]`, `row["id"]`, `row.keys()`), and `insert_id` for an INSERT's new id;
- its `Dialect`: the few things the two spell differently (string aggregation,
  case-insensitive LIKE, the concordance index, filling a bulk-load staging table).
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import fields
from functools import cache
from typing import Any, Protocol, TypeVar

from aligner.errors import NotFoundError


class Cursor(Protocol):
    rowcount: int

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Any: ...


class Connection(Protocol):
    dialect: Dialect

    def execute(self, sql: str, params: Sequence[Any] = ...) -> Cursor: ...

    def executemany(self, sql: str, seq: Iterable[Sequence[Any]]) -> Any: ...

    def insert_id(self, sql: str, params: Sequence[Any]) -> int:
        """Run an INSERT of one row into a table with an `id` key; its new id."""
        ...


class Dialect(ABC):
    name: str
    like: str = "LIKE"
    """The operator of a case-insensitive LIKE (SQLite's LIKE already is, for ASCII)."""
    integrity_errors: tuple[type[BaseException], ...] = ()
    """Exceptions of a broken UNIQUE or foreign-key constraint."""

    @abstractmethod
    def group_concat(self, expr: str) -> str:
        """`expr`'s values of a group joined with commas."""

    @abstractmethod
    def concordance(self, columns: Sequence[str], needle: str) -> tuple[str, list[Any]]:
        """A WHERE clause (on `pairs p`) and its parameters: the pairs whose matching form in
        one of `columns` (zh_norm, en_norm) contains `needle` (folded, non-empty),
        case-insensitively. Both backends give the same pairs; only the index differs."""

    @abstractmethod
    def fill_stage(
        self, c: Connection, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]
    ) -> None:
        """Put `rows` into the (temporary) staging table `table` of a bulk load."""

    def after_load(self, c: Connection, added: int) -> None:
        """After a bulk load added `added` pairs (e.g. refresh the planner's statistics)."""
        return None

    def temp_table(self, name: str, columns: str) -> str:
        """DDL of a staging table dropped at the end of the transaction."""
        return f"CREATE TEMP TABLE {name} ({columns})"

    def drop_temp(self, name: str) -> str | None:
        """What drops a staging table when the transaction does not (None: nothing)."""
        return f"DROP TABLE IF EXISTS temp.{name}"


class SQLDatabase(ABC):
    """A database the SQL repository runs on."""

    dialect: Dialect

    @abstractmethod
    def read(self) -> AbstractContextManager[Connection]:
        """A read transaction: one consistent snapshot for every query inside it."""

    @abstractmethod
    def write(self) -> AbstractContextManager[Connection]:
        """A write transaction: all of it is committed, or none of it; one writer at a time."""

    @abstractmethod
    def close(self) -> None: ...


# --- helpers shared by the repository's modules --------------------------------------------


def record_id(c: Connection, symbol: str) -> int:
    row = c.execute("SELECT id FROM records WHERE symbol = ?", (symbol,)).fetchone()
    if row is None:
        raise NotFoundError(f"no record {symbol!r}")
    return int(row["id"])


def bump(c: Connection) -> None:
    """Pairs changed: move the counter caches key on (Repository.data_version)."""
    c.execute("UPDATE store_state SET value = value + 1 WHERE key = 'pairs_version'")


def j(value: str | None) -> Any:
    return None if value is None else json.loads(value)


def like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


_Row = TypeVar("_Row")


def from_row(cls: type[_Row], row: Any, *, json_fields: Sequence[str] = (), **values: Any) -> _Row:
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
