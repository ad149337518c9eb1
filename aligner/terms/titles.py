"""Titles of documents, paired through the document symbol that both languages print with them.

The Security Council's presiding officer introduces each document in a fixed formula, the same
in every record: "document S/2024/875, which contains the report of the Secretary-General on
..." / "文件S/2024/875，其中载有秘书长关于……的报告", and the agenda prints the title followed by
its symbol in brackets: "秘书长关于……的报告（S/2024/875）". A symbol is the same in every
language, so the Chinese title and the English title that stand next to one symbol translate
each other, wherever the aligner put them: titles are collected per symbol over the whole
record and paired by symbol, not by aligned pair. Only titles of reports and notes are kept:
"the text of a draft resolution submitted by ..." describes a document, it does not name it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from aligner.terms.candidate import Candidate
from aligner.terms.pair_text import PairText

_SYMBOL = r"(?:S|A|E|S/RES|A/RES|A/HRC)/[A-Z0-9.]+(?:/[A-Za-z0-9.\-]+)+"
_ZH_TITLE = r"(?:[^,，。;；:：()\s]|\(\d{4}\))+"
"""A title runs to the nearest punctuation; a resolution's year in brackets is part of it."""
_ZH_CONTAINS = re.compile(rf"文件\s*({_SYMBOL})\s*[,，]\s*其中载有(?P<title>{_ZH_TITLE})")
_ZH_BRACKETED = re.compile(rf"(?P<title>{_ZH_TITLE})\s*\(\s*({_SYMBOL})\s*\)")
_EN_CONTAINS = re.compile(
    rf"document\s+({_SYMBOL}),\s+which\s+contains\s+(?:the\s+)?(?P<title>.+?)"
    r"(?=,\s+and\s+(?:document|the)\b|,\s+which\b|\.\s|\.$|;|$)"
)
_ZH_HEADS = ("报告", "说明")
_EN_HEADS = re.compile(r"^(?:[a-z]+\s+)?(?:report|note)s?\b")


def _zh_title(text: str) -> str | None:
    title = text.strip()
    title = re.sub(r"^(?:一份|该|这份)", "", title)
    if not title.endswith(_ZH_HEADS) or len(title) < 6:
        return None
    return title


def _en_title(text: str) -> str | None:
    title = " ".join(text.split()).rstrip(" ,")
    if not _EN_HEADS.match(title) or len(title.split()) < 4:
        return None
    return title


def title_candidates(pairs: list[PairText]) -> list[Candidate]:
    zh_titles: dict[str, Counter[str]] = defaultdict(Counter)
    en_titles: dict[str, Counter[str]] = defaultdict(Counter)
    where: dict[str, set[int]] = defaultdict(set)
    for p in pairs:
        for m in _ZH_CONTAINS.finditer(p.zh):
            if title := _zh_title(m.group("title")):
                zh_titles[m.group(1)][title] += 1
                where[m.group(1)].add(p.index)
        for m in _ZH_BRACKETED.finditer(p.zh):
            if title := _zh_title(m.group("title")):
                zh_titles[m.group(2)][title] += 1
        for m in _EN_CONTAINS.finditer(p.en):
            if title := _en_title(m.group("title")):
                en_titles[m.group(1)][title] += 1
                where[m.group(1)].add(p.index)
    out: list[Candidate] = []
    for symbol in zh_titles.keys() & en_titles.keys():
        # The title a symbol is printed with most often; a longer one on a tie (the agenda's
        # full title rather than a shortened mention).
        zh = max(zh_titles[symbol], key=lambda t: (zh_titles[symbol][t], len(t)))
        en = max(en_titles[symbol], key=lambda t: (en_titles[symbol][t], len(t)))
        out.append(Candidate(zh, en, "document", "title", 0.9, set(where[symbol])))
    return out
