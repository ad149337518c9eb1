"""A small aligned record with known translation errors, for the QA report, API and review
page tests. The sentences are written for these tests (not taken from a real record or a
benchmark); each turn is (role, spoken language, speaker zh/en, country zh/en/code, pairs)."""

from __future__ import annotations

import hashlib
from typing import Any

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

SYMBOL = "S/PV.9990"
TURNS: list[dict[str, Any]] = [
    {
        "role": "procedure",
        "spoken": "zh",
        "speaker": (None, None),
        "country": (None, None, None),
        "pairs": [("上午10时05分开会。", "The meeting was called to order at 10.05 a.m.", 0.99)],
    },
    {
        "role": "president",
        "spoken": "fr",
        "speaker": (None, None),
        "country": ("法国", "France", "FRA"),
        "pairs": [
            ("我感谢秘书长的通报。", "I thank the Secretary-General for his briefing.", 0.97),
            (
                "我现在请挪威代表发言。",
                "I now give the floor to the representative of Norway.",
                0.95,
            ),
        ],
    },
    {
        "role": "member",
        "spoken": "en",
        "speaker": ("尤尔", "Juul"),
        "country": ("挪威", "Norway", "NOR"),
        "pairs": [
            # a changed number: 105 in Chinese, 150 in English
            (
                "据报有105名军人死亡，两名平民受伤。",
                "Reportedly 150 servicemen were killed and two civilians injured.",
                0.93,
            ),
            # a changed date
            (
                "我们欢迎2020年11月9日的三方声明。",
                "We welcome the trilateral statement of 19 November 2020.",
                0.91,
            ),
            # clean, with a symbol on both sides
            (
                "挪威支持秘书长的信（S/2022/688）中的建议。",
                "Norway supports the proposals in the letter of the Secretary-General "
                "(S/2022/688).",
                0.88,
            ),
            # a flipped negation
            ("这场冲突没有军事解决办法。", "There is a military solution to this conflict.", 0.62),
        ],
    },
    {
        "role": "member",
        "spoken": "zh",
        "speaker": ("张军", "Zhang Jun"),
        "country": ("中国", "China", "CHN"),
        "pairs": [
            (
                "中方呼吁双方保持克制，通过对话解决分歧。",
                "China calls on both sides to exercise restraint and resolve their differences "
                "through dialogue.",
                0.96,
            ),
            (
                "停火协议必须得到全面执行。",
                "The ceasefire agreement must be fully implemented.",
                0.9,
            ),
        ],
    },
    {
        "role": "procedure",
        "spoken": "zh",
        "speaker": (None, None),
        "country": (None, None, None),
        "pairs": [("上午11时35分散会。", "The meeting rose at 11.35 a.m.", 0.99)],
    },
]


def _record(lang: str) -> Record:
    li = 0 if lang == "zh" else 1
    turns = []
    for ti, spec in enumerate(TURNS):
        sentences = []
        for k, pair in enumerate(spec["pairs"]):
            text = pair[li]
            sid = sentence_id(SYMBOL, lang, ti, 0, k)
            sentences.append(Sentence(sid, text, normalize(text), ti, 0, k))
        speaker = spec["speaker"][li]
        turns.append(
            Turn(
                index=ti,
                role=spec["role"],
                speaker=speaker,
                honorific=("女士" if lang == "zh" else "Ms.")
                if speaker == "Juul" or speaker == "尤尔"
                else None,
                country=spec["country"][li],
                country_code=spec["country"][2],
                spoken_language=spec["spoken"],
                is_original=spec["spoken"] == lang,
                header="" if spec["role"] == "procedure" else f"{speaker or 'President'}:",
                paragraphs=[Paragraph(0, sentences)],
            )
        )
    body = "\n".join(s.text for t in turns for s in t.sentences())
    return Record(
        language=lang,
        meta=MeetingMeta(
            symbol=SYMBOL, body="Security Council", meeting_number=9990, date="2022-09-15"
        ),
        turns=turns,
        source_name=f"{lang}.txt",
        source_sha256=hashlib.sha256(body.encode()).hexdigest(),
    )


def make_alignment() -> RecordAlignment:
    zh, en = _record("zh"), _record("en")
    pairs, links = [], []
    for ti, spec in enumerate(TURNS):
        links.append(TurnLink(ti, ti, 0.99, [ti], [ti]))
        zs, es = list(zh.turns[ti].sentences()), list(en.turns[ti].sentences())
        for k, (_, _, confidence) in enumerate(spec["pairs"]):
            pairs.append(
                AlignedPair(
                    ti, ti, [zs[k].id], [es[k].id], [zs[k].text], [es[k].text], confidence, "1-1"
                )
            )
    return RecordAlignment("verbalign:qa-test", zh, en, links, pairs)


def add_glossary(store: Any) -> int:
    """One candidate entry (停火协议 ↔ ceasefire agreement); returns its id."""
    from aligner.store.glossary import GlossaryStore
    from aligner.terms.entry import TermEntry

    entry = TermEntry(
        zh="停火协议",
        en="ceasefire agreement",
        type="phraseology",
        confidence=0.9,
        status="candidate",
        freq_zh=1,
        freq_en=1,
        pairs=1,
        symbols=[SYMBOL],
    )
    saved = GlossaryStore(store).add(entry)
    assert saved.id is not None
    return saved.id
