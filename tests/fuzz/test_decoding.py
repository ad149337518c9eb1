"""One decoding for every input (aligner.ingest.source): what the CLI accepts the API accepts,
and what either refuses is refused with the file (or field) and the line named."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from aligner.errors import BinaryInputError, EncodingError, InputError
from aligner.ingest.source import MAX_BYTES, check_unicode, decode_bytes, load_source

ROOT = Path(__file__).resolve().parents[2]
ZH = (ROOT / "tests/api/data/zh.txt").read_text("utf-8")


def run_cli(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "from aligner.cli import main; main()", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_every_unicode_encoding_with_a_mark_decodes_to_the_same_text(codec: str) -> None:
    raw = ZH.encode(codec)
    if codec == "utf-16-be":
        raw = b"\xfe\xff" + raw
    assert decode_bytes(raw, name="zh.txt") == ZH


def test_byte_order_marks_inside_the_text_are_dropped() -> None:
    joined = "\ufeff第一行\n".encode() + "\ufeff第二行\n".encode()
    assert decode_bytes(joined) == "第一行\n第二行\n"


def test_bad_bytes_name_the_file_and_the_line() -> None:
    raw = "第一行\n第二行\n".encode() + b"\xff\xfe bad\n"
    with pytest.raises(EncodingError, match=r"^zh\.txt: line 3: not UTF-8 text"):
        decode_bytes(raw, name="zh.txt")
    # a UTF-16 mark in front of bytes that are not UTF-16
    with pytest.raises(EncodingError, match=r"^x\.txt: .*not UTF-16 text"):
        decode_bytes(b"\xff\xfe\xfa not utf-8\n", name="x.txt")
    with pytest.raises(BinaryInputError, match=r"^b\.bin: binary"):
        decode_bytes(b"PK\x03\x04\x00\x00", name="b.bin")


def test_a_lone_surrogate_in_a_str_is_refused_with_its_line() -> None:
    from aligner.parse import parse_record

    text = ZH.replace("我感谢主席", "我感谢\ud800主席")
    line = text[: text.index("\ud800")].count("\n") + 1
    # parse_record used to fail deep inside OpenCC with a UnicodeEncodeError
    with pytest.raises(EncodingError, match=rf"^record\.txt: line {line}: U\+D800 is a lone"):
        parse_record(text, name="record.txt")
    with pytest.raises(EncodingError, match="line 2"):
        check_unicode("ok\nbad \udfff", name="x")


def test_the_size_limit_message_says_how_far_over_it_is(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: nothing is written
    with pytest.raises(InputError) as caught:
        load_source(big)
    message = str(caught.value)
    assert message == (
        f"{big} is 52,428,801 bytes; a record file may be at most 52,428,800 bytes (50 MiB)"
    ), message


def test_qa_check_refuses_a_lone_surrogate_escape_with_one_line(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.jsonl"
    good = json.dumps({"id": 1, "zh": "安理会", "en": "the Council"})
    pairs.write_text(good + "\n" + '{"id": 2, "zh": "\\ud800安理会", "en": "the Council"}\n')
    res = run_cli("qa", "check", pairs, "--no-semantic", "--no-glossary")
    assert res.returncode == 2, res.stderr
    assert res.stderr.strip() == f"error: {pairs}: line 2: U+D800 is a lone surrogate, not text"
    assert res.stdout == ""


def test_qa_check_reads_utf16_and_joined_files(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {"id": 1, "zh": "安理会\u2028开会", "en": "the Council met"}, ensure_ascii=False
        ),
        "\ufeff" + json.dumps({"id": 2, "zh": "安理会", "en": "the Council"}),
    ]
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_bytes("\r\n".join(lines).encode("utf-16"))
    res = run_cli("qa", "check", pairs, "--no-semantic", "--no-glossary")
    assert res.returncode == 0, res.stderr
    assert [json.loads(line)["id"] for line in res.stdout.splitlines()] == ["1", "2"]


def test_cli_parse_and_align_sentences_read_utf16(tmp_path: Path) -> None:
    record = tmp_path / "zh16.txt"
    record.write_bytes(ZH.encode("utf-16"))
    plain = tmp_path / "zh8.txt"
    plain.write_text(ZH, "utf-8")
    utf16, utf8 = (json.loads(run_cli("parse", p, "--json").stdout) for p in (record, plain))
    for parsed in (utf16, utf8):
        del parsed["source_name"], parsed["source_sha256"]
    assert utf16 == utf8 and utf8["turns"]
    src, tgt = tmp_path / "src.txt", tmp_path / "tgt.txt"
    src.write_bytes("The first line.\nThe second line.\n".encode("utf-32"))
    tgt.write_bytes("The first line.\nThe second line.\n".encode("utf-16"))
    res = run_cli(
        "align-sentences", src, tgt, "--src-lang", "en", "--tgt-lang", "en", "--model", "hashing"
    )
    assert res.returncode == 0, res.stderr
    assert res.stdout.split() == ["[0]:[0]", "[1]:[1]"]


def test_cli_errors_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad-zh.txt"
    bad.write_bytes("主席：".encode() + b"\xc3\x28\n")
    res = run_cli("parse", bad)
    assert res.returncode == 2
    assert res.stderr.strip() == (
        "error: bad-zh.txt: line 1: not UTF-8 text (bad byte 0xc3 at offset 9); "
        "save it as UTF-8 or give the PDF"
    )
