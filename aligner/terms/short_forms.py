"""Chinese short forms of known long forms: 原子能机构 for 国际原子能机构, 安理会 for 安全理事会.

A Chinese abbreviation (缩略语) is an ordered selection of the characters of its long form that
keeps the first character and then skips: 欧[洲]安[全与合作]组织, 集[体]安[全条约]组织,
联[合国]伊[拉克]援助团, 安[全]理[事]会. Three principles follow, and nothing here lists the
abbreviations of any record:
- a short form starts with the long form's first character, skips some of the rest, and
  either cuts the first word to its first character (联[合国]伊[拉克]援助团) or keeps the first
  word and the final head while dropping a middle part (人道[主义事务]协调厅); a run that keeps
  the first word but not the head (亚美尼亚和 against 亚美尼亚共和国) is the next word of the
  sentence, not an abbreviation;
- the short form translates as its long form does: it is accepted when, in the aligned pairs
  where it occurs, the English side carries the long form's English term (or that term's
  acronym, or, for a body named by a modifier and a head noun, the capitalised head alone:
  "the Council" for the Security Council, which is how English abbreviates it);
- an occurrence may not cut a known term in two (安理会主 in 安理会主席), lie
  inside one (亚共和国 in 亚美尼亚共和国) or end inside a word of its sentence (亚美尼亚国 in
  亚美尼亚国家边界).
An accepted short form becomes an entry of its own, typed acronym, with the English term of
its long form, and the two entries name each other as variants. Embeddings cannot find these
pairs: a model has never seen a new abbreviation, but the long form and the aligned English
identify it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from aligner.terms.candidate import Candidate
from aligner.terms.pair_text import PairText

_ABBREVIABLE = frozenset({"organization", "place", "country", "instrument", "phraseology", "other"})
_CHINESE = re.compile(r"[\u4e00-\u9fff·\-]+")
"""Long forms written in Chinese characters (a Latin name copied into the text has none)."""
_MIN_LONG = 4
"""Characters a long form needs before an abbreviation of it is believable."""
_MAX_SHORT = 8
_MIN_SUPPORT_RATIO = 0.5
"""Share of a short form's pairs whose English must carry the long form's term."""


@dataclass
class _Found:
    long: Candidate
    pairs: set[int] = field(default_factory=set)
    support: set[int] = field(default_factory=set)
    english: dict[str, int] = field(default_factory=dict)
    """English forms seen in the supporting pairs (the long term, its acronym, its head)."""


def abbreviation_at(text: str, start: int, long: str) -> str | None:
    """The abbreviation of `long` that begins at `text[start]`, if one does.

    The longest run of characters taken from `long` in order from its first; it must skip
    something and have one of the two shapes of Chinese abbreviations: the first word cut to
    its first character (联伊援助团, 安理会, 欧安组织), or the first word kept and the head kept,
    a middle part dropped (人道[主义事务]协调厅).
    """
    if text[start] != long[0] or start + 1 >= len(text):
        return None
    pos, end = 1, start + 1
    while end < len(text) and end - start < _MAX_SHORT:
        k = long.find(text[end], pos)
        if k < 0:
            break
        pos, end = k + 1, end + 1
    short = text[start:end]
    if len(short) < 2 or len(short) >= len(long) or short in long:
        return None
    if short[1] == long[1] and short[-1] != long[-1]:
        return None  # 亚美尼亚和 is 亚美尼亚 and the next word, not 亚美尼亚共和国 shortened
    return short


def short_form_candidates(
    pairs: list[PairText], known: Iterable[Candidate], *, min_score: float = 0.7
) -> list[Candidate]:
    """Short-form entries for the long forms among `known`; the long forms' candidates get
    the short forms as Chinese variants (which also links the short forms that stronger
    evidence already paired, such as a bracketed definition's 欧安组织)."""
    known = list(known)
    forms_re = _known_forms_re(known)
    acronyms = {c.en for c in known if c.type == "acronym" and c.en.isupper()}
    by_zh: dict[str, list[Candidate]] = defaultdict(list)
    for c in known:
        by_zh[c.zh].append(c)
    longs = [
        c
        for c in known
        if c.type in _ABBREVIABLE
        and c.score >= min_score
        and len(_chars(c.zh)) >= _MIN_LONG
        and _CHINESE.fullmatch(_chars(c.zh))
    ]
    other_english = {c.en for c in known}
    found: dict[tuple[str, int], _Found] = {}
    for p in pairs:
        spans = [m.span() for m in forms_re.finditer(p.zh)] if forms_re else []
        ends: set[int] | None = None
        for li, c in enumerate(longs):
            long = _chars(c.zh)
            for start in _positions(p.zh, long[0]):
                short = abbreviation_at(p.zh, start, long)
                if short is None or _cuts((start, start + len(short)), spans):
                    continue
                ends = _word_ends(p.zh) if ends is None else ends
                if start + len(short) not in ends:
                    continue  # 亚美尼亚国 in 亚美尼亚国家: the sentence's word goes on
                f = found.setdefault((short, li), _Found(c))
                f.pairs.add(p.index)
                seen = _english_evidence(p.en, c, acronyms, other_english - {c.en})
                if seen:
                    f.support.add(p.index)
                    f.english[seen] = f.english.get(seen, 0) + 1

    # One long form per short form: the one whose English the short form's pairs carry best.
    best: dict[str, tuple[int, float, int, _Found]] = {}
    for (short, _li), f in found.items():
        ratio = len(f.support) / len(f.pairs)
        if not f.support or ratio < _MIN_SUPPORT_RATIO:
            continue
        rank = (len(f.support), ratio, -len(f.long.zh), f)
        if short not in best or rank[:3] > best[short][:3]:
            best[short] = rank
    out: list[Candidate] = []
    for short, (_n, ratio, _len, f) in best.items():
        long = f.long
        if by_zh.get(short):
            # Already a term: linked when it means the same (欧安组织 from a bracketed
            # definition), left alone when it is a term of its own (美国 beside 美利坚合众国).
            for c in by_zh[short]:
                if c.en in (long.en, *long.en_variants) or _initials_match(c.en, long.en):
                    _link(long, short)
                    _link(c, long.zh)
            continue
        _link(long, short)
        en = _english_of(long, f)
        score = min(0.95, 0.65 + 0.1 * len(f.support)) * ratio
        # How the short form's own pairs render it ("the Council") is worth showing.
        seen = [e for e in sorted(f.english, key=lambda e: -f.english[e]) if e != en]
        out.append(
            Candidate(short, en, "acronym", "short_form", score, set(f.support), [long.zh], seen)
        )
    return out


def _link(c: Candidate, variant: str) -> None:
    if variant != c.zh and variant not in c.zh_variants:
        c.zh_variants.append(variant)


def _chars(zh: str) -> str:
    return zh.strip("《》")


def _word_ends(text: str) -> set[int]:
    from aligner.terms.association import segmenter

    ends, at = set(), 0
    for w in segmenter().cut(text):
        at += len(w.word)
        ends.add(at)
    return ends


def _positions(text: str, ch: str) -> Iterable[int]:
    i = text.find(ch)
    while i >= 0:
        yield i
        i = text.find(ch, i + 1)


def _known_forms_re(known: list[Candidate]) -> re.Pattern[str] | None:
    forms = {_chars(f) for c in known for f in (c.zh, *c.zh_variants) if len(_chars(f)) >= 2}
    if not forms:
        return None
    return re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))


