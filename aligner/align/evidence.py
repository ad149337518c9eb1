"""Cheap exact evidence that two spans translate each other: numbers, document symbols and
Latin-script names that appear on both sides, and character lengths for the length model.

Embeddings blur exactly these (a model does not know that "S/2022/688" must match itself, or
that 2,500 is not 25,000), so the aligner counts them separately.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

# 1,234.5 / 10.05 / 2022 ; thousands separators are dropped when comparing.
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Latin-script tokens and document symbols (S/2022/688, A/RES/77/1, COVID-19, OSCE).
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[./\-][A-Za-z0-9]+)*")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class SentenceEvidence:
    length: int
    """Characters without whitespace: the unit of the length model for both scripts."""
    numbers: Counter[str]
    latin: Counter[str]
    """Marked Latin-script tokens, lower-cased: every one in Chinese text (names, symbols),
    symbol-like ones (S/2022/688, OSCE, COVID-19) in Latin-script text."""
    words: Counter[str]
    """Every Latin-script token, lower-cased: where the other side's marked tokens are sought."""
    marks: Counter[str] = field(default_factory=Counter)
    """Question and exclamation marks and quotation marks, folded across scripts (？ = ?,
    “ 」 " = one quote mark): dialogue and questions keep them in translation."""


def normalise(text: str) -> str:
    # NFKC folds full-width digits and letters (２０２２, ＣＯＶＩＤ) into ASCII.
    return unicodedata.normalize("NFKC", text)


def _numbers(text: str) -> Counter[str]:
    out: Counter[str] = Counter()
    for m in _NUMBER.finditer(text):
        tok = m.group(0)
        # "1,000" and "1.000" differ by locale; "10.05" is a time or a decimal: keep the dot
        # only when followed by fewer than three digits.
        parts = re.split(r"[.,]", tok)
        if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]):
            tok = "".join(parts)
        else:
            tok = tok.replace(",", ".")
        out[tok.lstrip("0") or "0"] += 1
    return out


# Symbol-like Latin tokens: a slash, a digit, or a capital after the first letter.
_SYMBOL_LIKE = re.compile(r"[/0-9]|.[A-Z]")


def _latin(tokens: list[str], is_cjk: bool) -> Counter[str]:
    if is_cjk:
        return Counter(t.lower() for t in tokens if len(t) >= 2 or "/" in t)
    # In English text only symbol-like tokens (S/2022/688, OSCE, COVID-19) are kept; ordinary
    # words would match nothing on the Chinese side anyway.
    return Counter(t.lower() for t in tokens if len(t) >= 2 and _SYMBOL_LIKE.search(t))


_MARKS = str.maketrans({c: '"' for c in '“”「」『』«»"'})


def _marks(norm: str) -> Counter[str]:
    return Counter(c for c in norm.translate(_MARKS) if c in '?!"')


def sentence_evidence(text: str) -> SentenceEvidence:
    norm = normalise(text)
    length = len("".join(norm.split()))
    is_cjk = len(_CJK.findall(norm)) * 4 >= len(norm.replace(" ", "")) > 0
    tokens = [m.group(0) for m in _LATIN.finditer(norm)]
    return SentenceEvidence(
        length=length,
        numbers=_numbers(norm),
        latin=_latin(tokens, is_cjk),
        words=Counter(t.lower() for t in tokens),
        marks=_marks(norm),
    )
