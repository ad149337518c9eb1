"""English proper names whose words have no rendering in the Chinese: a body, office, title
or instrument mistranslated or swapped for another one.

The term check knows the names in its tables (countries, UN bodies, the record's glossary); an
official translation names many more ("Committee on World Food Security", "the Governing
Council", "Board of Auditors"), and a swap between two of them, or one rendered by another,
escapes every table. The words of such a name are ordinary words ("Governing", "Food",
"Auditors") that the Chinese renders: each is looked up in the dictionary (CC-CEDICT glosses,
aligner/qa/lexicon.py) and in the translations learned from the batch (aligner/qa/association).

A capitalised run of two or more words (joined by of/on/for/and/the...) holding a head noun
of a body, a title or an instrument ("... Council", "... Convention", "... Act") is a name. Its
words that the dictionary knows only capitalised are names of people or places, which this
check cannot judge and leaves alone; so are acronyms and names the term check's tables know.
The name is flagged when at least `MIN_SHARE` of its specific words (the head noun aside: 局,
团, 事务 render "Board", "Mission", "Service" in many ways) have no counterpart in the Chinese:
a warning when two or more are missing, a hint (info) for one, which in faithful translations
is most often a gloss the dictionary lacks.

A name swapped in the Chinese shows up here too: the English name is intact and its words lose
their counterpart on the Chinese side.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from aligner.qa.check import Check, PairView, QAContext, register_check
from aligner.qa.flag import Flag, Span
from aligner.qa.lexicon import EN_STOP_WORDS, en_stem, load_lexicon, near_stem

MIN_SHARE = 0.67
"""A name is flagged when this share of its specific words (its head noun aside) has no
counterpart..."""
WARNING_MISSING = 2
"""... as a warning when they are at least this many; one word alone is a hint (info): read on
the UNPC dev pairs, 11 of 12 one-word gaps were glosses the dictionary lacks (审议大会 /
Review Conference, 理事会 / Governing Council, 复兴 / Recovery)."""

_CONNECTORS = r"(?:of|on|for|and|the|against|de|du|des)"
"""Words inside a name; "to", "in", "at" join two names ("Office of X to Radio Y") more often."""
_NAME = re.compile(
    rf"(?<![\w-])[A-Z][\w'’-]*(?:\s+(?:{_CONNECTORS}\s+)*[A-Z][\w'’-]*)+",
)
_HEADS = frozenset(
    """Committee Commission Council Programme Fund Office Agency Organization Authority Forum
    Board Tribunal Court Institute Convention Treaty Protocol Declaration Agreement Covenant
    Framework Agenda Mission Department Unit Conference Assembly Secretariat Division Centre
    Group Panel Bank Union Service Services Representative Rapporteur Envoy Coordinator
    Director Administrator Commissioner Act Law Code Plan Strategy Initiative Network Ministry
    Parliament House Party""".split()  # noqa: SIM905
)
_SENTENCE_START = re.compile(r"(?:^|[.:;!?]\s+|[\"“(]\s*)$")


def _key(word: str) -> str:
    return re.sub(r"['’]s$", "", word.lower().strip("'’-"))


def _is_gap(counted: list[str], missing: list[str]) -> bool:
    """A head noun ("Board", "Mission", "Service") has many renderings (局, 团, 事务) and is
    not evidence; the words that make the name specific are."""
    if not any(w in _HEADS for w in counted):
        return False  # a person's name or a heading: the entity and semantic checks' business
    specific = [w for w in counted if w not in _HEADS]
    lost = [w for w in missing if w not in _HEADS]
    return bool(specific) and bool(lost) and len(lost) >= MIN_SHARE * len(specific)


def _specific(missing: list[str]) -> list[str]:
    return [w for w in missing if w not in _HEADS]


def name_gaps(
    view: PairView, assoc: object | None = None, known_spans: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int, list[str]]]:
    """(start, end, missing words) of each English name with too many words the Chinese does
    not render (see the module docstring). Words inside `known_spans` (names the term check's
    tables know: it judges them) are left out."""
    lexicon = load_lexicon()
    if lexicon is None or not view.zh.strip():
        return []
    zh, en = view.zh, view.en
    known = lexicon.common
    bag: frozenset[str] | None = None
    zh_words: frozenset[str] | None = None
    out = []
    for m in _NAME.finditer(en):
        words = [(m.start() + w.start(), w.group()) for w in re.finditer(r"\S+", m.group())]
        if _SENTENCE_START.search(en[: m.start()]):
            words = words[1:]  # a capital that opens a sentence says nothing
        caps = [
            w for at, w in words if w[0].isupper() and not any(a <= at < b for a, b in known_spans)
        ]
        if len(caps) < 2:
            continue
        counted: list[str] = []
        missing: list[str] = []
        for word in caps:
            key = _key(word)
            if key in EN_STOP_WORDS or len(key) < 3 or not key.isalpha() or word.isupper():
                continue  # a function word, a numeral (III), an acronym
            stem = en_stem(key)
            if stem not in known:
                continue  # a person's or a place's name: not for the dictionary to judge
            counted.append(word)
            if word in zh:
                continue
            if bag is None:
                bag = lexicon.bag(zh)
                zh_words = frozenset(w for _, w in lexicon.zh_content_words_at(zh))
            if near_stem(stem, bag):
                continue
            if assoc is not None and assoc.zh_words_for(stem) & zh_words:  # type: ignore[attr-defined]
                continue
            missing.append(word)
        if _is_gap(counted, missing):
            out.append((words[0][0], m.end(), missing))
    return out


@register_check
class NameCheck(Check):
    name = "name"
    description = "English names (bodies, titles, instruments) whose words the Chinese lacks"

    def prepare_batch(self, views: Sequence[PairView], ctx: QAContext) -> None:
        from aligner.qa.semantic import batch_associations

        ctx.scratch["name:assoc"] = batch_associations(views, ctx)

    def check(self, view: PairView, ctx: QAContext) -> list[Flag]:
        if not view.zh.strip() or not view.en.strip():
            return []
        from aligner.qa.term_check import hits

        assoc = ctx.scratch.get("name:assoc")
        known = [(h.start, h.end) for h in hits(view, ctx, "en")]
        flags = []
        for start, end, missing in name_gaps(view, assoc, known):
            name = view.en[start:end]
            flags.append(
                Flag(
                    "term",
                    "warning" if len(_specific(missing)) >= WARNING_MISSING else "info",
                    f"name '{name}' in the en: {', '.join(missing)} not rendered in the zh "
                    "(a body, title or instrument mistranslated or swapped?)",
                    [Span("en", start, end, name)],
                    self.name,
                    {"missing": missing, "evidence": "dictionary"},
                    0.3 if len(_specific(missing)) >= WARNING_MISSING else 0.1,
                )
            )
        return flags
