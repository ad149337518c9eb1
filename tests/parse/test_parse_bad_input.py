"""Each kind of bad input is a typed error with a clear message, never an empty result."""

from __future__ import annotations

from pathlib import Path

import pytest

from aligner.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    NotFoundError,
    NoTurnsError,
    UnknownLanguageError,
)
from aligner.parse import parse_record


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"\n\n  \n")
    with pytest.raises(EmptyInputError, match="empty"):
        parse_record(path)


def test_binary_junk() -> None:
    with pytest.raises(BinaryInputError, match="binary"):
        parse_record(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_non_utf8_text() -> None:
    with pytest.raises(EncodingError, match="UTF-8"):
        parse_record("上午10时开会。\n主席：我宣布开会。".encode("gb18030"))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        parse_record(tmp_path / "nothing.pdf")


def test_text_without_speaker_turns() -> None:
    essay = (
        "联合国是一个国际组织，成立于1945年。它的宗旨是维护国际和平与安全，发展国家间的友好关系，"
        "促成国际合作。会员国承诺履行宪章规定的义务。"
    )
    with pytest.raises(NoTurnsError, match="no speaker turns"):
        parse_record(essay)
    with pytest.raises(NoTurnsError):
        parse_record("The meeting was called to order at 10 a.m.\n\nThe meeting rose at 11 a.m.\n")


def test_text_in_another_language() -> None:
    french = (
        "Le Président : Je remercie les membres du Conseil de leur présence et de leur travail."
    )
    with pytest.raises(UnknownLanguageError):
        parse_record(french)


def test_declared_language_that_contradicts_the_text() -> None:
    with pytest.raises(InputError, match="given as 'en'"):
        parse_record("主席（以法语发言）：我宣布开会。我们欢迎各位代表。", lang="en")


def test_unsupported_language_code() -> None:
    with pytest.raises(InputError, match="unsupported language"):
        parse_record("The President: I open the meeting.", lang="fr")
