"""Terms written once, aligned inside their sentence pair by a dictionary (compositional).

Association needs a term to recur; most terms of a short record or of a document occur once
(东道国 / host country, 选举援助 / electoral assistance, 隔离区 / area of separation). Inside one
aligned pair such a term is a Chinese phrase whose every word translates a word of one English
phrase, and the other way round:

- links: a Chinese word and an English word are linked when one of the word's dictionary
  glosses (aligner/terms/dictionary.py; pieces and characters for a word the dictionary lacks)
  has the English word's stem; equal Latin words and numbers link too;
- Chinese phrases: runs of whole words (jieba) inside a clause, opening and ending on a content
  word, ending on a noun; English phrases: the smallest window of the same clause that holds a
  link of every content word of the Chinese phrase, with only noun-phrase glue inside (of, and,
  for, the ...);
- a phrase pair is kept when every Chinese content word is linked into the window and every
  English content word of the window (all but one in a long name) is linked back into the
  phrase. The longest such pair wins where two overlap.

Termhood comes next, because most of what aligns compositionally is a free collocation
(important role, financial resources): a pair is a candidate when its English is a name (title
case), a single specialised word (rare in general English: biodiversity, subsidiarity), or a
common-noun phrase that opens with no evaluative or generic modifier and ends on no light
head. The confidence says how much evidence there is: full coverage both ways, the Chinese
phrase being a word of its own (lexicalised: 计划生育), recurrence in other pairs, a name.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from aligner.countries import find_mentions
from aligner.terms.association import (
    _EN_LIGHT_HEADS,
    _EN_NOT_FIRST,
    _EN_NOT_TERM_START,
    segmenter,
    specialized_word,
)
from aligner.terms.bodies import BODY_HEADS, TITLE_HEADS
from aligner.terms.candidate import Candidate
from aligner.terms.dictionary import BilingualDictionary, dictionary, stem
from aligner.terms.pair_text import PairText

MAX_ZH_WORDS = 8
MAX_EN_WORDS = 12
MAX_SINGLE_ZIPF = 3.6
"""A one-word English term must be rarer than this in general English (wordfreq Zipf)."""

_EN_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d+")
_EN_BARRIER = re.compile(r"[,;:.()\"“”!?\[\]—–]|\s-\s")
_EN_GLUE = frozenset({"of", "and", "for", "the", "in", "on", "to", "with", "against", "between"})
_EN_FUNCTION = frozenset(
    """a an the of and or to in on at by for with from as that this these those which who whom
    whose is are was were be been being has have had do does did will would shall should can
    could may might must not no any all both each every some such our their its his her my your
    we they it he she i you them us me him there here than then also only very more most other
    another further into onto over under between among within without through about against
    upon after before during since until while if so but because however including per
    together""".split()  # noqa: SIM905
)
# Modifiers that describe rather than name: "existing efforts", "many opportunities".
_EN_GENERIC_START = _EN_NOT_TERM_START | frozenset(
    """existing many several various certain specific major main key new old current present
    previous following recent additional overall total whole entire general common particular
    high higher low lower good better best bad worse poor greater large small big little long
    short early late further same different similar such own appropriate adequate effective
    efficient successful relevant respective necessary possible potential actual real true
    critical essential crucial vital fundamental basic extreme excellent impressive limited
    increased increasing growing continued ongoing related concerned given certain initial
    final first second third last next this that these those its their our his her""".split()  # noqa: SIM905
)
_EN_GENERIC_HEADS = _EN_LIGHT_HEADS | frozenset(
    """role roles work activity activities effort measure measures action actions need needs
    way means thing things development information use support progress problem problems
    challenge challenges opportunity opportunities result results impact impacts importance
    number numbers part parts kind member members people persons person day days year years
    month months week weeks basis together representative representatives delegation
    delegations citizens nationals territory territories""".split()  # noqa: SIM905
)
# Heads that make "X of Y" a description of Y rather than a term (area of separation, rule of
# law and standard of living are terms).
_EN_GENERIC_OF_HEADS = frozenset(
    """member members representative representatives delegation delegations citizens
    nationals aspect aspects part parts number numbers kind type types importance role
    territory territories people population populations side sides most some all issue issues
    field fields format function functions incident incidents""".split()  # noqa: SIM905
)
_ZH_FUNCTION_FLAGS = ("p", "c", "u", "r", "d", "m", "q", "x", "y", "e", "o", "w", "f", "t")
_ZH_GLUE = frozenset({"的", "和", "与", "及", "或", "之", "、"})
_ZH_NOUN_END = frozenset("方者员区国团率性化权部署处司局组会队")
_ZH_BARRIER = re.compile(r"[，。；：！？,.;:!?()（）《》“”\"'‘’\[\]【】\s]")


@dataclass
class _Span:
    zh: str
    en: str
    en_coverage: float
    lexicalised: bool
    name: bool
    content_words: int
    fragment: bool = False
    runs_on: bool = False
    pairs: set[int] = field(default_factory=set)


def phrase_pair_candidates(
    pairs: list[PairText],
    *,
    known_zh: Iterable[str] = (),
    known_en: Iterable[str] = (),
    min_score: float = 0.0,
) -> list[Candidate]:
    """Term pairs aligned inside their pairs; `known_*`: terms found by stronger evidence (a
    phrase equal to one is not proposed again)."""
    lexicon = dictionary()
    if lexicon is None:
        return []
    known_zh = frozenset(k.strip("《》") for k in known_zh)
    known_en = {k.casefold() for k in known_en}
    found: dict[tuple[str, str], _Span] = {}
    lower = frozenset(w for p in pairs for w in re.findall(r"\b[a-z][a-z'-]+\b", p.en))
    for p in pairs:
        for span in _pair_spans(p, lexicon, known_zh, lower):
            if span.zh in known_zh or span.en.casefold() in known_en:
                continue
            key = (span.zh, span.en.casefold())
            kept = found.setdefault(key, span)
            kept.pairs.add(p.index)
    out = []
    for span in found.values():
        score = _score(span)
        if score >= min_score:
            kind = "other"
            out.append(Candidate(span.zh, span.en, kind, "phrase_pair", score, span.pairs))
    return out


def _score(span: _Span) -> float:
    if span.fragment:
        return 0.5
    score = 0.45 if span.runs_on else 0.55
    if span.name:
        score += 0.15
    if span.lexicalised:
        score += 0.1
    if len(span.pairs) >= 2:
        score += 0.1
    if span.en_coverage >= 1.0:
        score += 0.05
    if span.content_words >= 3:
        score += 0.05
    return round(min(score, 0.9), 4)


@dataclass
class _ZhWord:
    text: str
    flag: str
    start: int
    clause: int
    whole: str = ""
    """The segmenter's word this is a piece of (the dictionary lacked the whole word)."""

    @property
    def content(self) -> bool:
        return self.text not in _ZH_GLUE and not self.flag.startswith(_ZH_FUNCTION_FLAGS)


