"""The keys glossary look-up compares: Chinese in its matching form without spaces, English
case- and accent-folded with spaces collapsed (shared by the look-up and the store's index)."""

from __future__ import annotations

import unicodedata

from aligner.ingest.normalize import normalize


def search_key_zh(text: str) -> str:
    return normalize(text).replace(" ", "")


def search_key_en(text: str) -> str:
    folded = normalize(text).casefold()
    folded = "".join(
        ch for ch in unicodedata.normalize("NFD", folded) if not unicodedata.combining(ch)
    )
    return " ".join(folded.split())
