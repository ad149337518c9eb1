"""Word repairs before the layout: pieces of one word set in two sizes, letter-spaced words."""

from __future__ import annotations

from aligner.ingest.pdf_word_repair import close_letter_spacing, join_abutting
from aligner.ingest.pdf_words import Word


def _w(text: str, x0: float, x1: float, top: float, bottom: float) -> Word:
    return Word(text, x0, x1, top, bottom, bottom - top)


def test_two_size_pieces_are_one_word_on_the_text_line() -> None:
    words = [
        _w("A", 497, 512, 50, 68),  # the masthead's large initial
        _w("/60/PV.25", 512, 555, 57, 66),
        _w("25", 123, 144, 119, 141),  # a large number with its ordinal superscript
        _w("th", 144, 153, 130, 139),
        _w("plenary", 156, 188, 130, 139),
        _w("Thursday,", 127, 171, 137, 150),  # same size, barely touching: two words
        _w("nd", 169, 180, 125, 138),
    ]
    out = {w.text: w for w in join_abutting(words)}
    assert set(out) == {"A/60/PV.25", "25th", "plenary", "Thursday,", "nd"}
    assert out["25th"].top == 130  # placed on the line of "plenary meeting"


def test_letter_spaced_run_is_regrouped_at_the_wide_gaps() -> None:
    letters = "Kingdom of Great"
    words, x = [], 100.0
    for ch in letters:
        if ch == " ":
            x += 9.0  # between words
            continue
        words.append(_w(ch, x, x + 4.0, 10, 19))
        x += 4.0 + 4.2  # between letters
    assert [w.text for w in close_letter_spacing(words)] == ["Kingdom", "of", "Great"]


def test_short_or_unspaced_runs_stay() -> None:
    words = [_w("a", 0, 4, 0, 9), _w("I", 8, 10, 0, 9), _w("x", 14, 18, 0, 9)]
    assert [w.text for w in close_letter_spacing(words)] == ["a", "I", "x"]
    even = [_w(ch, 10 * i, 10 * i + 4, 0, 9) for i, ch in enumerate("qzxv")]
    assert [w.text for w in close_letter_spacing(even)] == list("qzxv")  # spells no word
