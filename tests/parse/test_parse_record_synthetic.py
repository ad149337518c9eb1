"""parse_record on small records written for the tests: other bodies, dates, job numbers and
symbols than the bundled meeting, with the extraction damage of real records."""

from __future__ import annotations

from aligner.parse import parse_record

# A General Assembly record in English: cover block, page furniture with the page counter
# before the job number, a page break inside a paragraph, a hyphenated break, a wrapped
# speaker header, and a procedural line in the middle of the proceedings.
GA_EN = """\
United Nations                                              A/78/PV.12
General Assembly                                            Official Records
Seventy-eighth session
12th plenary meeting
Thursday, 21 September 2023, 3 p.m.
New York

President: .......................................... Mr. Francis (Trinidad and Tobago)

This record contains the text of speeches delivered in English and of the
translation of speeches delivered in other languages. Corrections should be
submitted to the original languages only (http://documents.un.org).

23-27123 (E)
*2327123*

The meeting was called to order at 3.05 p.m.

Agenda item 8

General debate

The President: I now give the floor to the Minister for Foreign Affairs of
Japan.

Mr. Hayashi (Japan): It is an honour to address the Assembly at this
session. Japan remains committed to the rule of law, to multilateral coop-
eration and to the Sustainable Development Goals, which the world must not



4/30 23-27123

A/78/PV.12 General debate 21/09/2023

abandon halfway. We will continue to work with all Member States.

Allow me to turn to the situation in our region, where tensions remain
high.

The meeting was suspended at 4.10 p.m. and resumed at 4.25 p.m.

In the absence of the President, Mr. Borg (Malta), Vice-President, took the Chair.

The Acting President: I give the floor to the Vice-President of Trinidad and Tobago.

Mrs. Moreira (Trinidad and Tobago) (spoke in
Spanish): I thank the President for his leadership.

The meeting rose at 6.10 p.m.
"""

# A Security Council record in Chinese: no cover, a running header and footer inside a
# paragraph, a wrapped header, stray spaces, a vote, and a speaker of an observer State.
SC_ZH = """\
下午3时开会。

通过议程
议程通过。

中东局势
主席（以英语发言）：根据安理会暂行议事规则第37条，我邀请约旦代表参加本
次会议。

我现在请各位成员发言。

布朗先生（马耳他）（以英语发言）：我们支持这项决议草案，因为它呼吁各方
保持克制，并确保人道主义准入不受阻碍。我们敦促所有各方遵守国际法，保护

23-45678  \ufffd 3/8

04/10/2023\t 中东局势\ufffd S/PV.9431

平民和民用基础设施。

以举手方式进行表决。

赞成：
马耳他、日本

主席（以英语发言）：决议草案获得通过，成为第2712 （2023）号决议。

哈米德先生（约旦）（以阿拉伯语发言）：我们欢迎安理会的决定。

曼苏尔先生（巴勒斯坦国）（以阿拉伯
语发言）：我感谢安理会成员。

下午4时15分散会。
"""


def test_general_assembly_record() -> None:
    record = parse_record(GA_EN, name="ga.txt")
    meta = record.meta
    assert meta.symbol == "A/78/PV.12"
    assert meta.body == "General Assembly"
    assert meta.meeting_number == 12
    assert meta.date == "2023-09-21"
    assert (meta.time_opened, meta.time_closed) == ("15:05", "18:10")
    assert meta.job_number == "23-27123"
    assert meta.president_country == "TTO"
    roles = [(t.role, t.speaker, t.country_code, t.spoken_language) for t in record.turns]
    assert roles == [
        ("procedure", None, None, "en"),
        ("president", None, "TTO", "en"),
        ("member", "Hayashi", "JPN", "en"),
        ("procedure", None, None, "en"),
        ("president", None, "MLT", "en"),  # the Vice-President in the Chair
        ("member", "Moreira", "TTO", "es"),
        ("procedure", None, None, "en"),
    ]
    japan = record.turns[2]
    assert [p.text for p in japan.paragraphs] == [
        "It is an honour to address the Assembly at this session. Japan remains committed to "
        "the rule of law, to multilateral cooperation and to the Sustainable Development Goals, "
        "which the world must not abandon halfway. We will continue to work with all Member "
        "States.",
        "Allow me to turn to the situation in our region, where tensions remain high.",
    ]
    assert record.turns[5].header == "Mrs. Moreira (Trinidad and Tobago) (spoke in Spanish):"
    assert not record.turns[5].is_original
    for sentence in record.sentences():
        assert "23-27123" not in sentence.text and "A/78/PV.12" not in sentence.text


