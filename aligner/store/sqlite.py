"""The SQLite repository: the embedded default store (stdlib sqlite3, WAL, FTS5 trigram).

Why SQLite: nothing to install or run, one file to back up, and WAL lets any number of readers
work while one writer commits, which is what a review service with occasional imports needs.
Every public method is one transaction on a per-thread connection: readers see the state
before or after a re-alignment, never a mix.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import uuid
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from aligner.errors import ConflictError, InputError, NotFoundError
from aligner.models import Record, RecordAlignment, join_sentences
from aligner.store.limits import (
    MAX_FLAG_CHARS,
    MAX_FLAGS,
    MAX_NOTE_CHARS,
    MAX_REVIEWER_CHARS,
    check_page,
    is_row_id,
)
from aligner.store.matching import check_query, find_spans, fold, highlight
from aligner.store.migrations import apply_migrations
from aligner.store.repository import Repository
from aligner.store.request_text import check_text
from aligner.store.rows import (
    JOB_STATUSES,
    PAIR_STATUSES,
    Correction,
    CorrectionRow,
    JobRow,
    Page,
    PairFilter,
    PairRow,
    RecordDetail,
    RecordSummary,
    RecordVersion,
    SaveResult,
    SearchHit,
    TurnLinkRow,
    TurnRow,
)
from aligner.store.symbols import check_symbol

_JOB_FIELDS = {
    "status",
    "stage",
    "percent",
    "result",
    "error",
    "error_type",
    "started_at",
    "finished_at",
}


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def text_sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class SQLiteStore(Repository):
    def __init__(self, path: str | Path, *, timeout: float = 30.0) -> None:
        self.path = Path(path)
        if str(path) == ":memory:":
            raise InputError("the store needs a database file (threads share it), not :memory:")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(
                f"cannot create the database folder {self.path.parent}: {exc.strerror or exc}"
            ) from None
        self._timeout = timeout
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._all_lock = threading.Lock()
        self._closed = False
        try:
            conn = self._conn()
            conn.execute("PRAGMA journal_mode=WAL")
        except sqlite3.DatabaseError as exc:
            self.close()
            raise InputError(f"{self.path} is not a verbalign database: {exc}") from exc
        try:
            apply_migrations(conn)
        except BaseException:
            self.close()
            raise

    # connections -------------------------------------------------------------------------
    def _conn(self) -> sqlite3.Connection:
        if self._closed:
            raise RuntimeError("the store is closed")
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(
                self.path, timeout=self._timeout, isolation_level=None, check_same_thread=False
            )
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute(f"PRAGMA busy_timeout={int(self._timeout * 1000)}")
            self._local.conn = conn
            with self._all_lock:
                self._all.append(conn)
        return conn

    def read(self) -> AbstractContextManager[sqlite3.Connection]:
        """A read transaction: one consistent snapshot for every query inside it."""
        return self._transaction("BEGIN")

    def write(self) -> AbstractContextManager[sqlite3.Connection]:
        """A write transaction (BEGIN IMMEDIATE): all of it is committed, or none of it."""
        return self._transaction("BEGIN IMMEDIATE")

    @contextmanager
    def _transaction(self, begin: str) -> Iterator[sqlite3.Connection]:
        conn = self._conn()
        if conn.in_transaction:  # nested: part of the transaction around it
            yield conn
            return
        conn.execute(begin)
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def close(self) -> None:
        with self._all_lock:
            for conn in self._all:
                conn.close()
            self._all.clear()
        self._closed = True

    # records -----------------------------------------------------------------------------
    def save_alignment(self, alignment: RecordAlignment, *, force: bool = False) -> SaveResult:
        zh, en = alignment.zh, alignment.en
        symbol = record_symbol(zh, en)
        for rec, lang in ((zh, "zh"), (en, "en")):
            if rec.language != lang:
                raise InputError(f"the {lang} side of the alignment is a {rec.language} record")
        norms = {s.id: s.norm for rec in (zh, en) for s in rec.sentences()}
        stamp = now()
        with self.write() as c:
            row = c.execute("SELECT id FROM records WHERE symbol = ?", (symbol,)).fetchone()
            if row is not None and not force:
                hashes = dict(
                    c.execute(
                        "SELECT language, source_sha256 FROM record_versions WHERE record_id = ?",
                        (row["id"],),
                    ).fetchall()
                )
                if hashes == {"zh": zh.source_sha256, "en": en.source_sha256}:
                    stored = c.execute(
                        "SELECT signature, (SELECT COUNT(*) FROM pairs WHERE record_id = r.id) n "
                        "FROM records r WHERE id = ?",
                        (row["id"],),
                    ).fetchone()
                    return SaveResult(symbol, "unchanged", stored["n"], stored["signature"])
            meta = json.dumps({"zh": asdict(zh.meta), "en": asdict(en.meta)}, ensure_ascii=False)
            if row is None:
                record_id = c.execute(
                    "INSERT INTO records (symbol, meta, signature, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (symbol, meta, alignment.signature, stamp, stamp),
                ).lastrowid
                status = "created"
            else:
                record_id = row["id"]
                c.execute(
                    "UPDATE records SET meta = ?, signature = ?, updated_at = ? WHERE id = ?",
                    (meta, alignment.signature, stamp, record_id),
                )
                for table in ("record_versions", "turns", "paragraphs", "sentences", "turn_links"):
                    c.execute(f"DELETE FROM {table} WHERE record_id = ?", (record_id,))
                status = "updated"
            assert record_id is not None
            for rec in (zh, en):
                _insert_structure(c, record_id, rec)
            c.executemany(
                "INSERT INTO turn_links (record_id, position, zh_turn, en_turn, zh_turns, "
                "en_turns, confidence) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        record_id,
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
            _replace_pairs(c, record_id, alignment, norms)
            _bump(c)
        return SaveResult(symbol, status, len(alignment.pairs), alignment.signature)

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
            rows = c.execute(_SUMMARY_SQL + " ORDER BY r.symbol").fetchall()
        return [_summary(r) for r in rows]

    def get_record(self, symbol: str) -> RecordDetail:
        with self.read() as c:
            row = c.execute(_SUMMARY_SQL + " WHERE r.symbol = ?", (symbol,)).fetchone()
            if row is None:
                raise NotFoundError(f"no record {symbol!r}")
            summary = _summary(row)
            versions = [
                _from_row(RecordVersion, v, json_fields=("meta",))
                for v in c.execute(
                    "SELECT * FROM record_versions WHERE record_id = ? ORDER BY language",
                    (row["id"],),
                )
            ]
            turns: dict[str, list[TurnRow]] = {"zh": [], "en": []}
            for t in c.execute(
                "SELECT t.*, "
                "(SELECT COUNT(*) FROM paragraphs p WHERE p.record_id = t.record_id "
                " AND p.language = t.language AND p.turn = t.idx) n_par, "
                "(SELECT COUNT(*) FROM sentences s WHERE s.record_id = t.record_id "
                " AND s.language = t.language AND s.turn = t.idx) n_sent "
                "FROM turns t WHERE t.record_id = ? ORDER BY t.language, t.idx",
                (row["id"],),
            ):
                turns.setdefault(t["language"], []).append(
                    _from_row(
                        TurnRow,
                        t,
                        index=t["idx"],
                        is_original=bool(t["is_original"]),
                        paragraphs=t["n_par"],
                        sentences=t["n_sent"],
                    )
                )
            links = [
                _from_row(TurnLinkRow, lk, json_fields=("zh_turns", "en_turns"))
                for lk in c.execute(
                    "SELECT * FROM turn_links WHERE record_id = ? ORDER BY position", (row["id"],)
                )
            ]
        return RecordDetail(**asdict(summary), versions=versions, turns=turns, turn_links=links)

    def delete_record(self, symbol: str) -> None:
        with self.write() as c:
            if c.execute("DELETE FROM records WHERE symbol = ?", (symbol,)).rowcount == 0:
                raise NotFoundError(f"no record {symbol!r}")
            _bump(c)

    def sentences(self, symbol: str, language: str) -> list[dict[str, Any]]:
        """The record's sentences of one language in document order (for the review page)."""
        with self.read() as c:
            record_id = _record_id(c, symbol)
            rows = c.execute(
                "SELECT id, turn, paragraph, idx, text FROM sentences "
                "WHERE record_id = ? AND language = ? ORDER BY seq",
                (record_id, language),
            ).fetchall()
        return [dict(r) for r in rows]

    # pairs -------------------------------------------------------------------------------
    def list_pairs(
        self,
        symbol: str,
        filters: PairFilter | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
    ) -> Page[PairRow]:
        check_page(limit, offset)
        f = filters or PairFilter()
        where, params = ["r.symbol = ?"], [symbol]
        if f.turn is not None:
            where.append("(p.zh_turn = ? OR p.en_turn = ?)")
            params += [f.turn, f.turn]
        if f.zh_turn is not None:
            where.append("p.zh_turn = ?")
            params.append(f.zh_turn)
        if f.en_turn is not None:
            where.append("p.en_turn = ?")
            params.append(f.en_turn)
        if f.speaker:
            like = _like(f.speaker)
            where.append("(tz.speaker LIKE ? ESCAPE '\\' OR te.speaker LIKE ? ESCAPE '\\')")
            params += [like, like]
        if f.country:
            like = _like(f.country)
            where.append(
                "(tz.country LIKE ? ESCAPE '\\' OR te.country LIKE ? ESCAPE '\\' "
                "OR upper(coalesce(tz.country_code, te.country_code, '')) = upper(?))"
            )
            params += [like, like, f.country.strip()]
        if f.min_confidence is not None:
            where.append("p.confidence >= ?")
            params.append(f.min_confidence)
        if f.max_confidence is not None:
            where.append("p.confidence <= ?")
            params.append(f.max_confidence)
        if f.type:
            where.append("p.type = ?")
            params.append(f.type)
        if f.status:
            where.append("p.status = ?")
            params.append(f.status)
        with self.read() as c:
            _record_id(c, symbol)
            clause = " AND ".join(where)
            total = _count_pairs(c, clause, params)
            items = _select_pairs(c, clause, params, order="p.position", limit=limit, offset=offset)
        return Page(total, limit if limit is not None else total, offset, items)

    def get_pair(self, pair_id: int) -> PairRow:
        with self.read() as c:
            return _get_pair(c, pair_id)

    def correct_pair(self, pair_id: int, correction: Correction) -> list[PairRow]:
        correction = _checked(correction)
        reviewer = correction.reviewer
        stamp = now()
        with self.write() as c:
            target = _get_pair(c, pair_id)
            record_id = _record_id(c, target.symbol)
            if correction.action == "flag":
                changed = _flag(c, target, correction, reviewer, stamp)
                before, after = [_snapshot(target)], [_snapshot(p) for p in changed]
            else:
                layout = _Layout.load(c, record_id)
                before_rows = {p.id: p for p in layout.rows(c)}
                edit = layout.apply(target.id, correction)
                changed_ids = layout.write(c, edit, correction, reviewer, stamp, target)
                changed = [_get_pair(c, i) for i in changed_ids]
                before = [_snapshot(before_rows[i]) for i in edit.touched_before]
                after = [_snapshot(p) for p in changed]
            c.execute(
                "INSERT INTO corrections (record_id, pair_id, action, reviewer, created_at, "
                "before, after, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    record_id,
                    changed[0].id if changed else None,
                    correction.action,
                    reviewer,
                    stamp,
                    json.dumps(before, ensure_ascii=False),
                    json.dumps(after, ensure_ascii=False),
                    correction.note,
                ),
            )
            _bump(c)
        return changed

    def corrections(
        self, *, symbol: str | None = None, pair_id: int | None = None
    ) -> list[CorrectionRow]:
        if pair_id is not None and not is_row_id(pair_id):
            return []
        where, params = [], []
        with self.read() as c:
            if symbol is not None:
                where.append("c.record_id = ?")
                params.append(_record_id(c, symbol))
            if pair_id is not None:
                where.append("c.pair_id = ?")
                params.append(pair_id)
            clause = ("WHERE " + " AND ".join(where)) if where else ""
            rows = c.execute(
                "SELECT c.*, r.symbol FROM corrections c JOIN records r ON r.id = c.record_id "
                f"{clause} ORDER BY c.id",
                params,
            ).fetchall()
        return [_from_row(CorrectionRow, r, json_fields=("before", "after")) for r in rows]

    # concordance -------------------------------------------------------------------------
    def search(
        self,
        query: str,
        *,
        lang: str | None = None,
        symbol: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> Page[SearchHit]:
        q = check_query(query)
        check_page(limit, offset)
        if lang not in (None, "zh", "en"):
            raise InputError(f"lang must be zh or en, not {lang!r}")
        needle = fold(q)
        if not needle.strip():
            raise InputError("the query has nothing to search for")
        columns = [f"{lang}_norm"] if lang else ["zh_norm", "en_norm"]
        where: list[str] = []
        params: list[Any] = []
        if len(needle) >= 3:
            # A quoted FTS5 string is a phrase: for the trigram tokenizer, a substring.
            phrase = '"' + needle.replace('"', '""') + '"'
            where.append("p.id IN (SELECT rowid FROM pairs_fts WHERE pairs_fts MATCH ?)")
            params.append("{" + " ".join(columns) + "} : " + phrase)
        else:
            # Trigrams cannot index 1-2 characters: scan the matching forms instead.
            like = _like(needle)
            where.append("(" + " OR ".join(f"p.{col} LIKE ? ESCAPE '\\'" for col in columns) + ")")
            params += [like] * len(columns)
        if symbol is not None:
            where.append("r.symbol = ?")
            params.append(symbol)
        clause = " AND ".join(where)
        with self.read() as c:
            if symbol is not None:
                _record_id(c, symbol)
            total = _count_pairs(c, clause, params)
            pairs = _select_pairs(c, clause, params, limit=limit, offset=offset)
        hits = []
        for pair in pairs:
            matched = [
                lg
                for lg, text in (("zh", pair.zh), ("en", pair.en))
                if (lang in (None, lg)) and find_spans(text, needle)
            ]
            hits.append(
                SearchHit(
                    pair=pair,
                    zh_highlight=highlight(pair.zh, needle if lang in (None, "zh") else ""),
                    en_highlight=highlight(pair.en, needle if lang in (None, "en") else ""),
                    matched=matched,
                )
            )
        return Page(total, limit, offset, hits)

    # translation memory ------------------------------------------------------------------
    def tm_units(self, source_lang: str, *, symbol: str | None = None) -> list[PairRow]:
        if source_lang not in ("zh", "en"):
            raise InputError(f"source_lang must be zh or en, not {source_lang!r}")
        where = "p.zh_text != '' AND p.en_text != '' AND p.status != 'rejected'"
        params: list[Any] = []
        with self.read() as c:
            if symbol is not None:
                _record_id(c, symbol)
                where += " AND r.symbol = ?"
                params.append(symbol)
            return _select_pairs(c, where, params)

    def get_embeddings(
        self, model: str, language: str, pair_ids: list[int]
    ) -> dict[int, np.ndarray]:
        wanted = set(pair_ids)
        out: dict[int, np.ndarray] = {}
        with self.read() as c:
            for r in c.execute(
                f"SELECT e.pair_id, e.text_sha, e.vector, p.{_side(language)}_text AS text "
                "FROM pair_embeddings e JOIN pairs p ON p.id = e.pair_id "
                "WHERE e.model = ? AND e.language = ?",
                (model, language),
            ):
                if r["pair_id"] in wanted and r["text_sha"] == text_sha(r["text"]):
                    out[r["pair_id"]] = np.frombuffer(r["vector"], dtype="<f4")
        return out

    def put_embeddings(
        self, model: str, language: str, vectors: dict[int, tuple[str, np.ndarray]]
    ) -> None:
        _side(language)
        with self.write() as c:
            c.executemany(
                "INSERT INTO pair_embeddings (pair_id, language, model, text_sha, dim, vector) "
                "SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM pairs WHERE id = ?) "
                "ON CONFLICT (pair_id, language, model) DO UPDATE SET "
                "text_sha = excluded.text_sha, dim = excluded.dim, vector = excluded.vector",
                [
                    (
                        pid,
                        language,
                        model,
                        text_sha(text),
                        int(vec.shape[0]),
                        np.asarray(vec, dtype="<f4").tobytes(),
                        pid,
                    )
                    for pid, (text, vec) in vectors.items()
                ],
            )

    def data_version(self) -> int:
        with self.read() as c:
            return int(
                c.execute("SELECT value FROM store_state WHERE key = 'pairs_version'").fetchone()[0]
            )

    # jobs --------------------------------------------------------------------------------
    def create_job(self, kind: str, params: dict[str, Any]) -> JobRow:
        job_id = uuid.uuid4().hex
        stamp = now()
        with self.write() as c:
            c.execute(
                "INSERT INTO jobs (id, kind, status, stage, percent, params, created_at, "
                "updated_at) VALUES (?, ?, 'queued', 'queued', 0, ?, ?, ?)",
                (job_id, kind, json.dumps(params, ensure_ascii=False), stamp, stamp),
            )
            return _job(c.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone())

    def update_job(self, job_id: str, **fields: Any) -> None:
        unknown = set(fields) - _JOB_FIELDS
        if unknown:
            raise ValueError(f"unknown job fields: {sorted(unknown)}")
        if "status" in fields and fields["status"] not in JOB_STATUSES:
            raise ValueError(f"unknown job status {fields['status']!r}")
        if "result" in fields and fields["result"] is not None:
            fields["result"] = json.dumps(fields["result"], ensure_ascii=False)
        sets = ", ".join(f"{k} = ?" for k in fields)
        with self.write() as c:
            c.execute(
                f"UPDATE jobs SET {sets}, updated_at = ? WHERE id = ?",
                [*fields.values(), now(), job_id],
            )

    def get_job(self, job_id: str) -> JobRow:
        with self.read() as c:
            row = c.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no job {job_id!r}")
        return _job(row)

    def list_jobs(self, *, limit: int = 50) -> list[JobRow]:
        check_page(limit, 0)
        with self.read() as c:
            rows = c.execute(
                "SELECT * FROM jobs ORDER BY created_at DESC, rowid DESC LIMIT ?", (limit,)
            ).fetchall()
        return [_job(r) for r in rows]

    def fail_interrupted_jobs(self) -> int:
        stamp = now()
        with self.write() as c:
            return c.execute(
                "UPDATE jobs SET status = 'failed', error = 'interrupted: the server stopped "
                "before the job finished', error_type = 'Interrupted', finished_at = ?, "
                "updated_at = ? WHERE status IN ('queued', 'running')",
                (stamp, stamp),
            ).rowcount


# --- helpers ------------------------------------------------------------------------------


def record_symbol(zh: Record, en: Record) -> str:
    """The meeting's symbol, which both language versions must agree on."""
    zh_symbol, en_symbol = zh.meta.symbol, en.meta.symbol
    if zh_symbol and en_symbol and zh_symbol != en_symbol:
        raise ConflictError(
            f"the two files are different meetings: zh is {zh_symbol}, en is {en_symbol}"
        )
    symbol = (zh_symbol or en_symbol or "").strip()
    if not symbol:
        raise InputError("neither file states the record's symbol (e.g. S/PV.9132): give one")
    return check_symbol(symbol)


def _one(value: int | None) -> list[int]:
    return [] if value is None else [value]


def _j(value: str | None) -> Any:
    return None if value is None else json.loads(value)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _side(language: str) -> str:
    if language not in ("zh", "en"):
        raise InputError(f"language must be zh or en, not {language!r}")
    return language


def _bump(c: sqlite3.Connection) -> None:
    c.execute("UPDATE store_state SET value = value + 1 WHERE key = 'pairs_version'")


def _record_id(c: sqlite3.Connection, symbol: str) -> int:
    row = c.execute("SELECT id FROM records WHERE symbol = ?", (symbol,)).fetchone()
    if row is None:
        raise NotFoundError(f"no record {symbol!r}")
    return int(row["id"])


def _insert_structure(c: sqlite3.Connection, record_id: int, rec: Record) -> None:
    lang = rec.language
    c.execute(
        "INSERT INTO record_versions (record_id, language, source_name, source_sha256, meta) "
        "VALUES (?, ?, ?, ?, ?)",
        (
            record_id,
            lang,
            rec.source_name,
            rec.source_sha256,
            json.dumps(asdict(rec.meta), ensure_ascii=False),
        ),
    )
    c.executemany(
        "INSERT INTO turns (record_id, language, idx, role, speaker, honorific, country, "
        "country_code, spoken_language, is_original, header, title) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                record_id,
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
        [
            (record_id, lang, t.index, p.index, len(p.sentences))
            for t in rec.turns
            for p in t.paragraphs
        ],
    )
    try:
        c.executemany(
            "INSERT INTO sentences (id, record_id, language, seq, turn, paragraph, idx, text, "
            "norm) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (s.id, record_id, lang, seq, s.turn, s.paragraph, s.index, s.text, s.norm)
                for seq, s in enumerate(rec.sentences())
            ],
        )
    except sqlite3.IntegrityError as exc:
        raise ConflictError(
            f"sentence ids of the {lang} record clash with a stored record: {exc}"
        ) from exc


