"""General naming conventions read by the extractor: one-slash record symbols, committees named
after their resolution, surname-first names, offices of one State, pieces of longer terms."""

from __future__ import annotations

from aligner.terms.entry import TermEntry
from aligner.terms.extract import _count_frequencies
from aligner.terms.pair_text import PairText
from aligner.terms.phrase_pairs import _office_of_a_state
from aligner.terms.phraseology import pattern_candidates
from aligner.terms.speakers import _surname_first_names


def _pairs(*texts: tuple[str, str]) -> list[PairText]:
    return [PairText.of("S/PV.1", i, zh, en) for i, (zh, en) in enumerate(texts)]


def test_a_security_council_record_symbol_has_one_slash() -> None:
    pairs = _pairs(
        ("正如上午早些时候所说（见S/PV.1234），", "As said this morning (see S/PV.1234),")
    )
    found = {(c.zh, c.en, c.type) for c in pattern_candidates(pairs)}
    assert ("S/PV.1234", "S/PV.1234", "document") in found
    # A different record on each side is no pair.
    pairs = _pairs(("见S/PV.1234。", "See S/PV.1235."))
    assert not pattern_candidates(pairs)


def test_a_committee_is_named_after_its_resolution_with_and_without_its_subject() -> None:
    pairs = _pairs(
        (
            "安全理事会关于利比里亚的第1521(2003)号决议所设委员会主席作了通报。",
            "The Chair of the Security Council Committee established pursuant to resolution "
            "1521 (2003), concerning Liberia, briefed the Council.",
        ),
        (
            "安全理事会第1737（2006）号决议所设委员会",
            "Security Council Committee established pursuant to resolution 1737 (2006)",
        ),
    )
    found = {(c.zh, c.en): c for c in pattern_candidates(pairs)}
    long = found[
        (
            "安全理事会关于利比里亚的第1521(2003)号决议所设委员会",
            "Security Council Committee established pursuant to resolution 1521 (2003) "
            "concerning Liberia",
        )
    ]
    assert "安全理事会第1521(2003)号决议所设委员会" in long.zh_variants
    assert long.type == "organization"
    assert (
        "安全理事会第1737(2006)号决议所设委员会",
        "Security Council Committee established pursuant to resolution 1737 (2006)",
    ) in found
    # Another resolution's committee on the English side is no pair.
    assert not pattern_candidates(
        _pairs(
            (
                "安全理事会第1737(2006)号决议所设委员会",
                "Security Council Committee established pursuant to resolution 1718 (2006)",
            )
        )
    )


def test_a_surname_first_name_is_read_between_the_surname_and_a_title() -> None:
    pairs = _pairs(
        (
            "我们感谢委员会主席王明远大使的通报。",
            "We thank Ambassador Mingyuan Wang, Chair of the Committee.",
        ),
        ("我请王大使发言。", "I give the floor to Ambassador Wang."),
        ("李先生说。", "Mr. Li Wei said."),
    )
    found = _surname_first_names("王", "Wang", pairs)
    assert set(found) == {("王明远", "Mingyuan Wang")}
    assert _surname_first_names("李", "Li", pairs) == {}  # 李先生: no given name in Chinese


def test_an_office_of_one_state_is_a_description() -> None:
    assert _office_of_a_state("法国外交部长", "Minister for Foreign Affairs of France")
    assert _office_of_a_state(
        "大韩民国常驻联合国代表",
        "Permanent Representative of the Republic of Korea to the United Nations",
    )
    # A body named after a State as its subject is a name.
    assert not _office_of_a_state("利比亚制裁委员会", "Libya Sanctions Committee")
    assert not _office_of_a_state("法国", "France")


def test_a_phrase_seen_only_inside_a_longer_term_is_not_emitted_on_its_own() -> None:
    def entry(zh: str, en: str, source: str, confidence: float = 0.8) -> TermEntry:
        return TermEntry(zh, en, "other", confidence=confidence, sources=[source])

    long = entry("马里武装部队", "Malian armed forces", "phrase_pair")
    piece = entry("武装部队", "armed forces", "phrase_pair")
    listed = entry("议事规则", "rules of procedure", "phraseology")
    longer_listed = entry("暂行议事规则", "provisional rules of procedure", "phraseology")
    zh = ["马里武装部队必须停止攻击。", "安理会的暂行议事规则。"]
    en = ["The Malian armed forces must stop.", "The Council's provisional rules of procedure."]
    entries = [long, piece, listed, longer_listed]
    pieces = _count_frequencies(entries, zh, en, {}, [], min_confidence=0.7)
    # The UN vocabulary's term stands on its own even inside a longer one.
    assert pieces == {piece.key}
    # Inside a longer phrase that is not emitted itself, it is a term of its own.
    long.confidence = 0.5
    assert _count_frequencies(entries, zh, en, {}, [], min_confidence=0.7) == set()
    # Seen once on its own: a term of its own.
    long.confidence = 0.8
    zh.append("武装部队必须停止攻击。")
    en.append("The armed forces must stop.")
    assert _count_frequencies(entries, zh, en, {}, [], min_confidence=0.7) == set()


