"""Proper names on one side that have no counterpart on the other: a name swapped or dropped.

A translation carries every name of its source: a place, a person, a State, a body. When a
name is swapped for another one, both sides show it at once: the new name has no rendering on
the other side, and the name it replaced has lost its own. When a name is dropped, the other
side keeps a name without a counterpart. So the check looks for names on each side and asks
whether the other side renders them.

Names
- English: capitalised words not at the start of a sentence, in runs ("Lake Chad Basin",
  "Mongi Hamdi"), leaving out function words, months and days, titles (Mr., Ambassador) and the
  headings of a document's parts (Article, Annex). A word whose stem the dictionary (CC-CEDICT,
  aligner/qa/lexicon.py) knows only capitalised is a proper word (Rotterdam, Almaty, Syrian);
  the others are ordinary words used in a name (Council, Human Rights).
- Chinese: words that jieba's dictionary tags as names (nr person, ns place, nt organization,
  nz other proper noun), words CC-CEDICT glosses mostly as names (斯德哥尔摩, which jieba
  leaves untagged), and runs of transliteration characters the dictionary does not know
  (蒙伊·哈姆迪, 塔班考特), also where the segmentation cut them (绥德 + 鲁 for Zwedru). A run
  keeps to the words of the segmentation (攸关方 of 利益攸关方, 于阿富 over 阿富汗 and 约方尚 of
  缔约方尚未 are pieces of words), and only a word of transliteration characters grows over
  the single ones beside it (土族 + 塞 of 土族塞人 does not).

Rendered (each enough on its own)
- the other side carries the name's dictionary glosses (鹿特丹 "Rotterdam", 叙利亚 "Syrian":
  stems compared by prefix, so adjectives and demonyms count), or the English word is among the
  glosses of a dictionary word of the Chinese (its "bag");
- the Member State / UN body tables (aligner/qa/entities.py) find the same entity on the other
  side (with English adjectives: "Kenyan" renders 肯尼亚);
- the name sounds like a transliteration on the other side (aligner/terms/phonetic.py);
- the Chinese keeps the English name in Latin script;
- the batch's learned associations (aligner/qa/association.py) link the words — asked only
  for names the dictionary cannot judge, since a rare name is associated with whatever shares
  its pairs (鹿特丹 with "Basel").

Severity by evidence (each name carries it: "table", "dictionary", "sound", "word", "guess")
- A swap: an unrendered name on both sides at once whose evidence adds up (STRENGTH): a
  warning with the highest score. Two names of the term check's tables only (Member States,
  bodies) are left to the term check when it already warns on the pair.
- A Member State one-sided by the country check's hint (the other side may refer to it by an
  anaphor or an acronym) is a warning when the other side names another State more often or
  has a name of its own without counterpart; a State present on the other side only inside
  another State's name (Sudan / 南苏丹) is a warning (aligner/qa/state_swaps.py).
- A place of the tables the dictionary knows, inside a body's name the term check takes as
  rendered by its head (联合国内罗毕办事处 / "the United Nations Office at"), missing from the
  other side, about which neither the term nor the country check says anything, with no
  anaphor and no name on the other side the check could not match: a warning ("alone").
- Any other name missing from one side only is a hint (info): scored higher when the
  dictionary knows the name and the other side has no anaphor. Names of the term check's
  tables missing on one side only are the term check's business and are not reported again.
  Making a dictionary name "alone" (no anaphor, nothing unmatched on the other side) a
  warning found 1 more injected error on the dev half and flagged 4 more faithful pairs of
  the held-out half: dropped.
- A one-sided name the batch renders elsewhere: a transliteration or a name the dictionary
  knows, missing here while other pairs of the same batch (a record, a file) carry it with a
  counterpart the check recognises, in more pairs than it is missing from (this one counted),
  and the other side has no anaphor: a warning. The check's failure to match a name is mostly
  a gap of its dictionary and sound tables (扎巴达尼 / Zabadani is never matched), and such a
  name is missed in every pair; a name matched elsewhere has a rendering the check knows, so
  its absence here is evidence. Names of ordinary words (和平, "States") and table names were
  tried too: their renderings are too free (该处 / "the Branch", "it" for a State), one clean
  pair in twenty-five flagged.

A dictionary name is rendered by its name: the words CC-CEDICT describes it with ("capital
of Liberia", "city in Lebanon") render nothing, and an English word that sounds like the
Chinese renders it only if it also sounds like the dictionary's spelling (Najib / 纳吉布
"Naguib"; 的黎波里 "Tripoli" is not "Ladhiqiyah").

Not names: a capital that opens a sentence on an ordinary word, one ordinary word after a
determiner ("the Council", "the Territory": a reference back, 安理会 may repeat the name; kept
as evidence "reference", never flagged),
numerals (四国, 五加一), jieba-tagged words no dictionary knows (希族, 江原: "guess", never
evidence). Demonyms and adjectives ("Cypriot", "Palestinian") and persons' names after a title
(East Asian names are written in Han characters the sound tables do not read: 黄浚局 / Joonkook
Hwang) are never names the dictionary is sure about. Chinese names in Pinyin (丛军 / Cong Jun),
an Arabic article (al-Sabah), a currency (美元 / $) and acronyms holding a name's initials
(乍得湖 in LCBC) count as rendered.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from aligner.qa.check import Check, PairView, QAContext, register_check
from aligner.qa.flag import Flag, Span
from aligner.qa.lexicon import (
    EN_STOP_WORDS,
    Lexicon,
    any_gloss_near,
    en_stem,
    load_lexicon,
    near_stem,
)
from aligner.terms.phonetic import (
    TRANSLITERATION_CHARS,
    en_sounds,
    indel_cost,
    prefix_distances,
    zh_sounds,
)

ZH_NAME_TAGS = frozenset({"nr", "ns", "nt", "nz"})
"""jieba's tags for names of people, places, organizations and other proper nouns."""
MIN_SOUND_MATCH = 0.6
"""A Chinese transliteration renders an English word when they sound this much alike
(aligner/terms/phonetic.similarity, 0-1)."""
MIN_PROPER_SHARE = 0.5
"""A Chinese word is a name the dictionary knows when at least this share of its gloss stems
are words CC-CEDICT writes only capitalised (鹿特丹: rotterdam, netherland / port, city)."""
SWAP_SCORE = 0.6
KNOWN_SCORE = 0.3
"""A one-sided name the dictionary knows (鹿特丹 / Rotterdam) with no anaphor on the other side
("the Territory", 该国): the strongest hint, still a hint. As a warning it was right on 2 of
the 4 dev pairs it flagged (an Indian representative for a Russian one, a tribunal left out)
and found 2-6 points more injected name errors, but raised the flag rate of the held-out
half by 0.4 points, more than this check may spend."""
ALONE_SCORE = 0.4
"""A one-sided place of the tables inside a body's name (see `_unjudged_place`)."""
HINT_SCORE = 0.1
BATCH_SCORE = 0.5
"""A one-sided name that other pairs of the batch render (see `rendered_elsewhere`)."""

