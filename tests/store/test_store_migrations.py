"""Schema migrations: versioned, append-only, extensible, refusing newer databases."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from synthetic_records import SYMBOL, make_alignment

from aligner.store import SQLiteStore, open_store
from aligner.store import migrations as mig
from aligner.store.migrations import Migration, MigrationError, apply_migrations


@pytest.fixture
def clean_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Extension namespaces registered by a test vanish after it."""
    monkeypatch.setattr(mig, "_registry", {k: list(v) for k, v in mig._registry.items()})


def _versions(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        return mig.applied_versions(conn)


def test_fresh_database_gets_every_core_table_in_wal_mode(tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    SQLiteStore(db).close()
    with sqlite3.connect(db) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert {
        "records",
        "record_versions",
        "turns",
        "paragraphs",
        "sentences",
        "pairs",
        "pairs_fts",
        "corrections",
        "jobs",
        "glossary_entries",
        "glossary_contexts",
        "pair_embeddings",
    } <= tables
    assert mode == "wal"
    assert _versions(db)["core"] == len(mig.registered()["core"])


def test_reopening_applies_nothing_twice(tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    SQLiteStore(db).close()
    with sqlite3.connect(db, isolation_level=None) as conn:
        assert apply_migrations(conn) == []


def test_an_extension_namespace_is_applied_after_core(tmp_path: Path, clean_registry: None) -> None:
    db = tmp_path / "v.db"
    SQLiteStore(db).close()
    mig.register_migrations(
        "extra",
        [
            Migration(
                1,
                "notes on pairs",
                "CREATE TABLE pair_notes (pair_id INTEGER REFERENCES pairs(id), body TEXT);",
            )
        ],
    )
    SQLiteStore(db).close()
    assert _versions(db)["extra"] == 1
    # Appending a version later upgrades an existing database in place.
    mig.register_migrations(
        "extra", [Migration(2, "index", "CREATE INDEX pair_notes_pair ON pair_notes(pair_id);")]
    )
    SQLiteStore(db).close()
    assert _versions(db)["extra"] == 2


def test_versions_must_be_appended_in_order(clean_registry: None) -> None:
    with pytest.raises(MigrationError, match="out of order"):
        mig.register_migrations("gappy", [Migration(2, "skips one", "SELECT 1;")])
    mig.register_migrations("dup", [Migration(1, "first", "SELECT 1;")])
    mig.register_migrations("dup", [Migration(1, "first", "SELECT 1;")])  # re-import: fine
    with pytest.raises(MigrationError, match="different names"):
        mig.register_migrations("dup", [Migration(1, "renamed", "SELECT 1;")])


def test_a_failing_migration_leaves_the_previous_version(
    tmp_path: Path, clean_registry: None
) -> None:
    db = tmp_path / "v.db"
    SQLiteStore(db).close()
    mig.register_migrations(
        "broken",
        [Migration(1, "half done", "CREATE TABLE half (x);\nINSERT INTO nowhere VALUES (1);")],
    )
    with pytest.raises(sqlite3.OperationalError):
        SQLiteStore(db)
    with sqlite3.connect(db) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "half" not in names
    assert "broken" not in _versions(db)


def test_a_database_from_a_newer_verbalign_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    SQLiteStore(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES ('core', 999, 'from the future', 'now')")
    with pytest.raises(MigrationError, match="newer"):
        SQLiteStore(db)


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("just some text, not SQLite" * 100)
    with pytest.raises(Exception, match="not a verbalign database"):
        SQLiteStore(bad)


def test_a_store_written_before_record_versions_opens_and_migrates(tmp_path: Path) -> None:
    """tests/store/data/store-before-versions.sqlite was written by the previous verbalign (see
    the README beside it): it opens, migrates in place, and everything in it is there."""
    db = tmp_path / "verbalign.db"
    shutil.copy(Path(__file__).with_name("data") / "store-before-versions.sqlite", db)
    assert _versions(db) == {"core": 5, "glossary": 1, "qa": 1}

    store = open_store(db)
    try:
        assert _versions(db)["core"] == len(mig.registered()["core"])
        record = store.get_record(SYMBOL)
        assert (record.version, record.pair_count) == (1, 11)  # 10 aligned, one split
        merge, flag, split = store.corrections(symbol=SYMBOL)
        assert (merge.action, merge.pair_id, merge.state) == ("merge", None, "detached")
        assert merge.after[0]["type"] == "2-2"  # what the reviewer did is still readable
        assert (flag.state, store.get_pair(flag.pair_id).status) == ("current", "approved")
        assert split.state == "current" and split.pair_id is not None
        assert store.glossary.count() == 2 and store.qa_reports.count(SYMBOL) == 1
        assert [j.kind for j in store.list_jobs()] == ["import"]
        assert store.search("安全理事会").total == 1
        assert [v.version for v in store.list_versions(SYMBOL)] == [1]

        # The next re-import makes version 2 and carries the reviews that still apply.
        result = store.save_alignment(make_alignment(salt="v3"))
        assert (result.version, result.changes.carried) == (2, 3)  # type: ignore[union-attr]
        assert [c.state for c in store.corrections(symbol=SYMBOL)] == [
            "detached",
            "current",
            "current",
        ]
        assert store.get_version(SYMBOL, 1).record.pair_count == 11
    finally:
        store.close()
