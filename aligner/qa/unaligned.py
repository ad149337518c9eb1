"""Sentences the aligner left without a counterpart (1-0 and 0-1 links).

In a speech that is an error: a sentence was dropped or added. In the procedure lines of a
record (the adoption of the agenda, the suspension, the close of the meeting) it is a warning:
the language versions print those lines at different places or leave some out (the English
text of a record can start at the President's first words), so a missing line is more often
layout than translation.
"""

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
        procedure = view.role == "procedure"
        where = " in a procedure line" if procedure else ""
        return [
            Flag(
                "unaligned",
                "warning" if procedure else "error",
                f"unaligned {lang} text{where}: no {missing_in} counterpart (possible {role})",
                [Span(lang, 0, len(text), text)],
                self.name,
                {"role": role, "procedure": procedure},
                score=0.4 if procedure else 0.9,
            )
        ]
