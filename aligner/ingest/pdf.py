"""Text of a UN record PDF, read column by column, with its paragraphs marked.

UN verbatim records are set in two columns under full-width blocks (the cover, the
notice box) with a running header and footer on every page. From the word positions
(aligner.ingest.pdf_words: poppler's pdftotext, else PDFium, else pdfminer; repaired by
aligner.ingest.pdf_word_repair) this module
- drops the page furniture: rows in the top/bottom margin that repeat from page to page
  or have the form of a header/footer (job number, page counter, symbol and date, the
  distribution block of older covers), short rows naming the symbol at a page's edge
  (typed records), and the record's notice box (every form since the 1990s);
- finds each page's column gutter and reads, zone by zone (a zone ends at a full-width
  row or a horizontal rule), the left column before the right one; a zone of dot-leader
  rows (the cover's President and Members table) is read row by row;
- marks paragraphs from the geometry, which a PDF, unlike extracted text, still has: a
  paragraph ends at a row that stops short of the column's right edge (text is
  justified), and starts at an indented row or after a vertical gap. A column or page
  break is no paragraph break unless the geometry says so.
The result is text in which a blank line is exactly a paragraph break
(`PdfText.blank_lines_are_breaks`), for aligner.ingest.paragraphs to join.

Nothing here raises on a PDF an engine could read: a page whose columns cannot be read is
read as one column, a layout that cannot be analysed at all is read row by row, and each
such step leaves a warning in `PdfText.warnings` (carried to `Record.warnings` and the
parse JSON). A PDF without a text layer is a PdfError asking for OCR.
"""

from __future__ import annotations

import itertools
import logging
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from aligner.errors import PdfError
from aligner.ingest.furniture import NOTICE_END, NOTICE_MAX_LINES, NOTICE_START, is_furniture_line
from aligner.ingest.normalize import simplified_view
from aligner.ingest.patterns import PV_SYMBOL
from aligner.ingest.pdf_word_repair import close_letter_spacing, join_abutting
from aligner.ingest.pdf_words import EngineUnavailable, PageWords, Word, get_engine

# Running headers/footers sit in these top and bottom shares of the page height.
_BAND = 0.1
# The gutter is looked for in this middle share of the page width.
_GUTTER_ZONE = (0.3, 0.7)
# A vertical gap this many times the usual line pitch is a paragraph gap.
_GAP_FACTOR = 1.45
# An indent of this many font sizes opens a paragraph.
_INDENT_EMS = 0.8
# Rows starting within this many font sizes of each other are aligned (one block).
_BLOCK_ALIGN = 0.3
# A row ending this many font sizes before the column's right edge ends a paragraph.
_SHORT_EMS = 1.5
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
_DIGITS = re.compile(r"\d+")
# Rows of a column that start at one position to make it the column's left edge.
_SHARED_START = 2
# The first and last rows of a page that may be furniture of varying form.
_EDGE_ROWS = 2
_EDGE_SYMBOL_ROW = 40
_CONTINUED_SPEAKER = re.compile(
    r"^\((?:(?:Mr|Mrs|Ms|Miss|Sir|Dame|Dr|Lord|Baroness)\b\.?[^()]*,[^()]+"
    r"|The (?:Acting )?(?:President|Chairman|Chair))\)$"
)
_LEADERS = re.compile(r"(?:\.\s?){5,}|…{3,}")
_SENTENCE_END = re.compile(r"[。！？.!?…:：][”’」』）)\]\"']*$")

# The engine measured best on official records (bench/real_pdf.py), then the fallbacks
# in the order tried.
DEFAULT_ENGINE = "poppler"
FALLBACK_ENGINES = ("poppler", "pdfium", "pdfplumber")

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

    @cached_property
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
    warnings: list[str] = field(default_factory=list)
    """What the reading could not do as usual (an engine missing, a page read as one
    column, pages without text): the text is usable but may be incomplete or out of order."""
    engine: str = ""
    """The word engine that read the words (aligner.ingest.pdf_words)."""
    line_pages: list[int] = field(default_factory=list)
    """The page (0-based) of each line of `text`; a blank line takes the page before it."""


def extract_pdf_text(data: bytes, engine: str | None = None) -> str:
    """The record's text in reading order; PdfError for encrypted, image-only or broken files."""
    return read_pdf(data, engine).text


def read_pdf(data: bytes, engine: str | None = None) -> PdfText:
    """The record's text and its page furniture; PdfError for unreadable files.

    `engine` names the word engine to try first (default DEFAULT_ENGINE); when it cannot
    run the next one of FALLBACK_ENGINES reads the file and a warning says so."""
    info = _check_with_pdfium(data)
    warnings = list(info.warnings)
    pages, used = _read_words(data, engine or DEFAULT_ENGINE, warnings)
    if not any(p.words for p in pages):
        raise PdfError(_no_text_layer(info.pages))
    empty = [str(n + 1) for n, p in enumerate(pages) if not p.words]
    if empty:
        warnings.append(
            f"page(s) {', '.join(empty)} of {len(pages)} have no text layer (scanned images?): "
            "their text is missing; run OCR on them"
        )
    try:
        return _layout(pages, warnings, used)
    except Exception as exc:  # the last line of defence: plain rows, never a traceback
        log.warning("PDF layout failed: %r", exc)
        warnings.append(
            f"the page layout could not be analysed ({type(exc).__name__}): the text is "
            "read row by row across the page, columns and furniture may be mixed in"
        )
        return _plain_rows(pages, warnings, used)