def test_a_body_named_after_its_subject_state() -> None:
    from aligner.terms.candidate import Candidate
    from aligner.terms.composition import composition_candidates

    known = [
        Candidate("利比亚", "Libya", "country", "member_state", 0.9),
        Candidate("专家小组", "Panel of Experts", "organization", "phraseology", 0.9),
    ]
    pairs = _pairs(
        ("利比亚问题专家小组提交了报告。", "The Panel of Experts on Libya submitted its report."),
        ("利比亚专家小组", "Libyan experts"),  # no 问题: not the body's name
    )
    found = {(c.zh, c.en) for c in composition_candidates(pairs, known)}
    assert found == {("利比亚问题专家小组", "Panel of Experts on Libya")}


def _with_agenda(zh: str, en: str, *, printed: bool = True) -> object:
    """A record whose agenda item is `zh` / `en`; `printed=False`: a text cut before its
    opening procedure, the title only in its running headers (the parser's meta.agenda)."""
    from terms_fixtures import TurnText, make_alignment

    opening = TurnText(
        "procedure",
        ["通过议程。", zh, "议程通过。"],
        ["Adoption of the agenda", en, "The agenda was adopted."],
    )
    speech = TurnText(
        "president",
        ["安理会现在开始审议其议程上的项目。"],
        ["The Council will now begin its consideration of the item on its agenda."],
    )
    alignment = make_alignment([opening, speech] if printed else [speech])
    alignment.zh.meta.agenda = zh
    alignment.en.meta.agenda = en
    return alignment


def test_the_agenda_item_is_a_term_of_the_record() -> None:
    from aligner.terms.extract import extract_terms

    found = {
        (e.zh, e.en, e.type)
        for e in extract_terms(_with_agenda("马里局势", "The situation in Mali"))
    }  # type: ignore[arg-type]
    assert ("马里局势", "situation in Mali", "other") in found
    # A dated letter is an instance, not an item.
    letter = _with_agenda(
        "2024年1月5日马里常驻联合国代表给安全理事会主席的信（S/2024/12）",
        "Letter dated 5 January 2024 from the Permanent Representative of Mali to the United "
        "Nations addressed to the President of the Security Council (S/2024/12)",
    )
    assert not any("信" in e.zh for e in extract_terms(letter))  # type: ignore[arg-type]


def test_an_agenda_title_printed_only_in_headers_is_a_term_with_the_states_it_names() -> None:
    from aligner.terms.extract import extract_terms

    found = {
        (e.zh, e.en, e.type)
        for e in extract_terms(  # type: ignore[arg-type]
            _with_agenda(
                "秘书长关于苏丹和南苏丹的报告",
                "Reports of the Secretary-General on the Sudan and South Sudan",
                printed=False,
            )
        )
    }
    assert (
        "秘书长关于苏丹和南苏丹的报告",
        "Reports of the Secretary-General on the Sudan and South Sudan",
        "other",
    ) in found
    assert ("南苏丹", "South Sudan", "country") in found
    assert not any(zh == "苏丹" and en == "South Sudan" for zh, en, _ in found)


def test_a_three_character_noun_is_an_association_candidate() -> None:
    from aligner.terms.association import zh_candidates
    from aligner.terms.phraseology import vocabulary_disabled

    # S/PV.9642 (official UN record): 联合国 and 安理会 are among the record's most frequent
    # names; with the UN vocabulary emptied, association must still be able to pair them.
    with vocabulary_disabled():
        found = zh_candidates(
            "联合国伊拉克援助团(联伊援助团)自2003年由安全理事会设立以来,在充分尊重伊拉克主权的同时,"
            "在向伊拉克提供若干领域的援助方面发挥了至关重要的作用。"
        )
        found |= zh_candidates("安理会准备对面前的决议草案进行表决。")
    assert "联合国" in found
    assert "安理会" in found


def test_a_participle_and_its_preposition_is_not_a_term() -> None:
    from aligner.terms.association import _verb_phrase

    assert _verb_phrase(["voted", "in", "favour"])
    assert _verb_phrase(["committed", "to", "peace"])
    assert not _verb_phrase(["armed", "forces"])
    assert not _verb_phrase(["enforced", "disappearance"])
    assert not _verb_phrase(["United", "Nations"])