# Capitalised words that are not names, or not names the other side must carry.
_EN_NOT_NAMES = frozenset(
    """i we he she it they you the a an this that these those its our their his her my your
    and but or nor if when while since as at by for from in into of on to with without upon
    also however further furthermore moreover therefore thus accordingly please yes no
    mr mrs ms dr sir madam mme messrs excellency ambassador president chair chairman
    chairperson vice secretary general deputy minister prime king queen prince his her
    article articles paragraph paragraphs annex annexes chapter chapters section sections
    part parts rule rules table tables figure figures appendix item items page volume
    resolution resolutions decision decisions document documents add corr rev note
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()  # noqa: SIM905
)
_SOUND_CHARS = TRANSLITERATION_CHARS | frozenset("卜易哲")
"""The transliteration characters of aligner/terms/phonetic.py, and a few more that names of
the Arab world and Africa use (易卜拉欣 Ibrahim)."""
_UPPER, _LOWER = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
_EN_WORD = re.compile(
    rf"(?<![\w'’-])[{_UPPER}][{_LOWER}'’]+(?:-[{_UPPER}]?[{_LOWER}'’]+)*(?![\w'’])"
)
_ADJECTIVE = re.compile(r"(?:an|ese|ish|ot|i|ic|ch|ss|ek)(?:['’]?s)?$")
"""Demonyms and adjectives (Cypriot, Azerbaijani, Palestinian), which translations render by
short forms (希族, 阿方) or leave out more freely than names: never a name "the dictionary
knows"."""
_TITLED = re.compile(
    r"\b(?:Mr|Mrs|Ms|Mme|Dr|Sir|Dame|Madam|Messrs|Ambassador|President|Minister|Judge|"
    r"Justice|Professor|Prof|Senator|General|Colonel|Sheikh|King|Queen|Prince|Princess)"
    r"\.?\s+$"
)
"""A title before a name makes it a person's: an East Asian name is written in Han characters
(黄浚局 for Joonkook Hwang), which neither Pinyin nor the transliteration tables read, so a
person's name is never one the dictionary is sure about."""
_EN_TOKEN = re.compile(r"[^\W\d_][\w'’]*")
_ACRONYM = re.compile(rf"(?<![\w-])[{_UPPER}][\w]*[{_UPPER}][\w]*")
_CURRENCY = re.compile(r"\$|€|£|¥|\b(?:dollars?|euros?|francs?|yuan|USD|EUR|CHF)\b")
_EN_CONNECTORS = frozenset({"of", "de", "du", "des", "la", "le", "al", "el", "the", "von"})
"""Words inside a name ("and" joins two names more often: Basel, Rotterdam and Stockholm)."""
_SENTENCE_START = re.compile(r"(?:^|[.:;!?]\s*|^\W*\d+\s*\.\s*|[\"“‘(\[]\s*)$")
_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,}")
_TRANSLIT_CHARS = re.compile(f"[{''.join(sorted(_SOUND_CHARS))}]+")
_TRANSLIT_RUN = re.compile(
    "[{0}]{{2,}}(?:\\s*[·-]\\s*[{0}]{{2,}})+|[{0}]{{3,}}".format(
        "".join(sorted(c for c in _SOUND_CHARS if c != "·"))
    )
)


@dataclass(frozen=True)
class Name:
    """A name on one side: where it is, and how sure the check can be about its counterpart."""

    lang: str
    start: int
    end: int
    text: str
    evidence: str
    """"table" (a Member State or body of aligner/qa/entities.py), "dictionary" (the dictionary
    knows it as a name), "sound" (a transliteration, checked by sound only) or "word" (ordinary
    words used as a name)."""


# ------------------------------------------------------------------ resources


@cache
def _jieba_tags() -> dict[str, str]:
    """jieba's part-of-speech tag of each word of two or more characters of its dictionary,
    read from the dictionary file itself (loading jieba.posseg would build a second
    tokenizer)."""
    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    out: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3 and len(parts[0]) > 1:
                out[parts[0]] = parts[2]
    return out