@dataclass
class _EnToken:
    text: str
    stem: str
    clause: int
    sentence_start: bool

    @property
    def content(self) -> bool:
        return self.text.lower() not in _EN_FUNCTION


def _zh_words(text: str) -> list[_ZhWord]:
    out: list[_ZhWord] = []
    clause = 0
    pos = 0
    for w in segmenter().cut(text):
        word, flag = w.word, w.flag
        if _ZH_BARRIER.search(word) or not word.strip():
            if not (word == " " or word.isspace()):
                clause += 1
            pos += len(word)
            continue
        out.append(_ZhWord(word, flag, pos, clause))
        pos += len(word)
    return out


def _en_tokens(text: str) -> list[_EnToken]:
    out: list[_EnToken] = []
    clause = 0
    last = 0
    for m in _EN_TOKEN.finditer(text):
        gap = text[last : m.start()]
        barrier = bool(_EN_BARRIER.search(gap))
        if barrier:
            clause += 1
        start = not out or bool(re.search(r"[.;:!?]\s*$|^\s*$", text[: m.start()]))
        out.append(_EnToken(m.group(0), stem(m.group(0).strip("'’")), clause, start))
        last = m.end()
    return out


def _linked(lexicon: BilingualDictionary, zh: str, en: _EnToken) -> bool:
    if not en.content:
        return False
    if zh.isascii():
        return zh.lower() == en.text.lower()
    return lexicon.covers(zh, en.stem)


