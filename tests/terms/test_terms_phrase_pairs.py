"""Terms written once, aligned inside their pair by the dictionary (aligner/terms/phrase_pairs.py).

The sentence pairs are quoted from official UN documents (../shared/real: S/PV.9642, S/PV.9826
and the UN Parallel Corpus dev set; United Nations material)."""

from __future__ import annotations

from aligner.terms.dictionary import dictionary
from aligner.terms.extract import ExtractParams, extract_from_pairs
from aligner.terms.pair_text import PairText
from aligner.terms.phrase_pairs import phrase_pair_candidates
from aligner.terms.phraseology import lexicon, pattern_candidates, vocabulary_without

HOST = (
    "对我们来说非常重要的是，美国在这个问题上作为执笔方考虑了东道国表达的优先事项。",
    "What is most important for us is that the United States penholders on this issue took "
    "into account the priorities expressed by the host country.",
)
SEPARATION = (
    "首先，该决议强调，“隔离区内除了观察员部队，不应有任何其他军事部队、军事装备或人员”。",
    'First, the resolution underscores that "there should be no military forces, military '
    'equipment, or personnel in the area of separation other than those of UNDOF".',
)
ELECTORAL = (
    "我们感到高兴的是，该决议把在过渡期间支持选举援助、妇女参政和人权作为优先事项。",
    "We are pleased that the resolution prioritizes support to electoral assistance, women's "
    "political participation and human rights during the transition period.",
)
HUMAN_RIGHTS_LAW = (
    "同被偷运移民和受害者的回返有关的所有进程和程序必须加以协调，并须遵守国际法，尤其是人权法、"
    "难民法和人道主义法。",
    "All processes and procedures relating to the return of smuggled migrants and victims must "
    "be coordinated and must comply with international law, in particular human rights, refugee "
    "and humanitarian law.",
)
BOARD = (
    "该制度为在采购司招标项目中未中标的投标单位提供了通过作为试点的授标审查委员会提出质疑的机会。",
    "The system offers unsuccessful bidders in tenders issued by the Procurement Division the "
    "opportunity to file challenges through a pilot Award Review Board.",
)


def _pairs(*texts: tuple[str, str]) -> list[PairText]:
    return [PairText.of("S/PV.9999", i, zh, en) for i, (zh, en) in enumerate(texts)]


def _found(*texts: tuple[str, str], at: float = 0.7) -> dict[tuple[str, str], float]:
    return {(c.zh, c.en): c.score for c in phrase_pair_candidates(_pairs(*texts)) if c.score >= at}


def test_one_off_terms_are_aligned_by_the_dictionary() -> None:
    found = _found(HOST, SEPARATION)
    assert ("东道国", "host country") in found
    assert ("隔离区", "area of separation") in found


def test_names_of_bodies_written_once_are_aligned() -> None:
    found = _found(BOARD)
    assert ("采购司", "Procurement Division") in found
    assert ("授标审查委员会", "Award Review Board") in found


def test_a_compound_of_two_words_is_a_low_confidence_candidate() -> None:
    # Aligned, but nothing says it is a term rather than a collocation: kept below the bar.
    scores = _found(ELECTORAL, at=0.0)
    assert 0.5 <= scores[("选举援助", "electoral assistance")] < ExtractParams().min_confidence


def test_a_word_is_not_rendered_by_part_of_its_meaning() -> None:
    # 人权法 is "human rights law": the English "human rights" leaves "law" out.
    assert not any(z == "人权法" for z, _ in _found(HUMAN_RIGHTS_LAW, at=0.0))
    lexicon_ = dictionary()
    assert lexicon_ is not None
    assert not lexicon_.rendered("人权法", {"human", "right"}, {"human", "right"})
    assert lexicon_.rendered("东道", {"host"}, {"host", "countri"})


def test_descriptions_and_lists_of_names_are_not_terms() -> None:
    found = _found(
        (
            "我还要感谢阿拉伯联合酋长国代表和伊拉克与科威特的合作。",
            "I also thank the representative of the United Arab Emirates and Iraq and Kuwait "
            "for their cooperation.",
        ),
        at=0.0,
    )
    assert not any("representative" in e or " and " in e for _, e in found)


