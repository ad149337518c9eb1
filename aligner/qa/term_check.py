"""Terms and names on one side whose equivalent is missing on the other.

Countries (the Member State table, with English adjectives and Chinese one-character short
forms as soft evidence: "Armenian" shows Armenia is there, so does 亚、阿双方), the bundled
entity lexicon and the glossary (approved entries and high-confidence candidates). A swapped
name shows up as one entity that lost mentions while another of the same type gained them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from aligner.qa.check import Check, PairView, QAContext, register_check
from aligner.qa.entities import Entity, EntityHit, EntityIndex, default_index
from aligner.qa.flag import Flag, Span
from aligner.qa.term_match import en_loosely_present, en_stems, zh_loosely_present


def term_index(ctx: QAContext) -> EntityIndex:
    if ctx.entities is None:
        ctx.entities = default_index()
    return ctx.entities


def hits(view: PairView, ctx: QAContext, lang: str) -> list[EntityHit]:
    return view.memo(f"terms:{lang}", lambda: term_index(ctx).find(view.folded(lang), lang))


def _abbreviated(entry: Entity, zh: str) -> bool:
    for a in entry.zh_abbreviations:
        a = re.escape(a)
        if re.search(rf"{a}方|{a}、|、{a}(?=[双两各、和与])", zh):
            return True
    return False


def _latin_in_zh(entry: Entity, zh: str) -> bool:
    """Chinese records keep some place names in Latin script (Kalbajar、Lachin地区)."""
    return any(
        re.search(rf"(?<![A-Za-z]){re.escape(f)}(?![A-Za-z])", zh) for f in entry.forms("en")
    )


def _loosely_in_en(view: PairView, entry: Entity) -> bool:
    """The English forms reworded or inflected (see aligner/qa/term_match.py)."""
    stems = view.memo("stems:en", lambda: en_stems(view.folded("en")))
    return any(en_loosely_present(f, stems) for f in entry.forms("en"))


def _span(view: PairView, lang: str, h: EntityHit) -> Span:
    return Span(lang, h.start, h.end, view.text(lang)[h.start : h.end])


def _kind(entry: Entity) -> str:
    return "country" if entry.type == "country" else "term"


ENFORCED_GLOSSARY_TYPES = frozenset(
    {"organization", "acronym", "country", "person", "place", "document", "instrument"}
)
"""Glossary entries that name something; phraseology is paraphrased too often to enforce."""


def _severity(entry: Entity) -> str:
    """Warnings for countries, the lexicon and approved glossary names; a high-confidence
    candidate (not yet reviewed) or a phraseology entry only gives an info flag."""
    if entry.source == "glossary" and (
        entry.type not in ENFORCED_GLOSSARY_TYPES or entry.status != "approved"
    ):
        return "info"
    return "warning"


def _parts(index: EntityIndex, hit: EntityHit, lang: str) -> Iterator[tuple[str, Entity]]:
    """Other entries with a shorter form inside the hit's text (休尼克 inside 休尼克省)."""
    for key, entry in index.entries.items():
        if key != hit.key and any(
            len(f) < len(hit.text) and f in hit.text for f in entry.forms(lang)
        ):
            yield key, entry


def _satisfied_by_part(
    index: EntityIndex, hit: EntityHit, lang: str, rival_text: str, rival: str
) -> bool:
    """A compound name (休尼克省) whose shorter part (休尼克, "Syunik") is on the other side."""
    return any(
        index.present(key, rival_text, rival, context=rival == "en")
        or (rival == "zh" and _latin_in_zh(part, rival_text))
        for key, part in _parts(index, hit, lang)
    )


def _has_enforced_part(index: EntityIndex, hit: EntityHit, lang: str) -> bool:
    """Whether a warning-level entry (country, lexicon, approved name) lies inside the hit."""
    return any(_severity(part) == "warning" for _, part in _parts(index, hit, lang))


