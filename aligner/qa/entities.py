"""Named entities and glossary terms on both sides of a pair.

A `Entity` is one concept with its Chinese and English forms: a Member State (from
aligner.countries, plus English adjectives such as "Armenian"), an entry of the bundled
entity lexicon (organizations, instruments, places, people; aligner/qa/data/entities.tsv), or
a glossary entry from the store. `EntityIndex` finds every form in a text, leftmost and longest
first, so "欧洲安全与合作组织" is the OSCE and not "欧洲" (Europe).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from aligner.qa.folding import fold

HIGH_CONFIDENCE = 0.8
"""A glossary candidate at or above this confidence is checked like an approved entry."""


@dataclass(frozen=True)
class Entity:
    key: str
    type: str
    zh: tuple[str, ...]
    en: tuple[str, ...]
    source: str
    """"country", "lexicon" or "glossary"."""
    en_context: tuple[str, ...] = ()
    """English forms that show the concept is present without naming it ("Armenian")."""
    zh_abbreviations: tuple[str, ...] = ()
    """One-character short forms used in 中方 / 亚、阿双方."""
    status: str = "approved"
    confidence: float = 1.0
    id: str | None = None

    def label(self, lang: str) -> str:
        forms = self.zh if lang == "zh" else self.en
        return forms[0] if forms else self.key

    def forms(self, lang: str) -> tuple[str, ...]:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class EntityHit:
    key: str
    start: int
    end: int
    text: str
    context_only: bool = False


@dataclass
class EntityIndex:
    entries: dict[str, Entity] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._patterns: dict[str, tuple[re.Pattern[str], dict[str, list[tuple[str, bool]]]]] = {}
        self._presence: dict[tuple[str, str, bool], re.Pattern[str]] = {}

    @classmethod
    def from_entries(cls, entries: Iterable[Entity]) -> EntityIndex:
        index = cls()
        for e in entries:
            index.entries.setdefault(e.key, e)
        return index

    def extended(self, entries: Iterable[Entity]) -> EntityIndex:
        return EntityIndex.from_entries([*self.entries.values(), *entries])

    def _pattern(self, lang: str) -> tuple[re.Pattern[str], dict[str, list[tuple[str, bool]]]]:
        if lang not in self._patterns:
            owners: dict[str, list[tuple[str, bool]]] = {}
            for e in self.entries.values():
                forms = [(f, False) for f in e.forms(lang)]
                if lang == "en":
                    forms += [(f, True) for f in e.en_context]
                for form, context_only in forms:
                    for variant in _variants(form, lang):
                        owners.setdefault(variant, []).append((e.key, context_only))
            if not owners:
                self._patterns[lang] = (re.compile(r"(?!)"), owners)
            else:
                alternation = "|".join(re.escape(f) for f in sorted(owners, key=len, reverse=True))
                regex = (
                    rf"(?<!\w)(?P<form>{alternation})(?:s|es)?(?!\w)"
                    if lang == "en"
                    else rf"(?P<form>{alternation})"
                )
                self._patterns[lang] = (re.compile(regex), owners)
        return self._patterns[lang]

    def find(self, folded: str, lang: str) -> list[EntityHit]:
        """Non-overlapping hits, leftmost-longest, in a folded text."""
        pattern, owners = self._pattern(lang)
        hits: list[EntityHit] = []
        for m in pattern.finditer(folded):
            for key, context_only in owners[m.group("form")]:
                hits.append(EntityHit(key, m.start(), m.end(), m.group("form"), context_only))
        return hits

    def present(self, key: str, folded: str, lang: str, *, context: bool = False) -> bool:
        """Whether any form of the entry occurs anywhere in `folded`, even inside a longer
        name ("欧洲安全与合作组织" inside "欧洲安全与合作组织明斯克小组"); English forms may
        take a plural ending. `context` also accepts the English adjectives."""
        cache_key = (key, lang, context)
        if cache_key not in self._presence:
            e = self.entries[key]
            forms = list(e.forms(lang)) + (list(e.en_context) if context and lang == "en" else [])
            variants = sorted({v for f in forms for v in _variants(f, lang)}, key=len, reverse=True)
            if not variants:
                self._presence[cache_key] = re.compile(r"(?!)")
            else:
                alternation = "|".join(re.escape(v) for v in variants)
                self._presence[cache_key] = re.compile(
                    rf"(?<!\w)(?:{alternation})(?:s|es)?(?!\w)" if lang == "en" else alternation
                )
        return bool(self._presence[cache_key].search(folded))

    def counts(self, folded: str, lang: str) -> Counter[str]:
        return Counter(h.key for h in self.find(folded, lang) if not h.context_only)


def _variants(form: str, lang: str) -> list[str]:
    form = fold(form, simplify=lang == "zh").strip()
    if not form:
        return []
    out = [form]
    if lang == "en":
        if form[0].islower():
            out.append(form[0].upper() + form[1:])
        if "'" in form:
            out.append(form.replace("'", "’"))
    return out


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(x.strip() for x in (cell or "").split("|") if x.strip())


@cache
def country_entries() -> tuple[Entity, ...]:
    from aligner.countries import all_countries

    demonyms: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    text = resources.files("aligner.qa").joinpath("data/demonyms.tsv").read_text("utf-8")
    for row in csv.DictReader(text.splitlines(), delimiter="\t"):
        demonyms[row["code"]] = (_split(row["en_adjectives"]), _split(row["zh_abbreviations"]))
    out = []
    for c in all_countries():
        adjectives, abbreviations = demonyms.get(c.code, ((), ()))
        en_forms = tuple(n for n in c.names("en") if not (n.isupper() and len(n) <= 3))
        out.append(
            Entity(
                key=f"country:{c.code}",
                type="country",
                zh=c.names("zh"),
                en=en_forms,
                source="country",
                en_context=adjectives,
                zh_abbreviations=abbreviations,
                id=c.code,
            )
        )
    return tuple(out)


@cache
def lexicon_entries() -> tuple[Entity, ...]:
    text = resources.files("aligner.qa").joinpath("data/entities.tsv").read_text("utf-8")
    return tuple(
        Entity(
            key=f"lexicon:{_split(row['en'])[0]}",
            type=row["type"],
            zh=_split(row["zh"]),
            en=_split(row["en"]),
            source="lexicon",
        )
        for row in csv.DictReader(text.splitlines(), delimiter="\t")
    )


def glossary_entry(row: Mapping[str, Any]) -> Entity | None:
    """A glossary entry (as `aligner.terms.entry.TermEntry.to_dict()` or the API gives it) as a
    checkable term, or None when it should not be enforced: rejected, a candidate below
    HIGH_CONFIDENCE, or a side missing."""
    status = str(row.get("status") or "candidate")
    confidence = float(row.get("confidence") or 0.0)
    if status == "rejected" or (status != "approved" and confidence < HIGH_CONFIDENCE):
        return None
    zh = _forms(row.get("zh"), row.get("zh_variants"))
    en = _forms(row.get("en"), row.get("en_variants"))
    if not zh or not en:
        return None
    entry_id = row.get("id")
    return Entity(
        key=f"glossary:{entry_id if entry_id is not None else zh[0]}",
        type=str(row.get("type") or "other"),
        zh=zh,
        en=en,
        source="glossary",
        status=status,
        confidence=confidence,
        id=None if entry_id is None else str(entry_id),
    )


def _forms(main: Any, variants: Any) -> tuple[str, ...]:
    out = [main] if isinstance(main, str) and main.strip() else []
    if isinstance(variants, list | tuple):
        out += [v for v in variants if isinstance(v, str) and v.strip() and v not in out]
    return tuple(x.strip() for x in out)


def default_index(glossary: Iterable[Mapping[str, Any]] = ()) -> EntityIndex:
    """Countries and the bundled lexicon, plus the usable entries of a glossary."""
    base = [*country_entries(), *lexicon_entries()]
    known = {f for e in base for lang in ("zh", "en") for f in e.forms(lang)}
    # A glossary entry for a concept the tables already know (a country, the OSCE) would be
    # checked twice, and without the tables' adjectives and short forms.
    extra = [
        e
        for e in (glossary_entry(r) for r in glossary)
        if e is not None and not (set(e.zh) | set(e.en)) & known
    ]
    return EntityIndex.from_entries([*base, *extra])
