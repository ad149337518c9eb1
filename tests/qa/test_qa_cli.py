"""verbalign qa check / qa SYMBOL / score from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from aligner.cli import main; main()", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def test_qa_check_writes_one_line_per_pair(tmp_path: Path) -> None:
    pairs = write_jsonl(
        tmp_path / "pairs.jsonl",
        [
            {
                "id": "ok",
                "zh": "交火持续到9月13日和14日。",
                "en": "The exchanges of fire continued into 13 and 14 September.",
            },
            {"id": "bad", "zh": "已有105名军人死亡。", "en": "150 servicemen have been killed."},
            {"id": 3, "zh": "（见S/2022/688）", "en": "(see S/2022/689)", "original": "zh"},
        ],
    )
    out = run("qa", "check", str(pairs), "--no-semantic", "--db", str(tmp_path / "none.db"))
    assert out.returncode == 0, out.stderr
    lines = [json.loads(x) for x in out.stdout.splitlines()]
    assert [x["id"] for x in lines] == ["ok", "bad", "3"]
    assert lines[0]["flags"] == []
    flag = lines[1]["flags"][0]
    assert {"type", "severity", "message"} <= flag.keys()
    assert (flag["type"], flag["severity"]) == ("number", "error")
    assert lines[2]["flags"][0]["type"] == "symbol"
    assert lines[2]["direction"]["original"] == "zh"
    assert "3 pairs checked, 2 flagged" in out.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": "a", "zh": "你好"}\n', "line 1: missing field(s) en"),
        ("not json\n", "line 1: not valid JSON"),
        (
            '{"id": "a", "zh": "甲", "en": "A"}\n{"id": "a", "zh": "乙", "en": "B"}\n',
            "duplicate id",
        ),
        ('{"id": "a", "zh": 1, "en": "A"}\n', "zh must be a string"),
        ("\n\n", "no pairs"),
    ],
)
def test_qa_check_rejects_bad_input_with_one_line(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, "utf-8")
    out = run("qa", "check", str(path), "--no-semantic")
    assert out.returncode != 0
    assert message in out.stderr
    assert "Traceback" not in out.stderr and out.stdout == ""


def test_qa_symbol_summary_and_formats(qa_db: Path, symbol: str) -> None:
    out = run("qa", symbol, "--db", str(qa_db), "--no-semantic")
    assert out.returncode == 0, out.stderr
    assert f"QA {symbol}: 10 pairs" in out.stdout
    assert "number" in out.stdout and "date" in out.stdout
    tsv = run("qa", "summary", symbol, "--db", str(qa_db), "--no-semantic", "-f", "tsv")
    header, *rows = tsv.stdout.splitlines()
    assert header.split("\t")[:3] == ["pair_id", "position", "zh_turn"]
    assert any("\tnumber\t" in r for r in rows)
    missing = run("qa", "S/PV.1", "--db", str(qa_db), "--no-semantic")
    assert missing.returncode == 3 and "S/PV.1" in missing.stderr


def test_score_files(tmp_path: Path) -> None:
    cand = tmp_path / "cand.txt"
    ref = tmp_path / "ref.txt"
    cand.write_text("我们欢迎这项协议。\n停火能够维持\n", "utf-8")
    ref.write_text("我们欢迎这项协议，并希望停火能够维持。\n停火能够维持。\n", "utf-8")
    out = run("score", str(cand), str(ref), "-f", "json")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["target"] == "zh" and "tok:zh" in report["signatures"]["bleu"]
    assert len(report["segments"]) == 2
    ref.write_text("only one line\n", "utf-8")
    bad = run("score", str(cand), str(ref))
    assert bad.returncode != 0 and "must pair up" in bad.stderr
    # read as record files are: a UTF-16 file with its mark is text, a bad byte is named
    ref.write_text("我们欢迎这项协议。\n停火能够维持。\n", "utf-16")
    assert run("score", str(cand), str(ref)).returncode == 0
    ref.write_bytes("停火\n".encode() + b"\xff\xfe\x41\n")
    bad = run("score", str(cand), str(ref))
    assert bad.returncode != 0 and "references file" in bad.stderr and "line 2" in bad.stderr


def test_score_against_stored_pairs(qa_db: Path, tmp_path: Path) -> None:
    cand = tmp_path / "cand.txt"
    cand.write_text("The meeting was called to order at 10.05 a.m.\n", "utf-8")
    out = run("score", str(cand), "--pairs", "1", "--target", "en", "--db", str(qa_db))
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[1].startswith("BLEU 100.00")
