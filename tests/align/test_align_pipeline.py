"""align_records: turn pairs, sentence pairs inside them, confidences, the JSON shape."""

from __future__ import annotations

import json

import pytest

from aligner.align.embedder import Embedder
from aligner.align.pipeline import align_records, alignment_json
from aligner.models import MeetingMeta, Paragraph, Record, Sentence, Turn, sentence_id


def make_record(
    lang: str, turns: list[tuple[str, str | None, str | None, list[list[str]]]]
) -> Record:
    out = []
    for ti, (role, country, code, paragraphs) in enumerate(turns):
        paras = []
        for pi, sentences in enumerate(paragraphs):
            paras.append(
                Paragraph(
                    pi,
                    [
                        Sentence(sentence_id("S/PV.1", lang, ti, pi, si), text, text, ti, pi, si)
                        for si, text in enumerate(sentences)
                    ],
                )
            )
        out.append(Turn(ti, role, None, None, country, code, lang, True, "", paras))
    return Record(lang, MeetingMeta(symbol="S/PV.1"), out)


TURNS = [
    ("procedure", None, None, [["The meeting was called to order at 10 a.m."]]),
    ("president", None, None, [["I welcome the briefer.", "I give her the floor."]]),
    (
        "member",
        "Ghana",
        "GHA",
        [
            ["Ghana thanks the briefer.", "We are concerned."],
            ["We call for calm.", "Dialogue is the only way."],
        ],
    ),
    ("member", "Kenya", "KEN", [["Kenya supports the mediation."]]),
]


def test_every_sentence_lands_in_exactly_one_pair(hashing: Embedder) -> None:
    zh = make_record("zh", TURNS)
    en = make_record("en", TURNS)
    result = align_records(zh, en, embedder=hashing)
    zh_ids = [i for p in result.pairs for i in p.zh_ids]
    en_ids = [i for p in result.pairs for i in p.en_ids]
    assert zh_ids == [s.id for s in zh.sentences()]
    assert en_ids == [s.id for s in en.sentences()]
    assert [(t.zh_turn, t.en_turn) for t in result.turns] == [(k, k) for k in range(4)]
    assert all(p.type == "1-1" and 0.0 <= p.confidence <= 1.0 for p in result.pairs)
    assert result.signature.startswith("verbalign:") and "model:hashing-256" in result.signature


def test_a_turn_missing_on_one_side_gives_unpaired_sentences(hashing: Embedder) -> None:
    zh = make_record("zh", TURNS)
    en = make_record("en", [TURNS[0], TURNS[1], TURNS[3]])
    result = align_records(zh, en, embedder=hashing)
    orphans = [p for p in result.pairs if not p.en]
    assert [p.zh for p in orphans] == [[s] for para in TURNS[2][3] for s in para]
    assert all(p.type == "1-0" and p.en_turn is None for p in orphans)


def test_progress_reports_each_stage_up_to_done(hashing: Embedder) -> None:
    seen: dict[str, float] = {}
    align_records(
        make_record("zh", TURNS),
        make_record("en", TURNS),
        embedder=hashing,
        progress=lambda stage, f: seen.__setitem__(stage, f),
    )
    assert seen == {"embed": 1.0, "turns": 1.0, "spans": 1.0, "sentences": 1.0}


def test_json_shape_matches_the_issue(hashing: Embedder) -> None:
    result = align_records(make_record("zh", TURNS), make_record("en", TURNS), embedder=hashing)
    data = json.loads(json.dumps(alignment_json(result)))
    assert set(data) == {"signature", "turns", "pairs"}
    # The issue's keys, extended with every turn of a link (a turn printed as two).
    assert set(data["turns"][0]) == {"zh_turn", "en_turn", "confidence", "zh_turns", "en_turns"}
    assert data["turns"][0]["zh_turns"] == [data["turns"][0]["zh_turn"]]
    assert set(data["pairs"][0]) == {"zh_turn", "en_turn", "zh", "en", "confidence", "type"}
    assert data["pairs"][0]["zh"] == ["The meeting was called to order at 10 a.m."]


@pytest.mark.model
def test_real_chinese_english_record_pair(use_model: Embedder) -> None:
    zh = make_record(
        "zh",
        [
            ("procedure", None, None, [["上午10时05分开会。"]]),
            (
                "member",
                "加纳",
                "GHA",
                [
                    [
                        "加纳感谢通报人。她的通报内容详实，令人不安，也凸显了局势的紧迫性。",
                        "我们呼吁双方保持克制。",
                    ]
                ],
            ),
            ("procedure", None, None, [["上午11时35分散会。"]]),
        ],
    )
    en = make_record(
        "en",
        [
            ("procedure", None, None, [["The meeting was called to order at 10.05 a.m."]]),
            (
                "member",
                "Ghana",
                "GHA",
                [
                    [
                        "Ghana thanks the briefer.",
                        "Her briefing was detailed and disturbing.",
                        "It underlined the urgency of the situation.",
                        "We call on both sides to exercise restraint.",
                    ]
                ],
            ),
            ("procedure", None, None, [["The meeting rose at 11.35 a.m."]]),
        ],
    )
    result = align_records(zh, en, embedder=use_model)
    types = [p.type for p in result.pairs]
    assert types[0] == "1-1" and types[-1] == "1-1"
    middle = [p for p in result.pairs if p.zh_turn == 1]
    assert [len(p.en) for p in middle] == [3, 1]
