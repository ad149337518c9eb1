"""Versioned schema migrations of the SQLite store: append-only ordered lists, one per
namespace. (A server backend brings its own migration lists in its package, with the same
rules: numbered, append-only, applied in order, a newer database refused.)

The store's own tables live in the "core" namespace (aligner/store/sqlite/schema.py). A
module that needs tables of its own (the glossary, QA caches...) registers its own namespace
instead of editing core's list:

    from aligner.store.migrations import Migration, register_migrations

    register_migrations("glossary", [
        Migration(1, "glossary aliases", "CREATE TABLE glossary_aliases (...);"),
        Migration(2, "index on aliases", "CREATE INDEX ...;"),   # appended later, never edited
    ])

Rules, checked at start-up:
- versions inside a namespace are 1, 2, 3... with no gaps; a shipped migration is never edited
  or removed, a change is a new migration appended at the end;
- "core" is applied first, the other namespaces after it in registration order, so they may
  reference core tables;
- a database that has applied a version this code does not know is refused (it was written by a
  newer verbalign), rather than silently used.

Each migration runs in the transaction that records it in `schema_migrations`, so a failing
migration leaves the database at the previous version. `apply` is SQL (a script of statements)
or a function of the connection for data migrations. The registering module must be imported
before the store opens a database; modules listed in EXTENSION_MODULES are imported by
`apply_migrations` itself, so a new extension is one line there.
"""

from __future__ import annotations

import importlib
import importlib.util
import sqlite3
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from aligner.errors import VerbalignError

CORE = "core"

EXTENSION_MODULES: tuple[str, ...] = (
    "aligner.store.sqlite.glossary",
    "aligner.store.sqlite.qa_cache",
)
"""Modules that register migrations of their own; imported (when present) before migrating."""


class MigrationError(VerbalignError):
    """The database schema cannot be brought to the version this code expects."""

    exit_code = 4
    http_status = 500


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: str | Callable[[sqlite3.Connection], None]


_registry: dict[str, list[Migration]] = {}
_lock = threading.Lock()


def register_migrations(namespace: str, migrations: Iterable[Migration]) -> None:
    """Add `migrations` at the end of `namespace`'s list (idempotent for a re-imported module)."""
    new = list(migrations)
    with _lock:
        current = _registry.setdefault(namespace, [])
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


def registered() -> dict[str, list[Migration]]:
    """Namespaces in application order (core first) with their migrations."""
    with _lock:
        ordered = {CORE: list(_registry.get(CORE, []))}
        for ns, migs in _registry.items():
            if ns != CORE:
                ordered[ns] = list(migs)
        return ordered


def load_extensions() -> None:
    for name in EXTENSION_MODULES:
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name)


_BOOKKEEPING = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    namespace  TEXT NOT NULL,
    version    INTEGER NOT NULL,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL,
    PRIMARY KEY (namespace, version)
)
"""


def applied_versions(conn: sqlite3.Connection) -> dict[str, int]:
    conn.execute(_BOOKKEEPING)
    rows = conn.execute(
        "SELECT namespace, MAX(version) FROM schema_migrations GROUP BY namespace"
    ).fetchall()
    return {ns: int(v) for ns, v in rows}


def apply_migrations(conn: sqlite3.Connection) -> list[str]:
    """Bring the database up to date; returns the "namespace/version name" strings applied.

    `conn` must be in autocommit mode (isolation_level=None): each migration gets its own
    BEGIN IMMEDIATE ... COMMIT, which also serialises two processes migrating at once.
    """
    from aligner.store.sqlite import schema  # noqa: F401  (registers the core migrations)

    load_extensions()
    done: list[str] = []
    conn.execute(_BOOKKEEPING)
    for namespace, migrations in registered().items():
        for m in migrations:
            conn.execute("BEGIN IMMEDIATE")
            try:
                current = applied_versions(conn).get(namespace, 0)
                if m.version <= current:
                    conn.execute("COMMIT")
                    continue
                if m.version != current + 1:
                    raise MigrationError(
                        f"database is at {namespace} version {current}, cannot apply {m.version}"
                    )
                if isinstance(m.apply, str):
                    for statement in _statements(m.apply):
                        conn.execute(statement)
                else:
                    m.apply(conn)
                conn.execute(
                    "INSERT INTO schema_migrations (namespace, version, name, applied_at) "
                    "VALUES (?, ?, ?, ?)",
                    (namespace, m.version, m.name, datetime.now(UTC).isoformat()),
                )
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            done.append(f"{namespace}/{m.version} {m.name}")
    _refuse_newer(conn)
    return done


def _refuse_newer(conn: sqlite3.Connection) -> None:
    known = {ns: len(migs) for ns, migs in registered().items()}
    for ns, version in applied_versions(conn).items():
        if version > known.get(ns, 0):
            raise MigrationError(
                f"the database has {ns} schema version {version}, newer than this verbalign "
                f"knows ({known.get(ns, 0)}): upgrade verbalign or use another database"
            )


def _statements(script: str) -> list[str]:
    """Split an SQL script into complete statements (trigger bodies contain semicolons)."""
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        raise MigrationError(f"incomplete SQL statement in migration: {buf.strip()[:80]!r}")
    return out
