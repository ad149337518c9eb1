"""Matching forms for search: the query folded like the stored text, and hits highlighted.

Stored pairs carry the parser's matching form (`Sentence.norm`: OpenCC t2s, width folding,
collapsed spaces), so a Traditional or full-width query finds Simplified text once it is folded
the same way. Highlights are put on the text as printed, not on the matching form, by folding
it one character at a time and keeping each folded character's source position.
"""

from __future__ import annotations

import html
from functools import lru_cache

from aligner.errors import InputError
from aligner.store.request_text import check_text

MAX_QUERY_CHARS = 200


def fold(text: str) -> str:
    """The matching form of free text (a query, a TM segment), case-folded."""
    from aligner.ingest.normalize import normalize

    return normalize(text).casefold()


def check_query(query: str) -> str:
    """A usable search query, stripped; InputError for empty, overlong or control characters."""
    return check_text(query, "query", MAX_QUERY_CHARS)


@lru_cache(maxsize=65536)
def _fold_char(ch: str) -> str:
    if ch.isspace():
        return " "
    try:
        return fold(ch)
    except InputError:
        return ch.casefold()


def find_spans(text: str, needle: str) -> list[tuple[int, int]]:
    """Non-overlapping [start, end) spans of `text` whose folded form equals `needle`
    (already folded); touching matches are merged."""
    if not needle:
        return []
    folded: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        f = _fold_char(ch)
        if f == " " and _drops_space(text, i, folded):
            continue
        for fc in f:
            folded.append(fc)
            origin.append(i)
    haystack = "".join(folded)
    spans: list[tuple[int, int]] = []
    start = haystack.find(needle)
    while start != -1:
        end = start + len(needle)
        a, b = origin[start], origin[end - 1] + 1
        if spans and spans[-1][1] == a:
            a = spans.pop()[0]  # touching matches read as one highlight
        spans.append((a, b))
        start = haystack.find(needle, end)
    return spans


def _drops_space(text: str, i: int, folded: list[str]) -> bool:
    """Whether the matching form loses the space at text[i]: runs of spaces are one space,
    and a space beside a Chinese character is dropped (Chinese has no word spaces)."""
    if not folded or folded[-1] == " " or _is_cjk(folded[-1]):
        return True
    following = text[i + 1 :].lstrip()
    return not following or _is_cjk(following[0])


def _is_cjk(ch: str) -> bool:
    return ch >= "\u2e80"


def highlight(text: str, needle: str, *, tag: str = "mark") -> str:
    """`text` HTML-escaped with every match of the folded `needle` wrapped in <tag>."""
    out: list[str] = []
    last = 0
    for a, b in find_spans(text, needle):
        out.append(html.escape(text[last:a]))
        out.append(f"<{tag}>{html.escape(text[a:b])}</{tag}>")
        last = b
    out.append(html.escape(text[last:]))
    return "".join(out)
