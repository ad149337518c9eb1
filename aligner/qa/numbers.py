"""Numbers in Chinese and English, compared by value.

Forms normalised: 2 750 / 2,750; 1.5万 / 15,000; 13亿 / 1.3 billion; 百分之五十 / 50% /
50 per cent; 三 / three; 两 / two; 105名 / 105; 第四次 / fourth; 三十年 / three decades.
Chinese numerals are converted with cn2an, English number words with text2num.

Dates, clock times and document symbols are masked first: they have their own checks.

A number written in digits, or any number above ten, is "hard": it must appear on the other
side. A small number written as a word (两国, "both countries") is "soft": translators drop or
rephrase those all the time, so a soft number alone is no evidence; it is flagged only when
the other side has a different unmatched soft number (两名 ↔ "three").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from aligner.qa.check import LANGS, Check, PairView, QAContext, other, register_check
from aligner.qa.dates import date_mentions, time_mentions
from aligner.qa.flag import Flag, Span
from aligner.qa.folding import mask
from aligner.qa.symbols import symbol_spans

SMALL = 10
"""Numbers written as words up to this value are soft."""

_DIGITS = re.compile(
    r"(?<![A-Za-z0-9_./])(?<!\d,)"
    r"(?P<int>\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?: \d{3})+(?![\d,]\d)|\d+)"
    r"(?:\.(?P<frac>\d+))?"
)
_EN_SCALE = re.compile(r"^\s*(?P<scale>thousand|million|billion|trillion)\b", re.IGNORECASE)
_EN_PERCENT = re.compile(r"^\s*(?:%|per\s?cent\b|percent\b)", re.IGNORECASE)
_ZH_SCALE = re.compile(r"^\s*(?P<scale>万亿|亿|万|千)")
_SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "万": 1e4,
    "亿": 1e8,
    "千": 1e3,
    "万亿": 1e12,
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
# Vague quantities are not numbers: "hundreds of", "dozens", "tens of thousands".
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
_ZH_PERCENT_WORDS = re.compile(rf"百分之(?P<num>[{_CN}点]+)")
# 双方 / 双边 ("both sides", "bilateral") stand for two as often as 两 does.
_ZH_PAIR = re.compile(r"双(?=[方边])")
_EN_BOTH = re.compile(r"\bboth\b", re.IGNORECASE)
# 数十 / 几百 / 十几 / 两三: approximate, not a count a translator must carry over.
_ZH_VAGUE = re.compile(r"[数几好若]$")


@dataclass(frozen=True)
class NumberMention:
    values: frozenset[float]
    """Every value the mention can stand for (three decades: 3 and 30)."""
    hard: bool
    start: int
    end: int
    kind: str = "cardinal"

    def matches(self, other: NumberMention) -> bool:
        return any(_close(a, b) for a in self.values for b in other.values)

    @property
    def value(self) -> float:
        return max(self.values)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


@cache
def _cn2an():
    import cn2an

    return cn2an


def _zh_value(s: str) -> float | None:
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


_ROUND = {30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty",
          90: "ninety", 100: "hundred"}  # fmt: skip
_CARDINAL_OF = {o: _CARDINALS[v] if v <= 20 else _ROUND[v] for o, v in _ORDINALS.items()}
"""The cardinal word of each ordinal's value: "sixty-fifth" is "sixty five", then 65."""


def _digits_value(m: re.Match[str]) -> float:
    raw = re.sub(r"[ ,]", "", m.group("int"))
    return float(raw + ("." + m.group("frac") if m.group("frac") else ""))


def extract_numbers(text: str, lang: str) -> list[NumberMention]:
    """Numbers in a folded, masked text (dates, times and symbols already blanked)."""
    return _zh_numbers(text) if lang == "zh" else _en_numbers(text)


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
        out.append(NumberMention(frozenset({value}), True, m.start(), end, kind))
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
        if value is None or value == 1:
            continue  # "one" and "first" are pronouns and adverbs far more than counts
        values = {value}
        if re.match(r"^[\s-]+decades?\b", text[m.end() :], re.IGNORECASE):
            values.add(value * 10)
        hard = value > SMALL
        kind = "ordinal" if raw.lower().split()[-1].split("-")[-1] in _ORDINALS else "cardinal"
        out.append(NumberMention(frozenset(values), hard, m.start(), m.end(), kind))
    for m in _EN_BOTH.finditer(text):
        out.append(NumberMention(frozenset({2.0}), False, m.start(), m.end()))
    return sorted(out, key=lambda n: n.start)


