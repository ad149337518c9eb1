"""Translation-memory look-up over the stored aligned pairs.

Every pair with both sides is a TM unit. Candidates come from two recalls over the units of the
source language: nearest neighbours by embedding cosine (index.py: exact, or an HNSW graph past
~50,000 units) and, in stores small enough to scan, nearest by character edit similarity
(rapidfuzz); the union is scored with `match.match_score` and the best k returned with their
aligned translation and provenance.

Readers never wait for an index build. The index of a language is an immutable snapshot; a
build makes a new one beside it and swaps it in with one assignment. A look-up that finds its
snapshot older than the store (`data_version`) starts a background rebuild and answers from the
snapshot it has, re-reading its candidates from the store, so a pair deleted or rejected since
is never returned. Only the very first look-up of a process builds in the foreground. Writers
call `refresh()` after an import so the new pairs are searchable when the import reports done.
Vectors are persisted in the store (put_embeddings) and, for the ANN graph, in files beside it
(index_file.py), so a restart re-embeds nothing and reloads instead of rebuilding.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz import fuzz, process

from aligner.errors import InputError, NotFoundError
from aligner.store.matching import fold
from aligner.store.repository import Repository
from aligner.store.request_text import check_text
from aligner.store.rows import PairRow
from aligner.tm import index_file
from aligner.tm.index import ExactIndex, UsearchIndex, VectorIndex, index_mode, wants_ann
from aligner.tm.match import fuzzy_score, match_score

if TYPE_CHECKING:
    from aligner.align.embedder import Embedder

log = logging.getLogger(__name__)

MAX_K = 50
MAX_TEXT_CHARS = 5000
RECALL = 50
"""Candidates taken from each recall before scoring (at least 10 x k)."""
FUZZY_SCAN_MAX = 50_000
"""Up to this many units the edit-similarity recall scans them all (~10 ms); past it only the
embedding neighbours are scored (an identical or lightly edited segment is among them)."""
RETRY_SECONDS = 2.0
"""How soon a snapshot that lacked some vectors is rebuilt again, while nothing else changed."""
LANGUAGES = ("zh", "en")


@dataclass
class TmMatch:
    match: int
    """0-100, as CAT tools report it."""
    fuzzy: float
    """Character edit similarity, 0-100."""
    similarity: float
    """Embedding cosine, -1..1."""
    source: str
    target: str
    pair: PairRow


@dataclass
class _Snapshot:
    """One language's units and their index, as of store version `version`. Never mutated."""

    version: int
    ids: np.ndarray
    index: VectorIndex
    units: list[PairRow] | None
    """Kept (with `folded`) while the store is small enough to scan; else rows are read back."""
    folded: list[str] | None
    missing: int
    """Units left out because they had no stored vector yet."""
    built_at: float = field(default_factory=time.monotonic)
    position: dict[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.position = {int(pid): k for k, pid in enumerate(self.ids.tolist())}


@dataclass
class IndexStats:
    language: str
    units: int
    kind: str
    missing: int
    seconds: float
    loaded: bool
    """True when the ANN graph came from its file beside the store, not a build."""


class TranslationMemory:
    def __init__(
        self,
        store: Repository,
        embedder: Embedder,
        *,
        index_dir: Path | None = None,
        index: str | None = None,
    ) -> None:
        """`index_dir`: where the ANN index files live (index_file.index_dir_for(db)); None
        keeps it in memory. `index`: auto, exact or ann (default VERBALIGN_TM_INDEX or auto)."""
        self.store = store
        self.embedder = embedder
        self.index_dir = index_dir
        self.index_kind = index or index_mode()
        self._snapshots: dict[str, _Snapshot] = {}
        self._build_locks = {lang: threading.Lock() for lang in LANGUAGES}
        self._first_build = threading.Lock()
        self._closed = False
        self._rebuilds: weakref.WeakSet[threading.Thread] = weakref.WeakSet()

    def close(self, timeout: float = 60.0) -> None:
        """Start no more background rebuilds and wait for the running ones: the store may be
        closed afterwards (closing a SQLite connection another thread is reading from can
        crash the process, not just raise)."""
        self._closed = True
        for thread in list(self._rebuilds):
            thread.join(timeout)

    # --- look-up --------------------------------------------------------------------------
    def lookup(
        self,
        text: str,
        source_lang: str,
        k: int = 5,
        *,
        min_match: int = 0,
        symbol: str | None = None,
    ) -> list[TmMatch]:
        query = check_text(text, "text to look up", MAX_TEXT_CHARS, multiline=True)
        if source_lang not in LANGUAGES:
            raise InputError(f"source_lang must be zh or en, not {source_lang!r}")
        if not 1 <= k <= MAX_K:
            raise InputError(f"k must be between 1 and {MAX_K}")
        if not 0 <= min_match <= 100:
            raise InputError("min_match must be between 0 and 100")
        version = self.store.data_version()
        snap = self._snapshot(source_lang, version)
        fresh = snap.version == version
        recall = max(RECALL, 10 * k)
        q_folded = fold(query)
        q_vec = self.embedder.encode([query])[0]

        if symbol is not None:
            units = self.store.tm_units(source_lang, symbol=symbol)  # NotFoundError if unknown
            pool, sim_of = self._symbol_candidates(snap, units, q_vec, q_folded, source_lang)
            rows = {u.id: u for u in units}
        else:
            positions, sims = snap.index.search(q_vec, recall)
            chosen = snap.ids[positions].tolist()
            sim_of = dict(zip(chosen, sims.tolist(), strict=True))
            pool = set(chosen)
            if snap.folded is not None:
                for _c, _s, pos in process.extract(
                    q_folded, snap.folded, scorer=fuzz.ratio, limit=recall
                ):
                    pool.add(int(snap.ids[pos]))
            if fresh and snap.units is not None:
                rows = {pid: snap.units[snap.position[pid]] for pid in pool}
            else:
                rows = self._read_back(pool)
        scored = []
        target_lang = "en" if source_lang == "zh" else "zh"
        for pid, unit in rows.items():
            if pid not in pool or not _usable(unit):
                continue
            source = getattr(unit, source_lang)
            at = snap.position.get(pid)
            if fresh and snap.folded is not None and at is not None:
                folded = snap.folded[at]  # folding (OpenCC) is the dearest step: done at build
            else:
                folded = fold(source)
            cos = sim_of.get(pid)
            if cos is None:  # found by edit similarity only: its cosine from the snapshot
                cos = float(snap.index.vectors[at] @ q_vec) if at is not None else 0.0
            m = match_score(q_folded, folded, cos)
            if m >= min_match:
                scored.append(
                    TmMatch(
                        match=m,
                        fuzzy=round(fuzzy_score(q_folded, folded), 1),
                        similarity=round(float(cos), 4),
                        source=source,
                        target=getattr(unit, target_lang),
                        pair=unit,
                    )
                )
        scored.sort(key=lambda t: (-t.match, -t.similarity, t.pair.id))
        return scored[:k]

    def _symbol_candidates(
        self,
        snap: _Snapshot,
        units: list[PairRow],
        q_vec: np.ndarray,
        q_folded: str,
        lang: str,
    ) -> tuple[set[int], dict[int, float]]:
        """One record's units (a few hundred): exact cosines and a full edit-similarity scan."""
        known = [(u.id, snap.position[u.id]) for u in units if u.id in snap.position]
        sim_of: dict[int, float] = {}
        if known:
            sims = snap.index.vectors[[at for _pid, at in known]] @ q_vec
            sim_of = {pid: float(s) for (pid, _at), s in zip(known, sims, strict=True)}
        recall = RECALL
        by_sim = sorted(sim_of, key=lambda pid: -sim_of[pid])[:recall]
        folded = [fold(getattr(u, lang)) for u in units]
        by_edit = [
            units[pos].id
            for _c, _s, pos in process.extract(q_folded, folded, scorer=fuzz.ratio, limit=recall)
        ]
        return set(by_sim) | set(by_edit), sim_of

    def _read_back(self, ids: Iterable[int]) -> dict[int, PairRow]:
        """Current rows of candidate pairs (the snapshot may predate a change or deletion)."""
        out = {}
        for pid in ids:
            try:
                out[pid] = self.store.get_pair(pid)
            except NotFoundError:
                continue
        return out

    # --- snapshots ------------------------------------------------------------------------
    def _snapshot(self, lang: str, version: int) -> _Snapshot:
        snap = self._snapshots.get(lang)
        if snap is None:
            with self._first_build:  # the only build a reader waits for: there is nothing yet
                snap = self._snapshots.get(lang)
                if snap is None:
                    self._build(lang, embed_missing=True)
                    snap = self._snapshots[lang]
            return snap
        stale = snap.version != version
        incomplete = snap.missing and time.monotonic() - snap.built_at > RETRY_SECONDS
        if stale or incomplete:
            self._rebuild_in_background(lang)
        return snap

    def _rebuild_in_background(self, lang: str) -> None:
        lock = self._build_locks[lang]
        if self._closed or not lock.acquire(blocking=False):
            return  # closing, or a build is running (it or the next look-up will catch up)

        def run() -> None:
            try:
                self._build(lang, embed_missing=False, locked=True)
            except Exception:  # a failed rebuild leaves the previous snapshot serving
                log.exception("TM index rebuild failed (%s)", lang)
            finally:
                lock.release()

        thread = threading.Thread(target=run, name=f"tm-index-{lang}", daemon=True)
        thread.start()
        self._rebuilds.add(thread)

    def refresh(self, languages: Iterable[str] = LANGUAGES) -> list[IndexStats]:
        """Embed units that have no stored vector, rebuild the indexes beside the current ones
        and swap them in. For writers, after an import: look-ups keep answering meanwhile."""
        return [self._build(lang, embed_missing=True) for lang in languages]

    build_index = refresh

    def _build(self, lang: str, *, embed_missing: bool, locked: bool = False) -> IndexStats:
        lock = self._build_locks[lang]
        if not locked:
            lock.acquire()
        try:
            return self._build_locked(lang, embed_missing=embed_missing)
        finally:
            if not locked:
                lock.release()

    def _build_locked(self, lang: str, *, embed_missing: bool) -> IndexStats:
        t0 = time.perf_counter()
        version = self.store.data_version()
        units = self.store.tm_units(lang)
        ids = np.fromiter((u.id for u in units), dtype=np.int64, count=len(units))
        texts = [getattr(u, lang) for u in units]
        dim = self.embedder.dim
        use_ann = self.index_kind == "ann" or (
            self.index_kind == "auto" and wants_ann(len(units), "auto")
        )
        if self.index_kind == "ann" and not wants_ann(len(units), "ann"):
            use_ann = False  # usearch is not installed: exact search
        loaded = False
        index: VectorIndex | None = None
        missing = 0
        fp = index_file.fingerprint(ids.tolist(), texts) if use_ann else ""
        if use_ann and self.index_dir is not None:
            stored = index_file.load(self.index_dir, self.embedder.name, lang, fp, dim)
            if stored is not None:
                index, loaded = stored[1], True
        if index is None:
            vectors = self._vectors(units, lang, embed_missing=embed_missing, dim=dim)
            have = ~np.isnan(vectors[:, 0]) if len(vectors) else np.zeros(0, bool)
            missing = int(len(units) - have.sum())
            if missing:
                keep = np.flatnonzero(have)
                units = [units[i] for i in keep]
                ids, vectors = ids[keep], vectors[keep]
            if use_ann:
                index = UsearchIndex.build(vectors)
                if self.index_dir is not None and not missing:
                    try:
                        index_file.save(self.index_dir, self.embedder.name, lang, fp, index)
                    except OSError as exc:  # the in-memory index still serves
                        log.warning("TM index not saved to %s: %s", self.index_dir, exc)
            else:
                index = ExactIndex(vectors)
        small = len(units) <= FUZZY_SCAN_MAX
        snap = _Snapshot(
            version=version,
            ids=ids,
            index=index,
            units=units if small else None,
            folded=[fold(getattr(u, lang)) for u in units] if small else None,
            missing=missing,
        )
        self._snapshots[lang] = snap  # the swap: readers see the old or the new, never half
        return IndexStats(
            lang, len(units), index.kind, missing, round(time.perf_counter() - t0, 3), loaded
        )

    def _vectors(
        self, units: list[PairRow], lang: str, *, embed_missing: bool, dim: int
    ) -> np.ndarray:
        """(len(units), dim) float32; rows of units without a vector are NaN unless embedded."""
        if embed_missing:
            return ensure_embeddings(self.store, self.embedder, units, lang)
        out = np.full((len(units), dim), np.nan, dtype=np.float32)
        if not units:
            return out
        have = self.store.get_embeddings(self.embedder.name, lang, [u.id for u in units])
        for row, u in enumerate(units):
            vec = have.get(u.id)
            if vec is not None and vec.shape == (dim,):
                out[row] = vec
        return out


def _usable(unit: PairRow) -> bool:
    return bool(unit.zh) and bool(unit.en) and unit.status != "rejected"


def ensure_embeddings(
    store: Repository, embedder: Embedder, units: list[PairRow], language: str
) -> np.ndarray:
    """The (len(units), dim) matrix of the units' `language` side, embedding what is missing."""
    model = embedder.name
    dim = embedder.dim
    if not units:
        return np.zeros((0, dim), dtype=np.float32)
    have = store.get_embeddings(model, language, [u.id for u in units])
    missing = [u for u in units if u.id not in have]
    if missing:
        texts = [getattr(u, language) for u in missing]
        vecs = embedder.encode(texts)
        fresh = {u.id: (t, v) for u, t, v in zip(missing, texts, vecs, strict=True)}
        store.put_embeddings(model, language, fresh)
        have.update({pid: v for pid, (_t, v) in fresh.items()})
    return np.stack([have[u.id] for u in units]).astype(np.float32, copy=False)


# --- one memory per (store, model) in a process -------------------------------------------
_shared: weakref.WeakKeyDictionary[Repository, dict[str, TranslationMemory]] = (
    weakref.WeakKeyDictionary()
)
_shared_lock = threading.Lock()


def shared_memory(store: Repository, embedder: Embedder) -> TranslationMemory:
    """The process-wide TranslationMemory of `store` and `embedder`'s model: the API's look-ups
    and an import's refresh() then use (and update) the same index. Its ANN files live beside
    the store (index_file.index_dir_for)."""
    with _shared_lock:
        per_store = _shared.setdefault(store, {})
        tm = per_store.get(embedder.name)
        if tm is None or tm.embedder is not embedder:
            folder = index_file.index_dir_for(getattr(store, "path", None))
            tm = per_store[embedder.name] = TranslationMemory(store, embedder, index_dir=folder)
        return tm


def close_shared_memories(store: Repository) -> None:
    """Close the process-wide memories of `store` before the store itself is closed."""
    with _shared_lock:
        memories = list(_shared.pop(store, {}).values())
    for tm in memories:
        tm.close()


def index_record(store: Repository, embedder: Embedder, symbol: str | None = None) -> None:
    """After an import: embed the record's TM units (both sides) and store their vectors, then
    refresh the index of any TranslationMemory of this store live in this process (the API
    server's), so the new pairs are searchable when the import reports done. A process with
    no live memory (a CLI import) only stores the vectors; a server picks them up by itself."""
    for lang in LANGUAGES:
        ensure_embeddings(store, embedder, store.tm_units(lang, symbol=symbol), lang)
    with _shared_lock:
        live = _shared.get(store, {}).get(embedder.name)
    if live is not None and live.embedder is embedder:
        live.refresh()