def _pair_spans(
    p: PairText,
    lexicon: BilingualDictionary,
    known_zh: frozenset[str] = frozenset(),
    lower: frozenset[str] = frozenset(),
) -> list[_Span]:
    """`lower`: words the English texts write in lower case (so a capital is a sentence's)."""
    words = [
        _ZhWord(piece, w.flag, w.start, w.clause, whole=w.text)
        for w in _zh_words(p.zh)
        for piece in (lexicon.pieces(w.text) if w.content and not w.text.isascii() else [w.text])
    ]
    tokens = _en_tokens(p.en)
    if not words or not tokens:
        return []
    # Only content words link: test those, each (word, stem) once per call.
    content_tokens = [(j, t) for j, t in enumerate(tokens) if t.content]
    linked_cache: dict[tuple[str, str], bool] = {}

    def link(word: str, t: _EnToken) -> bool:
        key = (word, t.text if word.isascii() else t.stem)
        found = linked_cache.get(key)
        if found is None:
            found = linked_cache[key] = _linked(lexicon, word, t)
        return found

    links: list[list[int]] = [
        [j for j, t in content_tokens if link(w.text, t)] if w.content else [] for w in words
    ]
    linked_back: list[set[int]] = [set() for _ in tokens]
    for i, js in enumerate(links):
        for j in js:
            linked_back[j].add(i)
    spans: list[tuple[int, int, int, int, _Span]] = []
    for i in range(len(words)):
        if not _opens(words[i]):
            continue
        for k in range(i, min(len(words), i + MAX_ZH_WORDS)):
            if words[k].clause != words[i].clause:
                break
            if not _closes(words, k):
                continue
            if any(not words[x].content and words[x].text not in _ZH_GLUE for x in range(i, k)):
                break  # a phrase does not run across a function word (最近|在)
            content = [x for x in range(i, k + 1) if words[x].content]
            if not content or any(not links[x] for x in content):
                if any(not links[x] for x in content):
                    # A content word with no partner: longer phrases from i keep it.
                    break
                continue
            zh = "".join(w.text for w in words[i : k + 1])
            if len(zh) < 2:
                continue
            best: tuple[int, int, _Span] | None = None
            for window in _windows([links[x] for x in content], tokens):
                a, b = _extend(window, tokens, linked_back, set(range(i, k + 1)))
                if (
                    words[i].flag[:1] == "v"
                    and words[i].flag != "vn"
                    and not _nominal(tokens[a])
                    and not (tokens[a].text[:1].isupper() and not tokens[a].sentence_start)
                ):
                    continue  # a clause (强调了…的重要性 / stressed the importance of ...)
                span = _check(words, tokens, i, k, a, b, linked_back, lexicon, known_zh, lower)
                if span is not None and (
                    best is None
                    or (span.en_coverage, b - a) > (best[2].en_coverage, best[1] - best[0])
                ):
                    best = (a, b, span)
            if best is not None:
                spans.append((i, k, best[0], best[1], best[2]))
    return _longest(spans)


def _opens(w: _ZhWord) -> bool:
    return w.content and len(w.text) >= 1


def _closes(words: list[_ZhWord], k: int) -> bool:
    w = words[k]
    if not w.content:
        return False
    if k + 1 < len(words) and words[k + 1].clause == w.clause:
        # A phrase does not end inside a word that runs on as a noun suffix (执笔|方).
        nxt = words[k + 1]
        if len(nxt.text) == 1 and nxt.text in _ZH_NOUN_END and nxt.flag[:1] in "nvk":
            return False
    return w.flag[:1] in "nj" or w.flag in ("vn", "l", "an", "nz") or w.text[-1] in _ZH_NOUN_END


