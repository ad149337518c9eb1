"""Import a record pair: parse both files, align them, store the result as the record's next
version, index it for the TM, build its share of the glossary.

Shared by `verbalign import`, `verbalign glossary build`, `verbalign demo` and the API's import
jobs. Nothing is written until the alignment is complete, and then in one transaction, so a
failure (or a kill) at any stage leaves the store as it was. Versions (store/versioning.py):

- the same two files again: a no-op (checked on the raw bytes' hashes before any parsing),
  unless `force`;
- new files whose parsed text is the stored one's (a trailing newline): a new version keeping
  every pair and review, without re-aligning;
- otherwise a new version, reviewed pairs carried over by text; refused without `force`
  (ReimportRefused, nothing written) when reviews would be left behind or the record would
  shrink by more than `max_shrink`. Reviews whose sentences changed and a shrink in
  sentences are caught right after parsing, before the costly alignment.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from aligner.errors import InputError, NotFoundError, about_file
from aligner.ingest.source import read_file
from aligner.models import Record, RecordAlignment
from aligner.store.carry_over import StoredPair, lost_reviews
from aligner.store.repository import Repository
from aligner.store.rows import RecordDetail, SaveResult, VersionChanges
from aligner.store.symbols import check_symbol, record_symbol
from aligner.store.versioning import (
    MAX_SHRINK,
    check_reimport,
    content_digest,
    shrinkage,
    version_changes,
)

if TYPE_CHECKING:
    from aligner.align.embedder import Embedder
    from aligner.pipeline.glossary_build import BuildResult
    from aligner.terms.extract import ExtractParams

log = logging.getLogger(__name__)

Progress = Callable[[str, float], None]
"""(stage, overall fraction 0..1)."""

# Shares of the whole import given to each stage, for one progress bar from 0 to 100 %.
_PARSE_END = 0.05
_ALIGN_END = 0.85
_STORE_END = 0.87
_INDEX_END = 0.90
ALIGN_STAGES = {
    "embed": (0.0, 0.6),
    "turns": (0.6, 0.7),
    "spans": (0.7, 0.8),
    "sentences": (0.8, 1.0),
}
"""The aligner reports each of its stages from 0 to 1: where each sits inside alignment
(embedding every candidate span dominates the time)."""


@dataclass(frozen=True)
class Source:
    data: bytes
    name: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @classmethod
    def from_path(cls, path: str | Path) -> Source:
        p = Path(path)
        try:
            return cls(read_file(p), p.name)
        except NotFoundError as exc:
            # A missing input file is a bad argument here (exit 2), not a missing record.
            raise InputError(str(exc)) from None


@dataclass
class ImportResult:
    symbol: str
    status: str
    """created | updated | unchanged."""
    pairs: int
    signature: str
    seconds: float
    terms: BuildResult | None = None
    """The record's glossary build, when one ran."""
    warnings: list[str] = field(default_factory=list)
    version: int = 1
    """The record's version now."""
    previous_version: int | None = None
    """The version this import replaced (kept, readable), for an update."""
    reason: str = "import"
    """How the version came to be (rows.VERSION_REASONS)."""
    changes: VersionChanges | None = None
    """For an update: counts before and after, reviewed pairs carried over, and those left
    with the previous version (`changes.not_carried`)."""


def import_pair(
    store: Repository,
    zh: Source,
    en: Source,
    *,
    embedder: Embedder | None = None,
    force: bool = False,
    symbol: str | None = None,
    progress: Progress | None = None,
    glossary: bool = True,
    glossary_params: ExtractParams | None = None,
    max_shrink: float = MAX_SHRINK,
) -> ImportResult:
    """Parse, align and store a record pair, then build its share of the glossary.

    A glossary failure does not undo the stored alignment: it is reported in
    `ImportResult.warnings` and the previous glossary stays as it was.
    """
    report = _monotonic(progress)
    started = time.perf_counter()
    symbol = check_symbol(symbol) if symbol else None
    if not force:
        known = store.find_symbol_by_sources(zh.sha256, en.sha256)
        if (
            known is not None
            and (symbol is None or symbol == known)
            and not (glossary and _glossary_missing(store, known))
        ):
            record = store.get_record(known)
            report("done", 1.0)
            return ImportResult(
                known,
                "unchanged",
                record.pair_count,
                record.signature,
                _since(started),
                version=record.version,
            )

    from aligner.parse import parse_record

    report("parse", 0.0)
    with about_file(zh.name):
        first = parse_record(zh.data, name=zh.name)
    report("parse", _PARSE_END / 2)
    with about_file(en.name):
        second = parse_record(en.data, name=en.name)
    report("parse", _PARSE_END)
    zh_rec, en_rec = _by_language(first, second, zh, en)
    if symbol:
        zh_rec.meta.symbol = en_rec.meta.symbol = symbol
    record_key = record_symbol(zh_rec, en_rec)  # a clear error before the costly alignment
    stored = _stored(store, record_key)
    if stored is not None and not force:
        same_text = _same_text(stored, zh_rec, en_rec)
        if same_text and not (glossary and _glossary_missing(store, record_key)):
            saved = store.update_sources(record_key, zh_rec, en_rec)
            report("done", 1.0)
            return _result(saved, started)
        _refuse_before_aligning(store, stored, zh_rec, en_rec, max_shrink)

    from aligner.align.pipeline import align_records

    if embedder is None:
        from aligner.align.embedder import get_embedder

        embedder = get_embedder()
    span = _ALIGN_END - _PARSE_END

    def aligning(stage: str, fraction: float) -> None:
        lo, hi = ALIGN_STAGES.get(stage, (0.0, 1.0))
        report(stage, _PARSE_END + span * (lo + (hi - lo) * _clip(fraction)))

    alignment = align_records(zh_rec, en_rec, embedder=embedder, progress=aligning)
    report("store", _ALIGN_END)
    saved = store.save_alignment(alignment, force=force, max_shrink=max_shrink)
    report("index", _STORE_END)
    index_record(store, embedder, saved.symbol)
    result = _result(saved, started)
    if glossary:
        report("terms", _INDEX_END)
        result.terms = _build_glossary(store, alignment, embedder, glossary_params, result)
    report("done", 1.0)
    result.seconds = _since(started)
    return result


