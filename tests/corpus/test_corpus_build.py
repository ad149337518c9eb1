"""`corpus build` with the local engine: shards, manifest, resume, bad pairs, kill -9."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import MODEL, REAL
from synthetic_pairs import write_pairs

from aligner.corpus.layout import CorpusLayout
from aligner.corpus.schema import CANONICAL_COLUMNS, SCHEMA
from aligner.corpus.table import CorpusTable
from aligner.errors import InputError
from aligner.pipeline.corpus_build import build_corpus
from aligner.pipeline.engines.ray_engine import ClusterError

VERBALIGN = str(Path(sys.executable).parent / "verbalign")


def test_build_writes_one_canonical_shard_per_pair(built: Path) -> None:
    table = CorpusTable(built)
    manifest = table.manifest
    assert manifest["totals"]["records"] == 4
    assert [s["symbol"] for s in manifest["shards"]] == [f"S/PV.{n}" for n in range(7101, 7105)]
    rows = table.to_arrow()
    assert rows.schema.names[: len(CANONICAL_COLUMNS)] == list(CANONICAL_COLUMNS)
    assert rows.schema == SCHEMA
    assert rows.num_rows == manifest["totals"]["pairs"]
    ids = rows["pair_id"].to_pylist()
    assert len(set(ids)) == len(ids)
    assert all(i.startswith(("S/PV.7101#", "S/PV.7102#", "S/PV.7103#", "S/PV.7104#")) for i in ids)
    # The Chinese speaker's turn (no note in zh, "spoke in Chinese" in en) has zh as original;
    # the secretariat's lines have none.
    by_role = {}
    for r in rows.to_pylist():
        by_role.setdefault((r["role"], r["original"], r["spoken_language"]), r)
    assert ("procedure", None, None) in by_role
    assert ("president", "en", "en") in by_role
    assert ("member", None, "fr") in by_role
    for entry in manifest["shards"]:
        marker = json.loads((built / "done" / f"{entry['task_key']}.json").read_text())
        assert marker["sha256"] == entry["sha256"]
        assert marker["cost"]["cpu_seconds"] > 0


def test_rerun_skips_finished_pairs_and_redoes_only_the_rest(
    pairs_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "corpus"
    first = build_corpus(pairs_dir, out, workers=1, model=MODEL)
    assert (first.done, first.skipped, first.failed) == (3, 0, 0)
    again = build_corpus(pairs_dir, out, workers=1, model=MODEL)
    assert (again.done, again.skipped) == (0, 3)
    # Lose one task's marker (as a crash between shard and marker would): only it is redone,
    # and to the same bytes.
    victim = first.manifest["shards"][1]
    (out / "done" / f"{victim['task_key']}.json").unlink()
    third = build_corpus(pairs_dir, out, workers=1, model=MODEL)
    assert (third.done, third.skipped) == (1, 2)
    assert [r.name for r in third.results] == [victim["name"]]

    def same(shards: list[dict]) -> list[dict]:
        return [{k: v for k, v in s.items() if k != "built"} for s in shards]

    assert same(third.manifest["shards"]) == same(first.manifest["shards"])


def test_bad_pairs_go_to_the_error_report_and_the_rest_is_built(tmp_path: Path) -> None:
    src = tmp_path / "in"
    write_pairs(src, [7201, 7202])
    text = REAL / "text"
    # A pair in the wrong languages: the "Chinese" file is the French record (United Nations).
    shutil.copy(text / "S-PV-9642.fr.txt", src / "S-PV-9642.zh.txt")
    shutil.copy(text / "S-PV-9642.en.txt", src / "S-PV-9642.en.txt")
    # An unreadable PDF.
    (src / "S-PV-1.zh.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(2000))
    shutil.copy(text / "S-PV-9722.en.txt", src / "S-PV-1.en.txt")
    # The same record under a second name: one shard, the second reported.
    for lang in ("zh", "en"):
        shutil.copy(src / f"S-PV.7201.{lang}.txt", src / f"copy-of-7201.{lang}.txt")
    report = build_corpus(src, tmp_path / "corpus", workers=1, model=MODEL)
    assert report.manifest["totals"]["records"] == 2
    errors = {e["pair"]: e for e in report.errors}
    assert errors["S-PV-9642"]["stage"] == "parse"
    assert errors["S-PV-9642"]["message"] == (
        "zh file S-PV-9642.zh.txt: the text is neither Chinese nor English "
        "(verbalign reads zh and en records only)"
    )
    assert errors["S-PV-1"]["stage"] == "parse"
    assert "PDF" in errors["S-PV-1"]["message"] or "pdf" in errors["S-PV-1"]["message"]
    assert errors["copy-of-7201"]["stage"] == "duplicate"
    assert "same two files as S-PV.7201" in errors["copy-of-7201"]["message"]
    assert (report.failed, report.duplicates) == (2, 1)
    lines = (tmp_path / "corpus" / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(x)["pair"] for x in lines) == sorted(errors)


def test_same_record_from_two_different_files_is_kept_once(tmp_path: Path) -> None:
    src = tmp_path / "in"
    write_pairs(src, [7211])
    for lang in ("zh", "en"):
        text = (src / f"S-PV.7211.{lang}.txt").read_text(encoding="utf-8")
        (src / f"later-7211.{lang}.txt").write_text(text + "\n\n", encoding="utf-8")
    report = build_corpus(src, tmp_path / "corpus", workers=1, model=MODEL)
    assert report.manifest["totals"]["records"] == 1
    assert report.manifest["shards"][0]["name"] == "S-PV.7211"
    assert report.errors[0]["stage"] == "duplicate"
    assert "duplicate record S/PV.7211" in report.errors[0]["message"]


def test_clear_errors_before_anything_is_written(tmp_path: Path, pairs_dir: Path) -> None:
    out = tmp_path / "corpus"
    with pytest.raises(InputError, match="input not found"):
        build_corpus(tmp_path / "nope", out, model=MODEL)
    with pytest.raises(ClusterError, match=r"cannot reach the Ray cluster at ray://127\.0\.0\.1:9"):
        build_corpus(pairs_dir, out, engine="ray", address="ray://127.0.0.1:9", model=MODEL)
    with pytest.raises(InputError, match="unknown engine"):
        build_corpus(pairs_dir, out, engine="spark", model=MODEL)
    assert not out.exists()
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "thesis.docx").write_bytes(b"x")
    with pytest.raises(InputError, match="holds no verbalign corpus"):
        build_corpus(pairs_dir, tmp_path / "busy", model=MODEL)


def test_cli_build_reports_and_exits_non_zero_on_failures(tmp_path: Path, pairs_dir: Path) -> None:
    (pairs_dir / "S-PV-2.zh.txt").write_text("这不是记录。" * 20, encoding="utf-8")
    (pairs_dir / "S-PV-2.en.txt").write_text("This is not a record. " * 20, encoding="utf-8")
    out = tmp_path / "corpus"
    run = subprocess.run(
        [VERBALIGN, "corpus", "build", str(pairs_dir), "--out", str(out), "--model", MODEL,
         "--workers", "1", "--json"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 1, run.stderr
    report = json.loads(run.stdout)
    assert (report["built"], report["failed"]) == (3, 1)
    assert report["errors"][0]["pair"] == "S-PV-2"
    assert "no speaker turns" in report["errors"][0]["message"]


def test_kill_9_halfway_then_rerun_loses_nothing_and_does_nothing_twice(tmp_path: Path) -> None:
    src = tmp_path / "in"
    write_pairs(src, list(range(7401, 7409)), turns=10, per_turn=8)
    out = tmp_path / "corpus"
    args = [VERBALIGN, "corpus", "build", str(src), "--out", str(out), "--model", MODEL,
            "--workers", "1", "--json"]  # fmt: skip
    proc = subprocess.Popen(
        args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    deadline = time.monotonic() + 240
    try:
        while len(list((out / "done").glob("*.json"))) < 3 and proc.poll() is None:
            assert time.monotonic() < deadline, "the build made no progress"
            time.sleep(0.02)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the CLI and its worker, mid-task
        proc.wait()
    done_before = {p.stem for p in (out / "done").glob("*.json")}
    assert 3 <= len(done_before) < 8
    run = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["skipped"] == len(done_before)
    assert report["built"] == 8 - len(done_before)
    manifest = CorpusLayout(out).read_manifest()
    assert sorted(s["name"] for s in manifest["shards"]) == [f"S-PV.{n}" for n in range(7401, 7409)]
    ids = CorpusTable(out).to_arrow()["pair_id"].to_pylist()
    assert len(ids) == len(set(ids)) == manifest["totals"]["pairs"]
    assert not list(out.rglob("*.tmp"))
    for entry in manifest["shards"]:
        assert pq.read_table(out / entry["shard"]).num_rows == entry["rows"]
