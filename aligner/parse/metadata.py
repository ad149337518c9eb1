"""Meeting metadata: symbol, body, meeting number, date, times, agenda, documents, job number,
presidency and the Council's members.

Each fact is read from where UN records state it: the cover page (English records
and Chinese PDFs carry one), the running header (`15/09/2022 … S/PV.9132`), the
opening and closing lines, and the President's own words. Nothing is assumed about a
particular meeting. Chinese patterns are matched on the Simplified view of the text
(aligner.ingest.normalize.simplified_view), so Traditional records give the same facts.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from aligner.countries import Country, find_mentions
from aligner.ingest.normalize import simplified_view
from aligner.ingest.patterns import DOC_SYMBOL, HEADER_DATE, JOB_NUMBER, PV_SYMBOL, has_digit

_BODIES = {
    "S": "Security Council",
    "A": "General Assembly",
    "E": "Economic and Social Council",
    "T": "Trusteeship Council",
}
_BODY_NAMES = [
    ("Security Council", ("Security Council", "安全理事会")),
    ("General Assembly", ("General Assembly", "大会")),
    ("Economic and Social Council", ("Economic and Social Council", "经济及社会理事会")),
]
_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        start=1,
    )
}
_EN_DATE = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(\d{1,2})\s+"
    rf"({'|'.join(_MONTHS)})\s+(\d{{4}})"
)
_ZH_DATE = re.compile(
    r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:星期|周)[一二三四五六日天]"
)
_EN_MEETING = re.compile(r"\b(\d{1,5})(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\b")
_ZH_MEETING = re.compile(r"第\s*(\d{1,5})\s*次(?:全体)?会议")
_PV_NUMBER = re.compile(r"PV\.(\d+)")
_EN_TIME = re.compile(r"\b(\d{1,2})(?:\.(\d{2}))?\s*([ap])\.\s*m\.|\b(noon|midnight)\b")
_ZH_TIME = re.compile(r"(上午|下午|中午|晚上|凌晨)?\s*(\d{1,2})\s*时\s*(?:(\d{1,2})\s*分)?")
_EN_COVER_PRESIDENT = re.compile(r"^\s*President\s*:.*\(([^()]+)\)\s*$")
_ZH_COVER_PRESIDENT = re.compile(r"^\s*主席\s*[：:].*[（(]([^（）()]+)[）)]\s*$")
# Dot leaders, solid ("......") or spaced (". . . . .") as UN covers print them.
_LEADERS = r"(?:(?:\.\s?){3,}|…{2,}|(?:·\s?){3,})"
_EN_COVER_MEMBERS = re.compile(rf"^\s*(?:Members\s*:)?\s*(.+?)\s*{_LEADERS}")
_ZH_COVER_MEMBERS = re.compile(rf"^\s*(?:成员\s*[：:])?\s*(.+?)\s*{_LEADERS}")
_NATIONAL_CAPACITY = {
    "en": re.compile(r"in my (?:national )?capacity as (?:the )?representative of ([^.,;]+)"),
    "zh": re.compile(r"以(.{1,30}?)代表的?身份发言"),
}


def find_countries(text: str, lang: str) -> list[Country]:
    """Countries named in running text, in order of first mention, each once."""
    found: dict[str, Country] = {}
    for mention in find_mentions(simplified_view(text), lang):
        found.setdefault(mention.country.code, mention.country)
    return list(found.values())


def first_country(text: str, lang: str) -> Country | None:
    countries = find_countries(text, lang)
    return countries[0] if countries else None


def most_common(values: list[str]) -> str | None:
    if not values:
        return None
    return Counter(values).most_common(1)[0][0]


def find_symbol(texts: list[str]) -> str | None:
    """The record's own symbol: the verbatim-record symbol repeated in headers and cover."""
    found = [" ".join(s.split()) for t in texts for s in PV_SYMBOL.findall(t)]
    return most_common(found)


