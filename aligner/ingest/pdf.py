"""Text of a UN record PDF, read column by column, with its paragraphs marked.

UN verbatim records are set in two columns under full-width blocks (the cover, the
notice box) with a running header and footer on every page. From the word positions
(aligner.ingest.pdf_words) this module
- drops the page furniture: rows in the top/bottom margin that repeat from page to page
  or have the form of a header/footer (job number, page counter, symbol and date), and
  the record's notice box;
- finds each page's column gutter and reads, zone by zone (a zone ends at a full-width
  row or a horizontal rule), the left column before the right one;
- marks paragraphs from the geometry, which a PDF, unlike extracted text, still has: a
  paragraph ends at a row that stops short of the column's right edge (text is
  justified), and starts at an indented row or after a vertical gap. A column or page
  break is no paragraph break unless the geometry says so.
The result is text in which a blank line is exactly a paragraph break
(`PdfText.blank_lines_are_breaks`), for aligner.ingest.paragraphs to join.
"""

from __future__ import annotations

import itertools
import logging
import re
import statistics
from collections import Counter
from dataclasses import dataclass

from aligner.errors import PdfError
from aligner.ingest.furniture import NOTICE_END, NOTICE_MAX_LINES, NOTICE_START, is_furniture_line
from aligner.ingest.normalize import simplified_view
from aligner.ingest.pdf_words import PageWords, Word, pdfium_pages, pdfplumber_pages

# Running headers/footers sit in these top and bottom shares of the page height.
_BAND = 0.085
# The gutter is looked for in this middle share of the page width.
_GUTTER_ZONE = (0.3, 0.7)
# A vertical gap this many times the usual line pitch is a paragraph gap.
_GAP_FACTOR = 1.45
# An indent of this many font sizes opens a paragraph.
_INDENT_EMS = 0.8
# A row ending this many font sizes before the column's right edge ends a paragraph.
_SHORT_EMS = 1.5
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
_DIGITS = re.compile(r"\d+")
_SENTENCE_END = re.compile(r"[。！？.!?…:：][”’」』）)\]\"']*$")

log = logging.getLogger(__name__)


@dataclass
class _Row:
    words: list[Word]

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def size(self) -> float:
        return statistics.median(w.size for w in self.words)

    @property
    def text(self) -> str:
        out = ""
        for w in sorted(self.words, key=lambda w: w.x0):
            if out and not (_CJK.match(out[-1]) or _CJK.match(w.text[0])):
                out += " "
            out += w.text
        return out


@dataclass
class _Line:
    """A row placed in reading order: which page, which column ("left", "right", "full"
    for a full-width row, "single" on a one-column page) and which zone of the page."""

    row: _Row
    page: int
    side: str
    zone: int


@dataclass
class PdfText:
    text: str
    """The body text in reading order; a blank line marks a paragraph break."""
    furniture: list[str]
    """Running header/footer lines dropped from the page margins (they name the symbol,
    date and job number)."""
    blank_lines_are_breaks: bool = True


def extract_pdf_text(data: bytes) -> str:
    """The record's text in reading order; PdfError for encrypted, image-only or broken files."""
    return read_pdf(data).text


def read_pdf(data: bytes) -> PdfText:
    """The record's text and its page furniture; PdfError for unreadable files."""
    page_count = _check_with_pdfium(data)
    pages = pdfium_pages(data)
    if not any(p.words for p in pages):
        # PDFium found no text; pdfminer maps some odd fonts PDFium does not.
        try:
            pages = pdfplumber_pages(data)
        except Exception as exc:  # pdfminer raises many unrelated types on damaged files
            log.info("pdfplumber could not read the PDF either: %s", exc)
    if not any(p.words for p in pages):
        raise PdfError(
            f"the PDF ({page_count} page(s)) has no text layer: it is a scanned, image-only "
            "document; run OCR on it first or give the text"
        )
    rows = [_rows(p.words) for p in pages]
    repeated = _repeated_band_rows(pages, rows)
    furniture: list[str] = []
    lines: list[_Line] = []
    for number, (page, page_rows) in enumerate(zip(pages, rows, strict=True)):
        body = _without_furniture(page, page_rows, repeated, furniture)
        lines.extend(_reading_order(number, page, body))
    return PdfText(_text_with_breaks(lines), furniture)


def _check_with_pdfium(data: bytes) -> int:
    import pypdfium2

    try:
        doc = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise PdfError(
                "the PDF is encrypted with a password; give an unprotected copy"
            ) from exc
        raise PdfError(f"the file is not a readable PDF ({exc})") from exc
    try:
        return len(doc)
    finally:
        doc.close()


def _rows(words: list[Word]) -> list[_Row]:
    """Words grouped into visual rows by their vertical position."""
    rows: list[_Row] = []
    for w in sorted(words, key=lambda w: (round(w.top, 1), w.x0)):
        if rows and abs(rows[-1].words[0].top - w.top) <= 0.45 * max(w.size, 1.0):
            rows[-1].words.append(w)
        else:
            rows.append(_Row([w]))
    return rows


def _band_key(row: _Row) -> str:
    return _DIGITS.sub("#", row.text).strip()


def _in_band(row: _Row, height: float) -> bool:
    return row.bottom < _BAND * height or row.top > (1 - _BAND) * height


def _repeated_band_rows(pages: list[PageWords], rows: list[list[_Row]]) -> set[str]:
    """Header/footer texts (digits masked) that recur in the page margins: running furniture."""
    counts: Counter[str] = Counter()
    for page, page_rows in zip(pages, rows, strict=True):
        counts.update({_band_key(r) for r in page_rows if _in_band(r, page.height)})
    return {k for k, n in counts.items() if n >= 2}


