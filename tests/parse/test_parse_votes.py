"""Votes: the vote line, the vote lists (one sentence each, in both languages) and the names on
them checked against the Member State table. Real records: S/PV.9642 and S/PV.9826 (United
Nations, Security Council, 2024), from ../shared/real/text."""

from __future__ import annotations

from pathlib import Path

import pytest

from aligner.parse import parse_record
from aligner.parse.votes import parse_vote_list, split_names

REAL = Path(__file__).resolve().parents[2].parent / "shared" / "real" / "text"
needs_real = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real not available")


@needs_real
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_show_of_hands_is_a_procedure_turn_with_one_sentence_per_list(lang: str) -> None:
    record = parse_record(REAL / f"S-PV-9642.{lang}.txt")
    vote = next(
        t
        for t in record.turns
        if t.role == "procedure" and ("赞成" in t.text or "favour:" in t.text)
    )
    sentences = [s.text for s in vote.sentences()]
    assert sentences[0] == (
        "进行了举手表决。" if lang == "zh" else "A vote was taken by show of hands."
    )
    assert len(sentences) == 2
    assert sentences[1].startswith(
        "赞成：阿尔及利亚、中国" if lang == "zh" else "In favour: Algeria, China"
    )
    # The President's turn before the vote ends with the call to vote, not the vote line.
    before = record.turns[vote.index - 1]
    assert before.role == "president"
    assert list(before.sentences())[-1].text.endswith(("付诸表决。", "to the vote now."))


@needs_real
def test_vote_lists_are_checked_against_the_member_states() -> None:
    zh = parse_record(REAL / "S-PV-9642.zh.txt")
    en = parse_record(REAL / "S-PV-9642.en.txt")
    assert len(zh.votes) == len(en.votes) == 1
    assert zh.votes[0].position == en.votes[0].position == "in_favour"
    assert zh.votes[0].codes == en.votes[0].codes
    assert len(en.votes[0].codes) == 15 and not en.votes[0].unknown
    assert en.votes[0].sentence_id.startswith("S/PV.9642/en/")


@needs_real
def test_the_two_language_versions_of_a_list_may_differ() -> None:
    # In S/PV.9826 as published, the Chinese list names other States than the English one:
    # the parse keeps both lists so that QA can flag the difference.
    zh = parse_record(REAL / "S-PV-9826.zh.txt")
    en = parse_record(REAL / "S-PV-9826.en.txt")
    zh_codes, en_codes = set(zh.votes[0].codes), set(en.votes[0].codes)
    assert len(zh_codes) == len(en_codes) == 15
    assert zh_codes - en_codes == {"ALB", "BRA", "GAB", "GHA", "ARE"}


RECORDED_EN = """\
The President: We shall now take action on draft resolution A/80/L.1.

A recorded vote was taken.

In favour:

Afghanistan, Algeria, Antigua and Barbuda, Bolivia (Plurinational State of), Bosnia

and Herzegovina,

Brunei

Darussalam, Iran (Islamic Republic of), Libyan Arab Jamahiriya, Freedonia

Against:

None

Abstaining:

China and Russian Federation

Draft resolution A/80/L.1 was adopted by 8 votes to none, with 2 abstentions (resolution 80/1).

The President: A recorded vote has been requested on draft resolution A/80/L.2.

A recorded vote was taken.

In favour: Chile, Peru.

Against: Israel.

Draft resolution A/80/L.2 was adopted by 2 votes to 1 (resolution 80/2).

The meeting rose at 1 p.m.
"""


def test_recorded_votes_with_broken_lists() -> None:
    record = parse_record(RECORDED_EN, name="ga.txt")
    lists = [(v.vote, v.position, v.codes, v.unknown) for v in record.votes]
    assert lists == [
        (
            0,
            "in_favour",
            ["AFG", "DZA", "ATG", "BOL", "BIH", "BRN", "IRN", "LBY", None],
            ["Freedonia"],  # kept as printed, flagged
        ),
        (0, "against", [], []),
        (0, "abstaining", ["CHN", "RUS"], []),
        (1, "in_favour", ["CHL", "PER"], []),
        (1, "against", ["ISR"], []),
    ]
    vote_turn = record.turns[1]
    assert [s.text for s in vote_turn.sentences()][:2] == [
        "A recorded vote was taken.",
        "In favour: Afghanistan, Algeria, Antigua and Barbuda, Bolivia (Plurinational State of), "
        "Bosnia and Herzegovina, Brunei Darussalam, Iran (Islamic Republic of), Libyan Arab "
        "Jamahiriya, Freedonia",
    ]
    # The adoption line is procedure, in the same turn as the lists.
    assert vote_turn.paragraphs[-1].sentences[0].text.startswith("Draft resolution A/80/L.1 was")


RECORDED_ZH = """\
主席（以英语发言）：我们现在就A/80/L.1号决议草案采取行动。

进行了记录表决。

赞成：
阿富汗、阿尔及利亚、安提瓜和巴布达、多民族玻利维亚国、波斯尼亚和黑塞哥
维那、文莱达鲁萨兰国

反对：
无

弃权：
中国和俄罗斯联邦

第A/80/L.1号决议草案以6票赞成、0票反对、2票弃权获得通过（第80/1号决议）。

下午1时散会。
"""


def test_recorded_vote_in_chinese() -> None:
    record = parse_record(RECORDED_ZH, name="ga.zh.txt")
    assert [(v.position, v.codes) for v in record.votes] == [
        ("in_favour", ["AFG", "DZA", "ATG", "BOL", "BIH", "BRN"]),
        ("against", []),
        ("abstaining", ["CHN", "RUS"]),
    ]
    vote_turn = record.turns[1]
    assert vote_turn.role == "procedure"
    texts = [s.text for s in vote_turn.sentences()]
    assert texts[0] == "进行了记录表决。"
    assert texts[1] == (
        "赞成：阿富汗、阿尔及利亚、安提瓜和巴布达、多民族玻利维亚国、"
        "波斯尼亚和黑塞哥维那、文莱达鲁萨兰国"
    )
    assert texts[-2].startswith("第A/80/L.1号决议草案以6票赞成")


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        ("Iran (Islamic Republic of), Iraq", "en", ["Iran (Islamic Republic of)", "Iraq"]),
        ("Zambia, Zimbabwe.", "en", ["Zambia", "Zimbabwe"]),
        ("None", "en", []),
        ("玻利维亚（多民族国）、中国", "zh", ["玻利维亚（多民族国）", "中国"]),
    ],
)
def test_split_names(text: str, lang: str, names: list[str]) -> None:
    assert split_names(text, lang) == names


def test_parse_vote_list_keeps_trinidad_and_tobago_whole() -> None:
    found = parse_vote_list("In favour: Trinidad and Tobago and United States of America", "en")
    assert found is not None
    assert found.names == ["Trinidad and Tobago", "United States of America"]
    assert found.codes == ["TTO", "USA"]
    assert parse_vote_list("We are in favour: of course", "en") is None
