"""The matching form of a text: what search, the glossary and QA compare.

Records mix Traditional and variant characters, full-width and half-width forms and
stray spaces; none of that should make two otherwise identical strings differ. The
repaired text shown to users keeps its original characters; only `Sentence.norm` and
look-up keys use this form.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from opencc import OpenCC

_SPACES = re.compile(r"\s+")
# A space next to a Chinese character carries no meaning (Chinese is written without
# spaces), so the matching form drops it; spaces between Latin words stay.
_CJK = r"\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
_SPACE_BY_CJK = re.compile(rf"(?<=[{_CJK}]) | (?=[{_CJK}])")
# Typographic variants that PDFs and word processors substitute for one another.
_VARIANTS = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2212": "-",
        "\u00ad": None,  # soft hyphen: invisible in print
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\ufeff": None,
        "\u2022": "·",
        "\u30fb": "·",
        "\u2027": "·",
        "\u22c5": "·",
    }
)


@cache
def _t2s() -> OpenCC:
    return OpenCC("t2s")


def simplified_view(text: str) -> str:
    """`text` with each Traditional character replaced by its Simplified form, one for one.

    The structure patterns of Chinese records (speaker notes `（以法语发言）`, `上午10时开会。`,
    `议程通过。`) are written in Simplified characters, as UN records are; matching them on this
    view lets a Traditional record parse too. The view has the same length as `text`, so an
    offset found in it holds in the original, whose characters the parsed text keeps.
    """
    if text.isascii():
        return text
    return "".join([_simplified_char(ch) for ch in text])


@lru_cache(maxsize=16384)
def _simplified_char(ch: str) -> str:
    if ch < "\u2e80":
        return ch
    out = _t2s().convert(ch)
    # Character by character, t2s is one for one; anything else keeps the character.
    return out if len(out) == 1 else ch


def fold_width(text: str) -> str:
    """Full-width ASCII to half-width, half-width katakana to full-width (Unicode NFKC)."""
    return unicodedata.normalize("NFKC", text)


def normalize(text: str) -> str:
    """Matching form: OpenCC t2s, full-/half-width folding, unified variants, collapsed spaces."""
    if not text:
        return ""
    out = _SPACES.sub(" ", _t2s().convert(text)).strip()
    # Before width folding, while full-width brackets and colons still count as Chinese.
    out = _SPACE_BY_CJK.sub("", out)
    return fold_width(out).translate(_VARIANTS).strip()
