"""Removing page furniture: running headers and footers, job numbers, page counters,
barcodes and the record's boilerplate notice.

What is removed is replaced by an empty line, because a page break is a break in the
text flow: the paragraph stage then decides whether the paragraph goes on across it.
The removed lines are kept: the running header is where a record states its symbol,
date and job number, which metadata parsing reads from them.

Extraction also glues furniture into the text: a footer's job number and page counter
run together ("26-039206/28" is job 26-03920 and page 6/28; "3/2826-03920" the other way
round) at the start, end or middle of a body line. Those are cut out wherever they are,
as are the record's own job number and running header (learnt from the lines that are
nothing else) when they turn up inside a line. The lines kept go through the repair of
words split by extraction (aligner.ingest.split_words).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from aligner.ingest.normalize import simplified_view
from aligner.ingest.patterns import (
    BARCODE,
    GLUED_FOOTER,
    HEADER_DATE,
    JOB_NUMBER,
    JUNK_CHARS,
    PAGE_COUNTER,
    PV_SYMBOL,
)
from aligner.ingest.split_words import rejoin_split_words

_LINE_BREAKS = re.compile(r"\r\n|[\n\r\f\v\u2028\u2029\x1c\x1d\x1e\x85]")
# Footer: job number and/or page counter, in either order, nothing else.
_FOOTER = re.compile(
    rf"^(?:{JOB_NUMBER.pattern}\s*(?:{PAGE_COUNTER.pattern})?|(?:{PAGE_COUNTER.pattern})\s*"
    rf"(?:{JOB_NUMBER.pattern})?)$"
)
_SHORT_TITLE_MAX = 160
# The distribution block of older covers: "Distr. GENERAL", "ENGLISH", "Original: FRENCH".
_DISTRIBUTION = re.compile(
    r"^(?:Distr\.\s*(?:GENERAL|LIMITED|RESTRICTED)"
    r"|(?:Original\s*:\s*)?(?:ENGLISH|FRENCH|SPANISH|RUSSIAN|ARABIC|CHINESE))$"
)
_LATIN_LINE = re.compile(r"^[^\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]*$")
# The standard notice of every verbatim record ("This record contains the text of
# speeches delivered in English and of the translation of speeches delivered in other
# languages..."; "...the original text of speeches..." in the 1990s; "This record is subject
# to correction." in the early 1990s), which ends with the address of the Official Document
# System or, before it existed, with the consolidated corrigendum.
NOTICE_START = re.compile(
    r"(?:This record contains the (?:original )?text of speeches"
    r"|This record is subject to correction|本记录包括|本记录载有|本纪录包括)"
)
NOTICE_END = re.compile(
    r"documents\.un\.org|Official Document System|consolidated corrigendum|正式文件系统"
)
NOTICE_MAX_LINES = 16


@dataclass
class FurnitureResult:
    lines: list[str]
    """The text lines, furniture replaced by empty lines."""
    removed: list[str] = field(default_factory=list)
    """Every removed line, in order (running headers hold the symbol and date)."""


def split_lines(text: str) -> list[str]:
    return _LINE_BREAKS.split(text)


def clean_line(line: str) -> str:
    """A line without extraction junk glyphs and with tabs and odd spaces as plain spaces."""
    line = JUNK_CHARS.sub(" ", line)
    return line.replace("\t", " ").replace("\u00a0", " ").replace("\u2009", " ").rstrip()


def strip_furniture(lines: list[str], *, keep_breaks: bool = True) -> FurnitureResult:
    """Remove furniture lines; with keep_breaks each leaves an empty line (a break in the
    text flow), without it (text whose blank lines are paragraph breaks) it leaves none."""
    cleaned = [clean_line(line) for line in lines]
    repeated = _repeated_headers(cleaned)
    out: list[str] = []
    removed: list[str] = []
    i = 0
    while i < len(cleaned):
        line = cleaned[i]
        stripped = line.strip()
        if NOTICE_START.match(simplified_view(stripped)):
            end = _notice_end(cleaned, i)
            removed.extend(cleaned[i : end + 1])
            if keep_breaks:
                out.extend([""] * (end + 1 - i))
            i = end + 1
            continue
        if stripped and (is_furniture_line(stripped) or " ".join(stripped.split()) in repeated):
            removed.append(stripped)
            if keep_breaks:
                out.append("")
        else:
            out.append(line)
        i += 1
    own = _own_furniture(removed)
    repaired: list[str] = []
    for line in out:
        if line.strip():
            line, cut = cut_glued_furniture(line, own)
            removed.extend(cut)
            if not line.strip():
                # Nothing but glued furniture: a break in the flow, like any furniture line.
                if keep_breaks:
                    repaired.append("")
                continue
            if _LATIN_LINE.match(line):
                line = rejoin_split_words(line)
        repaired.append(line)
    return FurnitureResult(lines=repaired, removed=removed)


def cut_glued_furniture(line: str, own: list[str] | None = None) -> tuple[str, list[str]]:
    """The line without the footers glued into it, and what was cut. `own` holds the
    record's own job numbers and running headers, cut wherever they appear."""
    cut: list[str] = []

    def glued(m: re.Match[str]) -> str:
        page, total = m.group("page1") or m.group("page2"), m.group("total1") or m.group("total2")
        if not 0 < int(page) <= int(total):
            return m.group(0)
        cut.append(m.group(0))
        return " "

    text = GLUED_FOOTER.sub(glued, line)
    for item in own or []:
        pattern = rf"(?<![\w/\-]){re.escape(item)}(?![\w/\-])"
        if re.search(pattern, text):
            cut.append(item)
            text = re.sub(pattern, " ", text)
    if not cut:
        return line, []
    indent = line[: len(line) - len(line.lstrip())]
    return indent + " ".join(text.split()), cut


