"""Run the QA checks over pairs and collect the findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from aligner.qa.check import Check, PairView, QAContext, build_checks
from aligner.qa.flag import Flag, severity_rank

DEFAULT_MIN_SEVERITY = "warning"
PROGRESS_CHUNK = 32
"""With a progress callback, pairs are checked in chunks of this many, so that the batch work
of `prepare` (the semantic check embeds every text of its batch) is spread over the run and
the progress moves steadily; results do not depend on the chunking."""


@dataclass
class PairResult:
    view: PairView
    flags: list[Flag] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.view.id

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.view.id,
            "direction": self.view.direction(),
            "flags": [f.to_dict() for f in self.flags],
        }


def check_pairs(
    views: Sequence[PairView],
    ctx: QAContext | None = None,
    *,
    checks: Sequence[Check] | None = None,
    min_severity: str = DEFAULT_MIN_SEVERITY,
    progress: Callable[[int], None] | None = None,
) -> list[PairResult]:
    """Flags for every pair, most serious first; flags below `min_severity` are dropped.

    `progress`, when given, is called with the number of pairs just finished (see
    PROGRESS_CHUNK). Without `ctx.embedder` the semantic check falls back to the length ratio
    alone."""
    ctx = ctx or QAContext()
    active = list(checks or build_checks())
    for c in active:
        c.prepare_batch(views, ctx)
    step = PROGRESS_CHUNK if progress is not None else max(len(views), 1)
    results: list[PairResult] = []
    for start in range(0, len(views), step):
        chunk = views[start : start + step]
        results += _check_chunk(chunk, ctx, active, min_severity)
        if progress is not None:
            progress(len(chunk))
    return results


def _check_chunk(
    views: Sequence[PairView], ctx: QAContext, active: Sequence[Check], min_severity: str
) -> list[PairResult]:
    for c in active:
        c.prepare(views, ctx)
    limit = severity_rank(min_severity)
    results = []
    for view in views:
        one_sided = not (view.zh.strip() and view.en.strip())
        # a 1-0 or 0-1 link is one finding (unaligned), not a missing number, date, name...
        flags = [
            f for c in active for f in c.check(view, ctx) if not one_sided or f.type == "unaligned"
        ]
        flags = [f for f in flags if severity_rank(f.severity) <= limit]
        flags.sort(key=lambda f: (severity_rank(f.severity), f.type))
        results.append(PairResult(view, flags))
    return results


def check_pair(
    zh: str,
    en: str,
    *,
    original: str | None = None,
    ctx: QAContext | None = None,
    checks: Sequence[Check] | None = None,
    min_severity: str = DEFAULT_MIN_SEVERITY,
) -> list[Flag]:
    """The flags of one (zh, en) pair; `original` is "zh", "en" or None (unknown)."""
    view = PairView("pair", zh, en, original)
    return check_pairs([view], ctx, checks=checks, min_severity=min_severity)[0].flags


def views_from_dicts(rows: Iterable[dict[str, Any]]) -> list[PairView]:
    return [PairView(str(r["id"]), r["zh"], r["en"], r.get("original")) for r in rows]
