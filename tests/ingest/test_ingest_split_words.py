"""Words split by extraction are joined again; real words next to each other are not.

The damaged forms are those of official UN records (S/PV.8422 and others as a character-gap
extractor read them; a long Security Council meeting's extracted English); the clean text
is the English side of the UN Parallel Corpus development set (UN documents of 2015)."""

from __future__ import annotations

from pathlib import Path

import pytest

from aligner.ingest.split_words import rejoin_split_words

UNPC_EN = Path(__file__).resolve().parents[3] / "shared" / "real" / "unpc-dev" / "en.txt"


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        ("the draf t resolution", "the draft resolution"),
        ("af ter the vote", "after the vote"),
        ("Bef ore the meeting", "Before the meeting"),
        ("f or the record", "for the record"),
        ("their ef f orts to", "their efforts to"),
        ("a vote was taken b y show o f hands.", "a vote was taken by show of hands."),
        ("W e welcome it", "We welcome it"),
        ("I n f avour:", "In favour:"),
        ("the O f f icial Records", "the Official Records"),
        ("the Central Af rican Republic", "the Central African Republic"),
        ("it was ado pted", "it was adopted"),
        ("Mr. Delattre (France) (s poke in French):", "Mr. Delattre (France) (spoke in French):"),
        ("the Securit y Council", "the Security Council"),
        ("who were reporte dly killed", "who were reportedly killed"),
        ("the hostiliti es ended", "the hostilities ended"),
        ("large -scale attacks", "large-scale attacks"),
        ("the Council’ s rules", "the Council’s rules"),
        ("self-determi nation", "self-determination"),
        ("(draf t)", "(draft)"),
    ],
)
def test_split_words_are_joined(damaged: str, repaired: str) -> None:
    assert rejoin_split_words(damaged) == repaired


@pytest.mark.parametrize(
    "clean",
    [
        "15 per cent of the budget",
        "the work on going forward",
        "a part of the plan",
        "a bout of violence",
        "in word and in deed",
        "some one hundred delegations",
        "Section B and Plan B is annexed; resolution V is entitled",
        "women's and girls' rights, sent by e-mail to Côte d’Ivoire",
        "in the 1950s and 1970s on the agenda",
        "a I",
        "UN Women and Ma Zhaoxu",
        "non- and post-conflict",
        "ad hoc, inter alia, de facto, per se",
    ],
)
def test_real_words_stay_apart(clean: str) -> None:
    assert rejoin_split_words(clean) == clean


def test_clean_un_text_is_left_alone() -> None:
    """On 4,000 sentences of clean UN English the repair changes almost nothing: only a
    spaced hyphen the corpus itself got wrong ("a training -of-trainers course")."""
    if not UNPC_EN.exists():
        pytest.skip("../shared/real/unpc-dev is not here")
    lines = UNPC_EN.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4000
    changed = [(line, out) for line in lines if (out := rejoin_split_words(line)) != line]
    assert len(changed) <= 2, changed
    for before, after in changed:
        assert before.replace(" -", "-") == after  # only a spaced hyphen closed up
