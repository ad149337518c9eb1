"""Width and ligature variants in the repaired text.

UN Chinese is typeset with half-width digits and Latin letters (`2022年`, `S/2022/688`) but
full-width Chinese punctuation (`，。：（）`); extraction and retyping leave full-width
`２０２２`, `Ｓ／２０２２／６８８` or `纳戈尔诺－卡拉巴赫` beside the usual forms. PDFs also
leave typographic ligatures (`ﬁ`, `ﬂ`) in English. These are folded to the usual form
in the text users read; punctuation that is full-width by rule stays as it is.
(`Sentence.norm`, the matching form, folds everything: aligner.ingest.normalize.)
"""

from __future__ import annotations

_FULLWIDTH_ALNUM = {
    **{chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)},  # ０-９
    **{chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)},  # Ａ-Ｚ
    **{chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)},  # ａ-ｚ
}
_SYMBOL_MARKS = {"－": "-", "／": "/", "．": "."}
_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
_ALNUM_TABLE = str.maketrans(_FULLWIDTH_ALNUM)
_LIGATURE_TABLE = str.maketrans(_LIGATURES)


def fold_variants(text: str) -> str:
    text = text.translate(_ALNUM_TABLE).translate(_LIGATURE_TABLE)
    if not any(mark in text for mark in _SYMBOL_MARKS):
        return text
    # A full-width hyphen, slash or point is a variant only inside a word or symbol
    # (纳戈尔诺－卡拉巴赫, S／2022); elsewhere it may be deliberate.
    chars = list(text)
    for i, ch in enumerate(chars):
        if ch in _SYMBOL_MARKS and 0 < i < len(chars) - 1:
            before, after = chars[i - 1], chars[i + 1]
            if _word_char(before) and _word_char(after):
                chars[i] = _SYMBOL_MARKS[ch]
    return "".join(chars)


def _word_char(ch: str) -> bool:
    return ch.isalnum()
