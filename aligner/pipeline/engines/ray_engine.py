"""The Ray engine: the same task steps on a Ray cluster, streamed through Ray Data.

    tasks --map(parse_step, CPU tasks)--> parsed pairs --map(_AlignActor, actor pool)--> results

Parsing is plain CPU work and runs as stateless Ray tasks. Embedding needs the model loaded,
so it runs in a pool of `--workers` actors that each load the model once and then align and
write the pair (the alignment reads the vectors the embedding left in the actor's cache); an
actor takes a GPU when the cluster has one. Ray Data streams the rows, so parsed pairs never
pile up faster than the actors align them.

`--address ray://host:10001` (or `host:6379`, or `auto`) joins a running cluster: input files and
`--out` must then be on storage every node sees (the task reads and writes them by path), and
the nodes need verbalign installed. Without an address Ray starts in local mode on this
machine with more logical CPUs than cores: the parse tasks and the actors each hold one, and
with only as many as cores the actors would starve the parse tasks that feed them.
"""

from __future__ import annotations

import logging
import pickle
import socket
import time
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlparse

from aligner.errors import InputError, VerbalignError
from aligner.pipeline.engines.base import Engine, ResultCallback, register
from aligner.pipeline.task import (
    StageError,
    Task,
    TaskSettings,
    failed,
    finish,
    guard,
    load_embedder,
    parse_step,
    prepare_worker,
)

CONNECT_TIMEOUT_S = 5.0
LOCAL_OBJECT_STORE_BYTES = 256 * 2**20


class ClusterError(VerbalignError):
    """The Ray cluster cannot be reached or used."""


def _import_ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError:
        raise InputError(
            "--engine ray needs Ray: pip install 'verbalign[cluster]' (ray[data])"
        ) from None
    return ray


def check_reachable(address: str) -> None:
    """Fail fast, in one line, when nothing listens at the address (Ray's own client retries
    for a long time before it gives up)."""
    if address in ("auto", "local"):
        return
    parsed = urlparse(address if "://" in address else f"tcp://{address}")
    host, port = parsed.hostname, parsed.port
    if not host or not port:
        raise InputError(
            f"--address {address!r} is not a Ray address such as ray://head:10001 or head:6379"
        )
    try:
        with socket.create_connection((host, port), timeout=CONNECT_TIMEOUT_S):
            pass
    except OSError as exc:
        raise ClusterError(
            f"cannot reach the Ray cluster at {address}: {exc.strerror or exc}; "
            "is the head node running (ray start --head)?"
        ) from None


def _parse_row(row: dict[str, Any]) -> dict[str, Any]:
    """Ray Data map (a CPU task): read and parse one pair."""
    task: Task = pickle.loads(row["task"])
    started, cpu0 = time.perf_counter(), time.process_time()
    try:
        parsed = parse_step(task)
    except StageError as exc:
        result = failed(task, exc.stage, exc.message, started, cpu0)
        return {"task": row["task"], "parsed": b"", "result": pickle.dumps(result)}
    parsed.stages["_parse_seconds"] = time.perf_counter() - started
    return {"task": row["task"], "parsed": pickle.dumps(parsed), "result": b""}


