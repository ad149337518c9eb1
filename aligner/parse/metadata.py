"""Meeting metadata: symbol, body, meeting number, date, times, agenda, documents, job number,
presidency and the Council's members.

Each fact is read from where UN records state it: the cover page (English records
and Chinese PDFs carry one), the running header (`15/09/2022 … S/PV.9132`), the
opening and closing lines, and the President's own words. Nothing is assumed about a
particular meeting. Chinese patterns are matched on the Simplified view of the text
(aligner.ingest.normalize.simplified_view), so Traditional records give the same facts.

Layouts recognised, 1946 to today, General Assembly and Security Council:
- symbols `S/PV.500`, `A/PV.123` (General Assembly plenary before its 31st session, 1976),
  `A/48/PV.46`, `A/ES-10/PV.37`, `A/S-27/PV.5`, `A/C.1/73/PV.5`, with `(Resumption 1)` or
  `(Part II)`, also as extraction spaces them (`S/PV .8422`, `A /60/PV.25`). A record that
  does not print its symbol (older covers) gets it from UN numbering: `S/PV.<meeting>` for
  the Security Council, `A/PV.<meeting>` or `A/<session>/PV.<meeting>` for plenary
  meetings of the General Assembly, from the body, session and meeting the cover names;
- meeting lines `8422nd meeting`, `46th PLENARY MEETING`, `476th MEETING: 7 JULY 1950`,
  `第9132次会议`, `第九六四二次会议`, `第45次全体会议`;
- dates `Tuesday, 18 December 2018, 10 a.m.`, `Monday, 1 November 1993`, `THURSDAY,
  7 SEPTEMBER 1950, at 3 p.m.`, `on Friday, July 7, 1950`, `MEETING: 7 JULY 1950`,
  `2022年9月15日星期四`, and the running headers `15/09/2022` and (1990s)
  `46th meeting - Monday, 1 November 1993`; a date the agenda cites ("Letter dated …")
  or the distribution date of the cover is never taken for the meeting's.
"""

from __future__ import annotations

import contextlib
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
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = rf"({'|'.join(_MONTHS)})"
# "Tuesday, 18 December 2018" and, in some early records, "Friday, July 7, 1950".
_EN_DATE = re.compile(
    rf"{_WEEKDAY},?\s+(?:(\d{{1,2}})\s+{_MONTH},?\s+(\d{{4}})|{_MONTH}\s+(\d{{1,2}}),?\s+(\d{{4}}))",
    re.IGNORECASE,
)
# "476th MEETING: 7 JULY 1950", "1234th meeting, held on 7 July 1965": a date right after
# the meeting's number, without a weekday.
_EN_MEETING_DATE = re.compile(
    rf"\bmeeting\b[:,.\s]*(?:held\s+)?(?:on\s+)?(\d{{1,2}})\s+{_MONTH},?\s+(\d{{4}})",
    re.IGNORECASE,
)
_ZH_DATE = re.compile(
    r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:星期|周)[一二三四五六日天]"
)
_EN_MEETING = re.compile(r"\b(\d{1,5})\s?(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\b", re.IGNORECASE)
_ZH_MEETING = re.compile(r"第\s*([\d〇零一二三四五六七八九十百千]{1,12})\s*次(?:全体)?会议")
_EN_SESSION = re.compile(r"\b(\d{1,3})\s?(?:st|nd|rd|th)\s+(?:regular\s+)?session\b", re.IGNORECASE)
_ZH_SESSION = re.compile(r"第\s*([\d〇零一二三四五六七八九十百]{1,8})\s*届会议")
# Symbols as extraction spaces them: "S/PV .8422", "A /60/PV.25", "S/PV. 8422".
_SPACED_SYMBOL = re.compile(
    r"(?<=[A-Z0-9.])\s+(?=/)|(?<=/)\s+(?=[A-Z0-9])|(?<=PV)\s+(?=\.)|(?<=PV\.)\s+(?=\d)"
)
_SYMBOL_SUFFIX = re.compile(r"\s*\((?:Resumption|Part)\b[^)]*\)$")
# General Assembly plenary records carry the session in their symbol from the 31st session.
_GA_SESSION_SYMBOLS_FROM = 31
_PV_NUMBER = re.compile(r"PV\.(\d+)")
_EN_TIME = re.compile(r"\b(\d{1,2})(?:\.(\d{2}))?\s*([ap])\.\s*m\.|\b(noon|midnight)\b")
_ZH_TIME = re.compile(r"(上午|下午|中午|晚上|凌晨)?\s*(\d{1,2})\s*时\s*(?:(\d{1,2})\s*分)?")
_EN_COVER_PRESIDENT = re.compile(r"^\s*President\s*:.*\(([^()]+)\)\s*$")
_PRESIDENT_LABEL = re.compile(r"^\s*(?:President|主席)\s*[：:]")
_BRACKETED = re.compile(r"^\s*[（(]([^（）()]+)[）)]\s*$")
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
    """The record's own symbol: the verbatim-record symbol repeated in headers and cover,
    with its "(Resumption 1)" when it has one; when none is printed, the symbol UN numbering
    gives the meeting (see the module docstring)."""
    found = [_SYMBOL_SPACES.sub(" ", s) for t in texts for s in PV_SYMBOL.findall(_unspace(t))]
    if not found:
        return derived_symbol(texts)
    base = most_common([_SYMBOL_SUFFIX.sub("", s) for s in found])
    suffixed = [s for s in found if s != base and _SYMBOL_SUFFIX.sub("", s) == base]
    return most_common(suffixed) or base


