"""Dates and clock times in Chinese and English, compared by value.

2020年11月9日 ↔ 9 November 2020, 9月13日和14日 ↔ 13 and 14 September, 今年5月 ↔ May this year,
上午10时05分 ↔ 10.05 a.m., 晚上8点 ↔ 8 p.m. A date is (year, month, day) with any part
possibly missing; two dates are compatible when every part both give agrees, so a translator
who drops a repeated year is not flagged, while a changed day or month is.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from aligner.qa.check import LANGS, Check, PairView, QAContext, other, register_check
from aligner.qa.flag import Flag, Span
from aligner.qa.symbols import symbol_spans

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)"
)
_DAY = r"(?:[12]?\d|3[01])(?:st|nd|rd|th)?"
_JOIN = r"(?:\s*,\s*|\s+(?:and|to|or|through)\s+|\s*[-–—]\s*)"
_EN_DMY = re.compile(
    rf"(?<![\d.,])(?P<days>{_DAY}(?:{_JOIN}{_DAY})*)(?:\s+of)?\s+(?P<month>{_MONTH})"
    rf"(?:,?\s+(?P<year>\d{{4}})(?!\d))?"
)
_EN_MDY = re.compile(
    rf"(?P<month>{_MONTH})\s+(?P<day>{_DAY})(?![\d,]\d)(?:,\s*(?P<year>\d{{4}})(?!\d))?"
)
_EN_MY = re.compile(rf"(?P<month>{_MONTH})(?:\s+of)?\s+(?P<year>\d{{4}})(?!\d)")
_EN_M = re.compile(rf"(?P<month>{_MONTH})(?!\w)(?!-[a-z])")
# "May" alone is the modal verb unless a preposition or a list puts it in a date.
_MAY_CONTEXT = re.compile(
    r"(?:\b(?:in|of|since|until|till|from|by|during|before|after|early|late|mid|last|next"
    r"|this|and|or|to|between)\s+|[-,]\s*)$",
    re.IGNORECASE,
)

_CN_DIGIT = "〇零一二两三四五六七八九十"
_ZH_NUM = rf"(?:\d{{1,4}}|[{_CN_DIGIT}]{{1,4}})"
_ZH_JOIN = r"\s*(?:和|及|与|至|到|、|-|—|–|～|~|或)\s*"
# 2014年7-8月 / 9月13日和14日 / 5月14  -  23日 / 1月15至17日: the last day carries 日.
_ZH_DATE = re.compile(
    rf"(?:(?P<year>\d{{4}}|[〇零一二三四五六七八九]{{4}})\s*年\s*)?"
    rf"(?:(?P<month0>{_ZH_NUM}){_ZH_JOIN})?(?P<month>{_ZH_NUM})\s*月"
    rf"(?:\s*(?P<days>{_ZH_NUM}\s*[日号]?(?:{_ZH_JOIN}{_ZH_NUM}\s*[日号]?)*)(?<=[日号]))?"
)
_ZH_DAY = re.compile(rf"({_ZH_NUM})")

_HOUR_WORDS = {
    w: i
    for i, w in enumerate(
        [
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
        ]
    )
}
_EN_TIME = re.compile(
    r"(?<![\d.])(?P<h>[01]?\d|2[0-3]|(?:one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve)\b)(?:[.:](?P<m>[0-5]\d))?\s*"
    r"(?P<ap>a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b)",
    re.IGNORECASE,
)
_EN_24H = re.compile(r"(?<![\d.:/])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?![\d:])")
_ZH_PERIOD = r"(?P<period>上午|下午|晚上|早上|凌晨|中午|傍晚|夜间|夜里|晚|早)"
_ZH_TIME = re.compile(
    rf"(?:{_ZH_PERIOD}\s*)?(?P<h>\d{{1,2}}|[{_CN_DIGIT}]{{1,3}})(?P<unit>时|点|點|時)"
    rf"(?!期(?!间)|[间代候刻段机局事效任])"
    rf"(?:(?P<m>\d{{1,2}}|[{_CN_DIGIT}]{{1,3}})分|(?P<half>半))?"
)
# A 24-hour time in four digits, as reports of incidents write it: "at 1310", "0300 hours",
# "2359Z", "between 1100 and 1200 hours".
_EN_HHMM = re.compile(
    r"(?<![\d.,/])(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)(?P<suffix>\s*(?:hours|hrs)\b|Z\b)?"
    r"(?![\d/]|[.,]\d)"
)
_HHMM_LEAD = re.compile(r"\b(?:at|from|between|and|to|until|by)\s$", re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    year: int | None
    month: int
    day: int | None
    start: int
    end: int

    def compatible(self, other: DateMention) -> bool:
        if self.month != other.month:
            return False
        if self.year is not None and other.year is not None and self.year != other.year:
            return False
        return self.day is None or other.day is None or self.day == other.day

    def exact(self, other: DateMention) -> bool:
        return (self.year, self.month, self.day) == (other.year, other.month, other.day)

    def label(self) -> str:
        parts = [str(self.year) if self.year else "", f"{self.month:02d}"]
        parts.append(f"{self.day:02d}" if self.day else "")
        return "-".join(p or "?" for p in parts)


@dataclass(frozen=True)
class TimeMention:
    candidates: frozenset[tuple[int, int]]
    """Possible 24-hour (hour, minute) readings: 8时 alone may be 08:00 or 20:00."""
    start: int
    end: int

    def matches(self, other: TimeMention) -> bool:
        return bool(self.candidates & other.candidates)


def _zh_int(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    if len(s) == 4 and "十" not in s:  # 二〇二〇: digit by digit
        digits = "〇一二三四五六七八九"
        s2 = s.replace("零", "〇")
        if all(c in digits for c in s2):
            return int("".join(str(digits.index(c)) for c in s2))
    import cn2an

    try:
        return int(cn2an.cn2an(s.replace("〇", "零"), "smart"))
    except (ValueError, KeyError, TypeError):
        return None


def _day(s: str) -> int | None:
    value = _zh_int(re.sub(r"(st|nd|rd|th)$", "", s))
    return value if value is not None and 1 <= value <= 31 else None


def extract_dates(folded: str, lang: str) -> list[DateMention]:
    if lang == "en":
        return _en_dates(folded)
    zh = _zh_dates(folded)
    # a Chinese document may keep a date in English ("5 February 2015" on a cover page)
    latin = [d for d in _en_dates(folded) if all(d.end <= z.start or d.start >= z.end for z in zh)]
    return sorted(zh + latin, key=lambda d: d.start)


def _zh_dates(text: str) -> list[DateMention]:
    out: list[DateMention] = []
    for m in _ZH_DATE.finditer(text):
        month = _zh_int(m.group("month"))
        if month is None or not 1 <= month <= 12:
            continue
        year = _zh_int(m.group("year")) if m.group("year") else None
        if m.group("month0"):
            first = _zh_int(m.group("month0"))
            if first is not None and 1 <= first <= 12:
                out.append(DateMention(year, first, None, m.start("month0"), m.end("month0")))
        if not m.group("days"):
            out.append(DateMention(year, month, None, m.start(), m.end()))
            continue
        base = m.start("days")
        days = [
            (d, base + x.start(), base + x.end())
            for x in _ZH_DAY.finditer(m.group("days"))
            if (d := _day(x.group(1))) is not None
        ]
        for i, (day, a, b) in enumerate(days):
            start = m.start() if i == 0 else a
            end = b + 1 if text[b : b + 1] in ("日", "号") else b
            out.append(DateMention(year, month, day, start, end))
    return out


def _en_dates(text: str) -> list[DateMention]:
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for m in _EN_DMY.finditer(text):
        month = MONTHS[m.group("month").rstrip(".").lower()]
        year = int(m.group("year")) if m.group("year") else None
        days = re.findall(r"\d+", m.group("days"))
        values = [_day(d) for d in days]
        if any(v is None for v in values):
            continue
        pos = m.start("days")
        for d, v in zip(days, values, strict=True):
            at = text.index(d, pos)
            pos = at + len(d)
            out.append(DateMention(year, month, v, at, m.end() if d == days[-1] else pos))
        taken.append((m.start(), m.end()))
    for pattern in (_EN_MDY, _EN_MY, _EN_M):
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            word = m.group("month")
            if word == "May" and not (
                ("year" in pattern.groupindex and m.group("year"))
                or "day" in pattern.groupindex
                or _MAY_CONTEXT.search(text[max(0, m.start() - 12) : m.start()])
            ):
                continue
            month = MONTHS[word.rstrip(".").lower()]
            year = (
                int(m.group("year")) if "year" in pattern.groupindex and m.group("year") else None
            )
            day = _day(m.group("day")) if "day" in pattern.groupindex else None
            out.append(DateMention(year, month, day, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    return sorted(out, key=lambda d: d.start)


def hhmm_times(folded: str, *, tentative: bool) -> list[TimeMention]:
    """Four-digit 24-hour times. With a suffix ("0300 hours", "2359Z") they are times; after
    a preposition alone ("at 1310") they may be years too (`tentative`): such a mention can
    match a clock time of the other side but is never reported on its own."""
    out = []
    for m in _EN_HHMM.finditer(folded):
        definite = bool(m.group("suffix"))
        lead = _HHMM_LEAD.search(folded[max(0, m.start() - 8) : m.start()])
        if definite != tentative and (definite or lead):
            hm = (int(m.group("h")), int(m.group("m")))
            out.append(TimeMention(frozenset({hm}), m.start(), m.end()))
    return out


def extract_times(folded: str, lang: str) -> list[TimeMention]:
    out: list[TimeMention] = []
    if lang == "en":
        out += hhmm_times(folded, tentative=False)
        for m in _EN_TIME.finditer(folded):
            if any(t.start <= m.start() < t.end for t in out):
                continue
            raw = m.group("h").lower()
            hour = _HOUR_WORDS[raw] if raw in _HOUR_WORDS else int(raw)
            minute = int(m.group("m") or 0)
            if hour > 12:
                continue
            pm = m.group("ap").lower().startswith("p")
            h24 = hour % 12 + (12 if pm else 0)
            out.append(TimeMention(frozenset({(h24, minute)}), m.start(), m.end()))
        for m in _EN_24H.finditer(folded):
            if any(t.start <= m.start() < t.end for t in out):
                continue
            out.append(
                TimeMention(frozenset({(int(m.group("h")), int(m.group("m")))}), m.start(), m.end())
            )
        return sorted(out, key=lambda t: t.start)
    for m in _ZH_TIME.finditer(folded):
        period = m.group("period")
        raw_h = m.group("h")
        if not raw_h.isdigit() and not period and raw_h != "零":
            continue  # 三点 is "three points" far more often than three o'clock
        if raw_h.isdigit() and m.group("unit") in "点點" and not period:
            continue
        hour = _zh_int(raw_h)
        if hour is None or hour > 24:
            continue
        minute = 30 if m.group("half") else (_zh_int(m.group("m")) if m.group("m") else 0) or 0
        if period in ("上午", "早上", "凌晨", "早"):
            hours = {hour % 12}
        elif period in ("下午", "晚上", "傍晚", "晚", "夜间", "夜里"):
            hours = {hour % 12 + 12} if hour <= 12 else {hour}
        elif period == "中午":
            hours = {hour if hour >= 11 else hour + 12}
        else:
            hours = {hour % 24, (hour + 12) % 24} if hour <= 12 else {hour % 24}
        out.append(TimeMention(frozenset((h, minute) for h in hours), m.start(), m.end()))
    return out


def date_mentions(view: PairView, lang: str) -> list[DateMention]:
    def compute() -> list[DateMention]:
        from aligner.qa.folding import mask

        text = mask(view.folded(lang), [(s.start, s.end) for s in symbol_spans(view, lang)])
        return extract_dates(text, lang)

    return view.memo(f"dates:{lang}", compute)


@dataclass(frozen=True)
class WeekdayMention:
    day: int
    """0 Monday ... 6 Sunday, as datetime counts."""
    start: int
    end: int


_EN_WEEKDAY = re.compile(r"\b(" + "|".join(calendar.day_name) + r")\b")
_ZH_WEEKDAY = re.compile(r"(?:星期|礼拜)([一二三四五六日天])")
_ZH_WEEKDAY_NUMBER = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
WEEKDAY_REACH = 12
"""A weekday names the date that ends or starts within this many characters of it."""


def weekday_mentions(view: PairView, lang: str) -> list[WeekdayMention]:
    def compute() -> list[WeekdayMention]:
        text = view.folded(lang)
        if lang == "en":
            names = list(calendar.day_name)
            return [
                WeekdayMention(names.index(m.group(1)), m.start(), m.end())
                for m in _EN_WEEKDAY.finditer(text)
            ]
        return [
            WeekdayMention(_ZH_WEEKDAY_NUMBER[m.group(1)], m.start(), m.end())
            for m in _ZH_WEEKDAY.finditer(text)
        ]

    return view.memo(f"weekdays:{lang}", compute)


def _dated(w: WeekdayMention, dates: list[DateMention]) -> DateMention | None:
    """The date a weekday belongs to: "星期三(，)2015年2月18日" or "2015年2月18日星期三",
    "Wednesday, 18 February 2015"."""
    near = [
        (min(abs(d.start - w.end), abs(w.start - d.end)), d)
        for d in dates
        if 0 <= d.start - w.end <= WEEKDAY_REACH or 0 <= w.start - d.end <= WEEKDAY_REACH
    ]
    return min(near, key=lambda x: x[0])[1] if near else None


def time_mentions(view: PairView, lang: str) -> list[TimeMention]:
    return view.memo(f"times:{lang}", lambda: extract_times(view.folded(lang), lang))


def _match_dates(a: list[DateMention], b: list[DateMention]) -> tuple[list[int], list[int]]:
    """Indices left unmatched on each side; exact matches are taken before compatible ones."""
    free_a, free_b = set(range(len(a))), set(range(len(b)))
    for test in (DateMention.exact, DateMention.compatible):
        for i in sorted(free_a):
            j = next((j for j in sorted(free_b) if test(a[i], b[j])), None)
            if j is not None:
                free_a.discard(i)
                free_b.discard(j)
    return sorted(free_a), sorted(free_b)


@register_check
class DateCheck(Check):
    name = "date"
    description = "dates and clock times agree (2020年11月9日 ↔ 9 November 2020)"

    def check(self, view: PairView, ctx: QAContext) -> list[Flag]:
        return self._date_flags(view) + self._time_flags(view) + self._weekday_flags(view)

    def _weekday_flags(self, view: PairView) -> list[Flag]:
        """A weekday the calendar contradicts ("Friday, 18 February 2015" was a Wednesday), or
        weekdays that differ between the sides."""
        days = {lang: weekday_mentions(view, lang) for lang in LANGS}
        flags: list[Flag] = []
        for lang in LANGS:
            for w in days[lang]:
                date = _dated(w, date_mentions(view, lang))
                if date is None or date.year is None or date.day is None:
                    continue
                try:
                    true_day = datetime.date(date.year, date.month, date.day).weekday()
                except ValueError:
                    continue
                if true_day != w.day:
                    text = view.text(lang)[w.start : w.end]
                    flags.append(
                        Flag(
                            "date",
                            "error",
                            f"{text} ({lang}): {date.label()} was a {calendar.day_name[true_day]}",
                            [Span(lang, w.start, w.end, text)],
                            self.name,
                            {"weekday": calendar.day_name[w.day], "date": date.label()},
                            score=0.85,
                        )
                    )
        if flags or not (days["zh"] and days["en"]):
            return flags
        zh_days = sorted(w.day for w in days["zh"])
        en_days = sorted(w.day for w in days["en"])
        if zh_days != en_days:
            spans = [
                Span(lang, w.start, w.end, view.text(lang)[w.start : w.end])
                for lang in LANGS
                for w in days[lang]
            ]
            flags.append(
                Flag(
                    "date",
                    "error",
                    "weekday differs: "
                    + " vs ".join(
                        f"{', '.join(s.text for s in spans if s.lang == g)} ({g})" for g in LANGS
                    ),
                    spans,
                    self.name,
                    score=0.8,
                )
            )
        return flags

    def _date_flags(self, view: PairView) -> list[Flag]:
        flags: list[Flag] = []
        dates = {lang: date_mentions(view, lang) for lang in LANGS}
        left = dict(zip(LANGS, _match_dates(dates["zh"], dates["en"]), strict=True))
        for lang in LANGS:
            rival_lang = other(lang)
            for i in left[lang]:
                d = dates[lang][i]
                text = view.text(lang)[d.start : d.end]
                rivals = [dates[rival_lang][j] for j in left[rival_lang]]
                spans = [Span(lang, d.start, d.end, text)]
                details: dict[str, str] = {"date": d.label()}
                if rivals:
                    if lang == "en":
                        continue  # a differing pair is reported once, from the zh side
                    r = rivals[0]
                    r_text = view.text(rival_lang)[r.start : r.end]
                    spans.append(Span(rival_lang, r.start, r.end, r_text))
                    message = f"date differs: {text} ({d.label()}) vs {r_text} ({r.label()})"
                    severity, score = "error", 0.85
                    details["other"] = r.label()
                elif any(k != i and d.compatible(e) for k, e in enumerate(dates[lang])) and any(
                    d.compatible(e) for e in dates[rival_lang]
                ):
                    message = (
                        f"date {text} is repeated in the {lang} but given once in the {rival_lang}"
                    )
                    severity, score = "info", 0.1
                else:
                    message = f"date {text} ({lang}) has no matching date in the {rival_lang}"
                    severity, score = ("error", 0.6) if d.day is not None else ("warning", 0.4)
                flags.append(Flag("date", severity, message, spans, self.name, details, score))
        return flags

    def _time_flags(self, view: PairView) -> list[Flag]:
        times = {lang: time_mentions(view, lang) for lang in LANGS}
        n_definite = len(times["en"])
        times["en"] = times["en"] + view.memo(
            "times:en:tentative", lambda: hhmm_times(view.folded("en"), tentative=True)
        )
        used: set[int] = set()
        unmatched_zh = []
        for t in times["zh"]:
            j = next((j for j, u in enumerate(times["en"]) if j not in used and t.matches(u)), None)
            if j is None:
                unmatched_zh.append(t)
            else:
                used.add(j)
        unmatched_en = [u for j, u in enumerate(times["en"]) if j not in used and j < n_definite]
        flags = []
        for lang, items in (("zh", unmatched_zh), ("en", unmatched_en)):
            for t in items:
                text = view.text(lang)[t.start : t.end]
                flags.append(
                    Flag(
                        "date",
                        "error",
                        f"time {text} ({lang}) has no matching time in the {other(lang)}",
                        [Span(lang, t.start, t.end, text)],
                        self.name,
                        score=0.6,
                    )
                )
        return flags
