"""Repairing spaces that PDF extraction inserts or doubles.

Chinese is written without spaces, so a space touching a Chinese character or a
full-width mark is an extraction artefact (`主席 （以法语发言）`, `王先生（中国）： 我感谢`,
`米罗斯拉夫 ·延恰`) and goes; a space between two Latin letters or digits is kept
(`Mr. Geng`, the thousands separator in `2 750`). In English, runs of spaces collapse
and no space stays before closing punctuation.
"""

from __future__ import annotations

import re

_CJK_CLASS = r"\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u00b7\u2022\u2014\u2026“”‘’"
_SPACE_BY_CJK = re.compile(
    rf"[ \t\u3000\u00a0]+(?=[{_CJK_CLASS}])|(?<=[{_CJK_CLASS}])[ \t\u3000\u00a0]+"
)
_MIDDLE_DOTS = re.compile(
    r"(?<=[\u2e80-\u9fff])\s*[\u2022\u30fb\u2027\uff65\u22c5]\s*(?=[\u2e80-\u9fff])"
)
_RUNS = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_BEFORE_CLOSING = re.compile(r" +(?=[,.;:!?)\]’”])")
_AFTER_OPENING = re.compile(r"(?<=[(\[“‘]) +")


def repair_spacing(text: str, lang: str) -> str:
    if lang == "zh":
        # Name separators come in several look-alike code points; UN Chinese uses U+00B7.
        text = _MIDDLE_DOTS.sub("·", text)
        text = _SPACE_BY_CJK.sub("", text)
        return _RUNS.sub(" ", text).strip()
    text = _RUNS.sub(" ", text)
    text = _BEFORE_CLOSING.sub("", text)
    text = _AFTER_OPENING.sub("", text)
    return text.strip()
