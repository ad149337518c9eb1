"""`verbalign parse PATH [--lang zh|en] [--json]` as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

_RUN = "import sys; from aligner.cli import main; sys.argv = ['verbalign', *sys.argv[1:]]; main()"


def verbalign(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _RUN, *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_json_of_the_bundled_chinese_record(corpus_dir: Path) -> None:
    result = verbalign("parse", str(corpus_dir / "zh.txt"), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["symbol"], data["meeting_number"], data["date"], data["language"]) == (
        "S/PV.9132",
        9132,
        "2022-09-15",
        "zh",
    )
    gabon = data["turns"][4]
    assert {
        k: gabon[k]
        for k in ("index", "speaker", "country", "role", "spoken_language", "is_original")
    } == {
        "index": 4,
        "speaker": "比昂",
        "country": "加蓬",
        "role": "member",
        "spoken_language": "fr",
        "is_original": False,
    }
    assert isinstance(gabon["paragraphs"][0], list) and isinstance(gabon["paragraphs"][0][0], str)
    assert data["turns"][0]["role"] == "procedure"


def test_declared_language_and_readable_summary(corpus_dir: Path) -> None:
    result = verbalign("parse", str(corpus_dir / "en.txt"), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "S/PV.9132" in result.stdout
    assert "Nebenzia" in result.stdout and "invited" in result.stdout
    assert "23 turns" in result.stdout


def test_full_json_has_sentence_ids(corpus_dir: Path) -> None:
    result = verbalign("parse", str(corpus_dir / "en.txt"), "--json", "--full")
    data = json.loads(result.stdout)
    first = data["turns"][1]["paragraphs"][0]["sentences"][0]
    assert first["id"] == "S/PV.9132/en/t001/p000/s000"


def test_bad_inputs_exit_non_zero_with_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(256)) * 4)
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Le Président : déclaration".encode("latin-1"))
    essay = tmp_path / "essay.txt"
    essay.write_text("This is an essay about the history of the world and of the United Nations.")
    for path, expected in [
        (empty, "empty"),
        (junk, "binary"),
        (latin1, "UTF-8"),
        (essay, "no speaker turns"),
        (tmp_path / "missing.txt", "no such file"),
    ]:
        result = verbalign("parse", str(path))
        assert result.returncode != 0
        assert expected in result.stderr
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_invalid_language_option(corpus_dir: Path) -> None:
    result = verbalign("parse", str(corpus_dir / "zh.txt"), "--lang", "fr")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