@cache
def _proper_gloss_stems() -> frozenset[str]:
    """Stems CC-CEDICT uses only capitalised, in the glosses of some word: English names the
    dictionary can render (Rotterdam, Almaty), as against names it has never seen."""
    lexicon = load_lexicon()
    if lexicon is None:
        return frozenset()
    return frozenset().union(*lexicon.glosses.values()) - lexicon.common


@cache
def _state_names() -> frozenset[str]:
    """Chinese names of the Member States (aligner/qa/entities.py)."""
    from aligner.qa.entities import country_entries

    return frozenset(form for entry in country_entries() for form in entry.zh)


def _zh_words(text: str) -> list[tuple[int, str]]:
    """(offset, word) of jieba's segmentation, from the cached word boundaries the term check
    uses too (aligner/qa/segmentation.py)."""
    from aligner.qa.segmentation import word_bounds

    starts = [*sorted(word_bounds(text)[0]), len(text)]
    return [(a, text[a:b]) for a, b in itertools.pairwise(starts) if b > a]


def _consonants(sounds: str) -> int:
    return sum(ch not in "aə" for ch in sounds)


def _en_key(en: str) -> str:
    return re.sub(r"^(?:al|el|Al|El)(?=[-’'A-Z])[-’']?", "", en)


@lru_cache(maxsize=65536)
def _sounds_alike(zh: str, en: str) -> bool:
    """Whether the transliteration `zh` renders `en`, or the start of it (a name cut by the
    segmentation, 萨尔基 for Sargsyan), by the similarity of aligner/terms/phonetic.py. Names
    of one consonant (Aba, Abia), which the similarity leaves out, must sound the same; an
    Arabic article is left out (al-Sabah)."""
    en = _en_key(en)
    es, zs = en_sounds(en), zh_sounds(zh)
    if len(en) < 2 or not zs:
        return False
    if _consonants(es) < 2:
        return len(zh) >= 2 and zs.replace("ə", "a") == es
    if _consonants(zs) < 1:
        return False
    _, by_en = prefix_distances(zs, es)
    weight = 0.0
    for j, ch in enumerate(es, 1):
        weight += indel_cost(ch)
        long_enough = j == len(es) or (len(zh) >= 3 and _consonants(es[:j]) >= 2)
        if long_enough and weight and 1.0 - by_en[j] / weight >= MIN_SOUND_MATCH:
            return True
    return False


@lru_cache(maxsize=65536)
def _sounds_inside(run: str, en: str) -> bool:
    """Whether a stretch of two or more characters of the transliteration run `run` renders
    `en` (one pass per start of the stretch)."""
    en = _en_key(en)
    es = en_sounds(en)
    if len(en) < 2:
        return False
    if _consonants(es) < 2:
        return any(_sounds_alike(run[i : i + k], en) for i in range(len(run)) for k in (2, 3))
    weight = sum(indel_cost(ch) for ch in es)
    for i in range(len(run) - 1):
        piece = run[i : i + 8]
        # sounds of each prefix of the piece, two characters at least
        ends = {len(zh_sounds(piece[:k])): k for k in range(2, len(piece) + 1)}
        by_zh, _ = prefix_distances(zh_sounds(piece), es)
        for length in ends:
            if (
                length < len(by_zh)
                and 1.0 - by_zh[length] / weight >= MIN_SOUND_MATCH
                and _consonants(zh_sounds(piece[: ends[length]])) >= 1
            ):
                return True
    return False


# ------------------------------------------------------------------ names


def zh_names(view: PairView, lexicon: Lexicon) -> list[Name]:
    """Chinese names: transliterations the dictionary lacks, words jieba's dictionary tags as
    names, and words the dictionary glosses as names (斯德哥尔摩, which jieba leaves untagged)."""
    zh = view.zh
    tags = _jieba_tags()
    out: list[Name] = []
    taken: list[tuple[int, int]] = []
    for m in _TRANSLIT_RUN.finditer(zh):
        start, end = _within_words(zh, m.start(), m.end())
        run = zh[start:end]
        if not _TRANSLIT_RUN.fullmatch(run):
            continue  # the run was cut out of words (利益攸关方, 东耶路撒冷, 缔约方尚未)
        if run.replace("·", "").strip() in lexicon.glosses or _dictionary_word_inside(run, lexicon):
            continue  # a known word (its glosses judge it below) or ordinary words
        out.append(Name("zh", start, end, run, "sound"))
        taken.append((start, end))
    words = _zh_words(zh)
    for i, (at, word) in enumerate(words):
        if not _HAN_NAME.fullmatch(word) or any(a < at + len(word) and at < b for a, b in taken):
            continue
        if word[0] in _ZH_NUMERALS:
            continue  # 四国 ("the four countries"), 五加一 ("five plus one")
        tag = tags.get(word)
        if tag == "nrt" and word in _state_names():
            tag = "ns"  # jieba tags some States as transliterated persons' names (伊拉克)
        glosses = lexicon.glosses.get(word, frozenset())
        named = [g for g in glosses if g not in lexicon.common]
        if glosses and len(named) >= MIN_PROPER_SHARE * len(glosses) and tag in _NAME_OR_UNTAGGED:
            evidence = "dictionary"
        elif tag not in ZH_NAME_TAGS:
            continue
        elif not glosses and len(word) >= 3 and all(c in _SOUND_CHARS for c in word):
            evidence = "sound"
        elif glosses:
            evidence = "word"
        else:
            evidence = "guess"  # jieba's tag on a word no dictionary knows (希族, 江原)
        start, end = at, at + len(word)
        if all(c in _SOUND_CHARS for c in word):
            # only a transliteration grows over the loose characters around it: 利益攸关 + 方,
            # 土族 + 塞(人) are words and the characters beside them
            start, end = _extend_transliteration(words, i)
        if evidence == "guess":
            start, end = at, at + len(word)
        elif (start, end) != (at, at + len(word)):
            evidence = "sound"  # a name cut by the segmentation: 绥德 + 鲁 (Zwedru)
        out.append(Name("zh", start, end, zh[start:end], evidence))
    return sorted(out, key=lambda n: n.start)


