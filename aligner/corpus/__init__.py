"""Parallel corpora built from many record pairs: one canonical sharded Parquet table and the
formats derived from it (Moses plain text, TMX shards, JSONL), filters, deduplication, stats."""