def _replace_pairs(
    c: sqlite3.Connection, record_id: int, alignment: RecordAlignment, norms: dict[str, str]
) -> None:
    existing = {
        (r["zh_ids"], r["en_ids"]): r
        for r in c.execute(
            "SELECT id, zh_ids, en_ids, zh_text, en_text FROM pairs WHERE record_id = ?",
            (record_id,),
        )
    }
    kept: set[int] = set()
    for position, pair in enumerate(alignment.pairs):
        missing = [i for i in (*pair.zh_ids, *pair.en_ids) if i not in norms]
        if missing:
            raise InputError(f"the alignment links sentences the records lack: {missing[:3]}")
        zh_ids, en_ids = json.dumps(pair.zh_ids), json.dumps(pair.en_ids)
        zh_text, en_text = join_sentences(list(pair.zh)), join_sentences(list(pair.en))
        values = {
            "position": position,
            "zh_turn": pair.zh_turn,
            "en_turn": pair.en_turn,
            "zh_text": zh_text,
            "en_text": en_text,
            "zh_norm": join_sentences([norms[i] for i in pair.zh_ids]),
            "en_norm": join_sentences([norms[i] for i in pair.en_ids]),
            "confidence": float(pair.confidence),
            "type": pair.type,
            "signature": alignment.signature,
        }
        old = existing.get((zh_ids, en_ids))
        if old is not None and old["id"] not in kept:
            kept.add(old["id"])
            sets = ", ".join(f"{k} = ?" for k in values)
            extra = ""
            if (old["zh_text"], old["en_text"]) != (zh_text, en_text):
                # A reviewer's verdict was about the old text: it does not carry over.
                extra = (
                    ", origin = 'aligner', status = 'auto', flags = '[]', note = NULL, "
                    "reviewed_by = NULL, reviewed_at = NULL"
                )
            c.execute(f"UPDATE pairs SET {sets}{extra} WHERE id = ?", [*values.values(), old["id"]])
        else:
            c.execute(
                "INSERT INTO pairs (record_id, zh_ids, en_ids, "
                + ", ".join(values)
                + ") VALUES (?, ?, ?, "
                + ", ".join("?" * len(values))
                + ")",
                [record_id, zh_ids, en_ids, *values.values()],
            )
    stale = [r["id"] for r in existing.values() if r["id"] not in kept]
    c.executemany("DELETE FROM pairs WHERE id = ?", [(i,) for i in stale])