def _zh_numbers(text: str) -> list[NumberMention]:
    out: list[NumberMention] = []
    taken: list[tuple[int, int]] = []
    for m in _ZH_PERCENT_WORDS.finditer(text):
        value = _zh_value(m.group("num").replace("点", "."))
        if value is not None:
            out.append(NumberMention(frozenset({value}), True, m.start(), m.end(), "percent"))
            taken.append((m.start(), m.end()))
    for m in _DIGITS.finditer(text):
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
        out.append(NumberMention(frozenset({value}), True, m.start(), end, kind))
        taken.append((m.start(), end))
    for m in _ZH_PAIR.finditer(text):
        out.append(NumberMention(frozenset({2.0}), False, m.start(), m.end()))
    for m in _ZH_WORDS.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        raw = m.group("num")
        if not (m.group("ord") or m.group("unit")):
            continue
        if _ZH_VAGUE.search(text[: m.start()]) or text[m.end() : m.end() + 1] in "几数":
            continue
        value = _zh_value(raw)
        if value is None or value == 1:
            continue  # 一 is "a"/"an"/"one" and part of countless words (一些, 一贯, 统一)
        values = {value}
        if text[m.end() : m.end() + 1] == "年" and value % 10 == 0 and value >= 10:
            values.add(value / 10)  # 三十年 may be rendered "three decades"
        kind = "ordinal" if m.group("ord") else "cardinal"
        start = m.start("ord") if m.group("ord") else m.start()
        out.append(NumberMention(frozenset(values), value > SMALL, start, m.end(), kind))
    return sorted(out, key=lambda n: n.start)


def number_mentions(view: PairView, lang: str) -> list[NumberMention]:
    def compute() -> list[NumberMention]:
        spans = [(s.start, s.end) for s in symbol_spans(view, lang)]
        spans += [(d.start, d.end) for d in date_mentions(view, lang)]
        spans += [(t.start, t.end) for t in time_mentions(view, lang)]
        return extract_numbers(mask(view.folded(lang), spans), lang)

    return view.memo(f"numbers:{lang}", compute)


def match_numbers(
    a: list[NumberMention], b: list[NumberMention]
) -> tuple[list[NumberMention], list[NumberMention]]:
    """Mentions left without a counterpart on each side; hard mentions are served first."""
    free_b = list(range(len(b)))
    left_a: list[NumberMention] = []
    for m in sorted(a, key=lambda n: (not n.hard, n.start)):
        j = next((j for j in free_b if m.matches(b[j])), None)
        if j is None:
            left_a.append(m)
        else:
            free_b.remove(j)
    return sorted(left_a, key=lambda n: n.start), [b[j] for j in free_b]


@register_check
class NumberCheck(Check):
    name = "number"
    description = "every number on one side is present on the other"

    def check(self, view: PairView, ctx: QAContext) -> list[Flag]:
        mentions = {lang: number_mentions(view, lang) for lang in LANGS}
        left = dict(zip(LANGS, match_numbers(mentions["zh"], mentions["en"]), strict=True))
        flags: list[Flag] = []
        reported: set[int] = set()
        for lang in LANGS:
            rivals = [n for n in left[other(lang)] if id(n) not in reported]
            for n in left[lang]:
                if id(n) in reported:
                    continue
                text = view.text(lang)[n.start : n.end]
                spans = [Span(lang, n.start, n.end, text)]
                rival = next((r for r in rivals if r.hard == n.hard or r.hard), None)
                if not n.hard and rival is None:
                    continue  # a lone small number written as a word: no evidence
                if rival is not None:
                    rivals.remove(rival)
                    reported.add(id(rival))
                    r_text = view.text(other(lang))[rival.start : rival.end]
                    spans.append(Span(other(lang), rival.start, rival.end, r_text))
                    message = f"number differs: {text} ({lang}) vs {r_text} ({other(lang)})"
                else:
                    message = (
                        f"number {_fmt(n.value)} ({text}, {lang}) is missing from the {other(lang)}"
                    )
                reported.add(id(n))
                severity = "error" if n.hard or (rival is not None and rival.hard) else "warning"
                flags.append(
                    Flag("number", severity, message, spans, self.name, {"value": n.value})
                )
        return flags
