"""align_sentences behaviour: merges, deletions, number anchors, coverage, direction."""

from __future__ import annotations

import pytest

from aligner.align.embedder import Embedder
from aligner.align.params import AlignParams
from aligner.align.sentences import Link, align_sentences
from aligner.errors import InputError

# English "translations" into English: with the hashing embedder a merged target sentence is
# literally the two source sentences joined, which isolates the DP's behaviour from the model.
SRC = [
    "The Council heard a briefing on the situation along the border.",
    "Fighting broke out on Tuesday night.",
    "Several villages were shelled.",
    "The Secretary-General called for restraint.",
    "Humanitarian agencies stand ready to help.",
    "The meeting rose at noon.",
]


def as_pairs(links: list[Link]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(link.src, link.tgt) for link in links]


def covers_everything(links: list[Link], n: int, m: int) -> bool:
    src = [i for link in links for i in link.src]
    tgt = [j for link in links for j in link.tgt]
    return src == list(range(n)) and tgt == list(range(m))


def test_identical_lists_align_one_to_one(hashing: Embedder) -> None:
    links = align_sentences(SRC, SRC, src_lang="en", tgt_lang="en", embedder=hashing)
    assert as_pairs(links) == [((i,), (i,)) for i in range(len(SRC))]
    assert all(0.0 <= link.confidence <= 1.0 for link in links)


def test_two_sentences_merged_into_one_give_a_2_1_link(hashing: Embedder) -> None:
    tgt = [SRC[0], SRC[1] + " " + SRC[2], SRC[3], SRC[4], SRC[5]]
    links = align_sentences(SRC, tgt, src_lang="en", tgt_lang="en", embedder=hashing)
    assert ((1, 2), (1,)) in as_pairs(links)
    assert covers_everything(links, len(SRC), len(tgt))


def test_one_sentence_split_in_two_gives_a_1_2_link(hashing: Embedder) -> None:
    src = [SRC[0], SRC[1] + " " + SRC[2], SRC[3], SRC[4]]
    links = align_sentences(src, SRC[:5], src_lang="en", tgt_lang="en", embedder=hashing)
    assert ((1,), (1, 2)) in as_pairs(links)


def test_links_cover_every_sentence_in_order_for_unequal_lengths(hashing: Embedder) -> None:
    tgt = ["Completely unrelated words here.", *SRC[2:], "Another stray line."]
    links = align_sentences(SRC, tgt, src_lang="en", tgt_lang="en", embedder=hashing)
    assert covers_everything(links, len(SRC), len(tgt))


def test_empty_side_gives_only_insertions(hashing: Embedder) -> None:
    links = align_sentences([], SRC[:2], src_lang="zh", tgt_lang="en", embedder=hashing)
    assert as_pairs(links) == [((), (0,)), ((), (1,))]


def test_paragraph_starts_act_as_soft_anchors(hashing: Embedder) -> None:
    # Without anchors the two near-identical middle sentences are ambiguous; the paragraph
    # start on both sides pins the boundary.
    src = [
        "Opening words of the statement.",
        "We thank the briefer.",
        "We thank the briefer.",
        "Closing words.",
    ]
    tgt = ["Opening words of the statement.", "We thank the briefer.", "Closing words."]
    links = align_sentences(
        src,
        tgt,
        src_lang="en",
        tgt_lang="en",
        embedder=hashing,
        src_breaks=[0, 2],
        tgt_breaks=[0, 1],
        params=AlignParams(break_weight=5.0),
    )
    pairs = as_pairs(links)
    assert ((2,), (1,)) in pairs or ((1, 2), (1,)) in pairs
    assert ((1,), (1,)) not in pairs


def test_non_text_input_is_a_typed_error(hashing: Embedder) -> None:
    with pytest.raises(InputError):
        align_sentences(
            ["ok", 3],
            ["ok"],
            src_lang="en",
            tgt_lang="en",  # type: ignore[list-item]
            embedder=hashing,
        )


# --- the real model on small Chinese-English texts written for these tests --------------------
ZH = [
    "安全理事会今天举行会议。",
    "秘书长特别代表介绍了最新情况，并指出过去一周有三个村庄遭到炮击，数百名平民被迫离开家园。",
    "他呼吁双方保持克制。",
    "我们欢迎2022年9月14日达成的停火。",
    "会议于上午11时35分结束。",
]
EN = [
    "The Security Council met today.",
    "The Special Representative of the Secretary-General gave an update.",
    "He noted that three villages had been shelled over the past week and that hundreds of "
    "civilians had been forced to leave their homes.",
    "He called on both sides to exercise restraint.",
    "We welcome the ceasefire reached on 14 September 2022.",
    "The meeting rose at 11.35 a.m.",
]


@pytest.mark.model
def test_chinese_english_one_to_two_split(use_model: Embedder) -> None:
    links = align_sentences(ZH, EN, src_lang="zh", tgt_lang="en", embedder=use_model)
    assert as_pairs(links) == [
        ((0,), (0,)),
        ((1,), (1, 2)),
        ((2,), (3,)),
        ((3,), (4,)),
        ((4,), (5,)),
    ]


@pytest.mark.model
def test_direction_en_zh_mirrors_zh_en(use_model: Embedder) -> None:
    zh_en = as_pairs(align_sentences(ZH, EN, src_lang="zh", tgt_lang="en", embedder=use_model))
    en_zh = as_pairs(align_sentences(EN, ZH, src_lang="en", tgt_lang="zh", embedder=use_model))
    assert en_zh == [(t, s) for s, t in zh_en]


@pytest.mark.model
def test_a_sentence_missing_from_the_translation_is_left_unaligned(use_model: Embedder) -> None:
    zh = [*ZH[:3], "此外，委员会的年度报告将于下个月在日内瓦正式发布。", *ZH[3:]]
    links = align_sentences(zh, EN, src_lang="zh", tgt_lang="en", embedder=use_model)
    pairs = as_pairs(links)
    assert ((3,), ()) in pairs
    assert ((4,), (4,)) in pairs


@pytest.mark.model
def test_numbers_decide_which_of_two_look_alike_sentences_is_missing(use_model: Embedder) -> None:
    zh = ["部署了120名观察员。", "部署了45名观察员。", "部署了300名观察员。"]
    en = ["120 observers were deployed.", "300 observers were deployed."]
    links = align_sentences(zh, en, src_lang="zh", tgt_lang="en", embedder=use_model)
    assert as_pairs(links) == [((0,), (0,)), ((1,), ()), ((2,), (1,))]


def test_ambiguous_links_get_lower_confidence_than_clear_ones(hashing: Embedder) -> None:
    src = [SRC[0], SRC[1], SRC[1], SRC[3]]
    tgt = [SRC[0], SRC[1], SRC[3]]
    links = align_sentences(src, tgt, src_lang="en", tgt_lang="en", embedder=hashing)
    conf = {link.src: link.confidence for link in links}
    clear = min(conf[(0,)], conf[(3,)])
    # Either copy of the repeated sentence could be the unmatched one.
    ambiguous = max(c for s, c in conf.items() if 1 in s or 2 in s)
    assert clear > 0.8 and ambiguous < clear


def test_question_and_quote_marks_are_evidence_across_scripts() -> None:
    from aligner.align.evidence import sentence_evidence

    zh = sentence_evidence("他问：“你来了吗？”")
    en = sentence_evidence('"Have you come?" he asked.')
    assert zh.marks == en.marks == {'"': 2, "?": 1}
    assert sentence_evidence("我们呼吁各方保持克制。").marks == {}
