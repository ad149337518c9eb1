"""The carry-over of reviews to a new version (aligner/store/carry_over.py), on plain data."""

from __future__ import annotations

import random

from aligner.models import (
    AlignedPair,
    MeetingMeta,
    Paragraph,
    Record,
    RecordAlignment,
    Sentence,
    Turn,
    sentence_id,
)
from aligner.store.carry_over import NEEDS_REVIEW, LaidPair, StoredPair, carry_over, lost_reviews

SYMBOL = "S/PV.1"


def _record(lang: str, texts: list[str], prefix: str = "") -> Record:
    sentences = [
        Sentence(prefix + sentence_id(SYMBOL, lang, 0, 0, k), t, t, 0, 0, k)
        for k, t in enumerate(texts)
    ]
    turn = Turn(
        0, "member", None, None, None, None, "en", lang == "en", "", [Paragraph(0, sentences)]
    )
    return Record(lang, MeetingMeta(symbol=SYMBOL), [turn])


def _segments(n_zh: int, n_en: int, rng: random.Random) -> list[tuple[list[int], list[int]]]:
    """A random monotone alignment of n_zh and n_en sentences (links up to 3-3, 1-0, 0-1)."""
    out: list[tuple[list[int], list[int]]] = []
    i = j = 0
    while i < n_zh or j < n_en:
        a = min(rng.choice([0, 1, 1, 1, 2, 3]), n_zh - i)
        b = min(rng.choice([0, 1, 1, 1, 2, 3]), n_en - j)
        if a == b == 0:
            a, b = (1, 0) if i < n_zh else (0, 1)
        out.append((list(range(i, i + a)), list(range(j, j + b))))
        i, j = i + a, j + b
    return out


def _alignment(zh: Record, en: Record, links: list[tuple[list[int], list[int]]]) -> RecordAlignment:
    zs, es = list(zh.sentences()), list(en.sentences())
    pairs = [
        AlignedPair(
            0,
            0,
            [zs[k].id for k in a],
            [es[k].id for k in b],
            [zs[k].text for k in a],
            [es[k].text for k in b],
            0.9,
            f"{len(a)}-{len(b)}",
        )
        for a, b in links
    ]
    return RecordAlignment("sig", zh, en, [], pairs)


def _check_layout(result: list[LaidPair], alignment: RecordAlignment) -> None:
    for lang in ("zh", "en"):
        ids = [i for p in result for i in getattr(p, f"{lang}_ids")]
        assert ids == [s.id for s in getattr(alignment, lang).sentences()]


def test_reviewed_links_survive_any_realignment_of_the_same_text() -> None:
    rng = random.Random(7)
    for _ in range(300):
        n_zh, n_en = rng.randint(1, 25), rng.randint(1, 25)
        zh_texts = [f"z{k % 5}" for k in range(n_zh)]  # repeated sentences on purpose
        en_texts = [f"e{k % 4}" for k in range(n_en)]
        old_zh, old_en = _record("zh", zh_texts, "old:"), _record("en", en_texts, "old:")
        stored_links = _segments(n_zh, n_en, rng)
        oz, oe = list(old_zh.sentences()), list(old_en.sentences())
        stored = [
            StoredPair(n + 1, [oz[k].id for k in a], [oe[k].id for k in b], 0, 0, 0.5)
            for n, (a, b) in enumerate(stored_links)
        ]
        reviewed = rng.sample(stored, k=rng.randint(0, len(stored)))
        for p in reviewed:
            p.status, p.reviewed_by = "corrected", "rev"
        new = _alignment(
            _record("zh", zh_texts), _record("en", en_texts), _segments(n_zh, n_en, rng)
        )
        sentences = {
            "zh": [(s.id, s.text) for s in oz],
            "en": [(s.id, s.text) for s in oe],
        }

        result = carry_over(stored, sentences, new)

        _check_layout(result.pairs, new)
        assert result.dropped == []
        assert sorted(p.id for p in result.carried) == sorted(p.id for p in reviewed)
        carried = {p.review.id: p for p in result.pairs if p.review is not None}
        for p in reviewed:
            laid = carried[p.id]
            old_shape = (
                [i.removeprefix("old:") for i in p.zh_ids],
                [i.removeprefix("old:") for i in p.en_ids],
            )
            assert (laid.zh_ids, laid.en_ids) == old_shape


def test_a_review_whose_sentence_changed_is_dropped_and_the_rest_realigned() -> None:
    old_zh, old_en = (
        _record("zh", ["甲。", "乙。", "丙。"], "old:"),
        _record("en", ["A.", "B.", "C."], "old:"),
    )
    oz, oe = list(old_zh.sentences()), list(old_en.sentences())
    stored = [
        StoredPair(1, [oz[0].id], [oe[0].id], 0, 0, 1.0, status="approved", reviewed_by="a"),
        StoredPair(2, [oz[1].id, oz[2].id], [oe[1].id], 0, 0, 1.0, status="corrected"),
        StoredPair(3, [], [oe[2].id], 0, 0, 0.2),
    ]
    new = _alignment(
        _record("zh", ["甲。", "乙。", "丙。"]),
        _record("en", ["A.", "B, changed.", "C."]),
        [([0], [0]), ([1], [1]), ([2], [2])],
    )
    sentences = {"zh": [(s.id, s.text) for s in oz], "en": [(s.id, s.text) for s in oe]}

    result = carry_over(stored, sentences, new)

    assert [p.id for p in result.carried] == [1]
    assert [(p.id, why) for p, why in result.dropped] == [(2, "its sentences changed")]
    _check_layout(result.pairs, new)
    assert [p.type for p in result.pairs] == ["1-1", "1-1", "1-1"]