def _windows(choices: list[list[int]], tokens: list[_EnToken]) -> list[tuple[int, int]]:
    """For each start, the smallest window of one English clause that holds a link of every
    content word (a word may link in several places: 东道国 links States as well as host)."""
    out: list[tuple[int, int]] = []
    for start in sorted({j for js in choices for j in js}):
        clause = tokens[start].clause
        end = start
        for js in choices:
            inside = [j for j in js if j >= start and tokens[j].clause == clause]
            if not inside:
                end = -1
                break
            end = max(end, min(inside))
        if end < 0 or end - start + 1 > MAX_EN_WORDS:
            continue
        if any(start in js for js in choices):
            out.append((start, end))
    return out


def _extend(
    window: tuple[int, int], tokens: list[_EnToken], linked_back: list[set[int]], zh: set[int]
) -> tuple[int, int]:
    """The window grown over neighbouring words that the same Chinese words translate (联合国
    links United and Nations; "Republic of Armenia" takes its "of Armenia")."""
    a, b = window
    clause = tokens[a].clause

    def ours(j: int) -> bool:
        return 0 <= j < len(tokens) and tokens[j].clause == clause and bool(linked_back[j] & zh)

    while True:
        if ours(b + 1):
            b += 1
        elif tokens[b + 1 : b + 2] and tokens[b + 1].text.lower() == "of" and ours(b + 2):
            b += 2
        elif ours(a - 1):
            a -= 1
        elif a >= 2 and tokens[a - 1].text.lower() == "of" and ours(a - 2):
            a -= 2
        else:
            return a, b


_NOMINAL_ENDINGS = ("tion", "sion", "ment", "ance", "ence", "ing", "ity", "ure", "al", "sis")


def _nominal(token: _EnToken) -> bool:
    """An English word that can head a noun phrase where Chinese writes a verb (保护平民 /
    protection of civilians)."""
    word = token.text.lower()
    if word.endswith(("ance", "ence")) and len(word) < 8:
        return False  # enhance, balance: verbs as often as nouns
    return word.endswith(_NOMINAL_ENDINGS) and not word.endswith("ed")


