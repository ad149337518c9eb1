"""General Assembly turn forms in both languages, on a small record written for the tests in
the conventions of the official records (the Chinese side in the forms of UN Chinese records:
代理主席：, 副主席X先生（国名）主持会议。, （以法语发言）, 第三委员会报告员X先生（国名）).

Names and speeches are made up; only the shapes are the records'."""

from __future__ import annotations

from aligner.align.turns import align_turns
from aligner.parse import parse_record

GA_EN = """\
The meeting was called to order at 10 a.m.

Agenda item 68 (continued)

Report of the Human Rights Council

The President (spoke in Arabic): I now give the floor to the Rapporteur of the
Third Committee.

Mr. Garan (Azerbaijan), Rapporteur of the Third Committee: I have the honour to
present the report of the Committee on this item.

The President (spoke in Arabic): I give the floor to the observer of the State
of Palestine.

Mr. Hadi (State of Palestine) (spoke in Arabic): We thank the Assembly for its
support.

Mr. Lamont (Canada): Canada has long supported this work in the Assembly.

Mr. Obi (Nigeria), Vice-President, took the Chair.

We remain committed to the rights of all peoples and to the work ahead.

(spoke in French)

Canada will continue to act at home and abroad.

The Acting President: I give the floor to the observer of the European Union.

Mr. Varga (European Union): The European Union supports the resolution.

Address by Mr. Jomo Tembo, President of the Republic of Kenya

The Acting President: The Assembly will now hear an address by the President of
the Republic of Kenya.

Mr. Jomo Tembo, President of the Republic of Kenya, was escorted into the General
Assembly Hall.

The Acting President: On behalf of the General Assembly, I have the honour to
welcome to the United Nations His Excellency Mr. Jomo Tembo, President of the
Republic of Kenya, and to invite him to address the Assembly.

President Tembo: It is an honour to address the Assembly.

Mr. Jomo Tembo, President of the Republic of Kenya, was escorted from the rostrum.

The meeting rose at 1 p.m.
"""

GA_ZH = """\
上午10时开会。

议程项目68（续）

人权理事会的报告

主席（以阿拉伯语发言）：我现在请第三委员会报告员发言。

第三委员会报告员加兰先生（阿塞拜疆）（以英语发言）：我荣幸地介绍委员会关于本项目的报告。

主席（以阿拉伯语发言）：我请巴勒斯坦国观察员发言。

哈迪先生（巴勒斯坦国）（以阿拉伯语发言）：我们感谢大会的支持。

拉蒙特先生（加拿大）（以英语发言）：加拿大长期支持大会的这项工作。

副主席奥比先生（尼日利亚）主持会议。

我们仍然致力于各国人民的权利和今后的工作。

（以法语发言）

加拿大将继续在国内外采取行动。

代理主席（以英语发言）：我请欧洲联盟观察员发言。

瓦尔加先生（欧洲联盟）（以英语发言）：欧洲联盟支持该决议。

肯尼亚共和国总统乔莫·滕博先生讲话

代理主席（以英语发言）：大会现在将听取肯尼亚共和国总统讲话。

肯尼亚共和国总统乔莫·滕博先生在陪同下走进大会堂。

代理主席（以英语发言）：我谨代表大会欢迎肯尼亚共和国总统乔莫·滕博先生阁下来到联合
国，并请他向大会讲话。

滕博总统（以英语发言）：我很荣幸向大会讲话。

肯尼亚共和国总统乔莫·滕博先生在陪同下走下讲台。

下午1时散会。
"""

