"""The glossary in SQL (`store.glossary`): see aligner/store/glossary.py for the rules.

Tables (each backend's schema.py): glossary_entries and glossary_contexts, and what merging
and curation need:
- glossary_occurrences: one row per (entry, record) with that record's counts, so that
  rebuilding a record replaces its contribution instead of adding it twice;
- columns for provenance (sources, symbols), curation (origin, note, reviewed_by) and search
  keys (zh_norm: Simplified, width-folded; en_fold: case-folded), and the sentences of each
  context, which must survive a re-alignment that deletes the pair they pointed to.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from aligner.errors import ConflictError, NotFoundError
from aligner.store.clock import now
from aligner.store.glossary import (
    GlossaryRepository,
    SaveSummary,
    apply_changes,
    term_keys,
    unique,
    validate_entry,
)
from aligner.store.sql.database import Connection, SQLDatabase
from aligner.terms.entry import (
    MAX_CONTEXTS,
    TermContext,
    TermEntry,
    to_traditional,
    validate_status,
    validate_type,
)


class SQLGlossary(GlossaryRepository):
    def __init__(self, db: SQLDatabase) -> None:
        self.db = db

    # building ----------------------------------------------------------------------------
    def save_record_terms(self, symbol: str, entries: Sequence[TermEntry]) -> SaveSummary:
        """Replace `symbol`'s contribution to the glossary with `entries`, in one transaction."""
        created = updated = 0
        stamp = now()
        with self.db.write() as c:
            touched = {
                r[0]
                for r in c.execute(
                    "SELECT entry_id FROM glossary_occurrences WHERE symbol = ?", (symbol,)
                )
            }
            c.execute("DELETE FROM glossary_occurrences WHERE symbol = ?", (symbol,))
            c.execute("DELETE FROM glossary_contexts WHERE symbol = ?", (symbol,))
            record_id = _record_id(c, symbol)
            for e in entries:
                entry_id, is_new = self._upsert(c, e, stamp)
                created += is_new
                updated += not is_new
                touched.add(entry_id)
                c.execute(
                    "INSERT INTO glossary_occurrences (entry_id, symbol, freq_zh, freq_en, pairs, "
                    "confidence, sources, variants) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        entry_id,
                        symbol,
                        e.freq_zh,
                        e.freq_en,
                        e.pairs,
                        float(e.confidence),
                        json.dumps(e.sources),
                        json.dumps({"zh": e.zh_variants, "en": e.en_variants}, ensure_ascii=False),
                    ),
                )
                for ctx in e.contexts[:MAX_CONTEXTS]:
                    c.execute(
                        "INSERT INTO glossary_contexts (entry_id, pair_id, symbol, zh_text, "
                        "en_text, zh_ids, en_ids) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (
                            entry_id,
                            _pair_id(c, record_id, ctx),
                            symbol,
                            ctx.zh,
                            ctx.en,
                            json.dumps(ctx.zh_ids),
                            json.dumps(ctx.en_ids),
                        ),
                    )
            removed = 0
            for entry_id in touched:
                removed += self._recompute(c, entry_id, stamp)
        return SaveSummary(symbol, len(entries), created, updated, removed)

    def _upsert(self, c: Connection, e: TermEntry, stamp: str) -> tuple[int, bool]:
        zh_norm, en_fold = term_keys(e.zh, e.en)
        row = c.execute(
            "SELECT id FROM glossary_entries WHERE zh_norm = ? AND en_fold = ?", (zh_norm, en_fold)
        ).fetchone()
        if row is not None:
            return int(row["id"]), False
        new_id = c.insert_id(
            "INSERT INTO glossary_entries (zh, zh_traditional, en, type, status, confidence, "
            "freq_zh, freq_en, variants, created_at, updated_at, zh_norm, en_fold, origin) "
            "VALUES (?, ?, ?, ?, 'candidate', 0, 0, 0, '{}', ?, ?, ?, ?, 'extracted')",
            (
                e.zh,
                e.zh_traditional or to_traditional(e.zh),
                e.en,
                e.type,
                stamp,
                stamp,
                zh_norm,
                en_fold,
            ),
        )
        return new_id, True

    def _recompute(self, c: Connection, entry_id: int, stamp: str) -> int:
        """Totals of an entry from its occurrences; 1 when an uncurated entry is left empty."""
        rows = c.execute(
            "SELECT * FROM glossary_occurrences WHERE entry_id = ? ORDER BY symbol", (entry_id,)
        ).fetchall()
        entry = c.execute(
            "SELECT origin, status, variants FROM glossary_entries WHERE id = ?", (entry_id,)
        ).fetchone()
        if entry is None:
            return 0
        if not rows:
            if entry["origin"] == "extracted" and entry["status"] == "candidate":
                c.execute("DELETE FROM glossary_entries WHERE id = ?", (entry_id,))
                return 1
            c.execute(
                "UPDATE glossary_entries SET freq_zh = 0, freq_en = 0, pairs = 0, symbols = '[]', "
                "updated_at = ? WHERE id = ?",
                (stamp, entry_id),
            )
            return 0
        curated = _variants(entry["variants"]).get("curated", False)
        zh_v: list[str] = []
        en_v: list[str] = []
        sources: list[str] = []
        for r in rows:
            v = json.loads(r["variants"])
            zh_v += v.get("zh", [])
            en_v += v.get("en", [])
            sources += json.loads(r["sources"])
        variants = _variants(entry["variants"]) if curated else {}
        if not curated:
            variants = {"zh": unique(zh_v), "en": unique(en_v)}
        c.execute(
            "UPDATE glossary_entries SET freq_zh = ?, freq_en = ?, pairs = ?, confidence = ?, "
            "sources = ?, symbols = ?, variants = ?, updated_at = ? WHERE id = ?",
            (
                sum(r["freq_zh"] for r in rows),
                sum(r["freq_en"] for r in rows),
                sum(r["pairs"] for r in rows),
                # Another record attesting the pair makes it no less likely.
                max(r["confidence"] for r in rows),
                json.dumps(unique(sources)),
                json.dumps([r["symbol"] for r in rows]),
                json.dumps(variants, ensure_ascii=False),
                stamp,
                entry_id,
            ),
        )
        return 0

    # reading -----------------------------------------------------------------------------
    def get(self, entry_id: int, *, contexts: bool = True) -> TermEntry:
        with self.db.read() as c:
            row = c.execute("SELECT * FROM glossary_entries WHERE id = ?", (entry_id,)).fetchone()
            if row is None:
                raise NotFoundError(f"no glossary entry {entry_id}")
            entry = _entry(row)
            if contexts:
                entry.contexts = [
                    TermContext(
                        symbol=r["symbol"],
                        zh=r["zh_text"],
                        en=r["en_text"],
                        zh_ids=json.loads(r["zh_ids"]),
                        en_ids=json.loads(r["en_ids"]),
                        pair_id=r["pair_id"],
                    )
                    for r in c.execute(
                        "SELECT * FROM glossary_contexts WHERE entry_id = ? ORDER BY id",
                        (entry_id,),
                    )
                ]
        return entry

    def all(self, *, type: str | None = None, status: str | None = None) -> list[TermEntry]:
        sql = "SELECT * FROM glossary_entries"
        where, args = _filters(type, status)
        with self.db.read() as c:
            rows = c.execute(
                f"{sql}{where} ORDER BY (freq_zh + freq_en) DESC, zh, en", args
            ).fetchall()
            entries = [_entry(r) for r in rows]
            first_contexts = {
                r["entry_id"]: r
                for r in c.execute(
                    "SELECT * FROM glossary_contexts WHERE id IN "
                    "(SELECT MIN(id) FROM glossary_contexts GROUP BY entry_id)"
                )
            }
        for e in entries:
            r = first_contexts.get(e.id)
            if r is not None:
                e.contexts = [
                    TermContext(r["symbol"], r["zh_text"], r["en_text"], pair_id=r["pair_id"])
                ]
        return entries

    def count(self) -> int:
        with self.db.read() as c:
            return int(c.execute("SELECT COUNT(*) FROM glossary_entries").fetchone()[0])

    def record_count(self, symbol: str) -> int:
        """How many entries `symbol` contributes (0: its glossary was never built)."""
        with self.db.read() as c:
            row = c.execute(
                "SELECT COUNT(*) FROM glossary_occurrences WHERE symbol = ?", (symbol,)
            ).fetchone()
            return int(row[0])

    # curation ----------------------------------------------------------------------------
    def add(self, entry: TermEntry, *, reviewer: str | None = None) -> TermEntry:
        validate_entry(entry)
        zh_norm, en_fold = term_keys(entry.zh, entry.en)
        stamp = now()
        variants = {"zh": entry.zh_variants, "en": entry.en_variants, "curated": True}
        with self.db.write() as c:
            clash = c.execute(
                "SELECT id FROM glossary_entries WHERE zh_norm = ? AND en_fold = ?",
                (zh_norm, en_fold),
            ).fetchone()
            if clash is not None:
                raise ConflictError(
                    f"the glossary already has {entry.zh} = {entry.en} (entry {clash['id']})"
                )
            new_id = c.insert_id(
                "INSERT INTO glossary_entries (zh, zh_traditional, en, type, status, confidence, "
                "freq_zh, freq_en, variants, created_at, updated_at, zh_norm, en_fold, origin, "
                "note, reviewed_by) VALUES (?, ?, ?, ?, ?, 1.0, 0, 0, ?, ?, ?, ?, ?, 'curated', "
                "?, ?)",
                (
                    entry.zh,
                    to_traditional(entry.zh),
                    entry.en,
                    entry.type,
                    entry.status,
                    json.dumps(variants, ensure_ascii=False),
                    stamp,
                    stamp,
                    zh_norm,
                    en_fold,
                    entry.note,
                    reviewer,
                ),
            )
        return self.get(new_id)

    def update(
        self, entry_id: int, changes: dict[str, Any], *, reviewer: str | None = None
    ) -> TermEntry:
        """Apply a reviewer's changes (status, type, zh, en, variants, note)."""
        current = apply_changes(self.get(entry_id, contexts=False), changes)
        zh_norm, en_fold = term_keys(current.zh, current.en)
        variants = {"zh": current.zh_variants, "en": current.en_variants, "curated": True}
        with self.db.write() as c:
            clash = c.execute(
                "SELECT id FROM glossary_entries WHERE zh_norm = ? AND en_fold = ? AND id != ?",
                (zh_norm, en_fold, entry_id),
            ).fetchone()
            if clash is not None:
                raise ConflictError(
                    f"the glossary already has {current.zh} = {current.en} (entry {clash['id']})"
                )
            c.execute(
                "UPDATE glossary_entries SET zh = ?, zh_traditional = ?, en = ?, type = ?, "
                "status = ?, variants = ?, note = ?, zh_norm = ?, en_fold = ?, origin = "
                "CASE WHEN origin = 'extracted' THEN 'reviewed' ELSE origin END, reviewed_by = ?, "
                "updated_at = ? WHERE id = ?",
                (
                    current.zh,
                    to_traditional(current.zh),
                    current.en,
                    current.type,
                    current.status,
                    json.dumps(variants, ensure_ascii=False),
                    current.note,
                    zh_norm,
                    en_fold,
                    reviewer,
                    now(),
                    entry_id,
                ),
            )
        return self.get(entry_id)