def entity_flags(view: PairView, ctx: QAContext, check: str, kinds: set[str]) -> list[Flag]:
    index = term_index(ctx)
    found = {lang: hits(view, ctx, lang) for lang in ("zh", "en")}
    counts = {
        lang: Counter(h.key for h in found[lang] if not h.context_only) for lang in ("zh", "en")
    }
    context_en = {h.key for h in found["en"] if h.context_only}
    flags: list[Flag] = []
    flagged: set[str] = set()
    for lang, rival in (("zh", "en"), ("en", "zh")):
        rival_text = view.folded(rival)
        for key, n in counts[lang].items():
            entry = index.entries[key]
            if _kind(entry) not in kinds or counts[rival][key]:
                continue
            if rival == "en" and (
                key in context_en
                or index.present(key, rival_text, "en", context=True)
                or _loosely_in_en(view, entry)
            ):
                continue
            if rival == "zh" and (
                index.present(key, rival_text, "zh")
                or _abbreviated(entry, rival_text)
                or _latin_in_zh(entry, rival_text)
                or any(zh_loosely_present(f, rival_text) for f in entry.forms("zh"))
            ):
                continue
            first = next(h for h in found[lang] if h.key == key and not h.context_only)
            if _satisfied_by_part(index, first, lang, rival_text, rival):
                continue
            severity = _severity(entry)
            if severity == "info" and _has_enforced_part(index, first, lang):
                # A candidate compound (拉钦地区) hides an enforced name inside it (拉钦, a
                # lexicon place) that is missing too: the name is what went missing.
                severity = "warning"
            noun = "country" if entry.type == "country" else f"{entry.type} term"
            message = (
                f"{noun} {entry.label('en')} / {entry.label('zh')} appears in the {lang} "
                f"({first.text}) but not in the {rival}"
            )
            flags.append(
                Flag(
                    _kind(entry),
                    severity,
                    message,
                    [_span(view, lang, first)],
                    check,
                    {"key": key, "count": n, "source": entry.source},
                )
            )
            flagged.add(key)
    # A swap keeps both names on both sides but moves mentions from one to the other.
    lost = [k for k in counts["zh"] if counts["zh"][k] > counts["en"][k] and k not in flagged]
    gained = [k for k in counts["en"] if counts["en"][k] > counts["zh"][k] and k not in flagged]
    for k_lost in lost:
        e_lost = index.entries[k_lost]
        if _kind(e_lost) not in kinds or k_lost in context_en or _severity(e_lost) != "warning":
            continue
        for k_gained in gained:
            e_gained = index.entries[k_gained]
            if e_gained.type != e_lost.type or k_gained == k_lost or _nested(e_lost, e_gained):
                continue
            h = next(x for x in found["en"] if x.key == k_gained and not x.context_only)
            flags.append(
                Flag(
                    _kind(e_lost),
                    "warning",
                    f"{e_lost.label('en')} is named {counts['zh'][k_lost]}× in the zh but "
                    f"{counts['en'][k_lost]}× in the en, while {e_gained.label('en')} goes from "
                    f"{counts['zh'][k_gained]}× to {counts['en'][k_gained]}×: swapped names?",
                    [_span(view, "en", h)],
                    check,
                    {"lost": k_lost, "gained": k_gained},
                )
            )
            return flags
    return flags


def _nested(a: Entity, b: Entity) -> bool:
    """One name contains the other (欧安组织明斯克小组 / 欧安组织): not a swap."""
    for lang in ("zh", "en"):
        for fa in a.forms(lang):
            for fb in b.forms(lang):
                if fa in fb or fb in fa:
                    return True
    return False


@register_check
class CountryCheck(Check):
    name = "country"
    description = "country names on one side present on the other (Member State table)"

    def check(self, view: PairView, ctx: QAContext) -> list[Flag]:
        return entity_flags(view, ctx, self.name, {"country"})


@register_check
class TermCheck(Check):
    name = "term"
    description = "glossary and lexicon terms on one side whose equivalent is missing"

    def check(self, view: PairView, ctx: QAContext) -> list[Flag]:
        return entity_flags(view, ctx, self.name, {"term"})
