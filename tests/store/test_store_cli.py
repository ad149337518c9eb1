"""verbalign import / export on the command line: output, idempotency, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from synthetic_records import MakeAlignment

from aligner.store import SQLiteStore

DATA = Path(__file__).resolve().parents[1] / "api" / "data"
CLI = [sys.executable, "-c", "from aligner.cli import main; main()"]


def verbalign(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    env.pop("VERBALIGN_DB", None)
    return subprocess.run(
        [*CLI, *map(str, args)], capture_output=True, text=True, cwd=cwd, env=env, timeout=120
    )


@pytest.fixture
def db(tmp_path: Path, make_alignment: MakeAlignment) -> Path:
    path = tmp_path / "cli.db"
    store = SQLiteStore(path)
    store.save_alignment(make_alignment())
    store.close()
    return path


def test_export_writes_each_format(db: Path, tmp_path: Path) -> None:
    tsv = verbalign("export", "S/PV.9999", "--format", "tsv", "--db", db, cwd=tmp_path)
    assert tsv.returncode == 0, tsv.stderr
    first = tsv.stdout.lstrip("\ufeff").splitlines()[0].split("\t")
    assert first[:2] == ["上午10时05分开会。", "The meeting was called to order at 10.05 a.m."]
    out = tmp_path / "out.tmx"
    tmx = verbalign("export", "S/PV.9999", "-f", "tmx", "--out", out, "--db", db, cwd=tmp_path)
    assert tmx.returncode == 0 and out.read_bytes().startswith(b"<?xml")
    assert "wrote" in tmx.stderr
    jsonl = verbalign("export", "S/PV.9999", "-f", "jsonl", "--db", db, cwd=tmp_path)
    assert [json.loads(line)["id"] for line in jsonl.stdout.splitlines()] == list(range(1, 11))


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("export", "S/PV.0000"), 3, "no record 'S/PV.0000'"),
        (("export", "S/PV.9999", "--format", "docx"), 2, "unknown export format"),
        (("export", "S/PV.9999", "--source", "fr"), 2, "source language"),
        (("import", "missing-zh.txt", "missing-en.txt"), 2, "no such file"),
        (
            (
                "import",
                DATA / "zh.txt",
                DATA / "en.txt",
                "--model",
                "hashing",
                "--symbol",
                'S/PV.1"x',
            ),
            2,
            "invalid record symbol",
        ),
    ],
)
def test_errors_are_one_line_with_an_exit_code(
    db: Path, tmp_path: Path, args: tuple[str | Path, ...], code: int, message: str
) -> None:
    result = verbalign(*args, "--db", db, cwd=tmp_path)
    assert result.returncode == code
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_an_unusable_database_path_is_a_one_line_error(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("not a database")
    imported = verbalign(
        "import",
        DATA / "zh.txt",
        DATA / "en.txt",
        "--model",
        "hashing",
        "--db",
        not_a_folder / "v.db",
        cwd=tmp_path,
    )
    served = verbalign("serve", "--db", not_a_folder, "--port", "8999", cwd=tmp_path)
    for result, message in (
        (imported, "cannot create the database folder"),
        (served, "is not a verbalign database"),
    ):
        assert result.returncode == 2 and message in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_export_without_a_database_says_so(tmp_path: Path) -> None:
    result = verbalign("export", "S/PV.9999", cwd=tmp_path)
    assert result.returncode == 2 and "no database" in result.stderr
    assert not (tmp_path / "var").exists()  # nothing created by a failed export


def test_import_aligns_and_stores_once(tmp_path: Path) -> None:
    args = ("import", DATA / "zh.txt", DATA / "en.txt", "--model", "hashing")
    first = verbalign(*args, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("S/PV.9990: imported,")
    assert (tmp_path / "var" / "verbalign.db").exists()  # the default database
    again = verbalign(*args, cwd=tmp_path)
    assert "already stored" in again.stdout
    store = SQLiteStore(tmp_path / "var" / "verbalign.db")
    assert [r.symbol for r in store.list_records()] == ["S/PV.9990"]
    store.close()


def test_an_import_error_names_the_file_it_is_about(tmp_path: Path, corpus_dir: Path) -> None:
    """Both files are parsed inside the import: a bad one is named in the error line."""
    bad = tmp_path / "not-a-record.zh.txt"
    bad.write_text("上午10时开会。\n没有发言者。\n", encoding="utf-8")
    args = ["import", str(bad), str(corpus_dir / "en.txt"), "--db", str(tmp_path / "s.db")]
    result = subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "not-a-record.zh.txt: no speaker turns" in result.stderr
