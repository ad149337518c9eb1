"""The PostgreSQL repository: the server store (psycopg 3, a connection pool, pg_trgm).

`PostgresStore` is the SQL repository (aligner/store/sql/) on a PostgreSQL database:
database.py (pool, transactions, placeholders), dialect.py (trigram concordance, COPY into
staging tables), schema.py (the migrations), migrate.py. Chosen by a URL:
`VERBALIGN_DB=postgresql://user:password@host:5432/dbname` (or `--db`); the database must be
UTF-8 and able to create the pg_trgm extension. Needs the `postgres` extra:
`pip install 'verbalign[postgres]'`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aligner.store.location import StoreLocation, StoreUnavailableError

if TYPE_CHECKING:
    from aligner.store.repository import Repository

EXTRA_HINT = "pip install 'verbalign[postgres]'"


def open_postgres(location: StoreLocation) -> Repository:
    try:
        import psycopg  # noqa: F401
        import psycopg_pool  # noqa: F401
    except ImportError:
        raise StoreUnavailableError(
            f"the PostgreSQL backend needs psycopg 3 and psycopg_pool: {EXTRA_HINT}"
        ) from None
    from aligner.store.postgres.store import PostgresStore

    return PostgresStore(location)


__all__ = ["EXTRA_HINT", "open_postgres"]