def _stored(store: Repository, symbol: str) -> RecordDetail | None:
    try:
        return store.get_record(symbol)
    except NotFoundError:
        return None


def _same_text(stored: RecordDetail, zh: Record, en: Record) -> bool:
    """Whether the parsed files are what the stored version was parsed from (only bytes the
    parser ignores differ). False for a version stored before digests were kept."""
    digests = {v.language: v.content_sha256 for v in stored.versions}
    return digests == {"zh": content_digest(zh), "en": content_digest(en)}


def _refuse_before_aligning(
    store: Repository, stored: RecordDetail, zh: Record, en: Record, max_shrink: float
) -> None:
    """Refuse, before the costly alignment, a re-import the store would refuse anyway: the
    new files lack the sentences of reviewed pairs, or hold far fewer sentences (a truncated
    or partly extracted source). The store checks again, with the alignment, when saving."""
    symbol = stored.symbol
    rows = store.list_pairs(symbol).items
    pairs = [StoredPair.from_row(r) for r in rows]
    sentences = {
        lang: [(s["id"], s["text"]) for s in store.sentences(symbol, lang)] for lang in ("zh", "en")
    }
    lost = lost_reviews(pairs, sentences, zh, en)
    before = {f"{lang}_sentences": len(ss) for lang, ss in sentences.items()}
    after = {f"{rec.language}_sentences": sum(1 for _ in rec.sentences()) for rec in (zh, en)}
    if not lost and not shrinkage(before, after, max_shrink):
        return
    changes = version_changes(
        before,
        after,
        pairs,
        {r.id: (r.zh, r.en) for r in rows},
        version=stored.version,
        dropped=lost,
        carried=None,
        corrections_of=lambda pair_id: len(store.corrections(pair_id=pair_id)),
    )
    check_reimport(symbol, changes, max_shrink=max_shrink)


def _glossary_missing(store: Repository, symbol: str) -> bool:
    return store.glossary.record_count(symbol) == 0


def _build_glossary(
    store: Repository,
    alignment: RecordAlignment,
    embedder: Embedder,
    params: ExtractParams | None,
    result: ImportResult,
) -> BuildResult | None:
    from aligner.pipeline.glossary_build import glossary_from_alignment

    alignment.zh.meta.symbol = alignment.en.meta.symbol = result.symbol
    try:
        return glossary_from_alignment(
            store,
            alignment,
            embedder=embedder,
            params=params,
            save_record=False,
        )
    except Exception as exc:  # the alignment is stored and useful without its glossary
        log.exception("glossary build failed for %s", result.symbol)
        result.warnings.append(f"glossary not built: {exc}")
        return None


def index_record(store: Repository, embedder: Embedder, symbol: str) -> None:
    """Embed both sides of the record's TM units now and refresh a live TM index, so the
    first look-up is fast and finds the new pairs."""
    from aligner.tm import index_record as index_tm

    index_tm(store, embedder, symbol)


def _by_language(a: Record, b: Record, zh: Source, en: Source) -> tuple[Record, Record]:
    """The (zh, en) records, whichever order the files came in."""
    for rec, src in ((a, zh), (b, en)):
        if not rec.source_sha256:
            rec.source_sha256 = src.sha256
        if not rec.source_name:
            rec.source_name = src.name
    langs = (a.language, b.language)
    if langs == ("zh", "en"):
        return a, b
    if langs == ("en", "zh"):
        return b, a
    raise InputError(
        f"need one Chinese and one English record; {zh.name} is {a.language}, "
        f"{en.name} is {b.language}"
    )


def _monotonic(progress: Progress | None) -> Progress:
    """A progress callback that never goes backwards (a bar must not jump back when the
    aligner restarts its own count for a new stage)."""
    high = 0.0

    def report(stage: str, fraction: float) -> None:
        nonlocal high
        high = max(high, _clip(fraction))
        if progress is not None:
            progress(stage, high)

    return report


def _clip(x: float) -> float:
    return min(1.0, max(0.0, float(x)))


def _result(saved: SaveResult, started: float) -> ImportResult:
    return ImportResult(
        saved.symbol,
        saved.status,
        saved.pair_count,
        saved.signature,
        _since(started),
        version=saved.version,
        previous_version=saved.previous_version,
        reason=saved.reason,
        changes=saved.changes,
    )


def _since(t0: float) -> float:
    return round(time.perf_counter() - t0, 3)
