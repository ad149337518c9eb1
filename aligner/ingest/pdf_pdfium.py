"""Words from PDFium (pypdfium2, the C library of Chrome): the fallback engine.

A word is cut where PDFium reads a space character or generates one (PDFium inserts
a space where the glyph positions leave one), at a line change, and at a jump wider
than any space. Cutting at every gap between character boxes instead splits words whose
letters a PDF positions one by one ("draf t", "ef f orts"): the boxes of kerned letters
are not adjacent.
"""

from __future__ import annotations

import ctypes

from aligner.ingest.pdf_words import (
    RULE_MAX_THICKNESS,
    RULE_MIN_WIDTH,
    PageWords,
    Word,
    WordEngine,
    register_engine,
)

# PDFium reports a hyphen at the end of a line as U+0002; whether it was a soft hyphen
# is for aligner.ingest.hyphenation to decide, so it stays a hyphen here.
_LINE_END_HYPHEN = 2
# A horizontal jump this many line heights wide, with no space read, still ends a word
# (a table's next cell, the far side of the gutter).
_JUMP = 0.6
# Two characters are on one line when their baselines differ by less than this share
# of the line height.
_SAME_LINE = 0.3


@register_engine("pdfium")
class PdfiumEngine(WordEngine):
    def pages(self, data: bytes) -> list[PageWords]:
        import pypdfium2
        import pypdfium2.raw as pdfium_c

        doc = pypdfium2.PdfDocument(data)
        pages = []
        try:
            for page in doc:
                width, height = page.get_size()
                textpage = page.get_textpage()
                words = self.words(textpage, height, pdfium_c)
                pages.append(PageWords(width, height, words, _rules(page, width, height)))
        finally:
            doc.close()
        return pages

    def words(self, textpage: object, height: float, pdfium_c: object) -> list[Word]:
        """The words of one page, from its PDFium text page."""
        return _words(textpage, height, pdfium_c)


def pdfium_rules(data: bytes) -> list[list[float]]:
    """The horizontal rules of every page, from the top of the page."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(data)
    try:
        return [_rules(page, *page.get_size()) for page in doc]
    finally:
        doc.close()


def _rules(page: object, width: float, height: float) -> list[float]:
    import pypdfium2.raw as pdfium_c

    rules = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2):  # type: ignore[attr-defined]
        left, bottom, right, top = obj.get_bounds()
        if right - left > RULE_MIN_WIDTH * width and top - bottom < RULE_MAX_THICKNESS:
            rules.append(height - top)
    return sorted(rules)


def _words(textpage: object, page_height: float, pdfium_c: object) -> list[Word]:
    raw = textpage.raw  # type: ignore[attr-defined]
    count = pdfium_c.FPDFText_CountChars(raw)  # type: ignore[attr-defined]
    box = pdfium_c.FS_RECTF()  # type: ignore[attr-defined]
    ox, oy = ctypes.c_double(), ctypes.c_double()
    words: list[Word] = []
    current: Word | None = None
    baseline = 0.0
    for i in range(count):
        code = pdfium_c.FPDFText_GetUnicode(raw, i)  # type: ignore[attr-defined]
        ch = "-" if code == _LINE_END_HYPHEN else chr(code)
        if ch.isspace() or ord(ch) < 32 or pdfium_c.FPDFText_IsGenerated(raw, i):  # type: ignore[attr-defined]
            current = None
            continue
        pdfium_c.FPDFText_GetLooseCharBox(raw, i, box)  # type: ignore[attr-defined]
        pdfium_c.FPDFText_GetCharOrigin(raw, i, ox, oy)  # type: ignore[attr-defined]
        # The loose box runs from the font's descent to its ascent: the line height.
        size = max(box.top - box.bottom, 1.0)
        top = page_height - box.top
        x0, x1 = box.left, max(box.right, box.left)
        if (
            current is not None
            and abs(oy.value - baseline) < _SAME_LINE * current.size
            and -_JUMP * current.size < x0 - current.x1 < _JUMP * current.size
        ):
            current.text += ch
            current.x1 = max(current.x1, x1)
            current.top = min(current.top, top)
            current.bottom = max(current.bottom, top + size)
            continue
        baseline = oy.value
        current = Word(ch, x0, x1, top, top + size, size)
        words.append(current)
    return words
