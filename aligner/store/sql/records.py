"""Records: save a version (carrying reviews over), archive the one it replaces,
read records and their versions, delete. The rules are versioning.py's and carry_over.py's."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from aligner.errors import ConflictError, InputError, NotFoundError
from aligner.models import Record, RecordAlignment, join_sentences
from aligner.store.carry_over import CarryOver, LaidPair, StoredPair, carry_over
from aligner.store.clock import now
from aligner.store.rows import (
    RecordDetail,
    RecordSummary,
    RecordVersion,
    RecordVersionDetail,
    SaveResult,
    TurnLinkRow,
    TurnRow,
    VersionChanges,
    VersionSummary,
)
from aligner.store.snapshots import build, decode_snapshot, encode_snapshot
from aligner.store.sql.database import Connection, SQLDatabase, bump, from_row, j, record_id
from aligner.store.sql.pairs import select_pairs
from aligner.store.symbols import record_symbol
from aligner.store.versioning import (
    MAX_SHRINK,
    alignment_counts,
    check_reimport,
    content_digest,
    counts_of,
    version_changes,
)


def _summary_sql(c: Connection) -> str:
    return (
        "SELECT r.*, "
        "(SELECT COUNT(*) FROM pairs p WHERE p.record_id = r.id) pair_count, "
        "(SELECT COUNT(*) FROM turns t WHERE t.record_id = r.id AND t.language = 'zh') "
        "turn_count, "
        f"(SELECT {c.dialect.group_concat('language')} FROM record_versions v "
        "WHERE v.record_id = r.id) langs "
        "FROM records r"
    )


_STRUCTURE = ("record_versions", "turns", "paragraphs", "sentences", "turn_links")


class Records(SQLDatabase):
    # writing -----------------------------------------------------------------------------
    def save_alignment(
        self,
        alignment: RecordAlignment,
        *,
        force: bool = False,
        max_shrink: float = MAX_SHRINK,
    ) -> SaveResult:
        zh, en = alignment.zh, alignment.en
        symbol = record_symbol(zh, en)
        for rec, lang in ((zh, "zh"), (en, "en")):
            if rec.language != lang:
                raise InputError(f"the {lang} side of the alignment is a {rec.language} record")
        texts = {s.id: (s.text, s.norm) for rec in (zh, en) for s in rec.sentences()}
        missing = [i for p in alignment.pairs for i in (*p.zh_ids, *p.en_ids) if i not in texts]
        if missing:
            raise InputError(f"the alignment links sentences the records lack: {missing[:3]}")
        for p in alignment.pairs:  # the text a pair shows is the aligner's
            for ids, shown in ((p.zh_ids, p.zh), (p.en_ids, p.en)):
                for sid, text in zip(ids, shown, strict=False):
                    texts[sid] = (text, texts[sid][1])
        stamp = now()
        with self.write() as c:
            row = c.execute(
                "SELECT id, version, version_reason FROM records WHERE symbol = ?", (symbol,)
            ).fetchone()
            if row is None:
                rid = _insert_record(c, symbol, alignment, stamp)
                laid = [
                    LaidPair(list(p.zh_ids), list(p.en_ids), p.zh_turn, p.en_turn, p.confidence)
                    for p in alignment.pairs
                ]
                _write_pairs(c, rid, laid, texts, alignment.signature, reusable={})
                bump(c)
                return SaveResult(symbol, "created", len(laid), alignment.signature)
            rid, version = int(row["id"]), int(row["version"])
            sources = _sources(c, rid)
            same_files = sources == {"zh": zh.source_sha256, "en": en.source_sha256}
            if same_files and not force:
                stored = c.execute(
                    "SELECT signature, (SELECT COUNT(*) FROM pairs WHERE record_id = r.id) n "
                    "FROM records r WHERE id = ?",
                    (rid,),
                ).fetchone()
                return SaveResult(
                    symbol, "unchanged", stored["n"], stored["signature"], version=version
                )
            stored_pairs, stored_texts = _stored_pairs(c, rid)
            plan = carry_over(stored_pairs, _stored_sentences(c, rid), alignment)
            changes = _changes(c, rid, version, stored_pairs, stored_texts, plan, alignment)
            if not force:
                check_reimport(symbol, changes, max_shrink=max_shrink)
            reason = "re-alignment" if same_files else "re-import"
            _archive(c, rid, stamp, stored_pairs)
            for lost, _why in plan.dropped:
                c.execute(
                    "UPDATE corrections SET state = 'not-carried', archived_version = ?, "
                    "archived_pair_id = pair_id WHERE pair_id = ?",
                    (version, lost.id),
                )
            meta = json.dumps({"zh": asdict(zh.meta), "en": asdict(en.meta)}, ensure_ascii=False)
            c.execute(
                "UPDATE records SET meta = ?, signature = ?, updated_at = ?, version = ?, "
                "version_reason = ? WHERE id = ?",
                (meta, alignment.signature, stamp, version + 1, reason, rid),
            )
            for table in _STRUCTURE:
                c.execute(f"DELETE FROM {table} WHERE record_id = ?", (rid,))
            _insert_structure(c, rid, alignment)
            reusable = {
                (json.dumps(p.zh_ids), json.dumps(p.en_ids)): p.id
                for p in stored_pairs
                if not p.reviewed
            }
            _write_pairs(c, rid, plan.pairs, texts, alignment.signature, reusable=reusable)
            bump(c)
        return SaveResult(
            symbol,
            "updated",
            len(plan.pairs),
            alignment.signature,
            version=version + 1,
            previous_version=version,
            reason=reason,
            changes=changes,
        )

    def update_sources(self, symbol: str, zh: Record, en: Record) -> SaveResult:
        digests = {"zh": content_digest(zh), "en": content_digest(en)}
        stamp = now()
        with self.write() as c:
            rid = record_id(c, symbol)
            stored = {
                r["language"]: r["content_sha256"]
                for r in c.execute(
                    "SELECT language, content_sha256 FROM record_versions WHERE record_id = ?",
                    (rid,),
                )
            }
            if stored != digests:
                raise ConflictError(f"{symbol}: the new files' text differs from the stored one")
            row = c.execute(
                "SELECT version, signature, (SELECT COUNT(*) FROM pairs WHERE record_id = r.id) n "
                "FROM records r WHERE id = ?",
                (rid,),
            ).fetchone()
            version = int(row["version"])
            stored_pairs, _texts = _stored_pairs(c, rid)
            counts = _counts(c, rid, stored_pairs)
            reviewed = sum(p.reviewed for p in stored_pairs)
            _archive(c, rid, stamp, stored_pairs)
            for rec in (zh, en):
                c.execute(
                    "UPDATE record_versions SET source_name = ?, source_sha256 = ?, meta = ? "
                    "WHERE record_id = ? AND language = ?",
                    (
                        rec.source_name,
                        rec.source_sha256,
                        json.dumps(asdict(rec.meta), ensure_ascii=False),
                        rid,
                        rec.language,
                    ),
                )
            reason = "new sources, same text"
            c.execute(
                "UPDATE records SET updated_at = ?, version = ?, version_reason = ? WHERE id = ?",
                (stamp, version + 1, reason, rid),
            )
        changes = VersionChanges(counts, dict(counts), reviewed, reviewed)
        return SaveResult(
            symbol,
            "updated",
            int(row["n"]),
            row["signature"],
            version=version + 1,
            previous_version=version,
            reason=reason,
            changes=changes,
        )

    def delete_record(self, symbol: str) -> None:
        with self.write() as c:
            if c.execute("DELETE FROM records WHERE symbol = ?", (symbol,)).rowcount == 0:
                raise NotFoundError(f"no record {symbol!r}")
            bump(c)

    # reading -----------------------------------------------------------------------------
    def find_symbol_by_sources(self, zh_sha256: str, en_sha256: str) -> str | None:
        with self.read() as c:
            row = c.execute(
                "SELECT r.symbol FROM records r "
                "JOIN record_versions z ON z.record_id = r.id AND z.language = 'zh' "
                "JOIN record_versions e ON e.record_id = r.id AND e.language = 'en' "
                "WHERE z.source_sha256 = ? AND e.source_sha256 = ?",
                (zh_sha256, en_sha256),
            ).fetchone()
        return None if row is None else row["symbol"]

    def list_records(self) -> list[RecordSummary]:
        with self.read() as c:
            rows = c.execute(_summary_sql(c) + " ORDER BY r.symbol").fetchall()
        return [_summary(r) for r in rows]

    def get_record(self, symbol: str) -> RecordDetail:
        with self.read() as c:
            return _detail(c, symbol)

    def sentences(self, symbol: str, language: str) -> list[dict[str, Any]]:
        with self.read() as c:
            rid = record_id(c, symbol)
            rows = c.execute(
                "SELECT id, turn, paragraph, idx, text FROM sentences "
                "WHERE record_id = ? AND language = ? ORDER BY seq",
                (rid, language),
            ).fetchall()
        return [dict(r) for r in rows]

    def list_versions(self, symbol: str) -> list[VersionSummary]:
        with self.read() as c:
            rid = record_id(c, symbol)
            archived = [
                _archived_summary(r)
                for r in c.execute(
                    "SELECT record_id, version, reason, created_at, replaced_at, signature, "
                    "pair_count, zh_sentences, en_sentences, reviewed_pairs, sources "
                    "FROM record_archive WHERE record_id = ? ORDER BY version",
                    (rid,),
                )
            ]
            return [*archived, _current_summary(c, rid)]

    def get_version(self, symbol: str, version: int) -> RecordVersionDetail:
        with self.read() as c:
            rid = record_id(c, symbol)
            current = _current_summary(c, rid)
            if version == current.version:
                pairs = select_pairs(c, "p.record_id = ?", [rid], order="p.position")
                return RecordVersionDetail(current, _detail(c, symbol), pairs)
            row = c.execute(
                "SELECT * FROM record_archive WHERE record_id = ? AND version = ?", (rid, version)
            ).fetchone()
        if row is None:
            raise NotFoundError(f"{symbol} has no version {version}")
        detail, pairs = decode_snapshot(row["snapshot"])
        return RecordVersionDetail(_archived_summary(row), detail, pairs)


# --- writing helpers ------------------------------------------------------------------------


def _insert_record(c: Connection, symbol: str, alignment: RecordAlignment, stamp: str) -> int:
    meta = json.dumps(
        {"zh": asdict(alignment.zh.meta), "en": asdict(alignment.en.meta)}, ensure_ascii=False
    )
    rid = c.insert_id(
        "INSERT INTO records (symbol, meta, signature, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (symbol, meta, alignment.signature, stamp, stamp),
    )
    _insert_structure(c, rid, alignment)
    return rid


def _insert_structure(c: Connection, rid: int, alignment: RecordAlignment) -> None:
    for rec in (alignment.zh, alignment.en):
        _insert_language(c, rid, rec)
    c.executemany(
        "INSERT INTO turn_links (record_id, position, zh_turn, en_turn, zh_turns, "
        "en_turns, confidence) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                rid,
                i,
                t.zh_turn,
                t.en_turn,
                json.dumps(t.zh_turns or _one(t.zh_turn)),
                json.dumps(t.en_turns or _one(t.en_turn)),
                float(t.confidence),
            )
            for i, t in enumerate(alignment.turns)
        ],
    )


def _one(value: int | None) -> list[int]:
    return [] if value is None else [value]


def _insert_language(c: Connection, rid: int, rec: Record) -> None:
    lang = rec.language
    c.execute(
        "INSERT INTO record_versions (record_id, language, source_name, source_sha256, meta, "
        "content_sha256) VALUES (?, ?, ?, ?, ?, ?)",
        (
            rid,
            lang,
            rec.source_name,
            rec.source_sha256,
            json.dumps(asdict(rec.meta), ensure_ascii=False),
            content_digest(rec),
        ),
    )
    c.executemany(
        "INSERT INTO turns (record_id, language, idx, role, speaker, honorific, country, "
        "country_code, spoken_language, is_original, header, title) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                rid,
                lang,
                t.index,
                t.role,
                t.speaker,
                t.honorific,
                t.country,
                t.country_code,
                t.spoken_language,
                int(t.is_original),
                t.header,
                t.title,
            )
            for t in rec.turns
        ],
    )
    c.executemany(
        "INSERT INTO paragraphs (record_id, language, turn, idx, n_sentences) "
        "VALUES (?, ?, ?, ?, ?)",
        [(rid, lang, t.index, p.index, len(p.sentences)) for t in rec.turns for p in t.paragraphs],
    )
    try:
        c.executemany(
            "INSERT INTO sentences (id, record_id, language, seq, turn, paragraph, idx, text, "
            "norm) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (s.id, rid, lang, seq, s.turn, s.paragraph, s.index, s.text, s.norm)
                for seq, s in enumerate(rec.sentences())
            ],
        )
    except c.dialect.integrity_errors as exc:
        raise ConflictError(
            f"sentence ids of the {lang} record clash with a stored record: {exc}"
        ) from exc


def _write_pairs(
    c: Connection,
    rid: int,
    laid: list[LaidPair],
    texts: dict[str, tuple[str, str]],
    signature: str,
    *,
    reusable: dict[tuple[str, str], int],
) -> None:
    """Write the version's pairs. A carried pair keeps its id and review; an aligner pair
    linking exactly the sentences of an unreviewed stored pair takes that pair's id (its TM
    vectors and glossary contexts stay attached); every other stored pair goes."""
    stored = {r[0] for r in c.execute("SELECT id FROM pairs WHERE record_id = ?", (rid,))}
    kept: set[int] = set()
    updates: list[list[Any]] = []
    inserts: list[list[Any]] = []
    columns: list[str] = []
    for position, p in enumerate(laid):
        zh_ids, en_ids = json.dumps(p.zh_ids), json.dumps(p.en_ids)
        values: dict[str, Any] = {
            "position": position,
            "zh_turn": p.zh_turn,
            "en_turn": p.en_turn,
            "zh_ids": zh_ids,
            "en_ids": en_ids,
            "zh_text": join_sentences([texts[i][0] for i in p.zh_ids]),
            "en_text": join_sentences([texts[i][0] for i in p.en_ids]),
            "zh_norm": join_sentences([texts[i][1] for i in p.zh_ids]),
            "en_norm": join_sentences([texts[i][1] for i in p.en_ids]),
            "confidence": float(p.confidence),
            "type": p.type,
            "signature": signature,
        }
        review = p.review
        if review is not None:
            values.update(
                origin=review.origin,
                status=review.status,
                flags=json.dumps(review.flags, ensure_ascii=False),
                note=review.note,
                reviewed_by=review.reviewed_by,
                reviewed_at=review.reviewed_at,
            )
            pair_id: int | None = review.id
        else:
            values.update(
                origin="aligner",
                status="auto",
                flags=json.dumps(p.flags),
                note=None,
                reviewed_by=None,
                reviewed_at=None,
            )
            pair_id = reusable.get((zh_ids, en_ids))
        columns = list(values)  # the same keys for every pair
        if pair_id is not None and pair_id in stored and pair_id not in kept:
            kept.add(pair_id)
            updates.append([*values.values(), pair_id])
        else:
            inserts.append([rid, *values.values()])
    # In two batches (one round trip each on a server); new ids follow the reading order.
    if updates:
        sets = ", ".join(f"{k} = ?" for k in columns)
        c.executemany(f"UPDATE pairs SET {sets} WHERE id = ?", updates)
    if inserts:
        marks = ", ".join("?" * (len(columns) + 1))
        c.executemany(
            f"INSERT INTO pairs (record_id, {', '.join(columns)}) VALUES ({marks})", inserts
        )
    c.executemany("DELETE FROM pairs WHERE id = ?", [(i,) for i in stored - kept])


def _archive(c: Connection, rid: int, stamp: str, stored_pairs: list[StoredPair]) -> None:
    """Keep the current version whole in record_archive before it is replaced."""
    row = c.execute("SELECT * FROM records WHERE id = ?", (rid,)).fetchone()
    detail = _detail(c, row["symbol"])
    pairs = select_pairs(c, "p.record_id = ?", [rid], order="p.position")
    counts = _counts(c, rid, stored_pairs)
    blob = encode_snapshot(detail, pairs)
    c.execute(
        "INSERT INTO record_archive (record_id, version, reason, created_at, replaced_at, "
        "signature, pair_count, zh_sentences, en_sentences, reviewed_pairs, sources, snapshot) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            rid,
            row["version"],
            row["version_reason"],
            row["updated_at"],
            stamp,
            row["signature"],
            counts["pairs"],
            counts["zh_sentences"],
            counts["en_sentences"],
            sum(p.reviewed for p in stored_pairs),
            json.dumps([asdict(v) for v in detail.versions], ensure_ascii=False),
            blob,
        ),
    )


# --- reading helpers ------------------------------------------------------------------------


def _sources(c: Connection, rid: int) -> dict[str, str]:
    return dict(
        c.execute(
            "SELECT language, source_sha256 FROM record_versions WHERE record_id = ?", (rid,)
        ).fetchall()
    )


def _stored_pairs(c: Connection, rid: int) -> tuple[list[StoredPair], dict[int, tuple[str, str]]]:
    pairs, texts = [], {}
    for r in c.execute(
        "SELECT id, zh_ids, en_ids, zh_turn, en_turn, confidence, status, flags, note, origin, "
        "reviewed_by, reviewed_at, zh_text, en_text FROM pairs WHERE record_id = ? "
        "ORDER BY position, id",
        (rid,),
    ):
        pairs.append(
            StoredPair(
                r["id"],
                j(r["zh_ids"]),
                j(r["en_ids"]),
                r["zh_turn"],
                r["en_turn"],
                r["confidence"],
                r["status"],
                j(r["flags"]) or [],
                r["note"],
                r["origin"],
                r["reviewed_by"],
                r["reviewed_at"],
            )
        )
        texts[r["id"]] = (r["zh_text"], r["en_text"])
    return pairs, texts


def _stored_sentences(c: Connection, rid: int) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {"zh": [], "en": []}
    for r in c.execute(
        "SELECT id, language, text FROM sentences WHERE record_id = ? ORDER BY language, seq",
        (rid,),
    ):
        out.setdefault(r["language"], []).append((r["id"], r["text"]))
    return out


def _counts(c: Connection, rid: int, pairs: list[StoredPair]) -> dict[str, int]:
    sentences = dict(
        c.execute(
            "SELECT language, COUNT(*) FROM sentences WHERE record_id = ? GROUP BY language",
            (rid,),
        ).fetchall()
    )
    return counts_of(pairs, sentences)


def _changes(
    c: Connection,
    rid: int,
    version: int,
    stored: list[StoredPair],
    texts: dict[int, tuple[str, str]],
    plan: CarryOver,
    alignment: RecordAlignment,
) -> VersionChanges:
    after = alignment_counts(alignment)
    after["pairs"] = len(plan.pairs)
    after["linked_pairs"] = sum(1 for p in plan.pairs if p.zh_ids and p.en_ids)

    def corrections_of(pair_id: int) -> int:
        row = c.execute("SELECT COUNT(*) FROM corrections WHERE pair_id = ?", (pair_id,))
        return int(row.fetchone()[0])

    return version_changes(
        _counts(c, rid, stored),
        after,
        stored,
        texts,
        version=version,
        dropped=plan.dropped,
        carried=len(plan.carried),
        corrections_of=corrections_of,
    )


def _summary(r: Any) -> RecordSummary:
    languages = sorted(r["langs"].split(",")) if r["langs"] else []
    return from_row(RecordSummary, r, json_fields=("meta",), languages=languages)


def _detail(c: Connection, symbol: str) -> RecordDetail:
    row = c.execute(_summary_sql(c) + " WHERE r.symbol = ?", (symbol,)).fetchone()
    if row is None:
        raise NotFoundError(f"no record {symbol!r}")
    summary = _summary(row)
    versions = [
        from_row(RecordVersion, v, json_fields=("meta",))
        for v in c.execute(
            "SELECT * FROM record_versions WHERE record_id = ? ORDER BY language", (row["id"],)
        )
    ]
    paragraphs = _per_turn(c, "paragraphs", row["id"])
    sentences = _per_turn(c, "sentences", row["id"])
    turns: dict[str, list[TurnRow]] = {"zh": [], "en": []}
    for t in c.execute(
        "SELECT * FROM turns WHERE record_id = ? ORDER BY language, idx", (row["id"],)
    ):
        key = (t["language"], t["idx"])
        turns.setdefault(t["language"], []).append(
            from_row(
                TurnRow,
                t,
                index=t["idx"],
                is_original=bool(t["is_original"]),
                paragraphs=paragraphs.get(key, 0),
                sentences=sentences.get(key, 0),
            )
        )
    links = [
        from_row(TurnLinkRow, lk, json_fields=("zh_turns", "en_turns"))
        for lk in c.execute(
            "SELECT * FROM turn_links WHERE record_id = ? ORDER BY position", (row["id"],)
        )
    ]
    return RecordDetail(**asdict(summary), versions=versions, turns=turns, turn_links=links)


def _per_turn(c: Connection, table: str, rid: int) -> dict[tuple[str, int], int]:
    """Rows of `table` (paragraphs or sentences) per (language, turn) of a record."""
    return {
        (r[0], r[1]): int(r[2])
        for r in c.execute(
            f"SELECT language, turn, COUNT(*) FROM {table} WHERE record_id = ? "
            "GROUP BY language, turn",
            (rid,),
        )
    }


def _current_summary(c: Connection, rid: int) -> VersionSummary:
    row = c.execute(
        "SELECT version, version_reason, updated_at, signature FROM records WHERE id = ?", (rid,)
    ).fetchone()
    stored, _texts = _stored_pairs(c, rid)
    counts = _counts(c, rid, stored)
    sources = [
        from_row(RecordVersion, v, json_fields=("meta",))
        for v in c.execute(
            "SELECT * FROM record_versions WHERE record_id = ? ORDER BY language", (rid,)
        )
    ]
    return VersionSummary(
        version=int(row["version"]),
        current=True,
        reason=row["version_reason"],
        created_at=row["updated_at"],
        replaced_at=None,
        signature=row["signature"],
        pair_count=counts["pairs"],
        sentences={"zh": counts["zh_sentences"], "en": counts["en_sentences"]},
        reviewed_pairs=sum(p.reviewed for p in stored),
        sources=sources,
    )


def _archived_summary(r: Any) -> VersionSummary:
    return VersionSummary(
        version=int(r["version"]),
        current=False,
        reason=r["reason"],
        created_at=r["created_at"],
        replaced_at=r["replaced_at"],
        signature=r["signature"],
        pair_count=int(r["pair_count"]),
        sentences={"zh": int(r["zh_sentences"]), "en": int(r["en_sentences"])},
        reviewed_pairs=int(r["reviewed_pairs"]),
        sources=[build(RecordVersion, v) for v in json.loads(r["sources"])],
    )
