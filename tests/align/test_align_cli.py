"""The `verbalign align-sentences` contract: gold-format links, --scores, clear errors."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from bench.score import parse_link

LINK = re.compile(r"^\[(\d+(,\d+)*)?\]:\[(\d+(,\d+)*)?\]$")


def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from aligner.cli import main; main()", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    src = tmp_path / "src.txt"
    tgt = tmp_path / "tgt.txt"
    src.write_text("The first line.\nThe second line.\nThe third line.\n", encoding="utf-8")
    tgt.write_text("The first line.\nThe second line. The third line.\n", encoding="utf-8")
    return src, tgt


def test_prints_links_covering_every_line_in_order(files: tuple[Path, Path]) -> None:
    src, tgt = files
    res = run_cli(
        "align-sentences", src, tgt, "--src-lang", "en", "--tgt-lang", "en", "--model", "hashing"
    )
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert all(LINK.match(line) for line in lines)
    links = [parse_link(line) for line in lines]
    assert [i for s, _ in links for i in s] == [0, 1, 2]  # type: ignore[misc]
    assert [j for _, t in links for j in t] == [0, 1]  # type: ignore[misc]
    assert lines == ["[0]:[0]", "[1,2]:[1]"]


def test_scores_append_a_tab_and_a_probability(files: tuple[Path, Path]) -> None:
    src, tgt = files
    res = run_cli(
        "align-sentences",
        src,
        tgt,
        "--src-lang",
        "en",
        "--tgt-lang",
        "en",
        "--model",
        "hashing",
        "--scores",
        "--signature",
    )
    assert res.returncode == 0, res.stderr
    for line in res.stdout.splitlines():
        link, score = line.split("\t")
        assert LINK.match(link) and 0.0 <= float(score) <= 1.0
    assert res.stderr.strip().startswith("verbalign:")


@pytest.mark.parametrize("content", [b"", b"   \n\n", b"\xff\xfe\xfa not utf-8\n", b"bin\x00ary\n"])
def test_bad_files_give_one_line_error_and_non_zero_exit(
    tmp_path: Path, files: tuple[Path, Path], content: bytes
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    res = run_cli(
        "align-sentences",
        bad,
        files[1],
        "--src-lang",
        "en",
        "--tgt-lang",
        "en",
        "--model",
        "hashing",
    )
    assert res.returncode != 0
    assert res.stderr.startswith("error:") and "Traceback" not in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1


def test_missing_file_is_reported(files: tuple[Path, Path], tmp_path: Path) -> None:
    res = run_cli(
        "align-sentences",
        tmp_path / "nope.txt",
        files[1],
        "--src-lang",
        "en",
        "--tgt-lang",
        "en",
        "--model",
        "hashing",
    )
    assert res.returncode != 0 and "not found" in res.stderr and "Traceback" not in res.stderr


def test_every_alignment_knob_is_a_documented_flag() -> None:
    res = run_cli("align-sentences", "--help")
    from dataclasses import fields

    from aligner.align.params import AlignParams

    text = re.sub(r"\s+", " ", res.stdout)
    for f in fields(AlignParams):
        assert "--" + f.name.replace("_", "-") in text, f.name
