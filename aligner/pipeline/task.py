"""One record pair = one idempotent task: read -> parse -> align -> write one Parquet shard.

The task is keyed by a content hash of what determines its output (both files' bytes, the
embedding model and the aligner's signature, the corpus schema version), datatrove/stopes
style: a task whose done marker exists is skipped, so a rerun or a run after a crash redoes only
the rest. The shard and then the marker are written through a temporary name and renamed, so a
kill at any moment leaves either a finished task or none (a shard without its marker is simply
rewritten).

The same `run_task` runs in-process (tests), in the local engine's process pool and, split at
`parse_step` / `align_step` + `write_step`, on Ray. A bad pair never raises out of it: its
failure comes back as a TaskResult with the stage and a one-line message.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aligner.corpus.inputs import PairSpec
from aligner.corpus.layout import CorpusLayout, atomic_write_bytes
from aligner.corpus.schema import SCHEMA_VERSION, en_count, zh_count
from aligner.errors import InputError, VerbalignError

if TYPE_CHECKING:
    import pyarrow as pa

    from aligner.align.embedder import Embedder
    from aligner.align.params import AlignParams
    from aligner.models import Record, RecordAlignment

STAGES = (
    "input",
    "duplicate",
    "read",
    "parse",
    "pair",
    "model",
    "align",
    "write",
    "hook",
    "worker",
)
"""Where a pair can fail (or be left out); the error report names one of these."""


@dataclass(frozen=True)
class TaskSettings:
    """Everything besides the two files that decides a shard's content (and so its key)."""

    out_dir: str
    model: str | None = None
    band: int = 8
    break_weight: float = 1.0
    threads: int = 1
    """Threads per worker for the embedding model and BLAS. One per worker and as many workers
    as cores is the fastest use of a machine (and makes every engine compute the same floats)."""
    hooks: tuple[str, ...] = ()
    """Names of shard hooks (SHARD_HOOKS) run after a shard is written, e.g. "vectors"."""

    def params(self) -> AlignParams:
        from aligner.align.params import AlignParams

        return AlignParams(band=self.band, break_weight=self.break_weight)

    def signature(self) -> str:
        """The aligner's reproducibility signature; loads no model."""
        from aligner.align.embedder import get_embedder
        from aligner.align.signature import alignment_signature

        return alignment_signature(get_embedder(self.model).signature_name, self.params())


@dataclass(frozen=True)
class Task:
    spec: PairSpec
    key: str
    zh_sha256: str
    en_sha256: str


def task_key(zh_sha256: str, en_sha256: str, signature: str, hooks: tuple[str, ...] = ()) -> str:
    """sha256 of what determines the shard: inputs, model + aligner signature, schema version.
    The hooks are part of it because they add files a finished task must have."""
    blob = json.dumps(
        {
            "schema": SCHEMA_VERSION,
            "zh": zh_sha256,
            "en": en_sha256,
            "signature": signature,
            "hooks": sorted(hooks),
        },
        sort_keys=True,
    )
    return hashlib.sha256(blob.encode()).hexdigest()


