"""Reading record PDFs: two columns in order, furniture dropped, paragraphs intact across
column and page breaks; encrypted, image-only and broken PDFs refused clearly."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from record_pdf_factory import UNICODE_SERIF, PdfSpec

from aligner.errors import PdfError
from aligner.ingest.pdf import extract_pdf_text
from aligner.models import Record
from aligner.parse import parse_record


def _zh_speech(start: int, count: int) -> str:
    return "".join(
        f"第{n}项建议要求各方在{n + 2}天内提交关于边界局势和人道主义准入的报告，"
        f"并说明已经采取的{n % 7 + 1}项具体措施。"
        for n in range(start, start + count)
    )


def _en_speech(start: int, count: int) -> str:
    return " ".join(
        f"Recommendation {n} asks the parties to report within {n + 2} days on the border "
        f"situation and on humanitarian access, listing the {n % 7 + 1} measures taken so far."
        for n in range(start, start + count)
    )


ZH_PARAGRAPHS = [
    "上午10时05分开会。",
    "通过议程",
    "议程通过。",
    "2023年1月30日马耳他常驻联合国代表给安全理事会主席的信（S/2023/100）",
    "主席（以西班牙语发言）：根据安理会暂行议事规则第37条，我邀请德国和瑞士代表参加本次会议。",
    "我现在请日本代表发言。",
    "石井先生（日本）（以英语发言）：" + _zh_speech(1, 9),
    _zh_speech(10, 12),
    _zh_speech(22, 5),
    "施密特女士（德国）（以德语发言）：" + _zh_speech(27, 14),
    "上午11时20分散会。",
]
ZH_SPEC = PdfSpec(
    lang="zh",
    cover=[
        "联合国 S/PV.9999",
        "安全理事会 第七十八年 第9999次会议",
        "2023年2月3日星期五上午10时 纽约",
    ],
    paragraphs=ZH_PARAGRAPHS,
    header="03/02/2023 马耳他的信 S/PV.9999",
    footer="23-01234 {page}/9",
)
EN_PARAGRAPHS = [
    "The meeting was called to order at 10.05 a.m.",
    "Adoption of the agenda",
    "The agenda was adopted.",
    "Letter dated 30 January 2023 from the Permanent Representative of Malta to the United "
    "Nations addressed to the President of the Security Council (S/2023/100)",
    "The President (spoke in Spanish): In accordance with rule 37 of the Council's provisional "
    "rules of procedure, I invite the representatives of Germany and Switzerland to participate "
    "in this meeting.",
    "I now give the floor to the representative of Japan.",
    "Mr. Ishii (Japan): " + _en_speech(1, 5),
    _en_speech(6, 7),
    _en_speech(13, 3),
    "Ms. Schmidt (Germany) (spoke in German): " + _en_speech(16, 8),
    "The meeting rose at 11.20 a.m.",
]
EN_SPEC = PdfSpec(
    lang="en",
    cover=[
        "United Nations S/PV.9999",
        "Security Council Seventy-eighth year 9999th meeting",
        "Friday, 3 February 2023, 10 a.m. New York",
    ],
    paragraphs=EN_PARAGRAPHS,
    header="S/PV.9999 Letter dated 30 January 2023 from Malta 03/02/2023",
    footer="23-01234 {page}/9",
)


def _body_paragraphs(spec: PdfSpec, lang: str) -> list[str]:
    """The source paragraphs without speaker headers, as the parser should return them."""
    from aligner.parse.speakers import match_header

    out = []
    for p in spec.paragraphs:
        header = match_header(p, lang)
        out.append(p[header.end :].strip() if header else p)
    return out


@pytest.mark.parametrize("spec", [ZH_SPEC, EN_SPEC], ids=["zh", "en"])
def test_two_column_pdf_parses_like_the_source(
    spec: PdfSpec, record_pdf: Callable[[PdfSpec], bytes]
) -> None:
    data = record_pdf(spec)
    text = extract_pdf_text(data)
    assert "23-01234" not in text  # running footer dropped in the page margin
    record = parse_record(data, name=f"test.{spec.lang}.pdf")
    assert record.language == spec.lang
    assert [t.role for t in record.turns] == [
        "procedure",
        "president",
        "member",
        "invited",
        "procedure",
    ]
    assert [t.country_code for t in record.turns] == [None, None, "JPN", "DEU", None]
    assert [t.spoken_language for t in record.turns[1:4]] == ["es", "en", "de"]
    parsed = [p.text for t in record.turns for p in t.paragraphs]
    # Every paragraph comes back whole and in order, across column and page breaks.
    assert parsed == _body_paragraphs(spec, spec.lang)
    for sentence in record.sentences():
        assert "S/PV.9999" not in sentence.text and "/9" not in sentence.text
    meta = record.meta
    assert (meta.symbol, meta.meeting_number, meta.date) == ("S/PV.9999", 9999, "2023-02-03")
    assert (meta.time_opened, meta.time_closed) == ("10:05", "11:20")
    assert meta.job_number == "23-01234"
    assert meta.documents == ["S/2023/100"]
    assert meta.body == "Security Council"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bundled_record_typeset_as_pdf_parses_like_its_text(
    lang: str, corpus_dir: Path, record_pdf: Callable[[PdfSpec], bytes]
) -> None:
    """The bundled record, typeset on A4 in two columns with running furniture, comes back
    with the same turns and the same paragraph texts as parsing the extracted text."""
    if lang == "en" and not UNICODE_SERIF.exists():
        pytest.skip("no Unicode serif font to typeset English names such as Jenča")
    from xml.sax.saxutils import escape

    from_text = parse_record(corpus_dir / f"{lang}.txt")
    paragraphs = []
    for turn in from_text.turns:
        for k, paragraph in enumerate(turn.paragraphs):
            header = turn.header + ("" if lang == "zh" else " ") if k == 0 and turn.header else ""
            paragraphs.append(escape(header + paragraph.text))
    spec = PdfSpec(
        lang=lang,
        cover=["S/PV.9132"],
        paragraphs=paragraphs,
        header="S/PV.9132 Letter dated 13 September 2022 15/09/2022",
        footer="22-59199 {page}/14",
        page_size=(595.0, 842.0),
        font_size=10.0,
    )
    from_pdf = parse_record(record_pdf(spec))

    def outline(record: Record) -> list[tuple[str, str | None, str, list[str]]]:
        return [
            (t.role, t.country_code, t.spoken_language, [p.text for p in t.paragraphs])
            for t in record.turns
        ]

    assert outline(from_pdf) == outline(from_text)


def test_pdf_spans_several_pages(record_pdf: Callable[[PdfSpec], bytes]) -> None:
    import pypdfium2

    doc = pypdfium2.PdfDocument(record_pdf(ZH_SPEC))
    assert len(doc) >= 3  # so the test above really crosses page and column breaks
    doc.close()


def test_encrypted_pdf_is_refused() -> None:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt="secret")
    c.drawString(72, 700, "The President: I open the meeting.")
    c.save()
    with pytest.raises(PdfError, match="encrypted"):
        parse_record(buf.getvalue())


def test_image_only_pdf_is_refused() -> None:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.rect(72, 500, 300, 200, fill=1)  # a scanned page: shapes, no text layer
    c.showPage()
    c.save()
    with pytest.raises(PdfError, match="image-only"):
        parse_record(buf.getvalue())


def test_broken_pdf_is_refused() -> None:
    with pytest.raises(PdfError, match="not a readable PDF"):
        parse_record(b"%PDF-1.4\n this is not really a PDF file at all")
