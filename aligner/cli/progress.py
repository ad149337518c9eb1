"""The progress bar that long commands draw on stderr: one bar whose label follows the stage
the library reports through its `progress(stage, fraction)` callback."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

ProgressCallback = Callable[[str, float], None]


@contextmanager
def stage_progress(
    first_stage: str,
    *,
    label: str = "",
    transient: bool = True,
    hide_off_terminal: bool = False,
) -> Iterator[ProgressCallback]:
    """Yields the callback to hand to the library. `hide_off_terminal` keeps redirected
    stderr free of bar frames; otherwise rich prints the final state there."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    prefix = f"[bold]{label}[/bold] " if label else ""
    with Progress(
        TextColumn(prefix + "{task.fields[stage]:<14}"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TimeElapsedColumn(),
        console=console,
        transient=transient,
        disable=hide_off_terminal and not console.is_terminal,
    ) as bar:
        task = bar.add_task(first_stage, total=1.0, stage=first_stage)

        def report(stage: str, fraction: float) -> None:
            bar.update(task, completed=fraction, stage=stage)

        yield report