def _cuts(span: tuple[int, int], known: list[tuple[int, int]]) -> bool:
    """True when the span crosses the boundary of a known term or lies inside one without
    being all of it (亚共和国 at the end of 亚美尼亚共和国 is no abbreviation)."""
    a, b = span
    return any(
        (s < a < e < b) or (a < s < b < e) or (s <= a and b <= e and (s, e) != (a, b))
        for s, e in known
    )


def _english_evidence(en: str, long: Candidate, acronyms: set[str], others: set[str]) -> str | None:
    """The English form in `en` that stands for the long form, if any; `others`: the English
    terms of other entries, which a variant of this one (Armenia beside Republic of Armenia)
    cannot stand for."""
    for form in (long.en, *long.en_variants):
        if form not in others and _contains(en, form):
            return form
    for acronym in acronyms:
        if _initials_match(acronym, long.en) and _contains(en, acronym):
            return acronym
    head = _elliptic_head(long.en)
    if head and _contains(en, head):
        return head
    return None


def _contains(text: str, form: str) -> bool:
    flags = 0 if any(ch.isupper() for ch in form) else re.IGNORECASE
    return re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text, flags) is not None


_FUNCTION_WORDS = frozenset({"of", "for", "and", "in", "on", "the", "to"})


def _initials_match(acronym: str, long_en: str) -> bool:
    """OSCE for Organization for Security and Co-operation in Europe: the capitals of the
    acronym are the initials of the long form's content words (hyphenated parts count once)."""
    words = [w for w in re.split(r"[\s]+", long_en) if w.lower() not in _FUNCTION_WORDS]
    initials = "".join(w[0] for w in words if w[:1].isalpha()).upper()
    return initials == acronym.upper()


def _elliptic_head(long_en: str) -> str | None:
    """ "Council" for "Security Council": a capitalised modifier-head name without a
    complement, whose head English uses alone, capitalised, for the body."""
    words = long_en.split()
    if len(words) < 2 or any(w in _FUNCTION_WORDS for w in words):
        return None
    if not all(w[:1].isupper() for w in words):
        return None
    return words[-1] if len(words[-1]) >= 4 else None


def _english_of(long: Candidate, f: _Found) -> str:
    # The acronym when the short form's pairs write one (集安组织 -> CSTO), else the long term.
    acronyms = [e for e in f.english if e.isupper()]
    if acronyms:
        return max(acronyms, key=lambda e: f.english[e])
    return long.en
