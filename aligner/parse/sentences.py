"""UN-aware sentence segmentation of one paragraph.

General-purpose splitters stumble over what UN records are full of: `Mr.`, `No. 5`,
`10.05 a.m.`, `S/2021/956`, `(see S/2022/688, annex).`, `The Gambia v. Myanmar`, and,
in Chinese, `（见S/2021/956，附件）` and closing quotes after `。`. The rules here:
- Chinese: a sentence ends at 。！？ (or a half-width . ! ? after a Chinese character),
  with any closing quotes/brackets that follow kept with it. ； does not end a
  sentence: the English side keeps the same clauses joined by semicolons, and splitting
  there would make the aligner pair one English sentence with two Chinese ones.
- English: a sentence ends at . ! ? (plus closing quotes/brackets) before a space and
  a capital, digit or opening quote, except after an abbreviation that never ends a
  sentence (Mr., No., v., initials). After one that may (a.m., p.m., U.S., etc.) it ends
  only if the next word is a common sentence opener ("We", "The"), not a name ("Baku").
- Neither language splits inside balanced brackets.
"""

from __future__ import annotations

import re
from functools import cache

_ZH_BOUNDARY = re.compile(
    r"(?:[。！？]+|(?<=[\u4e00-\u9fff])[.!?]+)(?:[”’」』）)】〕》\"']|[。！？])*"
)
_EN_BOUNDARY = re.compile(r"[.!?]+[”’\"')\]]*(?=\s+[“‘\"'(\[]?[A-Z0-9\u00c0-\u00de])")
_EN_NEVER_FINAL = re.compile(
    r"(?:^|[\s(\[“\"])(?:Mr|Mrs|Ms|Messrs|Mmes|Dr|Prof|No|Nos|St|Sr|Jr|Mt|v|vs|cf|para|paras|"
    r"art|arts|Art|Arts|Corr|Add|Rev|Vol|vol|p|pp|ch|Ch|sect|Sect|fig|Fig|Gen|Lt|Col|Capt|Maj|"
    r"Sgt|Cmdr|Adm|Amb|Hon|H\.E|i\.e|e\.g|viz|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|"
    r"Nov|Dec|[A-Z])\.$"
)
_EN_MAYBE_FINAL = re.compile(
    r"(?:^|[\s(\[])(?:[ap]\.m|etc|Inc|Ltd|Co|Corp|Bros|(?:[A-Z]\.){1,3}[A-Z])\.$"
)
_NEXT_WORD = re.compile(r"\s*[“‘\"'(\[]?([A-Za-z\u00c0-\u024f]+)")
_OPENERS = {"（": "）", "(": ")", "[": "]", "《": "》", "【": "】", "〔": "〕"}
# Brackets longer than this are unbalanced in practice (a missing closer); ignore them.
_MAX_BRACKET = 400
# A capitalised word whose lower-case form is at least this frequent (Zipf) is a
# function word that opens a sentence, not a proper noun.
_OPENER_ZIPF = 5.0


def split_sentences(text: str, lang: str) -> list[str]:
    """The sentences of one paragraph, stripped, in order."""
    text = text.strip()
    if not text:
        return []
    ends = _zh_ends(text) if lang == "zh" else _en_ends(text)
    protected = _bracket_spans(text)
    cuts = [e for e in ends if not any(a < e < b for a, b in protected)]
    out: list[str] = []
    start = 0
    for cut in [*cuts, len(text)]:
        piece = text[start:cut].strip()
        if piece:
            out.append(piece)
        start = cut
    return out


def _zh_ends(text: str) -> list[int]:
    return [m.end() for m in _ZH_BOUNDARY.finditer(text) if m.end() < len(text)]


def _en_ends(text: str) -> list[int]:
    ends: list[int] = []
    for m in _EN_BOUNDARY.finditer(text):
        head = text[: m.start() + 1] if text[m.start()] == "." else ""
        if head and _EN_NEVER_FINAL.search(head):
            continue
        if head and _EN_MAYBE_FINAL.search(head) and not _opens_sentence(text[m.end() :]):
            continue
        ends.append(m.end())
    return ends


def _opens_sentence(rest: str) -> bool:
    m = _NEXT_WORD.match(rest)
    if not m:
        return True  # a digit or symbol: nothing suggests the sentence goes on
    return _common_word(m.group(1).casefold())


@cache
def _common_word(word: str) -> bool:
    from wordfreq import zipf_frequency

    return word in {"i", "a"} or zipf_frequency(word, "en") >= _OPENER_ZIPF


def _bracket_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if ch in _OPENERS:
            stack.append((_OPENERS[ch], i))
        elif stack and ch == stack[-1][0]:
            _, start = stack.pop()
            if i - start <= _MAX_BRACKET:
                spans.append((start, i))
    return spans
