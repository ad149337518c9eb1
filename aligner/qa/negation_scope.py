"""Where a negator's clause went: is the negated content rendered, and negated, on the other side?

Counting negators per side (aligner/qa/negation.py) cannot tell "the other side negates the same
thing in other words" (并不合法 / "does not legally have" next to "misappropriating"; 几乎没有
/ "little") from "the other side says the positive". This reads the negator's scope instead: the
first content words after it (不[合法], "not [legally] have"), looks up their renderings on the
other side with the dictionary (CC-CEDICT, aligner/qa/lexicon.py), and asks whether a negation
stands just before or inside each rendering there.

Each negator gets one verdict:
- "contradicted": the negated content is rendered on the other side and nothing negates it
  there — a negation added or dropped (strong evidence);
- "answered": a rendering carries a negation of its own (不合法 / "not legally");
- "unknown": no rendering was found (paraphrase: 不对公众开放 / "closed to the public").
"""

from __future__ import annotations

import re
from typing import Literal

from aligner.qa.lexicon import EN_STOP_WORDS, any_gloss_near, en_stem, load_lexicon, near_stem
from aligner.qa.negation import (
    _EN_NOT_NEGATION,
    _EN_STRONG,
    _EN_WEAK,
    _EN_WEAK_EXCEPTIONS,
    _ZH_NOT_NEGATION,
    _ZH_WEAK,
    _blank,
    _in_name,
)

Verdict = Literal["contradicted", "answered", "unknown"]

ZH_SCOPE_CHARS = 6
"""A Chinese negator's scope: content words starting within this many characters after it."""
EN_SCOPE_TOKENS = 4
"""An English negator's scope: the content words among the next this many words."""
SCOPE_WORDS = 2
"""At most this many content words of the scope are looked up."""
ZH_NEG_WINDOW = 5
"""A Chinese rendering is negated when a negating character stands this close before it (or
inside it): 不[合法], 没有[尊严], 未[及时]接到."""
EN_NEG_WINDOW = 40
"""An English rendering is negated when a negation ends this many characters before it (or
the word carries its own negation: unjust, non-binding)."""

_ZH_NEG_BEFORE = re.compile(
    "[不无未非没否勿毋]|防止|避免|禁止|拒绝|停止|缺乏|缺少|免于|阻止|杜绝|难以|很少|几乎"
)
"""Negations that may stand before a rendering."""
_ZH_NEG_INSIDE = re.compile("[不无未非没否]")
"""A negating character inside the rendering itself (不合法); 禁止, 停止, 失去 may be the
rendering of the very word in scope ("not banning"), so they do not count inside it."""
_EN_WORD = re.compile(r"[A-Za-z][A-Za-z']*")
"""Hyphenated compounds are read part by part: the "nuclear" of "nuclear-weapon-free" is not
negated by its "-free"."""
_EN_EXTRA = re.compile(
    r"\b(?:little|few|less|outside|rather|instead|against|beyond)\b", re.IGNORECASE
)


def _zh_scope(zh: str, end: int) -> list[str]:
    lexicon = load_lexicon()
    if lexicon is None:
        return []
    words = [w for i, w in lexicon.zh_content_words_at(zh) if end <= i < end + ZH_SCOPE_CHARS]
    return words[:SCOPE_WORDS]


def _en_scope(en: str, end: int) -> list[tuple[str, bool]]:
    """(stem, the word negates itself) of the content words after the negator: "not
    [inseparable]" is a double negation, which a rendering negated inside (离不开) does not
    answer."""
    out = []
    for k, m in enumerate(_EN_WORD.finditer(en, end)):
        if k >= EN_SCOPE_TOKENS or len(out) >= SCOPE_WORDS:
            break
        low = m.group(0).lower()
        if low in EN_STOP_WORDS or len(low) < 3:
            continue
        self_negated = bool(_EN_WEAK.fullmatch(low)) and low not in _EN_WEAK_EXCEPTIONS
        out.append((en_stem(low), self_negated))
    return out


