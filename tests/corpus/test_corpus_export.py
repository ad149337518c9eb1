"""Exports from the canonical table: Moses, TMX, JSONL; filters; dedup; manifest; stats."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree
from synthetic_pairs import CLOSING, OPENING

from aligner.corpus.export import export_corpus
from aligner.corpus.filters import RowFilter
from aligner.corpus.pair_hash import pair_hash
from aligner.corpus.stats import corpus_stats
from aligner.corpus.table import CorpusTable
from aligner.errors import InputError

VERBALIGN = str(Path(sys.executable).parent / "verbalign")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_pair_hash_folds_what_does_not_change_meaning() -> None:
    base = pair_hash("安全理事会必须团结一致。", "The Security Council must remain united.")
    assert (
        pair_hash("安全理事會必須團結一致。", "the security  council must remain united.") == base
    )
    assert (
        pair_hash("安全理事会必须团结一致。", " The Security Council\nmust remain united. ") == base
    )
    assert pair_hash("ＡＢ安全理事会", "x") == pair_hash("AB安全理事会", "x")  # full width
    assert pair_hash("安全理事会必须团结一致。", "The Security Council must remain united!") != base
    assert pair_hash("a", "b") != pair_hash("a\u0001b", "")  # the separator is not text


def test_moses_lines_correspond_and_the_manifest_checks_them(built: Path, tmp_path: Path) -> None:
    report = export_corpus(built, tmp_path / "moses", fmt="moses")
    zh = (tmp_path / "moses" / "corpus.zh").read_text(encoding="utf-8").splitlines()
    en = (tmp_path / "moses" / "corpus.en").read_text(encoding="utf-8").splitlines()
    ids = (tmp_path / "moses" / "corpus.ids").read_text(encoding="utf-8").splitlines()
    assert len(zh) == len(en) == len(ids) > 0
    k = zh.index(OPENING[0])
    assert en[k] == OPENING[1] and ids[k].startswith("S/PV.7101#0.0\tS/PV.7101")
    rows = CorpusTable(built).to_arrow().to_pylist()
    linked = [r for r in rows if r["zh"] and r["en"]]
    assert len(zh) == len(linked)
    files = {f["file"]: f for f in report.manifest["files"]}
    assert set(files) == {"corpus.zh", "corpus.en", "corpus.ids"}
    for name, entry in files.items():
        assert entry["sha256"] == _sha(tmp_path / "moses" / name)
        assert entry["rows"] == len(linked)
    on_disk = json.loads((tmp_path / "moses" / "manifest.json").read_text())
    assert on_disk["counts"]["rows_in"] == len(rows) == on_disk["counts"]["rows_kept"]


def test_dedup_keeps_one_row_per_pair_with_every_symbol(built: Path, tmp_path: Path) -> None:
    report = export_corpus(built, tmp_path / "jsonl", fmt="jsonl", dedup=True)
    rows = [json.loads(x) for x in (tmp_path / "jsonl" / "corpus.jsonl").open(encoding="utf-8")]
    hashes = [r["pair_hash"] for r in rows]
    assert len(hashes) == len(set(hashes))
    closing = [r for r in rows if r["zh"] == CLOSING[0] and r["en"] == CLOSING[1]]
    assert len(closing) == 1
    assert closing[0]["symbols"] == ["S/PV.7101", "S/PV.7102", "S/PV.7103", "S/PV.7104"]
    counts = report.manifest["counts"]
    assert counts["duplicates_removed"] >= 3  # at least the opening and closing lines
    assert counts["rows_kept"] + counts["duplicates_removed"] == counts["rows_in"]


def test_filters(built: Path, tmp_path: Path) -> None:
    table = CorpusTable(built)
    all_rows = table.to_arrow().to_pylist()
    f = RowFilter(min_confidence=0.5, link_types=("1-1",), original=("zh", "en"))
    kept = table.to_arrow(f).to_pylist()
    assert kept and all(
        r["confidence"] >= 0.5 and r["link_type"] == "1-1" and r["original"] in ("zh", "en")
        for r in kept
    )
    expected = [
        r["pair_id"]
        for r in all_rows
        if r["confidence"] >= 0.5 and r["link_type"] == "1-1" and r["original"] in ("zh", "en")
    ]
    assert [r["pair_id"] for r in kept] == expected
    spoken = table.to_arrow(RowFilter(spoken=("fr", "none"))).to_pylist()
    assert {r["spoken_language"] for r in spoken} <= {"fr", None}
    linked = table.to_arrow(RowFilter(linked_only=True)).to_pylist()
    assert all(r["zh"] and r["en"] for r in linked)
    with pytest.raises(InputError, match="--original takes zh, en or none"):
        RowFilter(original=("fr",))
    with pytest.raises(InputError, match="--link-types"):
        RowFilter(link_types=("one-to-one",))


def test_tmx_shards_use_the_project_writer_with_pair_ids(built: Path, tmp_path: Path) -> None:
    export_corpus(built, tmp_path / "all", fmt="tmx")
    shards = sorted((tmp_path / "all" / "tmx").glob("*.tmx"))
    assert [p.name for p in shards] == [f"S-PV.{n}.tmx" for n in range(7101, 7105)]
    export_corpus(built, tmp_path / "tmx", fmt="tmx", dedup=True)
    shards = sorted((tmp_path / "tmx" / "tmx").glob("*.tmx"))
    doc = etree.parse(str(shards[0]))
    root = doc.getroot()
    assert root.get("version") == "1.4" and doc.docinfo.doctype.startswith("<!DOCTYPE tmx")
    tus = root.findall("body/tu")
    assert tus[0].get("tuid") == "S/PV.7101#0.0"
    props = [p.text for p in tus[0].findall("prop") if p.get("type") == "x-symbol"]
    assert props == ["S/PV.7101", "S/PV.7102", "S/PV.7103", "S/PV.7104"]
    assert [t.get(XML_LANG) for t in tus[0].findall("tuv")] == ["zh-CN", "en-GB"]
    assert tus[0].findtext("tuv/seg") == OPENING[0]
    # Deduplicated: later records do not repeat the opening line.
    later = etree.parse(str(shards[1])).getroot().findall("body/tu/tuv/seg")
    assert OPENING[0] not in [s.text for s in later]


def test_stats_agree_with_the_manifest(built: Path) -> None:
    stats = corpus_stats(str(built))
    totals = CorpusTable(built).manifest["totals"]
    assert stats["total"]["pairs"] == totals["pairs"]
    assert stats["total"]["zh_sentences"] == totals["zh_sentences"]
    assert stats["total"]["en_sentences"] == totals["en_sentences"]
    assert sum(b["count"] for b in stats["total"]["confidence_histogram"]) == totals["pairs"]
    assert sum(b["count"] for b in stats["total"]["zh_length_histogram"]) == totals["pairs"]
    assert [r["symbol"] for r in stats["per_record"]] == [f"S/PV.{n}" for n in range(7101, 7105)]
    assert sum(r["pairs"] for r in stats["per_record"]) == totals["pairs"]


def test_cli_export_and_stats(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "cli"
    run = subprocess.run(
        [VERBALIGN, "corpus", "export", str(built), "--format", "moses", "--out", str(out),
         "--min-confidence", "0.9", "--original", "zh,en", "--dedup"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "pairs kept" in run.stdout and (out / "corpus.zh").is_file()
    run = subprocess.run(
        [VERBALIGN, "corpus", "stats", str(built), "--json", "--total-only"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["records"] == 4
    run = subprocess.run(
        [VERBALIGN, "corpus", "stats", str(tmp_path)], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 2
    assert "is not a verbalign corpus" in run.stderr and "Traceback" not in run.stderr


def test_a_damaged_shard_is_refused(built: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(built, copy)
    shard = copy / CorpusTable(copy).shards[0]["shard"]
    shard.write_bytes(shard.read_bytes()[:-10] + b"0123456789")
    with pytest.raises(InputError, match="checksum mismatch"):
        export_corpus(copy, tmp_path / "out", fmt="jsonl")
