"""The canonical corpus table: one Parquet shard per record pair, all with this schema.

The column contract is shared with the store (bulk load) and the TM (vector index): the
columns up to `task_key` are fixed by issue 12; the ones after it are extras that readers may
ignore. Texts are never null: an unlinked sentence (`"1-0"`, `"0-1"`) has "" on its empty side.
"""

from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = 1
"""Bumped when a column changes meaning: it is part of every task key, so a new version
rebuilds every shard instead of mixing two layouts in one corpus."""

CANONICAL_FIELDS = [
    pa.field("pair_id", pa.string(), nullable=False),
    pa.field("symbol", pa.string(), nullable=False),
    pa.field("turn", pa.int32(), nullable=False),
    pa.field("speaker", pa.string()),
    pa.field("spoken_language", pa.string()),
    pa.field("original", pa.string()),
    pa.field("zh", pa.string(), nullable=False),
    pa.field("en", pa.string(), nullable=False),
    pa.field("confidence", pa.float32(), nullable=False),
    pa.field("link_type", pa.string(), nullable=False),
    pa.field("pair_hash", pa.string(), nullable=False),
    pa.field("task_key", pa.string(), nullable=False),
]
EXTRA_FIELDS = [
    # Turn indices in each record (the `turn` column is the zh one when the pair has a zh side).
    pa.field("zh_turn", pa.int32()),
    pa.field("en_turn", pa.int32()),
    pa.field("country_code", pa.string()),
    pa.field("role", pa.string()),
    pa.field("signature", pa.string(), nullable=False),
]
SCHEMA = pa.schema(CANONICAL_FIELDS + EXTRA_FIELDS)
COLUMNS = tuple(SCHEMA.names)
CANONICAL_COLUMNS = tuple(f.name for f in CANONICAL_FIELDS)


def zh_count(link_type: str) -> int:
    """Sentences on the zh side of a link type ("2-1" -> 2)."""
    return int(link_type.partition("-")[0] or 0)


def en_count(link_type: str) -> int:
    return int(link_type.partition("-")[2] or 0)
