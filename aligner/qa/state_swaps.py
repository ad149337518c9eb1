"""A Member State named on one side only, graded by what the other side names instead.

The country check (aligner/qa/term_check.py) lowers a State missing from the other side to a
hint when that side may refer to it without naming it: an anaphor ("the country", "its",
"the Government", 该国) or an acronym holding its initial. Faithful translations do that
often (葡萄牙 / "It has extended...", 格鲁吉亚 / "in the country"). A State swapped for another
one leaves the same one-sided State, and one more thing: the other side names a State of its
own at that place. So a hint becomes a warning when the other side

- mentions another State more often than this side does, counted word by word on each side
  (the State's names, and its English adjectives: "the Turkish authorities" and "Turkey's"
  are two mentions of Türkiye against one 土耳其; a State's Chinese name inside another one's,
  苏丹 in 南苏丹, is not a mention of it), or
- has a name of its own without counterpart here that is not a word an anaphor is made of
  ("Drugs" in "the authorities of Drugs" against 几内亚比绍当局).

An anaphor stands in for the State; it does not bring another State with it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from aligner.qa.check import PairView, QAContext, other
from aligner.qa.flag import Flag, Span

if TYPE_CHECKING:
    from aligner.qa.entities import EntityIndex
    from aligner.qa.name_correspondence import Name

STATE_SWAP_SCORE = 0.55
"""Between the one-sided State's hint and a swap of two unrendered names."""
_ANAPHOR_WORDS = frozenset(
    """country countries state states government governments nation territory territories
    island islands republic kingdom regime authorities authority party side parties
    organization""".split()  # noqa: SIM905
)
"""Words a name of the other side may be made of when it stands for the State ("the
Republic", "the Kingdom", "the Party")."""
_NAME_EVIDENCE = frozenset({"word", "sound", "dictionary"})


def _country_flags(view: PairView, ctx: QAContext) -> list[Flag]:
    from aligner.qa.term_check import entity_flags

    return view.memo(
        "states:country-flags", lambda: entity_flags(view, ctx, "country", {"country"})
    )


@cache
def _state_index() -> EntityIndex:
    """The Member States alone: a State inside a body's name ("the United Nations
    Peacekeeping Force in Cyprus") is a mention of it, as 塞浦路斯 inside the Chinese name is."""
    from aligner.qa.entities import EntityIndex, country_entries

    return EntityIndex.from_entries(country_entries())


@cache
def _zh_state_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """One alternation of the States' Chinese names, longest first, and each name's State (the
    first entry naming it): compiled once, not one search per name and pair."""
    from aligner.qa.entities import country_entries

    owner: dict[str, str] = {}
    for entry in country_entries():
        for form in entry.zh:
            if len(form) >= 2:
                owner.setdefault(form, entry.key)
    alternation = "|".join(re.escape(f) for f in sorted(owner, key=len, reverse=True))
    return re.compile(alternation or r"(?!)"), owner


def state_spans(view: PairView, lang: str) -> list[tuple[int, int, str]]:
    """(start, end, key) of each mention of a Member State on one side: English names and
    adjectives as an index of the States alone finds them (word-bounded, longest first: "South
    Sudan" is not "Sudan"); Chinese names leftmost-longest, so that no longer State name covers
    them (苏丹 inside 南苏丹 is not Sudan)."""

    def compute() -> list[tuple[int, int, str]]:
        if lang == "en":
            return [(h.start, h.end, h.key) for h in _state_index().find(view.folded("en"), "en")]
        pattern, owner = _zh_state_pattern()
        return [(m.start(), m.end(), owner[m.group()]) for m in pattern.finditer(view.folded("zh"))]

    return view.memo(f"states:spans:{lang}", compute)


def state_mentions(view: PairView, ctx: QAContext, lang: str) -> Counter[str]:
    """How many times each Member State is mentioned on one side (see `state_spans`)."""
    return Counter(key for _, _, key in state_spans(view, lang))


def _unrendered_stand_in(names: Sequence[Name]) -> Name | None:
    for n in names:
        words = {w.lower() for w in re.findall(r"[^\W\d_]+", n.text)}
        if n.evidence in _NAME_EVIDENCE and not words & _ANAPHOR_WORDS:
            return n
    return None


def state_swap_flags(
    view: PairView, ctx: QAContext, zh_names: Sequence[Name], en_names: Sequence[Name]
) -> list[Flag]:
    """Warnings for the country check's one-sided States (hints) that the other side replaces
    by a State or a name of its own."""
    out: list[Flag] = []
    for f in _country_flags(view, ctx):
        if f.severity != "info" or f.details.get("evidence") not in ("anaphor", "acronym"):
            continue
        if not f.spans:
            continue
        span = f.spans[0]
        lang, rival = span.lang, other(span.lang)
        key = f.details.get("key")
        here, there = state_mentions(view, ctx, lang), state_mentions(view, ctx, rival)
        more = sorted(k for k in there if k != key and there[k] > here.get(k, 0))
        stand_in = None if more else _unrendered_stand_in(en_names if rival == "en" else zh_names)
        if not more and stand_in is None:
            continue
        if more:
            why = f"the {rival} names another State more often ({', '.join(more)})"
            spans = [span]
        else:
            assert stand_in is not None
            why = f"the {rival} has '{stand_in.text}' instead, with no counterpart in the {lang}"
            spans = [span, Span(rival, stand_in.start, stand_in.end, stand_in.text)]
        out.append(
            Flag(
                "country",
                "warning",
                f"State '{span.text}' in the {lang} is not named in the {rival}; {why}",
                spans,
                "entity",
                {"key": key, "evidence": "state-swap", "more": more},
                STATE_SWAP_SCORE,
            )
        )
    return out


def _only_inside_other_states(view: PairView, key: str, lang: str) -> bool:
    """Whether the State's names occur on this side, every time inside another State's name
    (Sudan in "South Sudan", 苏丹 in 南苏丹)."""
    from aligner.qa.entities import country_entries

    entry = next(e for e in country_entries() if e.key == key)
    text = view.folded(lang)
    forms = [f for f in entry.forms(lang) if len(f) >= 2]
    if lang == "en":
        found = [
            (m.start(), m.end())
            for f in forms
            for m in re.finditer(rf"(?<![\w-]){re.escape(f)}(?![\w-])", text)
        ]
    else:
        found = [(m.start(), m.end()) for f in forms for m in re.finditer(re.escape(f), text)]
    others = [(a, b) for a, b, k in state_spans(view, lang) if k != key]
    return bool(found) and all(
        any(a <= start and end <= b and (a, b) != (start, end) for a, b in others)
        for start, end in found
    )


def nested_state_flags(view: PairView, ctx: QAContext) -> list[Flag]:
    """A State named on one side whose name occurs on the other only inside another State's
    name ("the Government of Sudan and the Government of South Sudan" against 南苏丹政府 alone):
    the country check's loose look-up takes it as present; counted word by word, it is not."""
    flagged = {f.details.get("key") for f in _country_flags(view, ctx)}
    out: list[Flag] = []
    for lang, rival in (("zh", "en"), ("en", "zh")):
        here, there = state_mentions(view, ctx, lang), state_mentions(view, ctx, rival)
        for key in sorted(here):
            if there.get(key) or key in flagged or not _only_inside_other_states(view, key, rival):
                continue
            out.append(
                Flag(
                    "country",
                    "warning",
                    f"State {key.split(':')[-1]} is named in the {lang} but in the {rival} only "
                    "inside another State's name",
                    [],
                    "entity",
                    {"key": key, "evidence": "nested-state"},
                    STATE_SWAP_SCORE,
                )
            )
    return out