def file_sha256(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@dataclass
class TaskResult:
    key: str
    name: str
    status: str
    """done (built now) | skipped (already built) | failed."""
    stage: str | None = None
    message: str | None = None
    symbol: str | None = None
    rows: int = 0
    zh_sentences: int = 0
    en_sentences: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    """CPU time of the worker process(es) spent on this pair, all threads."""
    stages: dict[str, float] = field(default_factory=dict)
    """CPU seconds per stage (read, parse, align, write)."""
    peak_rss_mb: float = 0.0
    """Peak resident memory of the process that aligned the pair (its lifetime peak)."""
    pid: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


class StageError(Exception):
    """A task failure with the stage it happened in (carried to the error report)."""

    def __init__(self, stage: str, message: str) -> None:
        super().__init__(message)
        self.stage = stage
        self.message = message


@dataclass
class ParsedPair:
    task: Task
    zh: Record
    en: Record
    symbol: str
    stages: dict[str, float] = field(default_factory=dict)


# --- the steps ----------------------------------------------------------------------------


def parse_step(task: Task) -> ParsedPair:
    """Read both files (checking they are the bytes the task was keyed on) and parse them."""
    from aligner.ingest.source import read_file
    from aligner.parse import parse_record

    stages: dict[str, float] = {}
    clock = _Clock(stages)
    with clock("read"):
        raws = {}
        for lang, path, expected in (
            ("zh", task.spec.zh, task.zh_sha256),
            ("en", task.spec.en, task.en_sha256),
        ):
            raw = guard("read", lambda p=path: read_file(Path(p)))
            if hashlib.sha256(raw).hexdigest() != expected:
                raise StageError("read", f"{path} changed after the build started; run it again")
            raws[lang] = raw
    with clock("parse"):
        records = {}
        for lang in ("zh", "en"):
            path = Path(getattr(task.spec, lang))
            try:
                records[lang] = guard(
                    "parse",
                    lambda lang=lang, path=path: parse_record(
                        raws[lang], lang=lang, name=path.name
                    ),
                    prefix=f"{lang} file {path.name}: ",
                )
            except StageError as exc:
                raise _language_problem(raws[lang], lang, path.name) or exc from None
    symbol = pair_symbol(records["zh"], records["en"], task.spec.name)
    return ParsedPair(task, records["zh"], records["en"], symbol, stages)


def _language_problem(raw: bytes, lang: str, name: str) -> StageError | None:
    """When a text file failed to parse, say so if it is not in the language it was given as
    (a French record paired as the Chinese one fails for want of Chinese speaker headers)."""
    from aligner.ingest.language import detect_language
    from aligner.ingest.source import decode_text

    if raw.lstrip()[:5] == b"%PDF-":
        return None
    try:
        detect_language(decode_text(raw))
    except VerbalignError as exc:
        return StageError("parse", f"{lang} file {name}: {_one_line(str(exc))}")
    return None


def pair_symbol(zh: Record, en: Record, name: str) -> str:
    """The record symbol both versions state (either one when only one states it), else the
    pairing name. Two different symbols mean the files are not the same meeting."""
    from aligner.store.symbols import check_symbol

    zs, es = zh.meta.symbol, en.meta.symbol
    if zs and es and zs != es:
        raise StageError("pair", f"not the same meeting: the zh file is {zs}, the en file is {es}")
    symbol = zs or es or name
    try:
        return check_symbol(symbol)
    except InputError as exc:
        raise StageError("pair", str(exc)) from None


def align_step(parsed: ParsedPair, settings: TaskSettings, embedder: Embedder) -> RecordAlignment:
    from aligner.align.pipeline import align_records

    # Sentences rarely repeat across meetings: a cache carried from pair to pair would only
    # grow a long-lived worker (and flatter a benchmark whose pairs share text).
    embedder.clear_memory_cache()
    with _Clock(parsed.stages)("align"):
        return guard(
            "align",
            lambda: align_records(
                parsed.zh, parsed.en, embedder=embedder, params=settings.params()
            ),
        )


def write_step(
    parsed: ParsedPair,
    alignment: RecordAlignment,
    settings: TaskSettings,
    embedder: Embedder | None = None,
) -> dict[str, Any]:
    """Write the shard, run the hooks, then the done marker (last, so it means "complete")."""
    from aligner.corpus.from_alignment import alignment_table

    layout = CorpusLayout(settings.out_dir)
    task = parsed.task
    with _Clock(parsed.stages)("write"):
        table = guard("write", lambda: alignment_table(alignment, parsed.symbol, task.key))
        shard = layout.shard_path(task.key)
        guard("write", lambda: layout.write_shard(table, shard))
    for name in settings.hooks:
        with _Clock(parsed.stages)(f"hook:{name}"):
            hook = SHARD_HOOKS.get(name)
            if hook is None:
                raise StageError("hook", f"unknown shard hook {name!r}")
            guard(
                "hook",
                lambda h=hook: h(ShardContext(task, settings, alignment, table, embedder, layout)),
            )
    link_types = table.column("link_type").to_pylist()
    marker = {
        "task_key": task.key,
        "name": task.spec.name,
        "index": task.spec.index,
        "symbol": parsed.symbol,
        "zh": task.spec.zh,
        "en": task.spec.en,
        "zh_sha256": task.zh_sha256,
        "en_sha256": task.en_sha256,
        "shard": layout.relative(shard),
        "sha256": file_sha256(shard),
        "bytes": shard.stat().st_size,
        "rows": table.num_rows,
        "zh_sentences": sum(zh_count(t) for t in link_types),
        "en_sentences": sum(en_count(t) for t in link_types),
        "signature": alignment.signature,
        "hooks": list(settings.hooks),
        "built": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    return marker


def finish(parsed: ParsedPair, marker: dict[str, Any], seconds: float, cpu: float) -> TaskResult:
    """The task's result, with its costs stamped into the marker (written next)."""
    result = TaskResult(
        key=parsed.task.key,
        name=parsed.task.spec.name,
        status="done",
        symbol=parsed.symbol,
        rows=marker["rows"],
        zh_sentences=marker["zh_sentences"],
        en_sentences=marker["en_sentences"],
        seconds=round(seconds, 3),
        cpu_seconds=round(cpu, 3),
        stages={k: round(v, 3) for k, v in parsed.stages.items()},
        peak_rss_mb=_peak_rss_mb(),
        pid=os.getpid(),
    )
    marker["cost"] = {
        "seconds": result.seconds,
        "cpu_seconds": result.cpu_seconds,
        "stages": result.stages,
        "peak_rss_mb": result.peak_rss_mb,
        "pid": result.pid,
    }
    return result


def run_task(task: Task, settings: TaskSettings, embedder: Embedder | None = None) -> TaskResult:
    """Build one shard (or skip it when done). Never raises for a bad pair."""
    layout = CorpusLayout(settings.out_dir)
    if layout.is_done(task.key):
        return TaskResult(
            task.key, task.spec.name, "skipped", symbol=layout.marker(task.key)["symbol"]
        )
    started, cpu0 = time.perf_counter(), _cpu()
    try:
        parsed = parse_step(task)
        if embedder is None:
            embedder = load_embedder(settings)
        alignment = align_step(parsed, settings, embedder)
        marker = write_step(parsed, alignment, settings, embedder)
        result = finish(parsed, marker, time.perf_counter() - started, _cpu() - cpu0)
        guard("write", lambda: layout.write_marker(task.key, marker))
        return result
    except StageError as exc:
        return failed(task, exc.stage, exc.message, started, cpu0)


def failed(task: Task, stage: str, message: str, started: float, cpu0: float) -> TaskResult:
    return TaskResult(
        task.key,
        task.spec.name,
        "failed",
        stage=stage,
        message=message,
        seconds=round(time.perf_counter() - started, 3),
        cpu_seconds=round(_cpu() - cpu0, 3),
        peak_rss_mb=_peak_rss_mb(),
        pid=os.getpid(),
    )


# --- workers ------------------------------------------------------------------------------


def prepare_worker(settings: TaskSettings) -> None:
    """Pin this process's thread pools (BLAS, the USE backend) to `settings.threads`."""
    n = str(max(1, settings.threads))
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VERBALIGN_THREADS"):
        os.environ[var] = n
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from threadpoolctl import threadpool_limits

    threadpool_limits(max(1, settings.threads))
    if "torch" in sys.modules:
        sys.modules["torch"].set_num_threads(max(1, settings.threads))


def load_embedder(settings: TaskSettings) -> Embedder:
    """The process's embedder for the settings' model, loaded now (once per worker)."""
    from aligner.align.embedder import get_embedder

    def load() -> Embedder:
        embedder = get_embedder(settings.model)
        embedder.encode_spans(["warm-up"], 1)  # loads the model: paid once per process
        if "torch" in sys.modules:
            sys.modules["torch"].set_num_threads(max(1, settings.threads))
        return embedder

    return guard("model", load)


# --- shard hooks --------------------------------------------------------------------------


@dataclass
class ShardContext:
    """What a shard hook gets: the task, its alignment and canonical rows, the warm embedder
    (None when the engine has none at hand) and the corpus layout to write beside the shard."""

    task: Task
    settings: TaskSettings
    alignment: RecordAlignment
    table: pa.Table
    embedder: Embedder | None
    layout: CorpusLayout


ShardHook = Callable[[ShardContext], None]
SHARD_HOOKS: dict[str, ShardHook] = {}
"""Extra per-shard outputs by name, e.g. the TM's vectors. A hook writes its files through
temporary names + rename before the task's done marker is written, so resuming stays exact."""


def register_shard_hook(name: str) -> Callable[[ShardHook], ShardHook]:
    def wrap(fn: ShardHook) -> ShardHook:
        SHARD_HOOKS[name] = fn
        return fn

    return wrap


@register_shard_hook("vectors")
def write_vectors(ctx: ShardContext) -> None:
    """Per row, the zh and en side's embedding (float16, unit length; zeros for an empty side)
    in `vectors/<task_key>.npz`, rows in shard order: what a TM index loads beside the table."""
    import io

    import numpy as np

    if ctx.embedder is None:
        raise StageError("hook", "the vectors hook needs the embedding model in this worker")
    rows = ctx.alignment.pairs
    out = {}
    for lang in ("zh", "en"):
        sentences = list(dict.fromkeys(s for p in rows for s in getattr(p, lang)))
        vecs = ctx.embedder.encode_spans(sentences, 1)[1] if sentences else None
        index = {s: i for i, s in enumerate(sentences)}
        side = np.zeros((len(rows), ctx.embedder.dim), dtype=np.float32)
        for r, pair in enumerate(rows):
            if vecs is not None and getattr(pair, lang):
                v = vecs[[index[s] for s in getattr(pair, lang)]].sum(axis=0)
                side[r] = v / max(float(np.linalg.norm(v)), 1e-12)
        out[lang] = side.astype(np.float16)
    buf = io.BytesIO()
    np.savez(buf, pair_id=np.array(ctx.table.column("pair_id").to_pylist()), **out)
    atomic_write_bytes(ctx.layout.vectors_path(ctx.task.key), buf.getvalue())


# --- helpers ------------------------------------------------------------------------------


def guard(stage: str, fn: Callable[[], Any], *, prefix: str = "") -> Any:
    """Run fn; any exception becomes a StageError of `stage` with a one-line message."""
    try:
        return fn()
    except StageError:
        raise
    except VerbalignError as exc:
        raise StageError(stage, prefix + _one_line(str(exc))) from exc
    except MemoryError:
        raise StageError(stage, prefix + "out of memory") from None
    except Exception as exc:  # a bug or a library failure: reported, the batch goes on
        raise StageError(stage, prefix + _one_line(f"{type(exc).__name__}: {exc}")) from exc


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= 500 else line[:497] + "..."


class _Clock:
    """Adds the CPU seconds of a `with` block to stages[name]."""

    def __init__(self, stages: dict[str, float]) -> None:
        self.stages = stages

    def __call__(self, name: str) -> _Clock:
        self._name = name
        return self

    def __enter__(self) -> None:
        self._t0 = _cpu()

    def __exit__(self, *exc: object) -> None:
        self.stages[self._name] = self.stages.get(self._name, 0.0) + _cpu() - self._t0


def _cpu() -> float:
    """CPU time of this process, all threads (what a core-hour budget counts)."""
    return time.process_time()


def _peak_rss_mb() -> float:
    # Linux reports ru_maxrss in KiB.
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