def _without_furniture(
    page: PageWords, rows: list[_Row], repeated: set[str], furniture: list[str]
) -> list[_Row]:
    body = []
    notice_left = 0
    for row in rows:
        text = row.text
        view = simplified_view(text)
        if notice_left == 0 and NOTICE_START.match(view):
            notice_left = NOTICE_MAX_LINES
        if notice_left:
            notice_left = 0 if NOTICE_END.search(view) else notice_left - 1
            furniture.append(text)
            continue
        in_band = _in_band(row, page.height)
        if in_band and (_band_key(row) in repeated or is_furniture_line(" ".join(text.split()))):
            furniture.append(text)
            continue
        body.append(row)
    return body


def _reading_order(number: int, page: PageWords, body: list[_Row]) -> list[_Line]:
    gutter = _find_gutter(page.width, body)
    if gutter is None:
        return [_Line(row, number, "single", 0) for row in body]
    out: list[_Line] = []
    zone = 0
    left: list[_Row] = []
    right: list[_Row] = []

    def flush() -> None:
        nonlocal zone
        out.extend(_Line(r, number, "left", zone) for r in left)
        out.extend(_Line(r, number, "right", zone) for r in right)
        left.clear()
        right.clear()
        zone += 1

    right_start = _usual(
        [min(w.x0 for w in r.words if w.x0 >= gutter) for r in body if r.x1 > gutter]
    )
    previous_bottom = 0.0
    for row in body:
        if any(previous_bottom <= y <= row.top for y in page.rules):
            flush()
        previous_bottom = row.bottom
        left_part = [w for w in row.words if w.x1 <= gutter]
        right_part = [w for w in row.words if w.x0 >= gutter]
        crossing = any(w.x0 < gutter < w.x1 for w in row.words)
        # Text that starts inside the gutter belongs to a full-width block (the cover).
        stray = bool(right_part) and min(w.x0 for w in right_part) < right_start - 2
        if crossing or stray:
            flush()
            out.append(_Line(row, number, "full", zone))
            zone += 1
            continue
        if left_part:
            left.append(_Row(left_part))
        if right_part:
            right.append(_Row(right_part))
    flush()
    return out


def _usual(values: list[float]) -> float:
    """The most common value (to the point): where a column's lines start or end."""
    if not values:
        return 0.0
    return float(Counter(round(x) for x in values).most_common(1)[0][0])


def _find_gutter(width: float, rows: list[_Row]) -> float | None:
    """The x of the white channel between two columns, if the page has two columns."""
    lo, hi = int(width * _GUTTER_ZONE[0]), int(width * _GUTTER_ZONE[1])
    crossing = [0] * (hi - lo)
    for row in rows:
        for w in row.words:
            for x in range(max(lo, int(w.x0)), min(hi, int(w.x1) + 1)):
                crossing[x - lo] += 1
    best = min(crossing)
    # The middle of the widest run of least-crossed positions.
    run_start, best_run = None, (0, -1)
    for i, c in enumerate([*crossing, best + 1]):
        if c == best and run_start is None:
            run_start = i
        elif c != best and run_start is not None:
            if i - run_start > best_run[1] - best_run[0]:
                best_run = (run_start, i)
            run_start = None
    gutter = lo + (best_run[0] + best_run[1]) / 2
    both_sides = sum(
        1
        for r in rows
        if any(w.x1 <= gutter for w in r.words) and any(w.x0 >= gutter for w in r.words)
    )
    left_only = sum(1 for r in rows if r.x1 <= gutter)
    right_only = sum(1 for r in rows if r.x0 >= gutter)
    two_columns = both_sides >= 3 or (left_only >= 3 and right_only >= 3)
    if not two_columns or best > 0.25 * len(rows):
        return None
    return gutter


def _text_with_breaks(lines: list[_Line]) -> str:
    """The lines as text, with a blank line wherever the geometry shows a paragraph break."""
    columns: dict[tuple[int, str], list[_Row]] = {}
    for line in lines:
        columns.setdefault((line.page, line.side), []).append(line.row)
    starts = {key: _usual([r.x0 for r in rows]) for key, rows in columns.items()}
    edges = {key: _usual([r.x1 for r in rows]) for key, rows in columns.items()}
    pitches = {key: _pitch(rows) for key, rows in columns.items()}

    def ends_paragraph(line: _Line) -> bool:
        key = (line.page, line.side)
        room = edges[key] - line.row.x1
        if room < _SHORT_EMS * line.row.size:
            return False
        # A row can also stop short before a long unbreakable token ("来函（见" before
        # "S/2022/688，"); only one that ends a sentence, or is very short, ends a paragraph.
        return bool(_SENTENCE_END.search(line.row.text)) or room > 0.5 * (edges[key] - starts[key])

    def indented(line: _Line) -> bool:
        return line.row.x0 > starts[(line.page, line.side)] + _INDENT_EMS * line.row.size

    out: list[str] = []
    for i, line in enumerate(lines):
        if i:
            before = lines[i - 1]
            same_column = (before.page, before.side, before.zone) == (
                line.page,
                line.side,
                line.zone,
            )
            gap = line.row.top - before.row.top
            if (
                "full" in (before.side, line.side)
                or ends_paragraph(before)
                or indented(line)
                or (same_column and gap > _GAP_FACTOR * pitches[(line.page, line.side)])
            ):
                out.append("")
        out.append(line.row.text)
    return "\n".join(out)


def _pitch(rows: list[_Row]) -> float:
    steps = [b.top - a.top for a, b in itertools.pairwise(rows) if b.top > a.top]
    return statistics.median(steps) if steps else rows[0].size * 1.2
