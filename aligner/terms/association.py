"""Multiword terms paired by how consistently they occur together across aligned pairs.

Chinese candidates are runs of content words from jieba (with the known UN vocabulary loaded as
a user dictionary so that it is not cut apart); English candidates are word n-grams that neither
start nor end with a function word. A Chinese and an English candidate that each occur in at
least `min_freq` pairs are scored with the Dice coefficient of the sets of pairs they occur in;
a pair is kept when each is the other's best partner, the score clears `min_dice`, and, when an
embedder is given, the two phrases are also close in the multilingual embedding space (the
check that rejects frequent but unrelated neighbours such as 双方 / "the parties'").
Termhood: a pair that associates well may still be a collocation rather than a term. Common-noun
phrases must recur more than names of bodies, may not start with an evaluative modifier
("lasting peace") and may not have a semantically light head ("border area", "normalization
process"): those name an instance, not a concept.
A phrase that always runs on into the same word (basic national -> basic national
conditions, 社会主义核心 -> 社会主义核心价值观) is a fragment of a longer term and is dropped.
Numbers, dates and names already known from stronger evidence are not candidates.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any

import numpy as np

from aligner.countries import find_mentions
from aligner.terms.candidate import Candidate
from aligner.terms.pair_text import PairText


@dataclass(frozen=True)
class AssociationParams:
    min_freq: int = 2
    """Pairs a candidate must occur in, in each language."""
    min_pairs_common: int = 3
    """Pairs in which a lower-case (common-noun) phrase pair must co-occur: names of bodies and
    titles are terms at two occurrences, a collocation of ordinary words needs more."""
    min_dice: float = 0.7
    min_similarity: float = 0.6
    """Cosine similarity of the two phrases' embeddings (USE multilingual) to accept a pair."""
    strong_dice: float = 0.85
    min_similarity_strong: float = 0.4
    """A pair that co-occurs in `min_pairs_common` pairs at least with a Dice of `strong_dice`
    needs only this similarity: the model does not know the field's own words (执笔方 /
    penholder scores 0.46), and such consistent co-occurrence is evidence enough that the two
    are related, the similarity only has to rule out an unrelated neighbour."""
    min_dice_without_embedder: float = 0.8
    """Stricter association bar when no embedder can confirm the pair."""
    max_zh_words: int = 4
    max_en_words: int = 6
    max_pairs_recount: int = 1000
    """Up to this many pairs (a record), every Chinese candidate is also looked for as a
    string (jieba cuts the same compound differently in different sentences: 执笔方 is a word
    in one and 执笔|方所 in another), and every one-word English one in its plural too; beyond
    (a whole store), segments only."""


_ZH_CONTENT_POS = ("n", "nz", "nt", "ns", "vn", "j", "ng", "an", "l", "b", "nr", "nrt")
_ZH_HEAD_POS = ("n", "nz", "nt", "ns", "vn", "j", "ng", "l", "nr", "nrt")
_ZH_STOP = frozenset(
    {"我们", "他们", "它们", "双方", "各方", "方面", "问题", "情况", "工作", "这方面"}
    | {"一方", "有关", "今天", "昨天", "本周", "局势"}
)
_EN_STOP = frozenset(
    """a an the of and or to in on at by for with from as that this these those which who whom
    whose is are was were be been being has have had do does did will would shall should can
    could may might must not no any all both each every some such our their its his her my your
    we they it he she i you them us me him there here than then also only very more most other
    another further into onto over under between among within without through about against
    upon after before during since until while if so but because however including including
    one two three four five six seven eight nine ten first second third last new own same
    mr mrs ms today yesterday now just well even still already again""".split()  # noqa: SIM905
)
_EN_INNER = frozenset({"of", "and", "for", "the", "on", "in", "to"})
# Evaluative modifiers: "lasting peace" is a collocation, not a term.
_EN_NOT_TERM_START = frozenset(
    """lasting close large-scale recent serious urgent strong full current possible durable
    comprehensive significant important deep direct necessary relevant concrete positive
    long-term difficult clear genuine real great greater further broader wider international
    military political regional""".split()  # noqa: SIM905
)
# Semantically light heads: "border area", "normalization process", "security situation" name
# an instance (where, which process), not a concept; a common-noun phrase with such a head is
# a collocation, whatever its association. Names of bodies (title case) are not affected, and
# the curated vocabulary keeps the few that are terms (peace process).
_EN_LIGHT_HEADS = frozenset(
    """area areas process processes situation situations issue issues question questions
    matter matters level levels side sides part parts way ways field fields context
    framework efforts effort step steps aspect aspects region regions zone zones case cases
    point points time times period periods kind type types sort""".split()  # noqa: SIM905
)
# Words that start a clause, not a term: a term is a noun phrase.
_EN_NOT_FIRST = frozenset(
    """thank thanks welcome welcomes urge urges call calls support supports reach reached take
    taken make made ensure continue continues help remain remains express note recall stress
    reiterate underline commend condemn regret recognize believe hope want need needs seek
    achieve avoid prevent resolve implement respect restore promote lead led said says
    stated reported according""".split()  # noqa: SIM905
)
_EN_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
_MONTHS = re.compile(
    r"January|February|March|April|May|June|July|August|September|October|November|December"
)
_DATE_ZH = re.compile(r"[年月日时分]$|^[年月日]")