def _check(
    words: list[_ZhWord],
    tokens: list[_EnToken],
    i: int,
    k: int,
    a: int,
    b: int,
    linked_back: list[set[int]],
    lexicon: BilingualDictionary,
    known_zh: frozenset[str],
    lower: frozenset[str],
) -> _Span | None:
    window = tokens[a : b + 1]
    if any(not t.content and t.text.lower() not in _EN_GLUE for t in window):
        return None
    content = [j for j in range(a, b + 1) if tokens[j].content]
    covered = [j for j in content if linked_back[j] & set(range(i, k + 1))]
    coverage = len(covered) / len(content)
    if coverage < 1.0:
        return None
    window_stems = {tokens[j].stem for j in content}
    for x in range(i, k + 1):
        if not words[x].content or words[x].text.isascii():
            continue
        linked = {tokens[j].stem for j in content if x in linked_back[j]}
        if not lexicon.rendered(words[x].text, linked, window_stems):
            return None
    en_words = [t.text for t in window]
    name = len(content) >= 2 and all(
        tokens[j].text[:1].isupper() or tokens[j].text.isdigit() for j in content
    )
    if name and tokens[a].sentence_start and en_words[0].lower() in lower:
        # "Members of the Council" opening a sentence: the capital is the sentence's.
        name = False
        en_words[0] = en_words[0].lower()
    elif (
        not name
        and tokens[a].sentence_start
        and all(not tokens[j].text[:1].isupper() for j in content[1:])
        and not find_mentions(en_words[0], "en")
    ):
        en_words[0] = en_words[0][:1].lower() + en_words[0][1:]  # "Heavy artillery" opening
    en = " ".join(en_words)
    if not _term_like(en_words, content, tokens, name):
        return None
    zh = "".join(w.text for w in words[i : k + 1])
    if words[i].whole and not words[i].whole.startswith(words[i].text):
        return None  # begins inside a word
    if words[k].whole and not words[k].whole.endswith(words[k].text):
        return None  # ends inside a word
    if "的" in zh and not name:
        return None  # 以色列的犯罪行为: a description, not a term
    if re.search("[和与及]", zh) and " and " not in f" {en} ":
        return None  # 统一和领土完整 is not "territorial integrity" alone
    if not name and words[i].flag[:1] == "v" and words[i].flag != "vn" and i != k:
        opening = [w.lower() for w in en_words[:2]]
        if opening[0].endswith("ing") or opening[-1] in ("of", "with", "to", "for"):
            return None  # 处理家庭暴力 / handling domestic violence: an action, not a term
    if name and " and " in en and _lists_names(zh, known_zh):
        return None  # 伊拉克和科威特: two names, not one
    if name and " and the " in en:
        return None  # Prime Minister of X and the President of Y: two titles, not one
    if not name and _of_a_state(zh, en_words[0]) and en_words[-1].lower() not in _STATE_BODIES:
        return None  # 某国士兵 / Armenian soldiers: a State's soldiers, a description
    if _office_of_a_state(zh, en) and en_words[-1].lower() not in _STATE_BODIES:
        return None  # 某国外交部长 / Minister for Foreign Affairs of X: an office held by a State
    # A title before a person's name (Prime Minister Al-Sudani) is whole all the same.
    fragment = name and _inside_longer_name(tokens, a, b, title=en_words[-1] in _TITLES)
    # A name whose English is whole may be followed by a noun it modifies (采购司|招标).
    runs_on = not name and (_runs_on(words, k) or _en_runs_on(tokens, b))
    # A word of its own: in the dictionary, or one word of the segmenter's (东道国, 隔离区).
    one_word = (bool(words[i].whole) and words[i].whole == zh) or (i == k and len(zh) >= 3)
    lexicalised = len(zh) >= 2 and (zh in lexicon or one_word) and not fragment
    return _Span(
        zh, en, coverage, lexicalised, name and not fragment, len(content), fragment, runs_on
    )


def _runs_on(words: list[_ZhWord], k: int) -> bool:
    """The Chinese noun phrase goes on after the span (联合国国家|工作队)."""
    return (
        k + 1 < len(words)
        and words[k + 1].clause == words[k].clause
        and words[k + 1].flag[:1] == "n"
        and words[k + 1].text not in _ZH_GLUE
        and words[k + 1].text not in _ZH_LOCALIZERS
    )


_ZH_LOCALIZERS = frozenset("内外中上下里间前后旁")


def _en_runs_on(tokens: list[_EnToken], b: int) -> bool:
    """A lower-case English phrase followed by a noun-like word of the same clause (United
    Nations country | team)."""
    if b + 1 >= len(tokens) or tokens[b + 1].clause != tokens[b].clause:
        return False
    nxt = tokens[b + 1].text
    return nxt.lower() not in _EN_FUNCTION and not nxt.lower().endswith(("ed", "s", "ly"))


_STATE_BODIES = frozenset({"forces", "army", "police", "navy", "guard", "government"})
"""A State's forces are a body, a party with a name of its own (Sudanese armed forces)."""


def _of_a_state(zh: str, en_first: str) -> bool:
    """The Chinese opens with a State's name and goes on, and the English opens with an
    adjective of it (a capitalised word that is not the name itself)."""
    mentions = find_mentions(zh, "zh")
    return (
        bool(mentions)
        and mentions[0].start == 0
        and mentions[0].end < len(zh)
        and en_first[:1].isupper()
        and not find_mentions(en_first, "en")
    )


