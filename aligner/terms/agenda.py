"""The agenda item of a record: the title both language versions print under "Adoption of the
agenda" / "通过议程" (the parser's `meta.agenda`), a term of the record in its own right
("The situation in the Middle East" / 中东局势, "Reports of the Secretary-General on the Sudan
and South Sudan"): the same item recurs in every meeting that takes it up.

A title with a date or the symbol of one document ("Letter dated 13 September 2022 from ...")
is a dated instance, not an item a terminologist would enter; the symbol in brackets after a
title is left out of the term.
"""

from __future__ import annotations

import re

from aligner.countries import find_mentions
from aligner.ingest.normalize import normalize
from aligner.models import RecordAlignment
from aligner.terms.candidate import Candidate
from aligner.terms.pair_text import PairText

MAX_TITLE_CHARS = 160
_BRACKETED_SYMBOL = re.compile(r"\s*[(（]\s*[A-Z]+/[^()（）]*[)）]\s*$")
_DATED = re.compile(r"\b(?:19|20)\d\d\b|(?:19|20)\d\d年|\bdated\b", re.IGNORECASE)


def _title(text: str | None) -> str | None:
    if not text:
        return None
    title = _BRACKETED_SYMBOL.sub("", " ".join(normalize(text).split())).strip(" .。")
    if not title or len(title) > MAX_TITLE_CHARS or _DATED.search(title):
        return None
    return title


def agenda_candidates(alignment: RecordAlignment, pairs: list[PairText]) -> list[Candidate]:
    zh = _title(alignment.zh.meta.agenda)
    en = _title(alignment.en.meta.agenda)
    if zh is None or en is None:
        return []
    zh = zh.replace(" ", "")
    if en[:1].isupper() and en.split()[0].lower() == "the":
        en = en[4:]  # "The situation in ...": the article is the title's, not the term's
    where = {p.index for p in pairs if zh in p.zh.replace(" ", "")}
    return [Candidate(zh, en, "other", "agenda", 0.9, where), *_states_named(zh, en, where)]


def _states_named(zh: str, en: str, where: set[int]) -> list[Candidate]:
    """States both titles name ("…苏丹和南苏丹的报告" / "…the Sudan and South Sudan"): the
    title is a pair of its own, often the only place a record's subject State is written."""
    zh_forms = {m.country.code: m.text for m in find_mentions(zh, "zh")}
    en_forms = {m.country.code: m.text for m in find_mentions(en, "en")}
    return [
        Candidate(zh_forms[code], en_forms[code], "country", "agenda", 0.95, set(where))
        for code in sorted(zh_forms.keys() & en_forms.keys())
    ]
