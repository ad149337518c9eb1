"""Bulk load of a built corpus into the store: rows per second on SQLite and on PostgreSQL, and
concordance look-ups on the loaded pairs.

    python -m bench.corpus_load [--copies 100] [--corpus DIR] [--postgres URL] [--work DIR]
                                [--batch 20000] [--json FILE]

1. The seed corpus: --corpus DIR (a `verbalign corpus build` folder), else the bundled UN
   record pair S/PV.9132 (corpora/S-PV-9132) built with the hashing embedder (no model load).
2. A large corpus made of --copies copies of the seed's shards, each under its own record
   symbol (S/PV.20000, S/PV.20001...; pair ids follow), written as a corpus folder with its
   manifest under --work or a temporary folder: the same real sentences, many records.
3. `verbalign corpus load` (load_corpus, in this process) into a new SQLite file and into a
   new PostgreSQL database: --postgres URL (an empty database), else a throwaway server
   started as the tests start theirs (tests/pg_server.py). Rows per second of the first load,
   and the time of a second load of the same corpus (adds nothing: every record skipped).
4. Concordance on the loaded store, both backends: median milliseconds of a few 1, 2, 3 and
   4+ character queries (Chinese and English), and a check that both backends return the same
   totals.

On a busy shared machine the figures are noisy: compare the two backends within one run.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ["安全理事会", "决议草案", "理事", "国", "Security Council", "resolution", "UN", "a"]


def seed_corpus(work: Path) -> Path:
    from aligner.pipeline.corpus_build import build_corpus

    records = work / "seed-records"
    records.mkdir(parents=True, exist_ok=True)
    for lang in ("zh", "en"):
        target = records / f"S-PV-9132.{lang}.txt"
        target.write_bytes((ROOT / "corpora" / "S-PV-9132" / f"{lang}.txt").read_bytes())
    out = work / "seed-corpus"
    report = build_corpus(records, out, workers=1, model="hashing")
    if report.failed:
        raise SystemExit(f"the seed corpus failed to build: {report.errors}")
    return out


def replicate(seed: Path, copies: int, out: Path) -> tuple[Path, int]:
    """`copies` copies of the seed's shards under new symbols; the corpus folder and its rows."""
    from aligner.corpus.table import CorpusTable

    table = CorpusTable(seed)
    (out / "shards").mkdir(parents=True, exist_ok=True)
    shards = []
    rows = 0
    for i in range(copies):
        for n, (entry, shard) in enumerate(table.iter_tables()):
            symbol = f"S/PV.{20000 + i * 1000 + n}"
            old = entry["symbol"]
            renamed = shard.set_column(
                shard.schema.get_field_index("symbol"),
                "symbol",
                pa.array([symbol] * shard.num_rows, pa.string()),
            )
            ids = pc.replace_substring(shard.column("pair_id"), old + "#", symbol + "#")
            renamed = renamed.set_column(renamed.schema.get_field_index("pair_id"), "pair_id", ids)
            key = f"{entry['task_key'][:48]}{i:08d}{n:08d}"
            path = out / "shards" / f"{key}.parquet"
            pq.write_table(renamed, path, compression="zstd")
            shards.append(
                {**entry, "symbol": symbol, "task_key": key, "shard": f"shards/{key}.parquet"}
            )
            rows += shard.num_rows
    manifest = {**table.manifest, "shards": shards}
    manifest["totals"] = {**manifest["totals"], "records": len(shards), "pairs": rows}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return out, rows


def measure(location: str, corpus: Path, batch: int) -> dict[str, Any]:
    from aligner.pipeline.corpus_load import load_corpus
    from aligner.store import open_store

    store = open_store(location)
    try:
        first = load_corpus(corpus, store, batch_rows=batch)
        started = time.perf_counter()
        again = load_corpus(corpus, store, batch_rows=batch)
        second = time.perf_counter() - started
        search = {}
        for q in QUERIES:
            times, total = [], 0
            for _ in range(5):
                t = time.perf_counter()
                total = store.search(q, limit=20).total
                times.append((time.perf_counter() - t) * 1000)
            search[q] = {"total": total, "median_ms": round(statistics.median(times), 1)}
        return {
            "store": store.location,
            "rows": first.rows,
            "records": first.counts.records,
            "pairs": first.counts.pairs,
            "seconds": round(first.seconds, 2),
            "rows_per_second": round(first.rows_per_second),
            "second_load_seconds": round(second, 2),
            "second_load_added": again.counts.pairs,
            "search": search,
        }
    finally:
        store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--corpus", type=Path, help="seed corpus (default: S/PV.9132 built)")
    parser.add_argument("--postgres", help="an empty PostgreSQL database to load into")
    parser.add_argument("--work", type=Path, help="working folder (default: temporary)")
    parser.add_argument("--batch", type=int, default=20_000)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="verbalign-load-") as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        seed = args.corpus or seed_corpus(work)
        corpus, rows = replicate(seed, args.copies, work / "big-corpus")
        print(f"corpus: {rows} rows in {args.copies} copies of {seed}", flush=True)
        server = None
        url = args.postgres
        if url is None:
            sys.path.insert(0, str(ROOT / "tests"))
            from pg_server import PostgresServer

            server = PostgresServer().start()
            url = server.url(server.new_database())
        try:
            results = {
                "sqlite": measure(str(work / "load.db"), corpus, args.batch),
                "postgresql": measure(url, corpus, args.batch),
            }
        finally:
            if server is not None:
                server.stop()

    print(f"{'backend':<11} {'rows':>8} {'seconds':>8} {'rows/s':>8} {'reload s':>9}")
    for name, r in results.items():
        print(
            f"{name:<11} {r['rows']:>8} {r['seconds']:>8} {r['rows_per_second']:>8} "
            f"{r['second_load_seconds']:>9}"
        )
    print(f"\n{'query':<18} {'hits':>6} {'sqlite ms':>10} {'postgres ms':>12}")
    same = True
    for q in QUERIES:
        s, p = results["sqlite"]["search"][q], results["postgresql"]["search"][q]
        same &= s["total"] == p["total"]
        print(f"{q:<18} {s['total']:>6} {s['median_ms']:>10} {p['median_ms']:>12}")
    print(f"\nsame totals on both backends: {same}")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
