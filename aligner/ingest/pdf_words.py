"""Positioned words of each PDF page, the input of the column-aware layout in pdf.py.

Two engines give the same result: PDFium (pypdfium2, the C library of Chrome) reads a
14-page record's ~70,000 characters in about 0.3 s; pdfminer through pdfplumber takes
about ten times longer on the same file, so it is only the fallback for a file PDFium
reads no text from. Both report each word's box, font size and the page's horizontal
rules (a rule closes the cover block of a record's first page).
"""

from __future__ import annotations

import ctypes
import io
from dataclasses import dataclass, field

# A horizontal rule spans most of the page width and is thin.
_RULE_MIN_WIDTH = 0.6
_RULE_MAX_THICKNESS = 3.0
# Inside a word, character cells (advance widths) are closer than this share of the
# font size; spaces between Latin words are characters of their own (or generated).
_WORD_GAP = 0.6
_PDFIUM_LINE_END_HYPHEN = 2


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    """Distance from the top of the page to the top of the text line."""
    bottom: float
    size: float


@dataclass
class PageWords:
    width: float
    height: float
    words: list[Word] = field(default_factory=list)
    rules: list[float] = field(default_factory=list)
    """Distances from the top of the page of the horizontal rules."""


def pdfium_pages(data: bytes) -> list[PageWords]:
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    doc = pypdfium2.PdfDocument(data)
    pages = []
    try:
        for page in doc:
            width, height = page.get_size()
            words = _pdfium_words(page.get_textpage(), height, pdfium_c)
            rules = []
            for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH]):
                left, bottom, right, top = obj.get_bounds()
                if right - left > _RULE_MIN_WIDTH * width and top - bottom < _RULE_MAX_THICKNESS:
                    rules.append(height - top)
            pages.append(PageWords(width, height, words, sorted(rules)))
    finally:
        doc.close()
    return pages


def _pdfium_words(textpage: object, page_height: float, pdfium_c: object) -> list[Word]:
    raw = textpage.raw  # type: ignore[attr-defined]
    count = pdfium_c.FPDFText_CountChars(raw)  # type: ignore[attr-defined]
    box = pdfium_c.FS_RECTF()  # type: ignore[attr-defined]
    ox, oy = ctypes.c_double(), ctypes.c_double()
    words: list[Word] = []
    current: Word | None = None
    for i in range(count):
        code = pdfium_c.FPDFText_GetUnicode(raw, i)  # type: ignore[attr-defined]
        # PDFium reports a hyphen at the end of a line as U+0002; whether it was a soft
        # hyphen is for aligner.ingest.hyphenation to decide, so it stays a hyphen here.
        ch = "-" if code == _PDFIUM_LINE_END_HYPHEN else chr(code)
        generated = pdfium_c.FPDFText_IsGenerated(raw, i)  # type: ignore[attr-defined]
        if generated or ch.isspace() or ord(ch) < 32:
            current = None
            continue
        pdfium_c.FPDFText_GetLooseCharBox(raw, i, box)  # type: ignore[attr-defined]
        pdfium_c.FPDFText_GetCharOrigin(raw, i, ox, oy)  # type: ignore[attr-defined]
        size = float(pdfium_c.FPDFText_GetFontSize(raw, i)) or 10.0  # type: ignore[attr-defined]
        # Line boxes from the baseline, not the glyph: "g" and "a" must share a row.
        line_top = page_height - oy.value - 0.8 * size
        x0, x1 = box.left, max(box.right, box.left)
        if (
            current is not None
            and abs(current.top - line_top) < 0.3 * size
            and -0.5 * size < x0 - current.x1 < _WORD_GAP * size
        ):
            current.text += ch
            current.x1 = max(current.x1, x1)
            continue
        current = Word(ch, x0, x1, line_top, line_top + size, size)
        words.append(current)
    return words


def pdfplumber_pages(data: bytes) -> list[PageWords]:
    import pdfplumber

    pages = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            width = float(page.width)
            words = [
                Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"], float(w["size"]))
                for w in page.extract_words(
                    x_tolerance=1.5, y_tolerance=2, keep_blank_chars=False, extra_attrs=["size"]
                )
                if w["text"].strip()
            ]
            rules = [
                float(obj["top"])
                for obj in [*page.lines, *page.rects]
                if obj["x1"] - obj["x0"] > _RULE_MIN_WIDTH * width
                and obj["bottom"] - obj["top"] < _RULE_MAX_THICKNESS
            ]
            pages.append(PageWords(width, float(page.height), words, sorted(rules)))
    return pages
