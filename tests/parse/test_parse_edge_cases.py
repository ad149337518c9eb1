"""Records a demanding user will bring: a General Assembly meeting chaired by a Vice-President
(A/77/PV.5-style symbol, "The Acting President", "Agenda item 12"), a suspension, a speaker
announced by a national office instead of the State, and the same record in Traditional
characters. The records are written for these tests."""

from __future__ import annotations

import pytest
from opencc import OpenCC

from aligner.ingest.normalize import normalize
from aligner.models import Record
from aligner.parse import parse_record
from aligner.parse.roles import RoleContext, office_state, speaker_role
from aligner.parse.speakers import match_header

GA_EN = """\
United Nations                                                    A/77/PV.5
General Assembly                                                  Official Records
Seventy-seventh session
5th plenary meeting
Tuesday, 20 September 2022, 9 a.m.
New York

President: ........................................ Mr. Horvat (Hungary)

This record contains the text of speeches delivered in English and of the
translation of speeches delivered in other languages. Corrections should be
submitted to the original languages only (http://documents.un.org).

22-59001 (E)
*2259001*

In the absence of the President, Mr. Ramos (Dominican Republic), Vice-President, took
the Chair.

The meeting was called to order at 9.05 a.m.

Agenda item 12

Culture of peace

The Acting President: I now give the floor to the Minister for Foreign Affairs of
Kenya.

Mr. Mwangi (Minister for Foreign Affairs of Kenya): It is a privilege to address
the Assembly. Kenya will continue to promote dialogue and the peaceful settlement
of disputes in our region.

The meeting was suspended at 11.10 a.m. and resumed at 11.30 a.m.

The Acting President: I give the floor to the representative of Peru.

Mr. Quispe (Peru) (spoke in Spanish): Peru attaches great importance to the
culture of peace. We thank the Acting President.

The meeting rose at 12.40 p.m.
"""

GA_ZH = """\
联合国                                                            A/77/PV.5
大会                                                              正式记录
第七十七届会议
第5次全体会议
2022年9月20日星期二上午9时
纽约

主席：   霍瓦特先生 ........................................ （匈牙利）

22-59001 (C)
*2259001*

主席缺席，副主席拉莫斯先生（多米尼加共和国）代行主席职务。

上午9时05分开会。

议程项目12

和平文化

代理主席（以英语发言）：我现在请肯尼亚外交部长发言。

姆旺吉先生（肯尼亚外交部长）（以英语
发言）：我很荣幸在大会发言。肯尼亚将继续促进本区域的对话与和平解决争端。

会议于上午11时10分暂停，上午11时30分复会。

代理主席（以英语发言）：我请秘鲁代表发言。

基斯佩先生（秘鲁）（以西班牙语发言）：秘鲁高度重视和平文化。我们感谢代理主席。

中午12时40分散会。
"""

GA_TURNS = [
    ("procedure", None, None),
    ("president", "DOM", None),  # the Vice-President in the Chair, not the presidency
    ("member", "KEN", "Mwangi"),  # announced by office: speaks for Kenya
    ("procedure", None, None),  # the suspension
    ("president", "DOM", None),
    ("member", "PER", "Quispe"),
    ("procedure", None, None),
]


def _shape(record: Record) -> list[tuple[str, str | None, str | None]]:
    return [(t.role, t.country_code, t.speaker) for t in record.turns]


def test_general_assembly_record_in_english() -> None:
    record = parse_record(GA_EN, name="ga_en.txt")
    meta = record.meta
    assert (meta.symbol, meta.body, meta.meeting_number) == ("A/77/PV.5", "General Assembly", 5)
    assert (meta.date, meta.time_opened, meta.time_closed) == ("2022-09-20", "09:05", "12:40")
    assert (meta.agenda, meta.president_country) == ("Culture of peace", "HUN")
    assert _shape(record) == GA_TURNS
    opening = [p.text for p in record.turns[0].paragraphs]
    assert opening[0].endswith("Vice-President, took the Chair.")
    assert opening[1:] == [
        "The meeting was called to order at 9.05 a.m.",
        "Agenda item 12",
        "Culture of peace",
    ]
    assert record.turns[3].paragraphs[0].text.startswith("The meeting was suspended at 11.10")
    minister = record.turns[2]
    assert (minister.country, minister.title) == ("Kenya", "Minister for Foreign Affairs of Kenya")
    assert minister.header == "Mr. Mwangi (Minister for Foreign Affairs of Kenya):"
    assert [t.spoken_language for t in record.turns if t.role == "member"] == ["en", "es"]


