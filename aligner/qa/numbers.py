"""Numbers in Chinese and English, compared by value.

Forms normalised: 2 750 / 2,750; 1.5万 / 15,000; 200多万 / 2 million; 13亿 / 1.3 billion;
百分之五十 / 50% / 50 per cent; 三 / three; 两 / two; 105名 / 105; 第四次 / fourth; 三十年 /
three decades; 第六条 / article VI; 附件一 / annex I; "Euro1.5 million". Chinese numerals are
read with cn2an (strict grammar, so 唯一一项 is not eleven), English number words with text2num.

What is not compared: dates, clock times and document symbols (their own checks); the list or
paragraph number that opens a side ("187 .", "13."), which UN documents split off differently
per language, unless both sides carry one and they differ; item labels ("(a)", "(iv)").

Three strengths of mention:
- hard: digits, or a number word above ten — it must have a counterpart on the other side;
- soft: a small number word (两国, "both", "three meetings") — translators drop or rephrase
  these ("these conferences" for 三次会议), so a lone one is no evidence; two soft numbers
  that disagree (两名 / "three") are;
- weak: footnote markers ("Questions,22"), digits glued to letters ("km2", "Hayabusa2") and
  the word one/一/first — they can be a counterpart but are never missing.

An unmatched hard number is an error, except where the evidence is weaker: its value is
matched elsewhere in the pair (a repeat rendered by "that age", "the same year": info), or its
digits stand on the other side in a form the reader did not parse (info).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from aligner.qa.check import LANGS, Check, PairView, QAContext, other, register_check
from aligner.qa.dates import date_mentions, time_mentions
from aligner.qa.flag import Flag, Span
from aligner.qa.folding import mask
from aligner.qa.markers import (
    en_numbered_labels,
    footnote_markers,
    item_labels,
    leading_number,
    page_references,
    zh_numbered_labels,
)
from aligner.qa.symbols import symbol_spans

SMALL = 10
"""Numbers written as words up to this value are soft."""

_DIGITS = re.compile(
    r"(?<![0-9_./])(?<!\d,)"
    r"(?P<int>\d{1,3}(?:,\d{3}|\s,\s\d{3})+(?!\d)|\d{1,3}(?: \d{3})+(?![\d,]\d)|\d+)"
    r"(?:\.(?P<frac>\d+))?"
)
# "(80) million": a figure bracketed in a table still takes the scale after the bracket
_EN_SCALE = re.compile(r"^\)?\s*(?P<scale>thousand|million|billion|trillion)\b", re.IGNORECASE)
_EN_PERCENT = re.compile(r"^\s*(?:%|per\s?cent\b|percent\b)", re.IGNORECASE)
_ZH_SCALE = re.compile(r"^\s*多?(?P<scale>万亿|亿|千万|百万|万|千(?![克米瓦卡焦帕]))")
_SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "万": 1e4,
    "亿": 1e8,
    "千": 1e3,
    "万亿": 1e12,
    "百万": 1e6,
    "千万": 1e7,
}

_CARDINALS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "billion",
]
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
}
_WORD = "(?:" + "|".join(sorted(_CARDINALS, key=len, reverse=True)) + ")"
_ORD = "(?:" + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + ")"
_EN_WORDS = re.compile(
    rf"\b(?P<num>(?:{_WORD}(?:[\s-]+(?:and\s+)?{_WORD})*(?:[\s-]+{_ORD})?)|{_ORD})\b",
    re.IGNORECASE,
)
# Vague quantities are not numbers: "hundreds of", "dozens", "tens of thousands", "several
# thousand", "a few hundred".
_EN_BARE_SCALES = frozenset({"hundred", "thousand", "million", "billion"})
_EN_VAGUE_BEFORE = re.compile(r"\b(?:several|a few|few|many|some)\s+$", re.IGNORECASE)
_EN_VAGUE_AFTER = re.compile(r"^s\b|^\s+of\b", re.IGNORECASE)

_CN = "零〇一二两三四五六七八九十百千万亿"
_ZH_CLASSIFIERS = [
    "名",
    "个",
    "人",
    "次",
    "项",
    "份",
    "条",
    "所",
    "枚",
    "位",
    "架",
    "座",
    "家",
    "批",
    "轮",
    "届",
    "种",
    "类",
    "天",
    "周",
    "年",
    "岁",
    "倍",
    "国",
    "点",
    "小时",
    "分钟",
    "公里",
    "平方公里",
    "千米",
    "米",
    "吨",
    "美元",
    "欧元",
    "元",
    "部",
    "章",
    "段",
    "款",
    "节",
    "句",
    "场",
    "起",
    "例",
    "具",
    "辆",
    "艘",
    "发",
    "处",
    "块",
    "组",
    "对",
    "层",
    "张",
    "本",
    "篇",
    "期",
    "趟",
    "遍",
    "方面",
    "个月",
    "月份",
    "周年",
    "世纪",
    "十年",
    "星期",
    "万",
    "亿",
    "千",
    "百",
    "多",
]
_ZH_UNIT = "(?:" + "|".join(sorted(_ZH_CLASSIFIERS, key=len, reverse=True)) + ")"
_ZH_WORDS = re.compile(rf"(?P<ord>第)?(?P<num>[{_CN}]+)(?=(?P<unit>{_ZH_UNIT})?)")
_ZH_PERCENT_WORDS = re.compile(rf"百分之\[?\s*(?P<num>[{_CN}点]+)\s*\]?")
# 附件一 / 图二 / 表三: numbered parts cited without 第 ("annex I", "figure II", "table 3").
_ZH_PART_PREFIX = re.compile(r"(?:附件|附录|附表|附文|图|表|阶段|类|办法|方案|选项|情景)$")
# 双方 / 双边 ("both sides", "bilateral") stand for two as often as 两 does.
_ZH_PAIR = re.compile(r"双(?=[方边])")
_EN_BOTH = re.compile(r"\bboth\b", re.IGNORECASE)
# a biennium is two years: 两年期
_EN_BIENNIUM = re.compile(r"\bbienni(?:um|a|al)\b", re.IGNORECASE)
# Roman numerals after the nouns that take them: "article VI", "annex II", "Phase III".
_EN_ROMAN = re.compile(
    r"\b(?:articles?|annex(?:es)?|chapters?|parts?|sections?|figures?|tables?|protocols?|"
    r"titles?|phases?|appendix|appendices|schedules?|categor(?:y|ies)|volumes?|books?|"
    r"principles?|pillars?|stages?|levels?|classes?|rounds?|steps?|Habitat|Decade)\s+"
    r"(?P<num>[IVXL]{1,6})\b(?![.-]\d)",
    re.IGNORECASE,
)
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
# Currency codes written against the figure ("Euro1.5 million", "US$2", "SwF50").
_CURRENCY_GLUE = re.compile(r"(?:Euro|EUR|USD|US\$|SwF|CHF|RMB|GBP|JPY|\$)$")
_LATIN_BEFORE = re.compile(r"[A-Za-z]$")
# 数十 / 几百 / 十几 / 两三: approximate, not a count a translator must carry over.
_ZH_VAGUE = re.compile(r"(?:[数几好若]|数以)$")
# A bare 百/千/万/亿 is an idiom far more often than a count: 千年 (millennium), 百年, 万众.
_ZH_BARE_MAGNITUDE = frozenset("百千万亿")
# A numeral with a digit before its magnitude (一百万, 两百万, 三十亿, 一千二百万) is a count by
# itself, with or without a classifier after it.
_ZH_SCALED_NUMERAL = re.compile("[一二两三四五六七八九]十?[百千万亿]")
# Digits written one by one (第一五六条 "rule 156"), as numbered articles and rules often are.
_ZH_DIGIT_BY_DIGIT = re.compile("[〇零一二三四五六七八九]{2,}")
# A product or chemical code ("HFC-23", "GEO-5"): the other side may spell out the name
# (三氟甲烷), so its number is only compared when the other side writes the code too.
_CODE = re.compile(r"(?<![A-Za-z])(?P<letters>[A-Z]{2,6})-(?=\d)")
# A section number of three or more parts ("3.2.1", "3.2 . 1" as extraction spaces it).
_SECTION = re.compile(r"(?<![\d.])\d{1,3}(?:\s?\.\s?\d{1,3}){2,}(?![\d])")


@dataclass(frozen=True)
class NumberMention:
    values: frozenset[float]
    """Every value the mention can stand for (three decades: 3 and 30)."""
    hard: bool
    start: int
    end: int
    kind: str = "cardinal"
    weak: bool = False
    """Can be the counterpart of a number on the other side, is never reported missing."""

    def matches(self, other: NumberMention) -> bool:
        return any(_close(a, b) for a in self.values for b in other.values)

    @property
    def value(self) -> float:
        return max(self.values)

    @property
    def strength(self) -> int:
        """2 hard, 1 soft, 0 weak: matching serves the strongest mentions first."""
        return 0 if self.weak else 2 if self.hard else 1


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


@cache
def _cn2an():
    import cn2an

    return cn2an


def _zh_value(s: str) -> float | None:
    """The value of a Chinese numeral in its standard grammar (一百零五, 两万, 三十); None for
    runs that are not one numeral (唯一一项 gives 一一)."""
    s = s.replace("〇", "零")
    if s[0] == "两":
        s = "二" + s[1:]
    try:
        return float(_cn2an().cn2an(s, "strict"))
    except (ValueError, KeyError, TypeError, IndexError):
        return None


def _zh_percent_value(s: str) -> float | None:
    try:
        return float(_cn2an().cn2an(s.replace("〇", "零"), "smart"))
    except (ValueError, KeyError, TypeError, IndexError):
        return None


def _en_value(s: str) -> float | None:
    from text_to_num import text2num

    words = re.sub(r"[\s-]+", " ", s.strip().lower())
    last = words.split(" ")[-1]
    if last in _ORDINALS:
        head = words[: -len(last)].strip()
        base = _ORDINALS[last]
        if not head:
            return float(base)
        try:
            # "two tenth deals" (a fraction) is no number text2num reads: None
            return float(text2num(head + " " + _CARDINAL_OF[last], "en"))
        except ValueError:
            return None
    try:
        return float(text2num(words, "en"))
    except ValueError:
        return None


def _roman_value(s: str) -> float | None:
    values = [_ROMAN[c] for c in s.upper()]
    total = 0
    for i, v in enumerate(values):
        total += -v if i + 1 < len(values) and values[i + 1] > v else v
    return float(total) if total > 0 else None


_ROUND = {30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty",
          90: "ninety", 100: "hundred"}  # fmt: skip
_CARDINAL_OF = {o: _CARDINALS[v] if v <= 20 else _ROUND[v] for o, v in _ORDINALS.items()}
"""The cardinal word of each ordinal's value: "sixty-fifth" is "sixty five", then 65."""


