"""Names of bodies and titles that a record may write only once: Collective Security Council,
Joint Staff, Chief of the Joint Staff.

Association needs a phrase to recur; the name of a body or an office usually does not, but it
announces itself in English: capitalised words around a head noun that names a body (Council,
Service, Staff ...) or an office (Chief, Secretary, Adviser ...). Chinese marks the same head
with a morpheme at the end of the name (理事会, 局, 参谋部, 长, 秘书, 顾问). In one aligned pair,
each such English name is compared, in the multilingual embedding space, with every Chinese
stretch of whole words that ends in a morpheme of its head, and the closest stretch is its
translation when the two are close enough. Three principles keep it precise:
- a name is a capitalised noun phrase of two content words at least whose head is a body or an
  office; a capitalised word that opens a sentence, a country or a known person is not part
  of one (they are masked first, so "President Macron" leaves a lone title, which is no name);
- the head decides which Chinese endings can translate it, so Collective Security Council is
  never paired with 联合参谋部;
- without an embedder nothing is paired: the evidence is the similarity of meaning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from aligner.countries import find_mentions
from aligner.terms.candidate import Candidate
from aligner.terms.pair_text import PairText
from aligner.terms.phonetic import TRANSLITERATION_CHARS

MIN_SIMILARITY = 0.65
"""Cosine (USE multilingual) between a name and its Chinese stretch for the pair to be kept.
On the names of S/PV.9132 the best stretch of a true pair scored 0.67-0.90 and the best of a
name whose translation was not in the pair 0.53-0.60."""
NEAR_TIE = 0.02
MAX_ZH_WORDS = 6

# English head -> the Chinese endings that translate it.
BODY_HEADS: dict[str, tuple[str, ...]] = {
    "Council": ("会",), "Committee": ("会",), "Commission": ("会",), "Assembly": ("会",),
    "Board": ("会",), "Staff": ("部",), "Service": ("局", "署", "处"), "Ministry": ("部",),
    "Department": ("部", "司", "厅"), "Office": ("室", "处", "厅", "署"),
    "Agency": ("机构", "署", "局"), "Bureau": ("局",), "Group": ("组", "团"),
    "Organization": ("组织",), "Court": ("院", "庭"), "Tribunal": ("法庭",),
    "Secretariat": ("处",), "Mission": ("团",), "Force": ("队",), "Forces": ("队",),
    "Team": ("队", "组"), "Programme": ("署", "计划"), "Fund": ("基金", "会"),
    "Union": ("联盟", "盟"), "Government": ("政府",),
}  # fmt: skip
TITLE_HEADS: dict[str, tuple[str, ...]] = {
    "Chief": ("长",), "Minister": ("长", "理"), "Ministers": ("长", "理"),
    "Secretary": ("秘书", "书记"), "Adviser": ("顾问",), "Envoy": ("特使",),
    "Representative": ("代表",), "Coordinator": ("协调员",), "Director": ("主任", "长"),
    "Commissioner": ("专员",), "Chair": ("主席",), "Chairman": ("主席",),
    "Ambassador": ("大使",), "Commander": ("司令", "指挥官"), "Rapporteur": ("报告员",),
}  # fmt: skip
_CONNECTORS = frozenset({"of", "for", "and", "on", "the", "in"})
_COMPLEMENT = frozenset({"of", "for", "on", "in"})
_EN_NAME = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:(?:of|for|and|on|the|in)\s+)*[A-Z][\w’'-]*)*")
_NATIONALITY = re.compile(r"^[A-Z][a-z]+(?:ian|an|ese|ish|ch|i)$")
_ZH_STRETCH = re.compile(r"[\u4e00-\u9fff]+")


@dataclass(frozen=True)
class _Name:
    text: str
    head: str


def body_candidates(
    pairs: list[PairText],
    *,
    embedder: Any,
    known_zh: Iterable[str] = (),
    known_en: Iterable[str] = (),
    people: Iterable[str] = (),
    known: dict[str, set[str]] | None = None,
) -> list[Candidate]:
    """`known_*`: terms already found (never paired again); `people`: names of people in
    either language, masked out of both sides; `known`: Chinese term -> its English forms."""
    known = known or {}
    known_by_en: dict[str, set[str]] = {}
    for zh_form, en_forms in known.items():
        for en_form in en_forms:
            if " " in en_form:
                known_by_en.setdefault(en_form, set()).add(zh_form)
    if embedder is None:
        return []
    known_zh = {k.strip("《》") for k in known_zh}
    known_ends = sorted((k for k in known_zh if len(k) >= 2), key=len, reverse=True)
    known_en_folded = {k.casefold() for k in known_en}
    people = sorted({p for p in people if len(p) >= 2}, key=len, reverse=True)
    wanted: list[tuple[int, _Name, list[str]]] = []
    verb_led: dict[str, str] = {}
    for p in pairs:
        en = _mask(p.en, [(m.start, m.end) for m in find_mentions(p.en, "en")], people)
        zh = _mask(p.zh, [(m.start, m.end) for m in find_mentions(p.zh, "zh")], people)
        for name in english_names(en, owners=known_en):
            if name.text.casefold() in known_en_folded:
                continue
            endings = {**BODY_HEADS, **TITLE_HEADS}[name.head]
            found_here = chinese_stretches(zh, endings, coordinated=" and " in name.text)
            stretches = [
                s
                for s in found_here
                if s not in known_zh
                and not _ends_in_other_term(s, name.text, known_ends, known)
                and not _lacks_named_part(s, name.text, known_by_en)
            ]
            if stretches:
                wanted.append((p.index, name, stretches))
                verb_led.update({s: rest for s, rest in found_here.items() if rest is not None})
    if not wanted:
        return []
    texts_zh = sorted({s for _, _, ss in wanted for s in ss})
    texts_en = sorted({n.text for _, n, _ in wanted})
    vec_zh = dict(zip(texts_zh, np.asarray(embedder.encode(texts_zh)), strict=True))
    vec_en = dict(zip(texts_en, np.asarray(embedder.encode(texts_en)), strict=True))

    found: dict[tuple[str, str], Candidate] = {}
    for index, name, stretches in wanted:
        sims = [float(vec_zh[s] @ vec_en[name.text]) for s in stretches]
        sim, zh = _best_stretch(sims, stretches, verb_led)
        if sim < MIN_SIMILARITY:
            continue
        kind = "organization" if name.head in BODY_HEADS else "phraseology"
        score = min(0.9, 0.7 + sim - MIN_SIMILARITY)
        c = found.setdefault((zh, name.text), Candidate(zh, name.text, kind, "name_of_body", 0))
        c.score = max(c.score, score)
        c.pair_indices.add(index)
    return _one_partner_each(list(found.values()))


def _ends_in_other_term(
    stretch: str, name: str, known_ends: list[str], known: dict[str, set[str]]
) -> bool:
    """True when the stretch ends with a known term whose English the name does not contain
    (伊拉克总理致函秘书长 ends with 秘书长, which "Prime Minister" does not name): the stretch
    runs past the name into the rest of the sentence."""
    folded = name.casefold()
    for k in known_ends:
        if stretch.endswith(k) and stretch != k:
            return not any(e.casefold() in folded for e in known.get(k, ()))
    return False


def _lacks_named_part(stretch: str, name: str, known_by_en: dict[str, set[str]]) -> bool:
    """True when the English name contains a known body or title as a modifier inside it
    (Security Council in "Chair of the Security Council Committee ...") that no Chinese form
    of it in the stretch renders: the stretch is only the end of the name (委员会主席). At the
    end of the name the known words may name another body ("Secretary of the Security
    Council" of a State, 安全委员会秘书)."""
    for en_form, zh_forms in known_by_en.items():
        inside = f"{en_form} " in name
        if inside and not any(z in stretch for z in zh_forms):
            return True
    return False


def _best_stretch(
    sims: list[float], stretches: list[str], verb_led: dict[str, str]
) -> tuple[float, str]:
    """The closest stretch. On a near tie, the longer one that contains it (高加索谈判高级顾问
    rather than 谈判高级顾问: the whole name, not its end), but never by taking in a verb in
    front (成立 in 成立全面深化改革领导小组), and a verb in front is dropped on a near tie."""
    sim_of = dict(zip(stretches, sims, strict=True))
    best = int(np.argmax(sims))
    sim, zh = sims[best], stretches[best]
    for s, z in zip(sims, stretches, strict=True):
        if z != zh and z.endswith(zh) and s >= sim - NEAR_TIE and z not in verb_led:
            sim, zh = s, z
    rest = verb_led.get(zh)
    if rest is not None and sim_of.get(rest, -1.0) >= sim - NEAR_TIE:
        sim, zh = sim_of[rest], rest
    return sim, zh


def english_names(text: str, owners: Iterable[str] = ()) -> list[_Name]:
    """Capitalised names of bodies and offices in English text (countries and people masked).

    Two names coordinated with "and the" are two names. A complement that is a known body
    (`owners`: Joint Staff of the Collective Security Treaty Organization) gives the name
    without it as well, which is how the record's other language often writes it.
    """
    owners = {o.casefold() for o in owners}
    out: list[_Name] = []
    for m in _EN_NAME.finditer(text):
        for part in re.split(r"\s+and\s+the\s+", m.group(0)):
            for name in _name(part.split()):
                out.append(name)
                owner = re.match(r"(.+?) (?:of|for) (?:the )?(.+)$", name.text)
                if owner and owner.group(2).casefold() in owners:
                    out += _name(owner.group(1).split())
    return list(dict.fromkeys(out))


def _name(words: list[str]) -> list[_Name]:
    out: list[_Name] = []
    if words:
        while words and (words[0] in ("The", "A", "An") or words[0].lower() in _CONNECTORS):
            words = words[1:]
        while words and words[-1].lower() in _CONNECTORS:
            words = words[:-1]
        content = [w for w in words if w.lower() not in _CONNECTORS]
        if len(content) >= 2 and (head := _head(words)) in {**BODY_HEADS, **TITLE_HEADS}:
            out.append(_Name(" ".join(words), head))
            if head in TITLE_HEADS and _NATIONALITY.search(words[0]) and len(content) >= 3:
                # "French Minister for ...": the office is the same in every country.
                out.append(_Name(" ".join(words[1:]), head))
    return out


def _head(words: list[str]) -> str:
    for i, w in enumerate(words):
        if w in _COMPLEMENT and i > 0:
            return words[i - 1]
    return words[-1]


_NOT_IN_NAME = frozenset("pcdurmqyew")
"""jieba tags that end a name going leftwards: preposition, conjunction, adverb, particle,
pronoun, numeral, classifier, modal, interjection."""


_ADVERBS = frozenset(
    "已经 正在 继续 必须 一致 仍然 不断 非常 特别 尤其 始终 一直 进一步 同时 也是 还是 立即 充分 "  # noqa: SIM905
    "共同 积极 认真 切实 坚决 全面 完全 深表 再次 尽快 务必 即将".split()
)


def chinese_stretches(
    text: str, endings: tuple[str, ...], *, coordinated: bool = False
) -> dict[str, str | None]:
    """Runs of one to MAX_ZH_WORDS whole words (jieba) ending in one of `endings`; each maps
    to itself without its first word when that word is a verb (联合 in 联合参谋部, 成立 in
    成立...领导小组: only the similarity can tell which is part of the name), else None."""
    from aligner.terms.association import segmenter

    out: dict[str, str | None] = {}
    for m in _ZH_STRETCH.finditer(text):
        cut = [(w.word, w.flag) for w in segmenter().cut(m.group(0))]
        for j in range(1, len(cut) + 1):
            if not cut[j - 1][0].endswith(endings):
                continue
            for i in range(j - 1, max(0, j - MAX_ZH_WORDS) - 1, -1):
                # A name does not begin with a function word, nor run across a conjunction
                # unless its English has one too.
                word, flag = cut[i]
                # jieba tags some modifiers of names as adverbs (快速 in 快速支援部队): a word
                # of two characters or more that is no sentence adverb may open a name.
                modifier = flag[:1] == "d" and len(word) >= 2 and word not in _ADVERBS
                if (
                    flag[:1] in _NOT_IN_NAME
                    and not modifier
                    and (flag[:1] != "c" or not coordinated)
                ):
                    break
                stretch = "".join(w for w, _ in cut[i:j])
                if i == 0 and m.start() > 0:
                    before = text[m.start() - 1]
                else:
                    before = cut[i - 1][0][-1] if i > 0 else ""
                if before in TRANSLITERATION_CHARS and stretch[0] in TRANSLITERATION_CHARS:
                    continue  # begins inside a foreign name the segmenter cut (米德|敦研究集团)
                if len(stretch) >= 3:
                    rest = "".join(w for w, _ in cut[i + 1 : j])
                    out.setdefault(stretch, rest if cut[i][1][:1] == "v" and i + 1 < j else None)
    return out


def _mask(text: str, spans: list[tuple[int, int]], people: list[str]) -> str:
    for a, b in sorted(spans, reverse=True):
        text = text[:a] + "|" * (b - a) + text[b:]
    for name in people:
        text = text.replace(name, "|" * len(name))
    return text


def _one_partner_each(candidates: list[Candidate]) -> list[Candidate]:
    """A Chinese stretch names one body, and a body has one Chinese name: the best pairing."""
    candidates.sort(key=lambda c: (-c.score, -len(c.pair_indices)))
    used_zh: set[str] = set()
    used_en: set[str] = set()
    out = []
    for c in candidates:
        if c.zh in used_zh or c.en in used_en:
            continue
        used_zh.add(c.zh)
        used_en.add(c.en)
        out.append(c)
    return out