def find_body(symbol: str | None, texts: list[str]) -> str | None:
    if symbol:
        prefix = symbol.split("/", 1)[0]
        if prefix in _BODIES:
            return _BODIES[prefix]
    joined = simplified_view("\n".join(texts))
    for body, names in _BODY_NAMES:
        if any(n in joined for n in names):
            return body
    return None


def find_meeting_number(cover: list[str], symbol: str | None) -> int | None:
    text = simplified_view("\n".join(cover))
    m = _EN_MEETING.search(text) or _ZH_MEETING.search(text)
    if m:
        return int(m.group(1))
    if symbol and (m := _PV_NUMBER.search(symbol)):
        return int(m.group(1))
    return None


def find_date(cover: list[str], furniture: list[str]) -> str | None:
    """ISO date of the meeting: the cover's dated line, else the running header's date."""
    text = simplified_view("\n".join(cover))
    if m := _EN_DATE.search(text):
        return _iso(int(m.group(3)), _MONTHS[m.group(2)], int(m.group(1)))
    if m := _ZH_DATE.search(text):
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    header_dates = [
        iso
        for line in furniture
        for d, mo, y in HEADER_DATE.findall(line)
        if (iso := _iso(int(y), int(mo), int(d)))
    ]
    return most_common(header_dates)


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def find_time(line: str, lang: str) -> str | None:
    """24-hour "HH:MM" of an opening or closing line."""
    if lang == "en":
        m = _EN_TIME.search(line)
        if not m:
            return None
        if m.group(4):
            return "12:00" if m.group(4) == "noon" else "00:00"
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if m.group(3) == "p" and hour < 12:
            hour += 12
        elif m.group(3) == "a" and hour == 12:
            hour = 0
    else:
        m = _ZH_TIME.search(simplified_view(line))
        if not m:
            return None
        period, hour, minute = m.group(1), int(m.group(2)), int(m.group(3) or 0)
        if period in ("下午", "晚上") and hour < 12:
            hour += 12
        elif period == "凌晨" and hour == 12:
            hour = 0
    if not (0 <= hour < 24 and 0 <= minute < 60):
        return None
    return f"{hour:02d}:{minute:02d}"


def find_job_number(texts: list[str]) -> str | None:
    return most_common([m.group(1) for t in texts for m in JOB_NUMBER.finditer(t)])


def find_documents(texts: list[str], own_symbol: str | None) -> list[str]:
    """Document symbols cited, in order of first mention (the record's own symbol excluded)."""
    found: dict[str, None] = {}
    for text in texts:
        for m in DOC_SYMBOL.finditer(text):
            symbol = m.group(0)
            if has_digit(symbol) and "/" in symbol and symbol != own_symbol:
                found.setdefault(symbol, None)
    return list(found)


def cover_president(cover: list[str], lang: str) -> Country | None:
    """The presidency named on the cover ("President: ..... (France)")."""
    pattern = _ZH_COVER_PRESIDENT if lang == "zh" else _EN_COVER_PRESIDENT
    for line in cover:
        m = pattern.match(simplified_view(line))
        if m and (country := first_country(m.group(1), lang)):
            return country
    return None


def cover_members(cover: list[str], lang: str) -> list[Country]:
    """The members listed on the cover, one per dot-leader line after "Members:"."""
    pattern = _ZH_COVER_MEMBERS if lang == "zh" else _EN_COVER_MEMBERS
    members: dict[str, Country] = {}
    in_list = False
    for line in map(simplified_view, cover):
        if re.match(r"^\s*(?:Members|成员)\s*[：:]", line):
            in_list = True
        if not in_list or not line.strip():
            continue
        m = pattern.match(line)
        if m is None:
            break  # the list is over ("Agenda")
        if country := first_country(m.group(1), lang):
            members.setdefault(country.code, country)
    return list(members.values())


def national_statement_country(text: str, lang: str) -> Country | None:
    """The country of a President speaking in a national capacity."""
    m = _NATIONAL_CAPACITY[lang].search(simplified_view(text))
    return first_country(m.group(1), lang) if m else None
