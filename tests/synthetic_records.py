"""Small synthetic aligned records for the store, export, TM and API tests.

The sentences are written for these tests (not taken from any real record or benchmark).
tests/conftest.py serves `make_alignment` as a fixture; modules import SYMBOL and the rest
from here by name (tests/ is on sys.path as the root conftest's folder).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

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

SYMBOL = "S/PV.9999"
SIGNATURE = "verbalign:test|model:hashing-256"


@dataclass
class TurnSpec:
    role: str
    spoken: str
    zh: list[list[str]]
    en: list[list[str]]
    links: list[tuple[tuple[int, ...], tuple[int, ...]]]
    speaker: tuple[str | None, str | None] = (None, None)
    honorific: tuple[str | None, str | None] = (None, None)
    country: tuple[str | None, str | None, str | None] = (None, None, None)
    confidences: list[float] = field(default_factory=list)
    title: tuple[str | None, str | None] = (None, None)


BASE_TURNS = [
    TurnSpec(
        "procedure",
        "zh",
        [["上午10时05分开会。"]],
        [["The meeting was called to order at 10.05 a.m."]],
        [((0,), (0,))],
    ),
    TurnSpec(
        "president",
        "fr",
        [["我宣布会议开始。", "议程通过。"]],
        [["I declare the meeting open.", "The agenda is adopted."]],
        [((0,), (0,)), ((1,), (1,))],
        country=("法国", "France", "FRA"),
        confidences=[0.97, 0.95],
    ),
    TurnSpec(
        "member",
        "zh",
        [
            ["中国支持安全理事会的工作。", "我们呼吁各方保持克制，通过对话解决分歧。"],
            ["谢谢主席。"],
        ],
        [
            [
                "China supports the work of the Security Council.",
                "We call on all parties to exercise restraint.",
                "Differences should be resolved through dialogue.",
            ],
            ["I thank the President."],
        ],
        [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,))],
        speaker=("张伟", "Zhang Wei"),
        honorific=("先生", "Mr."),
        country=("中国", "China", "CHN"),
        confidences=[0.99, 0.82, 0.96],
    ),
    TurnSpec(
        "member",
        "fr",
        [["法国关切地注意到边境局势。", "法国支持联合国在该地区的努力。"]],
        [
            [
                "France notes with concern the situation on the border.",
                "France supports the efforts of the United Nations in the region.",
                "Thank you.",
            ]
        ],
        [((0,), (0,)), ((1,), (1,)), ((), (2,))],
        speaker=("杜邦", "Dupont"),
        honorific=("女士", "Ms."),
        country=("法国", "France", "FRA"),
        confidences=[0.91, 0.6, 0.3],
        title=("法国欧洲和外交部长", "Minister for Europe and Foreign Affairs of France"),
    ),
    TurnSpec(
        "procedure",
        "zh",
        [["上午11时35分散会。"]],
        [["The meeting rose at 11.35 a.m."]],
        [((0,), (0,))],
    ),
]


def _record(symbol: str, lang: str, specs: list[TurnSpec], salt: str) -> Record:
    turns = []
    for ti, spec in enumerate(specs):
        paragraphs = []
        k = 0
        for pi, texts in enumerate(getattr(spec, lang)):
            sentences = []
            for text in texts:
                sentences.append(
                    Sentence(
                        id=sentence_id(symbol, lang, ti, pi, k),
                        text=text,
                        norm=normalize(text),
                        turn=ti,
                        paragraph=pi,
                        index=k,
                    )
                )
                k += 1
            paragraphs.append(Paragraph(pi, sentences))
        li = 0 if lang == "zh" else 1
        turns.append(
            Turn(
                index=ti,
                role=spec.role,
                speaker=spec.speaker[li],
                honorific=spec.honorific[li],
                country=spec.country[li],
                country_code=spec.country[2],
                spoken_language=spec.spoken,
                is_original=spec.spoken == lang,
                header="" if spec.role == "procedure" else f"{spec.speaker[li]}:",
                paragraphs=paragraphs,
                title=spec.title[li],
            )
        )
    body = "\n".join(s.text for t in turns for s in t.sentences()) + salt
    return Record(
        language=lang,
        meta=MeetingMeta(symbol=symbol, body="Security Council", date="2022-09-15"),
        turns=turns,
        source_name=f"{lang}.txt",
        source_sha256=hashlib.sha256(body.encode()).hexdigest(),
    )


def make_alignment(
    symbol: str = SYMBOL,
    *,
    repeat: int = 1,
    salt: str = "",
    merge_second_member: bool = False,
    signature: str = SIGNATURE,
) -> RecordAlignment:
    """A record pair with 5 turns (x `repeat` for the member turns) and its alignment.

    `salt` changes the source hashes (a new version of the files); `merge_second_member`
    aligns the French member's first two sentences as one 2-2 link (a different alignment).
    """
    specs = [BASE_TURNS[0], BASE_TURNS[1]]
    for _ in range(repeat):
        specs += [BASE_TURNS[2], BASE_TURNS[3]]
    specs.append(BASE_TURNS[4])
    zh, en = _record(symbol, "zh", specs, salt), _record(symbol, "en", specs, salt)
    pairs: list[AlignedPair] = []
    links: list[TurnLink] = []
    for ti, spec in enumerate(specs):
        links.append(TurnLink(ti, ti, 0.99, [ti], [ti]))
        zs, es = list(zh.turns[ti].sentences()), list(en.turns[ti].sentences())
        spec_links = spec.links
        if merge_second_member and spec is BASE_TURNS[3]:
            spec_links = [((0, 1), (0, 1)), ((), (2,))]
        for n, (zi, ei) in enumerate(spec_links):
            conf = spec.confidences[n] if n < len(spec.confidences) else 0.98
            pairs.append(
                AlignedPair(
                    zh_turn=ti,
                    en_turn=ti,
                    zh_ids=[zs[i].id for i in zi],
                    en_ids=[es[i].id for i in ei],
                    zh=[zs[i].text for i in zi],
                    en=[es[i].text for i in ei],
                    confidence=conf,
                    type=f"{len(zi)}-{len(ei)}",
                )
            )
    return RecordAlignment(signature=signature, zh=zh, en=en, turns=links, pairs=pairs)


MakeAlignment = Callable[..., RecordAlignment]
"""The type of `make_alignment` (the fixture of tests/conftest.py)."""
