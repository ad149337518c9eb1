"""United Nations Member States and observer States in Chinese and English.

The table (aligner/data/member_states.tsv) is used by the parser (country of a
speaker), the turn aligner (the same country in both languages), the glossary
(country entries) and QA (country names checked against the table).
"""

from __future__ import annotations

import csv
import unicodedata
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
    k = unicodedata.normalize("NFKC", name).strip().casefold()
    k = k.replace("’", "'")
    if k.startswith("the "):
        k = k[4:]
    return " ".join(k.split())


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


@cache
def _index() -> dict[str, Country]:
    idx: dict[str, Country] = {}
    for c in all_countries():
        idx.setdefault(c.code.casefold(), c)
        for lang in ("zh", "en"):
            for n in c.names(lang):
                idx.setdefault(_key(n), c)
    return idx


def lookup(name: str | None) -> Country | None:
    """The country a name (Chinese or English, short, formal or alias) denotes, if any."""
    if not name:
        return None
    return _index().get(_key(name))


def by_code(code: str) -> Country | None:
    return next((c for c in all_countries() if c.code == code.upper()), None)