_SUMMARY_SQL = (
    "SELECT r.*, "
    "(SELECT COUNT(*) FROM pairs p WHERE p.record_id = r.id) pair_count, "
    "(SELECT COUNT(*) FROM turns t WHERE t.record_id = r.id AND t.language = 'zh') turn_count, "
    "(SELECT group_concat(language) FROM record_versions v WHERE v.record_id = r.id) langs "
    "FROM records r"
)


def _summary(r: sqlite3.Row) -> RecordSummary:
    languages = sorted(r["langs"].split(",")) if r["langs"] else []
    return _from_row(RecordSummary, r, json_fields=("meta",), languages=languages)


_PAIR_FROM = (
    "pairs p JOIN records r ON r.id = p.record_id "
    "LEFT JOIN turns tz ON tz.record_id = p.record_id AND tz.language = 'zh' "
    "AND tz.idx = p.zh_turn "
    "LEFT JOIN turns te ON te.record_id = p.record_id AND te.language = 'en' "
    "AND te.idx = p.en_turn"
)
_PAIR_COLUMNS = (
    "p.*, r.symbol, tz.speaker speaker_zh, te.speaker speaker_en, tz.country country_zh, "
    "te.country country_en, coalesce(tz.country_code, te.country_code) country_code, "
    "coalesce(tz.role, te.role) role, "
    "coalesce(tz.spoken_language, te.spoken_language) spoken_language, "
    "CASE WHEN tz.is_original THEN 'zh' WHEN te.is_original THEN 'en' END original"
)