_SYMBOL_SPACES = re.compile(r"\s+")


def _unspace(text: str) -> str:
    return _SPACED_SYMBOL.sub("", text)


def derived_symbol(texts: list[str]) -> str | None:
    """`S/PV.<n>`, `A/PV.<n>` or `A/<session>/PV.<n>` from what the cover says, for records
    that do not print their symbol; None when body or meeting number is not stated."""
    body = find_body(None, texts)
    number = find_meeting_number(texts, None)
    if number is None:
        return None
    if body == "Security Council":
        return f"S/PV.{number}"
    joined = simplified_view("\n".join(texts))
    plenary = re.search(r"plenary\s+meeting|全体会议", joined, re.IGNORECASE)
    if body == "General Assembly" and plenary:
        session = find_session(texts)
        if session is None:
            return None
        if session < _GA_SESSION_SYMBOLS_FROM:
            return f"A/PV.{number}"
        return f"A/{session}/PV.{number}"
    return None


def find_session(texts: list[str]) -> int | None:
    """The General Assembly session a cover names ("Forty-eighth session", "第七十三届会议")."""
    text = simplified_view("\n".join(texts))
    if m := _EN_SESSION.search(numbered(text)):
        return int(m.group(1))
    if m := _ZH_SESSION.search(text):
        return _zh_number(m.group(1))
    return None


_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}  # fmt: skip
_TENTHS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
           "seventieth": 70, "eightieth": 80, "ninetieth": 90}  # fmt: skip


_ORDINAL_WORD = re.compile(
    rf"\b(?:(?:{'|'.join(_TENS)})-)?(?:{'|'.join([*_UNITS, *_TENTHS])})\b", re.IGNORECASE
)


def numbered(text: str) -> str:
    """English number words as digits, ordinals included: "FOUR HUNDRED AND SEVENTY-SIXTH
    MEETING" -> "476th MEETING", "Sixtieth session" -> "60th session"."""
    from text_to_num import alpha2digit

    # text2num is strict about odd sequences; the words then stay as they are.
    with contextlib.suppress(Exception):
        text = alpha2digit(text, "en", threshold=0)
    return _ORDINAL_WORD.sub(lambda m: f"{ordinal_number(m.group(0))}th", text)


def ordinal_number(word: str) -> int | None:
    """1-99 from an English ordinal word: "Fifth", "Forty-eighth", "Sixtieth"."""
    parts = word.casefold().split("-")
    if len(parts) == 1:
        return _UNITS.get(parts[0]) or _TENTHS.get(parts[0])
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _UNITS and _UNITS[parts[1]] < 10:
        return _TENS[parts[0]] + _UNITS[parts[1]]
    return None


