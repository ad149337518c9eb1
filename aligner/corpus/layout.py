"""The files of a built corpus, and how they are written so a kill never leaves half a file.

    DIR/manifest.json          the table of contents: one entry per record shard, counts,
                               checksums, the signature; written at the end of every build
    DIR/errors.jsonl           the pairs the last build could not do: pair, stage, message
    DIR/shards/<key>.parquet   one record pair's canonical rows (schema.py)
    DIR/done/<key>.json        the task's done marker: written last, after its shard
    DIR/vectors/<key>.npz      optional per-row vectors (the "vectors" shard hook)

Every file goes through a temporary name in the same folder and `os.replace`, which is atomic
on POSIX file systems: a reader, or a rerun after kill -9, sees the old file or the new one.
"""

from __future__ import annotations

import fcntl
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from aligner.errors import InputError

MANIFEST = "manifest.json"
ERRORS = "errors.jsonl"
FORMAT = "verbalign-corpus"


def atomic_write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_json(path: Path, value: Any) -> None:
    atomic_write_bytes(path, (json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode())


class CorpusLayout:
    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    @property
    def manifest_path(self) -> Path:
        return self.root / MANIFEST

    @property
    def errors_path(self) -> Path:
        return self.root / ERRORS

    def shard_path(self, key: str) -> Path:
        return self.root / "shards" / f"{key}.parquet"

    def marker_path(self, key: str) -> Path:
        return self.root / "done" / f"{key}.json"

    def vectors_path(self, key: str) -> Path:
        return self.root / "vectors" / f"{key}.npz"

    def relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def prepare(self) -> None:
        """Create the folders; refuse a folder that holds something other than a corpus."""
        if self.root.exists() and not self.root.is_dir():
            raise InputError(f"--out {self.root} is a file, not a folder")
        if self.root.is_dir() and any(self.root.iterdir()) and not self.is_corpus():
            raise InputError(
                f"--out {self.root} is not empty and holds no verbalign corpus; "
                "give an empty or new folder"
            )
        for sub in ("shards", "done"):
            (self.root / sub).mkdir(parents=True, exist_ok=True)

    @contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the folder for one build at a time; the other gets a clear error. Leftover
        temporary files of a killed build are removed once the lock is held."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / ".lock", "a+") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise InputError(f"another build is writing to {self.root}; wait for it") from None
            try:
                for sub in ("", "shards", "done", "vectors"):
                    for tmp in (self.root / sub).glob(".*.tmp"):
                        tmp.unlink(missing_ok=True)
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def is_corpus(self) -> bool:
        return self.manifest_path.is_file() or (self.root / "done").is_dir()

    def write_shard(self, table: pa.Table, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        os.close(fd)
        try:
            # Statistics off and a fixed writer setup: the same rows give the same bytes on
            # every engine, so two builds compare by checksum.
            pq.write_table(table, tmp, compression="zstd", write_statistics=False)
            with open(tmp, "rb") as f:
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def write_marker(self, key: str, marker: dict[str, Any]) -> None:
        atomic_write_json(self.marker_path(key), marker)

    def is_done(self, key: str) -> bool:
        """The marker is written after the shard: both there means the task finished."""
        return self.marker_path(key).is_file() and self.shard_path(key).is_file()

    def marker(self, key: str) -> dict[str, Any]:
        return json.loads(self.marker_path(key).read_text(encoding="utf-8"))

    def read_manifest(self) -> dict[str, Any]:
        if not self.manifest_path.is_file():
            if self.root.is_dir() and (self.root / "done").is_dir():
                raise InputError(
                    f"{self.root} has no manifest.json: its build did not finish; "
                    "run `verbalign corpus build` again with the same input and --out"
                )
            raise InputError(f"{self.root} is not a verbalign corpus (no manifest.json)")
        try:
            manifest = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot read {self.manifest_path}: {exc}") from None
        if manifest.get("format") != FORMAT:
            raise InputError(f"{self.manifest_path} is not a verbalign corpus manifest")
        return manifest