def _pair(r: sqlite3.Row) -> PairRow:
    return _from_row(
        PairRow, r, json_fields=("zh_ids", "en_ids", "flags"), zh=r["zh_text"], en=r["en_text"]
    )


def _select_pairs(
    c: sqlite3.Connection,
    clause: str,
    params: Sequence[Any],
    *,
    order: str = "r.symbol, p.position",
    limit: int | None = None,
    offset: int = 0,
) -> list[PairRow]:
    """The pairs (with their turns' speaker, country and language) matching `clause`."""
    sql = f"SELECT {_PAIR_COLUMNS} FROM {_PAIR_FROM} WHERE {clause} ORDER BY {order}"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params = [*params, limit, offset]
    return [_pair(r) for r in c.execute(sql, params)]


def _count_pairs(c: sqlite3.Connection, clause: str, params: Sequence[Any]) -> int:
    return int(c.execute(f"SELECT COUNT(*) FROM {_PAIR_FROM} WHERE {clause}", params).fetchone()[0])


def _get_pair(c: sqlite3.Connection, pair_id: int) -> PairRow:
    found = _select_pairs(c, "p.id = ?", [pair_id]) if is_row_id(pair_id) else []
    if not found:
        raise NotFoundError(f"no pair {pair_id}")
    return found[0]


