"""How SQLite spells what the SQL repository needs (aligner/store/sql/database.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from aligner.store.sql.database import Connection, Dialect, like


class SQLiteDialect(Dialect):
    name = "sqlite"
    like = "LIKE"  # case-insensitive for ASCII
    integrity_errors = (sqlite3.IntegrityError,)

    def group_concat(self, expr: str) -> str:
        return f"group_concat({expr})"

    def concordance(self, columns: Sequence[str], needle: str) -> tuple[str, list[Any]]:
        if len(needle) >= 3:
            # The FTS5 trigram index (schema.py): a quoted FTS5 string is a phrase, which for
            # the trigram tokenizer is a substring, matched case-insensitively.
            phrase = '"' + needle.replace('"', '""') + '"'
            query = "{" + " ".join(columns) + "} : " + phrase
            return "p.id IN (SELECT rowid FROM pairs_fts WHERE pairs_fts MATCH ?)", [query]
        # Trigrams cannot index 1-2 characters: scan the matching forms instead.
        pattern = like(needle)
        clause = " OR ".join(f"p.{col} LIKE ? ESCAPE '\\'" for col in columns)
        return f"({clause})", [pattern] * len(columns)

    def fill_stage(
        self, c: Connection, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]
    ) -> None:
        marks = ", ".join("?" * len(columns))
        c.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)


SQLITE = SQLiteDialect()
