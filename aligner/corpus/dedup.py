"""Deduplication by normalised pair hash, keeping every source symbol.

Boilerplate recurs in every meeting ("The meeting rose at 11.35 a.m.", "I thank the
representative of ... for his statement"): a corpus for MT training or a TM wants each unit
once, and a terminologist still wants to know every record it came from. Pass one reads only
`pair_hash` and `symbol` of every shard and records, per hash, the first row (shard, row) and
the symbols it appears in (in manifest order); pass two keeps the first rows and hands each its
list of symbols. Memory: one 32-byte digest plus a small list per distinct pair.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pyarrow as pa

from aligner.corpus.filters import RowFilter
from aligner.corpus.table import CorpusTable


class Deduplicator:
    def __init__(self, table: CorpusTable, row_filter: RowFilter | None = None) -> None:
        self.table = table
        self.row_filter = row_filter
        self.first: dict[bytes, tuple[int, int]] = {}
        self.symbols: dict[bytes, list[str]] = {}
        self.rows_seen = 0
        self._index()

    def _index(self) -> None:
        columns = ["pair_hash", "symbol"]
        for s, (_, t) in enumerate(self.table.iter_tables(columns, self.row_filter)):
            for r, (h, symbol) in enumerate(
                zip(t["pair_hash"].to_pylist(), t["symbol"].to_pylist(), strict=True)
            ):
                digest = bytes.fromhex(h)
                self.rows_seen += 1
                if digest not in self.first:
                    self.first[digest] = (s, r)
                    self.symbols[digest] = [symbol]
                elif symbol not in self.symbols[digest]:
                    self.symbols[digest].append(symbol)

    @property
    def unique(self) -> int:
        return len(self.first)

    def iter_tables(self) -> Iterator[tuple[dict[str, Any], pa.Table]]:
        """The filtered shards with only each pair's first occurrence and a `symbols` column."""
        for s, (entry, t) in enumerate(self.table.iter_tables(row_filter=self.row_filter)):
            keep, symbols = [], []
            for r, h in enumerate(t["pair_hash"].to_pylist()):
                digest = bytes.fromhex(h)
                if self.first[digest] == (s, r):
                    keep.append(r)
                    symbols.append(self.symbols[digest])
            kept = t.take(pa.array(keep, pa.int64()))
            yield entry, kept.append_column("symbols", pa.array(symbols, pa.list_(pa.string())))
