"""Named entities and glossary terms on both sides of a pair.

An `Entity` is one concept with its Chinese and English forms: a Member State (from
aligner.countries, plus English adjectives such as "Armenian" and the extra forms of
aligner/qa/data/demonyms.tsv), an entry of the bundled lexicon of general UN resources (UN
organs, agencies, missions, regional organizations, instruments, duty stations and capitals,
regions; aligner/qa/data/entities.tsv), or a glossary entry — a record's own names come from
its glossary, built at import, never from the bundled files.

`EntityIndex.find` reports every form in a text, leftmost and longest first, so
"欧洲安全与合作组织" is the OSCE and not "欧洲" (Europe), and only where the form stands as a
word: in Chinese a hit must not start or end inside a word of the segmentation (中国 inside
发展中国家, 南非 inside 撒哈拉以南非洲, 朝鲜 inside 南朝鲜 are not hits; see aligner/qa/
segmentation.py), in English an acronym must not be part of a hyphenated name (UN in
UN-Women).

Generic forms (the head noun a text uses for a body it has named: "the Council", 大会, 《宪章》,
"the Organization", and acronyms of the UN family for 联合国: "UN*") only show that the
concept is there: they answer a name on the other side but are never reported missing, and
they count only where they stand alone ("Council" in "Global Youth Council" or 大会 in
审议大会 are other bodies).
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
from aligner.qa.segmentation import crosses_word

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
    """English forms that show the concept is present without naming it ("Kenyan")."""
    zh_abbreviations: tuple[str, ...] = ()
    """One-character short forms used in 中方 / 中、美双方."""
    status: str = "approved"
    confidence: float = 1.0
    id: str | None = None
    zh_generic: tuple[str, ...] = ()
    """Head nouns that stand for the entity once named (大会, 宪章): presence only."""
    en_generic: tuple[str, ...] = ()
    """English head nouns ("Council", "Charter"); a form ending in * is a prefix of
    acronyms ("UN*": UNDP, UN-Women); a form starting with "re:" is a regular expression
    (a Security Council resolution cited by number alone: "resolution 2118 (2013)")."""

    def label(self, lang: str) -> str:
        forms = self.zh if lang == "zh" else self.en
        return forms[0] if forms else self.key

    def forms(self, lang: str) -> tuple[str, ...]:
        return self.zh if lang == "zh" else self.en

    def generic(self, lang: str) -> tuple[str, ...]:
        return self.zh_generic if lang == "zh" else self.en_generic


@dataclass(frozen=True)
class EntityHit:
    key: str
    start: int
    end: int
    text: str
    context_only: bool = False


_ACRONYM = re.compile(r"^[A-Z][A-Z0-9.]{1,7}$")
_EN_DETERMINERS = frozenset(
    "the this that these those its their our his her a an such same said".split()  # noqa: SIM905
)
# Words that open a sentence before a generic head ("As Council members", "In Council
# consultations"): capitalised by position, not part of a name.
_EN_OPENERS = frozenset(
    "as in for with by at on from to and but if when while like unlike among all".split()  # noqa: SIM905
)
# Characters after which a Chinese generic head (大会, 宪章, 理事会) stands alone: function
# words, punctuation, the opening of a title.
# Modifiers that make a Chinese generic head another body: 审议大会 (a review conference),
# 缔约国大会, 世界卫生大会; 《国际人权宪章》, 《妇女大宪章》.
_ZH_GENERIC_NOT_AFTER = re.compile(
    r"(?:审议|缔约国|缔约方|卫生|代表|人民|全国|青年|年度|会员|成员|世界|国际|全体|妇女|联合会|工会|"
    r"协会|党|人权|非洲|欧洲|美洲|亚洲|社会|地球|能源|奥林匹克|大|青年|儿童|土著)$"
)
_ZH_TITLE = re.compile(r"《([^《》]{1,40})》")


@dataclass
class EntityIndex:
    entries: dict[str, Entity] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._patterns: dict[str, tuple[re.Pattern[str], dict[str, list[tuple[str, bool]]]]] = {}
        self._presence: dict[tuple[str, str, bool], re.Pattern[str]] = {}
        self._generic: dict[tuple[str, str], re.Pattern[str] | None] = {}

    @classmethod
    def from_entries(cls, entries: Iterable[Entity]) -> EntityIndex:
        index = cls()
        for e in entries:
            index.entries.setdefault(e.key, e)
        return index

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
        """Non-overlapping hits, leftmost-longest, in a folded text, standing as words."""
        pattern, owners = self._pattern(lang)
        hits: list[EntityHit] = []
        for m in pattern.finditer(folded):
            if not _stands_alone(folded, m.start(), m.end(), m.group("form"), lang):
                continue
            for key, context_only in owners[m.group("form")]:
                hits.append(EntityHit(key, m.start(), m.end(), m.group("form"), context_only))
        return hits

    def present(self, key: str, folded: str, lang: str, *, context: bool = False) -> bool:
        """Whether any form of the entry occurs anywhere in `folded`, even inside a longer
        name ("欧洲安全与合作组织" inside "欧洲安全与合作组织明斯克小组"); English forms may
        take a plural ending. `context` also accepts the English adjectives. Generic forms
        count where they stand alone."""
        cache_key = (key, lang, context)
        if cache_key not in self._presence:
            e = self.entries[key]
            forms = list(e.forms(lang)) + (list(e.en_context) if context and lang == "en" else [])
            variants = sorted({v for f in forms for v in _variants(f, lang)}, key=len, reverse=True)
            if not variants:
                self._presence[cache_key] = re.compile(r"(?!)")
            elif lang == "en":
                # a name of several words may change case ("all Forms of ... Against Women")
                single = [re.escape(v) for v in variants if " " not in v]
                multi = [re.escape(v) for v in variants if " " in v]
                parts = []
                if single:
                    parts.append(rf"(?<!\w)(?:{'|'.join(single)})(?:s|es)?(?!\w)")
                if multi:
                    parts.append(rf"(?i:(?<!\w)(?:{'|'.join(multi)})(?:s|es)?(?!\w))")
                self._presence[cache_key] = re.compile("|".join(parts))
            else:
                self._presence[cache_key] = re.compile("|".join(re.escape(v) for v in variants))
        return bool(self._presence[cache_key].search(folded)) or self.generic_present(
            key, folded, lang
        )

    def generic_present(self, key: str, folded: str, lang: str) -> bool:
        """Whether a generic form of the entry stands alone in `folded` (see the module
        docstring)."""
        pattern = self._generic_pattern(key, lang)
        if pattern is None:
            return False
        return any(_generic_alone(folded, m, lang) for m in pattern.finditer(folded))

    def _generic_pattern(self, key: str, lang: str) -> re.Pattern[str] | None:
        cache_key = (key, lang)
        if cache_key not in self._generic:
            forms = self.entries[key].generic(lang)
            if not forms:
                self._generic[cache_key] = None
            else:
                parts = []
                for f in sorted(forms, key=len, reverse=True):
                    if f.startswith("re:"):
                        parts.append(f"(?:{f[3:]})")
                    elif lang == "en" and f.endswith("*"):
                        parts.append(rf"{re.escape(f[:-1])}[A-Z-][\w-]*")
                    else:
                        parts.extend(re.escape(v) for v in _variants(f, lang))
                alternation = "|".join(parts)
                self._generic[cache_key] = re.compile(
                    rf"(?<![\w-])(?:{alternation})(?:s|es)?(?!\w)" if lang == "en" else alternation
                )
        return self._generic[cache_key]

    def counts(self, folded: str, lang: str) -> Counter[str]:
        return Counter(h.key for h in self.find(folded, lang) if not h.context_only)


def _stands_alone(text: str, start: int, end: int, form: str, lang: str) -> bool:
    if lang == "zh":
        return not (crosses_word(text, start, end) or _inside_transliteration(text, start, end))
    if _CURRENCY_AFTER.match(text[end : end + 12]):
        return False  # "United States dollars" is a currency
    if _ACRONYM.match(form):
        # UN in UN-Women / UN-Habitat, EU in EU-funded: part of another name or word
        if text[end : end + 1] == "-" and text[end + 1 : end + 2].isalpha():
            return False
        if start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha():
            return False
    return True


_CURRENCY_AFTER = re.compile(r"\s+dollars?\b")
MAX_TRANSLITERATED_NAME = 3


def _inside_transliteration(text: str, start: int, end: int) -> bool:
    """A short name written in transliteration characters that runs on into more of them is
    part of a longer transliterated name: 马里 in 马里乌波尔 (Mariupol), 特斯法马里亚姆."""
    from aligner.terms.phonetic import TRANSLITERATION_CHARS

    name = text[start:end]
    if len(name) > MAX_TRANSLITERATED_NAME or not all(c in TRANSLITERATION_CHARS for c in name):
        return False
    before = text[max(0, start - 2) : start]
    after = text[end : end + 2]
    return any(
        len(run) == 2 and all(c in TRANSLITERATION_CHARS for c in run) for run in (before, after)
    )


_EN_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’-]*)\s+$")
_EN_NAME_AFTER = re.compile(r"^\s+(?:of|for|on|against)\s+(?:the\s+)?[A-Z]")


def _generic_alone(text: str, m: re.Match[str], lang: str) -> bool:
    if lang == "zh":
        if _ZH_GENERIC_NOT_AFTER.search(text[max(0, m.start() - 5) : m.start()]):
            return False
        # inside a longer title: 《国际人权宪章》 is not 《宪章》
        return not any(
            t.start(1) <= m.start() < t.end(1) and t.group(1) != m.group(0)
            for t in _ZH_TITLE.finditer(text)
        )
    word = m.group(0)
    if word.startswith("UN") and word[:3] != word[:3].lower() and len(word) > 2:
        return True  # an acronym of the UN family (UNDP, UN-Women)
    before = _EN_WORD_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
    if before is not None:
        prev = before.group(1)
        if prev in ("Nations", "UN") and " " in word:
            pass  # "United Nations Deputy Secretary-General": the UN's own title
        elif prev[0].isupper() and prev.lower() not in _EN_DETERMINERS | _EN_OPENERS:
            return False  # "Global Youth Council", "Basel Convention secretariat"
    return not _EN_NAME_AFTER.match(text[m.end() : m.end() + 40])


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
        if re.search(r"[A-Za-z]-[A-Z]", form):
            out.append(re.sub(r"(?<=[A-Za-z])-(?=[A-Z])", " ", form))  # Secretary General
    return out


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(x.strip() for x in (cell or "").split("|") if x.strip())


@cache
def country_entries() -> tuple[Entity, ...]:
    from aligner.countries import all_countries

    extras: dict[str, dict[str, tuple[str, ...]]] = {}
    text = resources.files("aligner.qa").joinpath("data/demonyms.tsv").read_text("utf-8")
    for row in csv.DictReader(text.splitlines(), delimiter="\t"):
        extras[row["code"]] = {k: _split(row.get(k)) for k in row if k != "code"}
    out = []
    for c in all_countries():
        extra = extras.get(c.code, {})
        out.append(
            Entity(
                key=f"country:{c.code}",
                type="country",
                zh=(*c.names("zh"), *extra.get("zh_extra", ())),
                en=(*c.names("en"), *extra.get("en_extra", ())),
                source="country",
                en_context=extra.get("en_adjectives", ()),
                zh_abbreviations=extra.get("zh_abbreviations", ()),
                id=c.code,
            )
        )
    return tuple(out)


LEXICON_FILES = ("data/entities.tsv", "data/un_bodies.tsv")
"""The bundled lexicon: UN organs, agencies, missions, regional organizations, places and
phraseology (entities.tsv); bodies, offices, funds, tribunals, titles and instruments of
general UN usage (un_bodies.tsv). A row of a later file whose forms an earlier row already
has is left out (one concept, one entry)."""


@cache
def lexicon_entries() -> tuple[Entity, ...]:
    out: list[Entity] = []
    seen: set[str] = set()
    for name in LEXICON_FILES:
        text = resources.files("aligner.qa").joinpath(name).read_text("utf-8")
        for row in csv.DictReader(text.splitlines(), delimiter="\t"):
            entry = Entity(
                key=f"lexicon:{_split(row['en'])[0]}",
                type=row["type"],
                zh=_split(row["zh"]),
                en=_split(row["en"]),
                source="lexicon",
                zh_generic=_split(row.get("zh_generic")),
                en_generic=_split(row.get("en_generic")),
            )
            forms = {f"{lang}:{f}" for lang in ("zh", "en") for f in entry.forms(lang)}
            if forms & seen:
                continue
            seen |= forms
            out.append(entry)
    return tuple(out)


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


@cache
def _base_index() -> EntityIndex:
    return EntityIndex.from_entries([*country_entries(), *lexicon_entries()])


def default_index(glossary: Iterable[Mapping[str, Any]] = ()) -> EntityIndex:
    """Countries and the bundled lexicon, plus the usable entries of a glossary."""
    rows = list(glossary)
    if not rows:
        return _base_index()
    base = list(_base_index().entries.values())
    known = {f for e in base for lang in ("zh", "en") for f in e.forms(lang)}
    # A glossary entry for a concept the tables already know (a country, the OSCE) would be
    # checked twice, and without the tables' adjectives and short forms.
    extra = [
        e
        for e in (glossary_entry(r) for r in rows)
        if e is not None and not (set(e.zh) | set(e.en)) & known
    ]
    return EntityIndex.from_entries([*base, *extra])
