"""Imports every check module so that each registers itself (see aligner.qa.check)."""

from __future__ import annotations

from aligner.qa import (  # noqa: F401
    dates,
    name_correspondence,
    name_coverage,
    negation,
    numbers,
    semantic,
    symbols,
    term_check,
    unaligned,
    untranslated,
)