def test_an_aligner_pair_split_by_a_carried_link_falls_apart_flagged() -> None:
    texts_zh, texts_en = ["一。", "二。", "三。"], ["One.", "Two.", "Three."]
    old_zh, old_en = _record("zh", texts_zh, "old:"), _record("en", texts_en, "old:")
    oz, oe = list(old_zh.sentences()), list(old_en.sentences())
    # The reviewer linked the middle zh sentence alone with the middle en sentence.
    stored = [StoredPair(9, [oz[1].id], [oe[1].id], 0, 0, 1.0, status="corrected")]
    new = _alignment(_record("zh", texts_zh), _record("en", texts_en), [([0, 1, 2], [0, 1, 2])])
    sentences = {"zh": [(s.id, s.text) for s in oz], "en": [(s.id, s.text) for s in oe]}

    result = carry_over(stored, sentences, new)

    _check_layout(result.pairs, new)
    assert [p.type for p in result.pairs] == ["1-0", "0-1", "1-1", "1-0", "0-1"]
    assert all(p.flags == [NEEDS_REVIEW] for p in result.pairs if p.review is None)
    assert result.pairs[2].review is not None and result.pairs[2].review.id == 9


def test_edited_inserted_and_deleted_sentences_never_break_the_layout() -> None:
    rng = random.Random(11)
    for _ in range(300):
        old_texts = {
            "zh": [f"z{rng.randint(0, 6)}" for _ in range(rng.randint(1, 20))],
            "en": [f"e{rng.randint(0, 6)}" for _ in range(rng.randint(1, 20))],
        }
        new_texts = {}
        for lang, texts in old_texts.items():
            edited = list(texts)
            for _ in range(rng.randint(0, 4)):
                k = rng.randrange(len(edited) + 1)
                op = rng.choice(["insert", "delete", "edit"])
                if op == "insert" or not edited:
                    edited.insert(k, f"new{rng.randint(0, 9)}")
                elif op == "delete" and len(edited) > 1:
                    del edited[min(k, len(edited) - 1)]
                else:
                    edited[min(k, len(edited) - 1)] += "!"
            new_texts[lang] = edited
        old_zh = _record("zh", old_texts["zh"], "old:")
        old_en = _record("en", old_texts["en"], "old:")
        oz, oe = list(old_zh.sentences()), list(old_en.sentences())
        stored = [
            StoredPair(n + 1, [oz[k].id for k in a], [oe[k].id for k in b], 0, 0, 0.5, "approved")
            for n, (a, b) in enumerate(_segments(len(oz), len(oe), rng))
        ]
        zh, en = _record("zh", new_texts["zh"]), _record("en", new_texts["en"])
        new = _alignment(zh, en, _segments(len(new_texts["zh"]), len(new_texts["en"]), rng))
        sentences = {"zh": [(s.id, s.text) for s in oz], "en": [(s.id, s.text) for s in oe]}

        result = carry_over(stored, sentences, new)

        _check_layout(result.pairs, new)
        assert len(result.carried) + len(result.dropped) == len(stored)
        old_text = {s.id: s.text for s in (*oz, *oe)}
        new_text = {s.id: s.text for s in (*zh.sentences(), *en.sentences())}
        for laid in result.pairs:
            if laid.review is not None:
                assert [new_text[i] for i in laid.zh_ids] == [
                    old_text[i] for i in laid.review.zh_ids
                ]
                assert [new_text[i] for i in laid.en_ids] == [
                    old_text[i] for i in laid.review.en_ids
                ]


def test_reviews_lost_to_changed_sentences_are_known_before_aligning() -> None:
    old_zh, old_en = _record("zh", ["甲。", "乙。"], "old:"), _record("en", ["A.", "B."], "old:")
    oz, oe = list(old_zh.sentences()), list(old_en.sentences())
    stored = [
        StoredPair(1, [oz[0].id], [oe[0].id], 0, 0, 1.0, status="approved"),
        StoredPair(2, [oz[1].id], [oe[1].id], 0, 0, 1.0, note="check the date"),
    ]
    sentences = {"zh": [(s.id, s.text) for s in oz], "en": [(s.id, s.text) for s in oe]}
    zh, en = _record("zh", ["甲。", "乙。"]), _record("en", ["A.", "B, changed."])
    assert [(p.id, why) for p, why in lost_reviews(stored, sentences, zh, en)] == [
        (2, "its sentences changed")
    ]
