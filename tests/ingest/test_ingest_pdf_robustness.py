"""No traceback on any PDF: damaged files give typed errors, odd layouts and missing tools give
a parsed record with warnings, files without text ask for OCR."""

from __future__ import annotations

import io
import random
import subprocess
import sys
from collections.abc import Callable

import pytest
from record_pdf_factory import PdfSpec
from test_ingest_pdf import EN_SPEC

from aligner.errors import PdfError, VerbalignError
from aligner.ingest import pdf as pdf_module
from aligner.ingest.pdf import read_pdf
from aligner.parse import parse_record

_RUN = "import sys; from aligner.cli import main; sys.argv = ['verbalign', *sys.argv[1:]]; main()"


@pytest.fixture(scope="module")
def en_pdf(record_pdf: Callable[[PdfSpec], bytes]) -> bytes:
    return record_pdf(EN_SPEC)


def _canvas_pdf(draw: Callable[[object], None], **kwargs: object) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, **kwargs)
    draw(c)
    c.save()
    return buf.getvalue()


def _mutations(data: bytes, count: int, seed: int) -> list[bytes]:
    """Truncated copies, copies with bytes overwritten, and copies with a slice removed."""
    rng = random.Random(seed)
    out = [data[: len(data) * k // 8] for k in range(1, 8)]
    for _ in range(count):
        buf = bytearray(data)
        kind = rng.randrange(3)
        if kind == 0:
            for _ in range(rng.randrange(1, 40)):
                buf[rng.randrange(len(buf))] = rng.randrange(256)
        elif kind == 1:
            start = rng.randrange(len(buf))
            del buf[start : start + rng.randrange(1, 2000)]
        else:
            start = rng.randrange(len(buf))
            buf[start:start] = rng.randbytes(rng.randrange(1, 500))
        out.append(bytes(buf))
    return out


def test_damaged_pdfs_give_typed_errors_only(en_pdf: bytes) -> None:
    outcomes = {"parsed": 0, "refused": 0}
    for data in _mutations(en_pdf, count=40, seed=20240531):
        try:
            parse_record(data, name="fuzz.pdf")
        except VerbalignError:
            outcomes["refused"] += 1
        else:
            outcomes["parsed"] += 1
    # Both kinds occur, so the test covers the reading path and the refusals.
    assert outcomes["parsed"] and outcomes["refused"], outcomes


def test_image_only_pdf_asks_for_ocr() -> None:
    def scanned(c: object) -> None:
        c.rect(72, 500, 300, 200, fill=1)  # type: ignore[attr-defined]
        c.showPage()  # type: ignore[attr-defined]

    with pytest.raises(PdfError, match="no text layer") as info:
        parse_record(_canvas_pdf(scanned))
    assert "run OCR first" in str(info.value)


def test_image_only_pdf_is_a_one_line_cli_error(tmp_path: pytest.TempPathFactory) -> None:
    path = tmp_path / "scan.pdf"  # type: ignore[operator]
    path.write_bytes(_canvas_pdf(lambda c: c.rect(72, 500, 300, 200, fill=1)))  # type: ignore[attr-defined]
    proc = subprocess.run(
        [sys.executable, "-c", _RUN, "parse", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "no text layer" in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_pages_without_text_are_named_in_a_warning(en_pdf: bytes) -> None:
    from pypdfium2 import PdfDocument

    doc = PdfDocument(en_pdf)
    doc.new_page(420, 520)  # a page with nothing on it: a scan with no text layer
    buf = io.BytesIO()
    doc.save(buf)
    doc.close()
    record = parse_record(buf.getvalue())
    pages = len(PdfDocument(buf.getvalue()))
    assert any(f"page(s) {pages} of {pages} have no text layer" in w for w in record.warnings)


def test_owner_password_pdf_reads_with_a_warning() -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    def page(c: object) -> None:
        c.drawString(72, 700, "The President: I open the meeting.")  # type: ignore[attr-defined]

    data = _canvas_pdf(
        page, encrypt=StandardEncryption("", ownerPassword="owner", canCopy=0, canModify=0)
    )
    result = read_pdf(data)
    assert "The President: I open the meeting." in result.text
    assert any("owner password" in w for w in result.warnings)


def test_without_pdftotext_pdfium_reads_with_a_warning(
    en_pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_poppler = read_pdf(en_pdf)
    monkeypatch.setenv("PATH", "")  # a machine without poppler-utils
    without = read_pdf(en_pdf)
    assert without.engine == "pdfium"
    assert any("pdftotext is not installed" in w for w in without.warnings)
    assert without.text.split() == with_poppler.text.split()


def test_unforeseen_layout_degrades_to_one_column(
    en_pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure inside the column reading (as A/48/PV.46 raised before) reads the page as a
    single column and says so, instead of a traceback."""

    def broken(*args: object) -> float:
        raise ValueError("min() arg is an empty sequence")

    monkeypatch.setattr(pdf_module, "_find_gutter", broken)
    record = parse_record(en_pdf, name="odd.pdf")
    assert record.turns
    assert record.warnings and "read as a single column" in record.warnings[0]
    assert any(w.startswith("page 1:") for w in record.warnings)


def test_pdf_after_a_prefix_is_read_as_pdf(en_pdf: bytes) -> None:
    """Readers accept the %PDF header within the first kilobyte (a mail or web prefix)."""
    record = parse_record(b"\xef\xbb\xbfContent-Type: application/pdf\r\n\r\n" + en_pdf)
    assert record.meta.symbol == "S/PV.9999"
    assert record.warnings == []


def test_failed_layout_analysis_still_gives_the_text(
    en_pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> list[object]:
        raise IndexError("list index out of range")

    monkeypatch.setattr(pdf_module, "_repeated_band_rows", broken)
    result = read_pdf(en_pdf)
    assert "Recommendation 1 asks the parties" in " ".join(result.text.split())
    assert "could not be analysed" in result.warnings[0]
    assert len(result.line_pages) == len(result.text.split("\n"))


def test_text_layer_check_before_any_work(en_pdf: bytes) -> None:
    from aligner.ingest.pdf import require_text_layer

    assert require_text_layer(en_pdf) >= 3
    scan = _canvas_pdf(lambda c: c.rect(72, 500, 300, 200, fill=1))  # type: ignore[attr-defined]
    with pytest.raises(PdfError, match="run OCR first"):
        require_text_layer(scan)
    with pytest.raises(PdfError, match="not a readable PDF"):
        require_text_layer(b"%PDF-1.4 nothing else")
