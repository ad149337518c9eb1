"""Long forms defined with their short forms, paired across the aligned sentences.

UN records introduce an abbreviation once, in both languages, in the same sentence:
欧洲安全与合作组织（欧安组织） and Organization for Security and Co-operation in Europe (OSCE).
Each side is found on its own (Chinese: the short form is a subsequence of the words before
the bracket; English: the Schwartz-Hearst walk of the acronym back through the words before it)
and the two definitions of one aligned pair (or its neighbour, when the aligner split the
sentence differently) give two entries: the long forms and the short forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from aligner.terms.association import segmenter
from aligner.terms.candidate import Candidate
from aligner.terms.pair_text import PairText

# After normalisation the full-width brackets of Chinese text are ASCII brackets.
_ZH_SHORT = re.compile(r"\(([\u4e00-\u9fff]{2,8})\)")
_ZH_BEFORE = re.compile(r"[\u4e00-\u9fff《》]{2,40}$")
_EN_ACRONYM = re.compile(r"\(([A-Z][A-Za-z&\-]{0,10}[A-Z])\)")
_INSTRUMENT_WORDS = re.compile(
    r"\b(Convention|Treaty|Agreement|Act|Protocol|Charter|Covenant|Declaration|Statute)\b"
)
_LEADING_ARTICLE = re.compile(r"^(?:the|The)\s+")


@dataclass(frozen=True)
class Definition:
    long: str
    short: str
    position: int


def zh_definitions(text: str) -> list[Definition]:
    out: list[Definition] = []
    for m in _ZH_SHORT.finditer(text):
        short = m.group(1)
        before = _ZH_BEFORE.search(text[: m.start()])
        if before is None:
            continue
        long = _zh_long_form(before.group(0).strip("《》"), short)
        if long:
            out.append(Definition(long, short, m.start()))
    return out


def _zh_long_form(before: str, short: str) -> str | None:
    # Chinese short forms keep characters of the long form in order (欧洲安全与合作组织 ->
    # 欧安组织); the nearest start that still contains them all is the long form.
    for start in range(len(before) - 1, -1, -1):
        if before[start] != short[0]:
            continue
        candidate = before[start:]
        if len(candidate) >= len(short) + 2 and _is_subsequence(short, candidate):
            return candidate
    if before.endswith(short):
        # A short form that is the end of its long form (国际原子能机构 -> 原子能机构,
        # 联合国脱离接触观察员部队 -> 观察员部队): the long form opens with a name (联合国, a
        # place) a few words before, or else is the word in front plus the short form.
        cut = [(w.word, w.flag) for w in segmenter().cut(before[: -len(short)]) if w.word.strip()]
        start = _name_start(cut)
        if start is not None:
            return "".join(w for w, _ in cut[start:]) + short
        if cut and len(cut[-1][0]) >= 2:
            return cut[-1][0] + short
    return None


_NOT_IN_LONG_FORM = ("r", "u", "p", "c", "d", "m", "q", "x", "w")
"""jieba tags that end a long form going leftwards: pronoun, particle, preposition,
conjunction, adverb, numeral, classifier, punctuation."""
_MAX_LONG_WORDS = 8


def _name_start(cut: list[tuple[str, str]]) -> int | None:
    """Index of the leftmost proper-name word (organization, place) among the words directly
    before a short form, scanning back until a word that cannot be inside a name."""
    best = None
    for i in range(len(cut) - 1, max(-1, len(cut) - 1 - _MAX_LONG_WORDS), -1):
        word, flag = cut[i]
        if flag.startswith(_NOT_IN_LONG_FORM) or not re.fullmatch(r"[\u4e00-\u9fff]+", word):
            break
        if i < len(cut) - 1 and _opens_name(word, flag, cut[i + 1][1]):
            best = i
    return best


def _opens_name(word: str, flag: str, next_flag: str) -> bool:
    """An organization's name (联合国, 国际 ...) opens a long form whatever follows; a place
    only when a noun follows (伊拉克特派团), not a verb (美国支持 is a sentence)."""
    if word in ("联合国", "国际", "世界") or flag.startswith(("nt", "nz")):
        return True
    return flag.startswith("ns") and next_flag.startswith("n")


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def en_definitions(text: str) -> list[Definition]:
    out: list[Definition] = []
    for m in _EN_ACRONYM.finditer(text):
        acronym = m.group(1)
        if sum(ch.isupper() for ch in acronym) < 2:
            continue
        long = _en_long_form(acronym, text[: m.start()].rstrip())
        if long:
            out.append(Definition(long, acronym, m.start()))
    return out


def _en_long_form(acronym: str, before: str) -> str | None:
    """Schwartz & Hearst (2003): the shortest run of words ending at the bracket whose
    letters contain the acronym in order, its first letter starting a word."""
    letters = [ch.lower() for ch in acronym if ch.isalnum()]
    words = before.split()
    window = " ".join(words[-min(len(letters) + 5, len(letters) * 2) :])
    li = len(window) - 1
    for si in range(len(letters) - 1, -1, -1):
        ch = letters[si]
        while li >= 0 and (
            window[li].lower() != ch or (si == 0 and li > 0 and window[li - 1].isalnum())
        ):
            li -= 1
        if li < 0:
            return None
        li -= 1
    start = window.rfind(" ", 0, li + 1) + 1
    long = _LEADING_ARTICLE.sub("", window[start:]).strip(" ,;:")
    if len(long.split()) < 2 or not long[:1].isupper():
        return None
    return long


_ORGANIZATION_HEADS = re.compile(
    r"(Organization|Organisation|Union|Council|Commission|Committee|Agency|Programme|Fund|"
    r"Office|Group|Court|Bank|Forum|Alliance|League|Community|Association)$"
)


def long_form_type(zh_long: str, en_long: str) -> str:
    if _ORGANIZATION_HEADS.search(en_long):
        return "organization"
    if zh_long.startswith("《") or _INSTRUMENT_WORDS.search(en_long):
        return "instrument"
    return "organization"


def definition_candidates(pairs: list[PairText]) -> list[Candidate]:
    out: list[Candidate] = []
    en_defs = [en_definitions(p.en) for p in pairs]
    for pos, p in enumerate(pairs):
        zh_defs = zh_definitions(p.zh)
        if not zh_defs:
            continue
        found = [(d, p.index) for d in en_defs[pos]]
        if len(found) != len(zh_defs):
            # The aligner may have put the English definition in a neighbouring pair.
            for k in (pos - 1, pos + 1):
                if 0 <= k < len(pairs):
                    found += [(d, pairs[k].index) for d in en_defs[k]]
            if len(found) != len(zh_defs):
                continue
        found.sort(key=lambda f: (f[1], f[0].position))
        for zd, (ed, en_index) in zip(zh_defs, found, strict=True):
            if not _plausible(zd, ed):
                continue
            where = {p.index, en_index}
            kind = long_form_type(zd.long, ed.long)
            out.append(Candidate(zd.long, ed.long, kind, "definition", 0.95, set(where)))
            out.append(Candidate(zd.short, ed.short, "acronym", "definition", 0.95, set(where)))
    return out


def _plausible(zh: Definition, en: Definition) -> bool:
    # A long form of two Chinese characters or one English word is a name, not a definition.
    return len(zh.long) >= 4 and len(en.long.split()) >= 2 and len(en.short) <= 10
