"""Sentences the aligner left without a counterpart (1-0 and 0-1 links).

In a speech that is an error: a sentence was dropped or added. In the procedure lines of a
record (the adoption of the agenda, the suspension, the close of the meeting) it is a warning:
the language versions print those lines at different places or leave some out, so a missing
line is more often layout than translation.

At the edges of a record it is a hint: lines before the other language's text starts, or after
it ends, mean that text was cut (an English text extracted from the President's first words
on, without the cover and opening procedure), not that a translator left them out.
"""

from __future__ import annotations

from collections.abc import Sequence

from aligner.qa.check import LANGS, Check, PairView, QAContext, other, register_check
from aligner.qa.flag import Flag, Span

_EDGES = "unaligned.edges"


def record_edges(views: Sequence[PairView]) -> dict[str, tuple[str, str]]:
    """One-sided pairs of a record (pairs with roles) lying before the first or after the last
    text of the other language: pair id -> (the language with no text, "start" | "end")."""
    edges: dict[str, tuple[str, str]] = {}
    if not any(v.role for v in views):
        return edges  # free pairs: their order means nothing
    for lang in LANGS:
        has = [bool(v.text(lang).strip()) for v in views]
        if not any(has):
            continue
        first, last = has.index(True), len(has) - 1 - has[::-1].index(True)
        for where, part in (("start", views[:first]), ("end", views[last + 1 :])):
            for v in part:
                if v.text(other(lang)).strip():
                    edges[v.id] = (lang, where)
    return edges


@register_check
class UnalignedCheck(Check):
    name = "unaligned"
    description = "a side with text whose other side is empty (1-0 / 0-1 links)"

    def prepare_batch(self, views: Sequence[PairView], ctx: QAContext) -> None:
        ctx.scratch[_EDGES] = record_edges(views)

    def check(self, view: PairView, ctx: QAContext) -> list[Flag]:
        has = {lang: bool(view.text(lang).strip()) for lang in ("zh", "en")}
        if has["zh"] == has["en"]:
            return []
        lang = "zh" if has["zh"] else "en"
        text = view.text(lang)
        missing_in = other(lang)
        role = "omission" if lang == view.source else "addition"
        procedure = view.role == "procedure"
        edge = ctx.scratch.get(_EDGES, {}).get(view.id)
        if edge is not None:
            when = "before the" if edge[1] == "start" else "after the"
            verb = "starts" if edge[1] == "start" else "ends"
            message = (
                f"unaligned {lang} text {when} {missing_in} text {verb}: the {missing_in} "
                f"record looks cut here (not counted as a possible {role})"
            )
            severity, score = "info", 0.2
        elif procedure:
            message = (
                f"unaligned {lang} text in a procedure line: no {missing_in} counterpart "
                f"(possible {role})"
            )
            severity, score = "warning", 0.4
        else:
            message = f"unaligned {lang} text: no {missing_in} counterpart (possible {role})"
            severity, score = "error", 0.9
        return [
            Flag(
                "unaligned",
                severity,
                message,
                [Span(lang, 0, len(text), text)],
                self.name,
                {"role": role, "procedure": procedure, "edge": edge[1] if edge else None},
                score=score,
            )
        ]