def _record_id(c: Connection, symbol: str) -> int | None:
    row = c.execute("SELECT id FROM records WHERE symbol = ?", (symbol,)).fetchone()
    return None if row is None else int(row["id"])


def _pair_id(c: Connection, record_id: int | None, ctx: TermContext) -> int | None:
    if ctx.pair_id is not None:
        return ctx.pair_id
    if record_id is None:
        return None
    row = c.execute(
        "SELECT id FROM pairs WHERE record_id = ? AND zh_ids = ? AND en_ids = ?",
        (record_id, json.dumps(ctx.zh_ids), json.dumps(ctx.en_ids)),
    ).fetchone()
    return None if row is None else int(row["id"])


def _variants(raw: str | None) -> dict[str, Any]:
    try:
        value = json.loads(raw or "{}")
    except json.JSONDecodeError:
        return {}
    return value if isinstance(value, dict) else {}


def _filters(type: str | None, status: str | None) -> tuple[str, list[str]]:
    clauses, args = [], []
    if type:
        clauses.append("type = ?")
        args.append(validate_type(type))
    if status:
        clauses.append("status = ?")
        args.append(validate_status(status))
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


def _entry(r: Any) -> TermEntry:
    variants = _variants(r["variants"])
    return TermEntry(
        id=int(r["id"]),
        zh=r["zh"],
        zh_traditional=r["zh_traditional"] or "",
        en=r["en"],
        type=r["type"],
        status=r["status"],
        confidence=float(r["confidence"]),
        freq_zh=int(r["freq_zh"]),
        freq_en=int(r["freq_en"]),
        pairs=int(r["pairs"]),
        zh_variants=list(variants.get("zh", [])),
        en_variants=list(variants.get("en", [])),
        sources=json.loads(r["sources"]),
        symbols=json.loads(r["symbols"]),
        note=r["note"] or "",
    )