def _within_words(zh: str, start: int, end: int) -> tuple[int, int]:
    """The span shrunk to the words of the segmentation that lie inside it: a run of
    transliteration characters that starts or ends inside a dictionary word (攸关方 inside
    利益攸关方, 于阿富 over 阿富汗) is not a name of its own."""
    from aligner.qa.segmentation import word_bounds

    starts, ends = word_bounds(zh)
    first = min((s for s in starts if start <= s < end), default=end)
    last = max((e for e in ends if start < e <= end), default=start)
    return (first, last) if first < last else (start, start)


def _extend_transliteration(words: Sequence[tuple[int, str]], i: int) -> tuple[int, int]:
    """The span of word `i` grown over the single transliteration characters around it that
    the segmentation left alone (unknown to its dictionary)."""
    first = last = i
    while first > 0 and _loose_sound(words[first - 1][1]):
        first -= 1
    while last + 1 < len(words) and _loose_sound(words[last + 1][1]):
        last += 1
    if first == last == i:
        return words[i][0], words[i][0] + len(words[i][1])
    return words[first][0], words[last][0] + len(words[last][1])


def _loose_sound(word: str) -> bool:
    return len(word) == 1 and word in _SOUND_CHARS and word not in _ZH_FUNCTION_CHARS


_ZH_NUMERALS = frozenset("一二三四五六七八九十两百千万")
_NAME_OR_UNTAGGED = frozenset({None, "nr", "ns", "nt"})
"""jieba's tags a dictionary name may carry: 网络 ("Internet", tagged a common noun) and
五加 (a plant, tagged nz) are not names here."""
_ZH_FUNCTION_CHARS = frozenset("也于因约万可")
"""Transliteration characters that are, standing alone, function words."""


def _dictionary_word_inside(run: str, lexicon: Lexicon) -> bool:
    """Whether ordinary words make up the run (a transliteration is not in the dictionary,
    or is there as a name)."""
    core = run.replace("·", "").replace(" ", "")
    words = lexicon.words(core)
    return any(len(w) >= 2 and lexicon.glosses.get(w, frozenset()) & lexicon.common for w in words)


def en_names(view: PairView, ordinary: frozenset[str]) -> list[Name]:
    """English names: runs of capitalised words (see the module docstring); `ordinary` holds
    the stems of words known as ordinary words (see `ordinary_stems`)."""
    en = view.en
    out: list[Name] = []
    run: list[re.Match[str]] = []

    def close() -> None:
        if run and _generic_reference(en, run, ordinary):
            start, end = run[0].start(), run[-1].end()
            out.append(Name("en", start, end, en[start:end], "reference"))
        elif run:
            out.append(_en_name(en, run, ordinary))
        run.clear()

    last_end = 0
    for m in _EN_WORD.finditer(en):
        word = m.group(0)
        key = re.sub(r"['’]s?$", "", word.lower())
        if key in _EN_NOT_NAMES or key in EN_STOP_WORDS:
            close()
            continue
        if _SENTENCE_START.search(en[: m.start()]) and not _proper(key, ordinary):
            close()
            continue  # a capital that opens a sentence, on an ordinary word, says nothing
        gap = en[last_end : m.start()]
        if run and not _joins(gap):
            close()
        run.append(m)
        last_end = m.end()
    close()
    return out


_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|this|that|these|those|its|their|our|his|her|each|either|both)\s+$", re.IGNORECASE
)


def _generic_reference(en: str, run: Sequence[re.Match[str]], ordinary: frozenset[str]) -> bool:
    """One ordinary word after a determiner ("the Council", "the Territory", "this
    Convention") refers back to a name without naming it: the Chinese may repeat the name
    (安理会, 开曼群岛) or not."""
    return (
        len(run) == 1
        and not _proper(run[0].group(0).lower(), ordinary)
        and bool(_DETERMINER_BEFORE.search(en[max(0, run[0].start() - 12) : run[0].start()]))
    )


def _joins(gap: str) -> bool:
    words = gap.split()
    return all(w in _EN_CONNECTORS for w in words) and len(words) <= 2 and "," not in gap


def _proper(key: str, ordinary: frozenset[str]) -> bool:
    return en_stem(re.sub(r"['’]s?$", "", key).split("-")[0]) not in ordinary


def ordinary_stems(lexicon: Lexicon, views: Sequence[PairView] = ()) -> frozenset[str]:
    """Stems of ordinary English words: those CC-CEDICT writes in lower case, and those the
    batch writes in lower case somewhere ("advisory", British "labour", which the dictionary
    only has capitalised or spelt otherwise). A capitalised word outside them is a proper
    word."""
    seen: set[str] = set()
    for v in views:
        seen.update(re.findall(r"(?<![\w'’-])[a-z]{3,}(?![\w'’])", v.en))
    return lexicon.common | frozenset(en_stem(w) for w in seen)


