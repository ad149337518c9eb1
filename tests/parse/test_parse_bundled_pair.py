"""The acceptance criteria of the parser on the bundled S/PV.9132 pair."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from aligner.models import Record
from aligner.parse import parse_record

SPEAKERS = [  # (role, country code, spoken language) of the 21 speaker turns, in order
    ("president", "FRA", "fr"),
    ("briefer", None, "en"),
    ("president", "FRA", "fr"),
    ("member", "GAB", "fr"),
    ("member", "IND", "en"),
    ("member", "NOR", "en"),
    ("member", "IRL", "en"),
    ("member", "KEN", "en"),
    ("member", "CHN", "zh"),
    ("member", "MEX", "es"),
    ("member", "GHA", "en"),
    ("member", "BRA", "en"),
    ("member", "ARE", "ar"),
    ("member", "ALB", "en"),
    ("member", "GBR", "en"),
    ("member", "USA", "en"),
    ("member", "RUS", "ru"),
    ("president", "FRA", "fr"),
    ("invited", "ARM", "en"),
    ("president", "FRA", "fr"),
    ("invited", "AZE", "en"),
]
FURNITURE = re.compile(r"22-59199|\d{1,2}/14\b|S/PV\.9132|15/09/2022|\*2259199\*")


@pytest.fixture(scope="module", params=["zh", "en"])
def record(request: pytest.FixtureRequest, corpus_dir: Path) -> Record:
    return parse_record(corpus_dir / f"{request.param}.txt")


def test_turns_roles_countries_languages(record: Record) -> None:
    turns = record.turns
    assert turns[0].role == "procedure" and turns[-1].role == "procedure"
    speakers = [(t.role, t.country_code, t.spoken_language) for t in turns[1:-1]]
    assert speakers == SPEAKERS
    for t in turns:
        assert t.is_original == (t.spoken_language == record.language)
    assert turns[9].speaker == ("耿爽" if record.language == "zh" else "Geng Shuang")
    assert turns[2].speaker == ("延恰" if record.language == "zh" else "Jenča")


def test_opening_and_closing_lines(record: Record) -> None:
    opening = record.turns[0].paragraphs[0].text
    closing = record.turns[-1].paragraphs[-1].text
    if record.language == "zh":
        assert (opening, closing) == ("上午10时05分开会。", "上午11时35分散会。")
    else:
        assert opening == "The meeting was called to order at 10.05 a.m."
        assert closing == "The meeting rose at 11.35 a.m."


def test_metadata(record: Record) -> None:
    meta = record.meta
    assert (meta.symbol, meta.body, meta.meeting_number) == ("S/PV.9132", "Security Council", 9132)
    assert meta.date == "2022-09-15"
    assert (meta.time_opened, meta.time_closed) == ("10:05", "11:35")
    assert meta.job_number == "22-59199"
    assert meta.president_country == "FRA"
    assert meta.documents[0] == "S/2022/688"
    assert {"S/2021/467", "S/2021/693", "S/2021/956", "S/2022/638"} <= set(meta.documents)
    assert meta.agenda and meta.agenda.endswith(("（S/2022/688）", "(S/2022/688)"))


def test_no_page_furniture_survives(record: Record) -> None:
    for sentence in record.sentences():
        assert not FURNITURE.search(sentence.text), sentence.text
        assert "\ufffd" not in sentence.text


def test_repairs_on_known_damage(record: Record) -> None:
    text = "\n".join(t.text for t in record.turns)
    if record.language == "zh":
        assert "米罗斯拉夫·延恰" in text and "米罗斯拉夫 ·延恰" not in text
        assert "耿爽先生" not in text  # the header is not part of the speech
        assert "根据安理会暂行议事规则第37条，我邀请" in text  # blank line inside a sentence
        assert "最终的解决" in text
    else:
        assert "provocations" in text and "provo-" not in text
        assert "Secretary-General" in text and "Secre-" not in text
        assert "Nagorno-Karabakh" in text and "NagornoKarabakh" not in text
        assert "This record contains" not in text


def test_paragraph_counts_match_across_languages(corpus_dir: Path) -> None:
    zh = parse_record(corpus_dir / "zh.txt")
    en = parse_record(corpus_dir / "en.txt")
    assert [len(t.paragraphs) for t in zh.turns] == [len(t.paragraphs) for t in en.turns]
