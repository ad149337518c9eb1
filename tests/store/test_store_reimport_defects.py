"""Issue 13, item 1: a re-import never silently destroys review work (CLI and store level).

The record pair is the small S/PV.9990 written for the API tests (tests/api/data), aligned
with the hashing embedder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from aligner.store import open_store
from aligner.store.rows import Correction

DATA = Path(__file__).resolve().parents[1] / "api" / "data"
CLI = [sys.executable, "-c", "from aligner.cli import main; main()"]
SYMBOL = "S/PV.9990"


def verbalign(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    env.pop("VERBALIGN_DB", None)
    return subprocess.run(
        [*CLI, *map(str, args)], capture_output=True, text=True, cwd=cwd, env=env, timeout=180
    )


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    shutil.copy(DATA / "zh.txt", zh)
    shutil.copy(DATA / "en.txt", en)
    return zh, en


def _import(
    files: tuple[Path, Path], db: Path | str, *extra: str
) -> subprocess.CompletedProcess[str]:
    return verbalign(
        "import", *files, "--model", "hashing", "--db", db, *extra, cwd=files[0].parent
    )


def _merge_two_pairs(db: Path | str) -> tuple[str, str]:
    """A reviewer merges the first two neighbouring 1-1 pairs of one turn; returns the merged
    pair's (zh, en) text."""
    store = open_store(db)
    try:
        pairs = store.list_pairs(SYMBOL).items
        i = next(
            k
            for k in range(len(pairs) - 1)
            if pairs[k].type == pairs[k + 1].type == "1-1"
            and pairs[k].zh_turn == pairs[k + 1].zh_turn
            and pairs[k].zh_turn not in (None, 0)
        )
        [merged] = store.correct_pair(
            pairs[i + 1].id, Correction("merge", "bob", with_pair=pairs[i].id)
        )
        return merged.zh, merged.en
    finally:
        store.close()


def test_a_one_byte_change_keeps_a_reviewers_merge(
    files: tuple[Path, Path], store_location: str
) -> None:
    """On every backend: the command line imports into a SQLite file or a PostgreSQL URL."""
    db = store_location
    first = _import(files, db)
    assert first.returncode == 0, first.stderr
    merged = _merge_two_pairs(db)
    files[1].write_bytes(files[1].read_bytes() + b"\n")  # a trailing newline: same text

    again = _import(files, db)
    assert again.returncode == 0, again.stderr

    store = open_store(db)
    try:
        pairs = store.list_pairs(SYMBOL).items
        [kept] = [p for p in pairs if (p.zh, p.en) == merged]
        assert (kept.status, kept.origin, kept.reviewed_by) == ("corrected", "reviewer", "bob")
        [history] = store.corrections(symbol=SYMBOL)
        assert history.pair_id == kept.id  # not orphaned
    finally:
        store.close()


def test_a_partial_source_does_not_replace_the_stored_record(
    files: tuple[Path, Path], tmp_path: Path
) -> None:
    db = tmp_path / "v.db"
    assert _import(files, db).returncode == 0
    store = open_store(db)
    before = store.list_pairs(SYMBOL).items
    store.close()
    # What a PDF that yields only part of its text looks like: the record stops halfway.
    lines = files[1].read_text(encoding="utf-8").splitlines(keepends=True)
    files[1].write_text("".join(lines[: len(lines) * 3 // 5]), encoding="utf-8")

    refused = _import(files, db)
    assert refused.returncode == 5  # ReimportRefused
    assert "--force" in refused.stderr and "Traceback" not in refused.stderr
    [message] = [line for line in refused.stderr.splitlines() if line.startswith("error:")]
    assert "en sentences" in message
    store = open_store(db)
    try:
        assert store.list_pairs(SYMBOL).items == before
    finally:
        store.close()


def test_a_postgresql_url_is_refused_not_taken_for_a_folder(
    files: tuple[Path, Path], tmp_path: Path
) -> None:
    # Nothing listens on port 1: the server is unreachable.
    url = "postgresql://verbalign:secret@127.0.0.1:1/verbalign"
    refused = verbalign("import", *files, "--model", "hashing", "--db", url, cwd=tmp_path)
    assert refused.returncode == 2
    [line] = refused.stderr.strip().splitlines()
    assert line.startswith("error: cannot connect to the database postgresql://verbalign:***@")
    assert "secret" not in refused.stderr and "Traceback" not in refused.stderr
    assert not (tmp_path / "postgresql:").exists()


def test_forced_a_review_left_behind_is_listed_in_the_output(
    files: tuple[Path, Path], tmp_path: Path
) -> None:
    db = tmp_path / "v.db"
    assert _import(files, db).returncode == 0
    merged = _merge_two_pairs(db)
    en_text = files[1].read_text(encoding="utf-8")
    # A word of the merged pair's English that the file has once: the reviewer's text changes.
    word = next(w for w in merged[1].split() if len(w) > 5 and en_text.count(w) == 1)
    files[1].write_text(en_text.replace(word, word.upper()), encoding="utf-8")

    refused = _import(files, db)
    assert refused.returncode == 5 and "reviewed pairs behind" in refused.stderr
    forced = _import(files, db, "--force")
    assert forced.returncode == 0, forced.stderr
    assert "re-aligned as version 2 (version 1 kept)" in forced.stdout
    assert "0 of 1 reviewed pairs carried over" in forced.stdout
    assert "not carried over, kept with version 1" in forced.stdout

    store = open_store(db)
    try:
        [history] = store.corrections(symbol=SYMBOL)
        assert (history.state, history.archived_version) == ("not-carried", 1)
        old = {p.id: p for p in store.get_version(SYMBOL, 1).pairs}
        assert (old[history.archived_pair_id].zh, old[history.archived_pair_id].en) == merged
    finally:
        store.close()
