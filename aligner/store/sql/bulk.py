"""Bulk load of corpus records (aligner/store/bulk.py) in set-based SQL.

One transaction per call: the rows go into temporary staging tables (PostgreSQL: COPY;
SQLite: batched executemany — the dialect's `fill_stage`), records the store has already are
dropped from the stage, and each stored table is filled with one INSERT ... SELECT ... ON
CONFLICT DO NOTHING from its staging table.
"""

from __future__ import annotations

from collections.abc import Sequence

from aligner.store.bulk import (
    LOAD_REASON,
    STAGE_RECORDS,
    STAGE_TABLES,
    CorpusRecord,
    LoadCounts,
    StageTable,
    stage_rows,
)
from aligner.store.clock import now
from aligner.store.sql.database import Connection, SQLDatabase, bump


class BulkLoad(SQLDatabase):
    def load_corpus(self, records: Sequence[CorpusRecord]) -> LoadCounts:
        symbols = [r.symbol for r in records]
        if len(set(symbols)) != len(symbols):
            raise ValueError("a record appears twice in one load batch")
        # Records stored already are left out before their texts are normalised (a reload
        # costs a read); the staging tables check again inside the write transaction.
        stored = self._stored_symbols(symbols)
        fresh = [r for r in records if r.symbol not in stored]
        if not fresh:
            return LoadCounts(skipped=len(records))
        rows = stage_rows(fresh, now())
        with self.write() as c:
            for table in (STAGE_RECORDS, *STAGE_TABLES):
                _stage(c, table, rows[table.name])
            skipped = c.execute(
                "DELETE FROM stage_records WHERE symbol IN (SELECT symbol FROM records)"
            ).rowcount
            loaded = c.execute(
                "INSERT INTO records (symbol, meta, signature, created_at, updated_at, version, "
                "version_reason) SELECT symbol, meta, signature, stamp, stamp, 1, ? "
                "FROM stage_records WHERE true ORDER BY symbol ON CONFLICT DO NOTHING",
                (LOAD_REASON,),
            ).rowcount
            pairs = 0
            for table in STAGE_TABLES:
                cols = table.names[1:]
                added = c.execute(
                    f"INSERT INTO {table.target} (record_id, {', '.join(cols)}) "
                    f"SELECT r.id, {', '.join('s.' + col for col in cols)} "
                    f"FROM {table.name} s JOIN stage_records n ON n.symbol = s.symbol "
                    "JOIN records r ON r.symbol = s.symbol WHERE true "
                    + (f"ORDER BY {table.order} " if table.order else "")
                    + "ON CONFLICT DO NOTHING"
                ).rowcount
                if table.target == "pairs":
                    pairs = added
            for table in (STAGE_RECORDS, *STAGE_TABLES):
                drop = c.dialect.drop_temp(table.name)
                if drop:
                    c.execute(drop)
            if loaded:
                bump(c)
                c.dialect.after_load(c, pairs)
        return LoadCounts(records=loaded, skipped=skipped + len(stored), pairs=pairs)

    def _stored_symbols(self, symbols: list[str]) -> set[str]:
        found: set[str] = set()
        with self.read() as c:
            for i in range(0, len(symbols), 500):
                chunk = symbols[i : i + 500]
                marks = ", ".join("?" * len(chunk))
                sql = f"SELECT symbol FROM records WHERE symbol IN ({marks})"
                found.update(r[0] for r in c.execute(sql, chunk))
        return found


def _stage(c: Connection, table: StageTable, rows: list[tuple]) -> None:
    columns = ", ".join(f"{name} {kind}" for name, kind in table.columns)
    c.execute(c.dialect.temp_table(table.name, columns))
    if rows:
        c.dialect.fill_stage(c, table.name, table.names, rows)
