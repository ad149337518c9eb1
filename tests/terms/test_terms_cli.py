"""verbalign glossary lookup | export | build from the shell."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree
from terms_fixtures import meeting, second_meeting
from typer.testing import CliRunner

from aligner.cli import app
from aligner.pipeline.glossary_build import glossary_from_alignment
from aligner.store import open_store

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.db"
    store = open_store(path)
    glossary_from_alignment(store, meeting())
    glossary_from_alignment(store, second_meeting())
    store.close()
    return path


def test_lookup_prints_the_best_match_first(db: Path) -> None:
    result = runner.invoke(app, ["glossary", "lookup", "安全理事會", "--db", str(db)])
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0].split("\t")
    assert first[:3] == ["安全理事会", "Security Council", "organization"]
    assert "exact" in first[6]


def test_lookup_without_a_match_exits_non_zero(db: Path) -> None:
    result = runner.invoke(app, ["glossary", "lookup", "zzzzzz", "--db", str(db)])
    assert result.exit_code == 1


def test_export_tsv_has_the_acceptance_columns(db: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["glossary", "export", "--format", "tsv", "--db", str(db)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff")), delimiter="\t"))
    assert {"zh", "en", "type", "status", "confidence", "frequency"} <= set(rows[0])
    assert ("停火", "ceasefire") in {(r["zh"], r["en"]) for r in rows}
    out = tmp_path / "out" / "glossary.tbx"
    result = runner.invoke(
        app, ["glossary", "export", "--format", "tbx", "--out", str(out), "--db", str(db)]
    )
    assert result.exit_code == 0, result.output
    root = etree.fromstring(out.read_bytes())
    ns = {"t": "urn:iso:std:iso:30042:ed-2"}
    assert len(root.findall("./t:text/t:body/t:conceptEntry", ns)) == len(rows)


def _verbalign(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "VERBALIGN_DB": str(db), "HF_HUB_OFFLINE": "1"}
    return subprocess.run(
        [sys.executable, "-c", "from aligner.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.mark.parametrize(
    "args",
    [
        ("glossary", "lookup", ""),
        ("glossary", "lookup", "bad\x1bquery"),
        ("glossary", "export", "--format", "xlsx"),
        ("glossary", "build", "no-such-zh.txt", "no-such-en.txt"),
    ],
)
def test_bad_input_is_one_line_and_a_non_zero_exit(args: tuple[str, ...], db: Path) -> None:
    result = _verbalign(*args, db=db)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().startswith("error:")
    assert len(result.stderr.strip().splitlines()) == 1


def test_build_all_extracts_over_the_stored_records(db: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["glossary", "build", "--all", "--db", str(db), "--model", "hashing"]
    )
    assert result.exit_code == 0, result.output
    assert "all records:" in result.stdout and "terms found across records" in result.stdout
    # Nothing stored yet, or files beside --all: a one-line error, nothing written.
    empty = tmp_path / "empty.db"
    proc = _verbalign("glossary", "build", "--all", "--model", "hashing", db=empty)
    assert proc.returncode != 0 and "no record" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    result = runner.invoke(app, ["glossary", "build", "a.txt", "--all", "--db", str(db)])
    assert result.exit_code != 0
    result = runner.invoke(app, ["glossary", "build", "--db", str(db)])
    assert result.exit_code != 0
