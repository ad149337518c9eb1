"""Rebuilding paragraphs from wrapped text lines.

Extracted text has one line per printed line, a blank line between paragraphs, but
also blank lines where a column or page ended inside a paragraph, and sometimes no
blank line where a paragraph did end. The decision at each line boundary uses what
typesetting guarantees:
- justified text fills every line of a paragraph but its last, so a short line ends a
  paragraph (or is a heading) and a full line does not;
- a blank line after a line that ends a sentence is a paragraph end; after a line that
  stops mid-sentence it is a column/page break inside the paragraph;
- with no blank line, a line that ends a sentence followed by an indented line is a
  paragraph end (the first-line indent survives extraction as leading spaces);
- caller-supplied predicates force a break before a line (speaker headers and
  procedural lines start paragraphs wherever they fall) or forbid one (the second line
  of a speaker header that wrapped).
Wrapped lines are joined without a space in Chinese and with one in English, where
end-of-line hyphens are resolved by aligner.ingest.hyphenation.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from aligner.ingest.hyphenation import Dehyphenator

# A line shorter than this share of the usual full line is a paragraph's last line.
SHORT_LINE = 0.6
_ZH_END = re.compile(r"[。！？!?…]+[”’」』）)】〕》\"']*$|(?<=[\u4e00-\u9fff])\.$")
_EN_END = re.compile(r"[.!?]+[”’\"')\]]*$")
# Abbreviations after which a period never ends a sentence.
_EN_NEVER_FINAL = re.compile(
    r"(?:^|[\s(])(?:Mr|Mrs|Ms|Messrs|Mmes|Dr|Prof|No|Nos|St|Sr|Jr|v|vs|cf|para|paras|art|"
    r"arts|Corr|Add|Rev|Vol|vol|p|pp|Gen|Lt|Col|Capt|Amb|H\.E|i\.e|e\.g|[A-Z])\.$"
)
_EN_WORD_AT_END = re.compile(r"([A-Za-z\u00c0-\u024f]+)-$")
_EN_WORD_AT_START = re.compile(r"^([A-Za-z\u00c0-\u024f]+)")
_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")

LinePredicate = Callable[[int], bool]


def display_width(text: str) -> int:
    """Printed width in half-width cells: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def full_line_width(lines: list[str]) -> float:
    """The width of a full line of this document's body text."""
    widths = sorted(display_width(line.strip()) for line in lines if line.strip())
    if not widths:
        return 0.0
    return float(widths[int(len(widths) * 0.75)])


def ends_sentence(line: str, lang: str) -> bool:
    line = line.rstrip()
    if lang == "zh":
        return bool(_ZH_END.search(line))
    return bool(_EN_END.search(line)) and not _EN_NEVER_FINAL.search(line)


def rebuild_paragraphs(
    lines: list[str],
    lang: str,
    forced_break: LinePredicate | None = None,
    dehyphenator: Dehyphenator | None = None,
    keep_with_previous: LinePredicate | None = None,
    blank_lines_are_breaks: bool = False,
) -> list[str]:
    """Paragraph texts (wrapped lines joined) from a record's body lines.

    `blank_lines_are_breaks` is for text whose breaks were already decided (PDF text,
    where aligner.ingest.pdf marks paragraphs from the page geometry): a blank line is
    then a paragraph break and nothing else is, except a forced one."""
    full = full_line_width(lines)
    paragraphs: list[str] = []
    current: list[str] = []
    blank_before = False
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            blank_before = bool(current)
            continue
        if current:
            last = current[-1]
            indented = line[:1].isspace()
            forced = forced_break is not None and forced_break(i)
            if blank_lines_are_breaks:
                is_break = forced or blank_before
            else:
                is_break = (
                    forced
                    or display_width(last) < SHORT_LINE * full
                    or (ends_sentence(last, lang) and (blank_before or indented))
                )
            if keep_with_previous is not None and keep_with_previous(i):
                is_break = False
            if is_break:
                paragraphs.append(_join(current, lang, dehyphenator))
                current = []
        current.append(stripped)
        blank_before = False
    if current:
        paragraphs.append(_join(current, lang, dehyphenator))
    return paragraphs


def _join(lines: list[str], lang: str, dehyphenator: Dehyphenator | None) -> str:
    out = lines[0]
    for line in lines[1:]:
        out = join_wrapped(out, line, lang, dehyphenator)
    return out


def join_wrapped(left: str, right: str, lang: str, dehyphenator: Dehyphenator | None) -> str:
    """Join a wrapped line to the text before it."""
    if lang == "zh":
        # Chinese wraps anywhere without a space; only Latin words keep one.
        if _ASCII_ALNUM.match(left[-1:]) and _ASCII_ALNUM.match(right[:1]) and left[-1].isalpha():
            return f"{left} {right}"
        return left + right
    if left.endswith("-") and not left.endswith("--"):
        before = _EN_WORD_AT_END.search(left)
        after = _EN_WORD_AT_START.match(right)
        if before and after:
            keep = (
                dehyphenator.keep_hyphen(before.group(1), after.group(1)) if dehyphenator else True
            )
            return left + right if keep else left[:-1] + right
        return left + right
    if left.endswith("\u00ad"):  # soft hyphen: always a break inside a word
        return left[:-1] + right
    if left.endswith("/") and not right[:1].isspace():
        return left + right
    return f"{left} {right}"