def _zh_number(text: str) -> int | None:
    """A number written in digits or Chinese numerals: "9132", "九六四二", "四十六"."""
    if text.isdigit():
        return int(text)
    digits = str.maketrans("〇零一二三四五六七八九", "00123456789")
    if all(ch in "〇零一二三四五六七八九" for ch in text):
        return int(text.translate(digits))
    import cn2an

    try:
        return int(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError):
        return None


def find_body(symbol: str | None, texts: list[str]) -> str | None:
    if symbol:
        prefix = symbol.split("/", 1)[0]
        if prefix in _BODIES:
            return _BODIES[prefix]
    joined = simplified_view("\n".join(texts)).casefold()
    for body, names in _BODY_NAMES:
        if any(n.casefold() in joined for n in names):
            return body
    return None


def find_meeting_number(cover: list[str], symbol: str | None) -> int | None:
    """The meeting's number: the symbol's (authoritative), else the cover's meeting line."""
    if symbol and (m := _PV_NUMBER.search(symbol)):
        return int(m.group(1))
    text = simplified_view("\n".join(cover))
    if m := _EN_MEETING.search(text) or _EN_MEETING.search(numbered(text)):
        return int(m.group(1))
    if m := _ZH_MEETING.search(text):
        return _zh_number(m.group(1))
    return None


def find_date(cover: list[str], furniture: list[str]) -> str | None:
    """ISO date of the meeting: the cover's dated line, else the running header's date."""
    text = simplified_view("\n".join(cover))
    if found := _dated_line(text):
        return found
    header_dates = [
        iso
        for line in furniture
        for d, mo, y in HEADER_DATE.findall(line)
        if (iso := _iso(int(y), int(mo), int(d)))
    ]
    if header_dates:
        return most_common(header_dates)
    # Headers of the 1990s spell it out: "46th meeting - Monday, 1 November 1993".
    return _dated_line(simplified_view("\n".join(furniture)))


def _dated_line(text: str) -> str | None:
    """The first meeting date of a text: weekday dates, or a date right after "meeting"."""
    found = []
    for m in _EN_DATE.finditer(text):
        if m.group(1):
            found.append((m.start(), int(m.group(3)), m.group(2), int(m.group(1))))
        else:
            found.append((m.start(), int(m.group(6)), m.group(4), int(m.group(5))))
    for m in _EN_MEETING_DATE.finditer(text):
        found.append((m.start(), int(m.group(3)), m.group(2), int(m.group(1))))
    for _, year, month, day in sorted(found):
        if iso := _iso(year, _MONTHS[month.capitalize()], day):
            return iso
    if m := _ZH_DATE.search(text):
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None


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


def header_title(furniture: list[str]) -> str | None:
    """The agenda title the running headers print ("11/09/2024 <title> S/PV.9722"), the one
    most pages carry (a short record may print only one): the record's agenda item when its
    opening procedure is missing (an extraction that starts at the first speech)."""
    titles: Counter[str] = Counter()
    for line in furniture:
        text = " ".join(line.split())
        symbols, dates = PV_SYMBOL.findall(text), HEADER_DATE.findall(text)
        if len(symbols) != 1 or len(dates) != 1:
            continue
        title = HEADER_DATE.sub(" ", PV_SYMBOL.sub(" ", text))
        title = " ".join(title.split()).strip(" -–—|")
        han = sum("\u4e00" <= ch <= "\u9fff" for ch in title)
        if han >= 2 or len(re.findall(r"[A-Za-z]{2,}", title)) >= 2:
            titles[title] += 1
    if not titles:
        return None
    return titles.most_common(1)[0][0]


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
    """The presidency named on the cover ("President: ..... (France)"), also when the
    country is printed on the line below the name ("President: Mr. INSANALLY" / "(Guyana)")."""
    pattern = _ZH_COVER_PRESIDENT if lang == "zh" else _EN_COVER_PRESIDENT
    lines = [simplified_view(line) for line in cover]
    for i, line in enumerate(lines):
        m = pattern.match(line)
        if m and (country := first_country(m.group(1), lang)):
            return country
        if _PRESIDENT_LABEL.match(line):
            following = [x for x in lines[i + 1 : i + 4] if x.strip()][:2]
            for text in following:
                if (m := _BRACKETED.match(text)) and (country := first_country(m.group(1), lang)):
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