def test_general_assembly_record_in_chinese_matches_the_english() -> None:
    zh, en = parse_record(GA_ZH, name="ga_zh.txt"), parse_record(GA_EN, name="ga_en.txt")
    assert (zh.meta.symbol, zh.meta.body, zh.meta.meeting_number) == (
        "A/77/PV.5",
        "General Assembly",
        5,
    )
    assert (zh.meta.time_opened, zh.meta.time_closed, zh.meta.agenda) == (
        "09:05",
        "12:40",
        "和平文化",
    )
    assert [t[:2] for t in _shape(zh)] == [t[:2] for t in GA_TURNS]
    spoken = [[t.spoken_language for t in r.turns if t.role != "procedure"] for r in (zh, en)]
    assert spoken[0] == spoken[1] == ["en", "en", "en", "es"]
    minister = zh.turns[2]
    assert (minister.speaker, minister.country, minister.title) == (
        "姆旺吉",
        "肯尼亚",
        "肯尼亚外交部长",
    )
    assert not minister.is_original  # spoke English: the Chinese is a translation
    assert zh.turns[3].paragraphs[0].text == "会议于上午11时10分暂停，上午11时30分复会。"


def test_traditional_record_parses_like_the_simplified_one_and_keeps_its_characters() -> None:
    traditional = OpenCC("s2t").convert(GA_ZH)
    assert traditional != GA_ZH
    simplified, trad = parse_record(GA_ZH), parse_record(traditional)
    assert trad.meta == simplified.meta  # symbol, body, date, times, agenda, presidency
    assert [(t.role, t.country_code, t.spoken_language, t.is_original) for t in trad.turns] == [
        (t.role, t.country_code, t.spoken_language, t.is_original) for t in simplified.turns
    ]
    s_sentences, t_sentences = list(simplified.sentences()), list(trad.sentences())
    assert [s.id for s in t_sentences] == [s.id for s in s_sentences]
    # The text keeps the Traditional characters; the matching form is the Simplified one.
    assert t_sentences[-1].text == "中午12時40分散會。"
    assert [s.norm for s in t_sentences] == [s.norm for s in s_sentences]
    minister = trad.turns[2]
    assert minister.header == "姆旺吉先生（肯尼亞外交部長）（以英語發言）："
    assert (minister.speaker, minister.country) == ("姆旺吉", "肯尼亞")
    assert normalize(minister.country) == "肯尼亚"


@pytest.mark.parametrize(
    ("header", "lang", "role", "code", "title"),
    [
        (
            "Mr. Mwangi (Minister for Foreign Affairs of Kenya):",
            "en",
            "member",
            "KEN",
            "Minister for Foreign Affairs of Kenya",
        ),
        (
            "Ms. Silva (Permanent Representative of Chile to the United Nations):",
            "en",
            "member",
            "CHL",
            "Permanent Representative of Chile to the United Nations",
        ),
        (
            "Mr. Lee (Deputy Prime Minister of Singapore):",
            "en",
            "member",
            "SGP",
            "Deputy Prime Minister of Singapore",
        ),
        ("王先生（新加坡副总理）：", "zh", "member", "SGP", "新加坡副总理"),
        # United Nations offices that name a country do not speak for it.
        (
            "Ms. Heyer (Special Envoy of the Secretary-General for Myanmar):",
            "en",
            "briefer",
            None,
            None,
        ),
        ("海尔女士（秘书长缅甸问题特使）：", "zh", "briefer", None, None),
        ("Mr. Berg (President of the Economic and Social Council):", "en", "briefer", None, None),
    ],
)
def test_a_national_office_in_brackets_names_the_state(
    header: str, lang: str, role: str, code: str | None, title: str | None
) -> None:
    parsed = match_header(header + " Text.", lang)
    assert parsed is not None
    got = speaker_role(parsed, RoleContext(lang=lang))
    assert (got.role, got.country_code, got.title) == (role, code, title)
    assert (office_state(parsed.affiliation, lang) is not None) == (title is not None)


HEAD_OF_STATE_EN = GA_EN.replace(
    "The meeting rose at 12.40 p.m.",
    """The Acting President: The Assembly will now hear an address by the President of the
Republic of Kenya.

President Ruto: I thank the Assembly. Kenya stands for dialogue.

Prime Minister Pashinyan said: we are ready. That statement was welcome.

The meeting rose at 12.40 p.m.""",
)
HEAD_OF_STATE_ZH = GA_ZH.replace(
    "中午12时40分散会。",
    """代理主席（以英语发言）：大会现在将听取肯尼亚共和国总统讲话。

鲁托总统（以英语发言）：我感谢大会。肯尼亚主张对话。

帕什尼扬总理说：我们已经准备好了。这一声明受到欢迎。

中午12时40分散会。""",
)


@pytest.mark.parametrize(
    ("text", "lang", "honorific", "spoken"),
    [(HEAD_OF_STATE_EN, "en", "President", "en"), (HEAD_OF_STATE_ZH, "zh", "总统", "en")],
)
def test_a_head_of_state_headed_by_office_speaks_for_the_state_just_announced(
    text: str, lang: str, honorific: str, spoken: str
) -> None:
    record = parse_record(text, lang=lang)
    leader = record.turns[-2]
    assert (leader.role, leader.country_code, leader.honorific) == ("member", "KEN", honorific)
    assert leader.speaker in ("Ruto", "鲁托")
    assert leader.spoken_language == spoken
    # A paragraph quoting an office holder stays inside the speech.
    assert len(leader.paragraphs) == 2
    assert record.turns[-1].role == "procedure"