def _en_renderings(en: str, zh_word: str) -> list[tuple[int, int]]:
    lexicon = load_lexicon()
    if lexicon is None:
        return []
    glosses = lexicon._glosses(zh_word)
    out = []
    for m in _EN_WORD.finditer(en):
        low = m.group(0).lower()
        if low in EN_STOP_WORDS or len(low) < 3:
            continue
        stem = en_stem(low)
        if any_gloss_near(glosses, frozenset({stem})) or near_stem(stem, glosses):
            out.append((m.start(), m.end()))
    return out


def _zh_renderings(zh: str, en_stem_: str) -> list[tuple[int, int]]:
    lexicon = load_lexicon()
    if lexicon is None:
        return []
    return [
        (i, i + len(w))
        for i, w in lexicon.zh_content_words_at(zh)
        if near_stem(en_stem_, lexicon._glosses(w))
        or any_gloss_near(lexicon._glosses(w), {en_stem_})
    ]


def _zh_negated(zh: str, start: int, end: int, inside: bool = True) -> bool:
    before = zh[max(0, start - ZH_NEG_WINDOW) : start]
    return bool(_ZH_NEG_BEFORE.search(before) or (inside and _ZH_NEG_INSIDE.search(zh, start, end)))


_EN_AFFIXED = re.compile(
    r"(?:un|non-?|in|im|il|ir|dis|mis)[a-z]{3,}|[\w-]+-free|\w+less(?:ly|ness)?", re.IGNORECASE
)
"""Negations by affix ("nuclear-weapon-free", "unlawful", "seamless"): they negate their own
word, never the words after them ("nuclear-weapon-free zones is a substitute")."""


def _en_negations(en: str) -> list[tuple[int, int, bool]]:
    """(start, end, negates its own word only) of the English negations."""
    out = [(m.start(), m.end(), False) for m in _EN_STRONG.finditer(en)]
    out += [
        (m.start(), m.end(), bool(_EN_AFFIXED.fullmatch(m.group(0))))
        for m in _EN_WEAK.finditer(en)
        if m.group(0).lower() not in _EN_WEAK_EXCEPTIONS
        and not m.group(0).isupper()
        and not _in_name(en, m.start())
    ]
    out += [(m.start(), m.end(), False) for m in _EN_EXTRA.finditer(en)]
    return out


def _en_negated(
    negations: list[tuple[int, int, bool]], start: int, end: int, inside: bool = True
) -> bool:
    """A negation ends shortly before the word, or the word negates itself (unjust); with
    `inside` False the word's own negation does not count (防止 rendered "prevent")."""
    for a, b, own_word in negations:
        if a < end and start < b:
            if inside:
                return True
        elif not own_word and start - EN_NEG_WINDOW <= b <= end and a <= end:
            return True
    return False


def scope_verdict(texts: dict[str, str], side: str, start: int, end: int) -> Verdict:
    """Verdict on the negator at texts[side][start:end] (folded texts, zh and en)."""
    if side == "zh":
        scope = _zh_scope(texts["zh"], end)
        # a word in scope that is itself negative (不是[防止]) has a negative rendering
        # ("prevent") that answers nothing
        found = [
            (r, not _ZH_WEAK.fullmatch(w)) for w in scope for r in _en_renderings(texts["en"], w)
        ]
        renderings = [r for r, _ in found]
        # ... nor does it negate the words after it ("prevent future wars" / 防止今后发生战争)
        own = [r for r, inside in found if not inside]
        en_negations = [
            n
            for n in _en_negations(_blank(texts["en"], _EN_NOT_NEGATION, " "))
            if not _overlaps(own, n[0], n[1])
        ]
        negated = [_en_negated(en_negations, a, b, inside) for (a, b), inside in found]
    else:
        zh = _blank(texts["zh"], _ZH_NOT_NEGATION, "　")
        found = [
            (a, b, self_negated)
            for stem, self_negated in _en_scope(texts["en"], end)
            for a, b in _zh_renderings(texts["zh"], stem)
        ]
        renderings = [(a, b) for a, b, _ in found]
        negated = [_zh_negated(zh, a, b, inside=not self_negated) for a, b, self_negated in found]
    if not renderings:
        return "unknown"
    return "answered" if any(negated) else "contradicted"


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)


