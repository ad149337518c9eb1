"""The matching form used by search, glossary and QA."""

from __future__ import annotations

from aligner.ingest.normalize import normalize


def test_traditional_characters_become_simplified() -> None:
    assert normalize("幹旋與臺灣") == "干旋与台湾"


def test_full_width_ascii_folds_to_half_width() -> None:
    assert normalize("ＡＢＣ１２３（见）") == "ABC123(见)"


def test_spaces_collapse_and_vanish_next_to_chinese() -> None:
    assert normalize("  Mr.   Geng\tShuang ") == "Mr. Geng Shuang"
    assert normalize("主席 （以法语发言） ： 我") == "主席(以法语发言):我"


def test_typographic_variants_are_unified() -> None:
    assert normalize("the Council’s “role”") == 'the Council\'s "role"'
    assert normalize("米罗斯拉夫•延恰") == normalize("米罗斯拉夫·延恰")


def test_same_text_in_variant_forms_has_one_matching_form() -> None:
    assert normalize("安全理事會（安理會）") == normalize("安全理事会(安理会)")


def test_empty_text() -> None:
    assert normalize("") == ""