def _en_name(en: str, run: Sequence[re.Match[str]], ordinary: frozenset[str]) -> Name:
    words = [m.group(0).lower() for m in run]
    proper = [w for w in words if _proper(w, ordinary)]
    if not proper:
        evidence = "word"
    elif any(_stem_known(w) and not _ADJECTIVE.search(w) for w in proper) and not _TITLED.search(
        en[: run[0].start()]
    ):
        evidence = "dictionary"
    else:
        evidence = "sound"
    start, end = run[0].start(), run[-1].end()
    return Name("en", start, end, en[start:end], evidence)


def _stem_known(word: str) -> bool:
    known = _proper_gloss_stems()
    s = en_stem(re.sub(r"['’]s?$", "", word).split("-")[0])
    return s in known or any(s[:k] in known for k in range(5, len(s)))


# ------------------------------------------------------------------ rendering


@dataclass
class _Sides:
    """What one pair offers for matching, computed once."""

    en_stems: frozenset[str]
    en_caps: tuple[str, ...]
    zh_bag: frozenset[str]
    zh_runs: tuple[str, ...]
    zh_content: frozenset[str]
    zh_latin: str
    """Latin-script words of the Chinese, case-folded, space-separated (words glued together,
    "SheikhJarrah", stay one)."""


def _sides(view: PairView, lexicon: Lexicon) -> _Sides:
    def compute() -> _Sides:
        en_tokens = [re.sub(r"['’]s?$", "", t) for t in _EN_TOKEN.findall(view.en)]
        stems = frozenset(en_stem(t.lower()) for t in en_tokens if t)
        caps = tuple(dict.fromkeys(t for t in en_tokens if t[0].isupper() or _en_key(t) != t))
        bag = view.memo("lexicon:bag:zh", lambda: lexicon.bag(view.zh))
        runs = tuple(dict.fromkeys(r for r in _TRANSLIT_CHARS.findall(view.zh) if len(r) > 1))
        content = frozenset(w for _, w in lexicon.zh_content_words_at(view.zh))
        latin = " ".join(re.findall(r"[A-Za-zÀ-ÖØ-öø-ÿ]+", view.zh)).casefold()
        return _Sides(stems, caps, bag, runs, content, latin)

    return view.memo("names:sides", compute)


def _glosses_in(glosses: frozenset[str], stems: frozenset[str]) -> bool:
    """Whether a gloss stem occurs among the English stems, also as the start of a longer word
    (a demonym or adjective: maya / Mayan, syria / Syrian)."""
    if any_gloss_near(glosses, stems):
        return True
    return any(len(g) >= 4 and any(s.startswith(g) for s in stems) for g in glosses)


_DESCRIPTOR_STEMS = frozenset(
    {
        "capit",
        "citi",
        "town",
        "port",
        "provinc",
        "counti",
        "district",
        "politician",
        "presid",
        "hero",
        "naval",
        "leader",
        "writer",
        "poet",
        "author",
        "famous",
    }
)
"""Stems of the words CC-CEDICT describes a place or a person with ("capital of", "city in",
"politician"), which render nothing of the name."""


def _spelt_alike(proper: frozenset[str], caps: Sequence[str]) -> bool:
    """A name the English spells another way than the dictionary (Hizbullah / Hezbollah,
    Dimashq / Damascus): the sounds of one start with those of the other, three consonants
    at least."""
    for g in proper:
        sound = en_sounds(g)
        if _consonants(sound) < 2:
            continue
        for c in caps:
            other = en_sounds(_en_key(c).lower())
            short, long = sorted((sound, other), key=len)
            if _consonants(short) >= 3 and long.startswith(short):
                return True
            if other.startswith(sound):
                return True
    return False


def _in_acronym(glosses: frozenset[str], view: PairView, lexicon: Lexicon) -> bool:
    """Whether an English acronym holds the initials of the name's glosses, two at least:
    乍得湖 ("Lake Chad") inside LCBC (the Lake Chad Basin Commission). One letter (the L of
    UNMIL for 利比里亚) is no evidence."""
    if len(glosses) < 2 or not glosses - lexicon.common:
        return False
    for acronym in _ACRONYM.findall(view.en):
        if all(g[0].upper() in acronym for g in glosses):
            return True
    return False


def zh_rendered(name: Name, view: PairView, lexicon: Lexicon, ctx: QAContext, assoc) -> bool:
    sides = _sides(view, lexicon)
    word = name.text.replace("·", "").replace(" ", "")
    glosses = lexicon.glosses.get(word)
    if glosses and name.evidence == "dictionary":
        # a name is rendered by a name, not by the words CC-CEDICT describes it with
        # (的黎波里 "Tripoli, capital of Libya, also a city in Lebanon": "cities" renders nothing)
        glosses = glosses - _DESCRIPTOR_STEMS or glosses
    if glosses and (_glosses_in(glosses, sides.en_stems) or _in_acronym(glosses, view, lexicon)):
        return True
    if glosses and _spelt_alike(glosses - lexicon.common, sides.en_caps):
        return True
    if word.endswith("元") and _CURRENCY.search(view.en):
        return True  # a currency (美元) the English writes as a sign or a code
    if glosses is None and len(word) > 2:
        # a compound the dictionary lacks (苏丹政府): rendered when each of its words is
        parts = [w for w in lexicon.words(word) if w in lexicon.glosses]
        if (
            parts
            and "".join(parts) == word
            and all(_glosses_in(lexicon.glosses[w], sides.en_stems) for w in parts)
        ):
            return True
    if _table_rendered(view, ctx, "zh", name):
        return True
    # learned associations link a rare name to whatever shares its pairs (鹿特丹 to "Basel"):
    # asked only for names the dictionary cannot judge
    if name.evidence != "dictionary" and assoc is not None and assoc.related(word, sides.en_stems):
        return True
    if sum(c in _SOUND_CHARS for c in word) * 3 >= len(word) * 2:
        pieces = [p for p in re.split(r"[·\s]+", name.text) if p] or [word]
        caps = sides.en_caps
        if glosses and name.evidence == "dictionary":
            # the dictionary spells the name: an English word sounding like the Chinese must
            # sound like that spelling too (Najib / 纳吉布 "Naguib", N'Djamena / 恩贾梅纳
            # "Djamena"), or any transliteration-like word would do (的黎波里 "Tripoli" is not
            # "Ladhiqiyah", 蒙罗维亚 "Monrovia" is not "Montserrado")
            proper = glosses - lexicon.common
            caps = tuple(c for c in caps if _spelt_like(proper, c))
        pairs = [*caps, *(a + b for a, b in itertools.pairwise(caps))]
        for piece in pieces:
            if any(_sounds_alike(piece, cap) for cap in pairs):
                return True
    return False


