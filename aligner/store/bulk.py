"""Bulk load of a built corpus (aligner/corpus) into a store: what a backend receives and the
rows it writes, worked out once for every backend.

A record of the corpus table (one shard: one record pair's aligned pairs) becomes a stored
record like an imported one, so that its pairs are searchable, reviewable and used by the TM:
its turns (speaker, country, spoken language, which side is the original), one sentence per
pair side (the table keeps a side's sentences joined, so a loaded pair cannot be split
further than it was aligned), and the pairs with their matching forms. A loaded record's
version says "corpus load"; re-importing its source files later replaces it like any re-import.

Idempotent: a record whose symbol the store has already (imported, or loaded before) is
skipped whole, and each pair carries its corpus id (`pair_id` of the table) under a unique
key, so loading a corpus twice adds nothing.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from aligner.ingest.normalize import normalize
from aligner.models import MeetingMeta, sentence_id

LOAD_REASON = "corpus load"
"""The version reason of a loaded record."""


@dataclass(frozen=True)
class CorpusPair:
    """One row of the canonical corpus table (aligner/corpus/schema.py)."""

    key: str
    """The table's `pair_id` (`<symbol>#<turn>.<k>`), unique in the store."""
    zh: str
    en: str
    confidence: float
    link_type: str
    zh_turn: int | None
    en_turn: int | None
    speaker: str | None = None
    spoken_language: str | None = None
    original: str | None = None
    country_code: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class CorpusRecord:
    """One shard of the table: a record pair and its pairs in alignment order."""

    symbol: str
    signature: str
    pairs: list[CorpusPair]
    sources: dict[str, tuple[str, str]] = field(default_factory=dict)
    """language → (source file name, its sha256) when the build noted them."""


@dataclass
class LoadCounts:
    records: int = 0
    """Records added."""
    skipped: int = 0
    """Records left as they were: the store had their symbol already."""
    pairs: int = 0
    """Pairs added."""

    def add(self, other: LoadCounts) -> None:
        self.records += other.records
        self.skipped += other.skipped
        self.pairs += other.pairs


@dataclass(frozen=True)
class StageTable:
    """A staging table of the load and the stored table it fills (record_id from symbol)."""

    name: str
    target: str
    columns: tuple[tuple[str, str], ...]
    """(column, portable SQL type); the first is always `symbol`."""
    order: str = ""
    """Columns of the staging table (alias s) the rows are inserted in: new ids follow it."""

    @property
    def names(self) -> list[str]:
        return [c for c, _ in self.columns]


_TEXT, _INT, _REAL = "TEXT", "BIGINT", "DOUBLE PRECISION"
STAGE_RECORDS = StageTable(
    "stage_records",
    "records",
    (("symbol", _TEXT), ("meta", _TEXT), ("signature", _TEXT), ("stamp", _TEXT)),
)
STAGE_TABLES = (
    StageTable(
        "stage_versions",
        "record_versions",
        (
            ("symbol", _TEXT),
            ("language", _TEXT),
            ("source_name", _TEXT),
            ("source_sha256", _TEXT),
            ("meta", _TEXT),
        ),
    ),
    StageTable(
        "stage_turns",
        "turns",
        (
            ("symbol", _TEXT),
            ("language", _TEXT),
            ("idx", _INT),
            ("role", _TEXT),
            ("speaker", _TEXT),
            ("country_code", _TEXT),
            ("spoken_language", _TEXT),
            ("is_original", _INT),
            ("header", _TEXT),
        ),
    ),
    StageTable(
        "stage_paragraphs",
        "paragraphs",
        (
            ("symbol", _TEXT),
            ("language", _TEXT),
            ("turn", _INT),
            ("idx", _INT),
            ("n_sentences", _INT),
        ),
    ),
    StageTable(
        "stage_sentences",
        "sentences",
        (
            ("symbol", _TEXT),
            ("id", _TEXT),
            ("language", _TEXT),
            ("seq", _INT),
            ("turn", _INT),
            ("paragraph", _INT),
            ("idx", _INT),
            ("text", _TEXT),
            ("norm", _TEXT),
        ),
    ),
    StageTable(
        "stage_pairs",
        "pairs",
        (
            ("symbol", _TEXT),
            ("corpus_key", _TEXT),
            ("position", _INT),
            ("zh_turn", _INT),
            ("en_turn", _INT),
            ("zh_ids", _TEXT),
            ("en_ids", _TEXT),
            ("zh_text", _TEXT),
            ("en_text", _TEXT),
            ("zh_norm", _TEXT),
            ("en_norm", _TEXT),
            ("confidence", _REAL),
            ("type", _TEXT),
            ("signature", _TEXT),
        ),
        order="s.symbol, s.position",
    ),
)


def stage_rows(records: list[CorpusRecord], stamp: str) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of every staging table for `records` (normalising the texts: CPU work done
    before the write transaction starts)."""
    out: dict[str, list[tuple[Any, ...]]] = {t.name: [] for t in (STAGE_RECORDS, *STAGE_TABLES)}
    for record in records:
        _stage_record(record, stamp, out)
    return out


def _stage_record(rec: CorpusRecord, stamp: str, out: dict[str, list[tuple[Any, ...]]]) -> None:
    sym = rec.symbol
    meta = asdict(MeetingMeta(symbol=sym))
    out["stage_records"].append(
        (sym, json.dumps({"zh": meta, "en": meta}, ensure_ascii=False), rec.signature, stamp)
    )
    for lang in ("zh", "en"):
        name, sha = rec.sources.get(lang, ("", ""))
        out["stage_versions"].append((sym, lang, name, sha, json.dumps(meta, ensure_ascii=False)))

    turns: dict[tuple[str, int], CorpusPair] = {}
    per_turn: dict[tuple[str, int], int] = {}
    seq = {"zh": 0, "en": 0}
    for position, p in enumerate(rec.pairs):
        ids: dict[str, list[str]] = {"zh": [], "en": []}
        norms: dict[str, str] = {}
        for lang, text, turn in (("zh", p.zh, p.zh_turn), ("en", p.en, p.en_turn)):
            norms[lang] = normalize(text) if text else ""
            if turn is None:
                continue
            turns.setdefault((lang, turn), p)
            if not text:
                continue
            k = per_turn.get((lang, turn), 0)
            per_turn[(lang, turn)] = k + 1
            sid = sentence_id(sym, lang, turn, 0, k)
            ids[lang].append(sid)
            out["stage_sentences"].append(
                (sym, sid, lang, seq[lang], turn, 0, k, text, norms[lang])
            )
            seq[lang] += 1
        out["stage_pairs"].append(
            (
                sym,
                p.key,
                position,
                p.zh_turn,
                p.en_turn,
                json.dumps(ids["zh"]),
                json.dumps(ids["en"]),
                p.zh,
                p.en,
                norms["zh"],
                norms["en"],
                float(p.confidence),
                p.link_type,
                rec.signature,
            )
        )
    for (lang, turn), p in sorted(turns.items()):
        out["stage_turns"].append(
            (
                sym,
                lang,
                turn,
                p.role or "speaker",
                p.speaker,
                p.country_code,
                # A turn without a note is in its own language (the table says "no original").
                p.spoken_language or lang,
                int(p.original == lang),
                "",
            )
        )
        out["stage_paragraphs"].append((sym, lang, turn, 0, per_turn.get((lang, turn), 0)))