def segmenter() -> Any:
    """jieba's part-of-speech segmenter with the names of States, and the UN vocabulary unless
    it is disabled (aligner/terms/phraseology.py), as a user dictionary."""
    from aligner.terms.phraseology import vocabulary_state

    return _segmenter(vocabulary_state())


@cache
def _segmenter(state: tuple[bool, frozenset[str]]) -> Any:
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    from aligner.countries import all_countries
    from aligner.terms.phraseology import lexicon

    tokenizer = jieba.Tokenizer()
    if state[0]:
        for e in lexicon():
            for f in e.zh_forms:
                tokenizer.add_word(f.strip("《》"), freq=2000, tag="nz")
    for c in all_countries():
        for n in c.names("zh"):
            tokenizer.add_word(n, freq=2000, tag="ns")
    return _CachedCut(jieba.posseg.POSTokenizer(tokenizer))


class _CachedCut:
    """A POSTokenizer whose `cut` remembers its last texts: the kinds of evidence segment the
    same pairs and clauses again (a fifth of the calls over a record)."""

    MAX_TEXTS = 20_000

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer
        self._cuts: dict[str, tuple[Any, ...]] = {}

    def cut(self, text: str) -> tuple[Any, ...]:
        found = self._cuts.get(text)
        if found is None:
            found = tuple(self.tokenizer.cut(text))
            if len(self._cuts) >= self.MAX_TEXTS:
                self._cuts.clear()
            self._cuts[text] = found
        return found


def zh_candidates(text: str, max_words: int = 4) -> set[str]:
    """Runs of content words ending in a noun, two words at least (one word of 4+ characters,
    or a noun of 3)."""
    out: set[str] = set()
    for clause in re.split(r"[，。；：、！？,.;:()\"'《》\s·0-9]+", text):
        if not clause:
            continue
        words = [
            (w.word, w.flag) for w in segmenter().cut(clause) if w.flag not in ("m", "q", "mq")
        ]
        for i in range(len(words)):
            if not words[i][1].startswith(_ZH_CONTENT_POS) or words[i][0] in _ZH_STOP:
                continue
            for j in range(i + 1, min(i + max_words, len(words)) + 1):
                word, flag = words[j - 1]
                if not flag.startswith(_ZH_CONTENT_POS) or word in _ZH_STOP:
                    break
                if not flag.startswith(_ZH_HEAD_POS):
                    continue
                phrase = "".join(w for w, _ in words[i:j])
                # One word of three characters when it is a noun (联合国, 安理会, 秘书长: the
                # most frequent names of a record); shorter words are too often ordinary ones.
                noun3 = len(phrase) == 3 and flag.startswith(("n", "j")) and flag[:2] != "nr"
                if (j - i >= 2 or len(phrase) >= 4 or noun3) and _zh_ok(phrase):
                    out.add(phrase)
        # A word and a one-character suffix that makes a noun of it (执笔|方 "the party that
        # holds the pen", 隔离|区): jieba cuts such compounds, and its tags miss them.
        for (word, flag), (suffix, _) in pairwise(words):
            if (
                suffix in _ZH_NOUN_SUFFIXES
                and len(word) >= 2
                and flag.startswith(("v", "n", "a"))
                and word not in _ZH_STOP
                and _zh_ok(word + suffix)
            ):
                out.add(word + suffix)
    return out


_ZH_NOUN_SUFFIXES = frozenset("方者员区国团")


def _zh_ok(phrase: str) -> bool:
    return (
        len(phrase) >= 3
        and not any(ch.isdigit() for ch in phrase)
        and not _DATE_ZH.search(phrase)
        and not find_mentions(phrase, "zh")
    )


