"""Terms the extractor finds without the UN vocabulary: titles by symbol, 《》 instruments,
Governments of States, group codes, definitions, association of the field's own words, and
store-wide association over the pairs of several records. Sentences are written in the form of
official UN records (S/PV formulas) for these tests."""

from __future__ import annotations

import subprocess
from pathlib import Path

from terms_fixtures import TurnText, make_alignment

from aligner.terms.association import en_candidates, segmenter, specialized_word
from aligner.terms.definitions import zh_definitions
from aligner.terms.entry import TermEntry
from aligner.terms.extract import ExtractParams, extract_from_pairs, extract_terms
from aligner.terms.instruments import english_titles, instrument_candidates
from aligner.terms.pair_text import PairText
from aligner.terms.phraseology import lexicon, pattern_candidates, vocabulary_disabled
from aligner.terms.states import government_candidates
from aligner.terms.titles import title_candidates

ROOT = Path(__file__).resolve().parents[2]


def _pairs(*texts: tuple[str, str], symbol: str = "S/PV.9999") -> list[PairText]:
    return [PairText.of(symbol, i, zh, en) for i, (zh, en) in enumerate(texts)]


def _keys(entries: list[TermEntry]) -> set[tuple[str, str]]:
    return {(e.zh, e.en) for e in entries}


def test_a_report_title_is_paired_through_its_symbol_across_pairs() -> None:
    pairs = _pairs(
        (
            "我谨提请安理会成员注意文件S/2031/875，其中载有秘书长关于联合国某某观察员部队的报告。",
            "I wish to draw the attention of Council members to the report.",
        ),
        (
            "安理会准备进行表决。",
            "They have before them document S/2031/875, which contains the report of the "
            "Secretary-General on the United Nations Example Observer Force.",
        ),
        (
            "文件S/2031/942，其中载有一项决议草案的案文。",
            "document S/2031/942, which contains the text of a draft resolution.",
        ),
    )
    found = [(c.zh, c.en) for c in title_candidates(pairs)]
    assert found == [
        (
            "秘书长关于联合国某某观察员部队的报告",
            "report of the Secretary-General on the United Nations Example Observer Force",
        )
    ]  # the draft resolution's text is described, not named


def test_bracketed_instrument_titles_pair_with_capitalised_english_titles() -> None:
    assert english_titles(
        "the Charter of the United Nations and the Universal Declaration of Human Rights"
    ) == ["Charter of the United Nations", "Universal Declaration of Human Rights"]
    pairs = _pairs(
        (
            "这违反了1974年《甲国和乙国部队脱离接触协定》。",
            "This violates the 1974 Agreement on Disengagement between Alphan and Betan Forces.",
        ),
        ("各方必须遵守该《协定》。", "The parties must abide by the Agreement."),
    )
    found = [(c.zh, c.en, c.type) for c in instrument_candidates(pairs)]
    assert found == [
        (
            "《甲国和乙国部队脱离接触协定》",
            "Agreement on Disengagement between Alphan and Betan Forces",
            "instrument",
        )
    ]


def test_the_government_of_a_state_and_group_codes() -> None:
    pairs = _pairs(
        (
            "秘书处将与伊拉克政府密切协调。",
            "The Secretariat will coordinate with the Government of Iraq.",
        ),
        ("苏丹政府的决定值得赞扬。", "The decision by the Government of the Sudan is commendable."),
        ("以及我国圭亚那(A3+)发言。", "as well as my own country, Guyana (A3+)."),
    )
    assert {(c.zh, c.en) for c in government_candidates(pairs)} == {
        ("伊拉克政府", "Government of Iraq"),
        ("苏丹政府", "Government of the Sudan"),
    }
    assert ("A3+", "A3+") in {(c.zh, c.en) for c in pattern_candidates(pairs)}


def test_a_short_form_that_ends_its_long_form_takes_the_whole_name() -> None:
    defs = zh_definitions("我们一致延长联合国脱离接触观察员部队(观察员部队)的任务期限。")
    assert [(d.long, d.short) for d in defs] == [("联合国脱离接触观察员部队", "观察员部队")]
    # A State in front followed by a verb is the sentence, not the name.
    defs = zh_definitions("美国支持国际原子能机构(原子能机构)。")
    assert [(d.long, d.short) for d in defs] == [("国际原子能机构", "原子能机构")]


def test_only_words_of_the_field_are_one_word_terms() -> None:
    assert specialized_word("penholder") and specialized_word("peacebuilding")
    assert not specialized_word("transition") and not specialized_word("resolution")
    assert "penholder" in en_candidates("As penholder, we appreciated the contributions.")
    assert "transition" not in en_candidates("It is time for a transition.")


_PENHOLDER = [
    ("我们感谢法国作为执笔方所做的辛勤工作。", "We thank France, as penholder, for its hard work."),
    (
        "美国在这个问题上作为执笔方考虑了各方的意见。",
        "The penholder took the views of all into account.",
    ),
    (
        "我们祝贺执笔方以透明的方式指导谈判。",
        "We congratulate the penholder for steering the talks.",
    ),
]