def _layout(pages: list[PageWords], warnings: list[str], used: str) -> PdfText:
    rows = [_rows(p.words) for p in pages]
    repeated = _repeated_band_rows(pages, rows)
    furniture: list[str] = []
    lines: list[_Line] = []
    for number, (page, page_rows) in enumerate(zip(pages, rows, strict=True)):
        body = _without_furniture(page, page_rows, repeated, furniture)
        try:
            lines.extend(_reading_order(number, page, body))
        except Exception as exc:  # an unforeseen layout must degrade, not crash
            log.warning("page %d: column reading failed: %r", number + 1, exc)
            warnings.append(
                f"page {number + 1}: unexpected layout ({type(exc).__name__}); "
                "read as a single column, its reading order may be wrong"
            )
            lines.extend(_Line(row, number, "single", 0) for row in body)
    text, line_pages = _text_with_breaks(lines)
    return PdfText(text, furniture, True, warnings, used, line_pages)


def _plain_rows(pages: list[PageWords], warnings: list[str], used: str) -> PdfText:
    """Each page's words in rows from top to bottom, a blank line between rows."""
    out: list[str] = []
    line_pages: list[int] = []
    for number, page in enumerate(pages):
        for row in _rows_plain(page.words):
            out.extend([row, ""])
            line_pages.extend([number, number])
    return PdfText("\n".join(out), [], True, warnings, used, line_pages)


def _rows_plain(words: list[Word]) -> list[str]:
    rows: dict[int, list[Word]] = {}
    for w in words:
        rows.setdefault(round(w.top / 4), []).append(w)
    return [
        " ".join(w.text for w in sorted(r, key=lambda w: w.x0)) for _, r in sorted(rows.items())
    ]


def require_text_layer(data: bytes) -> int:
    """The page count of a PDF that has a text layer; PdfError otherwise (unreadable,
    password-protected, or scanned images only). Cheap (PDFium counts characters, page by
    page, until it finds some), for a check before queuing work on a file."""
    import pypdfium2

    info = _check_with_pdfium(data)
    doc = pypdfium2.PdfDocument(data)
    try:
        for page in doc:
            if page.get_textpage().count_chars() > 0:
                return info.pages
    finally:
        doc.close()
    raise PdfError(_no_text_layer(info.pages))


def _no_text_layer(pages: int) -> str:
    return (
        f"the PDF ({pages} page(s)) has no text layer: it is a scanned, image-only "
        "document; run OCR first, or give the extracted text"
    )


@dataclass
class _PdfInfo:
    pages: int
    warnings: list[str]


def _check_with_pdfium(data: bytes) -> _PdfInfo:
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    try:
        doc = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise PdfError(
                "the PDF is encrypted with a password; give an unprotected copy"
            ) from exc
        raise PdfError(f"the file is not a readable PDF ({exc})") from exc
    except Exception as exc:  # PDFium's binding raises other types on some damaged files
        raise PdfError(f"the file is not a readable PDF ({type(exc).__name__})") from exc
    try:
        warnings = []
        if pdfium_c.FPDF_GetSecurityHandlerRevision(doc.raw) != -1:
            # Opened without a password: only an owner password restricts it. Text may be
            # withheld or scrambled where the permissions forbid copying.
            warnings.append(
                "the PDF is encrypted with an owner password (copying restricted): "
                "its text may be incomplete; check it or give an unprotected copy"
            )
        count = len(doc)
    finally:
        doc.close()
    if count == 0:
        raise PdfError("the PDF has no pages")
    return _PdfInfo(count, warnings)


def _read_words(data: bytes, first: str, warnings: list[str]) -> tuple[list[PageWords], str]:
    """The pages' words from the first engine that runs and finds text; a warning says so
    when that is not the engine asked for."""
    order = [first, *(name for name in FALLBACK_ENGINES if name != first)]
    pages: list[PageWords] = []
    problems: list[str] = []
    for name in order:
        try:
            found = get_engine(name).pages(data)
        except EngineUnavailable as exc:
            problems.append(f"{name}: {exc}")
            continue
        except Exception as exc:  # a damaged file can break any engine's parser
            log.info("PDF engine %s failed: %r", name, exc)
            problems.append(f"{name} could not read the file ({type(exc).__name__})")
            continue
        if any(p.words for p in found):
            if name != first:
                warnings.append(
                    f"words read with the {name} engine instead of {first} "
                    f"({'; '.join(problems) or f'{first} found no text'}): "
                    "some words may be split or joined differently"
                )
            return found, name
        pages = pages or found
    return pages, ""


