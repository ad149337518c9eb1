"""Builder of UN-record-like PDFs for the ingest tests (reportlab): two columns, a
full-width cover block on the first page, running header and footer on every page,
justified paragraphs with a first-line indent that run across column and page breaks."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

# A Unicode font for English text with names such as Jenča; the 14 standard PDF fonts
# only encode Latin-1. Debian ships it (fonts-dejavu-core); without it tests use Times.
UNICODE_SERIF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")


@dataclass
class PdfSpec:
    lang: str
    cover: list[str]
    paragraphs: list[str]
    header: str
    """Running header; "{page}" is replaced by the page number, "{code}" by one of
    `codes` (typists' initials, which typed records vary from page to page)."""
    footer: str
    page_size: tuple[float, float] = (420.0, 520.0)
    font_size: float = 9.0
    columns: int = 2
    codes: tuple[str, ...] = ("",)
    continued: str = ""
    """Printed at the top of every page after the first (typed records name the speaker a
    page continues: "(Mr. Smith, United Kingdom)")."""


def build_record_pdf(spec: PdfSpec) -> bytes:
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        FrameBreak,
        NextPageTemplate,
        PageTemplate,
        Paragraph,
    )

    font = "Times-Roman"
    if spec.lang == "en" and UNICODE_SERIF.exists():
        from reportlab.pdfbase.ttfonts import TTFont

        pdfmetrics.registerFont(TTFont("DejaVuSerif", str(UNICODE_SERIF)))
        font = "DejaVuSerif"
    if spec.lang == "zh":
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        font = "STSong-Light"
    width, height = spec.page_size
    margin, gutter, band = 36.0, 18.0, 40.0
    column = (width - 2 * margin - gutter) / 2
    cover_height = 110.0
    body = ParagraphStyle(
        "body",
        fontName=font,
        fontSize=spec.font_size,
        leading=spec.font_size * 1.35,
        alignment=TA_JUSTIFY,
        firstLineIndent=spec.font_size * 2,
        spaceAfter=spec.font_size * 0.9,
        wordWrap="CJK" if spec.lang == "zh" else None,
    )
    cover_style = ParagraphStyle("cover", fontName=font, fontSize=spec.font_size, leading=12)

    def furniture(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont(font, 7)
        page = canvas.getPageNumber()
        code = spec.codes[page % len(spec.codes)]
        canvas.drawString(margin, height - 24, spec.header.format(page=page, code=code))
        canvas.drawString(margin, 20, spec.footer.format(page=page))
        if spec.continued and page > 1:
            canvas.setFont(font, spec.font_size)
            canvas.drawString(margin, height - band + 4, spec.continued)
        if page == 1:  # the rule under the cover block
            canvas.line(
                margin, height - band - cover_height, width - margin, height - band - cover_height
            )
        canvas.restoreState()

    def columns(top: float) -> list[Frame]:
        h = top - band
        if spec.columns == 1:
            return [Frame(margin, band, width - 2 * margin, h - 14, id="single", showBoundary=0)]
        return [
            Frame(margin, band, column, h, id="left", showBoundary=0),
            Frame(margin + column + gutter, band, column, h, id="right", showBoundary=0),
        ]

    first = [
        Frame(margin, height - band - cover_height, width - 2 * margin, cover_height, id="cover"),
        *columns(height - band - cover_height),
    ]
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=spec.page_size)
    doc.addPageTemplates(
        [
            PageTemplate("first", frames=first, onPage=furniture),
            PageTemplate("later", frames=columns(height - band), onPage=furniture),
        ]
    )
    story = [NextPageTemplate("later")]
    story += [Paragraph(line, cover_style) for line in spec.cover]
    story.append(FrameBreak())
    story += [Paragraph(p, body) for p in spec.paragraphs]
    doc.build(story)
    return buf.getvalue()