def _job(r: sqlite3.Row) -> JobRow:
    return _from_row(JobRow, r, json_fields=("params", "result"))


_Row = TypeVar("_Row")


def _from_row(
    cls: type[_Row], row: sqlite3.Row, *, json_fields: Sequence[str] = (), **values: Any
) -> _Row:
    """A row dataclass from a database row: each field not given in `values` is read from the
    column of its name; `json_fields` are stored as JSON text."""
    for name, is_json in _columns_of(cls, tuple(row.keys()), tuple(json_fields)):
        if name not in values:
            values[name] = _j(row[name]) if is_json else row[name]
    return cls(**values)


@cache
def _columns_of(
    cls: type, columns: tuple[str, ...], json_fields: tuple[str, ...]
) -> tuple[tuple[str, bool], ...]:
    # Worked out once per query shape: pages of pairs map thousands of rows.
    present = set(columns)
    return tuple(
        (f.name, f.name in json_fields)
        for f in fields(cls)  # type: ignore[arg-type]
        if f.name in present
    )


def _snapshot(p: PairRow) -> dict[str, Any]:
    return {
        "id": p.id,
        "zh_ids": p.zh_ids,
        "en_ids": p.en_ids,
        "zh": p.zh,
        "en": p.en,
        "type": p.type,
        "confidence": p.confidence,
        "status": p.status,
        "flags": p.flags,
    }


