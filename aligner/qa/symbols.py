"""United Nations document symbols (S/2022/688, S/RES/2625 (2022), A/76/L.5, S/PV.9132).

A symbol is never translated: both sides must carry the same ones.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from aligner.ingest.patterns import DOC_SYMBOL, has_digit
from aligner.qa.check import LANGS, Check, PairView, QAContext, other, register_check
from aligner.qa.flag import Flag, Span

# The project's one UN-symbol pattern (shared with ingest and parse); a symbol needs a digit
# somewhere, so that "AU/EU" is not one.
SYMBOL_RE = DOC_SYMBOL


@dataclass(frozen=True)
class SymbolMention:
    symbol: str
    """Normalised: no spaces, case-folded."""
    start: int
    end: int


def normalise_symbol(raw: str) -> str:
    return re.sub(r"\s+", "", raw).casefold()


def extract_symbols(folded: str) -> list[SymbolMention]:
    """Symbols in a folded text (see aligner.qa.folding), with their character spans."""
    out: list[SymbolMention] = []
    for m in SYMBOL_RE.finditer(folded):
        raw = m.group(0)
        if not has_digit(raw):
            continue
        out.append(SymbolMention(normalise_symbol(raw), m.start(), m.end()))
    return out


# A resolution cited by number and year, as both languages write it: "resolution 2100 (2013)",
# "第2100 ( 2013 )号决议". The year is part of the reference (the number check treats it as
# optional, since a translation may leave it out), so a year changed is a symbol changed.
_NUMBER_YEAR = re.compile(r"(?<![\d/.])(?P<n>\d{2,4})\s?\(\s?(?P<year>(?:19|20)\d\d)\s?\)")


def numbered_years(folded: str) -> dict[str, list[tuple[str, int, int]]]:
    """Resolution (or decision) number -> [(year, start, end of the reference)]."""
    out: dict[str, list[tuple[str, int, int]]] = {}
    for m in _NUMBER_YEAR.finditer(folded):
        out.setdefault(m.group("n"), []).append((m.group("year"), m.start(), m.end()))
    return out


def symbol_spans(view: PairView, lang: str) -> list[SymbolMention]:
    return view.memo(f"symbols:{lang}", lambda: extract_symbols(view.folded(lang)))


@register_check
class SymbolCheck(Check):
    name = "symbol"
    description = "document symbols present on both sides and identical"

    def check(self, view: PairView, ctx: QAContext) -> list[Flag]:
        found = {lang: symbol_spans(view, lang) for lang in LANGS}
        counts = {lang: Counter(m.symbol for m in found[lang]) for lang in LANGS}
        missing = {lang: counts[lang] - counts[other(lang)] for lang in LANGS}
        flags: list[Flag] = []
        for lang in LANGS:
            for symbol in missing[lang]:
                mention = next(m for m in found[lang] if m.symbol == symbol)
                text = view.text(lang)[mention.start : mention.end]
                spans = [Span(lang, mention.start, mention.end, text)]
                elsewhere = [m for m in found[other(lang)] if m.symbol in missing[other(lang)]]
                if elsewhere:
                    alt = elsewhere[0]
                    alt_text = view.text(other(lang))[alt.start : alt.end]
                    if lang == "en":
                        continue  # reported once, from the zh side
                    spans.append(Span(other(lang), alt.start, alt.end, alt_text))
                    message = f"document symbol differs: {text} ({lang}) vs {alt_text}"
                else:
                    message = f"document symbol {text} ({lang}) is missing from the {other(lang)}"
                flags.append(
                    Flag("symbol", "error", message, spans, self.name, {"symbol": symbol}, 0.9)
                )
        return flags + self._years(view)

    def _years(self, view: PairView) -> list[Flag]:
        """The same resolution number cited with different years on the two sides."""
        refs = {lang: numbered_years(view.folded(lang)) for lang in LANGS}
        flags = []
        for number, zh_refs in refs["zh"].items():
            en_refs = refs["en"].get(number)
            if not en_refs:
                continue
            zh_years = {y for y, _, _ in zh_refs}
            en_years = {y for y, _, _ in en_refs}
            if zh_years == en_years:
                continue
            zh_ref = (
                next(r for r in zh_refs if r[0] not in en_years)
                if zh_years - en_years
                else zh_refs[0]
            )
            en_ref = (
                next(r for r in en_refs if r[0] not in zh_years)
                if en_years - zh_years
                else en_refs[0]
            )
            spans = [
                Span("zh", zh_ref[1], zh_ref[2], view.zh[zh_ref[1] : zh_ref[2]]),
                Span("en", en_ref[1], en_ref[2], view.en[en_ref[1] : en_ref[2]]),
            ]
            flags.append(
                Flag(
                    "symbol",
                    "error",
                    f"resolution {number} is dated {'/'.join(sorted(zh_years))} in the zh and "
                    f"{'/'.join(sorted(en_years))} in the en",
                    spans,
                    self.name,
                    {"symbol": number, "zh_years": sorted(zh_years), "en_years": sorted(en_years)},
                    0.9,
                )
            )
        return flags
