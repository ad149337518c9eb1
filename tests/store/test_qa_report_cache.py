"""One QA-report cache path for the CLI and the API (issue 13, item 9): a report the API made
is the one `verbalign qa SYMBOL` prints, without checking the pairs again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from fastapi.testclient import TestClient
from synthetic_records import SYMBOL, make_alignment

from aligner.align.hashing_embedder import HashingEmbedder
from aligner.pipeline.qa_report import prepare_report
from aligner.store import open_store
from aligner.store.rows import Correction
from api.deps import get_embedder
from api.main import create_app
from api.settings import Settings


def test_the_cli_reuses_the_report_the_api_cached(tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    store = open_store(db)
    store.save_alignment(make_alignment())
    store.close()
    app = create_app(Settings(db=db))
    app.dependency_overrides[get_embedder] = HashingEmbedder
    with TestClient(app) as client:
        served = client.get(f"/records/{SYMBOL}/qa")
    assert served.status_code == 200

    cli_args = ["qa", SYMBOL, "--db", str(db), "--no-semantic", "-f", "json"]
    cli = subprocess.run(
        [sys.executable, "-c", "from aligner.cli import main; main()", *cli_args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "FORCE_COLOR": "1", "COLUMNS": "100"},
    )
    assert cli.returncode == 0, cli.stderr
    assert "checking" not in cli.stderr  # read from the cache, not recomputed
    assert json.loads(cli.stdout) == served.json()

    store = open_store(db)
    try:
        assert store.qa_reports.count(SYMBOL) == 1
        prepared = prepare_report(store, SYMBOL)
        assert prepared.cached is not None
        # A correction changes the key: the next request computes a fresh report.
        pairs = store.list_pairs(SYMBOL).items
        store.correct_pair(pairs[7].id, Correction("merge", "bob", with_pair=pairs[6].id))
        fresh = prepare_report(store, SYMBOL)
        assert fresh.key != prepared.key and fresh.cached is None
        fresh.compute()
        assert store.qa_reports.count(SYMBOL) == 2
    finally:
        store.close()
