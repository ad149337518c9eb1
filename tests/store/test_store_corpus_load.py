"""`verbalign corpus load`: a built corpus's records and pairs into the store, on every backend
(COPY into staging tables on PostgreSQL, batched executemany on SQLite): searchable, used by
the TM and reviewable like imported pairs; loading twice adds nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from synthetic_records import make_alignment
from typer.testing import CliRunner

from aligner.align.hashing_embedder import HashingEmbedder
from aligner.cli import app
from aligner.corpus.table import CorpusTable
from aligner.pipeline.corpus_load import load_corpus
from aligner.store import Repository, open_store
from aligner.store.bulk import LOAD_REASON, CorpusPair, CorpusRecord
from aligner.store.rows import Correction
from aligner.tm import TranslationMemory

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "corpus"))
from synthetic_pairs import write_pairs

SYMBOLS = ["S/PV.7201", "S/PV.7202", "S/PV.7203"]
CLI = [sys.executable, "-c", "from aligner.cli import main; main()"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three synthetic meetings built with the local engine and the hashing embedder."""
    from aligner.pipeline.corpus_build import build_corpus

    root = tmp_path_factory.mktemp("load")
    write_pairs(root / "records", [7201, 7202, 7203])
    report = build_corpus(root / "records", root / "corpus", workers=1, model="hashing")
    assert report.failed == 0, report.errors
    return root / "corpus"


def _rows(corpus: Path) -> list[dict]:
    return list(CorpusTable(corpus).iter_rows())


def test_a_loaded_corpus_reads_like_imported_records(store: Repository, corpus: Path) -> None:
    rows = _rows(corpus)
    report = load_corpus(corpus, store)
    assert (report.rows, report.counts.records, report.counts.skipped) == (len(rows), 3, 0)
    assert report.counts.pairs == len(rows) > 30

    assert [r.symbol for r in store.list_records()] == SYMBOLS
    for symbol in SYMBOLS:
        table = [r for r in rows if r["symbol"] == symbol]
        pairs = store.list_pairs(symbol).items
        # Every row, in the table's order, with its texts, link type and confidence.
        assert [(p.zh, p.en, p.type) for p in pairs] == [
            (r["zh"], r["en"], r["link_type"]) for r in table
        ]
        assert [p.confidence for p in pairs] == pytest.approx([r["confidence"] for r in table])
        # Who spoke, in which language, and which side is the original: the table's.
        for p, r in zip(pairs, table, strict=True):
            assert (p.zh_turn, p.en_turn) == (r["zh_turn"], r["en_turn"])
            assert p.original == r["original"]
            assert r["speaker"] in (p.speaker_en, p.speaker_zh)
            if r["spoken_language"]:
                assert p.spoken_language == r["spoken_language"]
        [version] = store.list_versions(symbol)
        assert version.reason == LOAD_REASON and version.pair_count == len(table)
        record = store.get_record(symbol)
        assert record.languages == ["en", "zh"] and record.turn_count > 0
        for lang in ("zh", "en"):  # one sentence per pair side
            assert len(store.sentences(symbol, lang)) == sum(1 for r in table if r[lang])


def test_loaded_pairs_are_found_by_the_concordance_and_the_tm(
    store: Repository, corpus: Path
) -> None:
    load_corpus(corpus, store)
    rows = _rows(corpus)
    hits = store.search("安全理事会")
    assert hits.total == sum("安全理事会" in r["zh"] for r in rows) > 0
    assert store.search("安全理事會").total == hits.total  # Traditional finds Simplified
    assert store.search("council", lang="en").total == sum(
        "council" in r["en"].lower() for r in rows
    )
    source = next(r for r in rows if r["link_type"] == "1-1" and len(r["zh"]) > 15)
    [best] = TranslationMemory(store, HashingEmbedder()).lookup(source["zh"], "zh", k=1)
    assert best.match == 100 and best.target == source["en"]
    assert best.pair.symbol == source["symbol"]


def test_loading_twice_adds_nothing(store: Repository, corpus: Path) -> None:
    first = load_corpus(corpus, store, batch_rows=1)  # one record per transaction
    version = store.data_version()
    pairs = {s: store.list_pairs(s).items for s in SYMBOLS}
    again = load_corpus(corpus, store)
    assert (again.counts.records, again.counts.skipped, again.counts.pairs) == (0, 3, 0)
    assert again.rows == first.rows
    assert store.data_version() == version
    assert {s: store.list_pairs(s).items for s in SYMBOLS} == pairs


def test_a_stored_record_is_never_touched_by_a_load(store: Repository) -> None:
    """A reviewed, imported record with the same symbol as a corpus record stays as it was."""
    store.save_alignment(make_alignment())
    pair = store.list_pairs("S/PV.9999").items[0]
    store.correct_pair(pair.id, Correction(action="flag", reviewer="r", status="approved"))
    before = store.list_pairs("S/PV.9999").items
    intruder = CorpusRecord(
        "S/PV.9999",
        "sig",
        [CorpusPair("S/PV.9999#0.0", "新", "new", 0.9, "1-1", 0, 0)],
    )
    fresh = CorpusRecord(
        "S/PV.9998", "sig", [CorpusPair("S/PV.9998#0.0", "新的", "fresh", 0.9, "1-1", 0, 0)]
    )
    counts = store.load_corpus([intruder, fresh])
    assert (counts.records, counts.skipped, counts.pairs) == (1, 1, 1)
    assert store.list_pairs("S/PV.9999").items == before
    assert [p.en for p in store.list_pairs("S/PV.9998").items] == ["fresh"]


def test_loaded_pairs_can_be_reviewed_and_merged(store: Repository, corpus: Path) -> None:
    load_corpus(corpus, store)
    symbol = SYMBOLS[0]
    first, second = store.list_pairs(symbol).items[1:3]
    before = store.list_pairs(symbol).total
    merged = store.correct_pair(
        first.id, Correction(action="merge", reviewer="r", with_pair=second.id)
    )
    assert merged[0].zh_ids == first.zh_ids + second.zh_ids
    assert merged[0].en_ids == first.en_ids + second.en_ids
    assert store.list_pairs(symbol).total == before - 1
    [history] = store.corrections(symbol=symbol)
    assert history.action == "merge" and history.state == "current"


def test_the_cli_loads_reports_and_refuses_what_is_not_a_corpus(
    store_location: str, corpus: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    args = ["corpus", "load", str(corpus), "--db", store_location, "--json"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    report = json.loads(first.stdout)
    assert (report["records"], report["skipped"]) == (3, 0)
    assert (
        report["pairs"]
        == report["rows"]
        == sum(pq.read_metadata(p).num_rows for p in (corpus / "shards").glob("*.parquet"))
    )
    assert report["rows_per_second"] > 0
    again = json.loads(runner.invoke(app, args).stdout)
    assert (again["records"], again["skipped"], again["pairs"]) == (0, 3, 0)

    not_a_corpus = tmp_path / "empty"
    not_a_corpus.mkdir()
    new_db = tmp_path / "new.db"
    refused = subprocess.run(
        [*CLI, "corpus", "load", str(not_a_corpus), "--db", str(new_db)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert refused.returncode == 2 and "not a verbalign corpus" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    assert not new_db.exists()  # nothing created for a bad input
    store = open_store(store_location)
    try:
        assert [r.symbol for r in store.list_records()] == SYMBOLS
    finally:
        store.close()
