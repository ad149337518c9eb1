"""Versioned schema migrations: append-only ordered lists, one per namespace and backend.

Each backend keeps its own lists (the SQL differs: aligner/store/sqlite/schema.py,
aligner/store/postgres/schema.py) and one runner applies them (`run_migrations`). The store's
own tables live in the "core" namespace. A module that needs tables of its own registers its
own namespace instead of editing core's list, once per backend it supports:

    from aligner.store.migrations import Migration, register_migrations

    register_migrations("notes", [
        Migration(1, "pair notes", "CREATE TABLE pair_notes (...);"),
        Migration(2, "index on notes", "CREATE INDEX ...;"),   # appended later, never edited
    ])                                                          # backend="sqlite" by default
    register_migrations("notes", [...], backend="postgresql")

Rules, checked at start-up:
- versions inside a namespace are 1, 2, 3... with no gaps; a shipped migration is never edited
  or removed, a change is a new migration appended at the end;
- "core" is applied first, the other namespaces after it in registration order, so they may
  reference core tables;
- a database that has applied a version this code does not know is refused (it was written by a
  newer verbalign), rather than silently used.

Each migration runs in the transaction that records it in `schema_migrations`, so a failing
migration leaves the database at the previous version, and two processes migrating at once
take turns (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock). `apply` is SQL (a script
of statements) or a function of the connection for data migrations. The registering module
must be imported before the store opens a database: each backend's schema module is
(SCHEMA_MODULES), and modules listed in EXTENSION_MODULES are imported by the runner itself,
so a new extension is one line there.
"""

from __future__ import annotations

import importlib
import importlib.util
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from aligner.errors import VerbalignError

if TYPE_CHECKING:
    import sqlite3

CORE = "core"
SQLITE = "sqlite"

SCHEMA_MODULES: dict[str, str] = {
    "sqlite": "aligner.store.sqlite.schema",
    "postgresql": "aligner.store.postgres.schema",
}
"""Each backend's own migration lists (core, glossary, qa), imported before migrating."""

EXTENSION_MODULES: tuple[str, ...] = ()
"""Other modules that register migrations of their own; imported (when present) before
migrating any backend."""


class MigrationError(VerbalignError):
    """The database schema cannot be brought to the version this code expects."""

    exit_code = 4
    http_status = 500


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: str | Callable[[Any], None]
    """SQL, or a function of the backend's connection (inside the migration's transaction)."""


_registry: dict[str, list[Migration]] = {}
"""SQLite's namespaces (the default backend); other backends' are in _by_backend."""
_by_backend: dict[str, dict[str, list[Migration]]] = {}
_lock = threading.Lock()


def _namespaces(backend: str) -> dict[str, list[Migration]]:
    return _registry if backend == SQLITE else _by_backend.setdefault(backend, {})


def register_migrations(
    namespace: str, migrations: Iterable[Migration], *, backend: str = SQLITE
) -> None:
    """Add `migrations` at the end of `namespace`'s list of `backend` (idempotent for a
    re-imported module)."""
    new = list(migrations)
    with _lock:
        current = _namespaces(backend).setdefault(namespace, [])
        known = {m.version: m for m in current}
        for m in new:
            if m.version in known:
                if known[m.version].name != m.name:
                    raise MigrationError(
                        f"migration {namespace}/{m.version} registered twice with different "
                        f"names ({known[m.version].name!r}, {m.name!r})"
                    )
                continue
            expected = len(current) + 1
            if m.version != expected:
                raise MigrationError(
                    f"migration {namespace}/{m.version} ({m.name!r}) is out of order: "
                    f"the next version of {namespace!r} must be {expected}"
                )
            current.append(m)
            known[m.version] = m


def registered(backend: str = SQLITE) -> dict[str, list[Migration]]:
    """`backend`'s namespaces in application order (core first) with their migrations."""
    with _lock:
        namespaces = _namespaces(backend)
        ordered = {CORE: list(namespaces.get(CORE, []))}
        for ns, migs in namespaces.items():
            if ns != CORE:
                ordered[ns] = list(migs)
        return ordered


def load_schema(backend: str) -> None:
    """Import the modules that register `backend`'s migrations."""
    importlib.import_module(SCHEMA_MODULES[backend])
    for name in EXTENSION_MODULES:
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name)


BOOKKEEPING = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    namespace  TEXT NOT NULL,
    version    INTEGER NOT NULL,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL,
    PRIMARY KEY (namespace, version)
)
"""


def applied_versions(conn: Any) -> dict[str, int]:
    """namespace → the last version applied (any backend's connection)."""
    conn.execute(BOOKKEEPING)
    rows = conn.execute(
        "SELECT namespace, MAX(version) FROM schema_migrations GROUP BY namespace"
    ).fetchall()
    return {ns: int(v) for ns, v in rows}


class MigrationTarget(ABC):
    """A database being migrated, as the runner sees it."""

    backend: str

    @abstractmethod
    def transaction(self) -> AbstractContextManager[Any]:
        """One migration's transaction, exclusive among processes migrating the same database;
        yields the connection (committed at the end, rolled back on an error)."""

    @abstractmethod
    def run_script(self, conn: Any, script: str) -> None:
        """Run an SQL script of one or more statements."""

    @abstractmethod
    def record(self, conn: Any, namespace: str, migration: Migration, stamp: str) -> None:
        """Note the migration as applied in schema_migrations."""

    def applied(self, conn: Any) -> dict[str, int]:
        return applied_versions(conn)


def run_migrations(target: MigrationTarget) -> list[str]:
    """Bring the database up to date; returns the "namespace/version name" strings applied."""
    load_schema(target.backend)
    done: list[str] = []
    for namespace, migrations in registered(target.backend).items():
        for m in migrations:
            with target.transaction() as conn:
                current = target.applied(conn).get(namespace, 0)
                if m.version <= current:
                    continue
                if m.version != current + 1:
                    raise MigrationError(
                        f"database is at {namespace} version {current}, cannot apply {m.version}"
                    )
                if isinstance(m.apply, str):
                    target.run_script(conn, m.apply)
                else:
                    m.apply(conn)
                target.record(conn, namespace, m, datetime.now(UTC).isoformat())
            done.append(f"{namespace}/{m.version} {m.name}")
    with target.transaction() as conn:
        refuse_newer(target.backend, target.applied(conn))
    return done


def refuse_newer(backend: str, applied: dict[str, int]) -> None:
    known = {ns: len(migs) for ns, migs in registered(backend).items()}
    for ns, version in applied.items():
        if version > known.get(ns, 0):
            raise MigrationError(
                f"the database has {ns} schema version {version}, newer than this verbalign "
                f"knows ({known.get(ns, 0)}): upgrade verbalign or use another database"
            )


def apply_migrations(conn: sqlite3.Connection) -> list[str]:
    """Bring a SQLite database up to date (`conn` in autocommit mode, isolation_level=None:
    each migration gets its own BEGIN IMMEDIATE ... COMMIT)."""
    from aligner.store.sqlite.migrate import SQLiteMigrations

    return run_migrations(SQLiteMigrations(conn))
