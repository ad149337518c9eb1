"""Concordance search: Chinese substrings, Traditional input, English words, highlights."""

from __future__ import annotations

import pytest
from synthetic_records import MakeAlignment

from aligner.errors import InputError, NotFoundError
from aligner.store import Repository


def _zh(hits: list) -> list[str]:
    return [h.pair.zh for h in hits]


def test_a_chinese_substring_inside_a_word_is_found_and_highlighted(
    stored: Repository,
) -> None:
    page = stored.search("安全理事")
    assert page.total == 1
    hit = page.items[0]
    assert hit.pair.zh == "中国支持安全理事会的工作。"
    assert hit.zh_highlight == "中国支持<mark>安全理事</mark>会的工作。"
    assert hit.matched == ["zh"]


def test_traditional_and_full_width_queries_find_simplified_text(stored: Repository) -> None:
    assert _zh(stored.search("聯合國").items) == ["法国支持联合国在该地区的努力。"]
    hit = stored.search("上午１０时").items[0]  # full-width digits
    assert hit.zh_highlight.startswith("<mark>上午10时</mark>")


def test_one_and_two_character_queries_use_the_fallback(stored: Repository) -> None:
    assert _zh(stored.search("议程").items) == ["议程通过。"]
    one = stored.search("谢", lang="zh")
    assert _zh(one.items) == ["谢谢主席。"]
    assert one.items[0].zh_highlight == "<mark>谢谢</mark>主席。"


def test_english_is_case_insensitive_and_lang_restricts_the_side(stored: Repository) -> None:
    hits = stored.search("security COUNCIL").items
    assert [h.pair.en for h in hits] == ["China supports the work of the Security Council."]
    assert "<mark>Security Council</mark>" in hits[0].en_highlight
    assert stored.search("security council", lang="zh").total == 0
    france = stored.search("France", lang="en")
    assert france.total == 2 and all(h.matched == ["en"] for h in france.items)
    assert all("<mark>" not in h.zh_highlight for h in france.items)


def test_results_are_paginated_in_reading_order(stored: Repository) -> None:
    everything = stored.search("。", lang="zh", limit=100)
    assert everything.total == 9  # every pair with a Chinese side
    page = stored.search("。", lang="zh", limit=4, offset=4)
    assert page.total == 9 and len(page.items) == 4
    assert [h.pair.position for h in page.items] == [h.pair.position for h in everything.items[4:8]]


def test_highlights_are_html_escaped(store: Repository, make_alignment: MakeAlignment) -> None:
    alignment = make_alignment()
    alignment.pairs[0].en = ["<b>The meeting</b> was called to order"]
    store.save_alignment(alignment)
    hit = store.search("meeting", lang="en").items[0]
    assert hit.en_highlight == "&lt;b&gt;The <mark>meeting</mark>&lt;/b&gt; was called to order"


def test_queries_with_fts_syntax_are_plain_text(stored: Repository) -> None:
    for q in ('"quoted', "AND OR NOT", "col:umn", "a*", "(x"):
        assert stored.search(q).total == 0


def test_bad_queries_are_input_errors(stored: Repository) -> None:
    for q in ("", "   ", "x" * 201, "a\x00b"):
        with pytest.raises(InputError):
            stored.search(q)
    with pytest.raises(InputError):
        stored.search("安全", lang="fr")
    with pytest.raises(NotFoundError):
        stored.search("安全", symbol="S/PV.0000")
