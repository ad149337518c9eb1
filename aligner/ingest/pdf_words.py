"""Positioned words of each PDF page, the input of the column-aware layout in pdf.py.

A word engine turns a PDF's bytes into pages of whole words with their boxes; the layout
(columns, furniture, paragraphs) is the same whatever engine read the words. Three engines
are registered and were measured on official UN records (`python -m bench.real_pdf`):
- "poppler": poppler's `pdftotext -bbox-layout` (Debian `poppler-utils`), the default:
  its words agree with poppler's plain text, the reference users compare with, and it
  reads a 30-page record in about half a second;
- "pdfium": PDFium (pypdfium2), words cut at the spaces PDFium itself reads or generates;
  the fallback when pdftotext is missing or fails on a file;
- "pdfplumber": pdfminer through pdfplumber, ten to forty times slower; kept for files
  neither of the others reads any text from (pdfminer maps some odd fonts they do not).
Each engine also reports the page's horizontal rules (a rule closes the cover block of a
record's first page).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field

# A horizontal rule spans most of the page width and is thin.
RULE_MIN_WIDTH = 0.6
RULE_MAX_THICKNESS = 3.0


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    """Distance from the top of the page to the top of the word's line box."""
    bottom: float
    size: float
    """Height of the line box (ascent to descent): the unit of every layout threshold."""


@dataclass
class PageWords:
    width: float
    height: float
    words: list[Word] = field(default_factory=list)
    rules: list[float] = field(default_factory=list)
    """Distances from the top of the page of the horizontal rules."""


class EngineUnavailable(Exception):
    """The engine cannot run on this machine or this file (a missing program, a crash of
    the program, a time-out); the caller falls back to another engine and says so."""


class WordEngine(ABC):
    """Reads the positioned words of every page of a PDF."""

    name: str = ""

    @abstractmethod
    def pages(self, data: bytes) -> list[PageWords]:
        """One PageWords per page, in page order; EngineUnavailable when it cannot run."""


_ENGINES: dict[str, Callable[[], WordEngine]] = {}


def register_engine(name: str) -> Callable[[type[WordEngine]], type[WordEngine]]:
    def add(cls: type[WordEngine]) -> type[WordEngine]:
        cls.name = name
        _ENGINES[name] = cls
        return cls

    return add


def engine_names() -> list[str]:
    _load_engines()
    return list(_ENGINES)


def get_engine(name: str) -> WordEngine:
    _load_engines()
    if name not in _ENGINES:
        raise ValueError(f"unknown PDF engine {name!r}: one of {', '.join(_ENGINES)}")
    return _ENGINES[name]()


def _load_engines() -> None:
    # The engine modules register themselves on import.
    from aligner.ingest import pdf_pdfium, pdf_pdfplumber, pdf_poppler  # noqa: F401
