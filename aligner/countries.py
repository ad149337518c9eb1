"""United Nations Member States and observer States in Chinese and English.

The table (aligner/data/member_states.tsv) is used by the parser (country of a
speaker), the turn aligner (the same country in both languages), the glossary
(country entries) and QA (country names checked against the table).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Country:
    code: str
    """ISO 3166-1 alpha-3."""
    status: str
    """"member" or "observer"."""
    en_short: str
    en_formal: str
    zh_short: str
    zh_formal: str
    en_aliases: tuple[str, ...] = ()
    zh_aliases: tuple[str, ...] = ()

    def names(self, lang: str) -> tuple[str, ...]:
        if lang == "zh":
            return _unique((self.zh_short, self.zh_formal, *self.zh_aliases))
        return _unique((self.en_short, self.en_formal, *self.en_aliases))


def _unique(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(n for n in names if n))


def _key(name: str) -> str:
    k = _to_simplified(unicodedata.normalize("NFKC", name)).strip().casefold()
    # Records write both "Türkiye" and "Turkiye", "Côte d'Ivoire" and "Cote d'Ivoire".
    k = "".join(ch for ch in unicodedata.normalize("NFD", k) if not unicodedata.combining(ch))
    k = k.replace("’", "'")
    if k.startswith("the "):
        k = k[4:]
    return " ".join(k.split())


@cache
def _t2s() -> Callable[[str], str]:
    import opencc

    return opencc.OpenCC("t2s").convert


def _to_simplified(text: str) -> str:
    # Headers copied from Traditional-script sources (聯合王國) must resolve like 联合王国.
    if text.isascii():
        return text
    return _t2s()(text)


@cache
def all_countries() -> tuple[Country, ...]:
    text = resources.files("aligner").joinpath("data/member_states.tsv").read_text("utf-8")
    rows = csv.DictReader(text.splitlines(), delimiter="\t")
    return tuple(
        Country(
            code=r["code"],
            status=r["status"],
            en_short=r["en_short"],
            en_formal=r["en_formal"],
            zh_short=r["zh_short"],
            zh_formal=r["zh_formal"],
            en_aliases=tuple(a for a in (r["en_aliases"] or "").split("|") if a),
            zh_aliases=tuple(a for a in (r["zh_aliases"] or "").split("|") if a),
        )
        for r in rows
    )


def _is_acronym(name: str) -> bool:
    return name.isascii() and name.isalpha() and name.isupper()


# Former names of Member States as United Nations records printed them (vote lists of older
# records name "Libyan Arab Jamahiriya", "Zaire"): looked up, never offered as current names.
FORMER_NAMES: dict[str, tuple[str, ...]] = {
    "LBY": ("Libyan Arab Jamahiriya", "阿拉伯利比亚民众国"),
    "COD": ("Zaire", "扎伊尔"),
    "MKD": ("The former Yugoslav Republic of Macedonia", "前南斯拉夫的马其顿共和国"),
    "MMR": ("Burma",),
    "KHM": ("Democratic Kampuchea", "民主柬埔寨"),
}


@cache
def _index() -> dict[str, Country]:
    idx: dict[str, Country] = {}
    for c in all_countries():
        for lang in ("zh", "en"):
            for n in c.names(lang):
                if not _is_acronym(n):
                    idx.setdefault(_key(n), c)
    codes = _by_code()
    for code, names in FORMER_NAMES.items():
        if code in codes:
            for n in names:
                idx.setdefault(_key(n), codes[code])
    return idx


@cache
def _acronyms() -> dict[str, Country]:
    # Acronyms and ISO codes match only as written: "US" and "CAN" are States, "us" and
    # "can" are words.
    idx = {c.code: c for c in all_countries()}
    for c in all_countries():
        idx.update({n: c for n in c.en_aliases if _is_acronym(n)})
    return idx


def lookup(name: str | None) -> Country | None:
    """The country a name (Chinese or English, short, formal or alias, an acronym such as
    "UK" or an ISO alpha-3 code in capitals) denotes, if any."""
    if not name:
        return None
    stripped = unicodedata.normalize("NFKC", name).strip()
    if _is_acronym(stripped) and stripped in _acronyms():
        return _acronyms()[stripped]
    return _index().get(_key(name))


def by_code(code: str) -> Country | None:
    return _by_code().get(code.upper())


@cache
def _by_code() -> dict[str, Country]:
    return {c.code: c for c in all_countries()}


@dataclass(frozen=True)
class Mention:
    """A country name found in running text."""

    start: int
    end: int
    text: str
    country: Country


def find_mentions(text: str, lang: str) -> list[Mention]:
    """Country names in `text` (Chinese: Simplified, as `normalize` gives it), longest first.

    English names match case-sensitively on word boundaries, so "Chad" the State is found and
    "Armenian" is not Armenia; Chinese names match as substrings, leftmost and longest, so
    南苏丹 is South Sudan rather than Sudan.
    """
    pattern, names = _mention_pattern("zh" if lang == "zh" else "en")
    return [
        Mention(m.start(), m.end(), m.group(0), names[m.group(0)]) for m in pattern.finditer(text)
    ]


@cache
def _mention_pattern(lang: str) -> tuple[re.Pattern[str], dict[str, Country]]:
    names: dict[str, Country] = {}
    for c in all_countries():
        for n in c.names(lang):
            names.setdefault(n, c)
            if lang == "en" and "'" in n:
                names.setdefault(n.replace("'", "’"), c)
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    if lang == "en":
        return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)"), names
    return re.compile(alternation), names