def test_phrase_pairs_are_an_ablation_knob() -> None:
    pairs = _pairs(HOST, SEPARATION)
    on = extract_from_pairs(pairs)
    off = extract_from_pairs(pairs, params=ExtractParams(use_phrase_pairs=False))
    assert any("phrase_pair" in e.sources for e in on)
    assert not any("phrase_pair" in e.sources for e in off)


def test_resolutions_with_stray_spaces_are_paired() -> None:
    pairs = _pairs(
        (
            "毒品和犯罪问题办公室参加了与执行安理会第1540   ( 2004 )号决议有关的一些活动。",
            "UNODC participated in several activities related to the implementation of Council "
            "resolution 1540 (2004).",
        )
    )
    assert [(c.zh, c.en) for c in pattern_candidates(pairs)] == [
        ("第1540(2004)号决议", "resolution 1540 (2004)")
    ]


def test_the_vocabulary_can_leave_entries_out_for_a_block() -> None:
    full = {e.zh for e in lexicon()}
    with vocabulary_without(frozenset({"停火"})):
        assert {e.zh for e in lexicon()} == full - {"停火"}
    assert {e.zh for e in lexicon()} == full


def test_counts_actions_and_descriptions_are_not_terms() -> None:
    # Pairs in the manner of the bundled record (corpora/S-PV-9132), shortened.
    found = _found(
        ("安理会支持重建外交渠道，以确保两国之间的和平。",
         "The Council supports restoring diplomatic channels to ensure peace between the two "
         "countries."),
        ("重炮、无人机和大口径武器被使用。",
         "Heavy artillery, drones and large-calibre weapons were used."),
        ("一些亚美尼亚士兵落入对方手中。",
         "Some Armenian soldiers fell into the other side's hands."),
        ("亚美尼亚总理和阿塞拜疆总统举行了会晤。",
         "The Prime Minister of Armenia and the President of Azerbaijan met."),
        at=0.0,
    )  # fmt: skip
    ens = {en for _, en in found}
    assert "two countries" not in ens  # a count
    assert "Heavy artillery" not in ens  # the sentence's capital is not the term's
    assert "Armenian soldiers" not in ens  # a State's soldiers: a description
    assert "Prime Minister of Armenia and the President of Azerbaijan" not in ens


def test_verbs_only_in_the_dictionary_do_not_open_a_term() -> None:
    lexicon = dictionary()
    assert lexicon is not None
    assert "commit" in lexicon.verbs_only
    assert "report" not in lexicon.verbs_only  # a report: a noun too


# S/PV.9722 and S/PV.9642 (official UN records, ../shared/real/text).
PANEL = (
    "8月19日,委员会听取了苏丹问题专家小组关于其中期报告的介绍。",
    "On 19 August, the Committee heard a presentation by the Sudan Panel of Experts on its "
    "interim report.",
)
UNAMI = (
    "联合国伊拉克援助团(联伊援助团)自2003年由安全理事会设立以来,在充分尊重伊拉克主权的同时,"
    "在向伊拉克提供若干领域的援助方面发挥了至关重要的作用。",
    "Since it was created by the Security Council, in 2003, the United Nations Assistance Mission "
    "for Iraq (UNAMI) has played an essential role in providing assistance to Iraq in a number of "
    "areas, while fully respecting its sovereignty.",
)


def test_a_name_qualified_by_a_state_is_a_name_of_its_own() -> None:
    # "Sudan Panel of Experts": the State in front names the panel's subject; the body's own
    # name is whole, not a piece of a longer name.
    assert ("专家小组", "Panel of Experts") in _found(PANEL)


def test_a_piece_of_a_longer_name_stays_a_fragment() -> None:
    # "Assistance Mission" runs on into "United Nations Assistance Mission for Iraq".
    found = _found(UNAMI, at=0.0)
    assert found.get(("援助团", "Assistance Mission"), 0.0) < 0.7