class _AlignActor:
    """Ray Data map (an actor of the pool): the model loaded once, then align + write."""

    def __init__(self, settings: TaskSettings) -> None:
        self.settings = settings
        prepare_worker(settings)
        self.embedder: Any = None
        self.model_error: StageError | None = None
        try:
            self.embedder = load_embedder(settings)
        except StageError as exc:
            self.model_error = exc

    def __call__(self, row: dict[str, Any]) -> dict[str, Any]:
        from aligner.corpus.layout import CorpusLayout
        from aligner.pipeline.task import align_step, write_step

        if row["result"]:
            return {"result": row["result"]}
        parsed = pickle.loads(row["parsed"])
        task = parsed.task
        parse_seconds = parsed.stages.pop("_parse_seconds", 0.0)
        parse_cpu = sum(parsed.stages.values())
        started, cpu0 = time.perf_counter(), time.process_time()
        try:
            if self.model_error is not None:
                raise self.model_error
            alignment = align_step(parsed, self.settings, self.embedder)
            marker = write_step(parsed, alignment, self.settings, self.embedder)
            result = finish(
                parsed,
                marker,
                parse_seconds + time.perf_counter() - started,
                parse_cpu + time.process_time() - cpu0,
            )
            layout = CorpusLayout(self.settings.out_dir)
            guard("write", lambda: layout.write_marker(task.key, marker))
        except StageError as exc:
            result = failed(task, exc.stage, exc.message, started, cpu0)
        return {"result": pickle.dumps(result)}


@register
class RayEngine(Engine):
    name = "ray"

    def describe(self) -> str:
        where = self.address or "local mode"
        return f"ray ({where}), {self._workers()} actor(s)"

    def _workers(self) -> int:
        return self.workers or 2

    def preflight(self) -> None:
        if self.address:
            check_reachable(self.address)
        _import_ray()

    def run(self, tasks: Sequence[Task], settings: TaskSettings, on_result: ResultCallback) -> None:
        ray = _import_ray()
        if not tasks:
            return
        started_here = self._connect(ray)
        try:
            self._run(ray, tasks, settings, on_result)
        finally:
            if started_here:
                ray.shutdown()

    def _connect(self, ray: Any) -> bool:
        """Join the cluster (or start local mode); True when this call started Ray."""
        if ray.is_initialized():
            return False
        common = {"include_dashboard": False, "log_to_driver": False, "logging_level": "ERROR"}
        # Ray's own INFO/WARNING lines would break through the CLI's progress bar.
        # (Ray's C++ core still prints one harmless line, logged as an error, about Ray Data's
        # restartable actors having constructor arguments in the object store.)
        for name in ("ray", "ray.data"):
            logging.getLogger(name).setLevel(logging.ERROR)
        try:
            if self.address and self.address != "local":
                ray.init(address=self.address, **common)
            else:
                workers = self._workers()
                ray.init(
                    num_cpus=max(4, 2 * workers),
                    object_store_memory=LOCAL_OBJECT_STORE_BYTES,
                    **common,
                )
        except (ConnectionError, TimeoutError, RuntimeError, ValueError) as exc:
            raise ClusterError(
                f"cannot start or join Ray at {self.address or 'local'}: {exc}"
            ) from None
        return True

    def _run(
        self, ray: Any, tasks: Sequence[Task], settings: TaskSettings, on_result: ResultCallback
    ) -> None:
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False  # the CLI draws its own bar
        context.print_on_execution_start = False
        workers = self._workers()
        gpus = 1 if ray.cluster_resources().get("GPU", 0) >= 1 else 0
        rows = [{"task": pickle.dumps(t)} for t in tasks]
        ds = ray.data.from_items(rows, override_num_blocks=len(rows))
        ds = ds.map(_parse_row, num_cpus=1, compute=ray.data.TaskPoolStrategy(size=workers))
        # On a CPU-only cluster Ray fuses the two maps (parse runs inside the actor, no
        # transfer); with a GPU the resources differ and parsing stays on CPU tasks.
        ds = ds.map(
            _bound_actor(settings),
            num_cpus=1,
            num_gpus=gpus,
            compute=ray.data.ActorPoolStrategy(size=workers, max_tasks_in_flight_per_actor=1),
        )
        for row in ds.iter_rows():
            on_result(pickle.loads(row["result"]))


def _bound_actor(settings: TaskSettings) -> type:
    """The actor class with the settings baked in: no constructor arguments to keep in the
    object store (Ray cannot restart an actor whose arguments went out of scope)."""

    class _BoundAlignActor(_AlignActor):
        def __init__(self) -> None:
            super().__init__(settings)

    return _BoundAlignActor
