"""Issue 13: a kill -9 at any stage of an import, then a re-import of a changed file, loses no
correction.

A child process imports a changed version of the record and is killed with SIGKILL at one
stage: while parsing, embedding or aligning, inside the transaction that stores the new version,
inside the TM index's write, inside the glossary's write. After each kill the store must hold
one whole version with every correction attached, and re-importing the changed file must
carry every review over.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from aligner.align.hashing_embedder import HashingEmbedder
from aligner.pipeline.record_import import Source, import_pair
from aligner.store import open_store
from aligner.store.rows import Correction

DATA = Path(__file__).resolve().parents[1] / "api" / "data"
SYMBOL = "S/PV.9990"

# The child: import ZH EN into DB and SIGKILL itself at STAGE (a progress stage, or inside one
# of the store's write transactions).
CHILD = r"""
import os, signal, sys
from aligner.align.embedder import get_embedder
from aligner.pipeline.record_import import Source, import_pair
from aligner.store import open_store
from aligner.store.sql import embeddings, glossary, records

db, zh, en, stage = sys.argv[1:5]

def die():
    sys.stdout.flush()
    os.kill(os.getpid(), signal.SIGKILL)

def dying_inside(owner, name, db_of):
    original = getattr(owner, name)
    def wrapper(self, *args, **kwargs):
        with db_of(self).write():
            result = original(self, *args, **kwargs)
            die()
        return result
    setattr(owner, name, wrapper)

if stage == "store":
    write_pairs = records._write_pairs
    def killing_write_pairs(*args, **kwargs):
        write_pairs(*args, **kwargs)
        die()
    records._write_pairs = killing_write_pairs
elif stage == "index":
    dying_inside(embeddings.Embeddings, "put_embeddings", lambda s: s)
elif stage == "terms":
    dying_inside(glossary.SQLGlossary, "save_record_terms", lambda s: s.db)

def progress(name, fraction):
    if name == stage:
        die()

store = open_store(db)
import_pair(
    store, Source.from_path(zh), Source.from_path(en),
    embedder=get_embedder("hashing"), progress=progress,
)
print("finished without being killed")
"""
STAGES = ["parse", "embed", "sentences", "store", "index", "terms"]


def _reviewed(
    db: Path,
) -> tuple[dict[int, tuple[str, str, str]], list[tuple[int, int | None, str]]]:
    """Reviewed pairs {id: (zh, en, status)} and corrections [(id, pair_id, state)]."""
    store = open_store(db)
    try:
        pairs = {
            p.id: (p.zh, p.en, p.status)
            for p in store.list_pairs(SYMBOL).items
            if p.reviewed_by is not None
        }
        history = [(c.id, c.pair_id, c.state) for c in store.corrections(symbol=SYMBOL)]
        return pairs, history
    finally:
        store.close()


@pytest.fixture
def reviewed_db(tmp_path: Path) -> Path:
    db = tmp_path / "v.db"
    store = open_store(db)
    try:
        import_pair(
            store,
            Source.from_path(DATA / "zh.txt"),
            Source.from_path(DATA / "en.txt"),
            embedder=HashingEmbedder(),
        )
        pairs = store.list_pairs(SYMBOL).items
        store.correct_pair(pairs[6].id, Correction("merge", "bob", with_pair=pairs[5].id))
        pairs = store.list_pairs(SYMBOL).items
        store.correct_pair(pairs[0].id, Correction("flag", "ann", status="approved"))
        split = next(p for p in pairs if p.type == "1-2")
        store.correct_pair(split.id, Correction("split", "carol", zh_at=1, en_at=1))
    finally:
        store.close()
    return db


def test_a_kill_at_any_stage_loses_no_correction(reviewed_db: Path, tmp_path: Path) -> None:
    reviewed, history = _reviewed(reviewed_db)
    assert len(reviewed) == 4 and len(history) == 3
    zh = DATA / "zh.txt"
    en_text = (DATA / "en.txt").read_text(encoding="utf-8")
    assert "rose at 10.40 a.m." in en_text
    for n, stage in enumerate(STAGES, start=1):
        # A changed file: the closing time differs (a pair no reviewer touched).
        en = tmp_path / f"en-{n}.txt"
        en.write_text(en_text.replace("10.40 a.m.", f"10.4{n} a.m."), encoding="utf-8")
        child = subprocess.run(
            [sys.executable, "-c", CHILD, str(reviewed_db), str(zh), str(en), stage],
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "HF_HUB_OFFLINE": "1"},
        )
        assert child.returncode == -9, (stage, child.stdout, child.stderr[-2000:])
        with sqlite3.connect(reviewed_db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # One whole version: every review and correction exactly as before the kill.
        assert _reviewed(reviewed_db) == (reviewed, history), stage

        store = open_store(reviewed_db)
        try:
            again = import_pair(
                store, Source.from_path(zh), Source.from_path(en), embedder=HashingEmbedder()
            )
            assert again.status in ("updated", "unchanged"), stage
            closing = store.list_pairs(SYMBOL).items[-1]
            assert f"10.4{n} a.m." in closing.en, stage
        finally:
            store.close()
        assert _reviewed(reviewed_db) == (reviewed, history), stage