MIN_SPELLING_MATCH = 0.8
"""How alike (difflib ratio of their English sounds) the dictionary's spelling of a name and
an English word must be for the word to render it: Naguib / Najib 0.8, Djamena / N'Djamena
0.92; Monrovia / Montserrado 0.75, Tripoli / Aleppo 0.67."""


def _spelt_like(proper: frozenset[str], cap: str) -> bool:
    from difflib import SequenceMatcher

    sound = en_sounds(_en_key(cap).lower())
    return any(
        len(g) >= 3 and SequenceMatcher(None, en_sounds(g), sound).ratio() >= MIN_SPELLING_MATCH
        for g in proper
    )


def en_rendered(
    name: Name, view: PairView, lexicon: Lexicon, ctx: QAContext, assoc, ordinary: frozenset[str]
) -> bool:
    """A name is rendered when its proper words are (any of them: "Guinea-Bissau" by 几内亚比绍
    and "Lake Chad" by 乍得湖), or, for a name of ordinary words, any of its words is."""
    sides = _sides(view, lexicon)
    if _table_rendered(view, ctx, "en", name):
        return True
    tokens = [t for t in re.split(r"[\s-]+", name.text) if t]
    words = [t for t in tokens if t.lower() not in _EN_CONNECTORS]
    proper = [w for w in words if _proper(w.lower(), ordinary)]
    learned = None if name.evidence == "dictionary" else assoc
    return any(_en_word_rendered(word, view, sides, learned) for word in proper or words)


def _en_word_rendered(word: str, view: PairView, sides: _Sides, assoc) -> bool:
    bare = re.sub(r"['’]s?$", "", word)
    if len(bare) > 2 and bare.casefold() in sides.zh_latin:
        return True  # kept in Latin script
    s = en_stem(bare.lower())
    if near_stem(s, sides.zh_bag):
        return True
    if assoc is not None and assoc.zh_words_for(s) & sides.zh_content:
        return True
    if any(_sounds_inside(run, bare) for run in sides.zh_runs):
        return True
    return bare.lower() in _pinyin_syllables(view.zh)  # a Chinese name (Cong Jun / 丛军)


@lru_cache(maxsize=4096)
def _pinyin_syllables(zh: str) -> frozenset[str]:
    """One to three consecutive syllables of the Pinyin of each run of Han characters."""
    from aligner.terms.phonetic import pinyin_of

    out: set[str] = set()
    for run in re.findall(r"[\u4e00-\u9fff]+", zh):
        syllables = [pinyin_of(c) for c in run]
        for i in range(len(syllables)):
            for k in range(1, 4):
                if i + k <= len(syllables):
                    out.add("".join(syllables[i : i + k]))
    return frozenset(out)


def _table_rendered(view: PairView, ctx: QAContext, lang: str, name: Name) -> bool:
    """Whether an entity of the term check's tables inside the name is present on the other
    side (its forms, English adjectives, generic heads)."""
    from aligner.qa.term_check import abbreviated, hits, term_index

    index = term_index(ctx)
    rival = "en" if lang == "zh" else "zh"
    for h in hits(view, ctx, lang):
        if h.start < name.end and name.start < h.end:
            if index.present(h.key, view.folded(rival), rival, context=True):
                return True
            if rival == "zh" and abbreviated(index.entries[h.key], view.zh):
                return True  # 阿方 for "the Azerbaijani side"
    return False


def _in_tables(view: PairView, ctx: QAContext, name: Name) -> bool:
    from aligner.qa.term_check import hits

    return any(h.start <= name.start and name.end <= h.end for h in hits(view, ctx, name.lang))


def unrendered(
    view: PairView, ctx: QAContext, assoc=None, ordinary: frozenset[str] | None = None
) -> tuple[list[Name], list[Name]]:
    """(Chinese names, English names) without a counterpart on the other side."""
    lexicon = load_lexicon()
    if lexicon is None or not view.zh.strip() or not view.en.strip():
        return [], []
    if ordinary is None:
        ordinary = ordinary_stems(lexicon, [view])
    found_zh, found_en = names_of(view, lexicon, ordinary)
    zh = [n for n in found_zh if not zh_rendered(n, view, lexicon, ctx, assoc)]
    en = [n for n in found_en if not en_rendered(n, view, lexicon, ctx, assoc, ordinary)]
    zh = [_tabled(n, view, ctx) for n in zh]
    en = [_tabled(n, view, ctx) for n in en]
    return zh, en


