"""Archived record versions as bytes: the record and its pairs, as the API returns them, in
zlib-compressed JSON. Any backend stores the bytes as they are (a BLOB, a bytea)."""

from __future__ import annotations

import json
import zlib
from dataclasses import fields
from typing import Any, TypeVar

from aligner.store.rows import PairRow, RecordDetail, RecordVersion, TurnLinkRow, TurnRow

_T = TypeVar("_T")


def encode_snapshot(record: RecordDetail, pairs: list[PairRow]) -> bytes:
    # The rows are flat dataclasses (their lists and dicts hold plain values): their __dict__
    # is what JSON needs. dataclasses.asdict would deep-copy every value, which costs more
    # than the rest of a save.
    data = {
        "record": {
            **vars(record),
            "versions": [vars(v) for v in record.versions],
            "turns": {lang: [vars(t) for t in ts] for lang, ts in record.turns.items()},
            "turn_links": [vars(lk) for lk in record.turn_links],
        },
        "pairs": [vars(p) for p in pairs],
    }
    return zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8"), 6)


def decode_snapshot(blob: bytes) -> tuple[RecordDetail, list[PairRow]]:
    data = json.loads(zlib.decompress(blob))
    record = data["record"]
    detail = build(
        RecordDetail,
        {k: v for k, v in record.items() if k not in ("versions", "turns", "turn_links")},
        versions=[build(RecordVersion, v) for v in record.get("versions", [])],
        turns={
            lang: [build(TurnRow, t) for t in ts] for lang, ts in record.get("turns", {}).items()
        },
        turn_links=[build(TurnLinkRow, lk) for lk in record.get("turn_links", [])],
    )
    return detail, [build(PairRow, p) for p in data["pairs"]]


def build(cls: type[_T], data: dict[str, Any], **values: Any) -> _T:
    """A row dataclass from stored JSON, ignoring keys a later version dropped (fields a
    later version added take their defaults)."""
    known = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: v for k, v in data.items() if k in known}, **values)
