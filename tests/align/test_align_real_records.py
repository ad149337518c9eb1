"""Real Security Council record pairs (United Nations, S/PV.9642, S/PV.9722, S/PV.9826, from
../shared/real/text): the Chinese side has cover, member list and opening procedure, the English
side starts at the first "The President:" and has no closing line. Their turns must link right,
and the benchmark's text-based scorer must judge links by the text they cover."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from aligner.align.turns import align_turns
from aligner.parse import parse_record
from bench.real_records import read_gold, score_pair
from bench.score import score_multiple

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT.parent / "shared" / "real" / "text"
GOLD = ROOT / "bench" / "gold"
needs_real = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real not available")

# zh turn -> en turn; None: the English text has no counterpart (cut opening, no closing).
TURNS = {
    "S-PV-9642": [(0, None), *[(i, i - 1) for i in range(1, 10)], (10, None)],
    "S-PV-9722": [(0, None), *[(i, i - 1) for i in range(1, 7)], (7, None)],
    "S-PV-9826": [(0, None), *[(i, i - 1) for i in range(1, 5)], (5, None)],
}


def _links(zh, en, similarity=None) -> list[tuple[int | None, int | None]]:
    out = []
    for link in align_turns(zh, en, similarity):
        for z in link.zh_turns or [None]:
            for e in link.en_turns or [None]:
                out.append((z, e))
    return sorted(out, key=lambda p: (p[0] if p[0] is not None else -1, p[1] or -1))


@needs_real
@pytest.mark.parametrize("symbol", sorted(TURNS))
def test_real_record_turns_link_right(symbol: str) -> None:
    zh = parse_record(REAL / f"{symbol}.zh.txt")
    en = parse_record(REAL / f"{symbol}.en.txt")
    assert _links(zh, en) == TURNS[symbol]


@needs_real
@pytest.mark.parametrize("side", ["zh", "en"])
def test_a_turn_missing_on_one_side_leaves_the_others_linked(side: str) -> None:
    symbol = "S-PV-9642"
    zh = parse_record(REAL / f"{symbol}.zh.txt")
    en = parse_record(REAL / f"{symbol}.en.txt")
    expected = TURNS[symbol]
    for k in range(1, 10):  # every speech or vote turn, in turn
        if side == "zh":
            shorter = copy.deepcopy(zh)
            del shorter.turns[k]
            want = [(z if z != k else None, e) for z, e in expected]
            got = _links(shorter, en)
        else:
            shorter = copy.deepcopy(en)
            del shorter.turns[k - 1]
            want = [(z, e if e != k - 1 else None) for z, e in expected]
            got = _links(zh, shorter)
        want = [p for p in want if p != (None, None)]
        key = lambda p: (p[0] if p[0] is not None else -1, p[1] or -1)  # noqa: E731
        assert got == sorted(want, key=key), f"{side} turn {k} removed"


def test_text_scorer_maps_links_onto_gold_sentences() -> None:
    gold = [
        (["上午10时开会。"], []),
        (["我们欢迎这项决议。"], ["We welcome the resolution."]),
        (["它很重要。", "我们支持它。"], ["It is important and we support it."]),
    ]
    right = {
        "turns": [],
        "pairs": [
            {"zh": ["上午10时开会。"], "en": []},
            {"zh": ["我们欢迎这项决议。"], "en": ["We welcome the resolution."]},
            # Segmented differently but covering the same text: still the gold link.
            {"zh": ["它很重要。我们支持它。"], "en": ["It is important and we", "support it."]},
        ],
    }
    scored = score_pair(gold, right)
    assert score_multiple([scored.gold], [scored.predicted]).f1_strict == 1.0
    wrong = {
        "turns": [],
        "pairs": [
            {"zh": ["上午10时开会。", "我们欢迎这项决议。"], "en": ["We welcome the resolution."]},
            {"zh": ["它很重要。", "我们支持它。"], "en": ["It is important and we support it."]},
            {"zh": [], "en": ["24-15338 3/4"]},  # furniture: in no gold sentence
        ],
    }
    scored = score_pair(gold, wrong)
    s = score_multiple([scored.gold], [scored.predicted])
    assert s.precision_strict == pytest.approx(1 / 3)
    assert s.recall_strict == pytest.approx(1 / 2)


@needs_real
@pytest.mark.parametrize("symbol", sorted(TURNS))
def test_gold_files_cover_both_records(symbol: str) -> None:
    """Every sentence of both records is in the gold once, in order (whitespace aside)."""
    gold = read_gold(GOLD / f"{symbol}.jsonl")
    for lang, side in (("zh", 0), ("en", 1)):
        record = parse_record(REAL / f"{symbol}.{lang}.txt")
        parsed = "".join("".join(s.text.split()) for s in record.sentences())
        golden = "".join("".join(s.split()) for link in gold for s in link[side])
        assert parsed == golden