def names_of(
    view: PairView, lexicon: Lexicon, ordinary: frozenset[str]
) -> tuple[list[Name], list[Name]]:
    """(Chinese names, English names) of a pair, found once (the batch index and the check
    both ask)."""
    return view.memo("entity:names", lambda: (zh_names(view, lexicon), en_names(view, ordinary)))


def name_key(name: Name) -> str:
    """The same name in another pair: Chinese without separators, English case-folded."""
    if name.lang == "zh":
        return "zh:" + re.sub(r"[·\s]", "", name.text)
    return "en:" + re.sub(r"\s+", " ", name.text).casefold()


def _tabled(name: Name, view: PairView, ctx: QAContext) -> Name:
    if _in_tables(view, ctx, name):
        return Name(name.lang, name.start, name.end, name.text, "table")
    return name


# ------------------------------------------------------------------ the check


STRENGTH = {"table": 2, "dictionary": 2, "sound": 1, "word": 1, "guess": 0, "reference": 0}
"""How much an unrendered name says about a swap: a name the tables or the dictionary know
has a rendering the check can look for (2); a transliteration matched by sound, or ordinary
words used as a name, may be rendered in a way the check misses (1); a word only jieba's
tagger calls a name (希族, 江原) says nothing (0)."""
SWAP_STRENGTH = 3
"""A swap is reported when the strongest unrendered names of the two sides add up to this:
read on the UNPC dev pairs, two weak names (a transliteration and ordinary words) were most
often two renderings the check could not match."""


def _strongest(names: Sequence[Name]) -> Name | None:
    ranked = [n for n in names if STRENGTH[n.evidence] > 0]
    return max(ranked, key=lambda n: STRENGTH[n.evidence]) if ranked else None


_ANAPHOR = {
    "en": re.compile(
        r"\b(?i:the|this|that|its|which|whose)\s+(?:[Tt]erritor(?:y|ies|ial)|country|island|"
        r"islands|city|town|region|province|State|Government|Organization|former|latter)\b"
    ),
    "zh": re.compile(r"该(?:领土|国|岛|市|地区|省|组织|国政府)|本(?:国|领土)|后者|前者"),
}
"""Words that refer back to a name without repeating it: a name the other side names only
by one of them ("the Territory" for 开曼群岛) is a hint, not a warning."""


def _term_check_warns(view: PairView, ctx: QAContext) -> bool:
    """Whether the term check already warns about a name of its tables on this pair."""
    from aligner.qa.term_check import entity_flags

    def compute() -> bool:
        flags = entity_flags(view, ctx, "country", {"country"}) + entity_flags(
            view, ctx, "term", {"term"}
        )
        return any(f.severity in ("error", "warning") for f in flags)

    return view.memo("entity:term-warns", compute)


def _flags(view: PairView, ctx: QAContext, zh: list[Name], en: list[Name]) -> Iterable[Flag]:
    from aligner.qa.state_swaps import nested_state_flags, state_swap_flags

    states = state_swap_flags(view, ctx, zh, en) or nested_state_flags(view, ctx)
    if states:
        yield from states
        return
    a, b = _strongest(zh), _strongest(en)
    if (
        a is not None
        and b is not None
        and STRENGTH[a.evidence] + STRENGTH[b.evidence] >= SWAP_STRENGTH
        and not (
            all(n.evidence == "table" for n in (*zh, *en) if STRENGTH[n.evidence] > 0)
            and _term_check_warns(view, ctx)
        )
    ):
        yield Flag(
            "entity",
            "warning",
            f"name swapped? '{b.text}' in the en and '{a.text}' in the zh have no counterpart "
            "on the other side",
            [Span("zh", a.start, a.end, a.text), Span("en", b.start, b.end, b.text)],
            NameCorrespondenceCheck.name,
            {
                "zh": [n.text for n in zh],
                "en": [n.text for n in en],
                "evidence": f"both sides ({a.evidence}, {b.evidence})",
            },
            SWAP_SCORE,
        )
        return
    for n in (*zh, *en):
        other = "en" if n.lang == "zh" else "zh"
        anaphor = bool(_ANAPHOR[other].search(view.text(other)))
        if n.evidence == "table" and _unjudged_place(n, view, ctx, zh if other == "zh" else en):
            if not anaphor:
                yield _alone_flag(n, other)
            continue
        if n.evidence in ("table", "guess", "reference"):
            continue  # the term check judges the names of its tables
        if n.evidence in BATCH_EVIDENCE and not anaphor:
            rendered, missing = rendered_elsewhere(n, view, ctx)
            if rendered >= MIN_RENDERED_ELSEWHERE and rendered > missing:
                yield Flag(
                    "entity",
                    "warning",
                    f"name '{n.text}' in the {n.lang} has no counterpart in the {other}, "
                    f"though {rendered} other pairs of the batch render it",
                    [Span(n.lang, n.start, n.end, n.text)],
                    NameCorrespondenceCheck.name,
                    {"evidence": n.evidence, "rendered_elsewhere": rendered},
                    BATCH_SCORE,
                )
                continue
        known = n.evidence == "dictionary" and not anaphor
        yield Flag(
            "entity",
            "info",
            f"name '{n.text}' in the {n.lang} has no counterpart in the {other}"
            + (" (dropped?)" if known else ""),
            [Span(n.lang, n.start, n.end, n.text)],
            NameCorrespondenceCheck.name,
            {"evidence": n.evidence},
            KNOWN_SCORE if known else HINT_SCORE,
        )


