"""Regular expressions for the fixed furniture of UN documents, shared by ingest and parse.

Document symbols (`S/PV.9132`, `A/77/PV.5`, `S/2022/688`, `A/RES/77/1`), job numbers
(`22-59199`), page counters (`9/14`) and running-header dates (`15/09/2022`) follow UN
editorial rules, not the wording of any one record.
"""

from __future__ import annotations

import re

# A verbatim-record symbol: organ prefix, optional session/committee parts, "PV.n".
PV_SYMBOL = re.compile(
    r"(?<![A-Za-z0-9/])[A-Z]{1,4}(?:/[A-Z0-9][A-Za-z0-9.\-]*)*/PV\.\d+"
    r"(?:\s*\((?:Resumption|Part)\s*\d*\))?(?![A-Za-z0-9])"
)
# Any UN document symbol cited in the text: uppercase series, then slash-separated parts
# of which at least one holds a digit. The look-behind also works next to Chinese
# characters ("以S/2022/638为编号"), where \b would not.
DOC_SYMBOL = re.compile(
    r"(?<![A-Za-z0-9/])[A-Z]{1,6}(?:\.\d+)?"
    # Specific part shapes first ("CN.6", "ES-11", "Add.1"), so "E/CN.6" is not cut at "E/CN".
    r"(?:/(?:[A-Z][A-Za-z]{0,4}\.\d+[A-Z]?|[A-Z]{1,4}-\d+|\d{1,5}[A-Z]?|[A-Z]{1,8}))+"
    r"(?![A-Za-z0-9]|[.\-]\d)"
)
JOB_NUMBER = re.compile(r"(?<![\d-])(\d{2}-\d{5})(?:\s*\([A-Z]\))?(?![\d-])")
HEADER_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
PAGE_COUNTER = re.compile(r"(?<![\d/])\d{1,3}/\d{1,3}(?![\d/])")
# A job number and a page counter run together, either way round, anywhere in a line
# ("26-039206/28" is job 26-03920 on page 6/28, "3/2826-03920" the other way round,
# "26-03920 (E) 6/28"). The job number's five digits after the hyphen tell where the
# page number starts; the page must not exceed the count (checked by the caller).
_JOB = r"\d{2}-\d{5}(?:\s*\([A-Z]\))?"
GLUED_FOOTER = re.compile(
    rf"(?<![\d/\-])(?:(?P<job1>{_JOB})\s*(?P<page1>\d{{1,3}})/(?P<total1>\d{{1,3}})"
    rf"|(?P<page2>\d{{1,3}})/(?P<total2>\d{{1,3}})\s*(?P<job2>{_JOB}))(?![\d/])"
)
BARCODE = re.compile(r"^\*\d{6,}\*$")
# Replacement characters and private-use glyphs that PDF extraction leaves for symbols
# drawn with decorative fonts (the diamond between job number and page counter).
JUNK_CHARS = re.compile(r"[\ufffd\ue000-\uf8ff\u25c6\u25c7\u2666\u00a4]")


def has_digit(symbol: str) -> bool:
    return any(ch.isdigit() for ch in symbol)
