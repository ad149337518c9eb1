"""Reading input: paths, bytes and text, and a typed error for each unreadable kind."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from aligner.errors import BinaryInputError, EmptyInputError, EncodingError, NotFoundError
from aligner.ingest.source import decode_text, load_source


def test_path_bytes_and_text_sources(tmp_path: Path) -> None:
    path = tmp_path / "record.txt"
    path.write_text("主席：你好。", encoding="utf-8")
    from_path = load_source(path)
    assert from_path.name == "record.txt"
    assert from_path.kind == "text"
    assert from_path.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert load_source(str(path)).raw == path.read_bytes()
    assert load_source(b"%PDF-1.7 ...", name="x.pdf").kind == "pdf"
    assert load_source("主席：你好。\n第二行").raw == "主席：你好。\n第二行".encode()


def test_missing_file_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="no such file"):
        load_source(tmp_path / "absent.txt")


@pytest.mark.parametrize("raw", [b"", b"   \n\t\n"])
def test_empty_input(raw: bytes) -> None:
    with pytest.raises(EmptyInputError):
        load_source(raw)


def test_utf8_with_bom_and_utf16_decode() -> None:
    assert decode_text("\ufeff主席".encode()) == "主席"
    assert decode_text("主席：".encode("utf-16")) == "主席："


def test_non_utf8_text_is_an_encoding_error() -> None:
    with pytest.raises(EncodingError, match="not UTF-8"):
        decode_text("主席：我感谢".encode("gb18030"))


def test_binary_junk_is_refused() -> None:
    with pytest.raises(BinaryInputError):
        decode_text(b"\x00\x01\x02PK\x03\x04" * 50)
    with pytest.raises(BinaryInputError):
        decode_text(bytes(range(1, 32)) * 20)
