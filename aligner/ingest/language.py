"""Which of the two supported languages a record is written in.

Only Chinese and English records are aligned, so this is a two-way decision with a
refusal: the script mix tells Chinese from Latin text, and English function words
tell English from French or Spanish (which share its script).
"""

from __future__ import annotations

import re

from aligner.errors import UnknownLanguageError

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA_HANGUL = re.compile(r"[\u3040-\u30ff\uac00-\ud7af]")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_OTHER_LETTER = re.compile(r"[\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0900-\u0dff]")
# Frequent English words that are not also frequent words of French, Spanish,
# Portuguese, Italian or German ("a", "as", "on", "in", "die" are left out for that reason).
# fmt: off
_ENGLISH_WORDS = frozenset((
    "the", "of", "and", "to", "is", "that", "for", "it", "with", "was", "be", "by", "this",
    "are", "have", "not", "we", "our", "which", "has", "been", "their", "its", "from", "at",
    "would", "will", "should", "can", "all", "also", "they", "there", "these", "those",
    "were", "between", "must",
))
# fmt: on
# How much of a text must be Han characters / English function words.
_MIN_HAN_SHARE = 0.3
_MIN_ENGLISH_SHARE = 0.12


def detect_language(text: str) -> str:
    """ "zh" or "en"; UnknownLanguageError for anything else (or too little text to tell)."""
    sample = text[:200_000]
    han = len(_HAN.findall(sample))
    kana = len(_KANA_HANGUL.findall(sample))
    words = _LATIN_WORD.findall(sample)
    other = len(_OTHER_LETTER.findall(sample))
    latin_letters = sum(len(w) for w in words)
    letters = han + kana + latin_letters + other
    if letters < 10:
        raise UnknownLanguageError("the text has too few letters to tell its language")
    if han / letters >= _MIN_HAN_SHARE and kana < 0.05 * han:
        return "zh"
    if latin_letters / letters >= 0.5 and words:
        english = sum(1 for w in words if w.casefold() in _ENGLISH_WORDS)
        if english / len(words) >= _MIN_ENGLISH_SHARE:
            return "en"
    raise UnknownLanguageError(
        "the text is neither Chinese nor English (verbalign reads zh and en records only)"
    )
