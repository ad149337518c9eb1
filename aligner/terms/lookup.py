"""Glossary look-up: exact, prefix, substring and fuzzy matches of a query against the terms.

The query is compared in matching form: Simplified Chinese (Traditional input is converted by
OpenCC), half-width, and English case-folded without accents, against every term and variant of
an entry. Matches rank exact > prefix > substring > fuzzy; the fuzzy score is RapidFuzz's
normalised similarity, kept only above `FUZZY_CUTOFF` so that a look-up never returns noise.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from aligner.terms.entry import TermEntry, TermValidationError

MAX_QUERY_CHARS = 200
FUZZY_CUTOFF = 75.0
_RANK = {"exact": 3, "prefix": 2, "substring": 1, "fuzzy": 0}


@dataclass
class Match:
    entry: TermEntry
    match: str
    """exact | prefix | substring | fuzzy"""
    score: float
    """0-100."""
    field: str
    """Which language matched: zh or en."""
    term: str
    """The term or variant that matched."""


def validate_query(q: str | None) -> str:
    if q is None or not q.strip():
        raise TermValidationError("the query is empty: give a term to look up (q=...)")
    if len(q) > MAX_QUERY_CHARS:
        raise TermValidationError(f"the query is longer than {MAX_QUERY_CHARS} characters")
    if any(unicodedata.category(ch) in ("Cc", "Cf") for ch in q):
        raise TermValidationError("the query contains control characters")
    return q.strip()


def validate_lang(lang: str | None) -> str | None:
    if lang in (None, ""):
        return None
    if lang not in ("zh", "en"):
        raise TermValidationError(f"invalid lang {lang!r}: expected zh or en")
    return lang


def _fields(e: TermEntry, lang: str | None) -> Iterable[tuple[str, str]]:
    if lang in (None, "zh"):
        for t in (e.zh, e.zh_traditional, *e.zh_variants):
            yield "zh", t
    if lang in (None, "en"):
        for t in (e.en, *e.en_variants):
            yield "en", t


def search(entries: Iterable[TermEntry], q: str, *, lang: str | None = None) -> list[Match]:
    from aligner.terms.search_keys import search_key_en, search_key_zh

    q = validate_query(q)
    lang = validate_lang(lang)
    zq, eq = search_key_zh(q), search_key_en(q)
    out: list[Match] = []
    for e in entries:
        best: Match | None = None
        for field, term in _fields(e, lang):
            if not term:
                continue
            key, query = (search_key_zh(term), zq) if field == "zh" else (search_key_en(term), eq)
            m = _match(key, query)
            if m is None:
                continue
            kind, score = m
            cand = Match(e, kind, score, field, term)
            if best is None or (_RANK[kind], score) > (_RANK[best.match], best.score):
                best = cand
        if best is not None:
            out.append(best)
    out.sort(key=lambda m: (-_RANK[m.match], -m.score, -m.entry.frequency, m.entry.zh))
    return out


def _match(key: str, query: str) -> tuple[str, float] | None:
    if not key or not query:
        return None
    if key == query:
        return "exact", 100.0
    if key.startswith(query):
        return "prefix", 100.0 * len(query) / len(key)
    if query in key:
        return "substring", 100.0 * len(query) / len(key)
    score = fuzz.ratio(key, query)
    if score >= FUZZY_CUTOFF:
        return "fuzzy", float(score)
    return None
