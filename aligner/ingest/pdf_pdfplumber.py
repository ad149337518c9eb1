"""Words from pdfminer through pdfplumber: the engine of last resort.

pdfplumber joins characters into words when the gap between them is under a tolerance;
its default (3 points) keeps kerned letters together in UN records where a tighter one
(1.5) split them. It is ten to forty times slower than the other engines, so it only
reads files neither of them gets any text from.
"""

from __future__ import annotations

import io

from aligner.ingest.pdf_words import (
    RULE_MAX_THICKNESS,
    RULE_MIN_WIDTH,
    PageWords,
    Word,
    WordEngine,
    register_engine,
)


@register_engine("pdfplumber")
class PdfplumberEngine(WordEngine):
    x_tolerance: float = 3.0
    y_tolerance: float = 3.0

    def pages(self, data: bytes) -> list[PageWords]:
        import pdfplumber

        pages = []
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                width = float(page.width)
                words = [
                    Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"], w["bottom"] - w["top"])
                    for w in page.extract_words(
                        x_tolerance=self.x_tolerance,
                        y_tolerance=self.y_tolerance,
                        keep_blank_chars=False,
                    )
                    if w["text"].strip()
                ]
                rules = [
                    float(obj["top"])
                    for obj in [*page.lines, *page.rects]
                    if obj["x1"] - obj["x0"] > RULE_MIN_WIDTH * width
                    and obj["bottom"] - obj["top"] < RULE_MAX_THICKNESS
                ]
                pages.append(PageWords(width, float(page.height), words, sorted(rules)))
        return pages