def _penholder_turns(n: int, first: int = 0) -> list[TurnText]:
    zh = [z for z, _ in _PENHOLDER[first : first + n]]
    en = [e for _, e in _PENHOLDER[first : first + n]]
    return [TurnText("member", zh, en, header=("代表：", "Representative:"))]


def test_a_word_of_the_field_is_found_by_association_in_one_record() -> None:
    entries = extract_terms(make_alignment(_penholder_turns(3)))
    assert ("执笔方", "penholder") in _keys(entries)


def test_store_wide_association_finds_what_one_record_is_too_short_for() -> None:
    per_record = []
    pairs: list[PairText] = []
    for k, symbol in enumerate(("S/PV.9001", "S/PV.9002", "S/PV.9003")):
        alignment = make_alignment(_penholder_turns(1, k), symbol)
        per_record.append(extract_terms(alignment))
        for p in alignment.pairs:
            pairs.append(PairText.of(symbol, k, p.zh[0], p.en[0], pair_id=100 + k))
    assert all(("执笔方", "penholder") not in _keys(e) for e in per_record)
    store_wide = extract_from_pairs(pairs)
    entry = next(e for e in store_wide if (e.zh, e.en) == ("执笔方", "penholder"))
    assert entry.symbols == ["S/PV.9001", "S/PV.9002", "S/PV.9003"]
    assert entry.freq_zh == 3 and entry.pairs == 3
    assert [c.pair_id for c in entry.contexts] == [100, 101, 102]
    # A term already in the glossary is not paired again, nor emitted a second time.
    known = TermEntry("执笔方", "penholder", "phraseology")
    assert ("执笔方", "penholder") not in _keys(extract_from_pairs(pairs, known=[known]))


def test_the_vocabulary_can_be_switched_off_for_the_ablation() -> None:
    assert lexicon()
    with vocabulary_disabled():
        assert lexicon() == ()
        words = [w.word for w in segmenter().cut("联合国伊拉克援助团")]
    assert lexicon()
    assert "联合国伊拉克援助团" not in words
    alignment = make_alignment(
        [
            TurnText(
                "member",
                ["我们呼吁各方遵守停火。"],
                ["We call on all parties to respect the ceasefire."],
            )
        ]
    )
    assert ("停火", "ceasefire") in _keys(extract_terms(alignment))
    off = extract_terms(alignment, params=ExtractParams(use_phraseology=False))
    assert ("停火", "ceasefire") not in _keys(off)


def test_no_meeting_lives_in_the_product_code_or_data() -> None:
    names = (
        "Lachin|拉钦|Syunik|休尼克|Pashinyan|帕希尼扬|Aliyev|阿利耶夫|Jenča|Nebenzia|涅边贾|"
        "Geng Shuang|耿爽|Kalbajar|Jermuk|Security Council of|Minsk|明斯克|纳卡|Karabakh"
    )
    found = subprocess.run(
        # export.py is the exporters' (TBX), outside the extraction's files.
        ["git", "grep", "-nE", names, "--", "aligner/terms", ":!aligner/terms/export.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert found.returncode == 1, found.stdout  # 1: nothing matched


def test_a_vocabulary_term_cut_off_its_pair_is_found_in_the_next_one() -> None:
    from aligner.terms.phraseology import lexicon_candidates

    pairs = _pairs(
        (
            "我现在将该决议草案付诸表决。进行了举手表决。",
            "I shall put the draft resolution to the vote now.",
        )
    )
    # The English of the vote line was left unaligned (a one-sided pair) right after it.
    neighbours = {0: (pairs[0].zh, pairs[0].en), 1: ("", "A vote was taken by show of hands.")}
    assert ("举手表决", "show of hands") not in {(c.zh, c.en) for c in lexicon_candidates(pairs)}
    found = {(c.zh, c.en) for c in lexicon_candidates(pairs, neighbours)}
    assert ("举手表决", "show of hands") in found
    assert ("决议草案", "draft resolution") in found


def test_a_name_cut_by_the_segmenter_or_a_state_mask_is_completed_to_the_left() -> None:
    from aligner.terms.association import _complete_left

    texts = ["要求苏丹武装部队平息战火。", "苏丹武装部队必须参加和谈。"]
    assert _complete_left("武装部队", "Sudanese armed forces", texts) == "苏丹武装部队"
    # A common-noun English phrase does not pull in what happens to precede it.
    assert _complete_left("武装部队", "armed forces", texts) == "武装部队"
    # Different words in front: nothing to complete.
    texts = ["要求苏丹武装部队平息战火。", "伊拉克武装部队必须撤出。"]
    assert _complete_left("武装部队", "Sudanese armed forces", texts) == "武装部队"


def test_a_body_stretch_must_render_the_body_named_inside_the_english_name() -> None:
    from aligner.terms.bodies import _lacks_named_part

    known = {"Security Council": {"安全理事会", "安理会"}}
    name = "Chair of the Security Council Committee"
    assert _lacks_named_part("委员会主席", name, known)
    assert not _lacks_named_part("安理会委员会主席", name, known)
    # At the end of a name the words may name another State's body.
    assert not _lacks_named_part("安全委员会秘书", "Secretary of the Security Council", known)