# (role, country code, spoken language, office) of every turn, the same in both languages.
EXPECTED = [
    ("procedure", None, None),
    ("president", None, "ar"),
    ("member", "AZE", "en"),  # the Rapporteur, with his State
    ("president", None, "ar"),
    ("invited", "PSE", "ar"),  # an observer State
    ("member", "CAN", "en"),
    ("procedure", None, None),  # the chair change, after the speech it interrupted
    ("president", "NGA", "en"),  # the Vice-President in the Chair
    ("briefer", None, "en"),  # the European Union: no State
    ("procedure", None, None),  # the address heading
    ("president", "NGA", "en"),
    ("procedure", None, None),  # escorted in
    ("president", "NGA", "en"),
    ("member", "KEN", "en"),  # headed by office; the State from the announcement
    ("procedure", None, None),
]


def _shape(record) -> list[tuple[str, str | None, str | None]]:
    return [
        (
            t.role,
            t.country_code,
            None if t.role == "procedure" else t.spoken_language,
        )
        for t in record.turns
    ]


def test_general_assembly_turns_in_english() -> None:
    record = parse_record(GA_EN, name="ga.en.txt")
    assert _shape(record) == EXPECTED
    rapporteur = record.turns[2]
    assert (rapporteur.speaker, rapporteur.title) == ("Garan", "Rapporteur of the Third Committee")
    assert record.turns[8].country == "European Union"
    assert record.turns[13].header == "President Tembo:"


def test_general_assembly_turns_in_chinese() -> None:
    record = parse_record(GA_ZH, name="ga.zh.txt")
    assert _shape(record) == EXPECTED
    rapporteur = record.turns[2]
    assert (rapporteur.speaker, rapporteur.title) == ("加兰", "第三委员会报告员")
    assert record.turns[8].country == "欧洲联盟"
    assert record.turns[7].header == "代理主席（以英语发言）："


def test_a_language_switch_inside_a_speech_is_not_a_turn() -> None:
    for text, lang in ((GA_EN, "en"), (GA_ZH, "zh")):
        canada = parse_record(text, name=f"ga.{lang}.txt").turns[5]
        # The note is no sentence; the paragraphs after it carry the language it names.
        assert [p.spoken_language for p in canada.paragraphs] == [None, None, "fr"]
        assert not any("spoke in" in s.text or "发言）" in s.text for s in canada.sentences())
        assert len(list(canada.sentences())) == 3


def test_a_chair_change_inside_a_speech_keeps_the_speech_whole() -> None:
    en = parse_record(GA_EN, name="ga.en.txt")
    canada = en.turns[5]
    assert canada.paragraphs[1].text.startswith("We remain committed")
    assert en.turns[6].text == "Mr. Obi (Nigeria), Vice-President, took the Chair."
    zh = parse_record(GA_ZH, name="ga.zh.txt")
    assert zh.turns[6].text == "副主席奥比先生（尼日利亚）主持会议。"


def test_general_assembly_turns_link_one_to_one() -> None:
    zh = parse_record(GA_ZH, name="ga.zh.txt")
    en = parse_record(GA_EN, name="ga.en.txt")
    links = align_turns(zh, en)
    assert [(link.zh_turns, link.en_turns) for link in links] == [
        ([i], [i]) for i in range(len(EXPECTED))
    ]


def test_acting_president_and_capitalised_titles() -> None:
    from aligner.parse.speakers import match_header

    header = match_header("The PRESIDENT (interpretation from French): The Assembly", "en")
    assert header is not None and header.presiding and header.language_name == "French"
    assert header.title == "The President"
    acting = match_header("The Acting President: I give the floor", "en")
    assert acting is not None and acting.presiding
    assert match_header("代理主席：我请", "zh") is not None


def test_permanent_observer_headed_by_office() -> None:
    from aligner.parse.roles import RoleContext, speaker_role
    from aligner.parse.speakers import match_header

    for text, lang in (
        ("Mr. Hadi (Permanent Observer of the State of Palestine to the United Nations): We", "en"),
        ("哈迪先生（巴勒斯坦国常驻联合国观察员）（以阿拉伯语发言）：我们", "zh"),
    ):
        header = match_header(text, lang)
        assert header is not None
        role = speaker_role(header, RoleContext(lang=lang))
        assert (role.role, role.country_code) == ("invited", "PSE")