def _digits_value(m: re.Match[str]) -> float:
    raw = re.sub(r"[\s,]", "", m.group("int"))
    return float(raw + ("." + m.group("frac") if m.group("frac") else ""))


def extract_numbers(text: str, lang: str) -> list[NumberMention]:
    """Numbers in a folded, masked text (dates, times and symbols already blanked)."""
    return _zh_numbers(text) if lang == "zh" else _en_numbers(text)


def _glued_to_letters(text: str, start: int) -> bool:
    """Digits written against a word ("km2", "Hayabusa2"), not a currency ("Euro1.5")."""
    before = text[max(0, start - 4) : start]
    return bool(_LATIN_BEFORE.search(before)) and not _CURRENCY_GLUE.search(before)


def _en_numbers(text: str) -> list[NumberMention]:
    out: list[NumberMention] = []
    for m in _DIGITS.finditer(text):
        value = _digits_value(m)
        end = m.end()
        rest = text[end:]
        kind = "cardinal"
        scale = _EN_SCALE.match(rest)
        if scale:
            value *= _SCALES[scale.group("scale").lower()]
            end += scale.end()
        elif pct := _EN_PERCENT.match(rest):
            kind = "percent"
            end += pct.end()
        weak = _glued_to_letters(text, m.start())
        out.append(NumberMention(frozenset({value}), True, m.start(), end, kind, weak))
    taken = [(n.start, n.end) for n in out]
    for m in _EN_WORDS.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue  # the "million" of "1.5 million"
        raw = m.group("num")
        if _EN_VAGUE_AFTER.match(text[m.end() :]) and raw.lower().split()[-1] in (
            "hundred",
            "thousand",
            "million",
            "billion",
            "ten",
            "dozen",
        ):
            continue
        value = _en_value(raw)
        if value is None:
            continue
        bare_scale = raw.lower() in _EN_BARE_SCALES
        if bare_scale and _EN_VAGUE_BEFORE.search(text[: m.start()]):
            continue  # "several thousand", "a few hundred": no count (数千, 几百)
        if bare_scale and re.search(r"\bhalf an?\s+$", text[: m.start()], re.IGNORECASE):
            value /= 2  # "half a million"
            bare_scale = False
        values = {value}
        if re.match(r"^[\s-]+decades?\b", text[m.end() :], re.IGNORECASE):
            values.add(value * 10)
        kind = "ordinal" if raw.lower().split()[-1].split("-")[-1] in _ORDINALS else "cardinal"
        # "one" and "first" are pronouns and adverbs far more than counts: weak; a bare "a
        # thousand" is as often a figure of speech or a round 上千 as a count: soft
        out.append(
            NumberMention(
                frozenset(values),
                value > SMALL and not bare_scale,
                m.start(),
                m.end(),
                kind,
                weak=value == 1,
            )
        )
    for m in _EN_ROMAN.finditer(text):
        value = _roman_value(m.group("num"))
        if value is not None and not any(s <= m.start("num") < e for s, e in taken):
            out.append(
                NumberMention(frozenset({value}), False, m.start("num"), m.end("num"), "ordinal")
            )
    for pattern in (_EN_BOTH, _EN_BIENNIUM):
        for m in pattern.finditer(text):
            out.append(NumberMention(frozenset({2.0}), False, m.start(), m.end()))
    return sorted(out, key=lambda n: n.start)