MAX_SINGLE_WORD_ZIPF = 3.0
"""A one-word English term must be rarer than this in general English (wordfreq's Zipf scale):
"penholder", "drawdown", "peacebuilding" are vocabulary of the field; "transition",
"resolution", "withdrawal" are ordinary words whose translations a glossary need not list."""


@cache
def specialized_word(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") < MAX_SINGLE_WORD_ZIPF


def en_candidates(text: str, max_words: int = 5) -> set[str]:
    out: set[str] = set()
    for clause in re.split(r"[,.;:()\"!?—–]+", text):
        words = _EN_WORD.findall(clause)
        for i in range(len(words)):
            if words[i].lower() in _EN_STOP:
                continue
            w = words[i]
            if (
                w.islower()
                and len(w) >= 5
                and _en_ok(w)
                and not w.endswith(("s", "ly", "ing", "ed"))
                and specialized_word(w)
            ):
                out.add(w)
            for j in range(i + 2, min(i + max_words, len(words)) + 1):
                last = words[j - 1].lower()
                if last in _EN_STOP or any(
                    w.lower() in _EN_STOP and w.lower() not in _EN_INNER for w in words[i:j]
                ):
                    continue
                phrase = " ".join(words[i:j])
                if _en_ok(phrase):
                    out.add(phrase)
    return out


def _en_ok(phrase: str) -> bool:
    words = phrase.lower().split()
    return (
        words[0] not in _EN_NOT_FIRST
        and not words[0].endswith("ly")
        and not words[-1].endswith(("ed", "ly", "ing"))
        and not any(re.search(r"(iz|is|at)ing$", w) for w in words)
        and not _MONTHS.search(phrase)
        and not find_mentions(phrase, "en")
        and "'" not in phrase
    )


def association_candidates(
    pairs: list[PairText],
    *,
    embedder: Any = None,
    params: AssociationParams | None = None,
    exclude_zh: Iterable[str] = (),
    exclude_en: Iterable[str] = (),
    names_zh: Iterable[str] = (),
    names_en: Iterable[str] = (),
) -> list[Candidate]:
    """`exclude_*`: terms already found (not paired again, and no candidate may cut one in
    two); `names_*`: names of people, places and States, which no candidate may contain
    (总理莫迪 is a title and a name, not a term)."""
    params = params or AssociationParams()
    exclude_en_folded = {e.lower() for e in exclude_en}
    known = sorted({k for k in exclude_zh if len(k) >= 2}, key=len, reverse=True)
    known_re = re.compile("|".join(re.escape(k) for k in known)) if known else None
    names_zh = [n for n in names_zh if len(n) >= 2]
    names_en_re = _words_re([n for n in names_en if len(n) >= 3])

    zh_sets: dict[str, set[int]] = defaultdict(set)
    en_sets: dict[str, set[int]] = defaultdict(set)
    for p in pairs:
        spans = [m.span() for m in known_re.finditer(p.zh)] if known_re else []
        for c in zh_candidates(p.zh, params.max_zh_words):
            if not _cuts(c, p.zh, spans) and not any(n in c for n in names_zh):
                zh_sets[c].add(p.index)
        for c in en_candidates(p.en, params.max_en_words):
            if names_en_re is None or not names_en_re.search(c):
                en_sets[c.lower()].add(p.index)
    if len(pairs) <= params.max_pairs_recount:
        _recount(zh_sets, en_sets, pairs)
    zh_sets = {
        k: v for k, v in zh_sets.items() if len(v) >= params.min_freq and _adds_words(k, known)
    }
    en_sets = {k: v for k, v in en_sets.items() if len(v) >= params.min_freq}
    if not zh_sets or not en_sets:
        return []

    by_pair: dict[int, list[str]] = defaultdict(list)
    for e, where in en_sets.items():
        for i in where:
            by_pair[i].append(e)
    # Best partner each way, ranked by (dice, co-occurrences, length): on equal scores the
    # longer phrase is the more complete term.
    best_en: dict[str, tuple[float, int, int, str]] = {}
    best_zh: dict[str, tuple[float, int, int, str]] = {}
    for z, zwhere in zh_sets.items():
        co: Counter[str] = Counter()
        for i in zwhere:
            co.update(by_pair.get(i, ()))
        for e, n in co.items():
            if n < params.min_freq:
                continue
            dice = 2 * n / (len(zwhere) + len(en_sets[e]))
            if (dice, n, len(e)) > best_en.get(z, (0.0, 0, 0, ""))[:3]:
                best_en[z] = (dice, n, len(e), e)
            if (dice, n, len(z)) > best_zh.get(e, (0.0, 0, 0, ""))[:3]:
                best_zh[e] = (dice, n, len(z), z)

    bar = params.min_dice if embedder is not None else params.min_dice_without_embedder
    chosen = []
    for z, (dice, n, _len, e) in best_en.items():
        if best_zh[e][3] != z or z in exclude_zh or e in exclude_en_folded or dice < bar:
            continue
        surface = _surface(e, pairs, zh_sets[z] & en_sets[e])
        # A common-noun phrase must recur more than a name does to count as a term.
        needed = params.min_freq if _is_title_case(surface) else params.min_pairs_common
        words = surface.split()
        light = words[-1].lower() in _EN_LIGHT_HEADS and not _is_title_case(surface)
        if (
            n >= needed
            and words[0].lower() not in _EN_NOT_TERM_START
            and not light
            and not _verb_phrase(words)
        ):
            chosen.append((z, surface, dice))
    chosen = _drop_nested(chosen, zh_sets)
    by_index = {p.index: p for p in pairs}
    chosen = [
        (z, e, d)
        for z, e, d in chosen
        if not _fragment_en(e, [by_index[i].en for i in en_sets[e.lower()]])
        and not _fragment_zh(z, [by_index[i].zh for i in zh_sets[z]])
    ]
    completed = []
    for z, e, d in chosen:
        whole = _complete_left(z, e, [by_index[i].zh for i in zh_sets[z]])
        if whole != z:
            zh_sets[whole] = zh_sets[z]
        completed.append((whole, e, d))
    chosen = completed
    if embedder is not None and chosen:
        sims = _similarities(embedder, [z for z, _, _ in chosen], [e for _, e, _ in chosen])
        chosen = [
            (z, e, d)
            for (z, e, d), s in zip(chosen, sims, strict=True)
            if s >= params.min_similarity
            or (
                s >= params.min_similarity_strong
                and d >= params.strong_dice
                and len(zh_sets[z] & en_sets[e.lower()]) >= params.min_pairs_common
            )
        ]
    out = []
    for z, e, dice in chosen:
        where = zh_sets[z] & en_sets[e.lower()]
        out.append(Candidate(z, e, "other", "association", 0.45 + 0.45 * dice, where))
    return out


_EN_PREPOSITIONS = frozenset({"in", "for", "against", "to", "by", "with", "on", "from", "at"})


def _verb_phrase(words: list[str]) -> bool:
    """A lower-case phrase opening on a participle that a preposition follows ("voted in
    favour", "committed to peace"): a verb and its complement, not a noun phrase. A participle
    before a noun ("armed forces", "enforced disappearance") is an adjective and stays."""
    return (
        len(words) >= 2
        and words[0][:1].islower()
        and words[0].lower().endswith("ed")
        and words[1].lower() in _EN_PREPOSITIONS
    )


def _recount(
    zh_sets: dict[str, set[int]],
    en_sets: dict[str, set[int]],
    pairs: list[PairText],
) -> None:
    """Occurrences of candidates found as strings: a Chinese candidate wherever it is
    written, a one-word English one wherever it or its plural is, on word boundaries."""
    rare_zh = list(zh_sets)
    rare_en = [c for c in en_sets if " " not in c]
    for p in pairs:
        for c in rare_zh:
            if c in p.zh:
                zh_sets[c].add(p.index)
    for c in rare_en:
        pattern = re.compile(rf"(?<![\w-]){re.escape(c)}(?:s|es)?(?![\w-])", re.IGNORECASE)
        for p in pairs:
            if c[:4] in p.en.lower() and pattern.search(p.en):
                en_sets[c].add(p.index)


_NATIONALITY = re.compile(r"^[A-Z][a-z]+(?:ian|an|ese|ish|ch|i)$")


def _complete_left(phrase: str, en: str, texts: list[str]) -> str:
    """The Chinese phrase with the word that always comes before it, when its English is a
    name (支援部队 always after 快速: "Rapid Support Forces") or opens with a nationality
    (武装部队 always after 苏丹: "Sudanese armed forces"): the segmenter or the masking of
    State names cut the name's first word off."""
    words = en.split()
    if not (_is_title_case(en) or (words and _NATIONALITY.match(words[0]))):
        return phrase
    before: Counter[str] = Counter()
    total = 0
    for t in texts:
        start = t.find(phrase)
        while start >= 0:
            total += 1
            cut = [w.word for w in segmenter().cut(t[max(0, start - 6) : start])]
            before[cut[-1] if cut else ""] += 1
            start = t.find(phrase, start + 1)
    if not before or total < 2:
        return phrase
    word, n = before.most_common(1)[0]
    if (
        n == total
        and len(word) >= 2
        and re.fullmatch(r"[\u4e00-\u9fff]+", word)
        and word not in _ZH_STOP
        and not any(ch in _ZH_FUNCTION for ch in word[-1:])
    ):
        return word + phrase
    return phrase


def _fragment_en(phrase: str, texts: list[str]) -> bool:
    """True when every occurrence of `phrase` runs on into the same content word ("basic
    national" is always "basic national conditions"): a piece of a longer term, not a term."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(phrase)}\s+([A-Za-z][\w-]*)", re.IGNORECASE)
    total = sum(len(re.findall(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", t, re.I)) for t in texts)
    following = Counter(m.group(1).lower() for t in texts for m in pattern.finditer(t))
    if not following or total < 2:
        return False
    word, n = following.most_common(1)[0]
    return n == total and word not in _EN_STOP


def _fragment_zh(phrase: str, texts: list[str]) -> bool:
    """The Chinese counterpart: every occurrence followed by the same word (社会主义核心 is
    always 社会主义核心价值观)."""
    following: Counter[str] = Counter()
    total = 0
    for t in texts:
        start = t.find(phrase)
        while start >= 0:
            total += 1
            rest = t[start + len(phrase) :]
            words = [w.word for w in segmenter().cut(rest[:8])] if rest else []
            if words and re.match(r"[\u4e00-\u9fff]", words[0]):
                following[words[0]] += 1
            start = t.find(phrase, start + 1)
    if not following or total < 2:
        return False
    word, n = following.most_common(1)[0]
    return n == total and word not in _ZH_STOP and word not in _ZH_FUNCTION


_ZH_FUNCTION = frozenset("的和与及或在是对为了也都而并中上下等")


def _words_re(words: list[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])")


def _cuts(phrase: str, text: str, spans: list[tuple[int, int]]) -> bool:
    """True when an occurrence of `phrase` begins or ends inside a known term (富尔冲突 in
    达尔富尔冲突 when 达尔富尔 is known)."""
    start = text.find(phrase)
    while start >= 0:
        end = start + len(phrase)
        for s, e in spans:
            if s < start < e < end or start < s < end < e:
                return True
        start = text.find(phrase, start + 1)
    return False


def _is_title_case(phrase: str) -> bool:
    words = [w for w in phrase.split() if w not in _EN_INNER]
    return bool(words) and all(w[:1].isupper() for w in words)


def _adds_words(phrase: str, known: list[str]) -> bool:
    """False when the phrase is only known terms put together (伍德 + 大使)."""
    rest = phrase
    for k in known:
        if k and k in rest:
            rest = rest.replace(k, " ")
    return len(rest.replace(" ", "")) >= 2


def _drop_nested(
    chosen: list[tuple[str, str, float]], zh_sets: dict[str, set[int]]
) -> list[tuple[str, str, float]]:
    # 关系正常化 and 正常化 both pairing well: keep the longer when it is as frequent.
    keep = []
    for z, e, d in chosen:
        longer = [
            z2
            for z2, e2, _ in chosen
            if z2 != z and z in z2 and e.lower() in e2.lower() and zh_sets[z2] == zh_sets[z]
        ]
        if not longer:
            keep.append((z, e, d))
    return keep


def _similarities(embedder: Any, zh: list[str], en: list[str]) -> np.ndarray:
    a = np.asarray(embedder.encode(zh), dtype=np.float32)
    b = np.asarray(embedder.encode(en), dtype=np.float32)
    return (a * b).sum(axis=1)


def _surface(folded: str, pairs: list[PairText], where: set[int]) -> str:
    """The most frequent spelling of a case-folded English phrase in the pairs it occurs in."""
    forms: Counter[str] = Counter()
    pattern = re.compile(rf"(?<![\w-]){re.escape(folded)}(?![\w-])", re.IGNORECASE)
    for p in pairs:
        if p.index in where:
            forms.update(m.group(0) for m in pattern.finditer(p.en))
    if not forms:
        return folded
    lower = [f for f in forms if f == folded]
    # Sentence-initial capitals are not part of the term.
    return lower[0] if lower else forms.most_common(1)[0][0]
