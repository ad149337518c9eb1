"""The local engine: a process pool on this machine.

Each worker process pins its thread pools, loads the embedding model once (the ~10 s of
importing torch and building the model is paid per worker, not per pair) and then runs whole
tasks. Workers are spawned, not forked, so no thread or model state of the driver leaks into
them. A worker that dies (killed, out of memory) breaks the pool: the tasks it was running are
retried once in a new pool, and a task that breaks it twice goes to the error report.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from aligner.pipeline.engines.base import Engine, ResultCallback, register
from aligner.pipeline.task import (
    StageError,
    Task,
    TaskResult,
    TaskSettings,
    failed,
    load_embedder,
    prepare_worker,
    run_task,
)

_settings: TaskSettings | None = None
_embedder = None


def _init_worker(settings: TaskSettings) -> None:
    global _settings
    _settings = settings
    prepare_worker(settings)


def _run_in_worker(task: Task) -> TaskResult:
    global _embedder
    assert _settings is not None
    if _embedder is None:
        try:
            _embedder = load_embedder(_settings)
        except StageError as exc:
            return failed(task, exc.stage, exc.message, time.perf_counter(), time.process_time())
    return run_task(task, _settings, _embedder)


@register
class LocalEngine(Engine):
    name = "local"

    def describe(self) -> str:
        return f"local, {self._workers()} worker(s)"

    def _workers(self) -> int:
        return self.workers or os.cpu_count() or 1

    def run(self, tasks: Sequence[Task], settings: TaskSettings, on_result: ResultCallback) -> None:
        pending = list(tasks)
        broke_once: set[str] = set()
        context = multiprocessing.get_context("spawn")
        while pending:
            retry: list[Task] = []
            # Keep a bounded number of tasks in flight so a huge batch costs no memory up
            # front and an abort does not wait for thousands of queued futures.
            window = 2 * self._workers()
            queue = deque(pending)
            with ProcessPoolExecutor(
                max_workers=min(self._workers(), len(pending)),
                mp_context=context,
                initializer=_init_worker,
                initargs=(settings,),
            ) as pool:
                running: dict[Future[TaskResult], Task] = {}
                try:
                    _fill(pool, running, queue, window)
                    while running:
                        finished, _ = wait(running, return_when=FIRST_COMPLETED)
                        for fut in finished:
                            task = running.pop(fut)
                            try:
                                result = fut.result()
                            except BrokenProcessPool:
                                if task.key in broke_once:
                                    on_result(_died(task))
                                else:
                                    broke_once.add(task.key)
                                    retry.append(task)
                                continue
                            except Exception as exc:  # e.g. a result that cannot be pickled
                                on_result(_died(task, f"{type(exc).__name__}: {exc}"))
                                continue
                            on_result(result)
                        _fill(pool, running, queue, window)
                    retry.extend(queue)  # not submitted before the pool broke
                except BaseException:
                    pool.shutdown(wait=False, cancel_futures=True)
                    raise
            pending = retry


def _fill(pool: ProcessPoolExecutor, running: dict, queue: deque[Task], window: int) -> None:
    while queue and len(running) < window and not _broken(pool):
        task = queue.popleft()
        try:
            running[pool.submit(_run_in_worker, task)] = task
        except BrokenProcessPool:
            queue.appendleft(task)
            return


def _broken(pool: ProcessPoolExecutor) -> bool:
    return bool(getattr(pool, "_broken", False))


def _died(task: Task, message: str = "") -> TaskResult:
    result = failed(task, "worker", "", time.perf_counter(), time.process_time())
    result.message = (
        message or "the worker process died twice on this pair (killed or out of memory)"
    )
    return result
