"""Reading a built corpus: the shards its manifest lists, as Arrow tables or plain rows.

This is the one way in for everything downstream (exports, stats, a bulk load into the store,
a TM index): it reads only the shards of the manifest (stale shards of an earlier build with
other settings, and records left out as duplicates, stay invisible) and can check each shard
against the checksum recorded when it was written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from aligner.corpus.filters import RowFilter
from aligner.corpus.layout import CorpusLayout
from aligner.corpus.schema import SCHEMA
from aligner.errors import InputError


class CorpusTable:
    def __init__(self, root: str | Path) -> None:
        self.layout = CorpusLayout(root)
        self.manifest = self.layout.read_manifest()

    @property
    def root(self) -> Path:
        return self.layout.root

    @property
    def shards(self) -> list[dict[str, Any]]:
        return list(self.manifest["shards"])

    def read_shard(
        self, entry: dict[str, Any], columns: Sequence[str] | None = None, *, verify: bool = False
    ) -> pa.Table:
        path = self.root / entry["shard"]
        if not path.is_file():
            raise InputError(f"{path} is listed in the manifest but missing; rebuild the corpus")
        if verify and _sha256(path) != entry["sha256"]:
            raise InputError(f"{path} does not match its checksum in the manifest; rebuild it")
        table = pq.read_table(path, columns=list(columns) if columns else None)
        if columns is None and table.schema.names[: len(SCHEMA.names)] != SCHEMA.names:
            raise InputError(f"{path} does not have the corpus schema")
        return table

    def iter_tables(
        self,
        columns: Sequence[str] | None = None,
        row_filter: RowFilter | None = None,
        *,
        verify: bool = False,
    ) -> Iterator[tuple[dict[str, Any], pa.Table]]:
        """(manifest entry, its rows) per shard, in manifest order; filtered when asked."""
        for entry in self.shards:
            needed = columns
            if columns is not None and row_filter is not None:
                needed = list(dict.fromkeys([*columns, *row_filter.columns()]))
            table = self.read_shard(entry, needed, verify=verify)
            if row_filter is not None:
                table = row_filter.apply(table)
                if columns is not None:
                    table = table.select(list(columns))
            yield entry, table

    def iter_rows(
        self, columns: Sequence[str] | None = None, row_filter: RowFilter | None = None
    ) -> Iterator[dict[str, Any]]:
        """Every row as a dict, shard after shard (what a bulk load into a database reads)."""
        for _, table in self.iter_tables(columns, row_filter):
            for batch in table.to_batches(max_chunksize=4096):
                yield from batch.to_pylist()

    def to_arrow(self, row_filter: RowFilter | None = None) -> pa.Table:
        tables = [t for _, t in self.iter_tables(row_filter=row_filter)]
        return pa.concat_tables(tables) if tables else SCHEMA.empty_table()

    def verify(self) -> list[str]:
        """Problems found: shards missing or not matching their recorded checksum."""
        problems = []
        for entry in self.shards:
            path = self.root / entry["shard"]
            if not path.is_file():
                problems.append(f"{entry['shard']}: missing")
            elif _sha256(path) != entry["sha256"]:
                problems.append(f"{entry['shard']}: checksum mismatch")
        return problems


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()