def lexically_rendered_weak(
    texts: dict[str, str],
    side: str,
    weak_spans: list[tuple[int, int]],
    other_negations: list[tuple[int, int]],
) -> int:
    """How many of one side's weak negations the other side renders by a word that negates
    nothing ("to stop the outbreak" / 遏止埃博拉; 遏止 is no negation of a clause): such a word is
    a translation of ordinary vocabulary, so it cannot stand for a negator the other side
    carries in addition. `other_negations`: spans of every negation, strong or weak, of the
    other side."""
    lexicon = load_lexicon()
    if lexicon is None:
        return 0
    count = 0
    for start, end in weak_spans:
        word = texts[side][start:end]
        if side == "en":
            if " " in word or "-" in word:
                continue  # "free of", "nuclear-weapon-free": no single word to look up
            found = _zh_renderings(texts["zh"], en_stem(word.lower()))
            found = [(a, b) for a, b in found if not _ZH_NEG_INSIDE.search(texts["zh"], a, b)]
        else:
            found = _en_renderings(texts["en"], word)
            found = [
                (a, b)
                for a, b in found
                if not (
                    _EN_WEAK.fullmatch(texts["en"][a:b].lower())
                    and texts["en"][a:b].lower() not in _EN_WEAK_EXCEPTIONS
                )
            ]
        if side == "en":
            zh = _blank(texts["zh"], _ZH_NOT_NEGATION, "　")
            negated = [_zh_negated(zh, a, b) for a, b in found]
        else:
            en_negations = _en_negations(_blank(texts["en"], _EN_NOT_NEGATION, " "))
            negated = [_en_negated(en_negations, a, b) for a, b in found]
        # a negation of the other side touching the rendering (悄然[无声] / "silent") is its own
        pad = 2 if side == "en" else 1
        touched = any(_overlaps(other_negations, a - pad, b + pad) for a, b in found)
        if found and not any(negated) and not touched:
            count += 1
    return count


def plain_en_rendering(en: str, zh_word: str) -> bool:
    """The English renders `zh_word` somewhere, and no negation touches any rendering (no
    negator before it, no affix of its own: "compliance", not "non-compliance")."""
    found = _en_renderings(en, zh_word)
    if not found:
        return False
    # "inequality" answers 不平等 though "equality" stands elsewhere in the sentence
    lexicon = load_lexicon()
    glosses = lexicon._glosses(zh_word) if lexicon is not None else frozenset()
    for m in re.finditer(r"\b(?:un|in|im|il|ir|dis|non-?)([a-z]{4,})", en, re.IGNORECASE):
        if near_stem(en_stem(m.group(1).lower()), glosses):
            return False
    # every negation, names included ("Non-Aligned" renders 不结盟)
    negations = _en_negations(_blank(en, _EN_NOT_NEGATION, " ")) + [
        (m.start(), m.end(), True) for m in _EN_WEAK.finditer(en)
    ]
    # a hyphenated compound is one word here: "non-compliance" negates its "compliance"
    compounds = [(m.start(), m.end(), True) for m in re.finditer(r"[A-Za-z]+(?:-[A-Za-z]+)+", en)]
    touched = [(a, b, own) for a, b, own in negations] + [
        c for c in compounds if _overlaps([(n[0], n[1]) for n in negations], c[0], c[1])
    ]
    return not any(_en_negated(touched, a, b) for a, b in found)


def en_scope_rendered(zh: str, en: str, end: int) -> bool:
    """The first content word after an English negation at `end` has a rendering in the
    Chinese."""
    scope = _en_scope(en, end)
    return bool(scope) and bool(_zh_renderings(zh, scope[0][0]))
