"""What a terminologist would not accept is not emitted; English sides in citation form."""

from __future__ import annotations

from terms_fixtures import TurnText, make_alignment

from aligner.terms.citation import citation_form, is_clause, other_number
from aligner.terms.entry import TermEntry
from aligner.terms.extract import extract_terms


def _by_zh(entries: list[TermEntry]) -> dict[str, TermEntry]:
    return {e.zh: e for e in entries}


def test_clauses_are_not_terms() -> None:
    assert is_clause("The agenda was adopted")
    assert is_clause("the parties have agreed")
    assert not is_clause("adoption of the agenda")
    assert not is_clause("Co-Chair of the Minsk Group")


def test_number_of_the_head_noun() -> None:
    assert other_number("war crimes") == "war crime"
    assert other_number("Co-Chairs of the Minsk Group") == "Co-Chair of the Minsk Group"
    assert other_number("United Nations country team") == "United Nations country teams"
    assert other_number("Heads of State") == "Head of State"
    assert other_number("armed forces") is None  # plural in meaning
    assert other_number("delimitation and demarcation") is None  # a coordination
    assert other_number("peace process") == "peace processes"


def test_the_singular_wins_when_the_record_uses_both_numbers() -> None:
    record = "That amounts to a war crime.\nThey committed war crimes."
    own = "They committed war crimes."
    assert citation_form("war crimes", record, own) == ("war crime", ["war crimes"])


def test_an_unattested_form_is_never_invented() -> None:
    record = "All prisoners of war must be released."
    assert citation_form("prisoners of war", record, record) == ("prisoners of war", [])
    # A vocabulary's singular the record only writes in the plural takes the record's form.
    record = "The United Nations country teams are ready."
    assert citation_form("United Nations country team", record, record) == (
        "United Nations country teams",
        [],
    )


def test_case_follows_the_record_inside_sentences_only() -> None:
    # A sentence-initial capital is not part of a lower-case term.
    record = "Adoption of the agenda"
    assert citation_form("adoption of the agenda", record, record)[0] == "adoption of the agenda"
    # A name the record writes only in lower case is that common noun there.
    record = "The mission was sent by the secretariat of the alliance."
    en, variants = citation_form("Secretariat", record, record)
    assert (en, variants) == ("secretariat", ["Secretariat"])
    # A lower-case term is not capitalised by a name it occurs in.
    record = "The Peacebuilding Commission met.\nSustained peacebuilding matters."
    assert citation_form("peacebuilding", record, record)[0] == "peacebuilding"
    assert citation_form("the Charter", "under the Charter", "")[0] == "Charter"
    # Capitals opening a later line of the record are sentence starts too.
    record = "It was adopted.\nSecretariat staff left."
    assert citation_form("secretariat", record, record)[0] == "secretariat"


def test_singular_and_plural_observations_are_one_entry() -> None:
    alignment = make_alignment(
        [
            TurnText(
                "member",
                [
                    "两位共同主席访问了该地区。",
                    "我们感谢共同主席。",
                    "这构成战争罪。",
                    "战争罪不能不受惩罚。",
                ],
                [
                    "The two Co-Chairs visited the region.",
                    "We thank the Co-Chair.",
                    "That constitutes a war crime.",
                    "War crimes cannot go unpunished.",
                ],
            )
        ]
    )
    entries = _by_zh(extract_terms(alignment))
    assert [e.en for e in extract_terms(alignment) if e.zh == "共同主席"] == ["Co-Chair"]
    assert entries["共同主席"].en_variants == ["Co-Chairs"]
    assert entries["共同主席"].freq_en == 2
    assert entries["战争罪"].en == "war crime"


def test_generic_collocations_with_a_light_head_are_not_terms() -> None:
    alignment = make_alignment(
        [
            TurnText(
                "member",
                [
                    "边境地区局势紧张。",
                    "我们访问了边境地区。",
                    "边境地区需要援助。",
                    "粮食安全问题依然严峻。",
                    "我们讨论了粮食安全。",
                    "粮食安全需要投资。",
                ],
                [
                    "Tension is high in the border area.",
                    "We visited the border area.",
                    "The border area needs help.",
                    "Food security remains a serious problem.",
                    "We discussed food security.",
                    "Food security needs investment.",
                ],
            )
        ]
    )
    entries = _by_zh(extract_terms(alignment))
    assert entries["粮食安全"].en == "food security"
    assert "边境地区" not in entries
    assert all(e.en != "border area" for e in entries.values())


def test_a_coordination_attests_each_of_its_terms() -> None:
    alignment = make_alignment(
        [
            TurnText(
                "member",
                ["划界和标界工作应当继续。", "我们支持划界和标界。"],
                [
                    "The work on delimitation and demarcation should continue.",
                    "We support delimitation and demarcation.",
                ],
            )
        ]
    )
    entries = _by_zh(extract_terms(alignment))
    assert entries["划界和标界"].en == "delimitation and demarcation"
    assert entries["标界"].en == "demarcation"
    assert entries["划界"].en == "delimitation"


def test_an_occurrence_inside_a_longer_term_counts_for_the_longer_term() -> None:
    alignment = make_alignment(
        [
            TurnText(
                "member",
                ["我们感谢助理秘书长。", "助理秘书长介绍了情况。", "秘书长发表了声明。"],
                [
                    "We thank the Assistant Secretary-General.",
                    "The Assistant Secretary-General briefed us.",
                    "The Secretary-General issued a statement.",
                ],
            )
        ]
    )
    entries = _by_zh(extract_terms(alignment))
    assert (entries["助理秘书长"].freq_zh, entries["助理秘书长"].freq_en) == (2, 2)
    assert (entries["秘书长"].freq_zh, entries["秘书长"].freq_en) == (1, 1)


def test_a_term_seen_only_inside_a_longer_one_is_counted_there(entries: list[TermEntry]) -> None:
    # The meeting fixture has 暂行议事规则 only inside 暂行议事规则第37条.
    rules = _by_zh(entries)["暂行议事规则"]
    assert rules.en == "provisional rules of procedure"
    assert rules.freq_zh == 1