def _checked(corr: Correction) -> Correction:
    """The correction with its reviewer, flags and note checked and stripped (a blank note
    clears the pair's note)."""
    note = corr.note
    if note is not None and note.strip():
        note = check_text(note, "note", MAX_NOTE_CHARS, multiline=True)
    flags = corr.flags
    if flags is not None:
        if len(flags) > MAX_FLAGS:
            raise InputError(f"at most {MAX_FLAGS} flags per pair")
        flags = list(dict.fromkeys(check_text(str(f), "flag", MAX_FLAG_CHARS) for f in flags))
    reviewer = check_text(corr.reviewer, "reviewer's name", MAX_REVIEWER_CHARS)
    return replace(corr, reviewer=reviewer, note=note, flags=flags)


def _flag(
    c: sqlite3.Connection, pair: PairRow, corr: Correction, reviewer: str, stamp: str
) -> list[PairRow]:
    if corr.status is None and corr.flags is None and corr.note is None:
        raise InputError("a flag correction needs a status, flags or a note")
    status = pair.status if corr.status is None else corr.status
    if status not in PAIR_STATUSES:
        raise InputError(f"status must be one of {', '.join(PAIR_STATUSES)}")
    flags = pair.flags if corr.flags is None else corr.flags
    note = pair.note if corr.note is None else corr.note
    c.execute(
        "UPDATE pairs SET status = ?, flags = ?, note = ?, reviewed_by = ?, reviewed_at = ? "
        "WHERE id = ?",
        (status, json.dumps(flags, ensure_ascii=False), note, reviewer, stamp, pair.id),
    )
    return [_get_pair(c, pair.id)]


