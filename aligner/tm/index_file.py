"""The TM's ANN index on disk, beside the store: a derived artefact, rebuilt when it is stale.

For a store at `var/verbalign.db` the files are `var/verbalign.db.tm/<model>.<lang>.*`:
`vectors.npy` (the float32 unit vectors, memory-mapped on load), `usearch` (the HNSW graph)
and `json` (the manifest). The manifest names the model, language, backend, count and a
fingerprint of the units (pair ids and the sha1 of their source text): an index whose
fingerprint differs from the store's units, or that fails to load, is rebuilt, never used. The
files are written under temporary names and renamed, manifest last, so a crash mid-write leaves
either the old index or none.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from aligner.tm.index import UsearchIndex

INDEX_DIR_ENV = "VERBALIGN_TM_INDEX_DIR"
FORMAT = 1


def index_dir_for(db: str | Path | None) -> Path | None:
    """Where the TM index of the store at `db` lives: VERBALIGN_TM_INDEX_DIR if set, else
    `<db>.tm` beside an SQLite file; None (in memory only) for a server database URL."""
    override = os.environ.get(INDEX_DIR_ENV)
    if override:
        return Path(override)
    if db is None:
        return None
    text = str(db)
    if "://" in text or text == ":memory:":
        return None
    path = Path(text)
    return path.parent / f"{path.name}.tm"


def fingerprint(ids: Sequence[int], texts: Sequence[str]) -> str:
    digest = hashlib.sha1()
    for pid, text in zip(ids, texts, strict=True):
        digest.update(f"{pid}\x1f".encode())
        digest.update(hashlib.sha1(text.encode("utf-8", "surrogatepass")).digest())
    return digest.hexdigest()


def _stem(folder: Path, model: str, language: str) -> Path:
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in model)
    return folder / f"{safe}.{language}"


def load(
    folder: Path, model: str, language: str, expected: str, dim: int
) -> tuple[np.ndarray, UsearchIndex] | None:
    """The stored (vectors, index) if their manifest matches `expected`, else None."""
    stem = _stem(folder, model, language)
    try:
        manifest: dict[str, Any] = json.loads(stem.with_suffix(stem.suffix + ".json").read_text())
        if (
            manifest.get("format") != FORMAT
            or manifest.get("fingerprint") != expected
            or manifest.get("model") != model
            or manifest.get("dim") != dim
            or manifest.get("backend") != UsearchIndex.kind
        ):
            return None
        vectors = np.load(stem.with_suffix(stem.suffix + ".vectors.npy"), mmap_mode="r")
        if vectors.shape != (manifest["count"], dim) or vectors.dtype != np.float32:
            return None
        index = UsearchIndex.load(vectors, stem.with_suffix(stem.suffix + ".usearch"))
    except (OSError, ValueError, KeyError, TypeError, RuntimeError):
        return None
    return vectors, index


def save(folder: Path, model: str, language: str, fp: str, index: UsearchIndex) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    stem = _stem(folder, model, language)
    vectors_path = stem.with_suffix(stem.suffix + ".vectors.npy")
    graph_path = stem.with_suffix(stem.suffix + ".usearch")
    manifest_path = stem.with_suffix(stem.suffix + ".json")
    manifest_path.unlink(missing_ok=True)  # no manifest: the pair below is never half-trusted
    with tempfile.NamedTemporaryFile(dir=folder, suffix=".npy", delete=False) as fh:
        np.save(fh, np.ascontiguousarray(index.vectors, dtype=np.float32))
    os.replace(fh.name, vectors_path)
    tmp_graph = graph_path.with_suffix(".usearch.tmp")
    index.save(tmp_graph)
    os.replace(tmp_graph, graph_path)
    manifest = {
        "format": FORMAT,
        "model": model,
        "language": language,
        "backend": index.kind,
        "dim": int(index.vectors.shape[1]),
        "count": len(index),
        "fingerprint": fp,
    }
    tmp_manifest = manifest_path.with_suffix(".json.tmp")
    tmp_manifest.write_text(json.dumps(manifest))
    os.replace(tmp_manifest, manifest_path)