def _rows(words: list[Word]) -> list[_Row]:
    """Words grouped into visual rows by their vertical position."""
    rows: list[_Row] = []
    for w in sorted(join_abutting(words), key=lambda w: (round(w.top, 1), w.x0)):
        if rows and abs(rows[-1].words[0].top - w.top) <= 0.45 * max(w.size, 1.0):
            rows[-1].words.append(w)
        else:
            rows.append(_Row([w]))
    return [_Row(close_letter_spacing(sorted(row.words, key=lambda w: w.x0))) for row in rows]


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
    edges = {id(r) for r in rows[:_EDGE_ROWS] + rows[-_EDGE_ROWS:]}
    for row in rows:
        text = row.text
        view = simplified_view(text)
        # A row may hold the job number before the notice ("97-85299 (E) This record...").
        if notice_left == 0 and NOTICE_START.search(view):
            notice_left = NOTICE_MAX_LINES
        if notice_left:
            notice_left = 0 if NOTICE_END.search(view) else notice_left - 1
            furniture.append(text)
            continue
        in_band = _in_band(row, page.height)
        flat = " ".join(text.split())
        if in_band and (
            _band_key(row) in repeated
            or is_furniture_line(flat)
            or (id(row) in edges and _edge_furniture(flat))
        ):
            furniture.append(text)
            continue
        body.append(row)
    return body


def _edge_furniture(text: str) -> bool:
    """The first or last rows of a page in forms that vary from page to page: a short row
    naming the record's symbol ("JVM/2 A/PV.2433", "A/PV.2433 6-10" in typed records), or
    the speaker a page continues ("(Mr. Smith, United Kingdom)")."""
    if len(text) <= _EDGE_SYMBOL_ROW and PV_SYMBOL.search(text):
        return True
    return bool(_CONTINUED_SPEAKER.match(text))


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

    # Where the right column's lines start (a word crossing the gutter starts none).
    right_start = _column_start(
        [min(xs) for r in body if (xs := [w.x0 for w in r.words if w.x0 >= gutter])]
    )
    tables = _table_rows(body, page.rules)
    previous_bottom = 0.0
    for row in body:
        if any(previous_bottom <= y <= row.top for y in page.rules):
            flush()
        previous_bottom = row.bottom
        if id(row) in tables:
            # A cover table ("Members: Chile . . . . . Mr. Larraín") reads row by row.
            flush()
            out.append(_Line(row, number, "full", zone))
            zone += 1
            continue
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


def _table_rows(body: list[_Row], rules: list[float]) -> set[int]:
    """Rows (by id) of the blocks between horizontal rules that are tables: two or more of
    their rows have dot leaders running towards the far side of the page."""
    zones: list[list[_Row]] = [[]]
    previous_bottom = 0.0
    for row in body:
        if any(previous_bottom <= y <= row.top for y in rules):
            zones.append([])
        previous_bottom = row.bottom
        zones[-1].append(row)
    rows: set[int] = set()
    for zone in zones:
        if sum(1 for r in zone if _LEADERS.search(r.text)) >= 2:
            rows.update(id(r) for r in zone)
    return rows


def _column_start(starts: list[float]) -> float:
    """The left edge of a column from where its rows start: the leftmost position several
    rows share. Not the most common one: a column filled with an indented list (a vote's
    countries) starts its rows further right than its headings ("Against:")."""
    counts = Counter(round(x) for x in starts)
    shared = [x for x, n in counts.items() if n >= _SHARED_START]
    if shared:
        return float(min(shared))
    return min(starts) if starts else 0.0


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


def _text_with_breaks(lines: list[_Line]) -> tuple[str, list[int]]:
    """The lines as text, with a blank line wherever the geometry shows a paragraph break,
    and the page of each line of that text."""
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

    def indent(line: _Line) -> float:
        return line.row.x0 - starts[(line.page, line.side)]

    def indented(line: _Line) -> bool:
        return indent(line) > _INDENT_EMS * line.row.size

    out: list[str] = []
    pages: list[int] = []
    for i, line in enumerate(lines):
        if i:
            before = lines[i - 1]
            same_column = (before.page, before.side, before.zone) == (
                line.page,
                line.side,
                line.zone,
            )
            gap = line.row.top - before.row.top
            # Lines of an indented block (a quotation, a vote list) share their indent,
            # also across a column or page break.
            block = (
                indented(before)
                and abs(indent(before) - indent(line)) < _BLOCK_ALIGN * line.row.size
            )
            # After a line that runs on (no sentence end), an indented line continues it:
            # the hanging indent of a list item ("(a) Promotion and protection of the
            # rights of" / "children").
            hanging = not _SENTENCE_END.search(before.row.text)
            if (
                "full" in (before.side, line.side)
                or ends_paragraph(before)
                or (indented(line) and not block and not hanging)
                or (same_column and gap > _GAP_FACTOR * pitches[(line.page, line.side)])
            ):
                out.append("")
                pages.append(before.page)
        out.append(line.row.text)
        pages.append(line.page)
    return "\n".join(out), pages


def _pitch(rows: list[_Row]) -> float:
    steps = [b.top - a.top for a, b in itertools.pairwise(rows) if b.top > a.top]
    return statistics.median(steps) if steps else rows[0].size * 1.2
