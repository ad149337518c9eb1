"""Small aligned records written for the glossary tests (no text from any real record).

`make_alignment(turns, symbol)` builds a RecordAlignment with one-to-one sentence pairs from
`TurnText` specs; `meeting()` is a short meeting with one of each kind of term evidence.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from aligner.countries import lookup
from aligner.ingest.normalize import normalize
from aligner.models import (
    AlignedPair,
    MeetingMeta,
    Paragraph,
    Record,
    RecordAlignment,
    Sentence,
    Turn,
    TurnLink,
    sentence_id,
)


@dataclass
class TurnText:
    role: str
    zh: list[str]
    en: list[str]
    speaker: tuple[str | None, str | None] = (None, None)
    country: tuple[str | None, str | None] = (None, None)
    header: tuple[str, str] = ("", "")


def _record(symbol: str, lang: str, turns: list[TurnText]) -> Record:
    out = []
    for t_index, t in enumerate(turns):
        texts = t.zh if lang == "zh" else t.en
        sentences = [
            Sentence(sentence_id(symbol, lang, t_index, 0, i), s, normalize(s), t_index, 0, i)
            for i, s in enumerate(texts)
        ]
        country = t.country[0] if lang == "zh" else t.country[1]
        c = lookup(country)
        out.append(
            Turn(
                index=t_index,
                role=t.role,
                speaker=t.speaker[0] if lang == "zh" else t.speaker[1],
                honorific=None,
                country=country,
                country_code=c.code if c else None,
                spoken_language="en",
                is_original=lang == "en",
                header=t.header[0] if lang == "zh" else t.header[1],
                paragraphs=[Paragraph(0, sentences)],
            )
        )
    digest = hashlib.sha256(f"{symbol}{lang}{turns}".encode()).hexdigest()
    return Record(lang, MeetingMeta(symbol=symbol), out, f"{lang}.txt", digest)


def make_alignment(turns: list[TurnText], symbol: str = "S/PV.9999") -> RecordAlignment:
    zh, en = _record(symbol, "zh", turns), _record(symbol, "en", turns)
    pairs: list[AlignedPair] = []
    for t in range(len(turns)):
        zs = list(zh.turns[t].sentences())
        es = list(en.turns[t].sentences())
        assert len(zs) == len(es), "the fixtures pair sentences one to one"
        for a, b in zip(zs, es, strict=True):
            pairs.append(AlignedPair(t, t, [a.id], [b.id], [a.text], [b.text], 0.95, "1-1"))
    links = [TurnLink(t, t, 0.99, [t], [t]) for t in range(len(turns))]
    return RecordAlignment("verbalign:test", zh, en, links, pairs)


def meeting(symbol: str = "S/PV.9999") -> RecordAlignment:
    return make_alignment(
        [
            TurnText(
                "procedure", ["上午10时开会。"], ["The meeting was called to order at 10 a.m."]
            ),
            TurnText(
                "president",
                [
                    "根据安理会暂行议事规则第37条，我邀请马里代表参加本次会议。",
                    "我现在请卡尔松先生发言。",
                ],
                [
                    "In accordance with rule 37 of the Council’s provisional rules of procedure, "
                    "I invite the representative of Mali to participate in this meeting.",
                    "I now give the floor to Mr. Karlsson.",
                ],
                country=("法国", "France"),
                header=("主席：", "The President:"),
            ),
            TurnText(
                "briefer",
                [
                    "我感谢安全理事会给我这个机会。",
                    "国际原子能机构（原子能机构）昨天向理事会提交了报告。",
                    "原子能机构的视察员在2023年5月4日访问了达喀尔。",
                    "粮食安全问题依然严峻。",
                    "我们必须改善粮食安全。",
                    "粮食安全是和平的基础。",
                ],
                [
                    "I thank the Security Council for this opportunity.",
                    "The International Atomic Energy Agency (IAEA) submitted its report to the "
                    "Board yesterday.",
                    "IAEA inspectors visited Dakar on 4 May 2023.",
                    "The food security situation remains serious.",
                    "We must improve food security.",
                    "Food security is the foundation of peace.",
                ],
                speaker=("卡尔松", "Karlsson"),
                header=("卡尔松先生：", "Mr. Karlsson:"),
            ),
            TurnText(
                "member",
                [
                    "联合王国欢迎特使的通报。",
                    "我们呼吁各方遵守停火。",
                    "俄罗斯必须尊重马里的领土完整。",
                    "我们还感谢卡尔松先生。",
                ],
                [
                    "The United Kingdom welcomes the briefing by the Special Envoy.",
                    "We call on all parties to respect the ceasefire.",
                    "Russia must respect the territorial integrity of Mali.",
                    "We also thank Mr. Karlsson.",
                ],
                speaker=("史密斯", "Smith"),
                country=("联合王国", "United Kingdom"),
                header=("史密斯先生（联合王国）：", "Mr. Smith (United Kingdom):"),
            ),
        ],
        symbol,
    )


def second_meeting(symbol: str = "S/PV.9998") -> RecordAlignment:
    return make_alignment(
        [
            TurnText(
                "member",
                ["安全理事会必须支持停火。", "停火必须得到尊重。"],
                [
                    "The Security Council must support the ceasefire.",
                    "The ceasefire must be respected.",
                ],
                speaker=("史密斯", "Smith"),
                country=("联合王国", "United Kingdom"),
                header=("史密斯先生（联合王国）：", "Mr. Smith (United Kingdom):"),
            )
        ],
        symbol,
    )


TOKEN = "glossary-test-token"
