"""`verbalign corpus build`: record pairs in, the canonical sharded Parquet table out.

1. Discover the pairs (aligner/corpus/inputs.py) and key each by content hash (task.py); two
   pairs with the same bytes are one task (the second is reported as a duplicate).
2. Skip the tasks whose done marker exists; hand the rest to the engine (local or ray).
3. Whatever happens (a bad pair, an abort, Ctrl-C), rewrite `manifest.json` from the done
   markers of this input and `errors.jsonl` from this run's failures. Two inputs that turn out
   to be the same record (one symbol) keep the first in input order; the other is reported.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aligner import __version__
from aligner.corpus.inputs import Discovery, InputProblem, discover_pairs
from aligner.corpus.layout import FORMAT, CorpusLayout, atomic_write_bytes, atomic_write_json
from aligner.corpus.schema import COLUMNS, SCHEMA_VERSION
from aligner.errors import InputError, VerbalignError
from aligner.pipeline.engines import Engine, get_engine
from aligner.pipeline.task import Task, TaskResult, TaskSettings, file_sha256, task_key


class BuildAborted(VerbalignError):
    """A failure no pair can get past (the model cannot be loaded): the build stops."""


@dataclass
class BuildProgress:
    total: int
    skipped: int = 0
    done: int = 0
    failed: int = 0
    started: float = field(default_factory=time.perf_counter)

    @property
    def finished(self) -> int:
        return self.skipped + self.done + self.failed

    @property
    def pairs_per_hour(self) -> float:
        elapsed = time.perf_counter() - self.started
        return 3600 * (self.done + self.failed) / elapsed if elapsed > 0 else 0.0


@dataclass
class BuildReport:
    out: Path
    engine: str
    total: int
    skipped: int
    done: int
    errors: list[dict[str, Any]]
    manifest: dict[str, Any]
    seconds: float
    results: list[TaskResult]

    @property
    def failed(self) -> int:
        """Pairs that could not be built (duplicates are counted apart)."""
        return sum(1 for e in self.errors if e["stage"] != "duplicate")

    @property
    def duplicates(self) -> int:
        return sum(1 for e in self.errors if e["stage"] == "duplicate")


def plan(discovery: Discovery, settings: TaskSettings) -> tuple[list[Task], list[InputProblem]]:
    """Tasks keyed by content hash; pairs whose two files were already listed are duplicates."""
    signature = settings.signature()
    tasks: list[Task] = []
    problems: list[InputProblem] = []
    first: dict[str, Task] = {}
    for spec in discovery.pairs:
        try:
            zh, en = file_sha256(spec.zh), file_sha256(spec.en)
        except OSError as exc:
            problems.append(InputProblem(spec.name, f"cannot read: {exc}", stage="read"))
            continue
        key = task_key(zh, en, signature, settings.hooks)
        if key in first:
            problems.append(
                InputProblem(
                    spec.name,
                    f"duplicate pair: same two files as {first[key].spec.name}; built once",
                    stage="duplicate",
                )
            )
            continue
        task = Task(spec, key, zh, en)
        first[key] = task
        tasks.append(task)
    return tasks, problems


def build_corpus(
    source: str | Path,
    out: str | Path,
    *,
    engine: str = "local",
    workers: int | None = None,
    address: str | None = None,
    model: str | None = None,
    band: int = 8,
    break_weight: float = 1.0,
    threads: int = 1,
    hooks: tuple[str, ...] = (),
    limit: int | None = None,
    progress: Callable[[BuildProgress], None] | None = None,
) -> BuildReport:
    started = time.perf_counter()
    runner = get_engine(engine, workers=workers, address=address)
    runner.preflight()
    if limit is not None and limit < 1:
        raise InputError(f"--limit must be at least 1, not {limit}")
    from aligner.pipeline.task import SHARD_HOOKS

    unknown = [h for h in hooks if h not in SHARD_HOOKS]
    if unknown:
        raise InputError(f"unknown shard hook {unknown[0]!r}: choose from {', '.join(SHARD_HOOKS)}")
    if band < 1 or break_weight < 0 or threads < 1:
        raise InputError("--band and --threads must be positive and --break-weight not negative")
    discovery = discover_pairs(source)  # a missing input fails before --out is created
    if limit is not None:
        discovery.pairs = discovery.pairs[:limit]
    layout = CorpusLayout(out)
    layout.prepare()
    settings = TaskSettings(
        out_dir=str(layout.root.resolve()),
        model=model,
        band=band,
        break_weight=break_weight,
        threads=threads,
        hooks=tuple(hooks),
    )
    with layout.lock():
        return _build(discovery, layout, runner, settings, progress, started)


def _build(
    discovery: Discovery,
    layout: CorpusLayout,
    runner: Engine,
    settings: TaskSettings,
    progress: Callable[[BuildProgress], None] | None,
    started: float,
) -> BuildReport:
    tasks, problems = plan(discovery, settings)
    problems = discovery.problems + problems
    todo = [t for t in tasks if not layout.is_done(t.key)]
    state = BuildProgress(total=len(tasks), skipped=len(tasks) - len(todo))
    results: list[TaskResult] = []
    if progress:
        progress(state)

    def on_result(result: TaskResult) -> None:
        results.append(result)
        if result.status == "failed":
            state.failed += 1
        else:
            state.done += 1
        if progress:
            progress(state)
        if result.status == "failed" and result.stage == "model":
            raise BuildAborted(f"cannot load the embedding model: {result.message}")

    try:
        runner.run(todo, settings, on_result)
    finally:
        manifest, clashes = write_manifest(layout, tasks, settings, runner.describe())
        errors = _errors(problems, results, clashes, tasks)
        _write_errors(layout, errors)
    return BuildReport(
        out=layout.root,
        engine=runner.describe(),
        total=len(tasks),
        skipped=state.skipped,
        done=state.done,
        errors=errors,
        manifest=manifest,
        seconds=round(time.perf_counter() - started, 2),
        results=results,
    )


def write_manifest(
    layout: CorpusLayout, tasks: list[Task], settings: TaskSettings, engine: str
) -> tuple[dict[str, Any], list[InputProblem]]:
    """The table of contents of the shards this input has built, in input order."""
    shards = []
    clashes: list[InputProblem] = []
    by_symbol: dict[str, str] = {}
    for task in tasks:
        if not layout.is_done(task.key):
            continue
        marker = layout.marker(task.key)
        symbol = marker["symbol"]
        if symbol in by_symbol:
            clashes.append(
                InputProblem(
                    task.spec.name,
                    f"duplicate record {symbol}: {by_symbol[symbol]} already gave it; "
                    "this pair is left out of the corpus",
                    stage="duplicate",
                )
            )
            continue
        by_symbol[symbol] = task.spec.name
        entry = {k: marker.get(k) for k in _SHARD_FIELDS}
        shards.append(entry)
    totals = {
        "records": len(shards),
        "pairs": sum(s["rows"] for s in shards),
        "zh_sentences": sum(s["zh_sentences"] for s in shards),
        "en_sentences": sum(s["en_sentences"] for s in shards),
        "bytes": sum(s["bytes"] for s in shards),
    }
    manifest = {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "columns": list(COLUMNS),
        "verbalign": __version__,
        "signature": settings.signature(),
        "hooks": list(settings.hooks),
        "engine": engine,
        "updated": datetime.now(UTC).isoformat(timespec="seconds"),
        "totals": totals,
        "shards": shards,
    }
    atomic_write_json(layout.manifest_path, manifest)
    return manifest, clashes


_SHARD_FIELDS = (
    "shard",
    "task_key",
    "symbol",
    "name",
    "zh",
    "en",
    "rows",
    "zh_sentences",
    "en_sentences",
    "bytes",
    "sha256",
    "built",
)


def _errors(
    problems: list[InputProblem],
    results: list[TaskResult],
    clashes: list[InputProblem],
    tasks: list[Task],
) -> list[dict[str, Any]]:
    files = {t.key: (t.spec.zh, t.spec.en) for t in tasks}
    out = [{"pair": p.pair, "stage": p.stage, "message": p.message} for p in problems]
    for r in results:
        if r.status == "failed":
            zh, en = files.get(r.key, ("", ""))
            out.append({"pair": r.name, "stage": r.stage, "message": r.message, "zh": zh, "en": en})
    out.extend({"pair": p.pair, "stage": p.stage, "message": p.message} for p in clashes)
    return out


def _write_errors(layout: CorpusLayout, errors: list[dict[str, Any]]) -> None:
    import json

    text = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors)
    atomic_write_bytes(layout.errors_path, text.encode("utf-8"))
