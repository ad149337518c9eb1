"""`PostgresStore`: the SQL repository on a PostgreSQL database."""

from __future__ import annotations

from aligner.store.location import StoreLocation
from aligner.store.postgres.database import PostgresDatabase
from aligner.store.sql import SQLRepository


class PostgresStore(PostgresDatabase, SQLRepository):
    def __init__(self, location: StoreLocation, *, pool_size: int | None = None) -> None:
        PostgresDatabase.__init__(self, location, pool_size=pool_size)
        SQLRepository.__init__(self)

    @property
    def location(self) -> str:
        return str(self.where)