def _office_of_a_state(zh: str, en: str) -> bool:
    """The Chinese opens with a State's name and goes on, and the English names the same State
    after "of" (Prime Minister of Armenia, Permanent Representative of X to the United Nations): the
    office or body of one State, a description; its term is the office without the State."""
    zh_mentions = find_mentions(zh, "zh")
    if not zh_mentions or zh_mentions[0].start != 0 or zh_mentions[0].end >= len(zh):
        return False
    code = zh_mentions[0].country.code
    return any(
        m.country.code == code and re.search(r"\bof (?:the )?$", en[: m.start])
        for m in find_mentions(en, "en")
    )


def _lists_names(zh: str, known_zh: frozenset[str]) -> bool:
    for part in re.split(r"[和与及、]", zh):
        mentions = find_mentions(part, "zh")
        if part in known_zh or (mentions and mentions[0].end - mentions[0].start == len(part)):
            return True
    return False


_TITLES = frozenset(TITLE_HEADS) | frozenset(
    {"President", "General", "Minister", "Ambassador", "Secretary-General", "Judge", "Colonel"}
)


_EN_SEPARATING = frozenset({"in", "to", "with", "on", "against", "between", "at", "by", "from"})
"""Prepositions that put two names side by side ("the Americas in the Department of ..."):
a capital beyond one of them does not make a longer name."""
_TITLE_WORDS = frozenset(TITLE_HEADS) | frozenset(
    {"President", "Presidents", "Co-Chair", "Co-Chairs", "Chair", "Chairs", "Head", "Heads",
     "Members", "Member"}
)  # fmt: skip
"""Holders of an office or seat of a body: "the President of the European Council" names the
body whole; "Application of the International Convention" does not."""


def _inside_longer_name(tokens: list[_EnToken], a: int, b: int, *, title: bool = False) -> bool:
    """True when the name runs on into a longer one ("World Drug" in "World Drug Problem",
    "Assistance Mission" in "United Nations Assistance Mission"): a piece of a longer name,
    which is a candidate of its own. Not a piece: a name qualified by a State after it (the
    Ministry of Health of <State>: the office, whose State is a description), a name after
    the title of its holder (the President of the European Council), a name beside another
    across a separating preposition (the Americas in the Department of ...), a name after a
    State's adjective (the <State adjective> Prime Minister)."""
    clause = tokens[a].clause

    def capital(j: int) -> bool:
        return (
            0 <= j < len(tokens)
            and tokens[j].clause == clause
            and tokens[j].text[:1].isupper()
            and not tokens[j].sentence_start
        )

    def glue(j: int) -> bool:
        return 0 <= j < len(tokens) and tokens[j].text.lower() in _EN_GLUE

    def state_at(j: int) -> bool:
        """A State's name (or adjective) starts at token j."""
        if tokens[j].text in _state_adjectives():
            return True
        rest = " ".join(t.text for t in tokens[j : j + 5])
        found = find_mentions(rest, "en")
        return bool(found) and found[0].start == 0

    # After: a capital run on directly (not a title's holder), or across "of"/"for"/"and"
    # unless it is a State qualifying the name.
    if capital(b + 1) and not title:
        return True
    # Separating prepositions separate only around the name of a body or an office (inside a
    # long title "in the Field of ..." runs on).
    body = any(t.text in BODY_HEADS or t.text in TITLE_HEADS for t in tokens[a : b + 1])
    separating = _EN_SEPARATING if body else frozenset()
    if (
        glue(b + 1)
        and capital(b + 2)
        and tokens[b + 1].text.lower() not in separating
        and not (tokens[b + 1].text.lower() == "of" and state_at(b + 2))
    ):
        return True
    # Before: a capital directly before (not a State's adjective), or across glue unless the
    # glue separates or the capital is the title of the name's holder.
    if capital(a - 1):
        return not state_at(a - 1)
    before = a - 1
    while glue(before) and before > a - 3:
        before -= 1
    if before < a - 1 and capital(before):
        between = {t.text.lower() for t in tokens[before + 1 : a]}
        if between & separating:
            return False
        return tokens[before].text not in _TITLE_WORDS
    return False


