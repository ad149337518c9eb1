"""Fixtures of the ingest tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from record_pdf_factory import PdfSpec, build_record_pdf


@pytest.fixture(scope="session")
def record_pdf() -> Callable[[PdfSpec], bytes]:
    return build_record_pdf
