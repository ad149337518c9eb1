"""The engine interface and its registry (sacrebleu style: add one by subclassing and
decorating it with `@register`)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import ClassVar

from aligner.errors import InputError
from aligner.pipeline.task import Task, TaskResult, TaskSettings

ResultCallback = Callable[[TaskResult], None]
"""Called in the driver once per task as results arrive, in completion order. It may raise
(e.g. to abort the build); the engine then stops and re-raises."""


class Engine(ABC):
    name: ClassVar[str]

    def __init__(self, workers: int | None = None, address: str | None = None) -> None:
        if workers is not None and workers < 1:
            raise InputError(f"--workers must be at least 1, not {workers}")
        self.workers = workers
        self.address = address

    @abstractmethod
    def run(self, tasks: Sequence[Task], settings: TaskSettings, on_result: ResultCallback) -> None:
        """Run every task (none of them done yet) and report each result."""

    def preflight(self) -> None:  # noqa: B027  (a hook: most engines need no check)
        """Check, before anything is written, that the engine can run (e.g. the cluster is
        reachable); raise a VerbalignError with a one-line message when it cannot."""

    def describe(self) -> str:
        return self.name


ENGINES: dict[str, type[Engine]] = {}


def register(cls: type[Engine]) -> type[Engine]:
    ENGINES[cls.name] = cls
    return cls


def get_engine(name: str, *, workers: int | None = None, address: str | None = None) -> Engine:
    # Importing the modules registers the engines; ray itself is imported only when used.
    from aligner.pipeline.engines import local, ray_engine  # noqa: F401

    cls = ENGINES.get(name.lower())
    if cls is None:
        raise InputError(f"unknown engine {name!r}: choose one of {', '.join(sorted(ENGINES))}")
    if address is not None and cls.name != "ray":
        raise InputError("--address is for --engine ray")
    return cls(workers=workers, address=address)
