"""The command line end to end on each store backend, chosen by VERBALIGN_DB alone (a SQLite
path, or the URL of a PostgreSQL database the fixtures start): import, the stored alignment
and its TM vectors, a reviewer's correction, a re-import that makes a new version and carries
the correction over, export, concordance, the glossary the import built, and the QA report
cached in the store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from aligner.align.hashing_embedder import HashingEmbedder
from aligner.cli import app
from aligner.store import open_store
from aligner.store.rows import Correction

DATA = Path(__file__).resolve().parents[1] / "api" / "data"
SYMBOL = "S/PV.9990"


def verbalign(db: str, *args: str | Path) -> Result:
    """The command line in this process (the commands' own code; no interpreter start-up)."""
    return CliRunner().invoke(app, list(map(str, args)), env={"VERBALIGN_DB": db})


def test_the_cli_works_end_to_end_on_the_backend_verbalign_db_names(
    store_location: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = store_location
    monkeypatch.chdir(tmp_path)
    imported = verbalign(db, "import", DATA / "zh.txt", DATA / "en.txt", "--model", "hashing")
    assert imported.exit_code == 0, imported.output
    assert imported.stdout.startswith(f"{SYMBOL}: imported,")
    assert not (tmp_path / "var").exists()  # nothing went to the default SQLite file

    store = open_store(db)
    try:
        assert [r.symbol for r in store.list_records()] == [SYMBOL]
        pairs = store.list_pairs(SYMBOL).items
        assert len(pairs) > 10 and all(p.zh or p.en for p in pairs)
        # the import stored the TM's vectors of every usable pair
        usable = [p.id for p in pairs if p.zh and p.en]
        model = HashingEmbedder().name
        assert set(store.get_embeddings(model, "zh", usable)) == set(usable)
        # a reviewer approves a pair with a note
        target = next(p for p in pairs if p.zh and p.en and "安全理事会" in p.zh)
        store.correct_pair(
            target.id, Correction("flag", reviewer="rev1", status="approved", note="checked")
        )
        hits = store.search("安全理事会")
        assert hits.total >= 1 and target.zh in [h.pair.zh for h in hits.items]
    finally:
        store.close()

    # a changed English file: a new version, the reviewed pair carried over
    en2 = tmp_path / "en2.txt"
    en_text = (DATA / "en.txt").read_text(encoding="utf-8")
    en2.write_text(en_text.rstrip("\n") + "\nThe meeting rose at 11.20 a.m.\n", encoding="utf-8")
    again = verbalign(db, "import", DATA / "zh.txt", en2, "--model", "hashing", "--force")
    assert again.exit_code == 0, again.output
    store = open_store(db)
    try:
        versions = store.list_versions(SYMBOL)
        assert [v.version for v in versions][-2:] == [1, 2]
        [kept] = [p for p in store.list_pairs(SYMBOL).items if p.zh == target.zh]
        assert kept.status == "approved"
        old = store.get_version(SYMBOL, 1)  # the old version stays readable, as it was
        assert old.summary.version == 1 and len(old.pairs) == len(pairs)
    finally:
        store.close()

    exported = verbalign(db, "export", SYMBOL, "-f", "jsonl")
    assert exported.exit_code == 0, exported.output
    rows = [json.loads(line) for line in exported.stdout.splitlines()]
    assert any(r["zh"] == target.zh and r["status"] == "approved" for r in rows)

    # the import built the glossary
    looked = verbalign(db, "glossary", "lookup", "安全理事会")
    assert looked.exit_code == 0, looked.output
    assert "Security Council" in looked.stdout

    qa = ("qa", "summary", SYMBOL, "--no-semantic", "-f", "json")
    first = verbalign(db, *qa)
    assert first.exit_code == 0, first.output
    store = open_store(db)
    try:
        assert store.qa_reports.count(SYMBOL) == 1  # the report is cached in the store
        assert store.search("security council", lang="en").total >= 1
    finally:
        store.close()
