"""How PostgreSQL spells what the SQL repository needs (aligner/store/sql/database.py).

Concordance: pg_trgm's GIN trigram indexes on the matching forms answer a query of three or
more characters (`ILIKE`, which the trigram index serves, case-folded like SQLite's FTS5
trigram index); a query of one or two characters, which has no trigram, uses the GIN index of
each text's non-ASCII characters when the query has some (schema.py: the rows holding them),
and is checked with an ASCII-only case-insensitive match, as SQLite's LIKE is. An index only
narrows the rows down: the match itself is the same substring test as SQLite's, so both
backends return the same pairs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from aligner.store.postgres.schema import CONCORDANCE_INDEXES, NON_ASCII_CHARS
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
        if len(needle) >= 3:
            pattern = like(needle)
            # No ESCAPE clause: backslash is PostgreSQL's default, and an explicit one would
            # hide the constant pattern from the trigram index's planner support.
            clause = " OR ".join(f"p.{col} ILIKE ?" for col in columns)
            return f"({clause})", [pattern] * len(columns)
        # 1-2 characters: a case-sensitive LIKE per ASCII case variant (SQLite's LIKE folds
        # ASCII letters only; cheaper per row than ILIKE, which lowers the whole text), and,
        # when the query has characters outside ASCII (Chinese), the index of those.
        variants = [like(v) for v in _ascii_case_variants(needle)]
        wide = list(dict.fromkeys(ch for ch in needle if not ch.isascii()))
        clause, params = [], []
        for col in columns:
            likes = " OR ".join([f'p.{col} COLLATE "C" LIKE ?'] * len(variants))
            params += variants
            if wide:
                chars = NON_ASCII_CHARS.format(col=f"p.{col}")
                clause.append(f"(({likes}) AND {chars} @> ?::text[])")
                params.append(wide)
            else:
                clause.append(f"({likes})")
        return "(" + " OR ".join(clause) + ")", params

    def fill_stage(
        self, c: Connection, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]
    ) -> None:
        raw = c.raw  # type: ignore[attr-defined]  (PgConnection)
        with raw.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as cp:
            for row in rows:
                cp.write_row(row)

    def after_load(self, c: Connection, added: int) -> None:
        if not added:
            return
        # A GIN index takes new rows into a pending list that every search then reads
        # through, until (auto)vacuum merges it: merged at once, a search right after a load
        # costs what it costs later (bench.corpus_load, 38,700 pairs: "安全理事会" 515 ms
        # unmerged, 46 ms merged).
        for index in CONCORDANCE_INDEXES:
            c.execute(f"SELECT gin_clean_pending_list('{index}'::regclass)")
        # Fresh statistics once a load has grown the pairs by a tenth, so that the planner
        # uses the concordance indexes and joins the turns well at once (autovacuum would,
        # within a minute or so).
        row = c.execute("SELECT reltuples FROM pg_class WHERE oid = 'pairs'::regclass").fetchone()
        if row is None or added * 10 >= max(float(row[0]), 0.0):
            c.execute("ANALYZE records, turns, pairs")

    def temp_table(self, name: str, columns: str) -> str:
        return f"CREATE TEMP TABLE {name} ({columns}) ON COMMIT DROP"

    def drop_temp(self, name: str) -> str | None:
        return None


def _ascii_case_variants(text: str) -> list[str]:
    """Every spelling of `text` with its ASCII letters in either case ("un": un, uN, Un, UN)."""
    out = [""]
    for ch in text:
        cases = dict.fromkeys([ch, ch.upper()] if ch.isascii() and ch.isalpha() else [ch])
        out = [head + c for head in out for c in cases]
    return out
