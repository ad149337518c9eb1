"""Load a built corpus (`verbalign corpus build`) into a store: `verbalign corpus load`.

Reads the canonical table with CorpusTable.iter_rows (only the shards the manifest lists),
turns each record's rows into a CorpusRecord (aligner/store/bulk.py) and hands them to the
store in batches of whole records (`Repository.load_corpus`, one transaction per batch:
PostgreSQL COPYs them into staging tables, SQLite uses batched executemany; both then INSERT
... ON CONFLICT DO NOTHING). A record already in the store is skipped, so loading twice adds
nothing, and a load stopped halfway resumes where it stopped when run again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aligner.corpus.table import CorpusTable
from aligner.errors import InputError
from aligner.store.bulk import CorpusPair, CorpusRecord, LoadCounts
from aligner.store.repository import Repository

DEFAULT_BATCH_ROWS = 20_000
"""Pairs per load transaction (whole records): large enough to amortise a transaction, small
enough that a reader or another writer never waits long."""


@dataclass
class LoadProgress:
    records: int
    """Records read from the table so far."""
    total: int
    """Records the manifest lists."""
    rows: int
    seconds: float

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds > 0 else 0.0


@dataclass
class LoadReport:
    corpus: Path
    store: str
    rows: int = 0
    """Rows read from the table."""
    counts: LoadCounts = field(default_factory=LoadCounts)
    seconds: float = 0.0

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds > 0 else 0.0


def load_corpus(
    corpus: str | Path,
    store: Repository,
    *,
    batch_rows: int = DEFAULT_BATCH_ROWS,
    progress: Callable[[LoadProgress], None] | None = None,
) -> LoadReport:
    """Load every record of the corpus at `corpus` into `store`."""
    if batch_rows < 1:
        raise InputError("the batch size must be at least 1 pair")
    table = CorpusTable(corpus)
    entries = {e["symbol"]: e for e in table.shards}
    report = LoadReport(Path(corpus), store.location)
    started = time.perf_counter()
    batch: list[CorpusRecord] = []
    pending = 0
    done = 0

    def flush() -> None:
        nonlocal batch, pending
        if batch:
            report.counts.add(store.load_corpus(batch))
        batch, pending = [], 0

    for record in _records(table, entries):
        batch.append(record)
        pending += len(record.pairs)
        report.rows += len(record.pairs)
        done += 1
        if pending >= batch_rows:
            flush()
            if progress:
                progress(LoadProgress(done, len(entries), report.rows, _since(started)))
    flush()
    report.seconds = _since(started)
    if progress:
        progress(LoadProgress(done, len(entries), report.rows, report.seconds))
    return report


def _records(table: CorpusTable, entries: dict[str, dict[str, Any]]) -> Iterator[CorpusRecord]:
    """The table's rows grouped into records (a shard's rows are one record's, in order)."""
    symbol: str | None = None
    rows: list[dict[str, Any]] = []
    for row in table.iter_rows():
        if row["symbol"] != symbol:
            if rows:
                yield _record(table, entries, rows)
            symbol, rows = row["symbol"], []
        rows.append(row)
    if rows:
        yield _record(table, entries, rows)


def _record(
    table: CorpusTable, entries: dict[str, dict[str, Any]], rows: list[dict[str, Any]]
) -> CorpusRecord:
    symbol = rows[0]["symbol"]
    return CorpusRecord(
        symbol=symbol,
        signature=rows[0]["signature"],
        pairs=[_pair(r) for r in rows],
        sources=_sources(table, entries.get(symbol)),
    )


def _pair(r: dict[str, Any]) -> CorpusPair:
    zh, en = r["zh"], r["en"]
    # The zh turn is the table's `turn` when the pair has a zh side (schema.py).
    zh_turn = r.get("zh_turn", r["turn"] if zh else None)
    en_turn = r.get("en_turn", None if zh else r["turn"])
    return CorpusPair(
        key=r["pair_id"],
        zh=zh,
        en=en,
        confidence=float(r["confidence"]),
        link_type=r["link_type"],
        zh_turn=zh_turn,
        en_turn=en_turn,
        speaker=r["speaker"],
        spoken_language=r["spoken_language"],
        original=r["original"],
        country_code=r.get("country_code"),
        role=r.get("role"),
    )


def _sources(table: CorpusTable, entry: dict[str, Any] | None) -> dict[str, tuple[str, str]]:
    """The record's source files (name, sha256) from its build marker, when readable."""
    if entry is None:
        return {}
    try:
        marker = table.layout.marker(entry["task_key"])
    except (OSError, ValueError, KeyError):
        marker = {}
    out = {}
    for lang in ("zh", "en"):
        name = Path(str(entry.get(lang) or marker.get(lang) or "")).name
        out[lang] = (name, str(marker.get(f"{lang}_sha256") or ""))
    return out


def _since(started: float) -> float:
    return time.perf_counter() - started
