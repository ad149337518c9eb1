"""UN phraseology: the fixed vocabulary of the records and the numbered references.

Two kinds of evidence:
- a vocabulary of UN terms (aligner/terms/data/un_phraseology.tsv): bodies, titles, procedure,
  law, instruments. An entry is a candidate only where its Chinese and English forms (or listed
  variants) occur in the same aligned pair; longer terms are matched first and mask the shorter
  ones they contain (助理秘书长 is not also 秘书长);
- a coordination in the vocabulary (划界和标界) also attests each of its conjuncts (标界), which
  the masking would otherwise hide when they never occur alone;
- numbered references that must agree across the pair: 暂行议事规则第37条 <-> rule 37 of the
  provisional rules of procedure, 《宪章》第五十一条 <-> Article 51 of the Charter, resolution
  numbers, and document symbols (S/2022/688), which are written identically in both languages.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from importlib import resources

from aligner.terms.candidate import Candidate
from aligner.terms.pair_text import PairText


@dataclass(frozen=True)
class LexiconEntry:
    zh: str
    en: str
    type: str
    zh_forms: tuple[str, ...]
    en_forms: tuple[str, ...]


_USE_VOCABULARY: ContextVar[bool] = ContextVar("use_un_vocabulary", default=True)


@contextmanager
def vocabulary_disabled(disabled: bool = True) -> Iterator[None]:
    """Within the block the UN vocabulary is empty (`lexicon()` returns nothing): the ablation
    that shows what extraction finds by itself."""
    token = _USE_VOCABULARY.set(not disabled)
    try:
        yield
    finally:
        _USE_VOCABULARY.reset(token)


def vocabulary_enabled() -> bool:
    return _USE_VOCABULARY.get()


_LEFT_OUT: ContextVar[frozenset[str]] = ContextVar("un_vocabulary_left_out", default=frozenset())


@contextmanager
def vocabulary_without(zh_terms: frozenset[str]) -> Iterator[None]:
    """Within the block the vocabulary lacks the entries whose Chinese term is in `zh_terms`:
    the leave-one-out evaluation drops the entries that nothing outside the scored text
    attests (bench/glossary_eval.py --loo)."""
    token = _LEFT_OUT.set(frozenset(zh_terms))
    try:
        yield
    finally:
        _LEFT_OUT.reset(token)


def vocabulary_state() -> tuple[bool, frozenset[str]]:
    """What the vocabulary holds now: a key for everything built from it."""
    return _USE_VOCABULARY.get(), _LEFT_OUT.get()


def lexicon() -> tuple[LexiconEntry, ...]:
    """The UN vocabulary (empty inside `vocabulary_disabled()`)."""
    if not _USE_VOCABULARY.get():
        return ()
    left_out = _LEFT_OUT.get()
    entries = _load_lexicon()
    return tuple(e for e in entries if e.zh not in left_out) if left_out else entries


@cache
def _load_lexicon() -> tuple[LexiconEntry, ...]:
    text = resources.files("aligner.terms").joinpath("data/un_phraseology.tsv").read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    out = []
    for row in csv.DictReader(lines, delimiter="\t"):
        zh_forms = (row["zh"], *[v for v in (row["zh_variants"] or "").split("|") if v])
        en_forms = (row["en"], *[v for v in (row["en_variants"] or "").split("|") if v])
        out.append(LexiconEntry(row["zh"], row["en"], row["type"], zh_forms, en_forms))
    return tuple(out)


def _zh_forms() -> tuple[tuple[str, int], ...]:
    return _zh_forms_of(vocabulary_state())


@cache
def _zh_forms_of(state: tuple[bool, frozenset[str]]) -> tuple[tuple[str, int], ...]:
    forms = {(f.strip("《》"), i) for i, e in enumerate(lexicon()) for f in e.zh_forms}
    return tuple(sorted(forms, key=lambda f: (-len(f[0]), f)))


@cache
def en_form_pattern(form: str) -> re.Pattern[str]:
    """How an English vocabulary form is found in text: on word boundaries, any case and a
    plural for a lower-case term, the exact spelling for an acronym, a gap for " … "."""
    if " … " in form:
        # A phrase with a gap ("put … to the vote"): up to four words in between.
        parts = [re.escape(part) for part in form.split(" … ")]
        gap = r"(?:\s+[^\s.;:]+){0,4}\s+"
        return re.compile(rf"(?<![\w-]){gap.join(parts)}(?![\w-])", re.IGNORECASE)
    if form.isupper():
        return re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w-])")
    return re.compile(rf"(?<![\w-]){re.escape(form)}(?:s|es)?(?![\w-])", re.IGNORECASE)


def _en_forms() -> tuple[tuple[str, int], ...]:
    return _en_forms_of(vocabulary_state())


@cache
def _en_forms_of(state: tuple[bool, frozenset[str]]) -> tuple[tuple[str, int], ...]:
    forms = {(f, i) for i, e in enumerate(lexicon()) for f in e.en_forms}
    return tuple(sorted(forms, key=lambda f: (-len(f[0]), f)))


def zh_lexicon_hits(text: str) -> dict[int, list[str]]:
    """Lexicon entries (by index) found in Chinese text, with the forms seen."""
    hits: dict[int, list[str]] = {}
    masked = text
    for form, i in _zh_forms():
        if form in masked:
            hits.setdefault(i, []).append(form)
            masked = masked.replace(form, "|" * len(form))
    return hits


def en_lexicon_hits(text: str) -> dict[int, list[str]]:
    hits: dict[int, list[str]] = {}
    masked = text
    for form, i in _en_forms():
        pattern = en_form_pattern(form)
        if pattern.search(masked):
            hits.setdefault(i, []).append(form)
            if " … " not in form:  # the words in a gap belong to other terms
                masked = pattern.sub(lambda m: "|" * len(m.group(0)), masked)
    return hits


def _conjuncts() -> dict[int, tuple[int, ...]]:
    return _conjuncts_of(vocabulary_state())


def _from_neighbours(
    index: int,
    zh_hits: dict[int, list[str]],
    en_hits: dict[int, list[str]],
    neighbours: Mapping[int, tuple[str, str]],
) -> None:
    missing_en = zh_hits.keys() - en_hits.keys()
    missing_zh = en_hits.keys() - zh_hits.keys()
    for k in (index - 1, index + 1):
        if k not in neighbours or not (missing_en or missing_zh):
            continue
        zh, en = neighbours[k]
        if missing_en and en:
            for i, forms in en_lexicon_hits(en).items():
                if i in missing_en:
                    en_hits[i] = forms
                    missing_en.discard(i)
        if missing_zh and zh:
            for i, forms in zh_lexicon_hits(zh).items():
                if i in missing_zh:
                    zh_hits[i] = forms
                    missing_zh.discard(i)


@cache
def _conjuncts_of(state: tuple[bool, frozenset[str]]) -> dict[int, tuple[int, ...]]:
    """Vocabulary entries that coordinate two others (划界和标界 <-> delimitation and
    demarcation): an occurrence of the coordination is an occurrence of each conjunct, which
    the longest-match masking would otherwise hide."""
    by_zh = {f.strip("《》"): i for i, e in enumerate(lexicon()) for f in e.zh_forms}
    by_en = {f.lower(): i for i, e in enumerate(lexicon()) for f in e.en_forms}
    out: dict[int, tuple[int, ...]] = {}
    for i, e in enumerate(lexicon()):
        zh_parts = re.split(r"[和与及]", e.zh.strip("《》"))
        en_parts = re.split(r" and ", e.en)
        if len(zh_parts) != 2 or len(en_parts) != 2:
            continue
        zh_ids = [by_zh.get(z) for z in zh_parts]
        en_ids = {by_en.get(x.lower()) for x in en_parts}
        if None not in zh_ids and set(zh_ids) == en_ids:
            out[i] = tuple(z for z in zh_ids if z is not None)
    return out


def lexicon_candidates(
    pairs: list[PairText], neighbours: Mapping[int, tuple[str, str]] | None = None
) -> list[Candidate]:
    """Vocabulary entries seen on both sides of an aligned pair. `neighbours`: the matching
    form of every pair of the record by index, one-sided ones included; a vocabulary term
    whose other side is missing from its pair is looked for in the pairs just before and
    after (the aligner may cut a turn's first or last sentence off: 进行了举手表决 in one pair,
    "A vote was taken by show of hands" in the next). Only the curated vocabulary is trusted
    that far: its pairs are known translations."""
    found: dict[int, Candidate] = {}
    seen_zh: dict[int, Counter[str]] = {}
    entries = lexicon()
    for p in pairs:
        zh_hits = zh_lexicon_hits(p.zh)
        if not zh_hits:
            continue
        en_hits = en_lexicon_hits(p.en)
        if neighbours:
            _from_neighbours(p.index, zh_hits, en_hits, neighbours)
        for i in zh_hits.keys() & en_hits.keys():
            for part in _conjuncts().get(i, ()):
                zh_hits.setdefault(part, [entries[part].zh])
                en_hits.setdefault(part, [entries[part].en])
        for i in zh_hits.keys() & en_hits.keys():
            e = entries[i]
            c = found.setdefault(i, Candidate(e.zh, e.en, e.type, "phraseology", 0.9))
            c.pair_indices.add(p.index)
            c.zh_variants += [f for f in zh_hits[i] if f != e.zh.strip("《》")]
            c.en_variants += [f for f in en_hits[i] if f != e.en]
            seen_zh.setdefault(i, Counter()).update(zh_hits[i])
    for i, c in found.items():
        c.zh_variants = list(dict.fromkeys(c.zh_variants))
        c.en_variants = list(dict.fromkeys(c.en_variants))
        # The entry is written as the record writes it: a vocabulary form the record never
        # uses (《日内瓦公约》 where it writes 日内瓦四公约) stays only as a variant.
        if c.zh.strip("《》") not in seen_zh[i]:
            written = seen_zh[i].most_common(1)[0][0]
            c.zh_variants = [v for v in (c.zh, *c.zh_variants) if v != written]
            c.zh = written
    return list(found.values())


_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}  # fmt: skip
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def chinese_number(text: str) -> int | None:
    """第五十一条 -> 51: Chinese numerals (or digits) up to 9999."""
    if text.isdigit():
        return int(text)
    total, digit = 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


_NUM = r"([0-9]+|[零一二两三四五六七八九十百千]+)"
_ZH_RULE = re.compile(rf"暂行议事规则第{_NUM}条")
_EN_RULE = re.compile(
    r"rule ([0-9]+) of (?:the )?(?:(?:Security )?Council's )?provisional rules of procedure",
    re.IGNORECASE,
)
_ZH_ARTICLE = re.compile(rf"(?:《联合国宪章》|《宪章》)第{_NUM}条")
_EN_ARTICLE = re.compile(r"Article ([0-9]+) of the (?:Charter of the United Nations|Charter)")
# Spaces around the brackets are tolerated: the UN Parallel Corpus and PDF extraction leave
# them ("第1540 ( 2004 )号决议").
_ZH_RESOLUTION = re.compile(r"第 ?([0-9]{2,4}) ?\( ?(\d{4}) ?\) ?号决议")
_EN_RESOLUTION = re.compile(r"resolutions? ([0-9]{2,4}) ?\( ?(\d{4}) ?\)", re.IGNORECASE)
# Sanctions and other committees of the Security Council are named after the resolution that
# set them up, with their subject: 安全理事会关于利比里亚的第1521(2003)号决议所设委员会 / Security
# Council Committee established pursuant to resolution 1521 (2003) concerning Liberia.
_ZH_COMMITTEE = re.compile(
    r"安全理事会(?:关于(?P<topic>[^，。；的]{1,20})的)?"
    r"第 ?([0-9]{2,4}) ?\( ?(\d{4}) ?\) ?号决议所设委员会"
)
_EN_COMMITTEE = re.compile(
    r"Security Council Committee established pursuant to resolution "
    r"([0-9]{2,4}) ?\( ?(\d{4}) ?\)"
    r"(?:,? (?:concerning|on) "
    r"(?P<topic>(?:the )?[A-Z][\w'’\-]*(?: (?:of |and |the )*[A-Z][\w'’\-]*)*))?"
)
_SYMBOL = re.compile(
    r"(?<![A-Za-z0-9/])(?:(?:S|A|E|S/RES|A/RES|A/HRC)/[A-Z0-9.]+(?:/[A-Za-z0-9.\-]+)+"
    r"|S/PV\.\d+(?![\d/]))"
)
"""Document symbols; a Security Council record has one slash only (S/PV.9721)."""


_GROUP_CODE = re.compile(r"(?<![\w/.])[A-Z]\d{1,2}\+?(?![\w/])|(?<![\w/.])G-?\d{1,2}(?![\w/])")
"""Names of groups of States written with a number, the same in both languages: A3+, G77, P5."""


def pattern_candidates(pairs: list[PairText]) -> list[Candidate]:
    found: dict[tuple[str, str], Candidate] = {}

    def add(zh: str, en: str, kind: str, index: int, zh_seen: str = "", en_seen: str = "") -> None:
        c = found.setdefault((zh, en), Candidate(zh, en, kind, "phraseology", 0.95))
        c.pair_indices.add(index)
        # The forms as written (rule 37 of the Council's ...) count as occurrences.
        if zh_seen and zh_seen != zh and zh_seen not in c.zh_variants:
            c.zh_variants.append(zh_seen)
        if en_seen and en_seen != en and en_seen not in c.en_variants:
            c.en_variants.append(en_seen)

    for p in pairs:
        en_rules = {int(m.group(1)): m.group(0) for m in _EN_RULE.finditer(p.en)}
        for m in _ZH_RULE.finditer(p.zh):
            n = chinese_number(m.group(1))
            if n in en_rules:
                en = f"rule {n} of the provisional rules of procedure"
                add(f"暂行议事规则第{n}条", en, "phraseology", p.index, m.group(0), en_rules[n])
        en_articles = {int(m.group(1)): m.group(0) for m in _EN_ARTICLE.finditer(p.en)}
        for m in _ZH_ARTICLE.finditer(p.zh):
            n = chinese_number(m.group(1))
            if n in en_articles:
                en = f"Article {n} of the Charter of the United Nations"
                zh = f"《联合国宪章》第{m.group(1)}条"
                add(zh, en, "phraseology", p.index, m.group(0), en_articles[n])
        en_resolutions = {(m.group(1), m.group(2)) for m in _EN_RESOLUTION.finditer(p.en)}
        for m in _ZH_RESOLUTION.finditer(p.zh):
            if (m.group(1), m.group(2)) in en_resolutions:
                add(f"第{m.group(1)}({m.group(2)})号决议",
                    f"resolution {m.group(1)} ({m.group(2)})", "document", p.index)  # fmt: skip
        en_codes = {m.group(0) for m in _GROUP_CODE.finditer(p.en)}
        for m in _GROUP_CODE.finditer(p.zh):
            if m.group(0) in en_codes:
                add(m.group(0), m.group(0), "organization", p.index)
        en_committees = {
            (m.group(1), m.group(2)): m.group("topic") for m in _EN_COMMITTEE.finditer(p.en)
        }
        for m in _ZH_COMMITTEE.finditer(p.zh):
            number = (m.group(2), m.group(3))
            if number not in en_committees:
                continue
            zh = f"安全理事会第{number[0]}({number[1]})号决议所设委员会"
            en = (
                "Security Council Committee established pursuant to resolution "
                f"{number[0]} ({number[1]})"
            )
            zh_topic, en_topic = m.group("topic"), en_committees[number]
            if zh_topic and en_topic:
                # The full name, with its subject on both sides; the short one is a variant.
                long_zh = f"安全理事会关于{zh_topic}的第{number[0]}({number[1]})号决议所设委员会"
                long_en = f"{en} concerning {en_topic}"
                add(long_zh, long_en, "organization", p.index, zh, en)
            else:
                add(zh, en, "organization", p.index)
        en_symbols = {m.group(0).rstrip(".") for m in _SYMBOL.finditer(p.en)}
        for m in _SYMBOL.finditer(p.zh):
            symbol = m.group(0).rstrip(".")
            if symbol in en_symbols:
                add(symbol, symbol, "document", p.index)
    return list(found.values())


_en_pattern = en_form_pattern  # the former name