@cache
def _state_adjectives() -> frozenset[str]:
    """English adjectives of States (Iraqi, Sudanese), from the bundled table of demonyms (a
    general resource, aligner/qa/data/demonyms.tsv)."""
    text = resources.files("aligner.qa").joinpath("data/demonyms.tsv").read_text("utf-8")
    rows = csv.DictReader(text.splitlines(), delimiter="\t")
    return frozenset(
        a.strip() for row in rows for a in (row.get("en_adjectives") or "").split("|") if a.strip()
    )


def _term_like(en_words: list[str], content: list[int], tokens: list[_EnToken], name: bool) -> bool:
    lower = [w.lower() for w in en_words]
    if lower[0] in _EN_GLUE or lower[-1] in _EN_GLUE:
        return False
    if any(w.isdigit() for w in en_words) and not name:
        return False
    if name:
        return True
    if lower[0] in _EN_NOT_FIRST or lower[0] in _EN_COUNTS or lower[0].endswith("ly"):
        return False  # two countries, both sides: a count, not a term
    if len(lower) >= 2 and lower[-1] in _EN_PARTICLES:
        return False  # report back: a phrasal verb
    if len(lower) >= 2 and _verb_only(lower[0]):
        return False  # commit crimes: an action
    if len(content) == 1:
        word = lower[0]
        return (
            len(word) >= 5
            and word.isalpha()
            and not word.endswith(("s", "ed", "ing", "ly"))  # an inflected verb: paves
            and not word.endswith(_ADJECTIVE_ENDINGS)  # arbitral: a piece of a term
            and specialized_word(word)
            and _rare(word)
        )
    if "and" in lower:
        return False  # two terms coordinated (disarmament and non-proliferation)
    if lower[-1] in _EN_GENERIC_START:
        return False  # measures necessary: the phrase ends on an adjective
    if lower[0] in _EN_GENERIC_START or lower[-1] in _EN_GENERIC_HEADS:
        return False
    if "of" in lower[1:] and lower[lower.index("of") - 1] in _EN_GENERIC_OF_HEADS:
        return False  # representative of the United Arab Emirates: a description
    return not any(w.endswith("ing") and i == len(lower) - 1 and w in _VERB_ING for i, w in
                   enumerate(lower))  # fmt: skip


_EN_COUNTS = frozenset(
    {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "both", "several",
     "many", "few"}
)  # fmt: skip
_EN_PARTICLES = frozenset({"back", "up", "out", "down", "off", "away", "over"})


def _verb_only(word: str) -> bool:
    """A word CC-CEDICT uses only as a verb ("to commit ..."), never to open a noun gloss."""
    lexicon = dictionary()
    return lexicon is not None and word in lexicon.verbs_only


_ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ous", "ary", "ful", "ible", "able")
_VERB_ING = frozenset({"being", "doing", "making", "taking", "having", "going"})


def _rare(word: str) -> bool:
    """Rare in general English, but a word of it (gendersensitive, two words the text glued,
    is none)."""
    from wordfreq import zipf_frequency

    return 0 < zipf_frequency(word, "en") < MAX_SINGLE_ZIPF


def _longest(spans: list[tuple[int, int, int, int, _Span]]) -> list[_Span]:
    """Where two phrase pairs overlap on both sides, the one with more words; nested pairs
    whose two sides nest are kept too (南苏丹 inside 联合国南苏丹特派团)."""
    spans.sort(key=lambda s: (-(s[1] - s[0] + s[3] - s[2]), s[0]))
    kept: list[tuple[int, int, int, int, _Span]] = []
    for i, k, a, b, span in spans:
        clash = False
        for i2, k2, a2, b2, _ in kept:
            zh_overlap = i <= k2 and i2 <= k
            en_overlap = a <= b2 and a2 <= b
            nested = i2 <= i and k <= k2 and a2 <= a and b <= b2
            if (zh_overlap or en_overlap) and not nested:
                clash = True
                break
        if not clash:
            kept.append((i, k, a, b, span))
    return [s for *_, s in kept]
