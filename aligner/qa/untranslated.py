"""Source-language text left in the target: Chinese characters in the English side, or an
English phrase (several words with function words, not a name or an acronym) in the Chinese."""

from __future__ import annotations

import re
from collections.abc import Callable

from aligner.qa.check import Check, PairView, QAContext, register_check
from aligner.qa.flag import Flag, Span

_HAN = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
# A run may carry punctuation, digits and spaces between its characters (folded text has
# ASCII commas where the original had full-width ones).
_HAN_RUN = re.compile(rf"{_HAN}(?:[\s\d,.;:!?()'\"\u3000-\u303f\uff00-\uffef]*{_HAN})*")
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z'’\-]*(?:[\s,;:]+[A-Za-z][A-Za-z'’\-]*){3,}")
_FUNCTION_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "is",
        "are",
        "was",
        "were",
        "that",
        "for",
        "with",
        "on",
        "by",
        "this",
        "we",
        "it",
        "as",
        "be",
        "has",
        "have",
        "will",
        "would",
        "should",
        "must",
        "can",
        "our",
        "their",
        "its",
        "not",
        "from",
        "at",
        "an",
        "a",
        "which",
        "who",
    ]
)


def han_runs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _HAN_RUN.finditer(text)]


def english_runs(text: str) -> list[tuple[int, int]]:
    """Stretches of running English prose (four or more words, two or more function words)."""
    out = []
    for m in _LATIN_RUN.finditer(text):
        words = re.findall(r"[A-Za-z']+", m.group(0).lower())
        if sum(w in _FUNCTION_WORDS for w in words) >= 2:
            out.append((m.start(), m.end()))
    return out


_LATIN_PHRASE = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’\-]*(?:\s{1,3}[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’\-]*)+")


def copied_phrases(zh: str, en: str) -> list[tuple[int, int]]:
    """Shorter stretches of English in the Chinese (two words or more) copied word for word
    from the English side and holding a lower-case word that is not a function word
    ("major groups", "listed in", "ammunition and"): a phrase the translator did not
    translate. Names ("Maria Eugenia Correa", "Intersputnik"), acronyms and titles kept in
    Latin script are capitalised and pass; so do particles of names (al-, de) since the word
    must be one the dictionary knows in lower case."""
    from aligner.qa.lexicon import en_stem, load_lexicon

    lexicon = load_lexicon()
    if lexicon is None:
        return []
    out = []
    en_words = " ".join(en.split())

    def common(word: str) -> bool:
        return en_stem(word.lower().strip("'’-")) in lexicon.common

    for m in _LATIN_PHRASE.finditer(zh):
        words = m.group(0).split()
        if " ".join(words) not in en_words:
            continue
        lower = [
            w
            for w in words
            if w[0].islower() and w.isascii() and w.lower() not in _FUNCTION_WORDS and len(w) >= 3
        ]
        if any(common(w) for w in lower) or (
            not _glossed(zh, m.start(), m.end()) and _english_not_name(words, common)
        ):
            out.append((m.start(), m.end()))
    return out


# An English name the Chinese gives after its own rendering, in brackets or quotes
# ("国际空间通信组织（Intersputnik…）"), is a gloss, not a phrase left untranslated.
_OPENERS = '(（[「“"《'


def _glossed(zh: str, start: int, end: int) -> bool:
    before = zh[:start].rstrip()
    return bool(before) and before[-1] in _OPENERS


def _english_not_name(words: list[str], common: Callable[[str], bool]) -> bool:
    """Words that are English prose or an English title, not a proper name kept in Latin
    script: a function word in lower case ("on Sustainable Development", "To be", "the Arab"),
    or capitalised words that are all ordinary dictionary words ("General Assembly",
    "Budget Committee")."""
    if any(w in _FUNCTION_WORDS for w in words):
        return True
    content = [w for w in words if w.lower() not in _FUNCTION_WORDS]
    return len(content) >= 2 and all(
        w.isascii() and w[0].isupper() and len(w) >= 3 and common(w) for w in content
    )


@register_check
class UntranslatedCheck(Check):
    name = "untranslated"
    description = "source-language text left in the target"

    def check(self, view: PairView, ctx: QAContext) -> list[Flag]:
        flags: list[Flag] = []
        if view.original != "en":
            for start, end in han_runs(view.folded("en")):
                if end - start < 2:
                    continue
                text = view.en[start:end]
                flags.append(
                    Flag(
                        "untranslated",
                        "error",
                        f"Chinese text left in the en: {text[:40]}",
                        [Span("en", start, end, text)],
                        self.name,
                    )
                )
        if view.original != "zh":
            runs = english_runs(view.folded("zh"))
            for start, end in runs:
                text = view.zh[start:end]
                flags.append(
                    Flag(
                        "untranslated",
                        "error",
                        f"English text left in the zh: {text[:60]}",
                        [Span("zh", start, end, text)],
                        self.name,
                    )
                )
            for start, end in copied_phrases(view.folded("zh"), view.folded("en")):
                if any(a <= start < b for a, b in runs):
                    continue
                text = view.zh[start:end]
                flags.append(
                    Flag(
                        "untranslated",
                        "warning",
                        f"English words copied into the zh: {text[:60]}",
                        [Span("zh", start, end, text)],
                        self.name,
                        {"evidence": "copied"},
                        0.6,
                    )
                )
        return flags