# A decade: 20世纪90年代 / "the 1990s", 九十年代 / "the nineties", 80年代 / "the 1980s".
_ZH_DECADE = re.compile(
    r"(?:(?P<century>\d{1,2}|[一二]?十[一二三四五六七八九]?)世纪)?"
    r"(?<!\d)(?P<decade>[1-9]0|[一二三四五六七八九]十)年代"
)


def _zh_or_digits(s: str) -> float | None:
    return float(s) if s.isdigit() else _zh_value(s)


def _zh_decade(m: re.Match[str]) -> NumberMention | None:
    decade = _zh_or_digits(m.group("decade"))
    if decade is None:
        return None
    values = {decade}
    if m.group("century"):
        century = _zh_or_digits(m.group("century"))
        if century is None:
            return None
        values.add((century - 1) * 100 + decade)
    else:
        values |= {1900 + decade, 2000 + decade}
    return NumberMention(frozenset(values), True, m.start(), m.end())


# A year written digit by digit (二〇一五年, 一九九五年), as letters and dates often are.
_ZH_YEAR_DIGITS = re.compile(
    r"(?<![一二三四五六七八九〇零十百千万亿两])([一二三四五六七八九〇零]{4})(?=年)"
)
_ZH_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0"}


def _zh_numbers(text: str) -> list[NumberMention]:
    out: list[NumberMention] = []
    taken: list[tuple[int, int]] = []
    for m in _ZH_YEAR_DIGITS.finditer(text):
        year = float("".join(_ZH_DIGIT[c] for c in m.group(1)))
        out.append(NumberMention(frozenset({year}), True, m.start(), m.end()))
        taken.append((m.start(), m.end()))
    for m in _ZH_DECADE.finditer(text):
        decade = _zh_decade(m)
        if decade is not None:
            out.append(decade)
            taken.append((m.start(), m.end()))
    for m in _ZH_PERCENT_WORDS.finditer(text):
        value = _zh_percent_value(m.group("num").replace("点", "."))
        if value is not None:
            out.append(NumberMention(frozenset({value}), True, m.start(), m.end(), "percent"))
            taken.append((m.start(), m.end()))
    for m in _DIGITS.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        value = _digits_value(m)
        end = m.end()
        kind = "cardinal"
        rest = text[end:]
        scale = _ZH_SCALE.match(rest)
        if scale:
            value *= _SCALES[scale.group("scale")]
            end += scale.end()
        elif rest[:1] in ("%", "％"):
            kind = "percent"
            end += 1
        weak = _glued_to_letters(text, m.start())
        out.append(NumberMention(frozenset({value}), True, m.start(), end, kind, weak))
        taken.append((m.start(), end))
    for m in _ZH_PAIR.finditer(text):
        out.append(NumberMention(frozenset({2.0}), False, m.start(), m.end()))
    for m in _ZH_WORDS.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        raw = m.group("num")
        part = bool(_ZH_PART_PREFIX.search(text[: m.start()]))
        scaled = bool(_ZH_SCALED_NUMERAL.search(raw))
        if not (m.group("ord") or m.group("unit") or part or scaled):
            continue
        if _ZH_VAGUE.search(text[: m.start()]) or text[m.end() : m.end() + 1] in "几数":
            continue
        value = _zh_value(raw)
        if value is None and (m.group("ord") or part) and _ZH_DIGIT_BY_DIGIT.fullmatch(raw):
            value = float("".join(_ZH_DIGIT[c] for c in raw))
        if value is None or (
            scaled and not (m.group("ord") or m.group("unit") or part) and value < 100
        ):
            continue
        values = {value}
        if text[m.end() : m.end() + 1] == "年" and value % 10 == 0 and value >= 10:
            values.add(value / 10)  # 三十年 may be rendered "three decades"
        kind = "ordinal" if m.group("ord") or part else "cardinal"
        start = m.start("ord") if m.group("ord") else m.start()
        # 一 is "a"/"an"/"one" and part of countless words (一些, 一贯, 统一): weak
        hard = value > SMALL and raw not in _ZH_BARE_MAGNITUDE
        out.append(NumberMention(frozenset(values), hard, start, m.end(), kind, weak=value == 1))
    return sorted(out, key=lambda n: n.start)


