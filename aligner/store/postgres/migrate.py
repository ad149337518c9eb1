"""The migration runner's view of a PostgreSQL database (aligner/store/migrations.py)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg

from aligner.store.migrations import Migration, MigrationTarget

MIGRATION_LOCK = 0x7665_7262_616C_6E00
"""Advisory lock held by a migration's transaction: two processes opening a new database at
once take turns, and the second finds the work done."""


class PgMigrations(MigrationTarget):
    backend = "postgresql"

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.conn = conn  # autocommit mode: each migration is its own transaction block

    @contextmanager
    def transaction(self) -> Iterator[psycopg.Connection[Any]]:
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            yield self.conn

    def run_script(self, conn: psycopg.Connection[Any], script: str) -> None:
        # No parameters: psycopg sends the script as one simple query, statements and all
        # (function bodies keep their semicolons), in the migration's transaction.
        conn.execute(script)  # type: ignore[arg-type]

    def record(
        self, conn: psycopg.Connection[Any], namespace: str, migration: Migration, stamp: str
    ) -> None:
        conn.execute(
            "INSERT INTO schema_migrations (namespace, version, name, applied_at) "
            "VALUES (%s, %s, %s, %s)",
            (namespace, migration.version, migration.name, stamp),
        )