def _own_furniture(removed: list[str]) -> list[str]:
    """The record's running headers and job numbers, as its furniture lines show them
    (longest first, so a header goes before the job number inside it)."""
    own: set[str] = set()
    for line in removed:
        text = " ".join(line.split())
        own.update(m.group(1) for m in JOB_NUMBER.finditer(text))
        if PV_SYMBOL.search(text) and HEADER_DATE.search(text) and len(text) > 20:
            own.add(text)
    return sorted(own, key=len, reverse=True)


def is_furniture_line(stripped: str) -> bool:
    """A running header/footer line, judged by the UN patterns alone."""
    text = " ".join(stripped.split())
    if _FOOTER.match(text) or BARCODE.match(text) or _DISTRIBUTION.match(text):
        return True
    symbols = PV_SYMBOL.findall(text)
    dates = HEADER_DATE.findall(text)
    if text in symbols or (len(dates) == 1 and HEADER_DATE.fullmatch(text)):
        return True
    # "15/09/2022 <short title> S/PV.9132" or "S/PV.9132 <short title> 15/09/2022".
    if symbols and dates and len(text) <= _SHORT_TITLE_MAX:
        starts = text.startswith(symbols[0]) or HEADER_DATE.match(text) is not None
        ends = text.endswith(symbols[-1]) or HEADER_DATE.search(text[-10:]) is not None
        return starts and ends
    return False


def _repeated_headers(lines: list[str]) -> set[str]:
    """Lines that recur three or more times and carry a symbol or a date: running headers
    whose layout the patterns above do not foresee."""
    counts = Counter(" ".join(line.split()) for line in lines if line.strip())
    return {
        text
        for text, n in counts.items()
        if n >= 3
        and len(text) <= _SHORT_TITLE_MAX
        and (PV_SYMBOL.search(text) or HEADER_DATE.search(text))
    }


def _notice_end(lines: list[str], start: int) -> int:
    last = min(len(lines) - 1, start + NOTICE_MAX_LINES)
    for j in range(start, last + 1):
        if NOTICE_END.search(simplified_view(lines[j])):
            return j
    # No closing address: the notice ends at its paragraph's end.
    for j in range(start + 1, last + 1):
        if not lines[j].strip():
            return j - 1
    return start