def _alone_flag(n: Name, other: str) -> Flag:
    return Flag(
        "entity",
        "warning",
        f"name '{n.text}' in the {n.lang} has no counterpart in the {other}, which has no "
        "unmatched name of its own (dropped?)",
        [Span(n.lang, n.start, n.end, n.text)],
        NameCorrespondenceCheck.name,
        {"evidence": n.evidence, "alone": True},
        ALONE_SCORE,
    )


def _unjudged_place(n: Name, view: PairView, ctx: QAContext, rival_names: list[Name]) -> bool:
    """A Chinese name of the tables that the dictionary knows (a city: 内罗毕) missing from the
    other side, inside a name the term check takes as rendered by its head ("the United
    Nations Office at"), about which neither the term nor the country check says anything,
    with no unmatched name on the other side: judged like a name the dictionary knows."""
    from aligner.qa.term_check import entity_flags

    if rival_names:
        return False
    lexicon = load_lexicon()
    if lexicon is None or not _dictionary_name(n.text, lexicon):
        return False
    if _table_type(n.text, ctx) not in ("place", "country"):
        return False  # a region (非洲 of 非洲原子能委员会 / "the Commission") is a hint
    flags = view.memo(
        "entity:table-flags",
        lambda: (
            entity_flags(view, ctx, "country", {"country"})
            + entity_flags(view, ctx, "term", {"term"})
        ),
    )
    return not any(
        s.lang == n.lang and s.start < n.end and n.start < s.end for f in flags for s in f.spans
    )


def _table_type(zh: str, ctx: QAContext) -> str | None:
    from aligner.qa.term_check import term_index

    types = ctx.scratch.get("entity:zh-table-types")
    if types is None:
        types = {}
        for entry in term_index(ctx).entries.values():
            for form in entry.zh:
                types.setdefault(form, entry.type)
        ctx.scratch["entity:zh-table-types"] = types
    return types.get(zh)


def _dictionary_name(text: str, lexicon: Lexicon) -> bool:
    """Whether CC-CEDICT knows the Chinese word mostly as a name (内罗毕 "Nairobi")."""
    glosses = lexicon.glosses.get(text, frozenset())
    named = [g for g in glosses if g not in lexicon.common]
    return bool(glosses) and len(named) >= MIN_PROPER_SHARE * len(glosses)


BATCH_EVIDENCE = frozenset({"sound", "dictionary"})
"""Names whose rendering the check can recognise when it is there: a transliteration, a name
the dictionary knows. Names of ordinary words ("States", 和平) are rendered too freely for
their absence in one pair to mean anything."""
MIN_RENDERED_ELSEWHERE = 1
MAX_LOOKUPS = 12
"""At most this many other pairs with the same name are looked at."""


def _batch_index(views: Sequence[PairView], lexicon: Lexicon, ordinary: frozenset[str]):
    """The pairs of the batch where each name of BATCH_EVIDENCE occurs, one per distinct
    text (a heading repeated word for word is one pair)."""
    index: dict[str, list[PairView]] = {}
    texts: dict[str, set[tuple[str, str]]] = {}
    for v in views:
        if not v.zh.strip() or not v.en.strip():
            continue
        zh, en = names_of(v, lexicon, ordinary)
        for key in {name_key(n) for n in (*zh, *en) if n.evidence in BATCH_EVIDENCE}:
            seen = texts.setdefault(key, set())
            if (v.zh, v.en) not in seen:
                seen.add((v.zh, v.en))
                index.setdefault(key, []).append(v)
    return index


def _unrendered_in(view: PairView, ctx: QAContext) -> tuple[list[Name], list[Name]]:
    assoc = ctx.scratch.get("entity:assoc")
    if assoc is not None and assoc.empty:
        assoc = None
    return view.memo(
        "entity:unrendered",
        lambda: unrendered(view, ctx, assoc, ctx.scratch.get("entity:ordinary")),
    )


def rendered_elsewhere(name: Name, view: PairView, ctx: QAContext) -> tuple[int, int]:
    """(pairs, pairs) of the batch other than this one where the same name is rendered, and
    where it has no counterpart either. A name the check finds rendered in other pairs has a
    rendering it can recognise: its absence here is not a gap of the dictionary or the sound
    tables, as it is for a name that is never matched (a transliteration spelt apart from
    the English)."""
    key = name_key(name)
    rendered = missing = 0
    for other in ctx.scratch.get("entity:by-name", {}).get(key, ())[:MAX_LOOKUPS]:
        if other is view or (other.zh == view.zh and other.en == view.en):
            continue
        zh, en = _unrendered_in(other, ctx)
        if any(name_key(n) == key for n in (zh if name.lang == "zh" else en)):
            missing += 1
        else:
            rendered += 1
    return rendered, missing


@register_check
class NameCorrespondenceCheck(Check):
    name = "entity"
    description = "proper names (places, people, bodies) without a counterpart on the other side"

    def prepare_batch(self, views: Sequence[PairView], ctx: QAContext) -> None:
        from aligner.qa.semantic import batch_associations

        ctx.scratch["entity:assoc"] = batch_associations(views, ctx)
        lexicon = load_lexicon()
        if lexicon is not None:
            ordinary = ordinary_stems(lexicon, views)
            ctx.scratch["entity:ordinary"] = ordinary
            ctx.scratch["entity:by-name"] = _batch_index(views, lexicon, ordinary)

    def check(self, view: PairView, ctx: QAContext) -> list[Flag]:
        zh, en = _unrendered_in(view, ctx)
        return list(_flags(view, ctx, zh, en))
