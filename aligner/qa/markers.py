"""Layout furniture inside a pair's text: list and paragraph numbers, footnote markers.

UN documents number their paragraphs ("1 .", "51. ", "4.5 ", "(a)") and glue footnote
references to the word or punctuation they annotate ("Questions,22 subject", "2015;2",
"website.3"). Neither is content: a paragraph number is often on one side only (the aligner
or the document split it off differently) and a footnote marker is dropped or moved freely.
The number check masks list numbers and treats footnote markers as numbers that may match a
counterpart but are never missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HAN = "\u4e00-\u9fff"
# "187 .", "13. ", "41 .   2014年", "4.5 Effective", "4.5向", "(a)", "(iv)", "o   12月" (a bullet
# left by extraction). A section number without a dot must be followed by a capital or Han
# (not a scale: "1.5亿人" is 150 million people).
_LEADING = re.compile(
    rf"^\s*(?:"
    rf"(?P<num>\d{{1,3}}(?:\s?\.\s?\d{{1,3}})*)\s?\.(?![\d,])(?=\s|[{_HAN}A-Z(\"“]|$)"
    rf"|(?P<sec>\d{{1,3}}(?:\.\d{{1,3}})+)(?=\s+[A-Z(\"“]|(?![万亿千百])[{_HAN}])"
    rf"|\(\s?(?P<item>[a-z]|[ivxlc]{{1,5}}|\d{{1,2}})\s?\)(?=\s|[{_HAN}])"
    rf"|(?P<bullet>[o•·▪\-–])\s+(?=\S)"
    rf")"
)
# Item labels inside a text: "(a)", "(iv)", "（b）" — letters and roman numerals, not numbers.
_ITEM = re.compile(r"[(（]\s?(?:[a-z]|[ivxlc]{1,5})\s?[)）]")
# Numbered item labels of Chinese lists: circled and parenthesised digits (①, ⑴, ⒈) and
# Chinese numerals in brackets (㈡, （二）); the English writes them "(1)", "(2)(a)", "1.".
_CIRCLED = {
    **{chr(0x2460 + i): i + 1 for i in range(20)},  # ① .. ⑳
    **{chr(0x2474 + i): i + 1 for i in range(20)},  # ⑴ .. ⒇
    **{chr(0x2488 + i): i + 1 for i in range(20)},  # ⒈ .. ⒛
    **{chr(0x3220 + i): i + 1 for i in range(10)},  # ㈠ .. ㈩
    **{chr(0x3280 + i): i + 1 for i in range(10)},  # ㊀ .. ㊉
}
_ZH_LABEL = re.compile(
    "[" + "".join(_CIRCLED) + "]|[(（]\\s?(?P<cn>[一二三四五六七八九十]{1,3})\\s?[)）]"
)
# "(1)", "(12)" opening a list item in English: after the start, a space, a colon or
# semicolon, or another label ("(2)(a)"), and followed by a space or another label.
_EN_NUMBERED_LABEL = re.compile(r"(?:(?<=^)|(?<=[\s:;)]))\(\s?(?P<n>\d{1,2})\s?\)(?=\s|\(|$)")
# A footnote marker: digits glued to a lower-case word or to the punctuation that closes one
# ("Questions,22", "website.3", "reform"18"), or to the bracket closing a word ("(MINUSMA)3"),
# or after a year and a semicolon ("2015;2"),
# followed by a space, punctuation or the end.
_EN_FOOTNOTE = re.compile(
    r"(?:(?<=[a-z])(?<!Euro)(?<!euro)|(?<=[a-z)\]][,;:.\"”'’])|(?<=\d;)|(?<=[A-Za-z]\)))\d{1,3}"
    r"(?=[\s,;:.)\]]|$)"
)
# In Chinese a footnote follows closing punctuation: "报告；1", "报告。3", "《公约》2，".
_ZH_FOOTNOTE = re.compile(r"(?<=[；。》”）」;])\d{1,3}(?=$|[，。；、\s])")
# ... or stands after a list's or a bracket's closing mark, glued to the next item ("（马尔维纳
# 斯群岛）、1直布罗陀"): a count there takes a classifier or a unit ("、3名", "、5个"), a list of
# numbers a connective ("、30和40段"); after a closing bracket even a connective follows a note
# ("（马里稳定团）3和").
_ZH_UNIT_AFTER = (
    "个名人次项年月日号时分秒岁万亿千百十元美欧英份国所家件条款段届期天周倍台辆架吨米公克升度"
    "点位只批组轮场种类例起宗套张页章节篇部册门枚颗株头匹支座间层户口票成和与及至到或"
)
_ZH_FOOTNOTE_BEFORE_ITEM = re.compile(
    rf"(?<=[、，,])\d{{1,2}}(?=[\u4e00-\u9fff])(?![{_ZH_UNIT_AFTER}])"
    rf"|(?<=[）)」”》])\d{{1,2}}(?=[\u4e00-\u9fff])(?![{_ZH_UNIT_AFTER[:-6]}])"
)
# ... or is glued to the last word of the sentence: "管理活动1。" (a count there takes a
# classifier: "5人", "3次").
_ZH_FOOTNOTE_END = re.compile(r"(?<=[\u4e00-\u9fff])\d(?=[。；]?\s*$)")
# Page references differ between language versions of the same document ("第26页" / "p. 28"):
# their numbers may match a counterpart but are never missing nor different.
_PAGE = {
    "zh": re.compile(r"第\s?(\d{1,4})\s?(?:-|–|至)?\s?(?:\d{1,4}\s?)?页"),
    "en": re.compile(r"\b(?:pp?\.|pages?)\s?(\d{1,4})(?:\s?[-–]\s?\d{1,4})?", re.IGNORECASE),
}


@dataclass(frozen=True)
class ListNumber:
    """The number or label that opens a paragraph or list item."""

    label: str
    """Normalised: digits and dots without spaces ("187", "4.5.1"), or the item letter."""
    start: int
    end: int


def leading_number(text: str) -> ListNumber | None:
    m = _LEADING.match(text)
    if m is None:
        return None
    raw = m.group("num") or m.group("sec") or m.group("item") or m.group("bullet") or ""
    return ListNumber(re.sub(r"\s", "", raw), m.start(), m.end())


def item_labels(text: str) -> list[tuple[int, int]]:
    """Spans of "(a)"-style item labels anywhere in the text."""
    return [(m.start(), m.end()) for m in _ITEM.finditer(text)]


def zh_numbered_labels(text: str) -> list[tuple[int, int, int]]:
    """(start, end, value) of the numbered list labels of a Chinese text: ⑵, ①, ㈡, （二）."""
    out = []
    for m in _ZH_LABEL.finditer(text):
        if m.group("cn"):
            value = _CN_SMALL.get(m.group("cn"))
            if value is None:
                continue
        else:
            value = _CIRCLED[m.group(0)]
        out.append((m.start(), m.end(), value))
    return out


_CN_SMALL = {c: i + 1 for i, c in enumerate("一二三四五六七八九十")} | {
    "十" + c: 11 + i for i, c in enumerate("一二三四五六七八九")
}


def en_numbered_labels(text: str) -> list[tuple[int, int]]:
    """Spans of the digits of "(1)"-style list labels of an English text."""
    return [(m.start("n"), m.end("n")) for m in _EN_NUMBERED_LABEL.finditer(text)]


# "[23]" as web-published reports mark their notes
_BRACKETED = re.compile(r"\[(\d{1,3})\](?=[\s,;:.)]|$)")


def footnote_markers(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans of digits that look like footnote references (see the module docstring)."""
    pattern = _ZH_FOOTNOTE if lang == "zh" else _EN_FOOTNOTE
    spans = [(m.start(), m.end()) for m in pattern.finditer(text)]
    if lang == "zh":
        spans += [(m.start(), m.end()) for m in _ZH_FOOTNOTE_END.finditer(text)]
        spans += [(m.start(), m.end()) for m in _ZH_FOOTNOTE_BEFORE_ITEM.finditer(text)]
    return spans + [(m.start(1), m.end(1)) for m in _BRACKETED.finditer(text)]


def page_references(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans of the whole page references ("第26页", "p. 28", "pages 3-5")."""
    return [(m.start(), m.end()) for m in _PAGE[lang].finditer(text)]
