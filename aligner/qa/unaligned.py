"""Sentences the aligner left without a counterpart (1-0 and 0-1 links)."""

from __future__ import annotations

from aligner.qa.check import Check, PairView, QAContext, other, register_check
from aligner.qa.flag import Flag, Span


@register_check
class UnalignedCheck(Check):
    name = "unaligned"
    description = "a side with text whose other side is empty (1-0 / 0-1 links)"

    def check(self, view: PairView, ctx: QAContext) -> list[Flag]:
        has = {lang: bool(view.text(lang).strip()) for lang in ("zh", "en")}
        if has["zh"] == has["en"]:
            return []
        lang = "zh" if has["zh"] else "en"
        text = view.text(lang)
        missing_in = other(lang)
        role = "omission" if lang == view.source else "addition"
        return [
            Flag(
                "unaligned",
                "error",
                f"unaligned {lang} text: no {missing_in} counterpart (possible {role})",
                [Span(lang, 0, len(text), text)],
                self.name,
                {"role": role},
            )
        ]