@dataclass
class _Shape:
    """A pair as a structural correction sees it: which sentences it links."""

    id: int | None
    zh_ids: list[str]
    en_ids: list[str]
    zh_turn: int | None
    en_turn: int | None
    role: str = "kept"
    """kept | direct (the reviewer's own link) | side (changed as a consequence) | released."""


@dataclass
class _Edit:
    touched_before: list[int] = field(default_factory=list)
    removed: dict[int, int] = field(default_factory=dict)
    """Removed pair id -> the pair its history and glossary contexts move to."""


@dataclass
class _Layout:
    record_id: int
    shapes: list[_Shape]
    sentence_info: dict[str, tuple[str, int, int]]
    """Sentence id -> (language, seq, turn)."""

    @classmethod
    def load(cls, c: sqlite3.Connection, record_id: int) -> _Layout:
        shapes = [
            _Shape(r["id"], _j(r["zh_ids"]), _j(r["en_ids"]), r["zh_turn"], r["en_turn"])
            for r in c.execute(
                "SELECT id, zh_ids, en_ids, zh_turn, en_turn FROM pairs WHERE record_id = ? "
                "ORDER BY position, id",
                (record_id,),
            )
        ]
        info = {
            r["id"]: (r["language"], r["seq"], r["turn"])
            for r in c.execute(
                "SELECT id, language, seq, turn FROM sentences WHERE record_id = ?", (record_id,)
            )
        }
        return cls(record_id, shapes, info)

    def rows(self, c: sqlite3.Connection) -> list[PairRow]:
        return [_get_pair(c, s.id) for s in self.shapes if s.id is not None]

    def _index(self, pair_id: int) -> int:
        for i, s in enumerate(self.shapes):
            if s.id == pair_id:
                return i
        raise NotFoundError(f"no pair {pair_id} in this record")

    def apply(self, pair_id: int, corr: Correction) -> _Edit:
        i = self._index(pair_id)
        edit = _Edit()
        if corr.action == "merge":
            self._merge(i, corr, edit)
        elif corr.action == "split":
            self._split(i, corr, edit)
        elif corr.action == "relink":
            self._relink(i, corr, edit)
        else:
            raise InputError(f"unknown correction action {corr.action!r}")
        self._check_order()
        return edit

    def _merge(self, i: int, corr: Correction, edit: _Edit) -> None:
        if corr.with_pair is None:
            raise InputError("merge needs with_pair: the id of the next or previous pair")
        j = self._index(corr.with_pair)
        if abs(i - j) != 1:
            raise InputError("merge joins two neighbouring pairs: with_pair is not next to it")
        a, b = sorted((i, j))
        first, second = self.shapes[a], self.shapes[b]
        assert first.id is not None and second.id is not None
        edit.touched_before += [first.id, second.id]
        first.zh_ids = first.zh_ids + second.zh_ids
        first.en_ids = first.en_ids + second.en_ids
        first.zh_turn = first.zh_turn if first.zh_turn is not None else second.zh_turn
        first.en_turn = first.en_turn if first.en_turn is not None else second.en_turn
        first.role = "direct"
        # The reviewer names the pair they edit; the merged pair keeps the earlier one's id.
        edit.removed[second.id] = first.id
        del self.shapes[b]

    def _split(self, i: int, corr: Correction, edit: _Edit) -> None:
        s = self.shapes[i]
        assert s.id is not None
        zh_at = corr.zh_at if corr.zh_at is not None else len(s.zh_ids)
        en_at = corr.en_at if corr.en_at is not None else len(s.en_ids)
        if not (0 <= zh_at <= len(s.zh_ids) and 0 <= en_at <= len(s.en_ids)):
            raise InputError(
                f"split points out of range: the pair has {len(s.zh_ids)} zh and "
                f"{len(s.en_ids)} en sentences"
            )
        head_n = zh_at + en_at
        if head_n == 0 or head_n == len(s.zh_ids) + len(s.en_ids):
            raise InputError("a split must leave sentences on both sides of the cut")
        edit.touched_before.append(s.id)
        tail = _Shape(None, s.zh_ids[zh_at:], s.en_ids[en_at:], s.zh_turn, s.en_turn, "direct")
        s.zh_ids, s.en_ids, s.role = s.zh_ids[:zh_at], s.en_ids[:en_at], "direct"
        self.shapes.insert(i + 1, tail)

    def _relink(self, i: int, corr: Correction, edit: _Edit) -> None:
        s = self.shapes[i]
        assert s.id is not None
        new = {"zh": list(corr.zh_ids or []), "en": list(corr.en_ids or [])}
        if not new["zh"] and not new["en"]:
            raise InputError("relink needs zh_ids and/or en_ids")
        for lang, ids in new.items():
            if len(set(ids)) != len(ids):
                raise InputError(f"{lang}_ids lists a sentence twice")
            for sid in ids:
                info = self.sentence_info.get(sid)
                if info is None or info[0] != lang:
                    raise InputError(f"{sid!r} is not a {lang} sentence of this record")
            seqs = [self.sentence_info[sid][1] for sid in ids]
            if seqs and seqs != list(range(seqs[0], seqs[0] + len(seqs))):
                raise InputError(f"{lang}_ids must be consecutive sentences in reading order")
        edit.touched_before.append(s.id)
        taken = set(new["zh"]) | set(new["en"])
        for other in self.shapes:
            if other is s:
                continue
            if taken & set(other.zh_ids + other.en_ids):
                assert other.id is not None
                edit.touched_before.append(other.id)
                other.zh_ids = [x for x in other.zh_ids if x not in taken]
                other.en_ids = [x for x in other.en_ids if x not in taken]
                other.role = "side"
        released = [x for x in s.zh_ids + s.en_ids if x not in taken]
        s.zh_ids, s.en_ids, s.role = new["zh"], new["en"], "direct"
        for lang in ("zh", "en"):
            turn = next((self.sentence_info[x][2] for x in new[lang]), None)
            if turn is not None:
                setattr(s, f"{lang}_turn", turn)
        before, after = [], []
        for sid in released:
            lang, seq, turn = self.sentence_info[sid]
            own = [self.sentence_info[x][1] for x in new[lang]]
            single = _Shape(
                None,
                [sid] if lang == "zh" else [],
                [sid] if lang == "en" else [],
                turn if lang == "zh" else s.zh_turn,
                turn if lang == "en" else s.en_turn,
                "released",
            )
            (before if own and seq < min(own) else after).append(single)
        for other in list(self.shapes):
            if other is not s and other.role == "side" and not (other.zh_ids or other.en_ids):
                assert other.id is not None
                edit.removed[other.id] = s.id
                self.shapes.remove(other)
        at = self.shapes.index(s)
        self.shapes[at : at + 1] = [*before, s, *after]

    def _check_order(self) -> None:
        for lang in ("zh", "en"):
            last = -1
            for shape in self.shapes:
                for sid in getattr(shape, f"{lang}_ids"):
                    seq = self.sentence_info[sid][1]
                    if seq <= last:
                        raise InputError(
                            "the correction would make links cross (reading order broken): "
                            "merge or split neighbouring pairs instead"
                        )
                    last = seq

    def write(
        self,
        c: sqlite3.Connection,
        edit: _Edit,
        corr: Correction,
        reviewer: str,
        stamp: str,
        target: PairRow,
    ) -> list[int]:
        texts = {
            r["id"]: (r["text"], r["norm"])
            for r in c.execute(
                "SELECT id, text, norm FROM sentences WHERE record_id = ?", (self.record_id,)
            )
        }
        for removed, into in edit.removed.items():
            c.execute("UPDATE corrections SET pair_id = ? WHERE pair_id = ?", (into, removed))
            c.execute("UPDATE glossary_contexts SET pair_id = ? WHERE pair_id = ?", (into, removed))
            c.execute("DELETE FROM pairs WHERE id = ?", (removed,))
        changed: list[int] = []
        for position, s in enumerate(self.shapes):
            if s.role == "kept":
                c.execute("UPDATE pairs SET position = ? WHERE id = ?", (position, s.id))
                continue
            values: dict[str, Any] = {
                "position": position,
                "zh_turn": s.zh_turn,
                "en_turn": s.en_turn,
                "zh_ids": json.dumps(s.zh_ids),
                "en_ids": json.dumps(s.en_ids),
                "zh_text": join_sentences([texts[x][0] for x in s.zh_ids]),
                "en_text": join_sentences([texts[x][0] for x in s.en_ids]),
                "zh_norm": join_sentences([texts[x][1] for x in s.zh_ids]),
                "en_norm": join_sentences([texts[x][1] for x in s.en_ids]),
                "type": f"{len(s.zh_ids)}-{len(s.en_ids)}",
                "origin": "reviewer",
                "reviewed_by": reviewer,
                "reviewed_at": stamp,
            }
            if s.role == "direct":
                # The reviewer asserted this link: it is certain.
                values.update(confidence=1.0, status="corrected", note=corr.note)
            else:
                values.update(status="auto", flags=json.dumps(["needs-review"]))
            if s.id is None:
                values.setdefault("confidence", 0.0)
                values.setdefault("flags", "[]")
                values["signature"] = target.signature
                cols = ", ".join(values)
                s.id = c.execute(
                    f"INSERT INTO pairs (record_id, {cols}) VALUES (?, "
                    + ", ".join("?" * len(values))
                    + ")",
                    [self.record_id, *values.values()],
                ).lastrowid
            else:
                sets = ", ".join(f"{k} = ?" for k in values)
                c.execute(f"UPDATE pairs SET {sets} WHERE id = ?", [*values.values(), s.id])
            assert s.id is not None
            changed.append(s.id)
        # The reviewer's own pairs first: the correction row points at the first of them.
        direct = [s.id for s in self.shapes if s.role == "direct" and s.id is not None]
        return direct + [x for x in changed if x not in direct]
