"""How PostgreSQL spells what the SQL repository needs (aligner/store/sql/database.py).

Concordance: pg_trgm's GIN trigram indexes on the matching forms answer a query of three or
more characters (`ILIKE`, which the trigram index serves, case-folded like SQLite's FTS5
trigram index); a query of one or two characters, which has no trigram, uses the GIN index of
each text's characters (schema.py: the rows holding both characters of the query) and is
then checked with an ASCII-only case-insensitive match, as SQLite's LIKE is. An index only
narrows the rows down: the match itself is the same substring test as SQLite's, so both
backends return the same pairs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from aligner.store.sql.database import Connection, Dialect, like


class PostgresDialect(Dialect):
    name = "postgresql"
    like = "ILIKE"

    def __init__(self) -> None:
        import psycopg

        self.integrity_errors = (psycopg.IntegrityError,)

    def group_concat(self, expr: str) -> str:
        return f"string_agg({expr}, ',')"

    def concordance(self, columns: Sequence[str], needle: str) -> tuple[str, list[Any]]:
        pattern = like(needle)
        if len(needle) >= 3:
            # No ESCAPE clause: backslash is PostgreSQL's default, and an explicit one would
            # hide the constant pattern from the trigram index's planner support.
            clause = " OR ".join(f"p.{col} ILIKE ?" for col in columns)
            return f"({clause})", [pattern] * len(columns)
        # `needle` is case-folded already: its characters are as the index lower-cases them.
        chars = list(dict.fromkeys(needle))
        parts = [
            f'(string_to_array(lower(p.{col} COLLATE "C"), NULL) @> ?::text[] '
            f'AND p.{col} COLLATE "C" ILIKE ?)'
            for col in columns
        ]
        return "(" + " OR ".join(parts) + ")", [chars, pattern] * len(columns)

    def fill_stage(
        self, c: Connection, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]
    ) -> None:
        raw = c.raw  # type: ignore[attr-defined]  (PgConnection)
        with raw.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as cp:
            for row in rows:
                cp.write_row(row)

    def temp_table(self, name: str, columns: str) -> str:
        return f"CREATE TEMP TABLE {name} ({columns}) ON COMMIT DROP"

    def drop_temp(self, name: str) -> str | None:
        return None
