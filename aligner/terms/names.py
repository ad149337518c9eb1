"""Names of people and places, matched by sound inside aligned pairs.

A foreign name is written in Chinese with transliteration characters (古特雷斯 = Guterres). In one
aligned pair, each run of such characters is compared with each capitalised English name by
`phonetic.similarity`; the best one-to-one matches above a threshold are kept and counted over
the record, so a name seen in several pairs with the same partner is more certain. The words
around a name tell person from place (总统/President before it, 地区/district after it), and a
following place noun that both languages share (德拉省 = Dar'a governorate) gives a second entry.
Latin-script names copied into the Chinese text (a Latin name before 水库) pair with the same
spelling.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from aligner.countries import find_mentions
from aligner.terms.candidate import Candidate
from aligner.terms.pair_text import PairText
from aligner.terms.phonetic import TRANSLITERATION_CHARS, similarity

THRESHOLD = 0.68
"""Lowest phonetic similarity accepted: the best separation of true and false name pairs on
names of UN records (see tests/terms/test_terms_phonetic.py)."""

_EN_NAME = re.compile(
    r"(?<![\w’'-])[A-Z][a-zà-ž’'-]*[a-zà-ž](?:[ -](?:(?:de|la|del|van|von|al)[ -])?"
    r"[A-Z][a-zà-ž’'-]*[a-zà-ž]){0,3}(?![\w-])"
)
_PERSON_BEFORE_EN = re.compile(
    r"(?:Mr\.|Mrs\.|Ms\.|Dr\.|President|Prime Minister|Minister|Secretary of State|Ambassador|"
    r"General|Secretary-General|Special Representative|Foreign Minister)\s*$"
)
_PERSON_BEFORE_ZH = ("总统", "总理", "国务卿", "大使", "将军", "秘书长", "代表", "部长", "主席")
_PERSON_AFTER_ZH = ("先生", "女士", "夫人", "总统", "总理", "国务卿", "大使", "将军", "部长")
_PLACE_BEFORE_EN = re.compile(r"\b(?:in|to|from|at|near|city of|village of|town of)\s*$")
# Place nouns that follow a name in both languages: Chinese suffix -> English words.
PLACE_NOUNS: dict[str, tuple[str, ...]] = {
    "自治共和国": ("Autonomous Republic",),
    "走廊": ("corridor",),
    "水库": ("reservoir",),
    # Only administrative units: "region" and "area" describe, they do not name.
    "地区": ("district",),
    "省": ("province", "governorate"),
    "区": ("district",),
    "市": ("city",),
    "村": ("village",),
    "河": ("River", "river"),
    "公路": ("road",),
    "过境点": ("border crossing", "crossing point"),
    "营地": ("camp",),
    "湖": ("Lake", "lake"),
}
# Capitalised English words that are never transliterated names.
_NOT_NAMES = frozenset(
    """I We You He She It They This That These Those The A An In On At By For Of To From With
    As And But Or If When While Since After Before During Over Under Let Mr Mrs Ms Madam
    President Prime Minister Ministers Secretary General Secretary-General Assistant Ambassador
    Council Security Assembly General Nations United Union Organization Government Republic
    Federation State States Member Chamber Charter Court Committee Department Ministry Office
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Co-Chairs Co-Chair Article Special
    Representative Adviser Senior Deputy Heads Head Chief Joint Staff Order Convention Act Final
    Group Service Border Federal Committee International Cross Red European Central Eastern
    Western Northern Southern Standard Time Autonomous Today Yesterday However Moreover Finally
    First Second Third Clearly Indeed Furthermore Unfortunately Nevertheless Therefore
    Hence""".split()  # noqa: SIM905
)


@dataclass
class _Match:
    zh: str
    en: str
    sim: float
    pair: int
    zh_end: int
    en_start: int
    en_end: int


def name_candidates(
    pairs: list[PairText], *, known_zh: Iterable[str] = (), known_en: Iterable[str] = ()
) -> list[Candidate]:
    """`known_zh`/`known_en`: terms already found by stronger evidence, masked out first."""
    known_zh = sorted({k for k in known_zh if k}, key=len, reverse=True)
    known_en = sorted({k for k in known_en if k}, key=len, reverse=True)
    lowercase_words = _lowercase_vocabulary(pairs)
    matches: list[_Match] = []
    for p in pairs:
        zh = _mask_zh(p.zh, known_zh)
        en = _mask_en(p.en, known_en)
        runs = _zh_runs(zh)
        names = [
            name
            for m in _EN_NAME.finditer(en)
            if (name := _trim_name(m.start(), m.group(0))) and _is_name(name[2], lowercase_words)
        ]
        matches += _best_matches(p.index, runs, names)
        matches += _latin_names(p, lowercase_words)

    support: dict[tuple[str, str], list[_Match]] = defaultdict(list)
    for m in matches:
        support[(m.zh, m.en)].append(m)
    # One partner per Chinese name and per English name: the best supported.
    ranked = sorted(
        support.items(), key=lambda kv: (-len(kv[1]), -max(m.sim for m in kv[1]), kv[0])
    )
    used_zh: set[str] = set()
    used_en: set[str] = set()
    by_index = {p.index: p for p in pairs}
    out: list[Candidate] = []
    for (zh, en), ms in ranked:
        if zh in used_zh or en in used_en:
            continue
        used_zh.add(zh)
        used_en.add(en)
        sim = max(m.sim for m in ms)
        score = min(0.95, 0.35 + 0.55 * sim + 0.1 * min(len(ms) - 1, 2))
        kind = _name_type(zh, en, ms, by_index)
        out.append(Candidate(zh, en, kind, "transliteration", score, {m.pair for m in ms}))
        out += _with_place_nouns(zh, en, ms, by_index, score)
    return out


def _lowercase_vocabulary(pairs: list[PairText]) -> set[str]:
    words: set[str] = set()
    for p in pairs:
        words.update(w for w in re.findall(r"[a-z][a-z’'-]+", p.en))
    return words


def _trim_name(start: int, text: str) -> tuple[int, int, str] | None:
    """Drop titles and other non-name words at either end: "Prime Minister Modi"."""
    tokens = text.split(" ")
    while tokens and tokens[0] in _NOT_NAMES:
        start += len(tokens[0]) + 1
        tokens = tokens[1:]
    while tokens and tokens[-1] in _NOT_NAMES:
        tokens = tokens[:-1]
    if not tokens:
        return None
    name = " ".join(tokens)
    return start, start + len(name), name


def _is_name(text: str, lowercase_words: set[str]) -> bool:
    tokens = [t for t in re.split(r"[ -]", text) if t[:1].isupper()]
    if not tokens or any(t in _NOT_NAMES for t in tokens):
        return False
    if any(t.lower() in lowercase_words for t in tokens):
        return False
    # Nationality adjectives (Iraqi, Sudanese) are not names of their own.
    return not any(
        t.endswith(("n", "i", "ese", "ish")) and find_mentions(t.rstrip("ni"), "en") for t in tokens
    )


def _mask_zh(text: str, known: list[str]) -> str:
    for m in reversed(find_mentions(text, "zh")):
        text = text[: m.start] + "|" * (m.end - m.start) + text[m.end :]
    for k in known:
        text = text.replace(k, "|" * len(k))
    return text


def _mask_en(text: str, known: list[str]) -> str:
    for m in reversed(find_mentions(text, "en")):
        text = text[: m.start] + "|" * (m.end - m.start) + text[m.end :]
    for k in known:
        if " " in k or k[:1].isupper():
            text = re.sub(rf"(?<!\w){re.escape(k)}(?!\w)", lambda m: "|" * len(m.group(0)), text)
    return text


def _zh_runs(text: str) -> list[tuple[int, str]]:
    runs: list[tuple[int, str]] = []
    start = None
    for i, ch in enumerate([*text, "\0"]):
        inside = ch in TRANSLITERATION_CHARS or (ch == "-" and start is not None)
        if inside and start is None:
            start = i
        elif not inside and start is not None:
            run = text[start:i].strip("·-")
            if len(run) >= 2:
                runs.append((start, run))
            start = None
    return runs


def _best_matches(
    pair: int, runs: list[tuple[int, str]], names: list[tuple[int, int, str]]
) -> list[_Match]:
    scored: list[_Match] = []
    for start, run in runs:
        for i in range(len(run)):
            for j in range(i + 2, min(len(run), i + 14) + 1):
                sub = run[i:j]
                if sub[0] in "·-" or sub[-1] in "·-":
                    continue
                for en_start, en_end, name in names:
                    sim = name_similarity(sub, name)
                    if sim >= THRESHOLD:
                        scored.append(_Match(sub, name, sim, pair, start + j, en_start, en_end))
    # Greedy one-to-one; on equal similarity the longer Chinese span (the whole name) wins.
    scored.sort(key=lambda m: (-m.sim, -len(m.zh), -len(m.en)))
    taken_zh: list[tuple[int, int]] = []
    taken_en: list[tuple[int, int]] = []
    out: list[_Match] = []
    for m in scored:
        zspan = (m.zh_end - len(m.zh), m.zh_end)
        espan = (m.en_start, m.en_end)
        if any(_overlap(zspan, t) for t in taken_zh) or any(_overlap(espan, t) for t in taken_en):
            continue
        taken_zh.append(zspan)
        taken_en.append(espan)
        out.append(m)
    return out


def name_similarity(zh: str, en: str) -> float:
    """`similarity`, also trying each word of a multiword name against consecutive pieces of
    the Chinese (哈马|舍尔德 = Hammar|skjöld), which scores a full name better than a part."""
    best = similarity(zh, en)
    words = re.split(r"[ -]", en)
    pieces = zh.replace("·", "").replace("-", "")
    if 2 <= len(words) <= 3 and len(pieces) >= len(words):
        for cut in _cuts(len(pieces), len(words)):
            parts = [pieces[a:b] for a, b in zip((0, *cut), (*cut, len(pieces)), strict=True)]
            weights = [len(w) for w in words]
            score = sum(
                w * _word_similarity(z, e) for z, e, w in zip(parts, words, weights, strict=True)
            ) / sum(weights)
            best = max(best, score)
    return best


def _word_similarity(zh: str, en: str) -> float:
    # A short word ("Wu", "Zas") has too few consonants for `similarity` to judge alone.
    return similarity(zh, en) if len(en) > 4 else similarity(zh, en + en[-1:])


def _cuts(n: int, k: int) -> list[tuple[int, ...]]:
    if k == 2:
        return [(i,) for i in range(1, n)]
    return [(i, j) for i in range(1, n - 1) for j in range(i + 1, n)]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _latin_names(p: PairText, lowercase_words: set[str]) -> list[_Match]:
    out: list[_Match] = []
    for m in re.finditer(r"(?<![A-Za-z])[A-Z][a-z]{2,}(?![A-Za-z])", p.zh):
        name = m.group(0)
        en = re.search(rf"(?<!\w){name}(?!\w)", p.en)
        if en and name.lower() not in lowercase_words and name not in _NOT_NAMES:
            out.append(_Match(name, name, 0.9, p.index, m.end(), en.start(), en.end()))
    return out


def _name_type(zh: str, en: str, ms: list[_Match], pairs: dict[int, PairText]) -> str:
    votes: Counter[str] = Counter()
    for m in ms:
        p = pairs[m.pair]
        zh_at = p.zh.find(zh)
        before_zh, after_zh = p.zh[max(0, zh_at - 4) : zh_at], p.zh[zh_at + len(zh) :]
        en_before = p.en[: m.en_start] if m.en_start <= len(p.en) else ""
        en_at = p.en.find(en)
        if en_at >= 0:
            en_before = p.en[:en_at]
        if (
            _PERSON_BEFORE_EN.search(en_before)
            or before_zh.endswith(_PERSON_BEFORE_ZH)
            or after_zh.startswith(_PERSON_AFTER_ZH)
        ):
            votes["person"] += 1
        elif any(after_zh.startswith(k) for k in PLACE_NOUNS) or _PLACE_BEFORE_EN.search(en_before):
            votes["place"] += 1
    if "·" in zh and " " in en:
        votes["person"] += 1
    if votes["person"] > votes["place"]:
        return "person"
    return "place"


def _with_place_nouns(
    zh: str, en: str, ms: list[_Match], pairs: dict[int, PairText], score: float
) -> list[Candidate]:
    found: dict[tuple[str, str], set[int]] = defaultdict(set)
    for m in ms:
        p = pairs[m.pair]
        for zh_noun, en_nouns in PLACE_NOUNS.items():
            if f"{zh}{zh_noun}" not in p.zh:
                continue
            for en_noun in en_nouns:
                for form in (f"{en} {en_noun}", f"{en_noun} of {en}"):
                    if form in p.en:
                        found[(f"{zh}{zh_noun}", form)].add(p.index)
    # One English form per compound: the one seen most often.
    best: dict[str, tuple[str, set[int]]] = {}
    for (z, e), w in sorted(found.items()):
        if z not in best or len(w) > len(best[z][1]):
            best[z] = (e, w)
    return [Candidate(z, e, "place", "transliteration", score, w) for z, (e, w) in best.items()]
