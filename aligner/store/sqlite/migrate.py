"""The migration runner's view of a SQLite database (aligner/store/migrations.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from aligner.store.migrations import Migration, MigrationError, MigrationTarget


class SQLiteMigrations(MigrationTarget):
    backend = "sqlite"

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn  # autocommit mode (isolation_level=None)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        # BEGIN IMMEDIATE also serialises two processes migrating at once.
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def run_script(self, conn: sqlite3.Connection, script: str) -> None:
        for statement in statements(script):
            conn.execute(statement)

    def record(
        self, conn: sqlite3.Connection, namespace: str, migration: Migration, stamp: str
    ) -> None:
        conn.execute(
            "INSERT INTO schema_migrations (namespace, version, name, applied_at) "
            "VALUES (?, ?, ?, ?)",
            (namespace, migration.version, migration.name, stamp),
        )


def statements(script: str) -> list[str]:
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