def test_security_council_record_in_chinese() -> None:
    record = parse_record(SC_ZH.encode("utf-8"), name="sc.txt")
    meta = record.meta
    assert (meta.symbol, meta.body, meta.meeting_number) == ("S/PV.9431", "Security Council", 9431)
    assert meta.date == "2023-10-04"
    assert (meta.time_opened, meta.time_closed) == ("15:00", "16:15")
    assert meta.job_number == "23-45678"
    assert meta.agenda == "中东局势"
    roles = [(t.role, t.country_code, t.spoken_language, t.is_original) for t in record.turns]
    assert roles == [
        ("procedure", None, "zh", True),
        ("president", None, "en", False),
        ("member", "MLT", "en", False),
        ("procedure", None, "zh", True),
        ("president", None, "en", False),
        ("invited", "JOR", "ar", False),  # invited under rule 37
        ("invited", "PSE", "ar", False),  # an observer State
        ("procedure", None, "zh", True),
    ]
    malta = record.turns[2]
    assert [p.text for p in malta.paragraphs] == [
        "我们支持这项决议草案，因为它呼吁各方保持克制，并确保人道主义准入不受阻碍。"
        "我们敦促所有各方遵守国际法，保护平民和民用基础设施。"
    ]
    assert (
        record.turns[1].paragraphs[0].text
        == "根据安理会暂行议事规则第37条，我邀请约旦代表参加本次会议。"
    )
    assert record.turns[4].paragraphs[0].text == "决议草案获得通过，成为第2712（2023）号决议。"
    # A vote list is one paragraph and one sentence: its heading with its names.
    assert [p.text for p in record.turns[3].paragraphs] == [
        "以举手方式进行表决。",
        "赞成：马耳他、日本",
    ]
    assert [(v.position, v.codes) for v in record.votes] == [("in_favour", ["MLT", "JPN"])]
    assert record.turns[6].header == "曼苏尔先生（巴勒斯坦国）（以阿拉伯语发言）："


def test_sentence_ids_are_stable_and_structured() -> None:
    first = parse_record(SC_ZH, name="sc.txt")
    second = parse_record(SC_ZH, name="sc.txt")
    ids = [s.id for s in first.sentences()]
    assert ids == [s.id for s in second.sentences()]
    assert len(set(ids)) == len(ids)
    sentence = first.turns[2].paragraphs[0].sentences[1]
    assert sentence.id == "S/PV.9431/zh/t002/p000/s001"
    assert (sentence.turn, sentence.paragraph, sentence.index) == (2, 0, 1)


def test_matching_form_of_traditional_text() -> None:
    traditional = SC_ZH.replace("我們", "我们").replace(
        "我们欢迎安理会的决定", "我們歡迎安理會的決定"
    )
    record = parse_record(traditional)
    jordan = record.turns[5].paragraphs[0].sentences[0]
    assert jordan.text == "我們歡迎安理會的決定。"
    assert jordan.norm == "我们欢迎安理会的决定。"


def test_source_hash_is_of_the_raw_bytes() -> None:
    import hashlib

    raw = SC_ZH.encode("utf-8")
    assert parse_record(raw).source_sha256 == hashlib.sha256(raw).hexdigest()