# The year of a resolution ("2118 (2013)"), the terms of a fraction ("1 / 3"): a translation
# may leave them out or write them in words; they answer a number but are never missing.
_RESOLUTION_YEAR = re.compile(r"(?<=\d)\s?\(\s?(?P<year>(?:19|20)\d\d)\s?\)")
_FRACTION = re.compile(r"(?<![\d/])\d{1,2}\s?/\s?\d{1,2}(?![\d/])")
# A Chinese side that opens with a footnote or list digit glued to the first word ("6克罗地亚")
_ZH_GLUED_LEAD = re.compile(r"^\s*\d{1,2}(?=[\u4e00-\u9fff]{2})")


def _dates_and_symbols(view: PairView, lang: str) -> list[tuple[int, int]]:
    masked = [(s.start, s.end) for s in symbol_spans(view, lang)]
    return masked + [(d.start, d.end) for d in date_mentions(view, lang)]


def _furniture(view: PairView, lang: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(spans to mask, spans of weak numbers: footnote markers and the like) of one side."""
    text = view.folded(lang)
    rival = view.folded(other(lang))
    masked = [(s.start, s.end) for s in symbol_spans(view, lang)]
    masked += [(d.start, d.end) for d in date_mentions(view, lang)]
    masked += [(t.start, t.end) for t in time_mentions(view, lang)]
    masked += item_labels(text)
    lead = leading_number(text)
    if lead is not None:
        masked.append((lead.start, lead.end))
    weak = footnote_markers(text, lang) + page_references(text, lang)
    weak += [(m.start("year"), m.end("year")) for m in _RESOLUTION_YEAR.finditer(text)]
    weak += [(m.start(), m.end()) for m in _FRACTION.finditer(text)]
    if lang == "zh" and (lead_digit := _ZH_GLUED_LEAD.match(text)):
        weak.append((lead_digit.start(), lead_digit.end()))
    if lang == "zh":
        masked += [(a, b) for a, b, _ in zh_numbered_labels(text)]
    elif zh_numbered_labels(rival):
        weak += en_numbered_labels(text)
    masked += [(m.start(), m.end()) for m in _SECTION.finditer(text)]
    rival_codes = {m.group("letters") for m in _CODE.finditer(rival)}
    weak += [
        (m.end(), m.end() + 1)
        for m in _CODE.finditer(text)
        if m.group("letters") not in rival_codes
    ]
    return masked, weak


def number_mentions(view: PairView, lang: str) -> list[NumberMention]:
    def compute() -> list[NumberMention]:
        masked, notes = _furniture(view, lang)
        found = extract_numbers(mask(view.folded(lang), masked), lang)
        out = [
            NumberMention(n.values, n.hard, n.start, n.end, n.kind, weak=True)
            if any(a <= n.start < b for a, b in notes)
            else n
            for n in found
        ]
        if lang == "zh":
            # ⑵, ㈡: list labels, which may answer the English "(2)" but are never missing
            out += [
                NumberMention(frozenset({float(v)}), True, a, b, "label", weak=True)
                for a, b, v in zh_numbered_labels(view.folded(lang))
            ]
        return sorted(out, key=lambda n: n.start)

    return view.memo(f"numbers:{lang}", compute)


def match_numbers(
    a: list[NumberMention], b: list[NumberMention]
) -> tuple[list[NumberMention], list[NumberMention]]:
    """Mentions left without a counterpart on each side. The strongest mentions are served
    first, each by the strongest free counterpart of the same value."""
    free_b = sorted(range(len(b)), key=lambda j: -b[j].strength)
    left_a: list[NumberMention] = []
    for m in sorted(a, key=lambda n: (-n.strength, n.start)):
        j = next((j for j in free_b if m.matches(b[j])), None)
        if j is None:
            left_a.append(m)
        else:
            free_b.remove(j)
    left_b = sorted(free_b)
    return sorted(left_a, key=lambda n: n.start), [b[j] for j in left_b]


_DIGIT_RUN = re.compile(r"\d+(?:\.\d+)?")
_GROUPED = re.compile(r"(?<=\d)[ ,\u00a0](?=\d{3}(?!\d))")


def _digit_strings(text: str) -> set[str]:
    """Every run of digits in the text, thousands separators removed ("1,641,294", "4 330")."""
    return set(_DIGIT_RUN.findall(_GROUPED.sub("", text)))


def _spelled(value: float) -> set[str]:
    text = _fmt(value)
    return {text, text.split(".")[0]} if "." not in text else {text}


@register_check
class NumberCheck(Check):
    name = "number"
    description = "every number on one side is present on the other"

    def check(self, view: PairView, ctx: QAContext) -> list[Flag]:
        mentions = {lang: number_mentions(view, lang) for lang in LANGS}
        left = dict(zip(LANGS, match_numbers(mentions["zh"], mentions["en"]), strict=True))
        flags = self._list_number_flags(view) + self._section_flags(view)
        reported: set[int] = set()
        for lang in LANGS:
            rivals = [n for n in left[other(lang)] if id(n) not in reported and not n.weak]
            for n in left[lang]:
                if id(n) in reported or n.weak:
                    continue
                flag = self._flag(view, lang, n, rivals, mentions)
                if flag is None:
                    continue
                reported.add(id(n))
                for rival_span in flag.spans[1:]:
                    r = next(r for r in rivals if r.start == rival_span.start)
                    rivals.remove(r)
                    reported.add(id(r))
                flags.append(flag)
        return flags

    def _flag(
        self,
        view: PairView,
        lang: str,
        n: NumberMention,
        rivals: list[NumberMention],
        mentions: dict[str, list[NumberMention]],
    ) -> Flag | None:
        text = view.text(lang)[n.start : n.end]
        spans = [Span(lang, n.start, n.end, text)]
        rival_lang = other(lang)
        # a rival is only a counterpart when it is as strong: a soft 两 is no rendering of 42.1
        rival = next((r for r in rivals if r.hard == n.hard), None)
        if not n.hard:
            if rival is None:
                return None  # a lone small number written as a word: no evidence
            r_text = view.text(rival_lang)[rival.start : rival.end]
            spans.append(Span(rival_lang, rival.start, rival.end, r_text))
            return Flag(
                "number",
                "warning",
                f"number differs: {text} ({lang}) vs {r_text} ({rival_lang})",
                spans,
                self.name,
                {"value": n.value, "other": rival.value, "evidence": "soft"},
                score=0.5,
            )
        repeated = any(n.matches(m) for m in mentions[lang] if m is not n) and any(
            n.matches(m) for m in mentions[rival_lang]
        )
        # both sides keep a hard number over: a value given more often on each side (2017,
        # 2016, 2017 against 2017, 2016, 2015) is a swap, not a repeat
        if repeated and not (rival is not None and n.kind == rival.kind):
            return Flag(
                "number",
                "info",
                f"number {_fmt(n.value)} ({text}) is repeated in the {lang} but given once in "
                f"the {rival_lang}",
                spans,
                self.name,
                {"value": n.value, "evidence": "repeat"},
                score=0.1,
            )
        rival_text = view.folded(rival_lang)
        swapped = repeated and rival is not None
        if not swapped and (
            _spelled(n.value) & _digit_strings(rival_text)
            or _hhmm_match(n, view, rival_lang)
            or _run_together(n, view.folded(lang), rival_text)
        ):
            return Flag(
                "number",
                "info",
                f"number {_fmt(n.value)} ({text}, {lang}) is written differently in the "
                f"{rival_lang}",
                spans,
                self.name,
                {"value": n.value, "evidence": "digits"},
                score=0.1,
            )
        if _is_year(n) and rival is None and _DEICTIC_YEAR[rival_lang].search(rival_text):
            return Flag(
                "number",
                "info",
                f"year {_fmt(n.value)} ({lang}) may be the {rival_lang}'s "
                f"'{_DEICTIC_YEAR[rival_lang].search(rival_text).group()}'",
                spans,
                self.name,
                {"value": n.value, "evidence": "deictic-year"},
                score=0.2,
            )
        if rival is not None:
            r_text = view.text(rival_lang)[rival.start : rival.end]
            spans.append(Span(rival_lang, rival.start, rival.end, r_text))
            return Flag(
                "number",
                "error",
                f"number differs: {text} ({lang}) vs {r_text} ({rival_lang})",
                spans,
                self.name,
                {"value": n.value, "other": rival.value, "evidence": "differs"},
                score=0.8,
            )
        return Flag(
            "number",
            "error",
            f"number {_fmt(n.value)} ({text}, {lang}) is missing from the {rival_lang}",
            spans,
            self.name,
            {"value": n.value, "evidence": "missing"},
            score=0.6,
        )

    def _section_flags(self, view: PairView) -> list[Flag]:
        """Section numbers of three parts or more ("3.2.1", spaced "3.2 . 1" by extraction),
        compared as labels: one on a side that the other side cites differently."""
        found = {
            lang: [
                (m, re.sub(r"\s", "", m.group(0)))
                for m in _SECTION.finditer(mask(view.folded(lang), _dates_and_symbols(view, lang)))
            ]
            for lang in LANGS
        }
        labels = {lang: {label for _, label in found[lang]} for lang in LANGS}
        if not labels["zh"] or not labels["en"]:
            return []
        for lang in LANGS:
            for m, label in found[lang]:
                if label in labels[other(lang)]:
                    continue
                rival_m, rival_label = (
                    next(
                        (r, r_label)
                        for r, r_label in found[other(lang)]
                        if r_label not in labels[lang]
                    )
                    if labels[other(lang)] - labels[lang]
                    else (None, None)
                )
                spans = [Span(lang, m.start(), m.end(), view.text(lang)[m.start() : m.end()])]
                if rival_m is not None:
                    spans.append(
                        Span(
                            other(lang),
                            rival_m.start(),
                            rival_m.end(),
                            view.text(other(lang))[rival_m.start() : rival_m.end()],
                        )
                    )
                return [
                    Flag(
                        "number",
                        "warning",
                        f"section number {label} ({lang}) is not among the other side's "
                        f"({', '.join(sorted(labels[other(lang)]))})",
                        spans,
                        self.name,
                        {"evidence": "section", "other": rival_label},
                        score=0.5,
                    )
                ]
        return []

    def _list_number_flags(self, view: PairView) -> list[Flag]:
        """Both sides open with a paragraph number and the two differ."""
        leads = {lang: leading_number(view.folded(lang)) for lang in LANGS}
        zh, en = leads["zh"], leads["en"]
        if zh is None or en is None or zh.label == en.label:
            return []
        if not (zh.label[0].isdigit() and en.label[0].isdigit()):
            return []
        return [
            Flag(
                "number",
                "warning",
                f"paragraph number differs: {zh.label} (zh) vs {en.label} (en)",
                [
                    Span("zh", zh.start, zh.end, view.zh[zh.start : zh.end]),
                    Span("en", en.start, en.end, view.en[en.start : en.end]),
                ],
                self.name,
                {"zh": zh.label, "en": en.label, "evidence": "list-number"},
                score=0.6,
            )
        ]


# A year the other side names by reference: "2015年是…" / "This year marks…", "在同一年".
_DEICTIC_YEAR = {
    "en": re.compile(
        r"\b(?:this|that|the same|the current|the previous|the following|last|next|"
        r"the reporting|the past)\s+year\b|\b(?:during|in|for|throughout|over) the year\b",
        re.IGNORECASE,
    ),
    "zh": re.compile(r"今年|本年|同年|当年|该年|是年|去年|明年|上一年|下一年|前一年|次年|翌年"),
}


def _is_year(n: NumberMention) -> bool:
    return n.kind == "cardinal" and float(n.value).is_integer() and 1900 <= n.value <= 2100


def _run_together(n: NumberMention, text: str, rival_text: str) -> bool:
    """Numbers whose separator was lost in extraction: "15至64岁" against "aged 1564",
    "2011-2012年" against "for20112012". True when the number's digits and those of its
    neighbours on its own side, read in order, make a digit run of the other side, or when the
    number is the run of several neighbouring numbers of the other side."""
    if not float(n.value).is_integer():
        return False
    digits = _fmt(n.value)
    own = _DIGIT_RUN.findall(_GROUPED.sub("", text))
    rival = _DIGIT_RUN.findall(_GROUPED.sub("", rival_text))

    def joined(runs: list[str]) -> set[str]:
        return {
            "".join(runs[i:j])
            for i in range(len(runs))
            for j in range(i + 2, min(i + 4, len(runs)) + 1)
        }

    own_joined = {j for j in joined(own) if digits in j}
    return bool(own_joined & set(rival)) or digits in joined(rival)


def _hhmm_match(n: NumberMention, view: PairView, rival_lang: str) -> bool:
    """A 24-hour clock time written as four digits ("at 1310") against a clock time on the
    other side (13时10分)."""
    if n.kind != "cardinal" or not float(n.value).is_integer() or not 0 <= n.value <= 2359:
        return False
    hour, minute = divmod(int(n.value), 100)
    if minute > 59 or hour > 23:
        return False
    return any((hour, minute) in t.candidates for t in time_mentions(view, rival_lang))
